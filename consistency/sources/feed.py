"""The ``feed`` source: RSS 0.9x/1.0/2.0 and Atom feeds, one document per entry.

The feed is fetched through the context's fetcher (or read from a local file) and handed to
feedparser as bytes in a stream: feedparser itself never touches the network or the disk, since
it treats a plain string as a URL or a file name. An entry's text is its full content when the
feed carries it, else its summary; when that summary is short and links to a page the policy
allows, the page is fetched (politely, robots.txt respected) and its text is used instead.
The crawl caps hold here too: at most ``max_pages`` linked pages are fetched, and none after
``max_seconds``; past a cap the remaining entries keep their summaries and one skip says so.
"""

from __future__ import annotations

import calendar
import io
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser

from consistency.sources.extract import Extracted, decode_html, extract_html, normalize_date, normalize_lang
from consistency.sources.interface import Source, SourceContext
from consistency.sources.net import UrlPolicy, normalize_url
from consistency.sources.polite import (CRAWL_DEFAULTS, OFFLINE_REASON, OutOfTime, PoliteClient, Refused,
                                        charset, fetcher_for, html_problem, http_status)
from consistency.types import Document, Skipped

FEED_DEFAULTS: dict[str, Any] = {**CRAWL_DEFAULTS, "follow_links": True, "max_pages": 200, "max_seconds": 600.0}
SHORT_SUMMARY = 200  # characters: a summary shorter than this is a teaser, not the entry's text


