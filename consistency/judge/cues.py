"""Polarity, quantifier and modality cues, and the one deterministic polarity rule (C201).

The rule is deliberately narrow: both statements in the same language, the same scope, mostly
the same content words, and exactly one of them negated, with the negated word present in the
other ("We never sell your data" vs "We sell your data to partners"). Everything looser, and
every cross-lingual pair, is left to the learned classifier, which gets ``cue_features``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from consistency.judge.content import HAN, HANGUL_WORD, ZH_FUNCTION, Content, content, overlap
from consistency.judge.cues_lexicon import (ANTONYMS, ASPIRATION, MODALITY, NEGATION, QUANTIFIERS, RESTRICTION,
                                            WITHOUT)
from consistency.judge.slots import scope_terms
from consistency.rules import RULES
from consistency.types import Span

_KO_POST_NEG = ("않", "없", "아니", "아닙", "못하", "불가", "어렵", "어려우", "어려워")


@dataclass(frozen=True, slots=True)
class Cue:
    """A polarity, quantifier or modality word in a statement."""

    kind: str  # negation | quantifier | modality
    key: str  # neg | univ | exist | strong | weak
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CueConflict:
    """One statement denies what the other affirms (rule C201), with the words that show it."""

    code: str
    rule: str
    reason: str
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    score: float


@dataclass(frozen=True, slots=True)
class _Profile:
    cues: tuple[Cue, ...]
    negations: tuple[Cue, ...]
    content: Content  # content words without the negations
    restricted: bool = False  # states a restriction ("only", 仅限, -에서만, فقط)
    aims: bool = False  # states an aim rather than a fact ("working towards", 努力, نسعى)

    @property
    def mode(self) -> str:
        return self.content.mode


# "암호화 없이 저장" (stored without encryption) denies; these fixed phrases do not
_KO_ADVERB_WITHOUT = re.compile(r"(?:걱정|예외|차별|상관|관계|빠짐|문제|부담|망설임|고민)\s$")
_KO_ADNOMINAL = re.compile(r"(?:[은는던]|한)\s+[가-힣]")  # "세탁하지 않은 상품": describes the item, denies nothing
_KO_PRE_CONDITIONAL = re.compile(r"\s+[가-힣]*(?:으시|으)?면(?![가-힣])")
_KO_CONDITIONAL = re.compile(r"(?:하|하다|으시|으|다|는다|으신다)?면")  # "원하지 않으시면": "if you do not want"
# "未穿着、未洗涤的商品": 未 + verb + 的 (or a list of them) describes the goods
_ZH_VERB = r"(?![把将將向给給对對被让讓会會能再])(?:(?![您你我他她它们們其])[\u4e00-\u9fff]){1,3}"  # no pronoun: 不出售您的数据 denies;
# no coverb or auxiliary first: "不把购买的碳信用计入", "不会卖的" deny a predicate, they describe no noun
_ZH_ATTRIBUTIVE = re.compile(rf"{_ZH_VERB}(?:[、，,][未不无無]{_ZH_VERB})*的")
# After 在/对/凡/把... (or at the very start) a longer phrase, an auxiliary or an amount may come before the 的 of a
# noun: "无法再利用的旧衣", "对不能退换的商品", "未满99元的订单", "在未穿着、吊牌完好的情况下"; after a comma the
# subject may be left out ("，不公布具体工厂的结果" denies), so there the noun must be followed by the clause's predicate
_ZH_BEFORE_NOUN_PHRASE = re.compile(r"(?:^|(?<![存现現实實所])在|对于|對於|对|對|凡是|凡|所有|任何|各|把|针对|針對|关于|關於)$")
_ZH_AFTER_COMMA = re.compile(r"[，,。；;：:、！!？?\s（(“\"]$")
_ZH_PHRASE = r"(?:(?![您你我他她它们們其把将將给給对對被让讓])[\u4e00-\u9fff0-9０-９.．%％])"
_ZH_LONG_ATTRIBUTIVE = re.compile(rf"{_ZH_PHRASE}{{1,7}}(?:[、，,](?:[未不无無])?{_ZH_PHRASE}{{1,6}})*的(?![话話])"
                                  rf"[\u4e00-\u9fff]")
_ZH_SUBJECT_NOUN = re.compile(r"[\u4e00-\u9fff]{5}")
# "…的话" closes a condition: "不满意的话可以退款"
_ZH_IF_AFTER = re.compile(r"[^，,；;。？?！!]{0,12}?(?:的[话話]|也(?:没关系|沒關係|没问题|沒問題|不要紧|不要緊))")
# "尺码不合适？就算洗过也可以换": a question the statement then answers poses a case, it denies nothing
_ZH_POSED = re.compile(r"[^，,；;。？?！!]{0,12}?[？?](?=\s*\S)")
# "أي منتج غير مستخدم وغير مغسول": غير before a participle, after a quantified or coordinated noun, is "un-"
_AR_ATTRIBUTIVE_AFTER = re.compile(r"\s*(?:م|قابل)[\u0621-\u064a]+\s+و\s?غير")
_AR_PARTICIPLE = re.compile(r"\s*(?:م|قابل)")
_AR_ATTRIBUTIVE_BEFORE = re.compile(r"(?:^|\s)(?:أي|كل|و)\s?[\u0621-\u064a]+\s+$|(?:^|\s)و$")
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b[^,;:.]*$|(?:如果|假如|若|(?<![例比譬])如(?![何今此下同])|只要|要是|"
                        r"倘若|假使|一旦|萬一|万一|即使|即便|就算|哪怕)[^，,；;。？?！!就才也便则則]*$|"
                        r"만약[^,.]*$|(?:إذا|إن|لو)\s[^،,.]*$", re.IGNORECASE)


def _attributive_or_conditional(text: str, cue: Cue) -> bool:
    """A negation that modifies a noun ("unwashed items", "세탁하지 않은 상품", "未穿着的商品",
    "منتج غير مستخدم") or sits in a condition ("if it does not fit, ...", "如不想再收到",
    "원하지 않으시면") states no negative policy."""
    if _KO_ADNOMINAL.match(text, cue.end) or _CONDITION.search(text, 0, cue.start):
        return True
    if cue.text.startswith(_KO_POST_NEG) and _KO_CONDITIONAL.match(text, cue.end):
        return True
    if cue.text in ("안", "못") and _KO_PRE_CONDITIONAL.match(text, cue.end):
        return True  # "안 맞으면": "if it does not fit"
    if cue.text == "없" and text.startswith("없이", cue.start) and (
            not text[cue.start - 1:cue.start].isspace() or _KO_ADVERB_WITHOUT.search(text, 0, cue.start)):
        return True  # "빠짐없이" (without exception), "걱정 없이" (without worry): an adverb, not a denial
    if cue.text in ("未", "不", "无", "無") and _ZH_ATTRIBUTIVE.match(text, cue.end):
        return True
    if HAN.match(cue.text[:1]):
        if _ZH_IF_AFTER.match(text, cue.end) or _ZH_POSED.match(text, cue.end):
            return True
        if cue.text in ("未", "不", "无", "無", "没", "沒", "没有", "沒有") and (m := _ZH_LONG_ATTRIBUTIVE.match(text, cue.end)):
            if _ZH_BEFORE_NOUN_PHRASE.search(text, 0, cue.start):
                return True
            if _ZH_AFTER_COMMA.search(text, 0, cue.start) and _ZH_SUBJECT_NOUN.match(text, m.end() - 1):
                return True
    if cue.text.endswith("غير"):
        if _AR_ATTRIBUTIVE_AFTER.match(text, cue.end):  # "غير مستخدم وغير مغسول": a list of un- words
            return True
        after_noun = cue.text.startswith("و") or _AR_ATTRIBUTIVE_BEFORE.search(text[max(0, cue.start - 24):cue.start])
        return bool(after_noun and _AR_PARTICIPLE.match(text, cue.end))
    return False


@lru_cache(maxsize=65536)
def _profile(text: str, lang: str) -> _Profile:
    cues = sorted([Cue("negation", k, s, e, text[s:e]) for s, e, k in NEGATION.find(text)]
                  + [Cue("quantifier", k, s, e, text[s:e]) for s, e, k in QUANTIFIERS.find(text)]
                  + [Cue("modality", k, s, e, text[s:e]) for s, e, k in MODALITY.find(text)],
                  key=lambda c: (c.start, c.end, c.kind))
    cues = [c for c in cues if not (c.kind == "negation" and _attributive_or_conditional(text, c))]
    negations = tuple(c for c in cues if c.kind == "negation")
    return _Profile(tuple(cues), negations, content(text, lang, skip=[(c.start, c.end) for c in negations]),
                    bool(RESTRICTION.find(text)), bool(ASPIRATION.find(text)))


def polarity_cues(text: str, lang: str) -> list[Cue]:
    """Negation, quantifier (all/some) and modality (must/may) cues, in text order."""
    return list(_profile(text, lang).cues)


def _head_words(text: str, p: _Profile, cue: Cue) -> tuple[int, int, str] | None:
    """English, Arabic and other spaced scripts: the first content word after the negation."""
    nxt = next((w for w in p.content.words if w[0] >= cue.end), None)
    return (cue.start, nxt[1], nxt[2]) if nxt else None


def _head_zh(text: str, p: _Profile, cue: Cue) -> tuple[int, int, str] | None:
    """Chinese: the two characters after the negation, past function characters (不会出售 -> 出售)."""
    i = cue.end
    while i < len(text) and (text[i] in ZH_FUNCTION or not HAN.match(text[i])):
        i += 1
    head = text[i:i + 2]
    return (cue.start, i + 2, head) if len(head) == 2 and all(HAN.match(ch) for ch in head) else None


def _head_ko(text: str, p: _Profile, cue: Cue) -> tuple[int, int, str] | None:
    """Korean: 않/없/아니 negate the word before them (판매하지 않습니다), 안/못 the word after (안 팔아요);
    the first two syllables stand for the word's stem."""
    eojeols = list(HANGUL_WORD.finditer(text))
    at = next((k for k, m in enumerate(eojeols) if m.start() <= cue.start < m.end()), None)
    if at is None:
        return None
    word = eojeols[at]
    if cue.text.startswith(_KO_POST_NEG):
        if cue.start > word.start():  # 수수료없음: the head is inside the same word
            head_start, head_word = word.start(), word.group(0)[:cue.start - word.start()]
        elif at:
            head_start, head_word = eojeols[at - 1].start(), eojeols[at - 1].group(0)
        else:
            return None
        return (head_start, cue.end, head_word[:2]) if len(head_word) >= 2 else None
    if at + 1 < len(eojeols) and len(eojeols[at + 1].group(0)) >= 2:
        return cue.start, eojeols[at + 1].end(), eojeols[at + 1].group(0)[:2]
    return None


