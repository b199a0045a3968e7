"""Optional cross-encoder NLI rescoring through sentence-transformers ``CrossEncoder``.

Any NLI cross-encoder works (a hub name on a machine with hub access, or a local folder);
the label order differs between models, so the contradiction column is read from the
model's ``config.id2label``, never assumed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from consistency.embed.st import _require_st
from consistency.errors import ConfigError


def contradiction_index(id2label: dict[int, str] | dict[str, str]) -> int:
    """The output column whose label names a contradiction."""
    for key, label in id2label.items():
        if "contradict" in str(label).lower():
            return int(key)
    raise ConfigError(f"the cross-encoder's labels {dict(id2label)} name no contradiction class",
                      "use an NLI cross-encoder (labels such as contradiction/entailment/neutral)")


class CrossEncoderNLI:
    def __init__(self, name_or_path: str, batch_size: int = 32) -> None:
        st = _require_st()
        local = Path(name_or_path).expanduser()
        try:
            self._model = st.CrossEncoder(str(local) if local.exists() else name_or_path, device="cpu",
                                          local_files_only=local.exists())
        except OSError as exc:
            raise ConfigError(f"cannot load cross-encoder {name_or_path!r}: {exc}",
                              "give a local model folder, or a hub name on a machine with hub access") from None
        self._column = contradiction_index(self._model.config.id2label)
        self.batch_size = batch_size
        self.id = f"ce:{local.resolve().name if local.exists() else name_or_path}"

    def contradiction_scores(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        probs = self._model.predict(list(pairs), batch_size=self.batch_size, apply_softmax=True,
                                    show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(probs, dtype=np.float32)[:, self._column]
