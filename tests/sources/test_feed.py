"""The feed source: RSS and Atom from the local server or a file, linked pages, broken feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug import Response

from consistency.sources.feed import FeedSource
from consistency.sources.interface import SourceContext
from consistency.types import Document, Skipped

LONG = "Our stores accept returns within 30 days, with the receipt, for a full refund to the card used. " * 3

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Acme news</title><link>{{base}}/</link><language>en-us</language>
<item>
  <title>Returns made easy</title>
  <link>{{base}}/news/returns?utm_source=rss</link>
  <guid>returns-2024</guid>
  <pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<h2>New policy</h2><p>{LONG}</p><div class="share">Share this</div>]]></content:encoded>
</item>
<item>
  <title>Team update</title>
  <link>{{base}}/team.html</link>
  <description>Read about our team.</description>
</item>
<item>
  <title>Off-site partner news</title>
  <link>https://partner.example/news</link>
  <description>Our partner opens a new store.</description>
</item>
<item>
  <title>Gone</title>
  <link>{{base}}/missing.html</link>
  <description>This page was removed.</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
  <title>Acme 소식</title><id>urn:acme:feed</id><updated>2024-06-01T00:00:00Z</updated>
  <entry>
    <title type="html">&lt;b&gt;무료&lt;/b&gt; 반품</title>
    <id>urn:acme:entry:1</id>
    <updated>2024-06-01T09:00:00+09:00</updated>
    <content type="html">&lt;p&gt;저희는 30일 이내 무료 반품을 제공합니다.&lt;/p&gt;
      &lt;p&gt;영수증을 지참해 주세요.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Empty</title><id>urn:acme:entry:2</id><updated>2024-06-02T00:00:00Z</updated>
  </entry>
</feed>"""


def feed(site, fetcher, clock, offline=False, **options) -> list:
    ctx = SourceContext(base_dir=Path("."), fetcher=fetcher, offline=offline)
    return list(FeedSource({"delay": 0.0, **options}, ctx, clock=clock, sleep=clock.sleep).collect())


def serve(site, path: str, body: str, ctype: str = "application/rss+xml") -> str:
    site.routes[path] = lambda r: Response(site.fill(body), content_type=ctype)
    return site.url(path)


def by_title(items: list) -> dict[str, Document]:
    return {d.title: d for d in items if isinstance(d, Document)}


def test_rss_full_content_is_the_entry_text(site, fetcher, clock):
    items = feed(site, fetcher, clock, url=serve(site, "/feed.xml", RSS))
    entry = by_title(items)["Returns made easy"]
    assert entry.source_type == "feed" and entry.url == site.url("/news/returns")
    assert entry.text.split("\n") == ["New policy", LONG.strip()]
    assert entry.published == "2024-05-01T08:00:00+00:00" and entry.lang == "en"
    assert "<h2>New policy</h2>" in entry.raw
    assert "/news/returns" not in site.requested()  # full content: the page is not fetched


def test_a_short_summary_is_replaced_by_the_linked_page_on_an_allowed_host(site, fetcher, clock):
    items = feed(site, fetcher, clock, url=serve(site, "/feed.xml", RSS))
    team = by_title(items)["Team update"]
    assert team.text == "Our team answers every mail within one day."
    assert team.meta["followed_link"] is True and "<html" in team.raw
    partner = by_title(items)["Off-site partner news"]  # not an allowed host: the summary stays
    assert partner.text == "Our partner opens a new store." and partner.meta["followed_link"] is False
    assert not any("partner.example" in url for url in fetcher.urls)
    gone = [s for s in items if isinstance(s, Skipped)]
    assert gone == [Skipped(f"feed:{site.url('/feed.xml')}", site.url("/missing.html"),
                            "linked page not read, the feed's summary is used: HTTP 404 Not Found")]
    assert by_title(items)["Gone"].text == "This page was removed."


def test_links_are_not_followed_when_follow_links_is_off(site, fetcher, clock):
    items = feed(site, fetcher, clock, url=serve(site, "/feed.xml", RSS), follow_links=False)
    assert by_title(items)["Team update"].text == "Read about our team."
    assert site.requested() == ["/robots.txt", "/feed.xml"]


