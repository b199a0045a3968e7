"""The contradiction judge: typed slot rules, the polarity rule, the trained classifier, and
an optional cross-encoder, combined into one explained ``Verdict`` per pair.

Order of evidence, strongest first:
1. a typed slot conflict (deterministic: "30 days vs 14 days"),
2. the polarity rule (one statement denies what the other affirms, same predicate),
3. the trained classifier's score (or the cross-encoder's, when one is configured).
Rules give reasons a reader can check; the model catches what rules cannot phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from consistency.judge import cues, slots
from consistency.judge.classifier import PairClassifier
from consistency.judge.contrast import explain_contrasts
from consistency.judge.features import pair_matrix, symbolic_features
from consistency.rules import RULES
from consistency.types import Span, Verdict, content_hash

NO_CONFLICT = "none"


@dataclass(frozen=True, slots=True)
class PairText:
    a: str
    lang_a: str
    b: str
    lang_b: str


def _slot_span(s: Any, label: str) -> Span:
    return Span(start=s.start, end=s.end, text=s.text, label=label)


@lru_cache(maxsize=1)
def _code_version() -> str:
    """A hash of the judge's own source: editing a rule invalidates cached verdicts."""
    folder = Path(__file__).parent
    return content_hash(*(f.read_text("utf-8") for f in sorted(folder.glob("*.py"))))


def values_agree(feats: Mapping[str, float]) -> bool:
    """Same-type slots with equal values and nothing else that differs: a paraphrase, whatever the model says.

    On the training split (3,464 pairs) this holds for 191 consistent pairs and 17 contradictions.
    """
    differs = ("slot:differ", "cue:neg_xor", "cue:quant_clash", "cue:modal_clash", "contrast:any")
    return feats.get("slot:equal", 0.0) > 0 and not any(feats.get(k, 0.0) for k in differs)


_QUESTION = re.compile(r"[?？؟]\s*[\"'”’»)\]」』）]*$")


def is_question(text: str) -> bool:
    """"Do you sell my data?": an FAQ heading asks, it does not claim."""
    return bool(_QUESTION.search(text.strip()))


CONFLICT_EVIDENCE = ("slot:differ", "slot:values_differ_open", "cue:neg_xor", "cue:quant_clash", "cue:modal_clash",
                     "cue:restrict_xor", "cue:aspire_xor", "contrast:any")


def has_conflict_evidence(feats: Mapping[str, float]) -> bool:
    """Something in the text that could carry a contradiction: differing values, one-sided negation,
    a quantifier or modal clash, opposite poles of a concept. A model-only verdict needs one of these:
    without it the classifier mostly answers "same topic, different detail", which a check meets
    far more often than a contradiction (the candidate pairs of a real site are mostly consistent)."""
    return any(feats.get(k, 0.0) for k in CONFLICT_EVIDENCE)


_VALUE_EVIDENCE = ("slot:differ", "slot:values_differ_open")
_SCOPED_EVIDENCE = (*_VALUE_EVIDENCE, "contrast:any", "cue:restrict_xor")


def model_may_flag(feats: Mapping[str, float]) -> bool:
    """Whether the classifier's score may turn this pair into a contradiction (rules aside).

    Values that differ under different scopes ("members: 60 days", "in the US: $50") are the
    hard negatives of this domain: they count as evidence only when the scopes match."""
    if values_agree(feats):
        return False
    if feats.get("cue:neg_xor", 0.0) and not feats.get("pair:cross_lingual", 0.0) and not feats.get("cue:shared", 0.0):
        # "We never sell your data" against "Our privacy team hosts a Q&A": a negation denies something
        # the other statement says only if they share a word (across languages that cannot be checked)
        feats = {**feats, "cue:neg_xor": 0.0}
    if feats.get("slot:scope_differ", 0.0) or feats.get("contrast:names_disjoint", 0.0):
        # values, poles ("free" / "$15") and "only" are what scopes vary; so are named products and places
        # ("the Essentials box: $29", "the Deluxe box: $49")
        return any(feats.get(k, 0.0) for k in CONFLICT_EVIDENCE if k not in _SCOPED_EVIDENCE)
    return has_conflict_evidence(feats)


def _why_not(feats: Mapping[str, float], score: float) -> str:
    if values_agree(feats):
        return "both statements give the same values, and no negation or contrast separates them"
    if feats.get("slot:scope_differ", 0.0) and has_conflict_evidence(feats):
        return "the values differ, but so does their scope (market, customer group, tier or period)"
    if feats.get("cue:neg_xor", 0.0) and not has_conflict_evidence({**feats, "cue:neg_xor": 0.0}):
        return f"only one statement is negated, but they share no word it could deny (model score {score:.2f})"
    return f"no differing values, negation, or opposite terms (model score {score:.2f})"


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
        """Changes whenever a verdict could change (code, model, settings): the verdict cache's key."""
        ce = getattr(self.cross_encoder, "id", "")
        return content_hash(_code_version(), self.model.meta["train_data_sha256"], str(self.threshold), ce,
                            str(sorted(self.rates.items())), str(self.use_rules))

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
        return [self._verdict(p, float(s), None if ce_scores is None else float(ce_scores[i]), sym[i])
                for i, (p, s) in enumerate(zip(pair_texts, scores))]

    def _verdict(self, p: PairText, model_score: float, ce_score: float | None, feats: Mapping[str, float]) -> Verdict:
        if self.use_rules and (is_question(p.a) or is_question(p.b)):
            return Verdict(False, model_score, NO_CONFLICT, NO_CONFLICT, ("a question asserts nothing to contradict",))
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
        if self.use_rules and not model_may_flag(feats):
            return Verdict(False, score, NO_CONFLICT, NO_CONFLICT, (_why_not(feats, score),))
        if score >= self.threshold:
            who = "the trained pair classifier" if ce_score is None else "the cross-encoder NLI model"
            reasons = [f"{who} judges these statements {_describe(score)} contradictory (score {score:.2f})"]
            hints = cues.difference_spans(p.a, p.lang_a, p.b, p.lang_b)
            marked = {(sa.text.strip(), sb.text.strip()) for _, sa, sb in hints if sa and sb}
            hints += [h for h in explain_contrasts(p.a, p.b)  # not the same words an antonym cue gave
                      if (h[1].text.strip(), h[2].text.strip()) not in marked]
            spans_a, spans_b = (tuple(dict.fromkeys(h[i] for h in hints if h[i] is not None)) for i in (1, 2))
            return Verdict(True, score, code, RULES[code].name, tuple(reasons + [r for r, _, _ in hints]),
                           spans_a, spans_b)
        return Verdict(False, score, NO_CONFLICT, NO_CONFLICT,
                       (f"no conflicting values, polarity or model signal (score {score:.2f})",))
