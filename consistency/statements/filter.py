"""Which segments are statements: drop menu fragments, UI chrome and repeated footers.

Extraction leaves navigation behind ("Home", "Cart (0)", "로그인", "首页"), breadcrumbs,
copyright lines, dates and bare links. They are not claims, and every one that survives
costs an embedding and a few pair judgements. Short claims that matter ("Free returns.",
"무료 반품.", "免费退货。", "إرجاع مجاني.") must survive, so the test is: a segment that ends
like a sentence needs two words (three CJK characters); one that does not needs the length
of a sentence (``MIN_WORDS`` words, ``CJK_MIN_CHARS`` characters for Chinese and Japanese).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

MIN_CHARS = 8  # letters; matches [statements] min_chars in the packaged defaults
CJK_MIN_CHARS = 8  # Han/Kana characters for an unpunctuated Chinese or Japanese statement
CJK_MIN_CHARS_PUNCTUATED = 3
MIN_WORDS: dict[str, int] = {"ar": 3, "ko": 3}  # words (with letters) for an unpunctuated statement
DEFAULT_MIN_WORDS = 4
MIN_LETTER_SHARE = 0.5  # of the non-space characters

_CJK_LANGS = frozenset({"zh", "ja"})
_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\S*[^\W\d_]\S*")
# Ends like a sentence: terminal punctuation, maybe inside closing quotes. Korean headings and
# slogans often drop the full stop after a verb ending ("모든 주문은 무료로 배송됩니다").
_SENTENCE_END = re.compile(r"[.!?…。！？؟۔।॥։።။][\"'”’»)\]」』）]*$")
_KOREAN_END = re.compile(r"[다요]$")
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*",
                           re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|版权所有|版權所有|保留所有权利|"
    r"جميع الحقوق محفوظة|حقوق النشر|모든 권리 보유|무단 전재|저작권",
    re.IGNORECASE,
)
_COPYRIGHT_MAX = 160  # a longer line that mentions copyright is prose about it, not a notice
_BREADCRUMB_SEP = re.compile(r"\s*[>›»→]\s*|\s+[/|]\s+")  # "24/7" is not a breadcrumb
_BREADCRUMB_ITEM_WORDS = 4
# "Last updated March 1, 2025", "By the Tidewell team, April 22, 2025", "最后更新：2025年3月1日":
# a label and a date, page metadata rather than a claim (a date commitment has a verb).
_DATELINE = re.compile(
    r"^(?:last (?:updated|modified|revised|reviewed)|updated(?: on)?|published(?: on)?|posted(?: on)?|"
    r"effective(?: date| from| as of)?|by [^,.;:]{1,40}|最后更新|更新日期|更新于|发布于|发布日期|生效日期|最後更新|"
    r"마지막 (?:업데이트|수정)|최종 (?:수정|업데이트)일?|업데이트|게시일|작성일|시행일|"
    r"آخر تحديث|تاريخ (?:النشر|التحديث|السريان)|نُشر في|تم التحديث في)\s*(?:on\s+)?[:：,،-]?\s*(?P<date>.{4,40})$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d٠-٩])(?:19|20)\d\d(?![\d٠-٩])|(?<![٠-٩])[١٢][٠٩][٠-٩][٠-٩](?![٠-٩])")
_DATELINE_DATE_WORDS = 4


def is_statement(text: str, lang: str, min_chars: int = MIN_CHARS) -> bool:
    """Whether a segment is a claim worth keeping rather than a fragment of page furniture.

    ``lang`` selects how length is counted: characters for Chinese and Japanese, words
    elsewhere (Arabic and Korean words carry more, so they need fewer). ``min_chars`` is
    the letter count below which an unpunctuated line is always a fragment.
    """
    text = text.strip()
    if not text:
        return False
    letters = len(_LETTER.findall(text))
    visible = len(text) - sum(len(w) for w in _WS.findall(text))
    if letters == 0 or letters < MIN_LETTER_SHARE * visible:
        return False  # numbers, dates, prices, symbols
    if _URL_OR_EMAIL.fullmatch(text.rstrip(".")):
        return False
    if len(text) <= _COPYRIGHT_MAX and _COPYRIGHT.search(text):
        return False
    if _is_dateline(text):
        return False
    ends_like_sentence = bool(_SENTENCE_END.search(text) or (lang == "ko" and _KOREAN_END.search(text)))
    if not ends_like_sentence and _is_breadcrumb(text):
        return False
    if lang in _CJK_LANGS:
        cjk = len(_CJK.findall(text))
        if cjk:
            return cjk >= (CJK_MIN_CHARS_PUNCTUATED if ends_like_sentence else CJK_MIN_CHARS)
    words = len(_WORD.findall(text))
    if ends_like_sentence:
        return words >= 2
    return letters >= min_chars and words >= MIN_WORDS.get(lang, DEFAULT_MIN_WORDS)


def _is_dateline(text: str) -> bool:
    m = _DATELINE.match(text.rstrip(". "))
    return bool(m and _YEAR.search(m["date"]) and len(m["date"].split()) <= _DATELINE_DATE_WORDS)


def _is_breadcrumb(text: str) -> bool:
    """"Home > Shop > Shoes", "Returns | Shipping | FAQ": short items between separators."""
    parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
    return len(parts) >= 2 and all(len(p.split()) <= _BREADCRUMB_ITEM_WORDS for p in parts)


def normalise(text: str) -> str:
    """The comparison form of a sentence: case-folded, whitespace collapsed."""
    return _WS.sub(" ", text).strip().casefold()


def boilerplate_sentences(docs_sentences: Mapping[str, set[str]], min_docs: int = 4,
                          share: float = 0.5) -> set[str]:
    """Normalised sentences found on at least ``share`` of one site's documents (and ``min_docs``).

    ``docs_sentences`` maps each document of one site to its sentence texts. Footer slogans
    and cookie notices repeat on every page; the pipeline keeps such a sentence once (on its
    first document) and drops the repeats, so one slogan is not judged a hundred times.
    """
    if not docs_sentences:
        return set()
    counts: Counter[str] = Counter()
    for sentences in docs_sentences.values():
        counts.update({normalise(s) for s in sentences})
    needed = max(min_docs, share * len(docs_sentences))
    return {text for text, n in counts.items() if text and n >= needed}
