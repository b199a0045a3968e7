"""A small real website on 127.0.0.1 for the network-source tests, a fake clock and the in-memory crawl state.

Two servers: ``site.server`` is the brand's site; ``site.other`` is a second host that records
every hit, so a test can prove the crawler never went there.
"""

from __future__ import annotations

import gzip
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from consistency.sources.net import DEFAULT_MAX_BYTES, Fetcher, HttpFetcher
from consistency.sources.net import Response as FetchResponse
from consistency.types import Document

USER_AGENT = "consistency/0.1 (+brand consistency checker)"
ABOUT_ETAG = '"about-v1"'

ROBOTS = """\
# Everyone else is kept out; our own group lets us in, except /private/.
User-agent: *
Disallow: /

User-agent: consistency
Disallow: /private/
Allow: /private/open.html
Crawl-delay: 0.5

Sitemap: {base}/sitemap.xml
"""

INDEX = """<!doctype html>
<html lang="en-US"><head><title>Acme Home</title>
<meta property="article:published_time" content="2024-05-01T08:00:00Z"></head>
<body>
<header class="site-header"><a href="/">Acme</a><nav><a href="/about.html">About us</a></nav></header>
<div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience. Accept all?</div>
<main>
<h1>Free returns</h1>
<p>Every order ships free. You can return any item within 30 days.</p>
<ul>
<li><a href="/about.html?utm_source=home#team">About</a></li>
<li><a href="/private/secret.html">Secret</a></li>
<li><a href="/private/open.html">Open</a></li>
<li><a href="/missing.html">Missing</a></li>
<li><a href="/error.html">Broken</a></li>
<li><a href="/slow.html">Slow</a></li>
<li><a href="/huge.html">Huge</a></li>
<li><a href="/brochure.pdf">Brochure</a></li>
<li><a href="/empty.html">Empty</a></li>
<li><a href="/redirect-away">Partner</a></li>
<li><a href="/moved">Moved</a></li>
<li><a href="/blog/post-1.html">Post 1</a></li>
<li><a href="/lang/ar.html">عربي</a> <a href="/lang/zh.html">中文</a> <a href="/lang/ko.html">한국어</a></li>
<li><a href="{other}/offsite.html">Off-site</a></li>
<li><a href="http://localhost:{other_port}/">Localhost</a></li>
<li><a href="http://127.0.0.2:{port}/">Loopback alias</a></li>
<li><a href="mailto:help@acme.example">Mail</a> <a href="javascript:void(0)">Script</a></li>
</ul>
</main>
<aside class="sidebar">Popular this week: the Acme anvil.</aside>
<footer class="site-footer">Acme, quality since 1900. <a href="/about.html">About</a></footer>
</body></html>
"""

ABOUT = """<html lang="en"><head><title>About Acme</title></head><body>
<main><p>Acme was founded in 1900 and ships worldwide.</p>
<p><a href="/team.html">Our team</a></p></main></body></html>"""

PAGES: dict[str, str] = {
    "/": INDEX,
    "/about.html": ABOUT,
    "/team.html": "<html lang='en'><body><p>Our team answers every mail within one day.</p></body></html>",
    "/private/secret.html": "<html><body><p>Secret plans.</p></body></html>",
    "/private/open.html": "<html><body><p>This private page is open to our crawler.</p></body></html>",
    "/empty.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "/moved-target.html": "<html><body><p>The moved page now lives here.</p></body></html>",
    "/blog/post-1.html": "<html lang='en'><body><article><h2>Post one</h2><p>Shipping is free over $50."
                         "</p><a href='/blog/post-2.html'>next</a></article></body></html>",
    "/blog/post-2.html": "<html lang='en'><body><article><p>Returns take 14 days.</p></article></body></html>",
    "/orphan.html": "<html lang='en'><body><p>Only the sitemap knows this page.</p></body></html>",
    "/lang/ar.html": "<html lang='ar' dir='rtl'><body><p>نحن نقدم إرجاعًا مجانيًا خلال ثلاثين يومًا.</p></body></html>",
    "/lang/zh.html": "<html lang='zh-Hans'><body><p>我们提供三十天免费退货服务。</p></body></html>",
    "/lang/ko.html": "<html lang='ko-KR'><body><p>저희는 30일 이내 무료 반품을 제공합니다.</p></body></html>",
}

SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{base}/sitemap-pages.xml.gz</loc></sitemap>
</sitemapindex>"""

SITEMAP_PAGES = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}/orphan.html</loc></url>
  <url><loc>{base}/lang/ko.html</loc></url>
</urlset>"""

MAX_BYTES = 20_000
TIMEOUT = 5.0  # generous: a loaded CI machine must not turn a local page into a timeout


