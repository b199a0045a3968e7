"""D101 third-party-tracking: which hosts and cookies count as tracking, and one finding per entity."""

from consistency.deeds.interface import Corpus, DeedsConfig
from consistency.deeds.trackers import classify, cookie_entity, resources, tracker_list
from tests.deeds.builders import SITE, fixture, page, run, unit

PROMISE = unit("We use only first-party cookies.")


def entities(findings):
    return sorted(f.statements[1]["text"].split(" (")[0].removeprefix("Third-party tracking by ") for f in findings)


def test_ga_and_meta_pixel_are_flagged_but_first_party_cdn_and_gated_scripts_are_not():
    findings = run([page("/journal", fixture("tracked.html"), title="Journal")], [PROMISE])
    assert entities(findings) == ["Facebook", "Google Tag Manager"]
    by_entity = {f.statements[1]["text"]: f for f in findings}
    fb = next(f for t, f in by_entity.items() if "Facebook" in t)
    values = {e["value"] for e in fb.evidence}
    assert "https://connect.facebook.net/en_US/fbevents.js" in values  # from the inline snippet
    assert any(v.startswith("https://www.facebook.com/tr?id=1234567890") for v in values)  # the noscript pixel
    assert not any("sharer" in v for v in values)  # a share link is not a load
    everything = " ".join(e["value"] for f in findings for e in f.evidence)
    for not_tracking in ("/static/app.js", "cdnjs.cloudflare.com", "hotjar", "unknown-cdn", "instagram"):
        assert not_tracking not in everything


def test_clean_page_has_no_finding():
    assert run([page("/about", fixture("clean.html"))], [PROMISE]) == []


def test_one_finding_per_entity_lists_every_page():
    html = '<html><head><script src="https://www.google-analytics.com/analytics.js"></script></head><body></body></html>'
    docs = [page(f"/p{i}", html, title=f"P{i}") for i in range(3)]
    (finding,) = run(docs, [PROMISE])
    behaviour = finding.statements[1]
    assert [o["url"] for o in behaviour["occurrences"]] == [f"{SITE}/p0", f"{SITE}/p1", f"{SITE}/p2"]
    assert behaviour["kind"] == "behaviour" and behaviour["role"] == "conflict"
    assert "3 pages load Google Analytics (analytics)" in finding.explanation
    assert "We use only first-party cookies." in finding.explanation


def test_configured_tracker_hosts_count_even_on_first_party_subdomains():
    html = ('<html><head><script src="https://metrics.example.com/collect.js"></script>'
            '<script src="https://pixel.adnetwork.test/p.js"></script></head><body></body></html>')
    assert run([page("/", html)], [PROMISE]) == []  # unknown and first-party hosts are not accused
    findings = run([page("/", html)], [PROMISE], tracker_hosts=["adnetwork.test", "metrics.example.com"])
    assert entities(findings) == ["adnetwork.test", "metrics.example.com"]


def test_first_party_hosts_are_honoured():
    html = '<html><head><script src="https://www.googletagmanager.com/gtm.js?id=GTM-1"></script></head></html>'
    assert len(run([page("/", html)], [PROMISE])) == 1
    # A brand that counts a host as its own (a self-hosted tag server under its name) can say so.
    assert run([page("/", html)], [PROMISE], first_party_hosts=["example.com", "googletagmanager.com"]) == []


def test_default_first_party_covers_the_site_and_its_subdomains():
    config = DeedsConfig.from_mapping({}, ["https://www.example.com/"])
    assert config.first_party_hosts == ("example.com",)
    assert config.is_first_party("static.example.com") and config.is_first_party("example.com")
    assert not config.is_first_party("example.com.evil.test") and not config.is_first_party("notexample.com")


def test_tracking_cookies_in_set_cookie_are_flagged_with_their_names():
    cookies = [{"name": "_ga", "domain": "example.com"}, {"name": "_gid", "domain": "example.com"},
               {"name": "_fbp", "domain": "example.com"}, {"name": "session", "domain": "www.example.com"}, "IDE"]
    findings = run([page("/", "<html><body>hi</body></html>", set_cookie=cookies)], [PROMISE])
    assert entities(findings) == ["Facebook", "Google Analytics", "Google/Doubleclick Ads"]
    ga = next(f for f in findings if "Google Analytics" in f.statements[1]["text"])
    assert {e["value"] for e in ga.evidence} == {"_ga (domain example.com)", "_gid (domain example.com)"}
    assert run([page("/", "<html></html>", set_cookie=[{"name": "session", "domain": "x"}])], [PROMISE]) == []


