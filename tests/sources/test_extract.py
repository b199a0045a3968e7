"""HTML extraction: main text without boilerplate, one line per block, metadata, decoding, robustness."""

from __future__ import annotations

import random

import pytest

from consistency.sources.extract import decode_html, extract_html, normalize_date, normalize_lang

PAGE = """<!doctype html><html lang="en-GB"><head><title>Returns | Acme</title></head><body>
<header><div class="logo">Acme</div><ul class="main-menu"><li>Shop</li><li>Help</li></ul></header>
<div class="navbar">Sale ends soon</div><div class="main-navigation">Products Services</div>
<div class="canvas-wrapper"><p class="intro">Welcome to Acme help.</p></div>
<div role="navigation">Skip to content</div>
<div class="gdpr-consent" id="onetrust-banner">We value your privacy. Accept all cookies?</div>
<ol class="breadcrumb"><li>Home</li><li>Help</li></ol>
<main>
<h1>Our returns policy</h1>
<p>You can return any item within <strong>30 days</strong> of delivery.</p>
<h2>Refunds</h2><p>Refunds reach your card in 5 days.</p>
<ul><li>Keep the receipt.</li><li>Use the original box.</li></ul>
<table><tr><th>Region</th><th>Days</th></tr><tr><td>EU</td><td>30</td></tr></table>
<div class="share-buttons">Share on Facebook</div>
<script>var tracking = "secret";</script><style>p { color: red }</style>
<noscript>Enable JavaScript</noscript><template><p>hidden template</p></template>
<svg><text>logo text</text></svg>
</main>
<aside>Related: our warranty</aside>
<div id="newsletter-popup">Subscribe for 10% off!</div>
<footer><p>Acme Ltd, quality since 1900.</p></footer>
</body></html>"""


def test_main_text_keeps_content_and_drops_boilerplate():
    text = extract_html(PAGE, "https://acme.example/returns").text
    assert text.split("\n") == [
        "Welcome to Acme help.", "Our returns policy", "You can return any item within 30 days of delivery.", "Refunds",
        "Refunds reach your card in 5 days.", "Keep the receipt.", "Use the original box.",
        "Region", "Days", "EU", "30"]


def test_title_and_language():
    page = extract_html(PAGE)
    assert page.title == "Returns | Acme" and page.lang == "en"


@pytest.mark.parametrize(("tag", "lang"), [("en-US", "en"), ("zh-Hans", "zh"), ("zh_TW", "zh"), ("AR", "ar"),
                                           ("ko-KR", "ko"), ("", None), ("und", None), ("x-klingon", None)])
def test_language_tags_are_reduced_to_the_primary_subtag(tag, lang):
    assert normalize_lang(tag) == lang


def test_language_falls_back_to_the_content_language_meta():
    page = extract_html('<html><head><meta http-equiv="Content-Language" content="ko"></head><body>안녕</body></html>')
    assert page.lang == "ko"


def test_a_heading_is_never_glued_to_the_paragraph_or_a_line_break_to_the_next_line():
    text = extract_html("<div><h3>Shipping</h3>Free over $50<br>Returns free</div><span>a</span><span>b</span>").text
    assert text.split("\n") == ["Shipping", "Free over $50", "Returns free", "ab"]


def test_preformatted_text_keeps_its_lines():
    assert extract_html("<pre>line one\n  line two</pre>").text == "line one\nline two"


def test_an_article_header_is_content_but_the_page_header_is_not():
    page = extract_html("<body><header>Site name</header><article><header><h1>Price promise</h1></header>"
                        "<p>We match any price.</p></article></body>")
    assert page.text == "Price promise\nWe match any price."


def test_a_wrapper_whose_class_looks_like_boilerplate_is_kept_when_it_is_the_content():
    # A cookie policy page: its content lives in a "cookie-policy" div. The sidebar layout wraps everything.
    body = "".join(f"<p>Cookie rule number {i} explains what we store and why.</p>" for i in range(5))
    page = extract_html(f"<body><div class='with-sidebar'><div class='cookie-policy'>{body}</div>"
                        "<div class='cookie-banner'>Accept?</div></div></body>")
    assert page.text.count("Cookie rule number") == 5 and "Accept?" not in page.text


@pytest.mark.parametrize(("head", "published"), [
    ('<meta property="article:published_time" content="2024-03-01T09:30:00+01:00">', "2024-03-01T09:30:00+01:00"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "datePublished": "2023-12-24"}]}</script>',
     "2023-12-24"),
    ('<meta name="date" content="2022-07-15">', "2022-07-15"),
    ('<meta name="DC.date.issued" content="Tue, 10 Jun 2003 04:00:00 GMT">', "2003-06-10T04:00:00+00:00"),
])
def test_publication_date_from_meta_tags_and_json_ld(head, published):
    assert extract_html(f"<html><head>{head}</head><body><p>x</p></body></html>").published == published


def test_publication_date_from_a_time_element_and_bad_dates_are_ignored():
    html = ('<head><meta property="article:published_time" content="not a date"></head>'
            '<body><p>Posted <time datetime="2021-02-03T04:05:06Z">Feb 3</time></p></body>')
    assert extract_html(html).published == "2021-02-03T04:05:06+00:00"
    assert extract_html("<p>no date</p>").published is None


