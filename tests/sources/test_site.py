"""The site crawler against a real HTTP server on 127.0.0.1 (see conftest.py for the site)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
from werkzeug import Response

from consistency.sources.interface import SourceContext
from consistency.types import NotModified
from consistency.sources.site import SiteSource
from consistency.types import Document, Skipped
from tests.sources.localsite import (ABOUT_ETAG, MAX_BYTES, USER_AGENT, FakeClock, LocalSite, MemoryState,
                                    RecordingFetcher, SlowRoute)


def make(site: LocalSite, fetcher: RecordingFetcher | None, clock: FakeClock, state: MemoryState | None = None,
         offline: bool = False, **options: object) -> SiteSource:
    opts = {"url": site.url("/"), "max_bytes": MAX_BYTES, **options}
    ctx = SourceContext(base_dir=Path("."), fetcher=fetcher, state=state, offline=offline)
    return SiteSource(opts, ctx, clock=clock, sleep=clock.sleep)


def docs(items: list) -> dict[str, Document]:
    return {d.url: d for d in items if isinstance(d, Document)}


def skips(items: list) -> dict[str, str]:
    return {s.item: s.reason for s in items if isinstance(s, Skipped)}


def test_crawl_reads_the_site_and_skips_each_unreadable_page_with_its_reason(site, fetcher, clock):
    items = list(make(site, fetcher, clock).collect())
    found = docs(items)
    assert set(found) == {site.url(p) for p in (
        "/", "/about.html", "/team.html", "/private/open.html", "/moved-target.html", "/blog/post-1.html",
        "/blog/post-2.html", "/orphan.html", "/lang/ar.html", "/lang/zh.html", "/lang/ko.html")}
    skipped = skips(items)
    assert skipped[site.url("/missing.html")] == "HTTP 404 Not Found"
    assert skipped[site.url("/error.html")] == "HTTP 500 Internal Server Error"
    assert skipped[site.url("/brochure.pdf")] == "content type application/pdf is not HTML"
    assert skipped[site.url("/huge.html")] == f"page larger than {MAX_BYTES} bytes"
    assert skipped[site.url("/empty.html")] == "no text found in the page"
    assert skipped[site.url("/private/secret.html")] == "disallowed by robots.txt"
    away = skipped[site.url("/redirect-away")]
    assert away.startswith(f"redirect to http://localhost:{site.other.port}/landing refused")
    assert "/private/secret.html" not in site.requested()
    # The tracking parameter and fragment did not make /about.html a second page.
    assert site.requested().count("/about.html") == 1


def test_links_off_the_site_or_into_private_addresses_are_never_requested(site, fetcher, clock):
    list(make(site, fetcher, clock).collect())
    assert site.other.log == []
    requested_hosts = {url.split("/")[2] for url in fetcher.urls}
    assert requested_hosts == {f"127.0.0.1:{site.server.port}"}


def test_a_redirect_to_a_host_the_config_allows_is_followed(site, fetcher, clock):
    items = list(make(site, fetcher, clock, allow_hosts=[f"localhost:{site.other.port}"],
                      include=["*/redirect-away", "*/landing"]).collect())
    landing = docs(items)[f"http://localhost:{site.other.port}/landing"]
    assert landing.text == "Other host."
    assert landing.meta["fetched_url"] == site.url("/redirect-away")


def test_page_text_keeps_content_lines_and_drops_navigation_banner_sidebar_and_footer(site, fetcher, clock):
    home = docs(list(make(site, fetcher, clock).collect()))[site.url("/")]
    lines = home.text.split("\n")
    assert lines[:2] == ["Free returns", "Every order ships free. You can return any item within 30 days."]
    for boilerplate in ("cookies", "About us", "Popular this week", "quality since 1900"):
        assert boilerplate not in home.text
    assert "عربي" not in home.text and "한국어" not in home.text  # the language switcher in <main> is a menu
    assert home.title == "Acme Home" and home.lang == "en" and home.published == "2024-05-01T08:00:00+00:00"
    assert "<script" not in home.text and "cookie-banner" in home.raw  # raw keeps the markup


def test_arabic_chinese_and_korean_pages_keep_their_declared_language(site, fetcher, clock):
    found = docs(list(make(site, fetcher, clock, include=["*/lang/*"]).collect()))
    assert {url.rsplit("/", 1)[1]: d.lang for url, d in found.items()} == {"ar.html": "ar", "zh.html": "zh",
                                                                           "ko.html": "ko"}
    assert found[site.url("/lang/zh.html")].text == "我们提供三十天免费退货服务。"


def test_document_meta_records_validators_cookies_and_links(site, fetcher, clock):
    about = docs(list(make(site, fetcher, clock).collect()))[site.url("/about.html")]
    assert about.meta["status"] == 200 and about.meta["etag"] == ABOUT_ETAG
    assert about.meta["last_modified"] == "Wed, 01 May 2024 08:00:00 GMT"
    assert about.meta["content_type"] == "text/html"
    assert about.meta["set_cookie"] == [{"name": "session", "domain": "127.0.0.1", "host": "127.0.0.1"},
                                        {"name": "_tracker", "domain": "acme.example", "host": "127.0.0.1"}]
    assert about.meta["links"] == [site.url("/team.html")]


@pytest.mark.parametrize(("delay", "expected"), [(0.0, 0.5), (1.5, 1.5)])
def test_requests_to_a_host_wait_the_larger_of_delay_and_crawl_delay(site, fetcher, clock, delay, expected):
    list(make(site, fetcher, clock, delay=delay).collect())
    assert len(fetcher.calls) > 10
    assert clock.sleeps == [expected] * (len(fetcher.calls) - 1)  # every request but the first waited


def test_without_robots_the_disallowed_pages_are_fetched_and_only_delay_counts(site, fetcher, clock):
    items = list(make(site, fetcher, clock, delay=0.0, respect_robots=False).collect())
    assert site.url("/private/secret.html") in docs(items)
    assert clock.sleeps == []


def test_robots_txt_answering_5xx_skips_the_whole_site(site, fetcher, clock):
    site.routes["/robots.txt"] = lambda r: Response("down", status=503)
    items = list(make(site, fetcher, clock).collect())
    assert [type(i) for i in items] == [Skipped]
    assert "robots.txt answered HTTP 503" in items[0].reason
    assert site.requested() == ["/robots.txt"]


def test_missing_robots_txt_allows_everything(site, fetcher, clock):
    site.routes["/robots.txt"] = lambda r: Response("no", status=404)
    items = list(make(site, fetcher, clock, sitemaps=False, include=["*/private/*"]).collect())
    assert set(docs(items)) == {site.url("/private/secret.html"), site.url("/private/open.html")}


def test_a_page_that_does_not_answer_in_time_is_skipped(site, clock):
    slow = site.routes["/slow.html"] = SlowRoute()
    quick = RecordingFetcher(timeout=0.3)
    try:
        items = list(make(site, quick, clock, include=["*/slow.html"], sitemaps=False).collect())
    finally:
        slow.finish(site.server)
        quick.close()
    assert skips(items) == {site.url("/slow.html"): "timed out after 0.3 s"}


def test_max_pages_caps_the_requests_and_says_what_was_left(site, fetcher, clock):
    items = list(make(site, fetcher, clock, max_pages=3, sitemaps=False).collect())
    page_requests = [p for p in site.requested() if p != "/robots.txt"]
    assert len(page_requests) == 3
    cap = skips(items)[site.url("/")]
    assert cap.startswith("max_pages=3 reached;") and "URLs found were not fetched" in cap


def test_include_and_exclude_globs_choose_the_pages(site, fetcher, clock):
    blog = docs(list(make(site, fetcher, clock, include=["*/blog/*"]).collect()))
    assert set(blog) == {site.url("/blog/post-1.html"), site.url("/blog/post-2.html")}
    site.server.clear_log()
    list(make(site, RecordingFetcher(), clock, exclude=["*/lang/*", "/private/*"]).collect())
    assert not [p for p in site.requested() if p.startswith(("/lang/", "/private/"))]


def test_a_rerun_sends_validators_and_a_304_keeps_the_stored_page_and_its_links(site, fetcher, clock, state):
    first = state.keep(make(site, fetcher, clock, state=state).collect())
    assert site.url("/team.html") in docs(first)
    rerun = RecordingFetcher()
    second = state.keep(make(site, rerun, clock, state=state).collect())
    sent = dict(rerun.calls)[site.url("/about.html")]
    assert sent["If-None-Match"] == ABOUT_ETAG
    assert NotModified(f"site:{site.url('/')}", site.url("/about.html")) in second
    assert site.url("/about.html") not in docs(second)
    # /team.html is linked only from /about.html: the stored links keep it in the crawl.
    assert site.url("/team.html") in docs(second)
    assert state.frontiers == {}


def test_an_interrupted_crawl_resumes_from_its_saved_frontier(site, fetcher, clock, state):
    full = set(docs(list(make(site, RecordingFetcher(), clock).collect())))
    crawl = make(site, fetcher, clock, state=state).collect()
    early = list(islice(crawl, 3))
    crawl.close()  # the run stops here, as when the process is interrupted
    pending, done = state.frontiers[f"site:{site.url('/')}"]
    assert pending and done
    site.server.clear_log()
    rest = list(make(site, RecordingFetcher(), clock, state=state).collect())
    assert set(docs(early)) | set(docs(rest)) == full
    assert "/" not in site.requested()  # done pages are not fetched again
    assert state.frontiers == {}


def test_the_time_cap_stops_the_crawl_and_the_next_run_resumes(site, fetcher, clock, state):
    items = list(make(site, fetcher, clock, state=state, delay=1.0, max_seconds=4.0).collect())
    assert clock.now - 1000.0 <= 4.0
    assert "time cap of 4 s reached" in skips(items)[site.url("/")]
    assert state.frontiers[f"site:{site.url('/')}"][0]


def test_offline_the_site_is_not_fetched(site, fetcher, clock):
    items = list(make(site, fetcher, clock, offline=True).collect())
    assert items == [Skipped(f"site:{site.url('/')}", site.url("/"), "offline: network sources are not fetched")]
    assert fetcher.calls == []


def test_without_a_fetcher_in_the_context_the_source_makes_its_own(site, clock):
    items = list(make(site, None, clock, include=["*/about.html"], sitemaps=False,
                      user_agent=USER_AGENT).collect())
    assert set(docs(items)) == {site.url("/about.html")}
    assert {req.headers["User-Agent"] for req, _ in site.server.log} == {USER_AGENT}


def test_the_sqlite_store_serves_as_crawl_state(site, fetcher, clock, tmp_path):
    from consistency.store import CrawlState, Store

    with Store(tmp_path / "store.sqlite") as store:
        state = CrawlState(store)
        for item in make(site, fetcher, clock, state=state).collect():
            if isinstance(item, Document):
                store.put_document(item)
        second = list(make(site, RecordingFetcher(), clock, state=state).collect())
    assert NotModified(f"site:{site.url('/')}", site.url("/about.html")) in second
    assert site.url("/team.html") in docs(second)


def test_a_declared_sitemap_that_fails_is_reported_and_the_crawl_goes_on(site, fetcher, clock):
    site.routes["/robots.txt"] = lambda r: Response(f"Sitemap: {site.url('/gone-sitemap.xml')}\n",
                                                    content_type="text/plain")
    items = list(make(site, fetcher, clock, include=["*/orphan.html"]).collect())
    assert skips(items)[site.url("/gone-sitemap.xml")] == "sitemap not read: HTTP 404 Not Found"
    assert site.url("/orphan.html") in docs(items)  # still found through /sitemap.xml


def test_a_resumed_crawl_still_reports_the_skips_of_the_interrupted_run(site, fetcher, clock, state):
    full = skips(list(make(site, RecordingFetcher(), clock).collect()))
    crawl = make(site, fetcher, clock, state=state).collect()
    early = []
    for item in crawl:  # stop once two pages were skipped, as when the process is interrupted
        early.append(item)
        if len(skips(early)) == 2:
            break
    crawl.close()
    rest = list(make(site, RecordingFetcher(), clock, state=state).collect())
    # The store keeps the skips of the last run of a source, so the resumed run must list them all.
    assert skips(rest) == full
    assert set(skips(early)) < set(full)
    assert set(docs(early)).isdisjoint(docs(rest))  # pages already read are not fetched again
