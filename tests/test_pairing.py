import numpy as np

from consistency.pairing import EXACT_LIMIT, _ann_neighbours, _exact_neighbours, candidate_pairs


def unit_rows(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_pairs_respect_floor_top_k_and_are_unordered():
    v = unit_rows(50)
    v[1] = v[0] * 0.9 + v[1] * 0.1
    v[1] /= np.linalg.norm(v[1])
    pairs = candidate_pairs(v, commitment_idx=[0, 1], top_k=3, min_similarity=0.5)
    keys = [(min(p.a, p.b), max(p.a, p.b)) for p in pairs]
    assert (0, 1) in keys and len(keys) == len(set(keys))  # 0-1 found once, not twice
    assert all(p.similarity >= 0.5 for p in pairs)
    loose = candidate_pairs(v, commitment_idx=[0], top_k=3, min_similarity=-1.0)
    assert len(loose) == 3 and all(p.a == 0 and p.b != 0 for p in loose)


def test_same_text_is_never_paired():
    v = unit_rows(5)
    v[3] = v[0]
    pairs = candidate_pairs(v, [0], top_k=4, min_similarity=-1, same_text=[0, 1, 2, 0, 4])
    assert 3 not in {p.b for p in pairs}


def test_ann_search_finds_the_exact_neighbours():
    v = unit_rows(2000, dim=64, seed=1)
    q = v[:20]
    ek, _ = _exact_neighbours(v, q, 5)
    ak, _ = _ann_neighbours(v, q, 5)
    recall = np.mean([len(set(ek[i]) & set(ak[i])) / 5 for i in range(20)])
    assert recall >= 0.95
    assert EXACT_LIMIT < 100_000  # large corpora never take the quadratic path


def test_ann_neighbours_are_the_same_on_every_build():
    """A re-run must pair (hence find) exactly what the first run did, also on the HNSW path."""
    v = unit_rows(3000, dim=64, seed=2)
    q = v[:300]
    first, second = _ann_neighbours(v, q, 8), _ann_neighbours(v, q, 8)
    assert np.array_equal(first[0], second[0])


def test_half_precision_vectors_give_the_same_pairs():
    """The pipeline holds float16 vectors: the HNSW index is half precision either way (the same
    neighbours), and exact search widens them to float32."""
    v = unit_rows(EXACT_LIMIT + 500, dim=48, seed=3)
    q = list(range(0, len(v), 97))
    assert candidate_pairs(v.astype(np.float16), q, 6, 0.1) == candidate_pairs(v, q, 6, 0.1)
    small = unit_rows(400, seed=4)
    small[1::2] = small[0::2] + 0.5 * small[1::2]
    small /= np.linalg.norm(small, axis=1, keepdims=True)
    half = candidate_pairs(small.astype(np.float16), list(range(0, 400, 2)), 3, 0.5)
    full = candidate_pairs(small, list(range(0, 400, 2)), 3, 0.5)
    assert [(p.a, p.b) for p in half] == [(p.a, p.b) for p in full]
    assert max(abs(h.similarity - f.similarity) for h, f in zip(half, full)) < 2e-3
