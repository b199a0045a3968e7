"""The ``site`` source: a polite, breadth-first crawl of the brand's website.

Starts at the configured URL and the pages the site's sitemaps list, follows links on allowed
hosts, honours robots.txt and a per-host delay, and stops at the page, byte and time caps. Every
page that cannot be read (an HTTP error, a PDF, a page over the byte cap, a refused redirect) is a
``Skipped`` with its reason.

Incremental: with a ``ctx.state`` the crawl sends the validators (ETag, Last-Modified) of the
stored copy; a 304 yields ``NotModified`` and the crawl goes on through the stored page's links.
The frontier is saved as the crawl goes, so a crawl that was interrupted or hit its time cap
resumes where it stopped on the next run; the pages it skipped are asked for again then, so the
resumed run still reports every skip.
"""

from __future__ import annotations

import fnmatch
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from consistency.errors import ConfigError
from consistency.sources.extract import decode_html, extract_html, normalize_lang
from consistency.sources.interface import Source, SourceContext
from consistency.sources.net import UrlPolicy, normalize_url
from consistency.sources.polite import (CRAWL_DEFAULTS, OFFLINE_REASON, Fetched, OutOfTime, PoliteClient, Refused,
                                        charset, content_type, cookies, fetcher_for, html_problem)
from consistency.sources.sitemaps import collect_sitemaps
from consistency.types import Document, NotModified, Skipped

SITE_DEFAULTS: dict[str, Any] = {
    **CRAWL_DEFAULTS,
    "max_pages": 200,
    "max_seconds": 600.0,
    "include": [],
    "exclude": [],
    "sitemaps": True,
}
SAVE_EVERY = 10  # pages between two saves of the frontier

Item = Document | Skipped | NotModified


class SiteSource(Source):
    """Crawls one website. ``clock`` and ``sleep`` are injectable so tests check delays without waiting."""

    type = "site"

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__({**SITE_DEFAULTS, **options}, ctx)
        self.clock = clock
        self.sleep = sleep
        try:
            self.start = normalize_url(str(self.options["url"]))
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"site source {self.label}: the url is not usable ({exc})",
                              "write url = \"https://www.example.com/\"") from None

    def collect(self) -> Iterator[Item]:
        if self.ctx.offline:
            yield Skipped(self.label, self.start, OFFLINE_REASON)
            return
        policy = UrlPolicy([self.start], self.options["allow_hosts"])
        with fetcher_for(self.ctx.fetcher, self.options, policy) as fetcher:
            deadline = self.clock() + self.options["max_seconds"]
            client = PoliteClient(fetcher, policy, self.options["user_agent"], delay=self.options["delay"],
                                  respect_robots=self.options["respect_robots"], clock=self.clock,
                                  sleep=self.sleep, deadline=deadline)
            yield from _Crawl(self, client, deadline).run()


