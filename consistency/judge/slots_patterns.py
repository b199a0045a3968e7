"""Finders for typed values in English, Arabic, Chinese and Korean text: one finder per slot type.

Each finder takes text whose digits are already normalised (``numbers.normalise_digits``, so
offsets are offsets into the original) and yields ``Raw`` matches with normalised values:
durations in hours, money as (currency, amount), percentages as floats, frequencies as events
per year, dates as an int year or an ISO string. ``slots.py`` adds qualifiers and topics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from consistency.judge.lexicon import COUNTED, CURRENCY_AFTER, CURRENCY_BEFORE, TOPICS, Gated, Lexicon
from consistency.judge.numbers import EN_NUMBER_WORD, NUMBER, ar_alternation, ar_pattern, parse_number

_I = re.IGNORECASE
HOURS_PER = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "business_day": 24.0, "week": 168.0, "fortnight": 336.0,
             "month": 720.0, "year": 8760.0}


@dataclass(frozen=True, slots=True)
class Raw:
    """A typed value found in text, before qualifier and topic are read from its context."""

    type: str
    start: int
    end: int
    value: Any
    unit: str = ""
    qualifier: str = ""  # set when the pattern itself says ("by 2030" is a deadline); else read from context
    topic: str = ""  # set when the pattern knows (a counted noun; 折 is a discount)


def _num(text: str | None) -> float | None:
    return parse_number(text) if text else None


def _span(lo: float, hi: float | None) -> float | tuple[float, float]:
    return lo if hi is None or hi == lo else (min(lo, hi), max(lo, hi))


_RANGE = r"\s*(?:-|~|to|or|至|到|或|에서|إلى)\s*"

# --- durations ------------------------------------------------------------------------------
DURATION_UNITS = Lexicon({
    "business_day": [r"(?:business|working|work) days?", "أيام عمل", "يوم عمل", "أيام العمل", "工作日", "工作天", "營業日",
                     "营业日", "영업일", "근무일"],
    "minute": [r"minutes?|mins?", "دقيقة", "دقائق", "分钟", "分鐘", "분"],
    "hour": [r"hours?|hrs?|h", "ساعة", "ساعات", "小时", "小時", "钟头", "시간"],
    "day": [r"days?|nights?", "يوما", "يوم", "أيام", "ليلة", "ليال", "天", "日", "晚", "夜", "일"],  # a 100-night trial
    "week": [r"weeks?|wks?", "أسبوعا", "أسبوع", "أسابيع", "周", "週", "星期", "礼拜", "주일", "주"],
    "fortnight": [r"fortnights?"],
    "month": [r"months?|mos?", "شهرا", "شهر", "أشهر", "شهور", "月", "개월", "달"],
    "year": [r"years?|yrs?", "سنة", "سنوات", "سنين", "عاما", "عام", "أعوام", "年", "년", "해"],
})
# "between 2 and 5 days", "بين ٢ و٥ أيام": "and" joins the two ends of a range only after "between"
_BETWEEN_WORD = r"(?:\bbetween|بين)"
_BETWEEN = rf"{_BETWEEN_WORD}\s+(?P<b1>{NUMBER})\s*(?:and|و)\s*(?P<b2>{NUMBER})"
_DURATION = Gated(re.compile(rf"(?:{_BETWEEN}|(?P<n1>{NUMBER})(?:{_RANGE}(?P<n2>{NUMBER}))?)(?P<ahalf>\s+and\s+a\s+half)?"
                             r"\s?-?\s?(?P<cl>个|個)?(?P<zhhalf>半)?\s?"
                             r"(?:(?:full|whole|entire|clear|calendar)\s)?"  # "a full month", "30 calendar days"
                             rf"(?P<unit>{DURATION_UNITS.alternation})(?!년|차|말|岁|歲)", _I))  # 18周岁 is an age
# "أسبوعًا كاملًا" (a whole week): the accusative unit alone is one of it, unless a number counts it
_NUMBER_JUST_BEFORE = re.compile(rf"(?:{NUMBER})\s*$")
_WORK_WEEK_AFTER = re.compile(r"[- ](?:(?:working|work)[- ])?weeks?\b", re.IGNORECASE)  # "a four-day week" is a work pattern
_AR_WHOLE = re.compile("(?P<u>" + "|".join(f"(?P<{k}>{ar_pattern(w)})" for k, w in
                                           (("day", "يوما"), ("week", "أسبوعا"), ("month", "شهرا"), ("year", "عاما")))
                       + r")\s+" + ar_pattern("كاملا") + r"(?![\u0621-\u064a])")
_AR_DUAL = Lexicon({"day": ["يومين", "يومان"], "week": ["أسبوعين", "أسبوعان"], "month": ["شهرين", "شهران"],
                    "year": ["سنتين", "سنتان", "عامين", "عامان"], "hour": ["ساعتين", "ساعتان"],
                    "minute": ["دقيقتين"]})
# the construct dual drops its nun: "خلال يومَي عمل" (within two working days)
_AR_DUAL_WORKDAYS = re.compile(ar_pattern("يومي") + r"\s+(?:" + ar_pattern("عمل") + "|" + ar_pattern("العمل") + ")")
_AR_SINGLE = re.compile("(?:" + ar_alternation(("خلال", "في غضون", "لمدة", "مدة")) + r")\s+(?P<u>"
                        + "|".join(f"(?P<{k}>{ar_pattern(w)})" for k, w in
                                   (("day", "يوم"), ("week", "أسبوع"), ("month", "شهر"), ("year", "سنة"),
                                    ("year2", "عام"), ("hour", "ساعة"))) + r")(?![\u0600-\u064a])")
# Periods said in words: "immediately" is no wait at all, "same day" within a day, "next business day" one.
_WORD_PERIODS = re.compile(
    r"(?P<now>\b(?:immediately|instantly|right away)\b|立即|立刻|即时|即時|即刻|马上|馬上|当场|當場|즉시|فورًا|فورا|على الفور)"
    r"|(?P<same>\bsame[- ]day\b|当日|當日|当天|當天|당일|في (?:نفس اليوم|اليوم نفسه))"
    r"|(?P<next_bd>\bnext (?:business|working) day\b|次一?工作日|다음 영업일|익영업일|يوم العمل التالي)"
    r"|(?P<next>\bnext day\b|次日|隔日|翌日|익일|다음 ?날|اليوم التالي)", re.IGNORECASE)
_WORD_PERIOD_VALUES = {"now": (0.0, "hour"), "same": (24.0, "day"), "next_bd": (24.0, "business_day"),
                       "next": (48.0, "day")}
# A lead time: how long before something ("60 days before it reaches your bill", "30 days' notice",
# "하루 전까지", "قبل ٣ أيام"). It is a duration of its own kind ("lead_day"): it compares
# only with another lead time.
# A booking horizon ("book up to 14 days ahead", "提前十四天") stays a period: it meets "within the next 30 days".
_LEAD_AFTER = re.compile(r"\s*(?:before|prior to|ahead of)\b|['’]s?\s+(?:advance\s+)?notice\b|\s+notice\b|"
                         r"\s?(?:之前|以前)|\s?전(?:까지|에)|\s+(?:من\s+)?قبل\b", re.IGNORECASE)
# "试用到期前一天" (the day before the trial ends): 前 after an event; "前三个月" (the first three months) is a period
_LEAD_BEFORE = re.compile(r"(?:notice of|قبل)\s?(?:at least\s+)?$|(?:到期|结束|結束|截止|送达|送達|到达|到達|送货|送貨|配送|发货|"
                          r"發貨|生效|扣款|续费|續費|续订|續訂)前\s?(?:的\s?)?$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:عمر[\u0621-\u064a]*|بلغ|أتم)\s+(?:[\u0621-\u064a]+\s+){0,3}$")
_OLD_AFTER = re.compile(r"\s*(?:old\b|of age\b)", re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s?(?:ago\b|전(?![가-힣]))", re.IGNORECASE)
_AGO_BEFORE = re.compile(r"(?:قبل|منذ)\s+$")
# "you have 10 nights left", "还剩3天", "3일 남았어요", "بقي ٣ أيام": a countdown to a deadline, not a period of the policy
_LEFT_AFTER = re.compile(r"\s?(?:left|remaining|to go)\b|\s?(?:이\s?)?남(?:았|은|아)|\s?(?:متبقية|متبقي|باقية)"
                         r"(?![\u0621-\u064a])", re.IGNORECASE)
_LEFT_BEFORE = re.compile(r"(?:还剩|還剩|仅剩|僅剩|只剩|剩下|剩余|剩餘)\s?$|(?:بقي|بقيت|تبقى|يتبقى)\s+(?:لك\s+|لديك\s+)?$")
# "Dev has driven our delivery route for six years", "we've been roasting for 20 years", "二十年来", "20년째":
# how long something has gone on (a history), not a period the brand promises
_HISTORY_BEFORE = re.compile(r"(?:\bwe(?:'ve|\s+have)|\bhas|\bhave\s+been)\b[^.;:!?]{0,50}\bfor\s+(?:over\s+|more\s+than\s+|"
                             r"almost\s+|nearly\s+|the\s+(?:past|last)\s+)?$", re.IGNORECASE)
_HISTORY_AFTER = re.compile(r"(?:以来|来)(?![回看])|째")
_KO_DAY_WORDS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9,
                 "열흘": 10, "보름": 15}
_KO_DAYS = re.compile(r"(?<![가-힣])(?:(?P<d>" + "|".join(_KO_DAY_WORDS) + r")|(?P<w>일주일))")


_EACH_MONTH_BEFORE = re.compile(r"(?:매달|매월|매 달|每月|每個月|每个月)\s?$")
_CLAUSE_END = re.compile(r"[.,;:!?]")
_NUMBER_IN = re.compile(rf"\d|\b(?:{EN_NUMBER_WORD})\b", re.IGNORECASE)
# the word before "a"/"an" that makes "a year" a period ("within a year", "for a year", "takes a day")
_PERIOD_BEFORE = frozenset("within in for to under over of after than about around nearly almost least most or and "
                           "takes take took lasts last just only by before from".split())


def _is_rate(text: str, start: int) -> bool:
    """"two volunteering days a year", "40 hours of training a year": "a year" after a counted thing, with
    no preposition before it, is what the count is per. Right after an amount ("$29 a month") it stays:
    the price and its period are read together."""
    clause = _CLAUSE_END.split(text[max(0, start - 48):start])[-1]
    words = clause.split()
    return (bool(words) and words[-1].lower() not in _PERIOD_BEFORE and not _NUMBER_IN.search(words[-1])
            and bool(_NUMBER_IN.search(clause)))


def base_unit(unit: str) -> str:
    """"day" for "lead_day": the unit a lead time is counted in."""
    return unit.removeprefix("lead_")


def _is_lead(text: str, start: int, end: int) -> bool:
    return bool(_LEAD_AFTER.match(text, end) or _LEAD_BEFORE.search(text, 0, start))


# Between the two ends of a range that names its unit twice: "2일에서 5일", "2天到5天", "2 days to 5 days"
_RANGE_JOIN = re.compile(r"\s*(?:-|–|~|to|through|至|到|에서|부터|إلى|الى)\s*", _I)
# "between $20 and $40", "بين ٢٠ دولارًا و٤٠ دولارًا": "and" joins two values only after "between"
_BETWEEN_AND = re.compile(r"\s*(?:and|و)\s*", _I)
_BETWEEN_BEFORE = re.compile(rf"{_BETWEEN_WORD}\s+$", _I)


def amount_of(value: Any) -> Any:
    """The number (or (low, high) range) of a ``Raw`` or a ``Slot``: money's amount without its currency."""
    return value.value[1] if value.type == "money" else value.value


