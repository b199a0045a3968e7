"""The polite client: redirects checked hop by hop, robots.txt, per-host delays, the time cap."""

from __future__ import annotations

import pytest
from werkzeug import Response

from consistency.sources.net import UrlPolicy, normalize_url
from consistency.sources.net import Response as FetchResponse
from consistency.sources.polite import Fetched, OutOfTime, PoliteClient, Refused, cookies, html_problem
from tests.sources.localsite import USER_AGENT


def client(site, fetcher, clock, *extra_hosts: str, **kw) -> PoliteClient:
    policy = UrlPolicy([site.url("/")], allow_hosts=list(extra_hosts))
    return PoliteClient(fetcher, policy, USER_AGENT, clock=clock, sleep=clock.sleep, **kw)


def test_redirects_are_followed_and_every_hop_is_checked(site, fetcher, clock):
    site.routes["/a"] = lambda r: Response(status=301, headers={"Location": "/b"})
    site.routes["/b"] = lambda r: Response(status=307, headers={"Location": "/private/secret.html"})
    polite = client(site, fetcher, clock, delay=0)
    moved = polite.fetch(site.url("/moved"))
    assert isinstance(moved, Fetched) and moved.url == site.url("/moved-target.html")
    assert [hop.status for hop in moved.history] == [301] and moved.response.status == 200
    refused = polite.fetch(site.url("/a"))
    assert refused == Refused(f"redirect to {site.url('/private/secret.html')} refused: disallowed by robots.txt")
    assert "/private/secret.html" not in site.requested()


def test_a_redirect_loop_ends_after_five_hops(site, fetcher, clock):
    site.routes["/loop"] = lambda r: Response(status=302, headers={"Location": "/loop"})
    assert client(site, fetcher, clock, delay=0).fetch(site.url("/loop")) == Refused("more than 5 redirects")
    assert site.requested().count("/loop") == 6


def test_conditional_headers_go_with_the_first_request_only(site, fetcher, clock):
    client(site, fetcher, clock, delay=0).fetch(site.url("/moved"), headers={"If-None-Match": '"x"'})
    sent = dict(fetcher.calls)
    assert sent[site.url("/moved")] == {"If-None-Match": '"x"'}
    assert sent[site.url("/moved-target.html")] == {}


def test_each_host_has_its_own_delay(site, fetcher, clock):
    polite = client(site, fetcher, clock, site.other_base, delay=2.0, respect_robots=False)
    polite.fetch(site.url("/about.html"))
    polite.fetch(site.other_base + "/x")  # another host: no wait
    assert clock.sleeps == []
    polite.fetch(site.url("/team.html"))
    assert clock.sleeps == [2.0]


def test_waiting_past_the_deadline_raises_out_of_time(site, fetcher, clock):
    polite = client(site, fetcher, clock, delay=10.0, deadline=clock.now + 5)
    with pytest.raises(OutOfTime):
        polite.fetch(site.url("/about.html"))  # robots.txt first, then a wait of 10 s: too long
    assert site.requested() == ["/robots.txt"] and clock.sleeps == []


def test_an_unreachable_robots_txt_refuses_the_host(fetcher, clock):
    polite = PoliteClient(fetcher, UrlPolicy(["http://127.0.0.1:9/"]), USER_AGENT, clock=clock, sleep=clock.sleep)
    refused = polite.fetch("http://127.0.0.1:9/page")
    assert isinstance(refused, Refused) and refused.reason.startswith("robots.txt could not be read (network error")
    assert fetcher.urls == ["http://127.0.0.1:9/robots.txt"]  # the page itself was not tried


def response(status=200, ctype="text/html", body=b"<html><body>x", truncated=False, **headers) -> FetchResponse:
    return FetchResponse(url="https://x.example/", status=status, headers={"content-type": ctype, **headers},
                         body=body, truncated=truncated)


def test_html_problem_names_what_is_wrong():
    assert html_problem(response(), 100) is None
    assert html_problem(response(ctype="application/xhtml+xml; charset=utf-8"), 100) is None
    assert html_problem(response(status=404), 100) == "HTTP 404 Not Found"
    assert html_problem(response(ctype="image/png"), 100) == "content type image/png is not HTML"
    assert html_problem(response(truncated=True), 100) == "page larger than 100 bytes"
    assert html_problem(response(ctype=""), 100) is None  # no header, but it is HTML
    assert html_problem(response(ctype="", body=b"%PDF-1.4"), 100) == "content type (none) is not HTML"


def test_cookies_take_their_domain_or_the_host():
    r = response(**{"set-cookie": "a=1; Path=/\nb=2; Domain=.Shop.example; Secure\nbroken"})
    assert cookies([r]) == [{"name": "a", "domain": "x.example", "host": "x.example"},
                            {"name": "b", "domain": "shop.example", "host": "x.example"}]


def test_normalised_urls_are_what_the_client_requests(site, fetcher, clock):
    client(site, fetcher, clock, delay=0).fetch(site.url("/about.html?utm_medium=x#frag"))
    assert fetcher.urls[-1] == normalize_url(site.url("/about.html"))


def test_an_extreme_crawl_delay_is_capped_at_a_minute(site, fetcher, clock):
    site.routes["/robots.txt"] = lambda r: Response("User-agent: *\nCrawl-delay: 86400\n", content_type="text/plain")
    polite = client(site, fetcher, clock, delay=0)
    polite.fetch(site.url("/about.html"))
    assert clock.sleeps == [60.0]


class Busy:
    """A route that answers ``first`` once, then the page."""

    def __init__(self, first: Response) -> None:
        self.first = first
        self.calls = 0

    def __call__(self, request) -> Response:
        self.calls += 1
        if self.calls == 1:
            return self.first
        return Response("<p>Here now.</p>", content_type="text/html")


def test_a_429_is_retried_once_after_retry_after_and_that_wait_stays_the_hosts_delay(site, fetcher, clock):
    site.routes["/busy"] = Busy(Response("slow down", status=429, headers={"Retry-After": "7"}))
    polite = client(site, fetcher, clock, delay=0.0, respect_robots=False)
    result = polite.fetch(site.url("/busy"))
    assert isinstance(result, Fetched) and result.response.status == 200
    assert clock.sleeps == [7.0]
    polite.fetch(site.url("/about.html"))
    assert clock.sleeps == [7.0, 7.0]  # the host asked for seven seconds: it gets them from now on


def test_a_429_without_retry_after_waits_twice_the_delay_and_a_bare_503_is_not_retried(site, fetcher, clock):
    site.routes["/busy"] = Busy(Response("slow down", status=429))
    assert client(site, fetcher, clock, delay=2.0, respect_robots=False).fetch(site.url("/busy")).response.status == 200
    assert clock.sleeps == [4.0]
    site.routes["/down"] = Busy(Response("maintenance", status=503))
    down = client(site, fetcher, clock, delay=0.0, respect_robots=False).fetch(site.url("/down"))
    assert down.response.status == 503 and site.requested().count("/down") == 1


def test_a_retry_after_past_the_time_cap_ends_the_crawl_on_time(site, fetcher, clock):
    site.routes["/busy"] = Busy(Response("slow down", status=429, headers={"Retry-After": "30"}))
    polite = client(site, fetcher, clock, delay=0.0, respect_robots=False, deadline=clock.now + 10)
    with pytest.raises(OutOfTime):
        polite.fetch(site.url("/busy"))
    assert clock.sleeps == []


def test_retry_after_reads_seconds_and_http_dates():
    from consistency.sources.polite import retry_after

    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=lambda: 1445412480.0) == 30.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412480.0 + 60) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None and retry_after("") is None
