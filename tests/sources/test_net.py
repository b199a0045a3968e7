"""URL normalisation, the URL policy, and the httpx fetcher against a local server."""

from __future__ import annotations

import socket

import pytest
from werkzeug import Response

from consistency.sources.net import FetchError, HttpFetcher, UrlPolicy, host_key, normalize_url
from tests.sources.localsite import SlowRoute, html


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTP://WWW.Example.COM:80/a/./b/../c#top", "http://www.example.com/a/c"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com:8443/x", "https://example.com:8443/x"),
    ("https://example.com/p?utm_source=news&b=2&fbclid=x&a=1&gclid=y", "https://example.com/p?a=1&b=2"),
    ("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9"),
    ("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9"),
    ("https://user:secret@example.com/", "https://example.com/"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
])
def test_equivalent_urls_normalise_to_one_form(url, expected):
    assert normalize_url(url) == expected


def test_relative_links_resolve_against_the_page():
    assert normalize_url("../b/c.html?x=1#f", "https://example.com/a/d/page.html") == "https://example.com/a/b/c.html?x=1"
    assert normalize_url("//cdn.example.com/x", "https://example.com/") == "https://cdn.example.com/x"


def test_a_url_with_a_bad_port_is_a_value_error():
    with pytest.raises(ValueError):
        normalize_url("http://example.com:99999999/")


def test_host_key_keeps_only_a_non_default_port():
    assert host_key("https://Example.com:443/a") == "example.com"
    assert host_key("http://127.0.0.1:8000/") == "127.0.0.1:8000"


def test_policy_allows_the_configured_hosts_and_refuses_others():
    policy = UrlPolicy(["http://127.0.0.1:8000/"], allow_hosts=["cdn.example.com"])
    assert policy.check("http://127.0.0.1:8000/any/page") is None
    assert policy.check("https://cdn.example.com/x") is None
    for refused in ("http://127.0.0.1:9000/", "http://127.0.0.2:8000/", "http://localhost:8000/",
                    "https://evil.example/"):
        assert "is not the configured site" in policy.check(refused)
    assert "only http and https" in policy.check("ftp://127.0.0.1:8000/")
    assert "only http and https" in policy.check("mailto:someone@example.com")


def test_a_host_the_config_did_not_write_out_must_not_resolve_to_a_private_address():
    # "localhost" is only the twin of the configured "www.localhost": it resolves to 127.0.0.1.
    policy = UrlPolicy(["http://www.localhost:8000/"])
    assert "private or loopback address 127.0.0.1" in policy.check("http://localhost:8000/")


def test_wildcard_hosts_are_checked_against_what_they_resolve_to():
    addresses = {"public.example.com": ["93.184.216.34"], "intranet.example.com": ["10.1.2.3"],
                 "metadata.example.com": ["169.254.169.254"], "mapped.example.com": ["::ffff:192.168.0.1"]}

    def resolve(host: str) -> list[str]:
        if host not in addresses:
            raise socket.gaierror("Name or service not known")
        return addresses[host]

    policy = UrlPolicy(["https://www.example.com/"], allow_hosts=["*.example.com"], resolver=resolve)
    assert policy.check("https://public.example.com/") is None
    assert "10.1.2.3" in policy.check("https://intranet.example.com/")
    assert "169.254.169.254" in policy.check("https://metadata.example.com/")
    assert "192.168.0.1" in policy.check("https://mapped.example.com/")
    assert "cannot resolve" in policy.check("https://gone.example.com/")
    assert policy.check("https://www.example.com/x") is None  # written in the config: not resolved


def test_hosts_written_in_the_config_are_trusted_even_when_private():
    policy = UrlPolicy(["http://intranet.local/"], allow_hosts=["10.0.0.7"],
                       resolver=lambda host: ["10.0.0.7"])
    assert policy.check("http://intranet.local/page") is None
    assert policy.check("http://10.0.0.7/") is None


