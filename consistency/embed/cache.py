"""Embeddings through the store's cache: a re-run embeds only text it has not seen.

The store keeps every vector in float32, as the encoder gave it; the matrix handed back may be
float16 (``dtype``), half the memory (1 KB a statement at 512 dimensions), which is how the
check holds a large corpus: its nearest-neighbour index is half precision anyway, and the judge
reads the float32 rows of each chunk back from the store."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from consistency.embed.interface import Encoder
from consistency.embed.registry import encode_chunk
from consistency.executor import Executor, SerialExecutor
from consistency.progress import QUIET, Observer
from consistency.store import Store
from consistency.types import content_hash


def embed_cached(encoder: Encoder, texts: Sequence[str], store: Store | None,
                 observer: Observer = QUIET, chunk: int = 2048, executor: Executor | None = None,
                 dtype: type[np.floating] = np.float32) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` (rows in order, as ``dtype``) and how many texts had to be encoded.

    With a parallel ``executor`` the chunks are encoded by workers; chunks are cut the same
    way either way, so the vectors are the same.
    """
    hashes = [content_hash(t) for t in texts]
    row_of: dict[str, int] = {}  # each distinct text's first row; vectors go straight into ``out``
    for i, h in enumerate(hashes):
        row_of.setdefault(h, i)
    out = np.zeros((len(texts), encoder.dim), dtype=dtype)
    have = np.zeros(len(texts), dtype=bool)
    if store is not None:
        for h, vec in store.iter_embeddings(encoder.id, list(row_of)):
            out[row_of[h]] = vec
            have[row_of[h]] = True
    todo = [h for h, row in row_of.items() if not have[row]]
    chunks = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
    parallel = executor is not None and not isinstance(executor, SerialExecutor) and encoder.spec is not None
    observer.start(f"embed ({encoder.id})", total=len(todo))
    # Workers take a wave of chunks at a time, so progress and the cache advance as they go.
    wave = 4 * getattr(executor, "workers", 2) if parallel else 1
    for start in range(0, len(chunks), wave):
        group = chunks[start:start + wave]
        texts_of = [[texts[row_of[h]] for h in part] for part in group]
        results = (executor.map(encode_chunk, texts_of, encoder.spec) if parallel  # type: ignore[union-attr]
                   else [encoder.encode(t) for t in texts_of])
        for part, vecs in zip(group, results):
            if store is not None:
                store.put_embeddings(encoder.id, list(zip(part, vecs)))
            out[[row_of[h] for h in part]] = vecs
            observer.advance(len(part))
    observer.finish()
    for i, h in enumerate(hashes):
        if row_of[h] != i:  # a repeated text: copy its first row
            out[i] = out[row_of[h]]
    return out, len(todo)
