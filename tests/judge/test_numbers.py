"""Numeral normalisation: every way the four languages write a number reads as one float."""

import re

import pytest

from consistency.judge.numbers import NUMBER, ar_fold, ar_pattern, normalise_digits, parse_number


@pytest.mark.parametrize("text, value", [
    # digits, separators, decimals
    ("14", 14), ("50,000", 50000), ("1 000", 1000), ("3.5", 3.5), ("1,234,567.25", 1234567.25),
    ("٥٠٬٠٠٠", 50000), ("١٤", 14), ("۱۴", 14), ("１２", 12), ("٣٫٥", 3.5),
    # English words
    ("two", 2), ("fourteen", 14), ("thirty", 30), ("a", 1), ("an", 1), ("one hundred", 100), ("half", 0.5),
    ("half an", 0.5), ("twenty-four", 24), ("one hundred and twenty", 120), ("two thousand five hundred", 2500),
    ("a hundred", 100), ("Seven", 7),
    # Arabic words
    ("واحد", 1), ("اثنين", 2), ("اثنان", 2), ("ثلاثة", 3), ("عشرة", 10), ("عشرين", 20), ("عشرون", 20),
    ("ثلاثين", 30), ("خمسة وعشرون", 25), ("ثلاثة عشر", 13), ("ثلاثة آلاف", 3000), ("مائة وعشرون", 120),
    ("ثلاثمائة", 300), ("نصف", 0.5), ("أربعة", 4), ("اربعة", 4),
    # Chinese
    ("一", 1), ("两", 2), ("十四", 14), ("二十四", 24), ("三十", 30), ("五万", 50000), ("一百二十", 120),
    ("二〇三〇", 2030), ("半", 0.5), ("5万", 50000), ("1.5万", 15000), ("3千", 3000),
    # Korean: Sino-Korean, native, mixed
    ("삼십", 30), ("십사", 14), ("이십사", 24), ("하나", 1), ("한", 1), ("두", 2), ("세", 3), ("열네", 14),
    ("스물네", 24), ("서른", 30), ("5만", 50000), ("3천", 3000), ("3천만", 30000000), ("반", 0.5),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "foo", "two three", "days", "返品", "ليس"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_normalise_digits_keeps_offsets():
    text = "خلال ١٤ يومًا أو ٥٠٬٠٠٠ ٪ — ９：００～１８：００"
    norm = normalise_digits(text)
    assert len(norm) == len(text)
    assert "14" in norm and "50,000" in norm and "9:00~18:00" in norm and "%" in norm and "-" in norm


@pytest.mark.parametrize("sentence, numerals", [
    ("Free returns within 30 days and two weeks", ["30", "two"]),
    ("a month or one hundred and twenty days", ["a", "one hundred and twenty"]),
    ("خلال ثلاثين يومًا أو خمسة وعشرون", ["ثلاثين", "خمسة وعشرون"]),
    ("十四天内退货，两周", ["十四", "两"]),
    ("5만원 이상, 3천 원", ["5만", "3천"]),
    ("We planted 10 000 trees in 2023", ["10 000", "2023"]),
])
def test_number_pattern_finds_whole_numerals(sentence, numerals):
    found = [m.group(0) for m in re.finditer(NUMBER, normalise_digits(sentence), re.IGNORECASE)]
    assert found == numerals


def test_number_pattern_does_not_split_words():
    # "one" inside "someone", "ست" inside "استلام": no numerals
    assert not re.search(NUMBER, "someone alone", re.IGNORECASE)
    assert not re.search(NUMBER, "الاستلام", re.IGNORECASE)


def test_arabic_spelling_tolerance():
    assert re.fullmatch(ar_pattern("يوما"), "يومًا")
    assert re.fullmatch(ar_pattern("أسبوع"), "اسبوع")
    assert ar_fold("إرجاعٌ") == ar_fold("ارجاع")


def test_arabic_number_trie_matches_what_the_alternation_of_its_words_matches():
    """The trie finds the same spans as the longest-first alternation of the same words, in numerals
    written with tashkeel, tatweel, the other alef and ta marbuta spellings, and clitics."""
    import random

    from consistency.judge.numbers import _AR_WORDS, ar_trie

    flat, trie = "|".join(sorted({ar_pattern(w) for w in _AR_WORDS}, key=len, reverse=True)), ar_trie(_AR_WORDS)
    tail = r"(?:\s+و?(?:{0}))*(?!\w)"
    numeral = r"(?<!\w)(?:{0})" + tail
    pairs = [(re.compile(flat), re.compile(trie)),  # alone: the order the words are tried in shows
             (re.compile(numeral.format(flat)), re.compile(numeral.format(trie)))]
    rng = random.Random(0)
    marks, spellings = "\u064b\u064e\u064f\u0650\u0651\u0652\u0640", str.maketrans("اهي", "أةى")
    for _ in range(3000):
        words = [rng.choice(_AR_WORDS) for _ in range(rng.randint(1, 3))]
        words = ["".join(c + (rng.choice(marks) if rng.random() < 0.2 else "") for c in w) for w in words]
        text = (rng.choice(["", "و", "ب", "x "]) + rng.choice([" ", " و"]).join(words)
                + rng.choice(["", " يوم", "ة", "ين"]))
        if rng.random() < 0.3:
            text = text.translate(spellings)
        for old, new in pairs:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
