"""report.html: the report a communications team reads, as one self-contained file.

Everything a reader needs is inside the file (CSS, a small filter script, charts drawn as inline
SVG on the server), so it opens from disk, from a CI artifact or from an email attachment, offline.

Crawled text is hostile until proven otherwise. The template environment escapes every value
(``autoescape=True``), spans are highlighted by splitting the text into segments here in Python
and letting the template escape each one, links are only made from http(s) or relative URLs, and a
Content-Security-Policy allows no script but the report's own (by hash), so even a slip in escaping
would not run injected code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from consistency.report.interface import Formatter

SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "note": "Note"}
CHANNEL_LABELS = {"site": "Website", "feed": "Feed", "mail": "Email", "social": "Social", "files": "File",
                  "draft": "Draft", "config": "Config"}
LANGUAGE_LABELS = {"en": "English", "ar": "Arabic", "zh": "Chinese", "ko": "Korean", "ja": "Japanese",
                   "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
                   "nl": "Dutch", "ru": "Russian", "tr": "Turkish", "hi": "Hindi", "he": "Hebrew", "fa": "Persian",
                   "ur": "Urdu", "und": "Unknown"}
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
SIDE_HEADINGS = {"commitment": "Conflicting commitment", "behaviour": "What was observed",
                 "message": "Conflicting statement"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class HtmlFormatter(Formatter):
    name: ClassVar[str] = "html"
    filename: ClassVar[str] = "report.html"

    def render(self, report: Mapping[str, Any]) -> str:
        env = _environment()
        css, js = _asset("report.css"), _asset("report.js")
        csp = (f"default-src 'none'; script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
               "base-uri 'none'; form-action 'none'")
        return env.get_template("report.html.j2").render(
            **view(report), css=Markup(css), js=Markup(js), csp=csp)


# -- the view: everything the template shows, computed once here ---------------------------------

@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of statement text; ``mark`` pieces are the conflicting spans."""

    text: str
    mark: bool = False
    label: str = ""


def view(report: Mapping[str, Any]) -> dict[str, Any]:
    """The template's context. Values stay plain text: the template escapes them."""
    stats = report.get("stats", {})
    findings = list(report.get("findings", []))
    rules = {r["code"]: r for r in report.get("rules", [])}
    cards = [_card(f, rules) for f in findings]
    return {
        "brand": report.get("brand", ""),
        "tool": report.get("tool", {}),
        "generated_from": report.get("generated_from", ""),
        "draft_mode": report.get("mode") == "draft",
        "stats": stats,
        "severity_counts": [(s, SEVERITY_LABELS[s], stats.get("findings", {}).get(s, 0)) for s in SEVERITY_LABELS],
        "charts": [bar_chart("Findings by channel", {channel_label(k): v for k, v in
                                                     stats.get("by_channel", {}).items()}),
                   bar_chart("Findings by language", {language_label(k): v for k, v in
                                                      stats.get("by_language", {}).items()})],
        "cards": cards,
        "filters": _filters(cards),
        "show_new": any(not c["new"] for c in cards),  # only a baseline run has findings that are not new
        "skipped": [{**s, "href": safe_href(str(s.get("item", "")))} for s in report.get("skipped", [])],
        "rules_used": [rules[c] for c in dict.fromkeys(f["code"] for f in findings) if c in rules],
    }


