"""Numerals in English, Arabic, Chinese and Korean text, normalised to floats.

A brand says "14 days", "١٤ يومًا", "十四天", "2주" and "two weeks" for the same window, so the
slot rules need one reading of every numeral. Two pieces live here:

* ``normalise_digits`` maps Arabic-Indic, Eastern Arabic-Indic and full-width digits (and the
  Arabic and full-width separators, percent signs and dashes) to ASCII **one character for one
  character**, so offsets found in the normalised text are offsets into the original text.
* ``NUMBER`` is a regular-expression source (no capturing groups) that matches a numeral in any
  of the four languages, and ``parse_number`` reads what it matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_DIGIT_MAP = {**{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠-٩
              **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic ۰-۹
              **{chr(0xFF10 + i): str(i) for i in range(10)}}  # full-width ０-９
_PUNCT_MAP = {"\u066b": ".", "\u066c": ",", "\uff0e": ".", "\u066a": "%", "\uff05": "%", "\uff04": "$",
              "\uff0b": "+", "\uff5e": "~", "\u301c": "~", "\uff1a": ":", "\uff0d": "-", "\u2013": "-",
              "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
              "\u200f": " ", "\u200e": " "}
_TRANS = str.maketrans({**_DIGIT_MAP, **_PUNCT_MAP})


def normalise_digits(text: str) -> str:
    """ASCII digits, separators, ``%``, ``$``, ``-`` and ``~``; same length as ``text``."""
    return text.translate(_TRANS)


# --- Arabic spelling tolerance ------------------------------------------------------------
_AR_MARKS = "[\u064b-\u0652\u0640]*"  # tashkeel and tatweel, optional after any letter
_AR_CLASSES = {"ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]", "ة": "[ةه]", "ه": "[هة]",
               "ى": "[ىي]", "ي": "[يى]"}
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_AR_STRIP = re.compile(_AR_MARKS[:-1] + "+")


def ar_pattern(word: str) -> str:
    """A regex for an Arabic word that tolerates tashkeel, tatweel and alef/ta-marbuta/yaa spellings."""
    return "".join(_AR_CLASSES.get(ch, re.escape(ch)) + (_AR_MARKS if "\u0600" <= ch <= "\u06ff" else "")
                   for ch in word)


def ar_trie(words: Iterable[str]) -> str:
    """The alternation of ``ar_pattern(w)`` for ``words``, longest first, written as a trie: words that
    start alike share the pattern of their start (ثلاث once for ثلاث, ثلاثة, ثلاثون and ثلاثمائة).

    It matches what the alternation matches, trying the words in the same order: letters that fold
    alike are one branch and branches of unlike letters match no character in common, so at most one
    branch can go on at a time, and a word that ends where a longer one goes on is tried after it (the
    branch is greedy). NUMBER holds every Arabic number word twice; as a trie the patterns that embed it
    compile in about half the time and try a few letters, not every word, at each position."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ar_fold(ch), (ar_pattern(ch), {}))[1]
        node[""] = True  # a word ends here
    return _trie_source(root)


