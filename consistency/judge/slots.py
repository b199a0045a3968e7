"""Typed slot conflicts: the deterministic, explained part of the contradiction judge.

A statement's slots are the typed values it states (a duration, an amount of money, a
percentage, opening hours, a frequency, a date, a counted quantity), each with a qualifier
("within" = max, "over" = min), a topic key ("return", "shipping"...) and its character span.
Two statements conflict when they state the same kind of value about the same topic, under
compatible qualifiers and the same scope, with values that cannot both be true:

    >>> compare("Free returns within 30 days.", "en", "يمكنك إرجاع المنتجات خلال 14 يومًا", "ar").reason
    'return period: within 30 days vs خلال 14 يومًا (14 days)'

Equal values never conflict (a translation with the same number is a paraphrase), and values
that differ under different scopes ("in the US" vs "to Canada") or in currencies without a
configured exchange rate are not comparable, so they do not conflict either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from consistency.judge.content import Content, content, same_subject
from consistency.judge.lexicon import IMPLIED_SCOPES, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, SCOPES, TOPICS
from consistency.judge.numbers import normalise_digits
from consistency.judge.slots_hours import as_schedule, find_hours, schedules_agree, schedules_conflict
from consistency.judge.slots_patterns import (Raw, amount_of, base_unit, find_dates, find_durations, find_frequencies,
                                              find_money, find_percentages, find_quantities)
from consistency.judge.slots_text import TYPE_CODES, describe
from consistency.rules import RULES

TYPES = tuple(TYPE_CODES)
_BASE_SCORE = {"duration": 0.9, "money": 0.9, "percent": 0.85, "hours": 0.85, "frequency": 0.85, "date": 0.85,
               "quantity": 0.75}
# Finders in priority order: an earlier finder's span hides later matches ("every 3 years" is a
# frequency, not a duration; "24小时" beside a schedule is hours).
_FINDERS: tuple[Callable[[str, str], Any], ...] = (
    lambda t, _: (Raw("hours", s, e, v) for s, e, v in find_hours(t)),
    lambda t, _: find_frequencies(t),
    lambda t, _: find_dates(t),
    find_money,
    lambda t, _: find_percentages(t),
    lambda t, _: find_durations(t),
    lambda t, _: find_quantities(t),
)
_CLAUSE_BREAK = re.compile(r"[.;!?。！？；\n,，、،؛]|\s(?:but|while|whereas|except)\s", re.IGNORECASE)
# between a qualifier and its value: "within the next 30 days", and the comparison of "至少比生活工资高20%"
# (at least 20% above the living wage)
_GAP_BEFORE = re.compile(r"\s*(?:the\s+(?:next|first)\s+|just\s+|only\s+)?$|"
                         r"\s*比[^，。；,;.!?\d]{1,15}?(?:高出|高|多出|多|长|長|贵|貴|低|少)\s*$|"
                         r"\s*(?:含有|含|有|需要|需|要|可以|可|能|为|為|达到|達到)\s*$", re.IGNORECASE)  # 至少含七成
# A topic word that only anchors the window ("30 days of delivery", "收货后", "도착하면") is not its topic.
_ANCHOR_BEFORE = re.compile(r"(?:\b(?:of|from|after|since|upon|following|once)\s+(?:(?:the|date|of|your|receiving|"
                            r"receipt|they|it|we|you|our)\s+)*|(?:من|بعد)\s+(?:تاريخ\s+|وصول\s+|استلام\s+)?|"
                            # "the lockers outside each store until 11pm": the store only says where the lockers are
                            r"\b(?:outside|inside|next to|beside|behind|opposite|in front of)\s+(?:(?:the|our|each|every)\s+)?)$",
                            re.IGNORECASE)
_SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|our\s+|all\s+)*$", re.IGNORECASE)  # "70% of the cotton": a share's topic
_PURPOSE_BEFORE = re.compile(r"\bfor\s+(?:a\s+|an\s+|your\s+)?(?:full\s+|partial\s+)?$", re.IGNORECASE)
_ANCHOR_AFTER = re.compile(r"^\s?(?:完成\s?)?(?:后|後|之日起|起|(?:한|된|하신|되신)?\s?후|로부터|부터|일로부터|완료|하면|되면|면)")
# Korean marks the sentence topic with 은/는 ("환불은 ... 5영업일 이내에 처리됩니다": the refund's window)
_KO_TOPIC_MARKER = re.compile(r"(?:은|는)(?=\s)")
_HEAD_FINAL = frozenset({"zh", "ko", "ja"})  # the predicate, hence the topic, tends to follow the value
_RELATED_TOPICS = {"money": {frozenset({"shipping", "delivery"})}, "hours": {frozenset({"support", "reply"})}}
# Topics that name what a claim is about less often than the words around them: in "we reply to
# emails within 24 hours" the window is the reply's; in "shipping costs $5" the amount is shipping's.
_OBJECT_TOPICS = frozenset({"newsletter", "price"})
# Topics too broad to identify one claim on their own: a brand runs many discounts ("20% off this
# weekend", "15% off for students"); two of them conflict only when the sentences also share words.
_WEAK_TOPICS = _OBJECT_TOPICS | {"discount"}
_RATE = re.compile(r"\b(?:every|each|per)\b|每|마다|당|씩|(?<![\u0621-\u064a])ل?كل(?![\u0621-\u064a])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Slot:
    """A typed value in a statement. ``start``/``end`` index the statement text; ``text`` is that span."""

    type: str  # quantity | duration | money | percent | hours | frequency | date
    value: Any  # hours (float or (lo, hi)), (currency, amount), percent, Schedule | "24/7", events/year, year | ISO
    qualifier: str  # exact | min | max | approx
    topic: str  # topic key ("return", "shipping", a counted noun) or ""
    start: int
    end: int
    text: str
    unit: str = ""  # the unit the text used ("week", "business_day"): decides tolerance and comparability
    topics: frozenset[str] = frozenset()  # every topic key in the slot's clause


@dataclass(frozen=True, slots=True)
class SlotConflict:
    """Two slots that cannot both be true, with a reason a reader can check."""

    code: str
    rule: str
    reason: str
    slot_a: Slot
    slot_b: Slot
    score: float


def _qualifier(norm: str, start: int, end: int) -> tuple[str, int, int]:
    """Qualifier words right before or after a slot, and the span widened to include them. A window
    is searched only if the whole statement could hold a qualifier (its pass is shared, a window's is not)."""
    window_start = max(0, start - 30)
    before = norm[window_start:start]
    for q_start, q_end, key in reversed(QUALIFIERS_BEFORE.find(before) if QUALIFIERS_BEFORE.may_match(norm) else []):
        if _GAP_BEFORE.fullmatch(before[q_end:]):
            return key, window_start + q_start, end
    after = norm[end:end + 12]
    for q_start, q_end, key in QUALIFIERS_AFTER.find(after) if QUALIFIERS_AFTER.may_match(norm) else ():
        if not after[:q_start].strip():
            return key, start, end + q_end
        break
    return "exact", start, end


def _topic(norm: str, start: int, end: int, found: list[tuple[int, int, str]],
           head_final: bool, slot_type: str = "") -> tuple[str, frozenset[str]]:
    """The nearest topic word to a slot, preferring its clause, skipping anchors ("30 days of delivery")
    and, for a time window, the purpose it leads to ("return it within 30 days for a full refund"),
    and on a tie the side where the language puts its predicate."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(norm)), len(norm) + 1]
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c > start)
    usable = [(s, e, k) for s, e, k in found if not (s < end and start < e) and not (_ANCHOR_BEFORE.search(
        norm[max(0, s - 32):s]) and not (slot_type == "percent" and _SHARE_OF.search(norm[end:s]))) and not
        _ANCHOR_AFTER.search(norm[e:e + 6]) and not (
        slot_type == "duration" and s >= end and _PURPOSE_BEFORE.search(norm[max(0, s - 24):s]))]
    clause = [f for f in usable if lo <= f[0] < hi]
    pool = clause or usable
    if not pool:
        return "", frozenset()
    marked = [f for f in pool if _KO_TOPIC_MARKER.match(norm, f[1]) and f[2] not in _OBJECT_TOPICS]
    nearest = min(marked or pool, key=lambda f: (f[2] in _OBJECT_TOPICS, start - f[1] + 0.5 * head_final
                                                 if f[1] <= start else f[0] - end + 0.5 * (not head_final)))
    return nearest[2], frozenset(k for _, _, k in pool)


@dataclass(frozen=True, slots=True)
class _Analysis:
    slots: tuple[Slot, ...]
    scope: frozenset[str]
    content: Content  # the words around the values, to tell whether topic-less slots share a subject


_ADDED = re.compile(r"\b(?:new|more|additional|extra|further)\b|新|신규|새로운|추가|جديد", re.IGNORECASE)
# "the threshold is $75", "门槛为年消费一万元", "기준 금액이 오만 원으로", "الحد الأدنى ٢٠٠ قطعة": an amount named
# as a threshold is a lower bound, as "over $75" is
_THRESHOLD_BEFORE = re.compile(r"(?:\bthreshold|\bminimum(?: order| spend| purchase)?|门槛|門檻|最低消费|最低消費|起送价|"
                               r"기준\s?금액|최소\s?주문\s?금액|الحد الأدنى)[^.,;:!?。，；！？]{0,20}$", re.IGNORECASE)
# "our Brooklyn store", "the Seoul shop": which site a statement is about is part of its scope
_NAMED_SITE = re.compile(r"\b(?:[Oo]ur|[Tt]he)\s+((?:[A-Z][\w-]+\s+){1,3}?)(?:flagship\s+|pop-up\s+)?"
                         r"(?:store|shop|boutique|warehouse|office|branch|showroom|outlet|studio|mill|factory)s?\b")
# "성수점", "한남점"; "台北門市", "台中地區": the Korean and Chinese way of naming one site or area
_NAMED_SITE_KO = re.compile(r"(?<![가-힣])([가-힣]{2,4})점(?=\s|[은는이가의에을를도만]|$)|"
                            r"(?<![가-힣])([가-힣·]{1,6})\s?지역(?=\s|[은는이가의에을를도만]|$)")
_NAMED_SITE_ZH = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:门店|門市|分店|旗舰店|旗艦店|市区|市區|地区|地區)")
# a place name holds no grammatical characters: "我们所有门店" (all our stores), "三天内送达门店" (reach the store
# within three days), "国家和地区" (countries and regions), "即日起门店" (the stores, from today) name no site
_ZH_FUNCTION = re.compile(r"[们的和及与到在内后前于至从所各每这那该本其有是了都也把被让给向对目送达起]")
_NOT_A_SITE = frozenset("편의 백화 문제 출발 공통 차이 교차 반환 도착 시작 분기 한계 기준 유의 주의 취약 개선 가맹 대리 직영 전문 "
                        "할인 매장 전 모든 각 일부 해당 배송 전국 所有 全部 各地 线下 線下 实体 實體 全国 全國 附近 各家 我们 我們 本地 部分 指定 其他 "
                        "其它 偏远 偏遠 合作 参与 參與 所在 各个 各個 您的 离您 離您".split())
_BUSINESS_BEFORE = re.compile(r"(?:영업일|평일)\s*(?:기준|로)?\s*$|(?:按)?工作日(?:计算|計算)?\s*$|أيام العمل\s*$")


# What an amount is paid for, one at a time: "$6 per item", "٢٠ ريالًا عن كل شرشف", "每件收费八元", "건당 천 원"
_PER_AFTER = re.compile(r"\s*(?:\bper|\bfor\s+(?:each|every)|عن\s+كل|لكل|على\s+كل)\s+"
                        r"(?:(?:old|new|used|returned|single|extra|additional)\s+)?(?P<noun>[A-Za-z]+|[\u0621-\u064a]+)",
                        re.IGNORECASE)
_PER_BEFORE = re.compile(r"每一?(?P<zh>[\u4e00-\u9fff])[^\d，。；]{0,4}$|(?P<ko>[가-힣]+)당\s*$")


def _per_unit(norm: str, start: int, end: int) -> str:
    """The unit an amount is charged or paid per, or ""."""
    m = _PER_AFTER.match(norm, end)
    if m:
        return _singular(m.group("noun").lower())
    m = _PER_BEFORE.search(norm, max(0, start - 8), start)
    return (m.group("zh") or m.group("ko") or "") if m else ""


_SAME_COUNT = {"unit": "piece", "item": "piece", "pc": "piece", "pcs": "piece"}  # "25 units" / "100 pieces"


def _singular(noun: str) -> str:
    """"points" and "point" count the same thing (English counted nouns; other scripts unchanged)."""
    if len(noun) > 3 and noun.isascii() and noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    return _SAME_COUNT.get(noun, noun)


@lru_cache(maxsize=65536)
def _analyse(text: str, lang: str) -> _Analysis:
    """Slots, scope terms and content words of one statement (cached: pairs share statements)."""
    norm = normalise_digits(text)
    taken: list[tuple[int, int]] = []
    raws: list[Raw] = []
    for finder in _FINDERS:
        for raw in finder(norm, lang):
            if not any(raw.start < e and s < raw.end for s, e in taken):
                taken.append((raw.start, raw.end))
                raws.append(raw)
    scope = set(SCOPES.keys(norm)) | {f"site:{m.group(1).strip().lower()}" for m in _NAMED_SITE.finditer(text)
                                      if not SCOPES.find(m.group(1))} | {  # "our UK stores": the country says it
        f"site:{name}" for pattern in (_NAMED_SITE_KO, _NAMED_SITE_ZH) for m in pattern.finditer(text)
        if (name := next(g for g in m.groups() if g)) not in _NOT_A_SITE and not _ZH_FUNCTION.search(name)}
    scope |= {f"implied:{key}" for key in IMPLIED_SCOPES.keys(norm)}
    if any(r.type != "date" for r in raws):  # "12,000 trees in 2023": the year scopes the count
        for r in [r for r in raws if r.type == "date" and r.qualifier in ("exact", "min")
                  and isinstance(r.value, int)]:  # a month or a day ("from 1 April 2025") is a slot of its own
            scope.add(f"year:{r.value}")
            raws.remove(r)
    scope |= {f"per:{unit}" for r in raws if r.type == "money" and (unit := _per_unit(norm, r.start, r.end))}
    found = TOPICS.find(norm)
    slots = []
    for raw in sorted(raws, key=lambda r: r.start):
        qualifier, start, end = (raw.qualifier, raw.start, raw.end) if raw.qualifier else _qualifier(
            norm, raw.start, raw.end)
        if isinstance(amount_of(raw), tuple) and qualifier != "max":
            qualifier = "exact"  # a range ("3-5 days") states its own bounds
        topic, topics = _topic(norm, start, end, found, lang.split("-")[0] in _HEAD_FINAL, raw.type)
        unit = raw.unit
        if raw.type == "quantity" and not unit and _RATE.search(norm):
            unit = "per"  # "one tree for every order" is a rate, not a total
        if base_unit(unit) == "day" and _BUSINESS_BEFORE.search(norm, max(0, start - 12), start):
            unit = unit.replace("day", "business_day")  # "영업일 기준 5일", "按工作日计算5天": the marker comes first
        if raw.type == "quantity" and qualifier == "exact" and _ADDED.search(text[start:end]):
            qualifier = "min"  # "three new colours": at least three, whatever there was before
        if raw.type in ("money", "quantity") and qualifier == "exact" and _THRESHOLD_BEFORE.search(
                text, max(0, start - 40), start):
            qualifier = "min"
        counted = _singular(raw.topic)
        slots.append(Slot(raw.type, raw.value, qualifier, counted or topic, start, end, text[start:end], unit,
                          topics | {counted} - {""}))
    return _Analysis(tuple(slots), frozenset(scope), content(text, lang, skip=[(s.start, s.end) for s in slots]))


def extract_slots(text: str, lang: str) -> list[Slot]:
    """The typed values in one statement, in text order."""
    return list(_analyse(text, lang).slots)


def scope_terms(text: str, lang: str) -> frozenset[str]:
    """Who, where or when a statement applies to ("country:us", "member", "year:2023"...)."""
    return frozenset(t for t in _analyse(text, lang).scope if not t.startswith("implied:"))


# --- comparing two slots -----------------------------------------------------------------------
def _interval(value: Any) -> tuple[float, float]:
    return (float(value[0]), float(value[1])) if isinstance(value, tuple) else (float(value), float(value))


def _numeric_relation(a: Slot, b: Slot, va: Any, vb: Any, tol: float) -> str:
    """"same", "differ", or "apart" (different but not contradictory: "at least 30" and "at most 90")."""
    (alo, ahi), (blo, bhi) = _interval(va), _interval(vb)
    if "approx" in (a.qualifier, b.qualifier):
        tol = max(tol, 0.15)
    slack = tol * max(abs(alo), abs(ahi), abs(blo), abs(bhi), 1e-9) + 1e-9
    if {a.qualifier, b.qualifier} == {"min", "max"}:
        (mlo, _), (_, xhi) = ((alo, ahi), (blo, bhi)) if a.qualifier == "min" else ((blo, bhi), (alo, ahi))
        return "differ" if mlo > xhi + slack else "apart"
    if {a.qualifier, b.qualifier} == {"min", "exact"}:  # "at least 80%" holds for "86%", not for "70%"
        (mlo, _), (elo, _) = ((alo, ahi), (blo, bhi)) if a.qualifier == "min" else ((blo, bhi), (alo, ahi))
        return "same" if elo + slack >= mlo else "differ"
    return "same" if alo <= bhi + slack and blo <= ahi + slack else "differ"


def _duration(a: Slot, b: Slot, rates: Mapping[str, float] | None) -> str:
    if a.unit.startswith("lead_") != b.unit.startswith("lead_"):
        return "apart"  # "cancel up to 48 hours before" is no period to set against "refunds within 5 days"
    if (base_unit(a.unit) == "business_day") != (base_unit(b.unit) == "business_day"):
        # n business days span n to 1.4n+2 calendar days: "24 hours" vs "3 business days" differ,
        # "7 days" vs "5 business days" may both hold
        bd, cal = (a, b) if base_unit(a.unit) == "business_day" else (b, a)
        (blo, bhi), (clo, chi) = _interval(bd.value), _interval(cal.value)
        return "differ" if chi < blo or clo > bhi * 1.4 + 48 else "apart"
    calendar = {"month", "year"} & {base_unit(a.unit), base_unit(b.unit)}
    return _numeric_relation(a, b, a.value, b.value, 0.07 if calendar else 0.0)


def to_usd(currency: str, amount: Any, rates: Mapping[str, float] | None) -> Any:
    """``amount`` (a number or a (low, high) range) in US dollars, or None when no rate for ``currency``
    is configured."""
    if currency == "USD":
        return amount
    rate = (rates or {}).get(currency)
    if rate is None:
        return None
    return tuple(x * float(rate) for x in amount) if isinstance(amount, tuple) else amount * float(rate)


def _money(a: Slot, b: Slot, rates: Mapping[str, float] | None) -> str:
    (ca, xa), (cb, xb) = a.value, b.value
    if ca == cb:
        return _numeric_relation(a, b, xa, xb, 0.0)
    ua, ub = to_usd(ca, xa, rates), to_usd(cb, xb, rates)
    if ua is None or ub is None:
        return "apart"  # no exchange rate configured: amounts in two currencies are not comparable
    return _numeric_relation(a, b, ua, ub, 0.15)


def _hours(a: Slot, b: Slot, rates: Mapping[str, float] | None) -> str:
    if as_schedule(a.value) == as_schedule(b.value) or schedules_agree(a.value, b.value):
        return "same"
    return "differ" if schedules_conflict(a.value, b.value) else "apart"


def _month_day(value: Any) -> str | None:
    """"MM-DD" (or "MM") of a date, None for a bare year: what a year-less date can be compared with."""
    text = str(value)
    return text[2:] if text.startswith("--") else text[5:] if len(text) >= 7 else None


def _date(a: Slot, b: Slot, rates: Mapping[str, float] | None) -> str:
    sa, sb = str(a.value), str(b.value)
    if sa.startswith("--") or sb.startswith("--"):  # "until 31 December": the day of some year
        ma, mb = _month_day(a.value), _month_day(b.value)
        if ma is None or mb is None:
            return "apart"
        n = min(len(ma), len(mb))
        if ma[:n] == mb[:n]:
            return "same"
        return "apart" if {a.qualifier, b.qualifier} == {"min", "max"} else "differ"
    n = min(len(sa), len(sb))
    sa, sb = sa[:n], sb[:n]
    if sa == sb:
        return "same"
    if {a.qualifier, b.qualifier} == {"min", "max"}:
        lo, hi = (sa, sb) if a.qualifier == "min" else (sb, sa)
        return "differ" if lo > hi else "apart"
    return "differ"


COMPARATORS: dict[str, Callable[[Slot, Slot, Mapping[str, float] | None], str]] = {
    "quantity": lambda a, b, r: _numeric_relation(a, b, a.value, b.value, 0.0) if a.unit == b.unit else "apart",
    "duration": _duration,
    "money": _money,
    "percent": lambda a, b, r: _numeric_relation(a, b, a.value, b.value, 0.005),
    "hours": _hours,
    "frequency": lambda a, b, r: _numeric_relation(a, b, a.value, b.value, 0.02),
    "date": _date,
}


def _topics_compatible(a: Slot, b: Slot, side_a: list[Slot], side_b: list[Slot], related: bool) -> tuple[bool, bool]:
    """(compatible, explicit): the same topic; or a topic-less slot whose statement names no other
    topic for that type, when the two statements share content words (``related``): a bare "within
    48 hours" is about whatever its sentence is about, so it must be shown to be the same thing."""
    if a.topic and b.topic:
        same = a.topic == b.topic or frozenset({a.topic, b.topic}) in _RELATED_TOPICS.get(a.type, ()) or (
            a.topic in b.topics and b.topic in a.topics)
        if same and a.topic in _WEAK_TOPICS and b.topic in _WEAK_TOPICS:
            return related, related
        return same, same
    if a.type == "quantity" or not related:
        return False, False
    lone_a = all(s.topic in ("", b.topic) for s in side_a)
    lone_b = all(s.topic in ("", a.topic) for s in side_b)
    return (lone_b if not b.topic else True) and (lone_a if not a.topic else True), False


@dataclass(frozen=True, slots=True)
class _Pair:
    a: Slot
    b: Slot
    relation: str  # same | differ | apart
    explicit: bool


@dataclass(frozen=True, slots=True)
class _PairReading:
    """What the slot rule and the slot features read from a pair, from one reading of each statement:
    ``agreed`` holds the ids of slots in ``slots_a`` and ``slots_b`` (which it keeps alive)."""
    slots_a: tuple[Slot, ...]
    slots_b: tuple[Slot, ...]
    pairs: tuple[_Pair, ...]
    scope_differs: bool
    agreed: frozenset[int]


def _read_pair(a_text: str, a_lang: str, b_text: str, b_lang: str,
               rates: Mapping[str, float] | None) -> _PairReading:
    if rates is None:  # the judge reads a pair twice (its features, then the rule): once is enough
        return _read_pair_without_rates(a_text, a_lang, b_text, b_lang)
    return _reading(a_text, a_lang, b_text, b_lang, rates)


@lru_cache(maxsize=1024)
def _read_pair_without_rates(a_text: str, a_lang: str, b_text: str, b_lang: str) -> _PairReading:
    return _reading(a_text, a_lang, b_text, b_lang, None)


def _reading(a_text: str, a_lang: str, b_text: str, b_lang: str, rates: Mapping[str, float] | None) -> _PairReading:
    ta, tb = _analyse(a_text, a_lang), _analyse(b_text, b_lang)
    pairs, scope_differs = _pairs(ta, tb, rates)
    return _PairReading(ta.slots, tb.slots, tuple(pairs), scope_differs, frozenset(_agreed(ta.slots, tb.slots, rates)))


def _pairs(ta: _Analysis, tb: _Analysis, rates: Mapping[str, float] | None) -> tuple[list[_Pair], bool]:
    """Every same-type, topic-compatible slot pair with its relation; and whether the scopes differ."""
    out: list[_Pair] = []
    related: bool | None = None
    shared_types = {s.type for s in ta.slots} & {s.type for s in tb.slots}
    for slot_type in (t for t in TYPES if t in shared_types):  # a fixed order: ties resolve the same way every run
        side_a = [s for s in ta.slots if s.type == slot_type]
        side_b = [s for s in tb.slots if s.type == slot_type]
        for x in side_a:
            for y in side_b:
                if related is None and (not (x.topic and y.topic) or x.topic in _WEAK_TOPICS):
                    related = same_subject(ta.content, tb.content)
                ok, explicit = _topics_compatible(x, y, side_a, side_b, bool(related))
                if ok:
                    out.append(_Pair(x, y, COMPARATORS[slot_type](x, y, rates), explicit))
    return out, scopes_differ(ta.scope, tb.scope)


# Where a statement applies (a market, a channel, a year, a named site): a statement that names none
# is taken to apply there too ("Free shipping over $75" on a US site covers "US orders"). Who or what
# it applies to (members, students, express tier, sale items, staff groups) is different: an unscoped
# statement is the general rule, the scoped one its exception ("members get 60 days").
_PLACE_DIMENSIONS = {"country": "market", "region": "market", "domestic": "market", "international": "market",
                     "in_store": "channel", "online": "channel", "year": "year", "site": "site", "contact": "contact",
                     "per": "per", "subregion": "subregion"}
# dimensions where sharing one term is enough to be the same case ("phone lines are closed on weekends;
# email us" is still about the phone line)
_OVERLAP_DIMENSIONS = frozenset({"contact", "per"})


def _dimension(term: str) -> str | None:
    if term == "tier:standard":  # the default tier: "free shipping" without a tier means standard shipping
        return "tier"
    return _PLACE_DIMENSIONS.get(term.split(":")[0])


def _with_implied(side: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """``side``'s scope, its implied groups ("implied:member" for a statement about points) counted
    only where ``other`` names that group."""
    implied = {t for t in side if t.startswith("implied:")}
    return (side - implied) | {t[len("implied:"):] for t in implied if t[len("implied:"):] in other}


def scopes_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two statements' scopes keep them from being about the same case."""
    a, b = (frozenset(t for t in side if not t.startswith("none:")) for side in (a, b))
    a, b = _with_implied(a, b), _with_implied(b, a)
    if a == b:
        return False
    for term in a ^ b:
        dim = _dimension(term)
        if dim is None:
            return True  # a group, tier or product only one side names
        if dim in _OVERLAP_DIMENSIONS and {t for t in a if _dimension(t) == dim} & {t for t in b
                                                                                 if _dimension(t) == dim}:
            continue  # both name this contact channel or unit, whatever else one of them names
        if any(_dimension(t) == dim for t in (b if term in a else a)):
            return True  # both name a market (or channel, year, site), and not the same one
    return False


def compare(a_text: str, a_lang: str, b_text: str, b_lang: str,
            rates: Mapping[str, float] | None = None) -> SlotConflict | None:
    """The strongest typed conflict between two statements, or None.

    ``rates`` maps ISO currency codes to US dollars (``{"KRW": 0.00072}``); without a rate, amounts
    in different currencies are not compared. With rates, amounts more than 15% apart conflict.
    """
    if a_text == b_text:
        return None
    read = _read_pair(a_text, a_lang, b_text, b_lang, rates)
    if read.scope_differs:
        return None
    if not read.pairs:
        return _free_vs_fee(a_text, a_lang, b_text, b_lang)
    best: SlotConflict | None = None
    for p in read.pairs:
        if p.relation != "differ" or id(p.a) in read.agreed or id(p.b) in read.agreed:
            continue  # a slot that agrees with some slot on the other side is matched, not contradicted
        business = (base_unit(p.a.unit) == "business_day", base_unit(p.b.unit) == "business_day")
        if business[0] != business[1] and not (p.explicit and p.a.topic == p.b.topic):
            continue  # business against calendar days, not both of one named slot: evidence for the model only
        score = min(0.97, _BASE_SCORE[p.a.type] + (0.05 if p.explicit else -0.1))
        if best is None or score > best.score:
            code = TYPE_CODES[p.a.type]
            best = SlotConflict(code, RULES[code].name, describe(p.a, p.b, rates), p.a, p.b, round(score, 4))
    return best


def _agreed(sa: Sequence[Slot], sb: Sequence[Slot], rates: Mapping[str, float] | None) -> set[int]:
    """Slots whose value the other statement also states, whatever topic it was given: in "30 days
    for everyone and 60 for members", the 60 matches a members-only "60 days". Hours match only in
    full: "daily until 9pm" agrees with "weekdays until 9pm" on weekdays, and says nothing of weekends."""
    out: set[int] = set()
    for x in sa:
        for y in sb:
            if x.type == "hours":
                if y.type == "hours" and as_schedule(x.value) == as_schedule(y.value):
                    out |= {id(x), id(y)}
            elif x.type == y.type and (x.value == y.value or COMPARATORS[x.type](x, y, rates) == "same"):
                out |= {id(x), id(y)}
    return out


# "free" / "no charge" and "a fee" / "costs": a free promise against an amount charged for the same thing
_FREE = re.compile(r"\bfree\b|no (?:extra )?(?:charge|cost|fee)s?\b|at no (?:extra )?cost|免费|免費|免運費|免运费|包邮|包郵|"
                   r"不(?:额外|額外|另外)?收(?:取)?(?:任何)?(?:费用|費用|费|費)|"
                   r"무료|مجان|لا توجد (?:أي )?رسوم|بدون (?:أي )?رسوم|دون (?:أي )?رسوم", re.IGNORECASE)
_FEE = re.compile(r"\bfees?\b|\bcharges?d?\b|\bcosts?\b|\bsurcharge|\bdeducted\b|\bpay\b|收取|收费|收費|加收|另收|费用|費用|"
                  r"服务费|服務費|手续费|手續費|运费|運費|"
                  r"부과|요금|비용|수수료|배송비|رسوم|تكلفة|يُخصم|يخصم|تُفرض|تفرض", re.IGNORECASE)
_FREE_SCORE = 0.8


def _free_vs_fee(a_text: str, a_lang: str, b_text: str, b_lang: str) -> SlotConflict | None:
    """One statement calls something free, the other charges an amount for it: "Size exchanges are
    always free" against "after that it's $4.95 per swap". Only when the free side names no amount
    (a threshold such as "free over $50" is the money rule's business) and both name the same topic."""
    for (ft, fl), (mt, ml) in (((a_text, a_lang), (b_text, b_lang)), ((b_text, b_lang), (a_text, a_lang))):
        fa, ma = _analyse(ft, fl), _analyse(mt, ml)
        if not _FREE.search(ft) or any(s.type == "money" for s in fa.slots) or scopes_differ(fa.scope, ma.scope):
            continue
        if not _FEE.search(mt) or _FREE.search(mt):
            continue
        free_topics = TOPICS.keys(normalise_digits(ft)) - _WEAK_TOPICS
        for slot in ma.slots:
            if slot.type == "money" and slot.qualifier in ("exact", "approx") and (
                    slot.topic in free_topics or not slot.topic and same_subject(fa.content, ma.content)):
                m = _FREE.search(ft)
                end = m.end()
                while end < len(ft) and ft[end].isalpha() and not ft[end].isascii():
                    end += 1  # the whole word: "مجاني", not "مجان"
                free_slot = Slot("money", (slot.value[0], 0.0), "exact", slot.topic, m.start(), end,
                                 ft[m.start():end], "")
                first, second = (free_slot, slot) if ft == a_text else (slot, free_slot)
                reason = f"{slot.topic.replace('_', ' ')} price: {first.text} vs {second.text}"
                return SlotConflict("C103", RULES["C103"].name, reason, first, second, _FREE_SCORE)
    return None


def slot_features(text_a: str, lang_a: str, text_b: str, lang_b: str) -> dict[str, float]:
    """Numeric features for the learned classifier; always the same keys."""
    read = _read_pair(text_a, lang_a, text_b, lang_b, None)
    sa, sb, pairs, scope_differs, agreed = read.slots_a, read.slots_b, read.pairs, read.scope_differs, read.agreed
    feats = {"any_a": float(bool(sa)), "any_b": float(bool(sb)),
             "same_type": float(bool({s.type for s in sa} & {s.type for s in sb})),
             "compatible": float(bool(pairs)), "equal": float(any(p.relation == "same" for p in pairs)),
             "differ": float(any(p.relation == "differ" and id(p.a) not in agreed and id(p.b) not in agreed
                                 for p in pairs)),
             "topic_match": float(any(p.explicit for p in pairs)), "scope_differ": float(scope_differs),
             "currency_mismatch": float(any(p.a.type == "money" and p.a.value[0] != p.b.value[0] for p in pairs)),
             "rel_diff": max((_relative_difference(p) for p in pairs), default=0.0)}
    feats.update({f"differ_{t}": float(any(p.relation == "differ" and p.a.type == t for p in pairs)) for t in TYPES})
    feats["values_differ"], feats["values_differ_open"] = map(float, _values_differ(sa, sb, agreed))
    return feats


def _values_differ(sa: Sequence[Slot], sb: Sequence[Slot], agreed: frozenset[int]) -> tuple[bool, bool]:
    """(any, open): some same-type values differ and neither is stated by the other side too (weak
    evidence, for the classifier and its gate); and such values whose clauses do not name only
    different topics ("refunds in 5 business days", "returns within 30 days" are two slots of one
    process, not one slot with two values)."""
    found = False
    for x in sa:
        for y in sb:
            if x.type == y.type and x.type != "quantity" and id(x) not in agreed and id(y) not in agreed \
                    and COMPARATORS[x.type](x, y, None) == "differ":
                found = True
                tx, ty = x.topics - _WEAK_TOPICS, y.topics - _WEAK_TOPICS  # "price" names no slot of its own
                if not (tx and ty and not (tx & ty)):
                    return True, True
    return found, False


def _relative_difference(p: _Pair) -> float:
    if p.relation != "differ":
        return 0.0
    if p.a.type in ("hours", "date") or (p.a.type == "money" and p.a.value[0] != p.b.value[0]):
        return 1.0
    ma, mb = sum(_interval(amount_of(p.a))) / 2, sum(_interval(amount_of(p.b))) / 2
    return abs(ma - mb) / max(abs(ma), abs(mb), 1e-9)
