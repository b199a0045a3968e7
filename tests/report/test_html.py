"""report.html: escaping of hostile text, highlighting, filters, skipped items, empty state, self-containment."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

import lxml.html
import pytest

from consistency.report.html import HtmlFormatter, bar_chart, highlight, likelihood, safe_href

TEMPLATES = resources.files("consistency.report") / "templates"


def render(report):
    return lxml.html.document_fromstring(HtmlFormatter().render(report))


def card(doc, finding_id):
    (el,) = doc.xpath(f"//article[@id='{finding_id}']")
    return el


def side(card_el, which):
    (el,) = card_el.xpath(f".//section[contains(@class, 'side-{which}')]")
    return el


def marks(el):
    return [m.text_content() for m in el.iter("mark")]


# -- hostile content ---------------------------------------------------------------------------

def test_hostile_statement_renders_as_inert_literal_text(report):
    doc = render(report)
    (script,) = doc.iter("script")  # only the report's own filter script
    assert script.text == (TEMPLATES / "report.js").read_text("utf-8")
    for el in doc.iter():
        if isinstance(el.tag, str):
            assert not [a for a in el.attrib if a.lower().startswith("on")], (el.tag, dict(el.attrib))
    assert not list(doc.iter("img", "iframe", "object", "embed", "b"))
    assert all(not svg.xpath(".//*[local-name()='foreignObject']") for svg in doc.iter("svg"))
    conflict = side(card(doc, "F-0000000000000005"), "conflict")
    assert conflict.xpath(".//blockquote")[0].text_content() == report["findings"][4]["statements"][1]["text"]
    text = conflict.text_content()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert '"><svg onload=alert(1)>' in text
    assert "<b onmouseover=alert(1)>post</b>" in text  # the hostile title, also as text


def test_hostile_brand_and_skipped_reason_are_escaped(report):
    report["brand"] = "</title><script>alert(2)</script>"
    doc = render(report)
    assert doc.findtext(".//title").startswith("</title><script>alert(2)</script>")
    assert len(list(doc.iter("script"))) == 1
    assert "cannot decode <b>charset</b> x-unknown" in doc.get_element_by_id("skipped").text_content()


def test_only_http_and_relative_urls_become_links(report):
    doc = render(report)
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert not [h for h in hrefs if not re.match(r"(https?://|#|[\w./-])", h)]
    assert "javascript:alert(1)" not in hrefs and not any(h.lower().startswith(("javascript", "mid:")) for h in hrefs)
    hostile = side(card(doc, "F-0000000000000005"), "conflict")
    assert not hostile.xpath(".//a") and "javascript:alert(1)" in hostile.text_content()
    for a in doc.xpath("//a[@target='_blank']"):
        assert a.get("rel") == "noopener noreferrer nofollow"


@pytest.mark.parametrize(("url", "href"), [
    ("https://www.example.com/returns/", "https://www.example.com/returns/"),
    ("HTTP://EXAMPLE.COM/x", "HTTP://EXAMPLE.COM/x"),
    ("content/My draft.md", "content/My%20draft.md"),
    ("/srv/content/news.md", "/srv/content/news.md"),
    ("javascript:alert(1)", None),
    ("  JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("mid:123@example.com", None),
    ("//evil.example/x", None),
    ("https:///no-host", None),
    ("", None),
])
def test_safe_href(url, href):
    assert safe_href(url) == href


# -- statements, spans, languages -----------------------------------------------------------------

def test_spans_are_highlighted_in_arabic_chinese_korean_and_english(report):
    doc = render(report)
    assert marks(side(card(doc, "F-0000000000000001"), "conflict")) == ["14 يومًا"]
    assert marks(side(card(doc, "F-0000000000000001"), "commitment")) == ["30 days"]
    assert marks(side(card(doc, "F-0000000000000003"), "conflict")) == ["75美元"]
    assert marks(side(card(doc, "F-0000000000000007"), "commitment")) == ["2030年"]
    assert marks(side(card(doc, "F-0000000000000004"), "conflict")) == ["평일 오전 9시부터 오후 6시까지"]
    assert marks(side(card(doc, "F-0000000000000006"), "conflict")) == []  # a model finding has no spans
    for f in report["findings"]:  # highlighting never changes the text itself
        for i, which in enumerate(("commitment", "conflict")):
            quote = side(card(doc, f["id"]), which).xpath(".//blockquote")[0]
            assert quote.text_content() == f["statements"][i]["text"]


def test_language_and_direction_are_set_on_the_statement_text(report):
    doc = render(report)
    arabic = side(card(doc, "F-0000000000000001"), "conflict").xpath(".//blockquote")[0]
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl")
    english = side(card(doc, "F-0000000000000001"), "commitment").xpath(".//blockquote")[0]
    assert (english.get("lang"), english.get("dir")) == ("en", "ltr")
    korean = side(card(doc, "F-0000000000000004"), "conflict").xpath(".//blockquote")[0]
    assert korean.get("lang") == "ko"


def test_highlight_segments():
    text = "يمكنك إرجاع المنتجات خلال 14 يومًا من الاستلام."
    start = text.index("14 يومًا")
    segs = highlight(text, [{"start": start, "end": start + 8, "text": "14 يومًا", "label": "duration"}])
    assert [(s.text, s.mark, s.label) for s in segs] == [
        (text[:start], False, ""), ("14 يومًا", True, "duration"), (text[start + 8:], False, "")]


def test_highlight_repairs_offsets_that_do_not_match_the_span_text():
    segs = highlight("订单满75美元即可免运费。", [{"start": 0, "end": 4, "text": "75美元", "label": "money"}])
    assert [s.text for s in segs if s.mark] == ["75美元"]


def test_highlight_merges_overlaps_and_drops_spans_it_cannot_place():
    text = "Free returns within 30 days of delivery."
    spans = [{"start": 20, "end": 27, "text": "30 days", "label": "duration"},
             {"start": 23, "end": 30, "text": "days of", "label": "unit"},
             {"start": 500, "end": 510, "text": "not here", "label": "x"},
             {"start": 5, "end": 2, "text": "", "label": "backwards"}]
    segs = highlight(text, spans)
    assert [(s.text, s.label) for s in segs if s.mark] == [("30 days of", "duration, unit")]
    assert "".join(s.text for s in segs) == text


# -- cards ----------------------------------------------------------------------------------------

def test_cards_follow_the_given_order_with_data_for_the_filters(report):
    doc = render(report)
    cards = doc.xpath("//article[contains(@class, 'finding')]")
    assert [c.get("id") for c in cards] == [f["id"] for f in report["findings"]]
    for c, f in zip(cards, report["findings"], strict=True):
        conflict = f["statements"][1]
        assert (c.get("data-severity"), c.get("data-rule"), c.get("data-channel"), c.get("data-lang")) == (
            f["severity"], f["code"], conflict["source_type"], conflict["lang"])


def test_card_shows_rule_score_in_words_reason_places_and_evidence(report):
    doc = render(report)
    c102 = card(doc, "F-0000000000000001")
    head = c102.xpath(".//header")[0].text_content()
    assert "C102" in head and "Duration conflict" in head and "97%" in head and "very likely" in head
    assert "return window: 30 days vs 14 days" in c102.text_content()
    places = side(c102, "conflict").xpath(".//details")[0]
    assert "Appears in 3 places" in places.findtext(".//summary")
    assert len(places.xpath(".//li")) == 3
    assert "Published" in side(c102, "commitment").text_content() and "2024-03-01" in c102.text_content()
    behaviour = card(doc, "F-0000000000000002")
    assert "What was observed" in side(behaviour, "conflict").text_content()
    evidence = [e.text_content() for e in behaviour.xpath(".//div[@class='evidence']//li")]
    assert evidence == ["script https://www.googletagmanager.com/gtag/js?id=G-1",
                        "tracker Google Tag Manager (tag-manager)"]


@pytest.mark.parametrize(("score", "word"), [(0.99, "very likely"), (0.9, "very likely"), (0.89, "likely"),
                                             (0.7, "likely"), (0.69, "possible")])
def test_likelihood_words(score, word):
    assert likelihood(score) == word


# -- header, filters, skipped, empty state ------------------------------------------------------------

def test_header_counts_and_server_side_charts(report):
    doc = render(report)
    tiles = [t.text_content().split() for t in doc.xpath("//div[contains(@class, 'tile-')][@class!='tile tile-plain']")]
    assert tiles == [["5", "Errors"], ["2", "Warnings"], ["1", "Note"]]
    charts = doc.xpath("//figure[@class='chart']")
    assert [c.findtext("figcaption") for c in charts] == ["Findings by channel", "Findings by language"]
    language_bars = charts[1].xpath(".//*[local-name()='text'][@class='bar-label']")
    assert [t.text for t in language_bars] == ["English", "Arabic", "Chinese", "Korean"]


def test_bar_chart_lengths_are_proportional():
    chart = bar_chart("x", {"Website": 9, "Email": 3, "Feed": 0})
    widths = {b["label"]: b["width"] for b in chart["bars"]}
    assert widths["Website"] == pytest.approx(3 * widths["Email"], abs=0.02) and widths["Feed"] == 0
    assert [b["label"] for b in chart["bars"]] == ["Website", "Email", "Feed"]


def test_filters_offer_what_the_findings_contain(report):
    doc = render(report)
    form = doc.get_element_by_id("filters")
    assert [i.get("value") for i in form.xpath(".//input[@name='severity']")] == ["error", "warning", "note"]

    def options(name):
        return {o.get("value") for o in form.xpath(f".//select[@name='{name}']/option")} - {""}

    assert options("channel") == {f["statements"][1]["source_type"] for f in report["findings"]}
    assert options("lang") == {"en", "ar", "zh", "ko"}
    assert options("rule") == {f["code"] for f in report["findings"]}
    assert form.xpath(".//input[@type='search'][@name='q']")
    assert doc.get_element_by_id("shown-count").text == "8"
    assert "of 8" in doc.xpath("//p[@class='count']")[0].text_content()
    assert not form.xpath(".//input[@name='new']")  # no baseline: every finding is new, no filter for it


def test_only_new_filter_and_badges_appear_when_a_baseline_was_used(make_report):
    def edit(findings):
        findings[1]["new"] = False
    doc = render(make_report(edit))
    assert doc.get_element_by_id("filters").xpath(".//input[@name='new']")
    assert len(doc.xpath("//span[contains(@class, 'badge-new')]")) == 7


def test_skipped_section_lists_every_item_with_its_reason(report):
    doc = render(report)
    rows = doc.get_element_by_id("skipped").xpath(".//tbody/tr")
    assert [[td.text_content() for td in r.xpath("td")][:2] for r in rows] == [
        [s["item"], s["reason"]] for s in report["skipped"]]


def test_empty_state(empty_report):
    doc = render(empty_report)
    assert "No contradictions found across 900 statements" in doc.text_content()
    assert not doc.xpath("//article") and not doc.xpath("//form") and not doc.xpath("//*[@id='skipped']")


def test_draft_mode_is_stated(report):
    report["mode"] = "draft"
    assert "only findings that involve a draft are listed" in render(report).xpath("//header")[0].text_content()


# -- one file that works offline -------------------------------------------------------------------------

def _csp_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_self_contained_and_locked_down_by_content_security_policy(report):
    doc = render(report)
    assert not doc.xpath("//link | //*[@src] | //iframe | //object")
    (style,) = doc.iter("style")
    assert "url(" not in style.text and "@import" not in style.text
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp
    (script,) = doc.iter("script")
    assert f"script-src {_csp_hash(script.text)};" in csp  # the browser runs our script and nothing else
    assert f"style-src {_csp_hash(style.text)};" in csp


def test_template_marks_nothing_safe():
    template = (TEMPLATES / "report.html.j2").read_text("utf-8")
    assert not re.search(r"\|\s*safe\b|autoescape\s+false", template)
