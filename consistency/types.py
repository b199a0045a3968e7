"""Frozen records that flow between the pipeline stages.

sources -> Document | Skipped
statements -> Statement
pairing -> Pair
judge -> Verdict
findings -> Finding

Every record is immutable; stages build new records instead of mutating old ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SourceType = Literal["site", "feed", "mail", "social", "files", "draft", "config"]
Kind = Literal["commitment", "message"]


def content_hash(*parts: str) -> str:
    """A short, stable hex digest of text parts (sha256, 16 hex chars)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One published item: a page, a feed entry, a mail, a post, a local file.

    ``text`` is the clean text that statements point into (offsets are into it).
    ``raw`` keeps the original markup or headers where later checks need them (the
    HTML of a page, the headers of a mail); it may be empty.
    """

    source: str  # the configured source's label, e.g. "site:https://www.example.com/"
    source_type: str  # site | feed | mail | social | files | draft
    url: str  # page URL, "mid:<message-id>", file path, or post URL
    text: str
    title: str = ""
    lang: str | None = None  # declared language (html lang=, Content-Language), if any
    published: str | None = None  # ISO 8601 date or datetime, if known
    raw: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_hash(self.source_type, self.url)

    @property
    def hash(self) -> str:
        """Hash of the content that matters: a changed hash means re-segment."""
        return content_hash(self.title, self.text, self.published or "")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item that could not be collected or read, with the reason. A value, not an exception."""

    source: str
    item: str  # URL, path or "path#index"
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "item": self.item, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class NotModified:
    """A page the server answered 304 Not Modified for: the stored document is still current."""

    source: str
    url: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence-like claim, pointing into its document's text by character offsets."""

    doc_id: str
    text: str
    lang: str
    start: int
    end: int
    source_type: str
    url: str
    title: str = ""
    published: str | None = None
    kind: str = "message"  # commitment | message
    commitment_score: float = 0.0

    @property
    def id(self) -> str:
        return content_hash(self.text, self.url, str(self.start))

    @property
    def text_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        return d


@dataclass(frozen=True, slots=True)
class Span:
    """A conflicting part of a statement: character offsets into the statement text."""

    start: int
    end: int
    text: str
    label: str = ""  # e.g. "duration", "money", "negation"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judge's answer for one pair of statements."""

    contradiction: bool
    score: float  # 0..1, how sure we are that the pair contradicts
    code: str  # stable rule code, e.g. "C101"
    rule: str  # rule name, e.g. "numeric-conflict"
    reasons: tuple[str, ...] = ()
    spans_a: tuple[Span, ...] = ()
    spans_b: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "contradiction": self.contradiction,
            "score": round(float(self.score), 4),
            "code": self.code,
            "rule": self.rule,
            "reasons": list(self.reasons),
            "spans_a": [asdict(s) for s in self.spans_a],
            "spans_b": [asdict(s) for s in self.spans_b],
        }