def test_no_promise_means_no_finding():
    docs = [page("/journal", fixture("tracked.html"))]
    assert run(docs, [unit("We use third-party cookies to improve our ads.")]) == []
    assert run(docs, [unit("We use only first-party cookies.", kind="message")]) == []


def test_classification_uses_the_packaged_list():
    assert tracker_list().entity("www.googletagmanager.com").category == "tag-manager"
    assert tracker_list().entity("googletagmanager.com").category == "tag-manager"  # *.x covers x itself
    assert classify("cdnjs.cloudflare.com", DeedsConfig()).tracking is False
    assert classify("stats.g.doubleclick.net", DeedsConfig()).tracking is True
    assert classify("nothing.invalid", DeedsConfig()) is None
    assert cookie_entity("_ga_ABC123").name == "Google Analytics" and cookie_entity("_gal") is None


def test_resources_resolve_relative_urls_and_read_escaped_inline_urls():
    html = ('<html><head><script src="//cdn.segment.com/analytics.js"></script>'
            '<script>var u = "https:\\/\\/static.hotjar.com\\/c\\/hotjar-1.js";</script></head></html>')
    corpus = Corpus([page("/x/", html)])
    found = {(r.kind, r.url) for r in resources(corpus.pages()[0])}
    assert ("script src", "https://cdn.segment.com/analytics.js") in found
    assert ("URL in inline script", "https://static.hotjar.com/c/hotjar-1.js") in found


def test_an_invisible_image_from_an_unknown_third_party_host_is_a_tracking_pixel():
    html = ('<html><body><img src="https://px.unknown-ads.test/p.gif?u=1" width="1" height="1" alt="">'
            '<img src="https://beacon.other.test/b.gif" style="display: none">'
            '<img src="https://images.unknown-cdn.test/photo.jpg" width="640" height="480" alt="shop">'
            '<img src="https://static.example.com/spacer.gif" width="1" height="1"></body></html>')
    findings = run([page("/journal", html)], [PROMISE])
    assert entities(findings) == ["beacon.other.test", "px.unknown-ads.test"]  # not the photo, not our own host
    pixel = next(f for f in findings if "px.unknown-ads.test" in f.statements[1]["text"])
    assert {"label": "pixel (img src)", "value": "https://px.unknown-ads.test/p.gif?u=1"} in pixel.evidence
    assert "(tracking pixel)" in pixel.statements[1]["text"]


def test_a_cookie_set_by_a_host_that_is_not_the_brands_is_a_third_party_cookie_whatever_its_name():
    cookies = [{"name": "uid", "domain": "partner-ads.test", "host": "partner-ads.test"},  # a redirect hop
               {"name": "session", "domain": "example.com", "host": "shop.example.com"},  # our own subdomain
               {"name": "pref", "domain": "elsewhere.test", "host": "www.example.com"}]  # a browser refuses it
    (finding,) = run([page("/go", "<html><body>hi</body></html>", set_cookie=cookies)], [PROMISE])
    assert finding.statements[1]["text"] == "Third-party tracking by partner-ads.test (third-party cookie): cookies uid"
    assert finding.evidence == ({"label": "Set-Cookie", "value": "uid (domain partner-ads.test)"},)


def test_configured_hosts_may_be_written_as_urls_or_wildcards():
    config = DeedsConfig.from_mapping({"tracker_hosts": ["https://Metrics.Example.com/collect", "*.adnetwork.test"],
                                       "first_party_hosts": ["https://www.example.com/", "*.cdn-example.test"]})
    assert config.tracker_hosts == ("adnetwork.test", "metrics.example.com")
    assert config.first_party_hosts == ("cdn-example.test", "example.com")
    html = '<html><head><script src="https://pixel.adnetwork.test/p.js"></script></head><body></body></html>'
    assert entities(run([page("/", html)], [PROMISE], tracker_hosts=["*.adnetwork.test"])) == ["adnetwork.test"]
