"""Candidate pairs: for every commitment, the statements about the same thing, in any language.

Nearest-neighbour search over the statement embeddings, never all pairs. Small corpora use
exact search (blockwise matrix products: cheap and exactly reproducible); large ones an HNSW
index from ``usearch``, built on one thread so that it too is the same on every run. Each
candidate must clear a similarity floor; each commitment keeps its ``top_k`` neighbours.
Commitments are paired with each other too (two promises can contradict). A pair is
unordered: (a, b) and (b, a) are judged once. The vectors may be float16 (how the pipeline
holds them): the index stores half precision either way, and exact search widens them to float32.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

EXACT_LIMIT = 20_000  # below this many statements exact search is fast enough and deterministic


@dataclass(frozen=True, slots=True)
class Pair:
    """Indexes into the statement list: ``a`` is a commitment; ``similarity`` is cosine."""

    a: int
    b: int
    similarity: float


def _exact_neighbours(vectors: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    k = min(k, len(vectors))
    keys = np.zeros((len(queries), k), dtype=np.int64)
    sims = np.zeros((len(queries), k), dtype=np.float32)
    for start in range(0, len(queries), 1024):
        block = queries[start:start + 1024] @ vectors.T
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        part = np.take_along_axis(block, top, axis=1)
        order = np.lexsort((top, -part), axis=1)  # by similarity desc, then index: reproducible
        keys[start:start + len(block)] = np.take_along_axis(top, order, axis=1)
        sims[start:start + len(block)] = np.take_along_axis(part, order, axis=1)
    return keys, sims


def _ann_neighbours(vectors: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    from usearch.index import Index

    # Half-precision storage halves the index's memory; inserting on one thread makes the graph,
    # hence the neighbours, the same on every run (parallel inserts race; searches do not).
    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f16", connectivity=16, expansion_add=64,
                  expansion_search=max(64, 2 * k))
    index.add(np.arange(len(vectors), dtype=np.uint64), vectors, threads=1)
    found = index.search(queries, min(k, len(vectors)))
    keys = np.asarray(found.keys, dtype=np.int64).reshape(len(queries), -1)
    sims = (1.0 - np.asarray(found.distances, dtype=np.float32)).reshape(len(queries), -1)
    return keys, sims


def candidate_pairs(vectors: np.ndarray, commitment_idx: Sequence[int], top_k: int, min_similarity: float,
                    same_text: Sequence[int] | None = None) -> list[Pair]:
    """Pairs (commitment, neighbour) above ``min_similarity``, ``top_k`` per commitment.

    ``same_text[i]`` is an id of statement i's normalised text: statements with the same text
    are never paired (a sentence does not contradict itself).
    """
    if len(commitment_idx) == 0 or len(vectors) < 2:
        return []
    exact = len(vectors) <= EXACT_LIMIT
    if exact:  # small enough to widen; matrix products in float16 are slow in numpy
        vectors = np.asarray(vectors, dtype=np.float32)
    queries = vectors[np.asarray(commitment_idx)]
    search = _exact_neighbours if exact else _ann_neighbours
    keys, sims = search(vectors, queries, top_k + 1)
    seen: set[tuple[int, int]] = set()
    pairs: list[Pair] = []
    for row, a in enumerate(commitment_idx):
        kept = 0
        for b, sim in zip(keys[row].tolist(), sims[row].tolist()):
            if b == a or b < 0 or sim < min_similarity or kept >= top_k:
                continue
            if same_text is not None and same_text[a] == same_text[b]:
                continue
            key = (min(a, b), max(a, b))
            kept += 1
            if key in seen:
                continue
            seen.add(key)
            pairs.append(Pair(a=a, b=b, similarity=round(float(sim), 4)))
    return pairs