class FeedSource(Source):
    """One RSS or Atom feed, from a URL or a local file."""

    type = "feed"

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__({**FEED_DEFAULTS, **options}, ctx)
        self.clock = clock
        self.sleep = sleep
        self._followed = 0  # linked pages asked for in this collection
        self._capped: str | None = None  # why no more linked pages are fetched
        self._unread = 0  # entries that kept their summary because of a cap

    def collect(self) -> Iterator[Document | Skipped]:
        self._followed, self._capped, self._unread = 0, None, 0
        url = self.options.get("url")
        if self.ctx.offline and url:
            yield Skipped(self.label, url, OFFLINE_REASON)
            return
        if self.ctx.offline:
            yield from self._parse(None)
            return
        policy = UrlPolicy([url] if url else [], self.options["allow_hosts"])
        with fetcher_for(self.ctx.fetcher, self.options, policy) as fetcher:
            deadline = self.clock() + self.options["max_seconds"]
            client = PoliteClient(fetcher, policy, self.options["user_agent"], delay=self.options["delay"],
                                  respect_robots=self.options["respect_robots"], clock=self.clock, sleep=self.sleep,
                                  deadline=deadline)
            yield from self._parse(client)
            if self._capped:
                yield Skipped(self.label, url or str(self.options.get("path", "")),
                              f"{self._capped}; {self._unread} entries keep their summary, their linked pages "
                              "were not read")

    def _read(self, client: PoliteClient | None) -> tuple[bytes, str, str] | Skipped:
        """The feed's bytes, its location and content type; or why they could not be had."""
        url = self.options.get("url")
        if not url:
            path = str(self.options.get("path", ""))
            try:
                return Path(path).read_bytes(), path, ""
            except OSError as exc:
                return Skipped(self.label, path, f"cannot read the feed file: {exc.strerror or exc}")
        assert client is not None
        try:
            result = client.fetch(url, max_bytes=self.options["max_bytes"])
        except OutOfTime:
            return Skipped(self.label, url, f"time cap of {self.options['max_seconds']:g} s reached")
        if isinstance(result, Refused):
            return Skipped(self.label, url, result.reason)
        response = result.response
        if not 200 <= response.status < 300:
            return Skipped(self.label, url, http_status(response.status))
        if response.truncated:
            return Skipped(self.label, url, f"feed larger than {self.options['max_bytes']} bytes; raise max_bytes")
        return response.body, result.url, response.headers.get("content-type", "")

    def _parse(self, client: PoliteClient | None) -> Iterator[Document | Skipped]:
        read = self._read(client)
        if isinstance(read, Skipped):
            yield read
            return
        data, where, ctype = read
        headers = {"content-location": where, "content-type": ctype} if client is not None else {}
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
        readable = [e for e in parsed.entries if e.get("content") or e.get("summary") or e.get("link")]
        if parsed.get("bozo") and not readable:
            yield Skipped(self.label, where, f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}")
            return
        feed_lang = parsed.feed.get("language")
        for i, entry in enumerate(parsed.entries):
            yield from self._entry(entry, i, where, feed_lang, client)

    def _entry(self, entry: Any, index: int, where: str, feed_lang: str | None,
               client: PoliteClient | None) -> Iterator[Document | Skipped]:
        link = _http_link(entry.get("link"))
        entry_id = entry.get("id") or str(index)
        url = link or f"{where}#{entry_id}"
        html, text, lang, full = _entry_text(entry)
        title = _plain(entry.get("title_detail"), entry.get("title", ""))
        published = _published(entry)
        meta: dict[str, Any] = {"feed": where, "entry_id": entry_id, "followed_link": False}
        wants_page = (not full and len(text) < SHORT_SUMMARY and link is not None and client is not None
                      and self.options["follow_links"] and client.policy.check(link) is None)
        linked = self._linked(client, link) if wants_page else None
        if wants_page and linked is None:
            self._unread += 1  # a cap kept the page from being read
        if isinstance(linked, str):
            yield Skipped(self.label, link, f"linked page not read, the feed's summary is used: {linked}")
        elif linked is not None and linked[1].text:
            html, page, status = linked
            text, title = page.text, title or page.title
            lang, published = lang or page.lang, published or page.published
            meta.update(followed_link=True, status=status)
        if not text:
            yield Skipped(self.label, url, "feed entry has no text")
            return
        yield Document(source=self.label, source_type="feed", url=url, text=text, title=title,
                       lang=lang or normalize_lang(feed_lang), published=published, raw=html, meta=meta)


    def _linked(self, client: PoliteClient, link: str) -> tuple[str, Extracted, int] | str | None:
        """The linked page's markup, extraction and status; or why it could not be read; None past a cap."""
        if self._capped is not None:
            return None
        if self._followed >= self.options["max_pages"]:
            self._capped = f"max_pages={self.options['max_pages']} linked pages read"
            return None
        self._followed += 1
        try:
            result = client.fetch(link, max_bytes=self.options["max_bytes"])
        except OutOfTime:
            self._capped = f"time cap of {self.options['max_seconds']:g} s reached"
            return None
        if isinstance(result, Refused):
            return result.reason
        problem = html_problem(result.response, self.options["max_bytes"])
        if problem is not None:
            return problem
        page_html = decode_html(result.response.body, charset(result.response))
        return page_html, extract_html(page_html, result.url), result.response.status


def _http_link(link: str | None) -> str | None:
    if not link:
        return None
    try:
        url = normalize_url(link)
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def _plain(detail: Mapping[str, Any] | None, fallback: str) -> str:
    """A feed text construct as plain text (HTML titles are flattened to one line)."""
    value = (detail or {}).get("value", fallback) or ""
    if "html" in (detail or {}).get("type", ""):
        return " ".join(extract_html(value).text.split("\n"))
    return " ".join(value.split())


def _entry_text(entry: Any) -> tuple[str, str, str | None, bool]:
    """(raw markup, text, language, whether it is the full content) of an entry."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    full = bool(contents)
    detail = max(contents, key=lambda c: len(c["value"])) if contents else entry.get("summary_detail") or {}
    value = detail.get("value") or ""
    if "html" in detail.get("type", "text/html"):
        text = extract_html(value, detail.get("base") or "").text
    else:
        text = "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())
    return value, text, normalize_lang(detail.get("language")), full


def _published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc).isoformat()
        value = normalize_date(entry.get(key))
        if value:
            return value
    return None
