"""The encoder seam: ``encode(list[str]) -> float32 array``, L2-normalised, one row per text.

Every backend batches by length (similar lengths together, so padding costs little) and
returns rows in the input order. ``id`` names the model for the embedding cache: two
encoders with the same id must give the same vectors.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np


def l2_normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


class Encoder(ABC):
    id: str
    dim: int
    spec: tuple[str, int] | None = None  # (registry name, batch size): how a worker process rebuilds it

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    @abstractmethod
    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        """Embed one batch (rows in order); need not be normalised."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            idx = order[start:start + self.batch_size]
            out[idx] = l2_normalise(self._encode_batch([texts[i] for i in idx]))
        return out
