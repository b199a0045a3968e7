"""Small builders for the deeds tests: commitment units, site pages and mails, made directly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from consistency.deeds import run_with
from consistency.deeds.interface import DeedsConfig
from consistency.findings import Unit
from consistency.types import Document, Statement

FIXTURES = Path(__file__).parent / "fixtures"
SITE = "https://www.example.com"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def unit(text: str, lang: str = "en", kind: str = "commitment", url: str = f"{SITE}/privacy",
         title: str = "Privacy policy", also: tuple[str, ...] = ()) -> Unit:
    """A unit for ``text``, found on ``url`` and on every url in ``also``."""
    occurrences = tuple(Statement(doc_id="d", text=text, lang=lang, start=0, end=len(text), source_type="site",
                                  url=u, title=title, kind=kind, commitment_score=0.9 if kind == "commitment" else 0.1)
                        for u in (url, *also))
    return Unit(text=text, lang=lang, kind=kind, occurrences=occurrences)


def page(path: str, html: str, title: str = "", set_cookie: list[Any] | None = None, text: str = "") -> Document:
    meta: dict[str, Any] = {"status": 200, "content_type": "text/html", "links": []}
    if set_cookie is not None:
        meta["set_cookie"] = set_cookie
    return Document(source=f"site:{SITE}/", source_type="site", url=f"{SITE}{path}", text=text or "page text",
                    title=title, raw=html, meta=meta)


def mail(subject: str, body_text: str = "", html: str = "", sender: str = "News <news@example.com>",
         list_unsubscribe: str | None = None, mid: str = "") -> Document:
    headers = f"From: {sender}\nSubject: {subject}\n"
    if list_unsubscribe:
        headers += f"List-Unsubscribe: {list_unsubscribe}\n"
    mid = mid or f"<{abs(hash((subject, body_text, html, sender)))}@example.com>"
    return Document(source="mail:inbox", source_type="mail", url=f"mid:{mid}", text=body_text, title=subject,
                    raw=f"{headers}\n{html}",
                    meta={"from": sender, "subject": subject, "list_unsubscribe": list_unsubscribe,
                          "list_unsubscribe_post": None, "has_html": bool(html), "links": []})


def run(docs: list[Document], units: list[Unit], checks: tuple[str, ...] | None = None, **deeds: Any) -> list:
    data = dict(deeds)
    if checks is not None:
        data["checks"] = list(checks)
    return run_with(DeedsConfig.from_mapping(data, [f"{SITE}/"]), docs, units)