def _range_key(raw: Raw) -> tuple[Any, ...]:
    """What two values must share to be the two ends of one range: the unit, the currency, the counted noun."""
    return (raw.type, raw.unit, raw.topic, raw.value[0] if raw.type == "money" else "")


def _ranges_joined(text: str, raws: list[Raw]) -> list[Raw]:
    """``raws`` in text order, two values of one kind joined by a range word ("2 days to 5 days",
    "$20 to $40", "20元至40元", "between 10% and 20%") read as one range."""
    out: list[Raw] = []
    for raw in sorted(raws, key=lambda r: r.start):
        prev = out[-1] if out else None
        if (prev is not None and _range_key(prev) == _range_key(raw) and not prev.qualifier and not raw.qualifier
                and not isinstance(amount_of(prev), tuple) and not isinstance(amount_of(raw), tuple)
                and (_RANGE_JOIN.fullmatch(text, prev.end, raw.start) or (
                    _BETWEEN_AND.fullmatch(text, prev.end, raw.start)
                    and _BETWEEN_BEFORE.search(text, max(0, prev.start - 12), prev.start)))):
            span = _span(amount_of(prev), amount_of(raw))
            out[-1] = Raw(raw.type, prev.start, raw.end, (raw.value[0], span) if raw.type == "money" else span,
                          raw.unit, topic=raw.topic)
        else:
            out.append(raw)
    return out


_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b|半(?![价價折额額数數])|\s?반(?![가-힣])|\s+و\s?نصف(?![\u0621-\u064a])",
                         re.IGNORECASE)