def _trie_source(node: dict[str, Any]) -> str:
    branches = [branch[0] + _trie_source(branch[1]) for key, branch in node.items() if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if node.get("") else body


def ar_alternation(words: Iterable[str]) -> str:
    """One regex alternative per Arabic word, in the order given (a longer phrase first where one
    starts another)."""
    return "|".join(ar_pattern(w) for w in words)


def ar_fold(text: str) -> str:
    """The lookup form of Arabic text: no tashkeel or tatweel, one alef, ta marbuta as ha."""
    return _AR_STRIP.sub("", text).translate(_AR_FOLD)


# --- word tables ----------------------------------------------------------------------------
_EN_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_EN_MULT = {"hundred": 100, "dozen": 12}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_EN_ALL = {**_EN_ONES, **_EN_TENS, "a": 1, "an": 1, "single": 1}

_AR_FORMS = {
    1: "واحد واحدة أحد إحدى", 2: "اثنان اثنين اثنتان اثنتين اثنا اثنتا", 3: "ثلاث ثلاثة", 4: "أربع أربعة",
    5: "خمس خمسة", 6: "ست ستة", 7: "سبع سبعة", 8: "ثمان ثماني ثمانية", 9: "تسع تسعة", 10: "عشر عشرة",
    20: "عشرون عشرين", 30: "ثلاثون ثلاثين", 40: "أربعون أربعين", 50: "خمسون خمسين", 60: "ستون ستين",
    70: "سبعون سبعين", 80: "ثمانون ثمانين", 90: "تسعون تسعين", 200: "مائتان مائتين مئتان مئتين",
    300: "ثلاثمائة ثلاثمئة", 400: "أربعمائة أربعمئة", 500: "خمسمائة خمسمئة", 600: "ستمائة ستمئة",
    700: "سبعمائة سبعمئة", 800: "ثمانمائة ثمانمئة", 900: "تسعمائة تسعمئة", 2000: "ألفان ألفين", 0.5: "نصف",
}
_AR_ADD = {ar_fold(f): float(v) for v, forms in _AR_FORMS.items() for f in forms.split()}
_AR_MULT = {ar_fold(w): 100.0 for w in ("مائة", "مئة")}
_AR_SCALE = {ar_fold("ألف"): 1e3, ar_fold("آلاف"): 1e3, ar_fold("مليون"): 1e6, ar_fold("ملايين"): 1e6}
_AR_WORDS = [f for forms in _AR_FORMS.values() for f in forms.split()] + ["مائة", "مئة", "ألف", "آلاف", "مليون",
                                                                          "ملايين"]

_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_KO_DIGITS = {c: i for i, c in enumerate("영일이삼사오육칠팔구")}
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 1e4, "억": 1e8}
_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
            "여든": 80, "아흔": 90}
_KO_ONES = {"하나": 1, "한": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4, "다섯": 5, "여섯": 6,
            "일곱": 7, "여덟": 8, "아홉": 9}
_HALF = {"half": 0.5, "半": 0.5, "반": 0.5}


def _alt(words: object) -> str:
    """A regex alternation of literal words, longest first so that 'fourteen' wins over 'four'."""
    return "|".join(sorted({re.escape(str(w)) for w in words}, key=len, reverse=True))


# --- the NUMBER pattern (no capturing groups, so callers can embed it) -------------------------
_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:(?:,| )\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
_DIGITS_SCALE = rf"{_DIGITS}\s?(?:thousand|million|billion)\b"
_MIXED = r"(?<![\d.,])\d+(?:\.\d+)?(?:[十百千]?[万萬亿億]|[百千]|천만|백만|십만|[천백만억])"
EN_NUMBER_WORD = _alt([*_EN_ONES, *_EN_TENS, *_EN_MULT, *_EN_SCALE])
"""Regex source for one English number word ("seven", "forty", "dozen"), without "a" or "an"."""
_EN = (rf"\b(?:half(?:\s+an?)?|(?:an?|one|three)\s+quarters?\s+of\s+an?(?=\s+(?:hour|day|year)\b)|(?:(?:an?|single)(?=\s+(?:hundred|thousand|million|dozen)\b)|{EN_NUMBER_WORD})"
       rf"(?:(?:\s+|-)(?:and\s+)?(?:{EN_NUMBER_WORD}))*|an?|single)\b")
_AR_WORD = ar_trie(_AR_WORDS)
_AR = rf"(?<!\w)(?:{_AR_WORD})(?:\s+و?(?:{_AR_WORD}))*(?!\w)"
_ZH = r"[零〇一二两兩三四五六七八九十百千万萬亿億]+|半"
# Korean writes a space after 만 and 억: "만 이천 원" is 12,000
_KO_SINO = r"(?<![가-힣])[일이삼사오육칠팔구]?(?:[십백천만억](?:(?<=[만억])\s(?=[일이삼사오육칠팔구십백천]))?[일이삼사오육칠팔구]?)+"
_KO_NATIVE = rf"(?<![가-힣])(?:(?:{_alt(_KO_TENS)})(?:{_alt(_KO_ONES)})?|{_alt(_KO_ONES)}|반)"

NUMBER = "|".join(f"(?:{p})" for p in (_MIXED, _DIGITS_SCALE, _DIGITS, _EN, _AR, _ZH, _KO_SINO, _KO_NATIVE))
"""Regex source for one numeral in any supported language; compile with re.IGNORECASE."""

_DIGITS_FULL = re.compile(_DIGITS)
_MIXED_SPLIT = re.compile(r"(\d+(?:\.\d+)?)(\D+)")
_SCALED = re.compile(rf"({_DIGITS})\s?(thousand|million|billion)", re.IGNORECASE)
_KO_NATIVE_FULL = re.compile(rf"({_alt(_KO_TENS)})?\s?({_alt(_KO_ONES)})?")