class _Crawl:
    """The state of one crawl: the queue, what was seen and done, and the caps."""

    def __init__(self, source: SiteSource, client: PoliteClient, deadline: float) -> None:
        self.source = source
        self.label = source.label
        self.opts = source.options
        self.state = source.ctx.state
        self.client = client
        self.deadline = deadline
        self.queue: deque[str] = deque()
        self.seen: set[str] = set()
        self.done: list[str] = []
        self.failed: set[str] = set()  # done URLs that gave a Skipped: a resumed crawl asks for them again
        self.pages = 0  # URLs this crawl sent a request for; the max_pages cap counts these
        self.finished = False

    # -- the frontier ----------------------------------------------------------------------
    def wanted(self, url: str) -> bool:
        """The include and exclude globs, matched against the full URL and against its path."""
        targets = (url, urlsplit(url).path)
        include, exclude = self.opts["include"], self.opts["exclude"]
        if include and not any(fnmatch.fnmatchcase(t, p) for p in include for t in targets):
            return False
        return not any(fnmatch.fnmatchcase(t, p) for p in exclude for t in targets)

    def enqueue(self, url: str) -> None:
        """Queue a link when it is new, allowed by the policy and wanted; drop it silently otherwise."""
        try:
            url = normalize_url(url)
        except ValueError:
            return
        if url in self.seen or self.client.policy.check(url) is not None or not self.wanted(url):
            return
        self.seen.add(url)
        self.queue.append(url)

    def save(self) -> None:
        """Save the frontier. Skipped URLs go back to the front of the queue: the store keeps the skips
        of a source's last run only, so the run that resumes must meet them again to report them."""
        if self.state is not None:
            retry = [u for u in self.done if u in self.failed]
            self.state.frontier_save(self.label, retry + list(self.queue),
                                     [u for u in self.done if u not in self.failed])

    # -- the crawl -------------------------------------------------------------------------
    def run(self) -> Iterator[Item]:
        try:
            yield from self._run()
        except OutOfTime:
            yield self._cap_skip(f"time cap of {self.opts['max_seconds']:g} s reached", resumable=True)
        finally:
            if self.finished:
                if self.state is not None:
                    self.state.frontier_clear(self.label)
            else:
                self.save()  # interrupted or out of time: the next run resumes here

    def _run(self) -> Iterator[Item]:
        resumed = self.state.frontier_load(self.label) if self.state is not None else None
        if resumed:
            pending, done = resumed
            self.queue.extend(pending)
            self.done.extend(done)
            self.seen.update(pending, done)
            self.pages = len(done)  # the saved frontier does not say which were refused without a request
        else:
            # The start URL is always fetched, for its links, even when the globs leave it out.
            self.seen.add(self.source.start)
            self.queue.append(self.source.start)
        if self.opts["sitemaps"]:
            # Also on a resumed crawl: a sitemap that failed is reported again, and one that an
            # interruption cut short is read whole (what is already queued or done is not added).
            yield from self._sitemaps()
        while self.queue:
            if self.pages >= self.opts["max_pages"]:
                yield self._cap_skip(f"max_pages={self.opts['max_pages']} reached", resumable=False)
                break
            if self.source.clock() >= self.deadline:
                raise OutOfTime("time cap reached")
            url = self.queue[0]
            before = self.client.requests
            for item in self._page(url):
                if isinstance(item, Skipped):
                    self.failed.add(url)
                yield item
            self.pages += self.client.requests > before
            self.queue.popleft()
            self.done.append(url)
            if len(self.done) % SAVE_EVERY == 0:
                self.save()
        self.finished = True

    def _cap_skip(self, what: str, resumable: bool) -> Skipped:
        later = " (the next run resumes the crawl)" if resumable and self.state is not None else ""
        return Skipped(self.label, self.source.start,
                       f"{what}; {len(self.queue)} URLs found were not fetched{later}")

    def _sitemaps(self) -> Iterator[Item]:
        start = self.source.start
        parts = urlsplit(start)
        declared = list(self.client.robots(start).sitemaps)
        implicit = f"{parts.scheme}://{parts.netloc}/sitemap.xml"
        for item in collect_sitemaps(self.client, declared, implicit, self.label, self.opts["max_bytes"]):
            if isinstance(item, Skipped):
                yield item
            else:
                self.enqueue(item)

    def _page(self, url: str) -> Iterator[Item]:
        headers = {}
        if self.state is not None:
            etag, last_modified = self.state.validators(url)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        result = self.client.fetch(url, headers, max_bytes=self.opts["max_bytes"])
        if isinstance(result, Refused):
            yield Skipped(self.label, url, result.reason)
            return
        if result.response.status == 304 and headers:
            yield NotModified(self.label, url)
            for link in self.state.links(url):
                self.enqueue(link)
            return
        if result.url != url:
            if result.url in self.seen:
                return  # a redirect to a page this crawl already has
            self.seen.add(result.url)
        yield from self._document(url, result)

    def _document(self, url: str, result: Fetched) -> Iterator[Item]:
        response = result.response
        problem = html_problem(response, self.opts["max_bytes"])
        if problem is not None:
            yield Skipped(self.label, url, problem)
            return
        html = decode_html(response.body, charset(response))
        page = extract_html(html, result.url)
        for link in page.links:
            self.enqueue(link)
        if not self.wanted(result.url):
            return  # fetched for its links only
        if not page.text:
            yield Skipped(self.label, result.url, "no text found in the page")
            return
        yield Document(
            source=self.label, source_type="site", url=result.url, text=page.text, title=page.title,
            lang=page.lang or normalize_lang(response.headers.get("content-language")),
            published=page.published, raw=html, meta=_meta(url, result, page.links))


def _meta(url: str, result: Fetched, links: tuple[str, ...]) -> dict[str, Any]:
    response = result.response
    return {
        "status": response.status,
        "etag": response.headers.get("etag"),
        "last_modified": response.headers.get("last-modified"),
        "content_type": content_type(response),
        "set_cookie": cookies((*result.history, response)),
        "fetched_url": url,
        "links": list(links),
    }
