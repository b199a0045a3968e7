"""Pair features for the learned classifier.

Embedding interactions (u*v, |u-v|, cosine) carry "same topic, different claim"; the typed
slot features and the polarity/modality cue features carry what embeddings blur (numbers,
negation). The feature order is part of the trained artifact: ``feature_names`` is saved
beside the weights and checked when the artifact loads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from consistency.judge.contrast import contrast_features
from consistency.judge.cues import cue_features
from consistency.judge.slots import slot_features


def symbolic_features(a: str, lang_a: str, b: str, lang_b: str) -> dict[str, float]:
    feats = {f"slot:{k}": float(v) for k, v in slot_features(a, lang_a, b, lang_b).items()}
    feats.update({f"cue:{k}": float(v) for k, v in cue_features(a, lang_a, b, lang_b).items()})
    feats.update({f"contrast:{k}": v for k, v in contrast_features(a, b).items()})
    feats["pair:cross_lingual"] = float(lang_a != lang_b)
    return feats


def symbolic_names() -> list[str]:
    """The symbolic feature names, in a fixed order (probed on a pair that fires many of them)."""
    return sorted(symbolic_features("We never charge for returns within 30 days.", "en",
                                    "Returns cost $5 within 14 days.", "en"))


def pair_matrix(ua: np.ndarray, ub: np.ndarray, symbolic: Sequence[dict[str, float]],
                names: Sequence[str]) -> np.ndarray:
    """Rows of [u*v, |u-v|, cos, symbolic...] for each pair (ua[i], ub[i])."""
    cos = np.sum(ua * ub, axis=1, keepdims=True)
    sym = np.array([[s.get(n, 0.0) for n in names] for s in symbolic], dtype=np.float32).reshape(len(ua), len(names))
    return np.hstack([ua * ub, np.abs(ua - ub), cos, sym]).astype(np.float32)