def _cjk_value(text: str, digits: dict[str, int], small: dict[str, int], big: dict[str, float],
               lead: float | None = None) -> float | None:
    """Read a Chinese or Sino-Korean numeral ('二十四', '五万', '삼십', or '5' + '万')."""
    if any(ch not in digits and ch not in small and ch not in big for ch in text):
        return None
    if lead is None and len(text) > 1 and all(ch in digits for ch in text):
        return float("".join(str(digits[ch]) for ch in text))  # digit by digit: 二〇三〇 = 2030
    total = section = 0.0
    num = lead
    for ch in text:
        if ch in digits:
            num = float(digits[ch])
        elif ch in small:
            section += (1.0 if num is None else num) * small[ch]
            num = None
        else:
            section += num or 0.0
            total += (section or 1.0) * big[ch]
            section, num = 0.0, None
    return total + section + (num or 0.0)


def _english_value(text: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] == "half":
        return 0.5 if all(t in ("half", "a", "an") for t in tokens) else None
    if tokens[1:2] in (["quarter"], ["quarters"]):  # "a quarter of an hour", "three quarters of a year"
        return 0.75 if tokens[0] == "three" else 0.25
    total = current = 0.0
    last = ""
    for tok in tokens:
        if tok in _EN_ALL:
            value = _EN_ALL[tok]
            if last == "ones" or (last == "tens" and value >= 10):
                return None  # "two three" is two numbers, not one
            current += value
            last = "ones" if value < 20 else "tens"
        elif tok in _EN_MULT:
            current = (current or 1.0) * _EN_MULT[tok]
            last = "mult"
        elif tok in _EN_SCALE:
            total += (current or 1.0) * _EN_SCALE[tok]
            current, last = 0.0, "scale"
        else:
            return None
    return total + current


def _arabic_value(text: str) -> float | None:
    total = current = 0.0
    for i, tok in enumerate(ar_fold(text).split()):
        if i and tok.startswith("و") and tok[1:] in {**_AR_ADD, **_AR_MULT, **_AR_SCALE}:
            tok = tok[1:]
        if tok in _AR_ADD:
            current += _AR_ADD[tok]
        elif tok in _AR_MULT:
            current = (current or 1.0) * _AR_MULT[tok]
        elif tok in _AR_SCALE:
            total += (current or 1.0) * _AR_SCALE[tok]
            current = 0.0
        else:
            return None
    return total + current


def _korean_native_value(text: str) -> float | None:
    m = _KO_NATIVE_FULL.fullmatch(text)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return float(_KO_TENS.get(m.group(1) or "", 0) + _KO_ONES.get(m.group(2) or "", 0))


@lru_cache(maxsize=8192)
def parse_number(s: str) -> float | None:
    """The value of one numeral in any supported language, or None when ``s`` is not one.

    >>> parse_number("٥٠٬٠٠٠"), parse_number("二十四"), parse_number("5만"), parse_number("fourteen")
    (50000.0, 24.0, 50000.0, 14.0)
    """
    text = normalise_digits(s).strip()
    if not text:
        return None
    if _DIGITS_FULL.fullmatch(text):
        return float(text.replace(",", "").replace(" ", ""))
    if text.lower() in _HALF:
        return _HALF[text.lower()]
    scaled = _SCALED.fullmatch(text)
    if scaled:  # "2 million"
        return float(scaled.group(1).replace(",", "").replace(" ", "")) * _EN_SCALE[scaled.group(2).lower()]
    mixed = _MIXED_SPLIT.fullmatch(text)
    if mixed:
        lead, rest = float(mixed.group(1)), mixed.group(2).strip()
        return (_cjk_value(rest, {}, _ZH_SMALL, _ZH_BIG, lead)
                or _cjk_value(rest, {}, _KO_SMALL, _KO_BIG, lead))
    if "\u4e00" <= text[0] <= "\u9fff" or text[0] == "〇":
        return _cjk_value(text, _ZH_DIGITS, _ZH_SMALL, _ZH_BIG)
    if "\uac00" <= text[0] <= "\ud7a3":
        return _korean_native_value(text) or _cjk_value(text.replace(" ", ""), _KO_DIGITS, _KO_SMALL, _KO_BIG)
    if "\u0600" <= text[0] <= "\u06ff":
        return _arabic_value(text)
    return _english_value(text)
