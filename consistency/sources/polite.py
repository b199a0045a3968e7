"""Fetching the way a polite, careful crawler must; shared by the site and feed sources.

``PoliteClient.fetch`` follows redirects itself, hop by hop, and checks every hop against the
``UrlPolicy`` and the host's robots.txt; it waits between requests to one host (the configured
delay, or robots.txt's Crawl-delay when that is larger, up to a minute). A host that answers
429 Too Many Requests (or 503 with a Retry-After) is asked once more after the wait it names
(or twice the delay), and that wait stays its delay for the rest of the crawl. The clock and the
sleep are injected so tests can check the waiting without waiting.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from http import HTTPStatus
from urllib.parse import urlsplit

from consistency.sources.net import (DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT, Fetcher, FetchError, HttpFetcher,
                                    Response, UrlPolicy, normalize_url)
from consistency.sources.robots import RobotsRules, refused, rules_for_status

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_CRAWL_DELAY = 60.0  # seconds: a larger robots.txt Crawl-delay would stall a crawl for hours
_REDIRECTS = (301, 302, 303, 307, 308)
_SLOW_DOWN = (429, 503)  # "too many requests", "unavailable": the host asks the crawler to back off
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# The crawl options both network sources share, with the defaults a source applies when it is built
# directly (through the API or in tests) rather than from a config that already filled them in.
CRAWL_DEFAULTS: dict[str, Any] = {
    "user_agent": DEFAULT_USER_AGENT,
    "delay": 1.0,
    "max_bytes": DEFAULT_MAX_BYTES,
    "timeout": 10.0,
    "respect_robots": True,
    "allow_hosts": [],
}
OFFLINE_REASON = "offline: network sources are not fetched"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response at the end of a redirect chain. ``url`` is its normalised URL."""

    url: str
    response: Response
    history: tuple[Response, ...] = ()


@dataclass(frozen=True, slots=True)
class Refused:
    """A URL that was not fetched, or got no response, and why."""

    reason: str


class OutOfTime(Exception):
    """The next request would have to wait past the crawl's time cap."""


class PoliteClient:
    """One crawl's view of the network: policy, robots.txt, per-host delay, redirects."""

    def __init__(self, fetcher: Fetcher, policy: UrlPolicy, user_agent: str, *, delay: float = 1.0,
                 respect_robots: bool = True, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, deadline: float | None = None) -> None:
        self.fetcher = fetcher
        self.policy = policy
        self.user_agent = user_agent
        self.delay = delay
        self.respect_robots = respect_robots
        self.clock = clock
        self.sleep = sleep
        self.deadline = deadline
        self._robots: dict[str, RobotsRules] = {}
        self._last: dict[str, float] = {}
        self._backoff: dict[str, float] = {}  # host -> the delay it asked for with a 429 or 503
        self.requests = 0  # requests sent, robots.txt included: a refused URL costs none

    def robots(self, url: str) -> RobotsRules:
        """The robots.txt rules of ``url``'s origin, fetched once per crawl."""
        parts = urlsplit(normalize_url(url))
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            result = self._follow(origin + "/robots.txt", None, ROBOTS_MAX_BYTES, check_robots=False)
            if isinstance(result, Refused):
                self._robots[origin] = refused(f"robots.txt could not be read ({result.reason}); "
                                               "the site is skipped until it can")
            else:
                body = result.response.body.decode("utf-8", "replace")
                self._robots[origin] = rules_for_status(result.response.status, body, self.user_agent)
        return self._robots[origin]

    def fetch(self, url: str, headers: Mapping[str, str] | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched | Refused:
        """GET ``url``, following up to five redirects; ``headers`` go with the first request only.

        Raises ``OutOfTime`` when waiting for the host would pass the deadline.
        """
        return self._follow(url, headers, max_bytes, check_robots=self.respect_robots)

    def _follow(self, url: str, headers: Mapping[str, str] | None, max_bytes: int,
                check_robots: bool) -> Fetched | Refused:
        try:
            current = normalize_url(url)
        except ValueError as exc:
            return Refused(f"malformed URL ({exc})")
        history: list[Response] = []
        for _ in range(MAX_REDIRECTS + 1):
            reason = self.policy.check(current)
            if reason is None and check_robots:
                rules = self.robots(current)
                if not rules.allowed(current):
                    reason = rules.refusal or "disallowed by robots.txt"
            if reason is not None:
                return Refused(f"redirect to {current} refused: {reason}" if history else reason)
            try:
                response = self._get(current, headers if not history else None, max_bytes)
            except FetchError as exc:
                return Refused(exc.reason)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return Fetched(current, response, tuple(history))
            history.append(response)
            try:
                current = normalize_url(location, current)
            except ValueError:
                return Refused(f"redirect to a malformed URL {location!r}")
        return Refused(f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, headers: Mapping[str, str] | None, max_bytes: int) -> Response:
        """One request after the host's wait; a 429 (or a 503 with Retry-After) is retried once, later."""
        response = self._get_once(url, headers, max_bytes)
        if response.status not in _SLOW_DOWN:
            return response
        host = urlsplit(url).netloc
        asked = retry_after(response.headers.get("retry-after"))
        if asked is None and response.status == 503:
            return response  # down, not busy: nothing says when to come back
        backoff = min(asked if asked is not None else max(2 * self._delay(url), 1.0), MAX_CRAWL_DELAY)
        self._backoff[host] = max(self._backoff.get(host, 0.0), backoff)
        return self._get_once(url, headers, max_bytes)

    def _delay(self, url: str) -> float:
        host = urlsplit(url).netloc
        delay = max(self.delay, self._backoff.get(host, 0.0))
        if self.respect_robots and (rules := self._robots.get(f"{urlsplit(url).scheme}://{host}")):
            delay = max(delay, min(rules.crawl_delay or 0.0, MAX_CRAWL_DELAY))
        return delay

    def _get_once(self, url: str, headers: Mapping[str, str] | None, max_bytes: int) -> Response:
        host = urlsplit(url).netloc
        delay = self._delay(url)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                if self.deadline is not None and self.clock() + wait > self.deadline:
                    raise OutOfTime(f"waiting {wait:g} s for {host} would pass the time cap")
                self.sleep(wait)
        self.requests += 1
        try:
            return self.fetcher.get(url, headers=headers, max_bytes=max_bytes)
        finally:
            self._last[host] = self.clock()


def retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds a Retry-After header asks for ("120", or an HTTP date), or None when it says nothing usable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now())