def _with_halves(text: str, raws: list[Raw]) -> list[Raw]:
    """A single period followed by "and a half" (半, 반, ونصف) is half a unit longer."""
    out = []
    for raw in raws:
        m = _HALF_AFTER.match(text, raw.end)
        if m and not isinstance(raw.value, tuple):
            raw = Raw(raw.type, raw.start, m.end(), raw.value + 0.5 * HOURS_PER[raw.unit], raw.unit, raw.qualifier, raw.topic)
        out.append(raw)
    return out


def find_durations(text: str) -> Iterator[Raw]:
    for raw in _ranges_joined(text, _with_halves(text, list(_durations(text)))):
        if _is_lead(text, raw.start, raw.end) and raw.qualifier != "max":  # "same day" is a period, not a lead
            raw = Raw(raw.type, raw.start, raw.end, raw.value, "lead_" + raw.unit, raw.qualifier, raw.topic)
        yield raw


def _durations(text: str) -> Iterator[Raw]:
    for m in _DURATION.finditer(text) if DURATION_UNITS.find(text) else ():
        unit = DURATION_UNITS.key(m.group("unit")) or ""
        n1 = m.group("n1") or m.group("b1")
        lo, hi = _num(n1), _num(m.group("n2") or m.group("b2"))
        before = text[max(0, m.start() - 3):m.start()]
        if lo is None or (unit == "year" and lo >= 1900) or (m.group("unit") == "月" and not m.group("cl")):
            continue  # "2030年" is a date, "三月" is March
        if m.group("unit") in ("日", "일") and (re.search(r"[月월]\s?$", before) or _EACH_MONTH_BEFORE.search(
                text, max(0, m.start() - 6), m.start())):
            continue  # "6月30日", "매달 25일까지" are days of the month
        if unit == "minute" and m.group("unit") == "분" and (not re.match(r"\d", n1)
                                                            or text.startswith("의", m.end())):
            continue  # "한 분" is one person, "4분의 1" a quarter
        if _AGO_AFTER.match(text, m.end()) or _AGO_BEFORE.search(text, 0, m.start()):
            continue  # "five years ago" dates an event; it states no period
        if _LEFT_AFTER.match(text, m.end()) or _LEFT_BEFORE.search(text, 0, m.start()):
            continue  # a countdown
        if _HISTORY_AFTER.match(text, m.end()) or _HISTORY_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            continue  # a history
        if unit == "year" and (_OLD_AFTER.match(text, m.end()) or _AGE_BEFORE.search(text, 0, m.start())):
            continue  # "13 years old", "يجب ألا يقل عمرك عن ١٨ عامًا" are ages
        if text[max(0, m.start() - 1):m.start()] == "第":
            continue  # "第二天" is the next day, not two days
        if n1.lower() in ("a", "an") and _is_rate(text, m.start()):
            continue
        if unit == "day" and "-" in m.group(0) and _WORK_WEEK_AFTER.match(text, m.end()):
            continue
        if (m.group("ahalf") or m.group("zhhalf")) and hi is None:
            lo += 0.5  # "one and a half days", "一个半小时"
        yield Raw("duration", m.start(), m.end(), _span(lo * HOURS_PER[unit], None if hi is None else
                                                        hi * HOURS_PER[unit]), unit)
    for m in _AR_DUAL_WORKDAYS.finditer(text):
        yield Raw("duration", m.start(), m.end(), 2 * HOURS_PER["business_day"], "business_day")
    for start, end, unit in _AR_DUAL.find(text):
        yield Raw("duration", start, end, 2 * HOURS_PER[unit], unit)
    for m in _AR_SINGLE.finditer(text):
        unit = next(k for k in ("day", "week", "month", "year", "year2", "hour") if m.group(k)).rstrip("2")
        yield Raw("duration", m.start("u"), m.end("u"), HOURS_PER[unit], unit)
    for m in _AR_WHOLE.finditer(text):
        if not _NUMBER_JUST_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            unit = next(k for k in ("day", "week", "month", "year") if m.group(k))
            yield Raw("duration", m.start(), m.end(), HOURS_PER[unit], unit)
    for m in _WORD_PERIODS.finditer(text):
        for kind in ("now", "same", "next_bd", "next"):
            if m.group(kind):
                hours, unit = _WORD_PERIOD_VALUES[kind]
                yield Raw("duration", m.start(), m.end(), hours, unit, qualifier="max")
    for m in _KO_DAYS.finditer(text):
        if m.group("d"):
            yield Raw("duration", m.start(), m.end(), 24.0 * _KO_DAY_WORDS[m.group("d")], "day")
        else:
            yield Raw("duration", m.start(), m.end(), HOURS_PER["week"], "week")


# --- money ----------------------------------------------------------------------------------
_MAGNITUDE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_AMOUNT = r"\d+(?:[,.]\d+)*(?:[万萬만천])?"
_MAG = r"(?:\s?(?P<{}>k|m|bn|thousand|million|billion)(?![A-Za-z]))?"
# "$20-40", "$1-2 million": a range that names its currency once, before the first end
_MONEY_BEFORE = Gated(re.compile(rf"(?P<cur>{CURRENCY_BEFORE.alternation})\s?(?P<n1>{_AMOUNT}){_MAG.format('mag')}"
                                 rf"(?:\s?(?:-|–|~|to)\s?(?P<n2>{_AMOUNT}){_MAG.format('mag2')}(?![.,]?\d|\s?%))?", _I))
# "20-40元", "2만~4만 원", "between 20 and 40 dollars", "بين ٢٠ و٤٠ دولارًا": a range that names it after the last
_MONEY_AFTER = Gated(re.compile(rf"(?:(?P<btw>{_BETWEEN_WORD}\s+)?(?P<n0>{NUMBER})\s*"
                                rf"(?(btw)(?:and|و)|(?:-|–|~|～|\bto\b|至|到|에서))\s*(?!an?\b))?"
                                rf"(?P<n1>{NUMBER})\s?(?P<cur>{CURRENCY_AFTER.alternation})", _I))
_MONEY_AFTER_ONE = re.compile(rf"(?P<n1>{NUMBER})\s?(?P<cur>{CURRENCY_AFTER.alternation})", _I)  # no range
_MONEY_ZH_MAN = re.compile(r"(?P<q>满|滿)\s?(?P<n1>\d+)(?=\s?(?:包邮|包郵|免运费|免運費|减|減|可|即))")
_HAN = re.compile(r"[\u4e00-\u9fff]")


_AR_WORD_END = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652اتة")
_AR_DUAL_CURRENCY = {"ريا": "SAR", "دره": "AED", "دول": "USD", "جني": "EGP"}
_AR_MONEY_DUAL = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ريالين|ريالان|درهمين|درهمان|دولارين|دولاران|جنيهين|جنيهان)"
                            r"(?![\u0621-\u064a])")


def find_money(text: str, lang: str) -> Iterator[Raw]:
    yield from _ranges_joined(text, list(_money(text, lang)))


