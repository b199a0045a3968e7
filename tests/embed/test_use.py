import numpy as np

from consistency.embed.cache import embed_cached
from consistency.store import Store

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
