import numpy as np

from consistency.embed.cache import embed_cached
from consistency.store import Store
from consistency.types import content_hash

SENTENCES = [
    "Free returns within 30 days of delivery.",
    "We never sell your personal data.",
    "Our support team answers around the clock.",
    "All of our cotton is certified organic.",
]


def test_vectors_are_float32_unit_length_and_independent_of_batching(use_encoder):
    a = use_encoder.encode(SENTENCES)
    assert a.dtype == np.float32 and a.shape == (4, use_encoder.dim)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    small_batches = type(use_encoder)(batch_size=1).encode(SENTENCES)
    assert np.allclose(a, small_batches, atol=1e-5)


def test_statements_in_arabic_chinese_korean_find_the_english_promise_on_the_same_topic(use_encoder):
    english = use_encoder.encode(SENTENCES)
    others = {
        "ar": "يمكنك إرجاع المنتجات مجانًا خلال 30 يومًا من الاستلام.",
        "zh": "我们绝不出售您的个人数据。",
        "ko": "고객센터는 연중무휴 24시간 운영됩니다.",
    }
    expected = {"ar": 0, "zh": 1, "ko": 2}
    for lang, text in others.items():
        v = use_encoder.encode([text])[0]
        assert int(np.argmax(english @ v)) == expected[lang], lang


def test_cache_embeds_only_new_text(tmp_path, use_encoder):
    with Store(tmp_path / "s.sqlite") as store:
        first, n1 = embed_cached(use_encoder, SENTENCES[:2], store)
        again, n2 = embed_cached(use_encoder, SENTENCES, store)
    assert (n1, n2) == (2, 2)
    assert np.allclose(first, again[:2])


def test_cache_hands_back_half_precision_and_stores_full_precision(tmp_path, use_encoder):
    """The pipeline holds float16 (half the memory); the store keeps float32, and neighbours agree."""
    full = use_encoder.encode(SENTENCES)
    with Store(tmp_path / "s.sqlite") as store:
        half, _ = embed_cached(use_encoder, SENTENCES, store, dtype=np.float16)
        stored = store.get_embeddings(use_encoder.id, [content_hash(t) for t in SENTENCES])
        again, embedded = embed_cached(use_encoder, SENTENCES, store)
    assert half.dtype == np.float16 and again.dtype == np.float32 and embedded == 0
    assert all(v.dtype == np.float32 for v in stored.values())
    assert np.allclose(again, full, atol=1e-6)
    assert np.array_equal(half, full.astype(np.float16))
    wide = half.astype(np.float32)
    assert np.abs(wide @ wide.T - full @ full.T).max() < 2e-3
    assert np.array_equal(np.argsort(-(wide @ wide.T), axis=1), np.argsort(-(full @ full.T), axis=1))