def _magnitude(m: re.Match[str], group: str) -> float:
    return _MAGNITUDE.get((m.group(group) or "").lower(), 1.0)


def _money(text: str, lang: str) -> Iterator[Raw]:
    for m in _MONEY_BEFORE.finditer(text) if CURRENCY_BEFORE.find(text) else ():
        amount, hi = _num(m.group("n1")), _num(m.group("n2"))
        cur = CURRENCY_BEFORE.key(m.group("cur"))
        if amount is None or cur is None:
            continue
        if m.group("cur") in ("¥", "￥") and lang != "zh" and not _HAN.search(text):
            cur = "JPY"
        if hi is not None:
            hi *= _magnitude(m, "mag2")
            if not m.group("mag") and m.group("mag2") and amount * _magnitude(m, "mag2") <= hi:
                amount *= _magnitude(m, "mag2")  # "$1-2 million": both ends in millions
        amount *= _magnitude(m, "mag")
        if hi is not None and hi > amount:
            yield Raw("money", m.start(), m.end(), (cur, (amount, hi)))
        else:
            yield Raw("money", m.start(), m.end("n1") if not m.group("mag") else m.end("mag"), (cur, amount))
    for m in _MONEY_AFTER.finditer(text) if CURRENCY_AFTER.find(text) else ():
        lo = _num(m.group("n0"))
        if m.group("n0") and not (lo is not None and lo < (_num(m.group("n1")) or 0)
                                  and m.group("n0").lower() not in ("a", "an")):
            m = _MONEY_AFTER_ONE.match(text, m.start()) or _MONEY_AFTER_ONE.match(text, m.start("n1"))
            lo = None  # no range: "twenty-nine dollars" is one amount
        amount, cur = _num(m.group("n1")), CURRENCY_AFTER.key(m.group("cur"))
        if amount is None or cur is None or m.group("n1").lower() in ("a", "an"):
            continue
        if m.group("cur") != "块" or m.group("n1")[0].isdigit():  # "一块" is "together"
            end = m.end()
            while end < len(text) and text[end] in _AR_WORD_END:
                end += 1  # the whole word: "ريالًا", "دينارًا", not "ريالً"
            yield Raw("money", m.start(), end, (cur, amount if lo is None else (lo, amount)))
    for m in _AR_MONEY_DUAL.finditer(text):  # "ريالين": two riyals
        yield Raw("money", m.start(), m.end(), (_AR_DUAL_CURRENCY[m.group(0).lstrip("وبل")[:3]], 2.0))
    for m in _MONEY_ZH_MAN.finditer(text):
        yield Raw("money", m.start(), m.end(), ("CNY", float(m.group("n1"))), qualifier="min", topic="shipping")


# --- percentages ----------------------------------------------------------------------------
_PERCENT_WORDS = (r"%|percent|per\s?cent|pct|퍼센트|프로|"
                  + ar_alternation(("بالمئة", "بالمائة", "في المئة", "في المائة")))
_PERCENT = re.compile(rf"(?P<n1>{NUMBER})(?:{_RANGE}(?P<n2>{NUMBER})\s?%?)?\s?(?:{_PERCENT_WORDS})", _I)
_PERCENT_BEFORE = re.compile(r"(?<![\w%])%\s?(?P<n1>\d+(?:\.\d+)?)(?![\d%])")
_PERCENT_ZH = re.compile(rf"百分之(?P<n1>{NUMBER})")
_PERCENT_GATE = re.compile(r"%|per\s?cent|pct|퍼센트|프로|百分之|الم[ئا]+[ةه]", _I)
_ZHE = re.compile(r"(?:打\s?)?(?P<n1>\d(?:\.\d)?|\d{2}|[一二三四五六七八九]{1,2})\s?折(?!扣)")


# "half of our materials", "减少一半", "절반", "نصف"; "四成" is four tenths
_HALF = re.compile(r"(?<!and a )\bhalf\b(?!\s*(?:price|off|an hour|a day|hour|day|year|term|times|past))|一半|半数|절반|(?<![\u0621-\u064a])"
                   r"[وب]?(?:ال)?نصف(?![\u0621-\u064a])", re.IGNORECASE)
_TENTHS = re.compile(r"(?P<n1>[一二三四五六七八九两兩]|\d)\s?成(?![为為本功立员員果长長熟交年人])")


# "ساعة ونصف", "نقطة ونصف عن كل دولار": "and a half" after a count, no share (a share names what it halves)
_AR_AND_HALF_AFTER = re.compile(r"\s*(?:$|[.,،؛!؟:)]|(?:عن|في|من|على|لكل|خلال|فقط)(?![\u0621-\u064a]))")


def find_percentages(text: str) -> Iterator[Raw]:
    yield from _ranges_joined(text, list(_percentages(text)))


def _percentages(text: str) -> Iterator[Raw]:
    for m in _HALF.finditer(text):
        if m.group(0).startswith("ونصف") and _AR_AND_HALF_AFTER.match(text, m.end()):
            continue
        yield Raw("percent", m.start(), m.end(), 50.0)
    for m in _TENTHS.finditer(text):
        n = _num(m.group("n1"))
        if n:
            yield Raw("percent", m.start(), m.end(), n * 10.0)
    for rx in (_PERCENT, _PERCENT_BEFORE, _PERCENT_ZH) if _PERCENT_GATE.search(text) else ():
        for m in rx.finditer(text):
            lo = _num(m.group("n1"))
            hi = _num(m.groupdict().get("n2"))
            if lo is not None and m.group("n1").lower() not in ("a", "an"):
                yield Raw("percent", m.start(), m.end(), _span(lo, hi))
    for m in _ZHE.finditer(text) if "折" in text else ():  # 7折 = pay 70% = 30% off
        n = _num(m.group("n1"))
        if n:
            yield Raw("percent", m.start(), m.end(), round(100 - (n * 10 if n < 10 else n), 4), topic="discount")


# --- frequencies (events per year) ------------------------------------------------------------
FREQ_UNITS = Lexicon({
    "1": [r"years?|annum", "سنوات", "سنة", "السنة", "أعوام", "عام", "العام", "年", "년", "연", "해"],
    "4": [r"quarters?", "季度", "季", "분기"],
    "12": [r"months?", "أشهر", "شهور", "شهر", "الشهر", "个月", "個月", "月", "개월", "달", "월"],
    "52": [r"weeks?", "أسابيع", "أسبوع", "الأسبوع", "周", "週", "星期", "일주일", "주일", "주"],
    "365": [r"days?", "أيام", "يوم", "اليوم", "天", "日", "일"],
})
_TIMES = {"once": 1, "twice": 2, "thrice": 3, "مرة": 1, "مرتين": 2, "مرتان": 2}
_U = FREQ_UNITS.alternation
_SENT = r"e-?mails?|newsletters?|messages?|posts?|updates?|texts?|notifications?|reports?|audits?|issues?"
_EVERY_N = Gated(re.compile(
    rf"\bevery\s+(?:(?P<other>other)|(?P<n1>{NUMBER})(?:\s+(?:or|to)\s+(?P<n1b>{NUMBER})|\s?-\s?(?P<n1c>{NUMBER}))?)\s+(?P<u1>{_U})|每(?P<skip>隔)?\s?(?P<n2>{NUMBER})\s?(?:个|個)?(?P<u2>{_U})"
    rf"|(?P<n3>{NUMBER})\s?(?P<u3>{_U})\s?(?:마다|에\s?한\s?번|에\s?1\s?회)|كل\s+(?P<n4>{NUMBER})\s+(?P<u4>{_U})", _I))