_HEAD_FINDERS: dict[str, Callable[[str, _Profile, Cue], tuple[int, int, str] | None]] = {
    "words": _head_words, "zh": _head_zh, "ko": _head_ko}


def _negated_head(text: str, p: _Profile) -> tuple[int, int, str] | None:
    """(start, end, stem) of the first negation and the word it applies to."""
    return next((head for cue in p.negations if (head := _HEAD_FINDERS[p.mode](text, p, cue))), None)


def _affirmed(text: str, p: _Profile, head: str) -> tuple[int, int] | None:
    """Where the other statement says the negated word, if it does (an Arabic verb may change its
    person prefix: نبيع / يبيع)."""
    if p.mode == "words":
        arabic = len(head) >= 4 and bool(re.match(r"[\u0621-\u064a]", head))
        return next(((s, e) for s, e, w in p.content.words if w == head or (arabic and head[1:] == w[1:])),
                    None)
    at = text.find(head)
    if at < 0:
        return None
    if p.mode == "ko":  # show the whole word: 배송비가, not 배송
        word = next(m for m in HANGUL_WORD.finditer(text) if m.start() <= at < m.end())
        return word.start(), word.end()
    return at, at + len(head)


def polarity_conflict(a_text: str, a_lang: str, b_text: str, b_lang: str) -> CueConflict | None:
    """C201 for the clear case: same language and scope, same predicate, exactly one side negated."""
    pa, pb = _profile(a_text, a_lang), _profile(b_text, b_lang)
    if pa.mode != pb.mode or a_lang.split("-")[0] != b_lang.split("-")[0] or bool(pa.negations) == bool(pb.negations):
        return None
    shared, ratio = overlap(pa.content, pb.content)
    if shared < (2 if pa.mode == "words" else 3) or ratio < 0.6:
        return None
    if scope_terms(a_text, a_lang) != scope_terms(b_text, b_lang):
        return None
    neg_text, neg_p, aff_text, aff_p = (a_text, pa, b_text, pb) if pa.negations else (b_text, pb, a_text, pa)
    if len(neg_p.negations) > 1 and WITHOUT.find(neg_text):
        return None  # "never ... without your consent" is a condition, not a denial
    head = _negated_head(neg_text, neg_p)
    if head is None:
        return None
    where = _affirmed(aff_text, aff_p, head[2])
    if where is None:
        return None
    neg_span = Span(head[0], head[1], neg_text[head[0]:head[1]], "negation")
    aff_span = Span(where[0], where[1], aff_text[where[0]:where[1]], "affirmation")
    first, second = (neg_span, aff_span) if pa.negations else (aff_span, neg_span)
    score = round(0.8 + 0.15 * min(1.0, (ratio - 0.6) / 0.4), 4)
    return CueConflict("C201", RULES["C201"].name,
                       f"one statement denies what the other affirms: '{first.text}' vs '{second.text}'",
                       (first,), (second,), score)


