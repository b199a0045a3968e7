"""The contradiction judge: typed slot rules, the polarity rule, the trained classifier, and
an optional cross-encoder, combined into one explained ``Verdict`` per pair.

Order of evidence, strongest first:
1. a typed slot conflict (deterministic: "30 days vs 14 days"),
2. the polarity rule (one statement denies what the other affirms, same predicate),
3. the trained classifier's score (or the cross-encoder's, when one is configured).
Rules give reasons a reader can check; the model catches what rules cannot phrase.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from consistency.judge import cues, slots
from consistency.judge.classifier import PairClassifier
from consistency.judge.features import pair_matrix, symbolic_features
from consistency.rules import RULES
from consistency.types import Span, Verdict

NO_CONFLICT = "none"


@dataclass(frozen=True, slots=True)
class PairText:
    a: str
    lang_a: str
    b: str
    lang_b: str


def _slot_span(s: Any, label: str) -> Span:
    return Span(start=s.start, end=s.end, text=s.text, label=label)


def _describe(score: float) -> str:
    return "very likely" if score >= 0.85 else "likely" if score >= 0.65 else "possibly"


class PairJudge:
    """Judges pairs of statements. Stateless after construction; safe to share."""

    def __init__(self, encoder: Any, model: PairClassifier, threshold: float | None = None,
                 cross_encoder: Any = None, rates: Mapping[str, float] | None = None,
                 use_rules: bool = True) -> None:
        if model.encoder_id != encoder.id:
            from consistency.errors import ConfigError

            raise ConfigError(f"the pair classifier was trained on {model.encoder_id} embeddings, "
                              f"but the configured encoder is {encoder.id}",
                              "use embed.model = \"use-multilingual\", or retrain with `consistency train`")
        self.encoder = encoder
        self.model = model
        self.threshold = float(model.meta["threshold"] if threshold is None else threshold)
        self.cross_encoder = cross_encoder
        self.rates = dict(rates or {})
        self.use_rules = use_rules  # False only to measure the classifier alone

    @property
    def id(self) -> str:
        """Changes whenever a verdict could change: for the verdict cache."""
        ce = getattr(self.cross_encoder, "id", "")
        return f"{self.model.meta['train_data_sha256'][:12]}:{self.threshold}:{ce}:{sorted(self.rates.items())}"

    def judge_texts(self, a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> Verdict:
        from consistency.statements.langid import detect_lang

        pair = PairText(a, lang_a or detect_lang(a), b, lang_b or detect_lang(b))
        vecs = self.encoder.encode([a, b])
        return self.judge(pair_texts=[pair], ua=vecs[:1], ub=vecs[1:])[0]

    def judge(self, pair_texts: Sequence[PairText], ua: np.ndarray, ub: np.ndarray) -> list[Verdict]:
        """Verdicts for pairs whose embeddings are ``ua[i]``, ``ub[i]`` (rows in order)."""
        if not pair_texts:
            return []
        sym = [symbolic_features(p.a, p.lang_a, p.b, p.lang_b) for p in pair_texts]
        scores = self.model.predict_proba(pair_matrix(ua, ub, sym, self.model.feature_names))
        ce_scores = None
        if self.cross_encoder is not None:
            ce_scores = self.cross_encoder.contradiction_scores([(p.a, p.b) for p in pair_texts])
        return [self._verdict(p, float(s), None if ce_scores is None else float(ce_scores[i]))
                for i, (p, s) in enumerate(zip(pair_texts, scores))]

    def _verdict(self, p: PairText, model_score: float, ce_score: float | None) -> Verdict:
        conflict = slots.compare(p.a, p.lang_a, p.b, p.lang_b, rates=self.rates or None) if self.use_rules else None
        if conflict is not None:
            return Verdict(True, max(conflict.score, model_score), conflict.code, conflict.rule, (conflict.reason,),
                           (_slot_span(conflict.slot_a, conflict.slot_a.type),),
                           (_slot_span(conflict.slot_b, conflict.slot_b.type),))
        polar = cues.polarity_conflict(p.a, p.lang_a, p.b, p.lang_b) if self.use_rules else None
        if polar is not None:
            return Verdict(True, max(polar.score, model_score), "C201", RULES["C201"].name, (polar.reason,),
                           tuple(polar.spans_a), tuple(polar.spans_b))
        code, score = ("C301", model_score) if ce_score is None else ("C302", ce_score)
        if score >= self.threshold:
            who = "the trained pair classifier" if ce_score is None else "the cross-encoder NLI model"
            reasons = [f"{who} judges these statements {_describe(score)} contradictory (score {score:.2f})"]
            hints = cues.explain_difference(p.a, p.lang_a, p.b, p.lang_b)
            reasons += hints
            return Verdict(True, score, code, RULES[code].name, tuple(reasons))
        return Verdict(False, score, NO_CONFLICT, NO_CONFLICT,
                       (f"no conflicting values, polarity or model signal (score {score:.2f})",))