_N_TIMES = Gated(re.compile(
    rf"(?P<t1>once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|per|each|every)\s+(?P<u1>{_U})"
    rf"|(?:每|一)(?:个|個)?(?P<u2>{_U})\s?(?P<t2>{NUMBER})\s?次"
    rf"|(?:(?:1|일|한)\s?)?(?P<u3>{_U})\s?(?:에\s?)?(?:최대\s?|최소\s?)?(?P<t3>{NUMBER})\s?(?:회|번|차례)"
    rf"|(?P<t4>مرة|مرتين|مرتان|(?:{NUMBER})\s+مرات)\s+(?:واحدة\s+)?(?:في|كل)\s+(?P<u4>{_U})"
    rf"|(?P<t5>{NUMBER})\s+(?:{_SENT})\s+(?:a|per|each|every)\s+(?P<u5>{_U})", _I))
_KO_EVERY_DAYS = re.compile(r"(?<![가-힣])(?P<d>이틀|사흘|나흘|닷새|엿새|열흘|보름)에\s?(?:한\s?번|1\s?회|한\s?차례)")
_EVERY_GATE = re.compile(r"every|每|마다|에\s?(?:한|1)|كل", _I)
_TIMES_GATE = re.compile(rf"once|twice|thrice|times|次|회|번|차례|مر[ةت]|(?:{_SENT})\s+(?:a|per|each|every)\s", _I)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_AR_WEEKDAYS = ("اثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت", "أحد")
FREQ_WORDS = Lexicon({
    "1": [r"annual(?:ly)?|yearly|every year|each year|per annum", "سنويًا", "سنويا", "كل عام", "كل سنة", "السنوي",
          "السنوية", "每年", "每一年", "年年", "年度报告", "年度報告", "매년", "매해", "해마다", "연례", "연간 보고서"],
    "0.5": [r"biennial(?:ly)?", "كل سنتين", "كل عامين", "격년"],
    "2": [r"semi-?annual(?:ly)?|bi-?annual(?:ly)?|twice-yearly|half-yearly", "نصف سنوي", "نصف سنوية", "每半年",
          "반기마다", "반기별"],
    "4": [r"quarterly|every quarter", "ربع سنوي", "ربع سنوية", "每季度", "每季", "每个季度", "매 분기", "분기마다",
          "분기별"],
    "12": [r"monthly|every month|each month", "شهريًا", "شهريا", "كل شهر", "الشهري", "الشهرية", "每月", "每个月",
           "每個月", "매월", "매달", "다달이"],
    "26": [r"fortnightly|bi-?weekly|every two weeks|(?:every|each) fortnight|every other " + _WEEKDAY, "كل أسبوعين",
           "격주"],
    # "every Wednesday", "كل أربعاء": once a week (每周三 and 매주 수요일 say 每周 and 매주)
    "52": [r"weekly|every week|each week|(?:every|each) " + _WEEKDAY, "أسبوعيًا", "أسبوعيا", "كل أسبوع", "الأسبوعي",
           "每周", "每週", "每星期", "每个星期", "매주", "주마다",
           *(f"كل {day}{d}" for d in _AR_WEEKDAYS for day in ("", "يوم ", "يوم ال"))],
    "260": [r"every (?:working day|weekday|business day)", "每个工作日", "每個工作日", "평일마다", "매 평일",
            "كل يوم عمل"],
    "365": [r"daily|every day|each day", "يوميًا", "يوميا", "كل يوم", "每天", "每日", "天天", "매일", "날마다"],
})


def _times(text: str) -> float | None:
    word = re.sub(r"\s*(?:times|مرات)$", "", text.strip(), flags=_I)
    return float(_TIMES[word.lower()]) if word.lower() in _TIMES else _num(word)


def find_frequencies(text: str) -> Iterator[Raw]:
    for m in _EVERY_N.finditer(text) if _EVERY_GATE.search(text) else ():
        i = next(i for i in "1234" if m.group(f"u{i}"))
        n = 2.0 if i == "1" and m.group("other") else _num(m.group(f"n{i}"))
        if i == "2" and m.group("skip") and n:
            n += 1  # "每隔一周": one week left out between, every other week
        n_hi = _num(m.group("n1b") or m.group("n1c")) if i == "1" else None  # "every two or three years"
        per = FREQ_UNITS.key(m.group(f"u{i}"))
        if n and per:
            value = round(float(per) / n, 6)
            yield Raw("frequency", m.start(), m.end(), _span(round(float(per) / n_hi, 6), value) if n_hi else value)
    for m in _KO_EVERY_DAYS.finditer(text):  # "이틀에 한 번씩": once every two days
        yield Raw("frequency", m.start(), m.end(), round(365.0 / _KO_DAY_WORDS[m.group("d")], 6))
    for m in _N_TIMES.finditer(text) if _TIMES_GATE.search(text) else ():
        i = next(i for i in "12345" if m.group(f"u{i}"))
        n, per = _times(m.group(f"t{i}")), FREQ_UNITS.key(m.group(f"u{i}"))
        if n and per:
            yield Raw("frequency", m.start(), m.end(), n * float(per))
    for start, end, key in FREQ_WORDS.find(text):
        yield Raw("frequency", start, end, float(key))


