"""Content words of a statement, and how many two statements share.

Both deterministic rules need a cheap "are these two statements about the same thing?" check
that works without a model: the polarity rule (same predicate, one side negated) and the slot
rules when one side names no topic. English and Arabic use light stems of the words; Chinese
and Korean, which have no spaces between (or inside) words, use character bigrams.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from consistency.judge.numbers import ar_fold

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[\u0621-\u064a\u064b-\u0652]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
HANGUL_WORD = re.compile(r"[가-힣]+")
_AR_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_AR_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "نا", "كم", "ه", "ة")

# Words that carry no predicate, dropped before measuring overlap.
STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that these "
    "those we us our you your they them their he she his her i me my do does did doing have has had will would can "
    "could may might must shall should not no never n't don't won't doesn't isn't aren't didn't cannot any all "
    "every each some only also just very more most so than then there here what which who whom when where how "
    "ever again still yet even".split()) | frozenset(
    "في من على إلى الى عن مع أن إن ان هذا هذه ذلك تلك التي الذي الذين نحن أنت انت هو هي هم كما أو او ثم قد لقد "
    "كان كانت يكون عند بعد قبل حتى أي أية كل جميع يمكنك يمكن لك لكم لدينا عبر بين".split())
ZH_FUNCTION = frozenset("我们我們您你的了是在和与與及或将將会會要能把被给給对對也都就这這那个個")
# Korean endings and particles that make two unrelated sentences look alike (습니다, 하는, 에서).
KO_FUNCTION_BIGRAMS = frozenset("습니 니다 합니 입니 세요 해요 어요 아요 하는 하지 하고 에서 으로 에게 드립 립니 있습 "
                                "됩니 있는 없는 하면 되면 으면 면서".split())


@dataclass(frozen=True, slots=True)
class Content:
    mode: str  # words | zh | ko
    items: frozenset[str]  # word stems, or character bigrams
    words: tuple[tuple[int, int, str], ...] = ()  # (start, end, stem) of content words, words mode only


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English or Arabic stem: sells/selling -> sell, shares/shared -> shar, المنتجات -> منتج."""
    w = word.lower().removesuffix("'s")
    if _ARABIC_LETTER.match(w):
        w = ar_fold(w)
        w = next((w[len(p):] for p in _AR_PREFIXES if w.startswith(p) and len(w) - len(p) >= 3), w)
        return next((w[:-len(s)] for s in _AR_SUFFIXES if w.endswith(s) and len(w) - len(s) >= 3), w)
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def mode(text: str, lang: str) -> str:
    """How to cut ``text`` into content units: by the language code, else by its script."""
    base = lang.split("-")[0].lower()
    if base in ("zh", "ko"):
        return base
    if base in ("en", "ar"):
        return "words"
    return "zh" if HAN.search(text) else "ko" if HANGUL_WORD.search(text) else "words"


def content(text: str, lang: str, skip: Iterable[tuple[int, int]] = ()) -> Content:
    """Content units of ``text``, leaving out the character spans in ``skip`` (values, negations)."""
    blocked = {i for start, end in skip for i in range(start, end)}
    how = mode(text, lang)
    if how == "words":
        words = tuple((m.start(), m.end(), stem(m.group(0))) for m in _WORD.finditer(text)
                      if m.group(0).lower() not in STOPWORDS and m.start() not in blocked)
        return Content(how, frozenset(w for _, _, w in words if w not in STOPWORDS), words)
    grams: set[str] = set()
    for run in (_HAN_RUN if how == "zh" else HANGUL_WORD).finditer(text):
        kept = "".join(ch for i, ch in enumerate(run.group(0), run.start())
                       if i not in blocked and ch not in ZH_FUNCTION)
        grams.update(kept[i:i + 2] for i in range(len(kept) - 1))
    return Content(how, frozenset(grams - KO_FUNCTION_BIGRAMS if how == "ko" else grams))


def overlap(a: Content, b: Content) -> tuple[int, float]:
    """(shared units, shared / the smaller side); zero across modes (different languages)."""
    if a.mode != b.mode:
        return 0, 0.0
    shared = len(a.items & b.items)
    return shared, shared / max(1, min(len(a.items), len(b.items)))


def same_subject(a: Content, b: Content, min_ratio: float = 0.3) -> bool:
    """Enough shared content to say two same-language statements talk about the same thing."""
    shared, ratio = overlap(a, b)
    return shared >= (2 if a.mode == "words" else 3) and ratio >= min_ratio
