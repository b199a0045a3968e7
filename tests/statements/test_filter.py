"""Which segments are statements, and which sentences are a site's repeated boilerplate."""

import pytest

from consistency.statements.filter import boilerplate_sentences, is_statement, normalise


@pytest.mark.parametrize(("text", "lang"), [
    ("Free returns.", "en"),
    ("무료 반품.", "ko"),
    ("免费退货。", "zh"),
    ("إرجاع مجاني.", "ar"),
    ("We never sell your data", "en"),  # a heading: no full stop, but the length of a sentence
    ("Free shipping on all orders over $50", "en"),
    ("모든 주문은 무료로 배송됩니다", "ko"),  # a Korean verb ending is a sentence ending
    ("我们承诺30天内免费退货", "zh"),
    ("شحن مجاني لجميع الطلبات", "ar"),
    ("Is delivery free?", "en"),
    ("Our prices include VAT (20%).", "en"),
    ("Visit https://brand.example/returns to start a return.", "en"),
    ("वापसी मुफ़्त है।", "hi"),  # the danda ends a Hindi sentence
])
def test_short_claims_are_kept(text, lang):
    assert is_statement(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Home", "en"), ("Shop", "en"), ("Contact us", "en"), ("Log in", "en"), ("Cart (0)", "en"), ("Menu", "en"),
    ("Shop the collection", "en"),
    ("العربية", "ar"), ("اتصل بنا", "ar"),
    ("首页", "zh"), ("免费退货", "zh"),  # four characters without punctuation: a menu entry
    ("로그인", "ko"), ("고객센터", "ko"),
    ("Home > Shop > Shoes", "en"), ("Home / Women / Dresses", "en"), ("Returns | Shipping | FAQ", "en"),
    ("首页 > 女装", "zh"),
    ("© 2026 Brand", "en"), ("Copyright 2026 Brand Ltd. All rights reserved.", "en"), ("All rights reserved.", "en"),
    ("© 2026 جميع الحقوق محفوظة", "ar"), ("版权所有 © 2026", "zh"), ("© 2026 브랜드. 모든 권리 보유.", "ko"),
    ("2026-01-05", "und"), ("12,345", "und"), ("١٢٣٤٥", "und"), ("$4.99 / month", "en"), ("March 5, 2026", "en"),
    ("https://brand.example/returns", "en"), ("www.brand.example", "en"), ("help@brand.example", "en"),
    ("Welcome!", "en"), ("", "en"), ("   ", "en"),
])
def test_menu_fragments_and_chrome_are_dropped(text, lang):
    assert not is_statement(text, lang)


def test_min_chars_is_configurable():
    assert not is_statement("Go to shop now", "en", min_chars=12)  # 11 letters
    assert is_statement("Go to shop now", "en", min_chars=8)


def test_normalise_folds_case_and_whitespace():
    assert normalise("  Free   RETURNS,\n always. ") == "free returns, always."
    assert normalise("Straße") == normalise("STRASSE")


def test_boilerplate_is_what_most_pages_of_a_site_repeat():
    pages = {f"doc{i}": {"Free returns, always.", f"Page {i} is about product {i}."} for i in range(10)}
    for i in range(6):
        pages[f"doc{i}"].add("Join our   newsletter.")  # 6 of 10 pages
    for i in range(3):
        pages[f"doc{i}"].add("Spring sale ends Sunday.")  # 3 of 10 pages
    assert boilerplate_sentences(pages) == {"free returns, always.", "join our newsletter."}
    assert boilerplate_sentences(pages, share=0.7) == {"free returns, always."}


def test_boilerplate_needs_min_docs_on_small_sites():
    pages = {f"doc{i}": {"Free returns, always."} for i in range(3)}
    assert boilerplate_sentences(pages) == set()  # on every page, but only 3 pages < min_docs 4
    assert boilerplate_sentences(pages, min_docs=3) == {"free returns, always."}


def test_boilerplate_counts_a_sentence_once_per_document_and_matches_variants():
    pages = {"a": {"FREE returns.", "Free  returns."}, "b": {"free returns."}, "c": {"Other."}, "d": {"Free returns."}}
    assert boilerplate_sentences(pages, min_docs=3, share=0.5) == {"free returns."}
    assert boilerplate_sentences(pages, min_docs=4, share=0.5) == set()


def test_boilerplate_of_nothing_is_nothing():
    assert boilerplate_sentences({}) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Last updated March 1, 2025.", "en"),
    ("By the Tidewell team, April 22, 2025", "en"),
    ("Published on 2 May 2025", "en"),
    ("最后更新：2025年3月1日", "zh"),
    ("마지막 업데이트: 2025년 3월 1일", "ko"),
    ("آخر تحديث: ١ مارس ٢٠٢٥", "ar"),
])
def test_datelines_are_page_metadata_not_statements(text, lang):
    assert not is_statement(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("By 2030, all our cotton will be organic.", "en"),
    ("Updated policy: returns are now free within 30 days of delivery, since March 2025.", "en"),
])
def test_dated_claims_are_still_statements(text, lang):
    assert is_statement(text, lang)