# --- dates and target years -------------------------------------------------------------------
DATE_PREPS = Lexicon({
    "max": [r"by|before|until|till|through|no later than|(?:by )?the end of|end of", "بحلول", "قبل", "حتى",
            "بنهاية", "في موعد أقصاه", "مع حلول", "到", "至", "截至", "截止"],
    "min": [r"since|from|starting(?: in| from)?|as of|beginning in", "منذ", "ابتداءً من", "اعتبارًا من", "من", "自",
            "从", "從"],
    "exact": [r"in|during|for", "في", "于", "於", "在"],
})
_DATE_POST = {"max": ("前", "之前", "以前", "底前", "까지", "이전", "전", "말까지"),
              "min": ("이후", "부터", "起", "以来", "以來", "开始", "開始")}
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_Y = r"(?P<y>(?:19|20|21)\d{2})"
_YEAR = _Y + r"(?!\d)"
_PREP = rf"(?P<prep>{DATE_PREPS.alternation})\s+(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+)?"
_AR_YEAR_WORD = ar_alternation(("عام", "العام", "سنة"))  # "عام 2030", "بحلول العام 2030"
_CJK_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_CJK_DAY = r"[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CJK_POST = r"(?P<post>\s?(?:底前|之前|以前|以来|以來|开始|開始|말까지|까지|이전|이후|부터|前|起|전))?"  # forms of _DATE_POST
_DATES = [
    re.compile(rf"(?:{_PREP})?(?<!\d){_Y}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)", _I),
    re.compile(rf"(?:{_PREP})?\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", _I),
    re.compile(rf"(?:{_PREP})?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\s+{_YEAR}", _I),
    re.compile(rf"(?:{_PREP})?\b{_MON}\s+{_YEAR}", _I),
    re.compile(rf"(?:(?P<prep>{DATE_PREPS.alternation})\s?)?(?P<y>(?:19|20|21)\d{{2}}|[〇零一二三四五六七八九]{{4}})"
               rf"\s?[年년](?:\s?(?P<m>{_CJK_MONTH})\s?[月월](?:\s?(?P<d>{_CJK_DAY})\s?[日号號일])?)?{_CJK_POST}", _I),
    re.compile(rf"(?:{_PREP}|(?P<ar>{_AR_YEAR_WORD})\s+)(?:(?:{_AR_YEAR_WORD})\s+)?{_YEAR}", _I),
]


_CURRENCY_NEXT = re.compile(rf"\s?(?:{CURRENCY_AFTER.alternation})", _I)
_DATE_GATE = re.compile(r"(?:19|20|21)\d\d|[〇零一二三四五六七八九]{4}")

