"""Check that the demo corpus is well formed and that expected.json still points into it.

Run from anywhere:  python corpora/demo/check_expected.py
Exit code 0 when every check passes, 1 otherwise (each failure is printed).

Why this exists: expected.json identifies planted statements by short exact substrings. An
edit to a page, a mail or a post can silently orphan a label, and the demo's evaluation would
then measure nothing. This script reads every file the way a reader would (visible HTML text,
decoded mail bodies, feed content, post texts) and fails when a label no longer matches, or
when a file stops parsing.
"""

from __future__ import annotations

import csv
import json
import mailbox
import sys
import tomllib
import urllib.robotparser
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import lxml.html

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
HOST = "https://www.tidewell.example"
SLOGAN = "Made with care, made to last."
MAX_BYTES = 300_000
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NS = {"content": "http://purl.org/rss/1.0/modules/content/", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Balance(HTMLParser):
    """Tracks open elements so that a missing or crossed closing tag is reported (lxml would repair it)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> at line {self.getpos()[0]} closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()


def html_text(markup: str) -> str:
    """Visible text of an HTML document or fragment, one line per block element."""
    root = lxml.html.fromstring(markup)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in root.xpath("//p|//li|//h1|//h2|//h3|//title|//div|//section"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def decoded_parts(msg: Message) -> Iterator[str]:
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True)
        text = payload.decode(part.get_content_charset() or "us-ascii")
        yield html_text(text) if part.get_content_subtype() == "html" else text


def url_to_file(url: str) -> Path | None:
    """The same mapping as the offline fetcher: /x/ -> x/index.html, /x -> x, x.html or x/index.html."""
    path = urlsplit(url).path.lstrip("/")
    base = SITE / path
    for option in (base, base / "index.html", base.with_suffix(".html")):
        if option.is_file():
            return option
    return None


def page_url(file: Path) -> str:
    rel = file.relative_to(SITE).as_posix()
    return f"{HOST}/{rel[:-len('index.html')] if rel.endswith('index.html') else rel}"


class Checker:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.texts: dict[str, str] = {}  # corpus file (or file#item) -> readable text

    def fail(self, message: str) -> None:
        self.failures.append(message)

    # ------------------------------------------------------------------ readers and validators
    def site(self) -> None:
        pages = sorted(SITE.rglob("*.html"))
        for file in pages:
            markup = file.read_text(encoding="utf-8")
            balance = _Balance()
            balance.feed(markup)
            balance.close()
            for err in balance.errors + ([f"unclosed <{balance.stack[-1]}>"] if balance.stack else []):
                self.fail(f"{file.relative_to(HERE)}: {err}")
            root = lxml.html.fromstring(markup)
            self.texts[str(file.relative_to(HERE))] = html_text(markup)
            public = "internal" not in file.parts
            if not root.findtext(".//title"):
                self.fail(f"{file.relative_to(HERE)}: no <title>")
            if public:
                lang = root.get("lang", "")
                if not lang:
                    self.fail(f"{file.relative_to(HERE)}: no <html lang>")
                if lang == "ar" and root.get("dir") != "rtl":
                    self.fail(f"{file.relative_to(HERE)}: Arabic page without dir=rtl")
                if not root.xpath('//div[contains(@class, "cookie-banner")]'):
                    self.fail(f"{file.relative_to(HERE)}: no cookie banner")
                if SLOGAN not in root.text_content():
                    self.fail(f"{file.relative_to(HERE)}: no footer slogan")
            for href in root.xpath("//a/@href"):
                target = urljoin(page_url(file), href)
                parts = urlsplit(target)
                if parts.scheme in ("http", "https") and parts.netloc == urlsplit(HOST).netloc:
                    if url_to_file(target) is None:
                        self.fail(f"{file.relative_to(HERE)}: broken link {href}")
        if len(pages) < 19:
            self.fail(f"site has {len(pages)} HTML pages, expected at least 19")
        self._sitemap_and_robots(pages)
        pdf = (SITE / "docs" / "size-guide.pdf").read_bytes()
        if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
            self.fail("site/docs/size-guide.pdf is not a PDF")

    def _sitemap_and_robots(self, pages: list[Path]) -> None:
        tree = ElementTree.parse(SITE / "sitemap.xml")
        listed = {loc.text or "" for loc in tree.iterfind(".//sm:loc", NS)}
        for url in listed:
            if url_to_file(url) is None:
                self.fail(f"sitemap.xml lists {url}, which has no file")
        for file in pages:
            url = page_url(file)
            if "internal" not in file.parts and url not in listed:
                self.fail(f"sitemap.xml does not list {url}")
        robots = urllib.robotparser.RobotFileParser()
        robots.parse((SITE / "robots.txt").read_text(encoding="utf-8").splitlines())
        if f"{HOST}/sitemap.xml" not in (robots.site_maps() or []):
            self.fail("robots.txt has no Sitemap line for sitemap.xml")
        expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
        linked = "".join((SITE / p).read_text(encoding="utf-8") for p in self._public_pages(pages))
        for url in expected["never_read"]:
            if robots.can_fetch("*", url):
                self.fail(f"robots.txt allows {url}, which must never be read")
            if url in listed:
                self.fail(f"sitemap.xml lists {url}, which must never be read")
            if urlsplit(url).path not in linked:
                self.fail(f"no public page links to {url}: only robots.txt should keep it out")
            if url_to_file(url) is None:
                self.fail(f"{url} has no file")
        for url in expected["not_followed"]:
            if url not in linked:
                self.fail(f"no public page links to the off-site {url}")

    @staticmethod
    def _public_pages(pages: list[Path]) -> list[Path]:
        return [p.relative_to(SITE) for p in pages if "internal" not in p.parts]

    def feed(self) -> None:
        tree = ElementTree.parse(HERE / "feed.xml")
        items = tree.findall("./channel/item")
        if len(items) < 5:
            self.fail(f"feed.xml has {len(items)} items, expected at least 5")
        for i, item in enumerate(items):
            body = item.findtext("content:encoded", default="", namespaces=NS)
            text = "\n".join([item.findtext("title", ""), item.findtext("description", ""),
                              html_text(body) if body.strip() else ""])
            self.texts[f"feed.xml#{i}"] = text

    def mail(self) -> None:
        box = mailbox.mbox(HERE / "mail" / "newsletters.mbox", create=False)
        broken = []
        for i, msg in enumerate(box):
            if msg.defects or msg.is_multipart() is False and msg.get_content_type().startswith("multipart/"):
                broken.append(i)
                continue
            subject = str(make_header(decode_header(msg["Subject"] or "")))
            try:
                body = "\n".join(decoded_parts(msg))
            except (LookupError, UnicodeDecodeError) as exc:
                self.fail(f"mail #{i} ({subject}): {exc}")
                continue
            for header in ("From", "To", "Subject", "Date", "Message-ID"):
                if not msg[header]:
                    self.fail(f"mail #{i} ({subject}): no {header} header")
            self.texts[f"mail/newsletters.mbox#{i}"] = subject + "\n" + body
        if len(box) - len(broken) < 8:
            self.fail(f"mbox has {len(box) - len(broken)} readable messages, expected at least 8")
        if broken != [5]:
            self.fail(f"expected exactly message #5 to be broken, found {broken}")

    def social(self) -> None:
        posts = json.loads((HERE / "social" / "posts.json").read_text(encoding="utf-8"))
        if not isinstance(posts, list) or len(posts) < 12:
            self.fail("social/posts.json must be a JSON array of at least 12 posts")
        for post in posts:
            missing = {"text", "url", "created_at", "platform", "id"} - set(post)
            if missing:
                self.fail(f"social post {post.get('id')}: missing {sorted(missing)}")
            self.texts[f"social/posts.json#{post.get('id')}"] = post.get("text", "")
        with open(HERE / "social" / "posts.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for i, row in enumerate(rows):
            if set(row) != {"message", "permalink", "timestamp"}:
                self.fail(f"social/posts.csv row {i}: columns {sorted(row)}")
            self.texts[f"social/posts.csv#{i}"] = row.get("message") or ""

    def other(self) -> None:
        config = tomllib.loads((HERE / "consistency.toml").read_text(encoding="utf-8"))
        for i, c in enumerate(config.get("commitments", [])):
            if "text" in c:
                self.texts[f"consistency.toml#commitments[{i}]"] = c["text"]
        for draft in sorted((HERE / "drafts").glob("*.md")):
            self.texts[str(draft.relative_to(HERE))] = draft.read_text(encoding="utf-8")
        size = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file() and not {"__pycache__", ".consistency"} & set(p.parts))
        if size >= MAX_BYTES:
            self.fail(f"corpus is {size} bytes, keep it under {MAX_BYTES}")

    # ------------------------------------------------------------------ labels
    def where(self, needle: str) -> list[str]:
        return [name for name, text in self.texts.items() if needle in text]

    def labels(self) -> None:
        expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
        never = {str(url_to_file(u).relative_to(HERE)) for u in expected["never_read"] if url_to_file(u)}
        for group in ("contradictions", "near_misses"):
            for case in expected[group]:
                for key in ("a", "b"):
                    hits = [h for h in self.where(case[key]) if h not in never]
                    if not hits:
                        self.fail(f"{case['id']}.{key} {case[key]!r} occurs in no readable corpus text")
                for alt in case.get("a_also", []):
                    if not [h for h in self.where(alt) if h not in never]:
                        self.fail(f"{case['id']}.a_also {alt!r} occurs in no readable corpus text")
                a_hits, b_hits = set(self.where(case["a"])), set(self.where(case["b"]))
                if a_hits and b_hits and a_hits == b_hits and len(a_hits) == 1 and group == "contradictions":
                    self.fail(f"{case['id']}: a and b only occur together in {a_hits.pop()}")
        for case in expected["deeds"]:
            if not self.where(case["a"]):
                self.fail(f"{case['id']}.a {case['a']!r} occurs in no readable corpus text")
            where = case["where"]
            if where.startswith("mid:"):
                if not any(where[4:] in (m["Message-ID"] or "") for m in mailbox.mbox(HERE / "mail" / "newsletters.mbox")):
                    self.fail(f"{case['id']}: no mail with Message-ID {where[4:]}")
            elif url_to_file(where) is None:
                self.fail(f"{case['id']}: {where} has no file")
        ids = [c["id"] for g in ("contradictions", "near_misses", "deeds") for c in expected[g]]
        if len(ids) != len(set(ids)):
            self.fail("expected.json has duplicate ids")

    def run(self) -> int:
        for step in (self.site, self.feed, self.mail, self.social, self.other, self.labels):
            step()
        expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
        counts = {g: len(expected[g]) for g in ("contradictions", "near_misses", "deeds")}
        for message in self.failures:
            print(f"FAIL {message}")
        status = "ok" if not self.failures else f"{len(self.failures)} failure(s)"
        print(f"{status}: {len(self.texts)} readable texts; {counts}")
        return 0 if not self.failures else 1


if __name__ == "__main__":
    sys.exit(Checker().run())