def html(body: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(body, status=status, headers=dict(headers or {}), content_type="text/html; charset=utf-8")


@dataclass
class LocalSite:
    """The brand's test site and a second host; both log every request they get."""

    server: HTTPServer
    other: HTTPServer
    routes: dict[str, Callable[[Request], Response]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def other_base(self) -> str:
        return f"http://127.0.0.1:{self.other.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def fill(self, text: str) -> str:
        return text.format(base=self.base, other=self.other_base, port=self.server.port,
                           other_port=self.other.port)

    def requested(self) -> list[str]:
        """Paths the site was asked for, in order."""
        return [req.path for req, _ in self.server.log]

    def dispatch(self, request: Request) -> Response:
        handler = self.routes.get(request.path)
        if handler is not None:
            return handler(request)
        page = PAGES.get(request.path)
        if page is None:
            return html("<p>Not found</p>", status=404)
        return html(self.fill(page))


def _about(request: Request) -> Response:
    if request.headers.get("If-None-Match") == ABOUT_ETAG:
        return Response(status=304, headers={"ETag": ABOUT_ETAG})
    response = html(ABOUT, headers={"ETag": ABOUT_ETAG, "Last-Modified": "Wed, 01 May 2024 08:00:00 GMT"})
    response.headers.add("Set-Cookie", "session=abc; Path=/; HttpOnly")
    response.headers.add("Set-Cookie", "_tracker=1; Domain=.acme.example; Expires=Thu, 01 Jan 2099 00:00:00 GMT")
    return response


class SlowRoute:
    """A page that answers only when released (or after 5 s): for timeout tests.

    ``finish`` releases it and waits until the server has logged the answer, so that a late
    entry cannot land in the next test's log.
    """

    def __init__(self) -> None:
        self.release = threading.Event()
        self.paths: list[str] = []

    def __call__(self, request: Request) -> Response:
        self.paths.append(request.path)
        self.release.wait(5)
        return html("<p>Finally.</p>")

    def finish(self, server: HTTPServer) -> None:
        self.release.set()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            logged = [req.path for req, _ in server.log]
            if all(logged.count(p) >= self.paths.count(p) for p in self.paths):
                return
            time.sleep(0.01)


def install_routes(site: LocalSite) -> None:
    """The pages that need more than a status 200 and a body: robots, sitemaps, redirects, errors."""
    gz = gzip.compress(site.fill(SITEMAP_PAGES).encode())
    site.routes.update({
        "/robots.txt": lambda r: Response(site.fill(ROBOTS), content_type="text/plain"),
        "/sitemap.xml": lambda r: Response(site.fill(SITEMAP_INDEX), content_type="application/xml"),
        "/sitemap-pages.xml.gz": lambda r: Response(gz, content_type="application/gzip"),
        "/about.html": _about,
        "/missing.html": lambda r: html("<p>Gone</p>", status=404),
        "/error.html": lambda r: html("<p>Oops</p>", status=500),
        "/huge.html": lambda r: html("<p>" + "Lorem ipsum dolor sit amet. " * 4000 + "</p>"),
        "/brochure.pdf": lambda r: Response(b"%PDF-1.4\n%fake\n", content_type="application/pdf"),
        "/redirect-away": lambda r: Response(status=302, headers={"Location": f"http://localhost:{site.other.port}/landing"}),
        "/moved": lambda r: Response(status=301, headers={"Location": "/moved-target.html"}),
    })


def reset_site(local: LocalSite) -> None:
    """Back to the original routes, with empty request logs."""
    local.routes.clear()
    install_routes(local)
    local.server.clear_log()
    local.other.clear_log()


def start_site() -> LocalSite:
    """Start both servers; stop them with ``stop_site``."""
    local = LocalSite(server=_server(), other=_server())
    install_routes(local)
    local.server.expect_request(re.compile(".*")).respond_with_handler(local.dispatch)
    local.other.expect_request(re.compile(".*")).respond_with_handler(lambda r: html("<p>Other host.</p>"))
    return local


def stop_site(local: LocalSite) -> None:
    for server in (local.server, local.other):
        server.clear()
        server.stop()


def _server() -> HTTPServer:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    return server




class FakeClock:
    """A clock that only moves when the crawler sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds




class RecordingFetcher(Fetcher):
    """The real HTTP fetcher, keeping a list of every URL and headers it was asked for."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.inner = HttpFetcher(USER_AGENT, timeout=timeout)
        self.calls: list[tuple[str, dict[str, str]]] = []

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> FetchResponse:
        self.calls.append((url, dict(headers or {})))
        return self.inner.get(url, headers, max_bytes)

    @property
    def urls(self) -> list[str]:
        return [url for url, _ in self.calls]

    def close(self) -> None:
        self.inner.close()




class MemoryState:
    """What the SQLite store provides for incremental crawling, kept in dicts."""

    def __init__(self) -> None:
        self.docs: dict[str, Document] = {}
        self.frontiers: dict[str, tuple[list[str], list[str]]] = {}
        self.saves = 0

    def keep(self, items: object) -> list[object]:
        """Store every Document of a crawl, as the pipeline does; return all items."""
        items = list(items)  # type: ignore[call-overload]
        for item in items:
            if isinstance(item, Document):
                self.docs[item.url] = item
        return items

    def validators(self, url: str) -> tuple[str | None, str | None]:
        meta = self.docs[url].meta if url in self.docs else {}
        return meta.get("etag"), meta.get("last_modified")

    def links(self, url: str) -> list[str]:
        return list(self.docs[url].meta.get("links", [])) if url in self.docs else []

    def frontier_load(self, source: str) -> tuple[list[str], list[str]] | None:
        return self.frontiers.get(source)

    def frontier_save(self, source: str, pending: list[str], done: list[str]) -> None:
        self.saves += 1
        self.frontiers[source] = (list(pending), list(done))

    def frontier_clear(self, source: str) -> None:
        self.frontiers.pop(source, None)

