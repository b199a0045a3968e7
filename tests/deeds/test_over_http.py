"""Words versus deeds on a real crawl: a site on 127.0.0.1, `consistency check`, every report format.

The issue's "done" case: the privacy policy says "we use only first-party cookies" and the report
shows, beside it, the blog page that loads a script from a third-party ad host, and the pages whose
responses (a redirect hop included) set tracking cookies.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from werkzeug import Request, Response

from consistency.cli import main

AD_SCRIPT = "https://securepubads.g.doubleclick.net/tag/js/gpt.js"


def _page(title: str, body: str) -> str:
    return f"<!doctype html><html lang='en'><head><title>{title}</title></head><body><main>{body}</main></body></html>"


PAGES = {
    "/": _page("Home", "<p>Linen for every season, made to last.</p>"
                       "<p><a href='/privacy/'>Privacy</a> <a href='/blog/cookies/'>Cookies</a> <a href='/go'>Shop</a>"
                       " <a href='/deals'>Deals</a></p>"),
    "/privacy/": _page("Privacy policy", "<p>We use only first-party cookies.</p>"),
    "/blog/cookies/": _page("Baking cookies", f"<script src='{AD_SCRIPT}'></script>"
                                              "<p>Our favourite oat cookies are baked in the studio.</p>"),
    "/shop/": _page("Shop", "<p>Browse the new linen sheets in five colours.</p>"),
    "/sale/": _page("Sale", "<p>Last season's linen, a third off.</p>"),
}
PARTNER = {"port": 0}  # the partner's port, known once its server runs


def _dispatch(request: Request) -> Response:
    if request.path == "/go":  # a redirect hop that sets a cookie on the way
        response = Response(status=302, headers={"Location": "/shop/"})
        response.headers.add("Set-Cookie", "_gcl_au=1.1.99; Path=/; Max-Age=7776000")
        return response
    if request.path == "/deals":  # through an allowed partner host that sets its own cookie
        return Response(status=302, headers={"Location": f"http://localhost:{PARTNER['port']}/click"})
    if request.path not in PAGES:
        return Response("not found", status=404)
    response = Response(PAGES[request.path], content_type="text/html; charset=utf-8")
    if request.path == "/shop/":
        response.headers.add("Set-Cookie", "_fbp=fb.1.1700000000.42; Path=/; Max-Age=7776000")
        response.headers.add("Set-Cookie", "session=abc; Path=/; HttpOnly")  # the site's own: not tracking
    return response


def _partner(base: str):
    def handler(request: Request) -> Response:
        response = Response(status=302, headers={"Location": f"{base}/sale/"})
        response.headers.add("Set-Cookie", "uid=77; Path=/; Max-Age=31536000")
        return response
    return handler


def _config(tmp_path: Path, base: str, deeds: str = "") -> Path:
    path = tmp_path / "consistency.toml"
    path.write_text(f'[brand]\nname = "Linen Co"\n[[sources]]\ntype = "site"\nurl = "{base}/"\ndelay = 0\n'
                    f'allow_hosts = ["localhost:{PARTNER["port"]}"]\n'
                    f'[[commitments]]\nurls = ["*/privacy*"]\n[deeds]\n{deeds}\n', encoding="utf-8")
    return path


def _check(tmp_path: Path, config: Path, name: str) -> Path:
    out = tmp_path / name
    code = main(["check", str(config), "-q", "--fail-on", "never", "--format", "html,json,sarif,junit",
                 "--output-dir", str(out), "--store", str(tmp_path / "store.sqlite")])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    from pytest_httpserver import HTTPServer

    server, partner = HTTPServer(host="127.0.0.1"), HTTPServer(host="localhost")  # another host name
    server.expect_request(re.compile(".*")).respond_with_handler(_dispatch)
    server.start()
    partner.start()
    PARTNER["port"] = partner.port
    tmp_path = tmp_path_factory.mktemp("deeds-http")
    try:
        base = f"http://127.0.0.1:{server.port}"
        partner.expect_request(re.compile(".*")).respond_with_handler(_partner(base))
        out = _check(tmp_path, _config(tmp_path, base), "default")
        yield tmp_path, base, out
    finally:
        for s in (server, partner):
            s.clear()
            s.stop()


def _d101(out: Path) -> dict[str, dict]:
    report = json.loads((out / "report.json").read_text("utf-8"))
    return {f["statements"][1]["text"]: f for f in report["findings"] if f["code"] == "D101"}


def test_a_third_party_ad_script_is_shown_beside_the_privacy_promise(crawled):
    _, base, out = crawled
    ads = next(f for text, f in _d101(out).items() if "Google/Doubleclick Ads" in text)
    promise, behaviour = ads["statements"]
    assert promise["text"] == "We use only first-party cookies." and promise["url"] == f"{base}/privacy/"
    assert behaviour["kind"] == "behaviour"
    assert {o["url"] for o in behaviour["occurrences"]} == {f"{base}/blog/cookies/", f"{base}/shop/"}
    evidence = {(e["label"], e["value"]) for e in ads["evidence"]}
    assert ("script src", AD_SCRIPT) in evidence
    assert ("Set-Cookie", "_gcl_au (domain 127.0.0.1)") in evidence  # set by the redirect hop to /shop/


def test_a_response_that_sets_a_tracking_cookie_is_a_finding_and_the_sites_own_cookie_is_not(crawled):
    _, base, out = crawled
    found = _d101(out)
    facebook = next(f for text, f in found.items() if "Facebook" in text)
    assert [o["url"] for o in facebook["statements"][1]["occurrences"]] == [f"{base}/shop/"]
    assert {e["value"] for e in facebook["evidence"]} == {"_fbp (domain 127.0.0.1)"}
    assert "1 page sets Facebook tracking cookies (_fbp)" in facebook["explanation"]
    assert not any("session" in e["value"] for f in found.values() for e in f["evidence"])


def test_a_cookie_set_by_a_partner_host_on_a_redirect_is_a_third_party_cookie(crawled):
    _, base, out = crawled
    partner = next(f for text, f in _d101(out).items() if "(third-party cookie)" in text)
    assert partner["statements"][1]["text"] == "Third-party tracking by localhost (third-party cookie): cookies uid"
    assert [o["url"] for o in partner["statements"][1]["occurrences"]] == [f"{base}/sale/"]
    assert partner["evidence"] == [{"label": "Set-Cookie", "value": "uid (domain localhost)"}]


def test_the_deeds_findings_are_in_every_report_format(crawled):
    _, _, out = crawled
    sarif = json.loads((out / "report.sarif").read_text("utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"D101"}
    assert "D101" in (out / "report.junit.xml").read_text("utf-8")
    html = (out / "report.html").read_text("utf-8")
    assert "We use only first-party cookies." in html and AD_SCRIPT in html


def test_deeds_checks_can_be_switched_off_or_given_another_severity(crawled):
    tmp_path, base, _ = crawled
    off = _check(tmp_path, _config(tmp_path, base, 'checks = ["D102", "D103"]'), "off")
    assert _d101(off) == {}
    noted = _check(tmp_path, _config(tmp_path, base, 'severity = { D101 = "note" }'), "noted")
    assert {f["severity"] for f in _d101(noted).values()} == {"note"}
