"""robots.txt parsing and matching (RFC 9309)."""

from __future__ import annotations

import pytest

from consistency.sources.robots import parse_robots, product_token, rules_for_status

UA = "consistency/0.1 (+brand consistency checker)"


def test_our_own_group_wins_over_the_star_group():
    rules = parse_robots("User-agent: *\nDisallow: /\n\nUser-agent: Consistency\nDisallow: /private/\n", UA)
    assert rules.allowed("https://x.example/shop")
    assert not rules.allowed("https://x.example/private/a")


def test_without_a_group_for_us_the_star_group_applies():
    rules = parse_robots("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /cart\n", UA)
    assert rules.allowed("https://x.example/")
    assert not rules.allowed("https://x.example/cart/1")


def test_the_longest_match_wins_and_allow_wins_a_tie():
    rules = parse_robots("User-agent: *\nDisallow: /docs/\nAllow: /docs/public/\nDisallow: /a\nAllow: /a\n", UA)
    assert rules.allowed("https://x.example/docs/public/guide")
    assert not rules.allowed("https://x.example/docs/internal")
    assert rules.allowed("https://x.example/a")


def test_wildcards_and_end_anchor():
    rules = parse_robots("User-agent: *\nDisallow: /*?session=\nDisallow: /*.pdf$\n", UA)
    assert not rules.allowed("https://x.example/shop?session=1")
    assert not rules.allowed("https://x.example/files/a.pdf")
    assert rules.allowed("https://x.example/files/a.pdf.html")
    assert rules.allowed("https://x.example/shop?page=2")


def test_groups_for_one_agent_are_merged_and_comments_ignored():
    text = ("User-agent: consistency # us\nDisallow: /a\n\nUser-agent: other\nDisallow: /\n\n"
            "User-agent: consistency\nDisallow: /b\nCrawl-delay: 2.5\n")
    rules = parse_robots(text, UA)
    assert not rules.allowed("https://x.example/a") and not rules.allowed("https://x.example/b")
    assert rules.allowed("https://x.example/c")
    assert rules.crawl_delay == 2.5


def test_consecutive_user_agent_lines_share_one_group_and_unknown_lines_do_not_split_it():
    rules = parse_robots("User-agent: a\nUser-agent: consistency\nDisallow: /x\n", UA)
    assert not rules.allowed("https://x.example/x")
    rules = parse_robots("User-agent: consistency\nHost: x.example\nUser-agent: b\nDisallow: /y\n", UA)
    assert not rules.allowed("https://x.example/y")


def test_sitemap_lines_apply_to_everyone():
    rules = parse_robots("Sitemap: https://x.example/s1.xml\nUser-agent: other\nDisallow: /\n"
                         "Sitemap: https://x.example/s2.xml\n", UA)
    assert rules.sitemaps == ("https://x.example/s1.xml", "https://x.example/s2.xml")


def test_empty_disallow_allows_everything_and_robots_txt_itself_is_always_allowed():
    assert parse_robots("User-agent: *\nDisallow:\n", UA).allowed("https://x.example/anything")
    assert parse_robots("User-agent: *\nDisallow: /\n", UA).allowed("https://x.example/robots.txt")


def test_product_token_is_the_name_before_the_version():
    assert product_token(UA) == "consistency"
    assert product_token("MyBot") == "mybot"


def test_a_browser_style_user_agent_is_matched_by_the_name_after_compatible():
    ua = "Mozilla/5.0 (compatible; AcmeAudit/1.0; +https://acme.example/bot)"
    assert product_token(ua) == "acmeaudit"
    rules = parse_robots("User-agent: *\nAllow: /\n\nUser-agent: AcmeAudit\nDisallow: /drafts/\nCrawl-delay: 3\n", ua)
    assert not rules.allowed("https://acme.example/drafts/a") and rules.crawl_delay == 3.0
    assert product_token("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0") == "mozilla"


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (403, True), (500, False), (503, False)])
def test_what_an_http_status_of_robots_txt_means(status, allowed):
    rules = rules_for_status(status, "User-agent: *\nDisallow: /\n", UA)
    assert rules.allowed("https://x.example/page") is allowed
    if not allowed:
        assert f"HTTP {status}" in rules.refusal