def test_atom_entries_with_language_dates_and_html_titles(site, fetcher, clock):
    items = feed(site, fetcher, clock, url=serve(site, "/atom.xml", ATOM, "application/atom+xml"))
    entry = by_title(items)["무료 반품"]
    assert entry.text == "저희는 30일 이내 무료 반품을 제공합니다.\n영수증을 지참해 주세요."
    assert entry.lang == "ko" and entry.published == "2024-06-01T00:00:00+00:00"
    assert entry.url == f"{site.url('/atom.xml')}#urn:acme:entry:1"  # no link: the feed URL and entry id
    assert Skipped(f"feed:{site.url('/atom.xml')}", f"{site.url('/atom.xml')}#urn:acme:entry:2",
                   "feed entry has no text") in items


@pytest.mark.parametrize("body", ["<rss><channel><item><title>Broken", "<html><body><p>Not a feed</p>",
                                  "plain words, no markup"])
def test_a_malformed_feed_is_skipped_with_the_parser_reason(site, fetcher, clock, body):
    items = feed(site, fetcher, clock, url=serve(site, "/bad.xml", body))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].reason.startswith("not a readable RSS or Atom feed:")


def test_a_feed_that_cannot_be_fetched_is_skipped(site, fetcher, clock):
    items = feed(site, fetcher, clock, url=site.url("/missing.html"))
    assert items == [Skipped(f"feed:{site.url('/missing.html')}", site.url("/missing.html"), "HTTP 404 Not Found")]


def test_a_local_feed_file_is_read_offline_without_following_links(site, fetcher, clock, tmp_path: Path):
    path = tmp_path / "feed.xml"
    path.write_text(site.fill(RSS), encoding="utf-8")
    items = feed(site, fetcher, clock, offline=True, path=str(path))
    assert by_title(items)["Team update"].text == "Read about our team."
    assert by_title(items)["Returns made easy"].url == site.url("/news/returns")
    assert fetcher.calls == []


def test_a_feed_url_is_not_fetched_offline(site, fetcher, clock):
    url = site.url("/feed.xml")
    assert feed(site, fetcher, clock, offline=True, url=url) == [
        Skipped(f"feed:{url}", url, "offline: network sources are not fetched")]
    assert fetcher.calls == []


def test_a_missing_feed_file_is_skipped(site, fetcher, clock, tmp_path: Path):
    missing = str(tmp_path / "nope.xml")
    items = feed(site, fetcher, clock, path=missing)
    assert len(items) == 1 and items[0].item == missing and "cannot read the feed file" in items[0].reason


def test_a_feed_body_that_looks_like_a_path_is_parsed_not_opened(site, fetcher, clock, tmp_path: Path):
    secret = tmp_path / "secret.xml"
    secret.write_text(site.fill(RSS), encoding="utf-8")
    items = feed(site, fetcher, clock, url=serve(site, "/trick.xml", str(secret), "text/plain"))
    assert not any(isinstance(i, Document) for i in items)


TEASERS = "".join(f"<item><title>Teaser {i}</title><link>{{base}}{path}</link><description>Teaser {i}.</description>"
                  "</item>" for i, path in enumerate(["/team.html", "/about.html", "/orphan.html", "/blog/post-1.html",
                                                      "/blog/post-2.html"]))
TEASER_RSS = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Acme</title>{TEASERS}</channel></rss>'


def test_max_pages_caps_the_linked_pages_and_says_how_many_entries_kept_their_summary(site, fetcher, clock):
    url = serve(site, "/teasers.xml", TEASER_RSS)
    items = feed(site, fetcher, clock, url=url, max_pages=2)
    followed = [d.title for d in items if isinstance(d, Document) and d.meta["followed_link"]]
    assert followed == ["Teaser 0", "Teaser 1"]
    assert by_title(items)["Teaser 4"].text == "Teaser 4."  # past the cap: the summary stays
    assert [p for p in site.requested() if p.endswith(".html")] == ["/team.html", "/about.html"]
    assert [s.reason for s in items if isinstance(s, Skipped)] == [
        "max_pages=2 linked pages read; 3 entries keep their summary, their linked pages were not read"]


def test_the_time_cap_stops_fetching_linked_pages(site, fetcher, clock):
    url = serve(site, "/teasers.xml", TEASER_RSS)
    items = feed(site, fetcher, clock, url=url, delay=1.0, max_seconds=3.5)
    assert clock.now - 1000.0 <= 3.5  # the fake clock moves only when the crawler waits
    assert len(by_title(items)) == 5  # every entry is still a document
    (skip,) = [s for s in items if isinstance(s, Skipped)]
    assert skip.reason.startswith("time cap of 3.5 s reached; ")
    assert feed(site, fetcher, clock, url=url, delay=1.0, max_seconds=0.5) == [
        Skipped(f"feed:{url}", url, "time cap of 0.5 s reached")]