@contextmanager
def fetcher_for(given: Fetcher | None, options: Mapping[str, Any], policy: UrlPolicy) -> Iterator[Fetcher]:
    """The context's fetcher if it has one, else an ``HttpFetcher`` built from the options and closed after;
    it connects to the addresses ``policy`` checked."""
    if given is not None:
        yield given
        return
    fetcher = HttpFetcher(options["user_agent"], options["timeout"], pin=policy.address)
    try:
        yield fetcher
    finally:
        fetcher.close()


def content_type(response: Response) -> str:
    """The media type of a response, lower-case, without parameters ("" when absent)."""
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def charset(response: Response) -> str | None:
    """The charset parameter of the Content-Type header, if any."""
    match = _CHARSET.search(response.headers.get("content-type", ""))
    return match.group(1) if match else None


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def http_status(status: int) -> str:
    """"HTTP 404 Not Found": a status as a skip reason."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def html_problem(response: Response, max_bytes: int) -> str | None:
    """Why a response cannot be read as an HTML page, or None when it can.

    A response without a Content-Type is sniffed: servers that forget the header still serve HTML.
    """
    if not 200 <= response.status < 300:
        return http_status(response.status)
    ctype = content_type(response)
    if ctype not in HTML_TYPES and not (not ctype and _looks_like_html(response.body)):
        return f"content type {ctype or '(none)'} is not HTML"
    if response.truncated:
        return f"page larger than {max_bytes} bytes"
    return None


def cookies(responses: Iterable[Response]) -> list[dict[str, str]]:
    """Name, domain and setting host of every cookie the responses set (a host-only cookie's domain
    is the response's host).

    Later checks compare these against the brand's privacy and cookie commitments: a cookie set by
    a host that is not the brand's is a third-party cookie.
    """
    out: list[dict[str, str]] = []
    for response in responses:
        host = urlsplit(response.url).hostname or ""
        for line in response.headers.get("set-cookie", "").split("\n"):
            first, *attrs = line.split(";")
            if "=" not in first:
                continue
            domain = host
            for attr in attrs:
                key, _, value = attr.partition("=")
                if key.strip().lower() == "domain" and value.strip():
                    domain = value.strip().lstrip(".").lower()
            out.append({"name": first.split("=", 1)[0].strip(), "domain": domain, "host": host})
    return out
