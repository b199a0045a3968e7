"""Verdicts -> findings: one finding per contradiction, not per occurrence.

The same conflicting sentence on ten pages is one finding that lists every place it
appears. A finding's id is a hash of its rule code and the two normalised texts, so it is
stable across runs and usable in baselines and suppressions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from consistency.rules import RULES, SEVERITIES
from consistency.types import Span, Statement, Verdict, content_hash

SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error=0 is the most severe
MODEL_CODES = ("C301", "C302")


@dataclass(frozen=True, slots=True)
class Unit:
    """One distinct statement text with every place it occurs."""

    text: str
    lang: str
    kind: str
    occurrences: tuple[Statement, ...]

    @property
    def first(self) -> Statement:
        return self.occurrences[0]

    @property
    def key(self) -> str:
        from consistency.statements.filter import normalise

        return normalise(self.text)

    @property
    def is_draft(self) -> bool:
        return any(o.source_type == "draft" for o in self.occurrences)


def written_together(a: Unit, b: Unit) -> bool:
    """Both statements appear in one document. Its sentences were written together and qualify each
    other (a general rule and its exception, a return window and the refund that follows it), so a
    model-only verdict between them is not reported; the typed rules still are ("30 days" and "14
    days" for the same thing on one page is a contradiction whoever wrote it)."""
    return bool({o.doc_id for o in a.occurrences} & {o.doc_id for o in b.occurrences})


SIDE_KEYS = ("role", "id", "text", "lang", "kind", "source_type", "url", "title", "published", "start", "end",
             "spans", "occurrences")
_FIRST_KEYS = frozenset(("id", "source_type", "url", "title", "published", "start", "end"))


@dataclass(frozen=True, slots=True, eq=False)
class Side(Mapping[str, Any]):
    """One side of a finding as the mapping reports read (``SIDE_KEYS``), computed from its unit
    on access: a finding holds the unit and the spans, not copies of their fields, so a million
    findings cost a fraction of the memory. ``to_dict()`` is the plain dict a report writes."""

    role: str
    unit: Unit
    spans: tuple[Span, ...]
    kind: str

    def __getitem__(self, key: str) -> Any:
        if key == "role":
            return self.role
        if key == "kind":
            return self.kind
        if key == "text" or key == "lang":
            return getattr(self.unit, key)
        if key in _FIRST_KEYS:
            return getattr(self.unit.first, key)
        if key == "spans":
            return [asdict(s) for s in self.spans]
        if key == "occurrences":
            return [{"url": o.url, "source_type": o.source_type, "title": o.title, "published": o.published,
                     "start": o.start, "end": o.end} for o in self.unit.occurrences]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(SIDE_KEYS)

    def __len__(self) -> int:
        return len(SIDE_KEYS)

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in SIDE_KEYS}


def _side(role: str, unit: Unit, spans: Sequence[Span], kind: str | None = None) -> dict[str, Any]:
    return Side(role, unit, tuple(spans), kind or unit.kind).to_dict()


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    code: str
    rule: str
    severity: str
    score: float
    explanation: str
    reasons: tuple[str, ...]
    statements: tuple[Mapping[str, Any], Mapping[str, Any]]  # commitment side, conflict side
    evidence: tuple[dict[str, str], ...] = ()
    new: bool = True

    @property
    def sort_key(self) -> tuple[int, float, str]:
        return (SEVERITY_RANK[self.severity], -self.score, self.id)

    def with_new(self, new: bool) -> Finding:
        return Finding(self.id, self.code, self.rule, self.severity, self.score, self.explanation, self.reasons,
                       self.statements, self.evidence, new)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "score": round(self.score, 4),
            "explanation": self.explanation,
            "reasons": list(self.reasons),
            "new": self.new,
            "statements": [s if isinstance(s, dict) else s.to_dict() for s in self.statements],
        }
        if self.evidence:
            d["evidence"] = list(self.evidence)
        return d


def severity_for(code: str, commitment: Unit, other: Unit, score: float, model_error_at: float = 0.9) -> str:
    """Rule verdicts against a commitment are errors; model-only verdicts are warnings unless very sure."""
    if code in MODEL_CODES:
        return "error" if score >= model_error_at and other.kind == "commitment" else "warning"
    return RULES[code].severity if code in RULES else "warning"


def finding_id(code: str, a_key: str, b_key: str) -> str:
    lo, hi = sorted((a_key, b_key))
    return "F-" + content_hash(code, lo, hi)


def make_finding(a: Unit, b: Unit, verdict: Verdict) -> Finding:
    """A finding from a contradicting pair; the commitment side goes first."""
    if a.kind != "commitment" and b.kind == "commitment":
        a, b = b, a
        spans_a, spans_b = verdict.spans_b, verdict.spans_a
    else:
        spans_a, spans_b = verdict.spans_a, verdict.spans_b
    code = verdict.code
    return Finding(
        id=finding_id(code, a.key, b.key),
        code=code,
        rule=verdict.rule,
        severity=severity_for(code, a, b, verdict.score),
        score=float(verdict.score),
        explanation=verdict.reasons[0] if verdict.reasons else RULES[code].summary,
        reasons=tuple(verdict.reasons),
        statements=(Side("commitment", a, tuple(spans_a), a.kind), Side("conflict", b, tuple(spans_b), b.kind)),
    )


@dataclass(slots=True)
class Gate:
    """Decides which findings are new and the exit code."""

    fail_on: str = "error"
    baseline: frozenset[str] = frozenset()
    suppress: frozenset[str] = frozenset()
    suppressed: list[Finding] = field(default_factory=list)

    def apply(self, findings: Sequence[Finding]) -> list[Finding]:
        kept = []
        for f in findings:
            if f.id in self.suppress or f.code in self.suppress:
                self.suppressed.append(f)
                continue
            kept.append(f.with_new(f.id not in self.baseline))
        return sorted(kept, key=lambda f: f.sort_key)

    def exit_code(self, findings: Sequence[Finding]) -> int:
        if self.fail_on == "never":
            return 0
        limit = SEVERITY_RANK[self.fail_on]
        return int(any(f.new and SEVERITY_RANK[f.severity] <= limit for f in findings))
