"""HTML -> the text a reader sees as the page's content, plus title, language, date and links.

Navigation, headers, footers, sidebars, menus (also a bare cluster of links left in the content,
such as a language switcher) and cookie banners are removed: a footer slogan or a
menu label is not something the brand says on that page. Block elements (headings, paragraphs, list
items, table cells) become separate lines, so that sentence segmentation never glues a heading to
the paragraph below it. Nothing here raises on bad markup: garbage in, whatever text was salvageable out.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import lxml.html
from lxml import etree

from consistency.sources.net import normalize_url

_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "iframe", "object",
    "embed", "canvas", "button", "select", "textarea", "input", "dialog", "head", "title", "meta", "link",
})
_DROP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
})
_BOILERPLATE = re.compile(
    r"(?:^|[-_])(?:cookies?|consent|gdpr|banner|nav(?:bar|igation)?|(?:sub|mega)?menus?|breadcrumbs?|footer"
    r"|sidebar|share|sharing|newsletter-popup|popup|modal)(?:[-_]|$)", re.IGNORECASE)
_BLOCK = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
})
# An element whose class or id looks like boilerplate is kept when it holds this share of the
# page's text: a "cookie-policy" wrapper or a "has-sidebar" layout div is the content itself.
_CONTENT_SHARE = 0.5
# What may stand between the links of a menu: "Home | Shop", "Returns · FAQ", "A / B", "English, 中文".
_LINK_SEPARATORS = re.compile(r"[\s|·•/,;:\-–—›»>()\[\]、]+")
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", "؟", "۔", "।", "॥", "։", "።", "။")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS = re.compile(r"\s+")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")
# WHATWG: these labels mean windows-1252 in browsers, and pages rely on it.
_ENCODING_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
                     "us-ascii": "cp1252"}
_PUBLISHED_META = ("article:published_time", "og:published_time", "date", "dc.date", "dc.date.issued",
                   "dcterms.created", "dcterms.issued", "pubdate", "publish-date", "publication_date")


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a page says and where it points."""

    title: str
    text: str
    lang: str | None
    published: str | None
    links: tuple[str, ...]


EMPTY = Extracted(title="", text="", lang=None, published=None, links=())


def decode_html(data: str | bytes, encoding: str | None = None) -> str:
    """Bytes -> text the way a browser decodes: BOM, then the declared charset (header, then
    <meta>), then UTF-8, then charset detection; undecodable bytes become U+FFFD."""
    if isinstance(data, str):
        return data
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    meta = _META_CHARSET.search(data[:4096])
    meta_label = meta.group(1).decode("ascii", "ignore") if meta else None
    if meta_label and meta_label.lower().startswith("utf-16"):
        meta_label = "utf-8"  # WHATWG: an ASCII-readable <meta> cannot be UTF-16; browsers read UTF-8
    for declared in (encoding, meta_label):
        if declared:
            label = declared.strip().lower()
            try:
                return data.decode(_ENCODING_ALIASES.get(label, label), "replace")
            except LookupError:
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace")
        return data.decode("utf-8", "replace")