def test_a_checked_host_is_reached_at_the_address_the_check_saw():
    # DNS rebinding: the name answers with a public address for the check, then with a private one
    answers = [["93.184.216.34"], ["127.0.0.1"]]
    calls = []

    def resolve(host: str) -> list[str]:
        calls.append(host)
        return answers[min(len(calls), len(answers)) - 1]

    policy = UrlPolicy(["https://www.example.com/"], allow_hosts=["*.example.com"], resolver=resolve)
    assert policy.check("https://cdn.example.com/a.css") is None
    assert policy.address("cdn.example.com", 443) == "93.184.216.34"
    assert policy.address("CDN.example.com.", 443) == "93.184.216.34"
    assert calls == ["cdn.example.com"]  # asked once: the connection does not ask again
    assert policy.address("www.example.com", 443) is None  # named in the config: the system resolves it
    assert UrlPolicy(["http://[::1]:8080/"]).address("::1", 8080) is None
    with pytest.raises(FetchError, match="private or loopback address 10.0.0.9"):
        UrlPolicy(["https://www.example.com/"], allow_hosts=["*.example.com"],
                  resolver=lambda host: ["10.0.0.9"]).address("intranet.example.com", 443)


@pytest.fixture
def no_proxy(monkeypatch):
    """A proxy in the environment resolves names itself, and the fetcher then pins nothing."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_the_fetcher_connects_to_the_pinned_address(httpserver, no_proxy):
    # "shop.example.test" resolves nowhere (.test is reserved): the request can only arrive through the pin
    httpserver.expect_request("/x").respond_with_data(b"pinned")
    pins = []

    def pin(host: str, port: int) -> str | None:
        pins.append((host, port))
        return "127.0.0.1" if host == "shop.example.test" else None

    with HttpFetcher(timeout=5, pin=pin) as fetcher:
        got = fetcher.get(f"http://shop.example.test:{httpserver.port}/x")
    assert got.status == 200 and got.body == b"pinned"
    assert pins == [("shop.example.test", httpserver.port)]
    assert httpserver.log[0][0].headers["Host"] == f"shop.example.test:{httpserver.port}"


def test_a_pin_that_refuses_stops_the_request_before_it_is_sent(httpserver, no_proxy):
    httpserver.expect_request("/x").respond_with_data(b"never")

    def pin(host: str, port: int) -> str | None:
        raise FetchError(f"host {host} resolves to the private or loopback address 127.0.0.1")

    with HttpFetcher(timeout=5, pin=pin) as fetcher, pytest.raises(FetchError, match="private or loopback"):
        fetcher.get(httpserver.url_for("/x"))
    assert httpserver.log == []


def test_fetcher_returns_one_response_without_following_redirects(httpserver):
    httpserver.expect_request("/r").respond_with_response(Response(status=302, headers={"Location": "/x"}))
    with HttpFetcher(timeout=5) as fetcher:
        response = fetcher.get(httpserver.url_for("/r"))
    assert response.status == 302 and response.headers["location"] == "/x"
    assert [req.path for req, _ in httpserver.log] == ["/r"]


def test_fetcher_cuts_the_body_at_max_bytes_and_says_so(httpserver):
    httpserver.expect_request("/big").respond_with_data(b"x" * 10_000)
    httpserver.expect_request("/small").respond_with_data(b"x" * 100)
    with HttpFetcher(timeout=5) as fetcher:
        big = fetcher.get(httpserver.url_for("/big"), max_bytes=1000)
        small = fetcher.get(httpserver.url_for("/small"), max_bytes=100)
    assert big.truncated and len(big.body) == 1000
    assert not small.truncated and len(small.body) == 100


def test_fetcher_lower_cases_headers_and_keeps_every_cookie(httpserver):
    response = html("<p>x</p>", headers={"X-Thing": "1"})
    response.headers.add("Set-Cookie", "a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT")
    response.headers.add("Set-Cookie", "b=2")
    httpserver.expect_request("/").respond_with_response(response)
    with HttpFetcher(user_agent="test-agent/1", timeout=5) as fetcher:
        got = fetcher.get(httpserver.url_for("/"), headers={"If-None-Match": '"v1"'})
    assert got.headers["x-thing"] == "1"
    assert got.headers["set-cookie"].split("\n") == ["a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT", "b=2"]
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"] == "test-agent/1" and request.headers["If-None-Match"] == '"v1"'


def test_network_failures_are_fetch_errors(httpserver):
    slow = SlowRoute()
    httpserver.expect_request("/slow").respond_with_handler(slow)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]  # nothing listens here once the socket is closed
    try:
        with HttpFetcher(timeout=0.3) as fetcher:
            with pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
                fetcher.get(httpserver.url_for("/slow"))
            with pytest.raises(FetchError, match="network error"):
                fetcher.get(f"http://127.0.0.1:{closed_port}/")
            with pytest.raises(FetchError, match="invalid host name"):
                fetcher.get("http://a..b/")
    finally:
        slow.finish(httpserver)
