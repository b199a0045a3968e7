"""Sentence segmentation: the sentences a reader sees, at offsets that point back into the text."""

import time

import pytest

from consistency.statements.segment import MAX_LEN, segment


def sentences(text: str, hint: str | None = None) -> list[str]:
    spans = segment(text, hint)
    previous_end = 0
    for start, end in spans:  # offsets are ordered, disjoint, and point at stripped text
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(("text", "expected"), [
    ("We ship to the U.S. and Canada. Returns are free.",
     ["We ship to the U.S. and Canada.", "Returns are free."]),
    ("Free gifts, e.g. tote bags, i.e. while stocks last. Mr. Kim agrees.",
     ["Free gifts, e.g. tote bags, i.e. while stocks last.", "Mr. Kim agrees."]),
    ("Visit store No. 5 on Main St. in Leeds. Dr. Lee is there.",
     ["Visit store No. 5 on Main St. in Leeds.", "Dr. Lee is there."]),
    ("Tees cost $4.99. Hoodies cost $39.50!", ["Tees cost $4.99.", "Hoodies cost $39.50!"]),
    ("We open at 9 a.m. Monday to Saturday. Call us.", ["We open at 9 a.m. Monday to Saturday.", "Call us."]),
    ("Open 9 a.m. to 5 p.m. We close on Sundays.", ["Open 9 a.m. to 5 p.m.", "We close on Sundays."]),
    ("See https://brand.example/returns?item=4.2 or mail help@brand.example. We reply fast.",
     ["See https://brand.example/returns?item=4.2 or mail help@brand.example.", "We reply fast."]),
    ("Is it free? Yes! Always.", ["Is it free?", "Yes!", "Always."]),
    ('He said "Returns are free." Then he left.', ['He said "Returns are free."', "Then he left."]),
    ("Wait... there's more. Approx. five days.", ["Wait... there's more.", "Approx. five days."]),
    ("Written by J. Smith for our blog.", ["Written by J. Smith for our blog."]),
])
def test_english_abbreviations_numbers_and_links_do_not_split(text, expected):
    assert sentences(text, "en") == expected


def test_arabic_punctuation_and_digits():
    text = "نرد على كل رسالة خلال ٢٤ ساعة. هل لديك سؤال؟ تواصل معنا! الشحن مجاني؛ السعر ٤٫٥ ريال."
    assert sentences(text, "ar") == [
        "نرد على كل رسالة خلال ٢٤ ساعة.", "هل لديك سؤال؟", "تواصل معنا!", "الشحن مجاني؛", "السعر ٤٫٥ ريال.",
    ]


def test_chinese_without_spaces_keeps_closing_quotes():
    text = "我们承诺30天内免费退货。有问题吗？请联系我们；我们全天候在线！「免费送货。」（仅限会员。）好的"
    assert sentences(text, "zh") == [
        "我们承诺30天内免费退货。", "有问题吗？", "请联系我们；", "我们全天候在线！", "「免费送货。」", "（仅限会员。）", "好的",
    ]


def test_chinese_quotation_inside_a_sentence_stays_whole():
    text = "创始人说：“质量第一！”我们一直这样做。"
    assert sentences(text, "zh") == ["创始人说：“质量第一！”我们一直这样做。"]


def test_korean_sentences_including_glued_da_endings():
    text = "모든 주문은 24시간 이내에 발송됩니다. 궁금하신가요? 연락주세요!무료 반품입니다.감사합니다"
    assert sentences(text, "ko") == [
        "모든 주문은 24시간 이내에 발송됩니다.", "궁금하신가요?", "연락주세요!", "무료 반품입니다.", "감사합니다",
    ]


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Livraison gratuite. Retours sous 30 jours !", "fr", ["Livraison gratuite.", "Retours sous 30 jours !"]),
    ("Versand z.B. nach Wien. Rückgabe kostenlos.", "de", ["Versand z.B. nach Wien.", "Rückgabe kostenlos."]),
    ("Бесплатная доставка. Возврат в течение 30 дней!", "ru", ["Бесплатная доставка.", "Возврат в течение 30 дней!"]),
    ("送料無料です。返品は30日以内！", "ja", ["送料無料です。", "返品は30日以内！"]),
    ("ส่งฟรีทุกคำสั่งซื้อ\nคืนสินค้าได้ภายใน 30 วัน", "th", ["ส่งฟรีทุกคำสั่งซื้อ", "คืนสินค้าได้ภายใน 30 วัน"]),
    ("हम 30 दिनों में वापसी स्वीकार करते हैं। शिपिंग मुफ़्त है।", "hi",
     ["हम 30 दिनों में वापसी स्वीकार करते हैं।", "शिपिंग मुफ़्त है।"]),
    ("Առաքումն անվճար է։ Վերադարձը՝ 30 օր։", "hy", ["Առաքումն անվճար է։", "Վերադարձը՝ 30 օր։"]),
    ("ነፃ መላኪያ ነው። ተመላሽ በ30 ቀናት ውስጥ።", "am", ["ነፃ መላኪያ ነው።", "ተመላሽ በ30 ቀናት ውስጥ።"]),
])
def test_other_languages_split_on_sentence_punctuation_and_newlines(text, hint, expected):
    assert sentences(text, hint) == expected


def test_newlines_always_end_a_statement_and_blank_lines_vanish():
    text = "Home\r\nShop\n\n  Free returns within 30 days  \nWe never sell your data"
    assert sentences(text) == ["Home", "Shop", "Free returns within 30 days", "We never sell your data"]


def test_bullets_and_list_numbers_are_not_sentences_of_their_own():
    text = "• Free returns.\n- Fast shipping.\n1. Order online. 2. Collect in store."
    assert sentences(text) == ["Free returns.", "Fast shipping.", "1. Order online.", "2. Collect in store."]


def test_offsets_survive_leading_whitespace_and_wide_spaces():
    text = "\u3000\u00a0 Free returns.\u200b  We reply within 24 hours. "
    spans = segment(text)
    assert [text[a:b] for a, b in spans] == ["Free returns.", "We reply within 24 hours."]
    assert spans[0][0] == text.index("Free")


def test_long_runs_split_at_semicolons_then_commas_and_lose_nothing():
    clause = "this clause describes how we handle returns and exchanges for every order"
    text = "; ".join([", ".join([clause] * 3)] * 4) + "."
    assert len(text) > 2 * MAX_LEN
    spans = segment(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_LEN for a, b in spans)
    assert all(text[b - 1] in ";,." for _, b in spans)  # every cut falls after a separator
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


def test_a_long_run_without_separators_stays_whole():
    text = "word " * 150
    assert sentences(text) == [text.strip()]


def test_empty_and_whitespace_only_text():
    assert segment("") == []
    assert segment(" \n\t\u3000") == []


def test_fast_enough_for_a_large_corpus():
    text = "We never sell your data. 我们承诺30天内免费退货。Open 9 a.m. to 5 p.m. daily!\n" * 10000
    start = time.perf_counter()
    spans = segment(text)
    elapsed = time.perf_counter() - start
    assert len(spans) == 30000
    assert elapsed < 2.0, f"30,000 sentences took {elapsed:.2f}s"