def _card(f: Mapping[str, Any], rules: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    commitment, conflict = f["statements"][0], f["statements"][1]
    score = float(f.get("score", 0.0))
    reasons = [r for r in f.get("reasons", []) if r != f.get("explanation")]
    return {
        "id": f["id"],
        "severity": f["severity"],
        "severity_label": SEVERITY_LABELS.get(f["severity"], f["severity"].title()),
        "code": f["code"],
        "rule_name": str(f.get("rule", "")).replace("-", " ").capitalize(),
        "rule_summary": rules.get(f["code"], {}).get("summary", ""),
        "percent": f"{round(min(max(score, 0.0), 1.0) * 100)}%",
        "likelihood": likelihood(score),
        "explanation": f.get("explanation", ""),
        "reasons": reasons,
        "new": bool(f.get("new", True)),
        "sides": [_side(commitment, "Commitment"), _side(conflict, SIDE_HEADINGS.get(conflict.get("kind", ""),
                                                                                      SIDE_HEADINGS["message"]))],
        "evidence": list(f.get("evidence", [])),
        "channel": conflict.get("source_type", ""),
        "lang": conflict.get("lang", "und"),
    }


def _side(st: Mapping[str, Any], heading: str) -> dict[str, Any]:
    lang = st.get("lang") or "und"
    occurrences = [_place(o) for o in st.get("occurrences", [])]
    return {
        "heading": heading,
        "segments": highlight(st.get("text", ""), st.get("spans", [])),
        "lang": lang,
        "dir": text_dir(lang),
        "language": language_label(lang),
        **_place(st),
        "occurrences": occurrences if len(occurrences) > 1 else [],
    }


def _place(st: Mapping[str, Any]) -> dict[str, Any]:
    url = str(st.get("url") or "")
    published = str(st.get("published") or "")
    return {"url": url, "href": safe_href(url), "title": st.get("title") or "",
            "channel": channel_label(st.get("source_type", "")),
            "published": published[:10] if _ISO_DATE.match(published) else published}


def _filters(cards: Sequence[Mapping[str, Any]]) -> dict[str, list[tuple[str, str, int]]]:
    """Filter options with counts, most frequent first: (value, label, count)."""
    def options(key: str, label: Any) -> list[tuple[str, str, int]]:
        counts = Counter(c[key] for c in cards)
        return [(v, label(v), n) for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    names = {c["code"]: c["rule_name"] for c in cards}
    return {
        "severity": [(s, SEVERITY_LABELS[s], n) for s in SEVERITY_LABELS
                     if (n := sum(c["severity"] == s for c in cards))],
        "channel": options("channel", channel_label),
        "lang": options("lang", language_label),
        "rule": sorted((code, f"{code} {names[code]}", n) for code, n in Counter(c["code"] for c in cards).items()),
    }


# -- small pure helpers (tested directly) ---------------------------------------------------------

def highlight(text: str, spans: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """Split ``text`` into plain and marked segments, one mark per (merged) span.

    Offsets are code points into ``text``. A span whose offsets do not match its own ``text`` is
    looked up by that text instead, and one that cannot be placed is left out rather than marking
    the wrong words. Overlapping spans merge into one mark.
    """
    ranges: list[tuple[int, int, str]] = []
    for s in spans:
        start, end, want = s.get("start"), s.get("end"), s.get("text") or ""
        placed = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        if not placed or (want and text[start:end] != want):
            found = text.find(want) if want else -1
            if found < 0:
                continue
            start, end = found, found + len(want)
        ranges.append((start, end, str(s.get("label") or "")))
    merged: list[tuple[int, int, str]] = []
    for start, end, label in sorted(ranges):
        if merged and start < merged[-1][1]:
            p_start, p_end, p_label = merged[-1]
            labels = p_label if label in ("", p_label) else f"{p_label}, {label}".strip(", ")
            merged[-1] = (p_start, max(p_end, end), labels)
        else:
            merged.append((start, end, label))
    out, pos = [], 0
    for start, end, label in merged:
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], True, label))
        pos = end
    if pos < len(text) or not out:
        out.append(Segment(text[pos:]))
    return out


def safe_href(url: str) -> str | None:
    """The URL as a link target if it is http(s) or a relative path; ``None`` means show it as text.

    ``javascript:``, ``data:``, ``mid:`` and anything with control characters never become links:
    browsers drop tabs and newlines inside a scheme and would see one we did not.
    """
    url = url.strip()
    if not url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme:
        return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
    if parts.netloc or url.startswith("\\"):
        return None  # "//host/x" or a Windows share: not a relative link
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~")


def likelihood(score: float) -> str:
    """A plain word for the score: readers act on words, not on 0.83."""
    if score >= 0.9:
        return "very likely"
    if score >= 0.7:
        return "likely"
    return "possible"


def text_dir(lang: str) -> str:
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else ("auto" if lang == "und" else "ltr")


def channel_label(source_type: str) -> str:
    return CHANNEL_LABELS.get(source_type, source_type.title() or "Unknown")


def language_label(lang: str) -> str:
    return LANGUAGE_LABELS.get(lang, lang.upper() or "Unknown")


def bar_chart(title: str, counts: Mapping[str, int], bar_height: int = 18, gap: int = 8) -> dict[str, Any]:
    """Geometry of a horizontal bar chart, most frequent first; the template draws it as inline SVG.

    Horizontal positions are percentages of the chart's width, so bars stretch with the page while
    the text keeps its size on a phone (a scaled viewBox would shrink the labels with the bars).
    """
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max((v for _, v in rows), default=0)
    label_pct, bars_pct = 24, 64  # label column, longest bar; the rest holds the value after the bar
    bars = [{"label": label, "value": value, "y": i * (bar_height + gap),
             "width": round(bars_pct * value / top, 2) if top else 0.0}
            for i, (label, value) in enumerate(rows)]
    return {"title": title, "height": max(len(bars) * (bar_height + gap) - gap, 0), "bar_height": bar_height,
            "label_pct": label_pct, "bars_pct": bars_pct, "bars": bars}


# -- template plumbing ---------------------------------------------------------------------------

@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("consistency.report", "templates"),
        autoescape=True,  # every value is escaped, in every template, whatever its file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n  # 3000 -> 3,000
    return env


@cache
def _asset(name: str) -> str:
    """Our own CSS or JS, inlined verbatim so the file works offline and its CSP hash matches."""
    return resources.files("consistency.report").joinpath("templates", name).read_text("utf-8")


def _csp_hash(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii") + "'"
