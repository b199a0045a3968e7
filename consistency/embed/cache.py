"""Embeddings through the store's cache: a re-run embeds only text it has not seen."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from consistency.embed.interface import Encoder
from consistency.progress import QUIET, Observer
from consistency.store import Store
from consistency.types import content_hash


def embed_cached(encoder: Encoder, texts: Sequence[str], store: Store | None,
                 observer: Observer = QUIET, chunk: int = 2048) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` (rows in order) and how many texts had to be encoded."""
    hashes = [content_hash(t) for t in texts]
    unique = dict(zip(hashes, texts))
    known = store.get_embeddings(encoder.id, list(unique)) if store is not None else {}
    todo = [h for h in unique if h not in known]
    observer.start(f"embed ({encoder.id})", total=len(todo))
    for start in range(0, len(todo), chunk):
        part = todo[start:start + chunk]
        vecs = encoder.encode([unique[h] for h in part])
        fresh = list(zip(part, vecs))
        if store is not None:
            store.put_embeddings(encoder.id, fresh)
        known.update(fresh)
        observer.advance(len(part))
    observer.finish()
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for i, h in enumerate(hashes):
        out[i] = known[h]
    return out, len(todo)