def normalize_lang(tag: str | None) -> str | None:
    """"en-US" -> "en", "zh-Hans" -> "zh"; None for an empty, "und" or unreadable tag."""
    match = _LANG.match((tag or "").strip())
    if not match or match.group(1).lower() == "und":
        return None
    return match.group(1).lower()


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date ("2024-03-01") or datetime ("2024-03-01T09:30:00+00:00"), or None.

    Accepts ISO forms (with "Z") and RFC 2822 dates as feeds and meta tags write them.
    """
    value = (value or "").strip()
    if not value:
        return None
    parsed: date | datetime | None = None
    try:
        parsed = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
            try:
                parsed = date(*(int(g) for g in match.groups())) if match else None
            except ValueError:
                parsed = None
    if parsed is None or not 1970 <= parsed.year <= 2100:
        return None
    return parsed.isoformat()


def extract_html(html: str | bytes, url: str = "", encoding: str | None = None) -> Extracted:
    """Extract title, main text, language, publication date and links from a page."""
    text = _XML_DECL.sub("", decode_html(html, encoding))
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return EMPTY
    # Links, date and language first: navigation links and JSON-LD scripts go with the pruning.
    links, published, lang, title = _links(root, url), _published(root), _lang(root), _title(root)
    return Extracted(title=title, text=_main_text(root), lang=lang, published=published, links=links)


def _clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _title(root: Any) -> str:
    for path in ("//title", "//meta[@property='og:title']/@content", "//h1"):
        for found in root.xpath(path):
            title = _clean(found if isinstance(found, str) else found.text_content())
            if title:
                return title
    return ""


def _lang(root: Any) -> str | None:
    for value in (root.get("lang"), root.get("xml:lang"),
                  *root.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
                              "='content-language']/@content")):
        lang = normalize_lang(value)
        if lang:
            return lang
    return None


def _json_ld_dates(root: Any) -> Iterator[str]:
    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                yield node["datePublished"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for script in root.xpath("//script[contains(@type, 'ld+json')]"):
        try:
            yield from walk(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue


def _published(root: Any) -> str | None:
    def candidates() -> Iterator[str]:
        metas = {(m.get("property") or m.get("name") or "").strip().lower(): m.get("content")
                 for m in root.iter("meta") if m.get("content")}
        if metas.get("article:published_time"):
            yield metas["article:published_time"]
        yield from _json_ld_dates(root)
        for el in root.xpath("//*[@itemprop='datePublished']"):
            yield el.get("content") or el.get("datetime") or el.text_content()
        yield from root.xpath("//time[@pubdate]/@datetime")
        yield from root.xpath("//time/@datetime")
        for name in _PUBLISHED_META[1:]:
            if metas.get(name):
                yield metas[name]

    for value in candidates():
        published = normalize_date(value)
        if published:
            return published
    return None


def _links(root: Any, url: str) -> tuple[str, ...]:
    base = url
    for href in root.xpath("//base/@href"):
        base = urljoin(url, href.strip())
        break
    seen: dict[str, None] = {}
    for href in root.xpath("//a/@href | //area/@href"):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        try:
            link = normalize_url(href, base)
        except ValueError:
            continue
        parts = urlsplit(link)
        if parts.scheme in ("http", "https") and parts.netloc:
            seen.setdefault(link, None)
    return tuple(seen)


def _is_boilerplate(el: Any, page_chars: int) -> bool:
    """Page chrome by role, by a page-level <header>, or by a class or id that names it."""
    tag = el.tag
    if tag == "header" and not any(a.tag == "article" for a in el.iterancestors()):
        return True
    if (el.get("role") or "").strip().lower() in _DROP_ROLES:
        return True
    if tag in ("html", "body", "main", "article"):
        return False
    names = (el.get("class") or "").split() + (el.get("id") or "").split()
    if not any(_BOILERPLATE.search(name) for name in names):
        return False
    if el.find(".//main") is not None or el.find(".//article") is not None:
        return False
    return len(_clean(el.text_content())) <= _CONTENT_SHARE * page_chars


def _main_text(root: Any) -> str:
    body = root.find("body")
    body = root if body is None else body
    # Scripts, styles and chrome tags go first, so an inline JSON blob does not count as page text
    # when the share of a boilerplate-looking element is measured below.
    for el in list(body.iter(*_DROP_TAGS)):
        if el is not body:
            el.drop_tree()
    page_chars = len(_clean(body.text_content()))
    doomed = []
    stack = [body]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el is not body and _is_boilerplate(el, page_chars):
            doomed.append(el)
        else:
            stack.extend(el)
    for el in doomed:
        el.drop_tree()
    _drop_link_clusters(body)
    return _block_text(body)


def _outside_links(el: Any) -> str:
    """The text of ``el`` that is not inside a link."""
    parts: list[str] = []

    def walk(node: Any, in_link: bool) -> None:
        in_link = in_link or node.tag == "a"
        if node.text and not in_link:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, in_link)
            if child.tail and not in_link:
                parts.append(child.tail)

    walk(el, False)
    return "".join(parts)


def _is_link_cluster(el: Any) -> bool:
    """Two or more links and nothing else but separators, not ending like a sentence: a menu.

    A language switcher ("English | العربية | 中文"), a row of footer links or a list of related
    posts left in the content area. One link alone ("Free returns for 60 days") may be a claim.
    """
    labels = [label for a in el.iter("a") if (label := _clean(a.text_content()))]
    if len(labels) < 2 or _LINK_SEPARATORS.sub("", _outside_links(el)):
        return False
    return not any(label.endswith(_SENTENCE_END) for label in labels)


def _drop_link_clusters(body: Any) -> None:
    """Drop the outermost block elements that are link clusters (the body itself stays)."""
    stack = list(body)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK and _is_link_cluster(el):
            el.drop_tree()
        else:
            stack.extend(el)


def _block_text(body: Any) -> str:
    """Text with one line per block element; whitespace collapsed except inside <pre>."""
    out: list[str] = []
    pre = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            pre += tag == "pre"
            if tag in _BLOCK or tag == "br":
                out.append("\n")
            if el.text and tag:
                out.append(el.text if pre else _WS.sub(" ", el.text))
        else:
            pre -= tag == "pre"
            if tag in _BLOCK:
                out.append("\n")
            if el.tail and el is not body:
                out.append(el.tail if pre else _WS.sub(" ", el.tail))
    lines = (_clean(line) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)
