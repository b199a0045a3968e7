"""Is a statement a commitment (a promise, policy, guarantee or stated fact the brand stands by)
or a message (an offer, announcement, story, question, call to action)?

Only commitments start a search for contradictions, so this decides what gets checked.
The score is a logistic regression over named cues (``commitment_cues``): each cue that fires
adds its learned weight, so every score can be explained cue by cue ("promise 'we guarantee'
+2.1, limited_offer 'this weekend only' -2.6"). The weights live in
``commitment_model.json`` beside this module (a few hundred bytes of JSON, no pickle);
``python -m consistency.statements.train_commitments`` rebuilds it from
``corpora/commitments``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.errors import ConfigError
from consistency.statements.commitment_cues import FEATURE_NAMES, LEXICONS, cue_hits, features, shape

MODEL_FILE = Path(__file__).with_name("commitment_model.json")
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class CommitmentModel:
    """Learned cue weights. ``meta`` records the training data hash, counts and settings."""

    weights: Mapping[str, float]
    intercept: float
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path = MODEL_FILE) -> CommitmentModel:
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            intercept = float(data["intercept"])
        except (OSError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"cannot load the commitment model from {path}: {exc}",
                              "reinstall the package, or rebuild it with "
                              "`python -m consistency.statements.train_commitments`") from None
        unknown = sorted(set(weights) - set(FEATURE_NAMES))
        if unknown:
            raise ConfigError(f"the commitment model at {path} has features this version does not compute: "
                              f"{', '.join(unknown)}",
                              "rebuild it with `python -m consistency.statements.train_commitments`")
        return cls(weights=weights, intercept=intercept, meta=data.get("meta", {}))

    def save(self, path: str | Path = MODEL_FILE) -> None:
        data = {"intercept": round(self.intercept, 6),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
                "meta": dict(self.meta)}
        Path(path).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")

    def logit(self, feats: Mapping[str, float]) -> float:
        return self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in feats.items())


@functools.cache
def _packaged_model() -> CommitmentModel:
    return CommitmentModel.load(MODEL_FILE)


class CommitmentDetector:
    """Scores statements; ``is_commitment`` compares the score with ``threshold``.

    ``model`` defaults to the packaged one (loaded once per process and shared).
    Languages without a cue lexicon (see ``LEXICONS``) score 0: with no cue to go on, the
    model's answer would be its prior, a coin flip, and a flood of false commitments costs
    more than a missed one. Such commitments can be declared in the configuration instead.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, model: CommitmentModel | None = None) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"commitment_threshold must be between 0 and 1, got {threshold}",
                              "set [statements] commitment_threshold to a probability such as 0.5")
        self.threshold = threshold
        self.model = model if model is not None else _packaged_model()

    def score(self, text: str, lang: str) -> float:
        """Probability (0..1) that ``text`` is a commitment; 0 for a language we have no cues for."""
        if lang not in LEXICONS:
            return 0.0
        z = self.model.logit(features(text, lang))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_commitment(self, text: str, lang: str) -> bool:
        return self.score(text, lang) >= self.threshold

    def explain(self, text: str, lang: str) -> list[str]:
        """The cues that fired with their matched text and weight, strongest first, then the verdict."""
        if lang not in LEXICONS:
            return [f"no commitment cues for language {lang!r}: scored 0, a message "
                    "(declare its commitments in the configuration: [[commitments]] with text = ... or urls = [...])"]
        w = self.model.weights
        parts = [(w.get(f"cue:{name}", 0.0), f"{name} '{match}'") for name, match in cue_hits(text, lang).items()]
        parts += [(w.get(name, 0.0), name.removeprefix("shape:").replace("_", " "))
                  for name, value in shape(text, lang).items() if value]
        lines = [f"{label} ({weight:+.2f})" for weight, label in sorted(parts, key=lambda p: (-abs(p[0]), p[1]))]
        score = self.score(text, lang)
        kind = "commitment" if score >= self.threshold else "message"
        lines.append(f"score {score:.2f} {'>=' if kind == 'commitment' else '<'} {self.threshold:g}: {kind}")
        return lines
