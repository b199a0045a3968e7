"""The trained pair classifier, as a small numpy network loaded from the packaged artifact.

Training (``consistency.judge.train``) fits a scikit-learn MLP and a logistic regression and keeps
the better by cross-validation; a logistic regression is a network of one layer. Only weights are saved
(``weights.npz``) with ``meta.json`` (encoder id, feature names, training-data hash, metrics).
Inference is a numpy forward pass: no pickle is ever loaded, and judging is fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from consistency.errors import ConfigError


def default_artifact_dir() -> Path:
    return Path(str(resources.files("consistency.judge").joinpath("model")))


@dataclass(frozen=True, slots=True)
class PairClassifier:
    weights: tuple[np.ndarray, ...]  # W0, b0, W1, b1, ...
    mean: np.ndarray
    scale: np.ndarray
    meta: dict[str, Any]

    @property
    def encoder_id(self) -> str:
        return str(self.meta["encoder"])

    @property
    def feature_names(self) -> list[str]:
        return list(self.meta["symbolic_features"])

    @classmethod
    def load(cls, folder: str | Path | None = None) -> PairClassifier:
        folder = Path(folder) if folder else default_artifact_dir()
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            with np.load(folder / "weights.npz") as npz:
                n = int(meta["layers"])
                weights = tuple(np.asarray(npz[f"{kind}{i}"], dtype=np.float32)
                                for i in range(n) for kind in ("W", "b"))
                mean, scale = npz["mean"].astype(np.float32), npz["scale"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(f"cannot load the pair classifier from {folder}: {exc}",
                              "reinstall the package, or retrain with `consistency train`") from None
        return cls(weights=weights, mean=mean, scale=scale, meta=meta)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Probability of contradiction for each feature row."""
        h = (np.asarray(x, dtype=np.float32) - self.mean) / self.scale
        layers = len(self.weights) // 2
        for i in range(layers):
            h = h @ self.weights[2 * i] + self.weights[2 * i + 1]
            if i < layers - 1:
                np.maximum(h, 0, out=h)
        z = h[:, 0] if h.ndim == 2 else h
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def save(folder: Path, coefs: list[np.ndarray], intercepts: list[np.ndarray], mean: np.ndarray,
         scale: np.ndarray, meta: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32)}
    for i, (w, b) in enumerate(zip(coefs, intercepts)):
        arrays[f"W{i}"] = w.astype(np.float32)
        arrays[f"b{i}"] = b.astype(np.float32)
    np.savez_compressed(folder / "weights.npz", **arrays)
    meta = {**meta, "layers": len(coefs)}
    (folder / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
