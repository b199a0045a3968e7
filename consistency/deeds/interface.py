"""The seam of the words-versus-deeds stage: its config, the parsed corpus the checks share, the check ABC.

A deeds check looks at what pages and mails *do* (the scripts a page loads, the headers a
mail carries, the fields a form collects, the structured data a page declares) and holds it
against what the brand *promises* (commitment units). Each check is one class with a stable
rule code; its docstring, with a bad and a good example, is the rule's documentation.

Findings are one per behaviour (one tracker entity, one form, one kind of mail), listing every
page or mail where it is seen, against the single best-matching commitment.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, cast
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from consistency.config.loader import check_deeds_table
from consistency.errors import ConfigError
from consistency.findings import Finding, Unit, _side, finding_id
from consistency.rules import RULES
from consistency.types import Document, content_hash

DEED_CODES = ("D101", "D102", "D103", "D104", "D105")
_HEADER_END = re.compile(r"\r?\n\r?\n")
_CONFIG_KEYS = ("checks", "first_party_hosts", "tracker_hosts", "severity")
T = TypeVar("T")


def host_of(url: str) -> str:
    """The lower-case host of a URL ("" when it has none)."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def _bare_host(value: str) -> str:
    """A configured host as the checks compare it: "https://Ads.Example.com/x" and "*.ads.example.com"
    both mean "ads.example.com" (which covers its subdomains)."""
    value = value.strip()
    if "://" in value:
        value = host_of(value)
    return value.lower().removeprefix("*.").rstrip(".")


def site_host(host: str) -> str:
    """A host as a first-party base: ``www.example.com`` covers ``shop.example.com`` too."""
    host = host.lower().strip().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_within(host: str, bases: Iterable[str]) -> bool:
    """Whether ``host`` is one of ``bases`` or a subdomain of one."""
    return any(host == b or host.endswith("." + b) for b in bases)


@dataclass(frozen=True, slots=True)
class DeedsConfig:
    """The ``[deeds]`` config table with its defaults filled in.

    ``first_party_hosts`` defaults to the hosts of the configured site sources (and the brand
    url), each covering its subdomains; the host of the page being checked is always first party.
    """

    checks: tuple[str, ...] = DEED_CODES
    first_party_hosts: tuple[str, ...] = ()
    tracker_hosts: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    rates: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))  # [judge] rates, for D104

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, site_urls: Sequence[str] = (),
                     rates: Mapping[str, float] | None = None) -> DeedsConfig:
        """Validate a ``[deeds]`` table (a plain mapping) and fill in the defaults.

        ``site_urls`` give the default first-party hosts; ``rates`` are the ``[judge]`` exchange rates.
        """
        data = dict(data or {})
        for key in data:
            if key not in _CONFIG_KEYS:
                raise ConfigError(f"unknown key `deeds.{key}`", f"valid keys: {', '.join(_CONFIG_KEYS)}")
        check_deeds_table(data)
        checks = tuple(data.get("checks", DEED_CODES))
        severity = dict(data.get("severity", {}))
        first = data.get("first_party_hosts") or [host_of(u) for u in site_urls]  # empty means the default
        return cls(
            checks=checks,
            first_party_hosts=tuple(sorted({site_host(h) for h in map(_bare_host, first) if h})),
            tracker_hosts=tuple(sorted({h for h in map(_bare_host, data.get("tracker_hosts", ())) if h})),
            severity=MappingProxyType(severity),
            rates=MappingProxyType(dict(rates or {})),
        )

    @classmethod
    def from_config(cls, cfg: Any) -> DeedsConfig:
        """From a loaded ``Config``: its ``deeds`` table and the urls of its site sources and brand."""
        urls = [s["url"] for s in cfg.sources if s.get("type") == "site" and s.get("url")]
        if cfg.data.get("brand", {}).get("url"):
            urls.append(cfg.data["brand"]["url"])
        return cls.from_mapping(cfg.data.get("deeds", {}), urls, cfg.data.get("judge", {}).get("rates"))

    def severity_of(self, code: str) -> str:
        return self.severity.get(code, RULES[code].severity)

    def is_first_party(self, host: str, page_url: str = "") -> bool:
        bases = [*self.first_party_hosts, site_host(host_of(page_url))] if page_url else self.first_party_hosts
        return host_within(host, [b for b in bases if b])


@dataclass(frozen=True, slots=True)
class Page:
    """A document's HTML parsed once: the page of a site, or the HTML part of a mail."""

    doc: Document
    root: Any  # lxml.html element

    @property
    def url(self) -> str:
        return self.doc.url


def _mail_html(doc: Document) -> str:
    """The HTML part of a stored mail: what follows the headers and a blank line, if the mail has one."""
    parts = _HEADER_END.split(doc.raw, maxsplit=1)
    if len(parts) < 2 or doc.meta.get("has_html") is False:
        return ""
    start = parts[1].find("<")
    return parts[1][start:] if start >= 0 else ""