@lru_cache(maxsize=65536)
def _poles(text: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """For each antonym concept, the first word of each pole the text uses (None when it uses none)."""
    out = []
    for concept, (plus, minus) in ANTONYMS.items():
        p, m = plus.find(text), minus.find(text)
        out.append((concept, text[p[0][0]:p[0][1]] if p else None, text[m[0][0]:m[0][1]] if m else None))
    return tuple(out)


def _antonym_clashes(a_text: str, b_text: str) -> list[tuple[str, str, str]]:
    """(concept, word in a, word in b) where a uses only one pole and b only the other."""
    out = []
    for (concept, ap, am), (_, bp, bm) in zip(_poles(a_text), _poles(b_text)):
        if ap and bm and not am and not bp:
            out.append((concept, ap, bm))
        elif am and bp and not ap and not bm:
            out.append((concept, am, bp))
    return out


def _count(p: _Profile, kind: str, key: str) -> float:
    return float(min(3, sum(1 for c in p.cues if c.kind == kind and c.key == key)))


_COUNTED = (("neg", "negation", "neg"), ("univ", "quantifier", "univ"), ("exist", "quantifier", "exist"),
            ("strong", "modality", "strong"), ("weak", "modality", "weak"))


@lru_cache(maxsize=65536)
def _cue_counts(text: str, lang: str) -> tuple[float, ...]:
    """How many cues of each ``_COUNTED`` kind the text holds (at most 3): read once a text, not once a pair."""
    p = _profile(text, lang)
    return tuple(_count(p, kind, key) for _, kind, key in _COUNTED)


def cue_features(a_text: str, a_lang: str, b_text: str, b_lang: str) -> dict[str, float]:
    """Numeric cue features for the learned classifier; always the same keys."""
    pa, pb = _profile(a_text, a_lang), _profile(b_text, b_lang)
    shared, ratio = overlap(pa.content, pb.content)
    feats = {f"{name}_{side}": n for side, text, lang in (("a", a_text, a_lang), ("b", b_text, b_lang))
             for (name, _, _), n in zip(_COUNTED, _cue_counts(text, lang))}
    feats["neg_xor"] = float(bool(pa.negations) != bool(pb.negations))
    feats["quant_clash"] = float((feats["univ_a"] > 0 and feats["exist_b"] > 0 and not feats["univ_b"])
                                 or (feats["univ_b"] > 0 and feats["exist_a"] > 0 and not feats["univ_a"]))
    feats["modal_clash"] = float((feats["strong_a"] > 0) != (feats["strong_b"] > 0)
                                 and (feats["weak_a"] > 0) != (feats["weak_b"] > 0))
    feats["restrict_xor"] = float(pa.restricted != pb.restricted)
    feats["aspire_xor"] = float(pa.aims != pb.aims)
    feats["antonyms"] = float(len(_antonym_clashes(a_text, b_text)))
    feats["overlap"] = round(ratio, 4)
    feats["shared"] = float(min(shared, 10))
    feats["polarity_rule"] = float(polarity_conflict(a_text, a_lang, b_text, b_lang) is not None)
    return feats


def difference_spans(a_text: str, a_lang: str, b_text: str, b_lang: str) -> list[tuple[str, Span | None, Span | None]]:
    """Short hints for a model verdict (which cues differ between the two statements), each with the
    words it rests on as spans of each statement (None where a side has no such word: the statement
    that is not negated)."""
    pa, pb = _profile(a_text, a_lang), _profile(b_text, b_lang)
    out: list[tuple[str, Span | None, Span | None]] = []
    if bool(pa.negations) != bool(pb.negations):
        side, cue = ("first", pa.negations[0]) if pa.negations else ("second", pb.negations[0])
        span = Span(cue.start, cue.end, cue.text, "negation")
        out.append((f"only the {side} statement is negated ('{cue.text}')",
                    span if side == "first" else None, span if side == "second" else None))
    for concept, wa, wb in _antonym_clashes(a_text, b_text):
        out.append((f"opposite terms ({concept}): '{wa}' vs '{wb}'", _find_span(a_text, wa, "antonym"),
                    _find_span(b_text, wb, "antonym")))
    for kind, key_a, key_b, label in (("quantifier", "univ", "exist", "quantifier"),
                                      ("modality", "strong", "weak", "modality")):
        ca = [c for c in pa.cues if c.kind == kind]
        cb = [c for c in pb.cues if c.kind == kind]
        if ca and cb and {c.key for c in ca} != {c.key for c in cb} and \
                {c.key for c in ca} | {c.key for c in cb} == {key_a, key_b}:
            out.append((f"different {label}: '{ca[0].text}' vs '{cb[0].text}'",
                        Span(ca[0].start, ca[0].end, ca[0].text, label), Span(cb[0].start, cb[0].end, cb[0].text, label)))
    return out


def _find_span(text: str, word: str, label: str) -> Span | None:
    at = text.find(word)
    return Span(at, at + len(word), word, label) if at >= 0 else None