# Days of the month without a year ("until 31 December", "12月8日前", "11월 30일까지", "٣٠ يونيو"): the
# value is ISO 8601's year-less "--MM-DD". Such dates compare only by month and day, and a start
# against an end never conflicts (a season may cross the new year: "from November 1 until January 31").
_AR_MONTHS = {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
              "يوليو": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
_AR_MON = "|".join(f"(?P<ar{i}>{ar_pattern(w)})" for i, w in enumerate(_AR_MONTHS))
_NO_YEAR_AFTER = r"(?!\s*,?\s*(?:of\s+)?(?:19|20|21)\d{2})(?!\s?(?:[:\d%]|[ap]\.?m\b))"
_DAYS_OF_MONTH = [
    re.compile(rf"(?:{_PREP})?\b{_MON}\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b{_NO_YEAR_AFTER}", _I),
    re.compile(rf"(?:{_PREP})?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b{_NO_YEAR_AFTER}", _I),
    re.compile(rf"(?:(?P<prep>{DATE_PREPS.alternation})\s?(?:今年|明年|올해|내년)?\s?)?(?<![\d十一二三四五六七八九])"
               rf"(?P<m>{_CJK_MONTH})\s?[月월]\s?(?P<d>{_CJK_DAY})\s?[日号號일]{_CJK_POST}", _I),
    re.compile(rf"(?:(?P<prep>{DATE_PREPS.alternation})\s+)?(?<![\d\u0621-\u064a])(?P<d>[12]\d|3[01]|0?[1-9])\s+"
               rf"(?:{_AR_MON})(?![\u0621-\u064a])", _I),
]
_DAY_OF_MONTH_GATE = re.compile(r"[月월]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                                + ar_alternation(_AR_MONTHS), _I)
_AR_MONTHS_BY_INDEX = list(_AR_MONTHS.values())
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# a date's role when no preposition says it: "the offer ends on 31 October", "bookings open 1 November"
_END_BEFORE = re.compile(r"(?:\bends?|\bclos(?:e|es|ing)|\bexpir(?:e|es|y)|\bwraps? up|\blast (?:day|orders?|call)\b"
                         r"[^.!?]{0,40}|\bdeadline\b[^.!?]{0,20}|\bcut-?off\b[^.!?]{0,20}|截止|结束于|마감(?:은|일은|일)?|"
                         r"(?:تنتهي|ينتهي|آخر موعد|الموعد النهائي)[^.!؟]{0,24})"
                         r"\W*(?:on|is|于|於)?\s*(?:(?:this|next)\s+)?(?:\w+day,?\s+)?(?:the\s+)?$", _I)
_START_BEFORE = re.compile(r"(?:\bstarts?|\bbegins?|\bopens?|\blaunch(?:es)?|\bkicks? off|\bcomes? into (?:force|effect)|"
                           r"\btakes? effect|تبدأ|يبدأ)(?:\s+\w+){0,3}?\s+(?:on\s+|في\s+)?(?:the\s+)?$", _I)
_RANGE_END_BEFORE = re.compile(r"(?:\bto|–|-|~|至|到|إلى)\s*$", _I)  # "9 May to 3 June": the range's end
_END_AFTER = re.compile(r"^\s?(?:에\s?)?(?:마감|종료|终止|截止|结束|結束)")
_START_AFTER = re.compile(r"^\s?(?:에\s?)?(?:시작|开始|開始|开放|開放|起)")


def _stated_qualifier(groups: dict[str, str | None]) -> str:
    """The qualifier a date's own words give: a particle after it ("前", "까지", "起"), else the preposition
    before it ("by", "since", "in"); "" when neither says."""
    post = (groups.get("post") or "").strip()
    qualifier = next((q for q, forms in _DATE_POST.items() if post in forms), "") if post else ""
    if not qualifier and groups.get("prep"):
        qualifier = DATE_PREPS.key(groups["prep"]) or ""
    return qualifier


def _day_of_month(m: re.Match[str], text: str) -> Raw | None:
    groups = m.groupdict()
    if groups.get("mon"):
        if groups["mon"].lower() == "may" and not groups["mon"][0].isupper():
            return None  # "you may 2..." is a modal; the month is capitalised
        month: float | None = _MONTHS[groups["mon"][:3].lower()]
    elif groups.get("m"):
        month = _num(groups["m"])
    else:
        month = next(_AR_MONTHS_BY_INDEX[i] for i in range(len(_AR_MONTHS)) if groups.get(f"ar{i}"))
    day = _num(groups["d"])
    if not month or not day or not (1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[int(month) - 1]):
        return None
    qualifier = _stated_qualifier(groups).replace("exact", "")  # "on", "في": the verb decides
    before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 6]
    if not qualifier and _RANGE_END_BEFORE.search(before):
        qualifier = "max"
    if not qualifier:
        qualifier = ("max" if _END_BEFORE.search(before) or _END_AFTER.match(after) else
                     "min" if _START_BEFORE.search(before) or _START_AFTER.match(after) else "exact")
    return Raw("date", m.start(), m.end(), f"--{int(month):02d}-{int(day):02d}", qualifier=qualifier)


def find_dates(text: str) -> Iterator[Raw]:
    yield from _dates_with_year(text)
    # after the full dates: a full date's span hides its own day and month
    for rx in _DAYS_OF_MONTH if _DAY_OF_MONTH_GATE.search(text) else ():
        for m in rx.finditer(text):
            raw = _day_of_month(m, text)
            if raw is not None:
                yield raw


def _dates_with_year(text: str) -> Iterator[Raw]:
    for rx in _DATES if _DATE_GATE.search(text) else ():
        for m in rx.finditer(text):
            groups = m.groupdict()
            year = _num(groups["y"])
            if year is None or not 1900 <= year < 2200 or _CURRENCY_NEXT.match(text, m.end()):
                continue  # "حتى ٢٠٠٠ ريال" is an amount up to 2,000, not the year 2000
            value: int | str = int(year)
            if groups.get("mon") or groups.get("m"):
                month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(_num(groups["m"]) or 0)
                day = _num(groups["d"]) if groups.get("d") else None  # "二〇二五年一月一日"
                if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                    continue
                value = f"{int(year):04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            yield Raw("date", m.start(), m.end(), value, qualifier=_stated_qualifier(groups) or "exact")


# --- counted quantities -----------------------------------------------------------------------
_EN_STOP = frozenset(
    "of and or to in on at per for with by from the a an our your their its we you they is are was were be been "
    "more than less over under up about around times time am pm percent per cent out off that which who thing "
    "things way ways step steps reason reasons kind kinds type types one other others another lot bit this these "
    "those next last first all each every only".split())
_NON_NOUNS = frozenset(f.lower() for f in ("day", "days", "night", "nights", "week", "weeks", "month", "months", "year",
                                           "years", "hour", "hours", "minute", "minutes", "dollars", "euros", "pounds"))
# "3-5 samples", "100 to 249 units", "between 100 and 249 units"; 至, 到, 에서, إلى and "بين … و" likewise
_QTY_EN = re.compile(rf"(?P<btw>\bbetween\s+)?(?P<n1>{NUMBER})(?:\s*(?(btw)and|(?:-|–|~|\bto\b))\s*(?!an?\b)"
                     rf"(?P<n2>{NUMBER}))?(?P<words>(?:\s+[A-Za-z][\w'-]*){{1,3}})", _I)
_QTY_ZH = re.compile(rf"(?P<n1>{NUMBER})(?:\s?(?:-|–|~|～|至|到)\s?(?P<n2>{NUMBER}))?\s?"
                     r"(?:个|個|家|棵|株|件|份|位|名|款|种|種|间|間|座|台|套|瓶|包|所|项|項|张|張)(?P<noun>[\u4e00-\u9fff]{1,6})")
_QTY_KO = re.compile(rf"(?P<pre>[가-힣]+\s)?(?P<n1>{NUMBER})(?:\s?(?:-|–|~|～|에서)\s?(?P<n2>{NUMBER}))?\s?"
                     r"(?P<cl>개국|개|명|곳|그루|가지|종|점|대|병|벌|권|장|군데|건)(?P<noun>의?(?:\s?[가-힣]+){0,2})")
_QTY_AR = re.compile(rf"(?:(?P<btw>بين)\s+)?(?<![\w.,])(?P<n1>\d+(?:[,.]\d+)*)(?:\s*(?(btw)و|(?:-|–|~|إلى))\s*"
                     rf"(?P<n2>\d+(?:[,.]\d+)*))?\s+(?P<noun>[\u0621-\u064a][\u0621-\u0652]+)")


def _lemma(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _noun_topic(text: str) -> str:
    """The key of the first counted noun or topic word in ``text``, or ""."""
    found = _known_noun(text)
    return found[2] if found else ""


def _known_noun(text: str) -> tuple[int, int, str] | None:
    found = COUNTED.find(text) or TOPICS.find(text)
    return found[0] if found else None


def _en_noun(words: str, count: float) -> tuple[str, int] | None:
    """The counted noun of "2 free samples with...": within two words, the first plural word (the
    last word for a count of one); None past a capitalised word ("15 Pro cases" is a model)."""
    kept: list[tuple[str, int]] = []
    for t in re.finditer(r"[A-Za-z][\w'-]*", words):
        if t.group(0).lower() in _EN_STOP or t.group(0).lower() in _NON_NOUNS or len(kept) == 2:
            break
        kept.append((t.group(0), t.end()))
    if any(tok[0].isupper() for tok, _ in kept):
        return None
    plural = [(tok, end) for tok, end in kept if tok.endswith("s") and not tok.endswith(("ss", "us", "is"))]
    pick = kept[-1:] if count == 1 else plural[:1]
    if not pick or len(pick[0][0]) < 3:
        return None
    return _noun_topic(pick[0][0]) or _lemma(pick[0][0]), pick[0][1]


def _qty_en(m: re.Match[str]) -> tuple[str, int, int] | None:
    noun = _en_noun(m.group("words"), _num(m.group("n1")) or 0)
    return None if noun is None else (noun[0], m.start("n1"), m.start("words") + noun[1])


# Chinese, Korean and Arabic counts are kept only for nouns the lexicons know: without a word
# segmenter the words after a count are too often not its noun ("一位工人都能").
def _qty_zh(m: re.Match[str]) -> tuple[str, int, int] | None:
    noun = _known_noun(m.group("noun"))
    return (noun[2], m.start("n1"), m.start("noun") + noun[1]) if noun else None


def _qty_ko(m: re.Match[str]) -> tuple[str, int, int] | None:
    """Korean counts precede or follow their noun: "샘플 2개", "2개의 샘플" (의 points forward)."""
    before = _known_noun(m.group("pre") or "")
    after = _known_noun(m.group("noun") or "")
    if after and (not before or (m.group("noun") or "").startswith("의")):
        return after[2], m.start("n1"), m.start("noun") + after[1]
    return (before[2], m.start(), m.end("cl")) if before else None


def _qty_ar(m: re.Match[str]) -> tuple[str, int, int] | None:
    topic = _noun_topic(m.group("noun"))
    return (topic, m.start("n1"), m.end()) if topic else None


_QUANTITY_FINDERS: tuple[tuple[Gated, Callable[[re.Match[str]], tuple[str, int, int] | None]], ...] = (
    (Gated(_QTY_EN), _qty_en), (Gated(_QTY_ZH), _qty_zh), (Gated(_QTY_KO), _qty_ko), (Gated(_QTY_AR), _qty_ar))


# --- ages: "18 or older", "aged 16 and over", "年满18周岁", "만 14세 이상" -----------------------------
_AGE_EN = (r"\b(?:aged?\s+)?(?P<n1>\d{1,2})\s*(?:\+(?![\d\s]*[A-Za-z\d])|(?:years?\s+old\s+)?(?:or|and)\s+(?:older|over|above|up)\b|"
           r"years?\s+(?:of\s+age|old)\b)|\b(?:aged|ages?)\s+(?P<n2>\d{1,2})\b")
_AGE = Gated(re.compile(
    _AGE_EN +
    rf"|(?P<zh>(?:年满|满|滿|未满|未滿|不满|不滿)?\s?(?P<n3>{NUMBER})\s?(?:周岁|週歲|岁|歲)(?:以上|及以上|以下)?)"
    rf"|(?P<ko>(?:만\s?)?(?P<n4>\d{{1,2}}|{NUMBER})\s?(?:세|살)(?:(?![가-힣])|(?=부터|까지))(?:\s?(?:이상|미만|이하))?)", _I))
_AR_AGE = Gated(re.compile(rf"(?:عمر[\u0621-\u064a]*|بلغ|أتم|سن)\s+(?:[\u0621-\u064a]+\s+){{0,3}}?(?P<n1>{NUMBER})\s?"
                           r"(?:عام|سنة|سنوات)[\u0621-\u064a\u064b-\u0652]*(?:\s?(?:فأكثر|أو أكثر|فما فوق))?"))
# The Chinese and Korean ages cannot match without a year-of-age word; without one, the English ages
# alone find the same matches, without trying a numeral in every language at every position. What the
# Arabic pattern cannot match without: a year word.
_AGE_CJK_WORD = re.compile(r"岁|歲|세|살")
_AGE_EN_ONLY = Gated(re.compile(_AGE_EN, _I))
_AR_AGE_GATE = re.compile(r"عام|سنة|سنوات")
_AR_AGE_MIN = re.compile(r"فأكثر|أو أكثر|فما فوق|لا يقل|ألا يقل|على الأقل|بلغ|أتم")
_AGE_MIN = re.compile(r"older|over|above|up|\+|以上|满|滿|이상", _I)
_AGE_MAX = re.compile(r"未满|未滿|不满|不滿|以下|미만|이하", _I)
_AGE_MIN_BEFORE = re.compile(r"(?:at least|minimum(?: age)?(?: of)?|must be)\s*$", _I)
_AGE_MAX_BEFORE = re.compile(r"(?:under|below|younger than)\s*$", _I)
# "만 7세부터", "다섯 살 어린이부터" (from age 7; the noun may come between); "9세까지" (up to age 9)
_AGE_FROM_AFTER = re.compile(r"^\s?(?:[가-힣]{1,4}\s?)?부터")
_AGE_UNTIL_AFTER = re.compile(r"^\s?(?:[가-힣]{1,4}\s?)?까지")


def find_ages(text: str) -> Iterator[Raw]:
    """An age limit: a bound ("or older", "以上", "이상" a minimum; "under", "未满", "미만" a maximum) on
    a number of years, as a quantity whose topic is "age"."""
    for m in (_AGE if _AGE_CJK_WORD.search(text) else _AGE_EN_ONLY).finditer(text):
        groups = m.groupdict()
        n = next(g for g in ("n1", "n2", "n3", "n4") if groups.get(g))
        value = _num(m.group(n))
        if value is None or not 0 < value < 120:
            continue
        span = m.group(0)
        before = text[max(0, m.start() - 20):m.start()]
        after = text[m.end():m.end() + 8] if groups.get("ko") else ""
        qualifier = ("max" if _AGE_MAX.search(span) or _AGE_MAX_BEFORE.search(before) or _AGE_UNTIL_AFTER.match(after)
                     else "min" if _AGE_MIN.search(span) or _AGE_MIN_BEFORE.search(before) or _AGE_FROM_AFTER.match(after)
                     else "")
        if not qualifier:
            continue  # "designed for ages 2 to 12" describes; an age limit is a bound
        yield Raw("quantity", m.start(), m.end(), value, unit="age", qualifier=qualifier, topic="age")
    for m in _AR_AGE.finditer(text) if _AR_AGE_GATE.search(text) else ():
        value = _num(m.group("n1"))
        if value and 0 < value < 120 and _AR_AGE_MIN.search(text[max(0, m.start() - 12):m.end()]):
            yield Raw("quantity", m.start("n1"), m.end(), value, unit="age", qualifier="min", topic="age")


# --- weights: "up to 15 kg", "over ten kilos", "20公斤以内", "5킬로", "٥ كيلوغرام" ---------------------------
_KG = {"kg": 1.0, "g": 0.001, "lb": 0.4536}
_WEIGHT = Gated(re.compile(rf"(?P<n1>{NUMBER})\s?(?:(?P<kg>kgs?|kilos?|kilograms?|kilogrammes?|公斤|千克|킬로그램|킬로|"
                           r"كيلوغرامات|كيلوغرام|كيلوجرام|كيلو|كجم|كغ)|(?P<lb>lbs?|pounds? (?:in weight|heavy))|"
                           r"(?P<g>grams?|(?-i:g)|克|그램|غرام|جرام))(?![A-Za-z\u0621-\u064a])", _I))  # 5G is a network


# what the weight pattern cannot match without: a weight unit
_WEIGHT_GATE = re.compile(r"kg|kilo|lb|pound|gram|(?-i:[\d\s]g)(?![A-Za-z\u0621-\u064a])|公斤|千克|克|킬로|그램|كيلو|كجم|كغ|"
                          r"غرام|جرام", _I)


def find_weights(text: str) -> Iterator[Raw]:
    """A weight limit or a weight, in kilograms, as a quantity whose topic is "weight"."""
    for m in _WEIGHT.finditer(text) if _WEIGHT_GATE.search(text) else ():
        n = _num(m.group("n1"))
        if n is None or m.group("n1").lower() in ("a", "an"):
            continue
        unit = next(u for u in ("kg", "lb", "g") if m.group(u))
        yield Raw("quantity", m.start(), m.end(), round(n * _KG[unit], 4), unit="kg", topic="weight")


def find_quantities(text: str) -> Iterator[Raw]:
    """A number with a counted noun; the noun (mapped to a key where known) is the topic."""
    yield from find_ages(text)
    yield from _ranges_joined(text, list(find_weights(text)))
    yield from _ranges_joined(text, list(_counts(text)))


def _counts(text: str) -> Iterator[Raw]:
    for rx, noun_of in _QUANTITY_FINDERS:
        for m in rx.finditer(text):
            lo = _num(m.group("n1"))
            if not lo or m.group("n1").lower() in ("a", "an", "single", "half", "반", "半"):
                continue
            found = noun_of(m)
            if found and found[0]:
                topic, start, end = found
                yield Raw("quantity", start, end, _span(lo, _num(m.groupdict().get("n2"))), topic=topic)