def _parse(html: str) -> Any | None:
    if not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


class Corpus:
    """The documents of one run, with each one's HTML parsed at most once and shared by every check.

    ``derived(fn, page)`` memoises what a check reads off a page (its third-party resources, say),
    so two checks that need the same facts compute them once.
    """

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents: tuple[Document, ...] = tuple(documents)
        self._pages: dict[str, Page | None] = {}
        self._derived: dict[tuple[Any, str], Any] = {}

    def of_type(self, source_type: str) -> list[Document]:
        return [d for d in self.documents if d.source_type == source_type]

    def page(self, doc: Document) -> Page | None:
        """The parsed HTML of a site page or of a mail's HTML part; None when there is none."""
        key = doc.id
        if key not in self._pages:
            html = _mail_html(doc) if doc.source_type == "mail" else doc.raw
            root = _parse(html)
            self._pages[key] = Page(doc, root) if root is not None else None
        return self._pages[key]

    def pages(self) -> list[Page]:
        """Every parsed site page, in document order."""
        return [p for d in self.documents if d.source_type == "site" and (p := self.page(d)) is not None]

    def derived(self, fn: Callable[[Page], T], page: Page) -> T:
        key = (fn, page.doc.id)
        if key not in self._derived:
            self._derived[key] = fn(page)
        return cast(T, self._derived[key])


def _occurrence(doc: Document) -> dict[str, Any]:
    return {"url": doc.url, "source_type": doc.source_type, "title": doc.title, "published": doc.published,
            "start": 0, "end": 0}


def behaviour_side(key: str, text: str, docs: Sequence[Document]) -> dict[str, Any]:
    """The observed-behaviour side of a finding, in the shape ``findings._side`` gives a statement."""
    ordered = sorted({d.url: d for d in docs}.values(), key=lambda d: d.url)
    first = ordered[0]
    return {
        "role": "conflict", "id": content_hash("behaviour", key), "text": text, "lang": "en", "kind": "behaviour",
        "source_type": first.source_type, "url": first.url, "title": first.title, "published": first.published,
        "start": 0, "end": 0, "spans": [], "occurrences": [_occurrence(d) for d in ordered],
    }


@dataclass(frozen=True, slots=True)
class Observation:
    """One behaviour a check saw, with everything a finding needs except the promise."""

    key: str  # stable: identifies the behaviour across runs ("tracker:Google Analytics")
    text: str  # one line: what was observed
    docs: tuple[Document, ...]  # every page or mail where it is seen
    evidence: tuple[dict[str, str], ...]
    detail: str  # the explanation's second half: "3 pages load Google Analytics (analytics) from ..."


def quote(unit: Unit) -> str:
    where = unit.first.title or unit.first.url
    return f"“{unit.text}” ({where})" if where else f"“{unit.text}”"


def _sentence_end(text: str) -> str:
    return text if text.rstrip("”\"'»)").endswith((".", "!", "?", "。", "！", "？", "؟")) else text + "."


def make_finding(code: str, config: DeedsConfig, promise: Unit, cues: Sequence[str], seen: Observation,
                 score: float = 1.0, extra_reasons: Sequence[str] = ()) -> Finding:
    """A finding holding one observed behaviour against one commitment."""
    reasons = (f"promise: {quote(promise)}" + (f" (matched: {', '.join(cues)})" if cues else ""),
               f"observed: {seen.text}", *extra_reasons)
    return Finding(
        id=finding_id(code, promise.key, seen.key), code=code, rule=RULES[code].name,
        severity=config.severity_of(code), score=score,
        explanation=f"The commitment {quote(promise)} is contradicted: {_sentence_end(seen.detail)}",
        reasons=reasons,
        statements=(_side("commitment", promise, []), behaviour_side(seen.key, seen.text, seen.docs)),
        evidence=seen.evidence,
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class DeedCheck(ABC):
    """One words-versus-deeds rule. Subclasses set ``code`` and document a bad and a good example."""

    code: ClassVar[str]

    @abstractmethod
    def run(self, documents: Corpus, promises: Sequence[Unit], config: DeedsConfig) -> list[Finding]:
        """Findings of this rule: ``promises`` are the commitment units, ``documents`` the shared corpus."""


def capped(label: str, values: Iterable[str], limit: int = 10) -> list[dict[str, str]]:
    """Evidence rows for distinct values, the first ``limit`` of them and a count of the rest."""
    distinct = sorted(set(values))
    rows = [{"label": label, "value": v} for v in distinct[:limit]]
    if len(distinct) > limit:
        rows.append({"label": label, "value": f"... and {len(distinct) - limit} more"})
    return rows