@pytest.mark.parametrize(("value", "iso"), [("2024-02-30", None), ("1066-10-14", None), ("2024-05-06T07:08:09Z",
                                            "2024-05-06T07:08:09+00:00"), ("2024-05-06 garbage", "2024-05-06")])
def test_normalize_date(value, iso):
    assert normalize_date(value) == iso


def test_links_are_absolute_normalised_and_unique_including_navigation_links():
    page = extract_html("""<head><base href="https://acme.example/help/"></head><body>
        <nav><a href="/">Home</a></nav><a href="faq.html#q1">FAQ</a><a href="faq.html?utm_source=x">FAQ</a>
        <a href="mailto:a@acme.example">mail</a><a href="javascript:void(0)">js</a><a href="#top">top</a>
        <a href="https://other.example/x">other</a><a href="http://acme.example:99999/">bad port</a></body>""",
                        "https://acme.example/ignored/")
    assert page.links == ("https://acme.example/", "https://acme.example/help/faq.html", "https://other.example/x")


def test_bytes_are_decoded_with_the_declared_charset():
    korean = "<html><head><meta charset='euc-kr'></head><body><p>무료 반품</p></body></html>".encode("euc-kr")
    assert extract_html(korean).text == "무료 반품"
    latin = "<p>Café crème</p>".encode("cp1252")
    assert extract_html(latin, encoding="iso-8859-1").text == "Café crème"  # the header's charset wins
    assert decode_html("<p>٣٠ يومًا</p>".encode()) == "<p>٣٠ يومًا</p>"  # UTF-8 without a declaration
    assert decode_html(b"\xef\xbb\xbf<p>bom</p>") == "<p>bom</p>"


def test_an_unknown_charset_label_falls_back_to_utf8():
    assert extract_html("<p>直播</p>".encode(), encoding="no-such-charset").text == "直播"


def test_an_xml_declaration_and_xhtml_are_read():
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar">'
             "<body><p>مرحبا</p></body></html>")
    page = extract_html(xhtml)
    assert page.text == "مرحبا" and page.lang == "ar"


@pytest.mark.parametrize("junk", ["", "   ", "<<<>>>", "<html><body><p>unclosed <b>bold <i>text",
                                  "\x00\x01\x02", "<div>" * 3000 + "deep", "<!-- only a comment -->",
                                  '<script type="application/ld+json">{not json</script><p>ok</p>'])
def test_malformed_html_never_raises(junk):
    page = extract_html(junk)
    assert isinstance(page.text, str)


def test_salvages_text_from_broken_markup():
    assert extract_html("<html><body><p>unclosed <b>bold <i>text").text == "unclosed bold text"
    assert extract_html("<div>" * 1000 + "deep").text == "deep"  # libxml2 stops at 2048 levels


def test_random_bytes_never_raise():
    rng = random.Random(7)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        extract_html(b"<html><body>" + data)


def test_inline_script_data_does_not_make_the_content_look_small():
    # A framework page: the content sits in a layout div, a large JSON blob follows in a script.
    blob = '{"props": "' + "x" * 50_000 + '"}'
    page = extract_html(f"<body><div class='layout-with-sidebar'><p>We deliver in 2 days.</p></div>"
                        f"<script id='__NEXT_DATA__' type='application/json'>{blob}</script></body>")
    assert page.text == "We deliver in 2 days."


@pytest.mark.parametrize("menu", [
    '<p><a href="/en/">English</a> | <a href="/ar/">العربية</a> | <a href="/zh/">中文</a></p>',
    '<div class="lang"><a href="/en/">English</a><a href="/ko/">한국어</a></div>',
    '<ul><li><a href="/blog/a">Inside our supply chain</a></li><li><a href="/blog/b">The gift guide</a></li></ul>',
    '<p><a href="/returns">Returns</a> · <a href="/faq">FAQ</a> · <a href="/contact">Contact us</a></p>',
])
def test_a_cluster_of_links_in_the_content_is_a_menu_and_is_dropped(menu):
    html = f"<html><body><main><p>We ship every order within two days.</p>{menu}</main></body></html>"
    assert extract_html(html).text == "We ship every order within two days."


@pytest.mark.parametrize(("block", "kept"), [
    ('<p><a href="/returns">Free returns for 60 days</a></p>', "Free returns for 60 days"),  # one link: a claim
    ('<p>Read our <a href="/privacy">privacy policy</a> and <a href="/terms">terms</a>.</p>',
     "Read our privacy policy and terms."),  # words between the links: a sentence
    ('<ul><li><a href="/a">Returns are free.</a></li><li><a href="/b">Shipping is free.</a></li></ul>',
     "Returns are free.\nShipping is free."),  # ends like a sentence
    ('<ul><li><a href="/a">Returns are free.</a></li><li><a href="/b">Shop now</a></li></ul>',
     "Returns are free.\nShop now"),  # one of the links is a sentence
])
def test_links_that_make_a_claim_or_a_sentence_are_kept(block, kept):
    html = f"<html><body><main>{block}</main></body></html>"
    assert extract_html(html).text == kept
