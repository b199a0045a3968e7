"""Opening and support hours: day ranges, clock-time ranges and "24/7", in four languages.

"Mon–Fri 9–5", "weekdays 9am to 5pm", "周一至周五 9:00-17:00" and "평일 오전 9시~오후 5시" are one
schedule; "24/7", "around the clock", "على مدار الساعة" and "全天候" are another. Each statement's
hours become ``Schedule`` values (or the string ``"24/7"``) so that the slot rules compare
schedules, not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consistency.judge.lexicon import Lexicon
from consistency.judge.numbers import NUMBER, ar_pattern

ALL_DAYS = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Schedule:
    """Days (0 = Monday) and opening/closing minutes after midnight; None where the text says nothing."""

    days: frozenset[int] | None
    open: int | None
    close: int | None

    def __str__(self) -> str:
        parts = []
        if self.days is not None:
            parts.append(_days_str(self.days))
        if self.open is not None and self.close is not None:
            parts.append(f"{self.open // 60:02d}:{self.open % 60:02d}–{self.close // 60:02d}:{self.close % 60:02d}")
        return " ".join(parts) or "unspecified hours"


def _days_str(days: frozenset[int]) -> str:
    if days == ALL_DAYS:
        return "daily"
    for first in sorted(days):  # a run, possibly across Sunday: "Sun–Thu"
        run = [(first + k) % 7 for k in range(len(days))]
        if len(days) > 2 and set(run) == days:
            return f"{_DAY_ABBR[run[0]]}–{_DAY_ABBR[run[-1]]}"
    return ", ".join(_DAY_ABBR[d] for d in sorted(days))


def as_schedule(value: Schedule | str) -> Schedule:
    """``"24/7"`` as a Schedule, so that 24/7 and "daily 00:00–24:00" compare equal."""
    return Schedule(ALL_DAYS, 0, 1440) if value == "24/7" else value  # type: ignore[return-value]


def schedules_conflict(a: Schedule | str, b: Schedule | str) -> bool:
    """Conflict when the days overlap but differ, or the clock times differ on shared days.

    Disjoint day sets ("Mon–Fri 9–5" and "weekends 10–4") describe different days, not a contradiction.
    """
    sa, sb = as_schedule(a), as_schedule(b)
    if sa.days is not None and sb.days is not None:
        if not sa.days & sb.days:
            return False
        if sa.days != sb.days:
            return True
    if None in (sa.open, sb.open):
        return False
    return (sa.open, sa.close) != (sb.open, sb.close)


# --- day names and day sets -----------------------------------------------------------------
_EN_DAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
            "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
_ZH_DAYS = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}
_KO_DAYS = {c: i for i, c in enumerate("월화수목금토일")}
_AR_DAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
            "الأحد": 6}
_AR_DAY_RE = "|".join(f"(?P<ar{i}>{ar_pattern(w)})" for i, w in enumerate(_AR_DAYS))
_AR_DAY_VALUES = list(_AR_DAYS.values())
_DAY = (rf"(?<![A-Za-z])(?P<en>{'|'.join(sorted(_EN_DAYS, key=len, reverse=True))})(?:day)?s?\.?(?![A-Za-z])"
        r"|(?:周|週|星期|礼拜|禮拜)(?P<zh>[一二三四五六日天])"
        r"|(?P<ko>[월화수목금토일])(?:요일)?(?![가-힣]{2})"
        rf"|(?:يوم\s+)?(?:{_AR_DAY_RE})")
_DAY_RE = re.compile(_DAY, re.IGNORECASE)
_RANGE_SEP = r"\s*(?:-|~|to|through|thru|till|until|至|到|부터|에서|إلى|الى|حتى)\s*"
_DAY_RANGE = re.compile(rf"(?:from\s+|من\s+)?(?:{_DAY.replace('?P<', '?P<a_')}){_RANGE_SEP}"
                        rf"(?:{_DAY.replace('?P<', '?P<b_')})(?:\s*까지)?", re.IGNORECASE)
_FULL_DAY = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|"
                       r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?=\s*(?:\d|noon|midnight))|(?:周|週|星期|礼拜)"
                       r"[一二三四五六日天]|[월화수목금토일]요일|" + "|".join(ar_pattern(w) for w in _AR_DAYS),
                       re.IGNORECASE)
DAY_SETS = Lexicon({
    "weekdays": [r"weekdays?|business days|working days", "工作日", "평일"],
    "weekends": [r"weekends?", "周末", "週末", "주말"],
    "all": [r"daily|every day|(?:7|seven) days a week|all week|365 days(?: a year)?", "يوميًا", "كل يوم",
            "طوال أيام الأسبوع", "7 أيام في الأسبوع", "سبعة أيام في الأسبوع", "每天", "每日", "天天", "全年无休",
            "全年無休", "节假日无休", "365天", "매일", "연중무휴", "365일", "주 7일"],
})
_DAY_SET_VALUES = {"weekdays": WEEKDAYS, "weekends": frozenset({5, 6}), "all": ALL_DAYS}
_EXCLUDED_BEFORE = re.compile(r"(?:closed|except|excluding|not on|除|不含|مغلق|متوقف|باستثناء|عدا)[\u0629]?\s*"
                              r"(?:on\s+|يوم\s+|أيام\s+)?$",
                              re.IGNORECASE)
_EXCLUDED_AFTER = re.compile(r"^\s*(?:휴무|休息|除外|closed)")
# "closed on Sundays", "매주 월요일 정기 휴무", "每周一休息", "مغلق يوم الجمعة": the days a place is shut
_CLOSED_BEFORE = re.compile(r"(?:closed|shut|مغلق|مغلقة|تغلق|نغلق|متوقف|متوقفة)\s*(?:on\s+|every\s+|all\s+|يوم\s+|أيام\s+)?$",
                            re.IGNORECASE)
_CLOSED_AFTER = re.compile(r"^\s*(?:(?:은|는|에는|에)\s*)?(?:정기\s*)?(?:휴무|휴업|쉽니다|휴점)|^\s*(?:休息|公休|休业|休業|不营业|"
                           r"不營業|闭店|閉店)|^\s*(?:,\s*)?(?:we(?:'re| are)\s+)?closed", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(rf"(?:{NUMBER})\s*(?:个|個)?\s*$", re.IGNORECASE)  # "ten working days" is a duration
# Days alone ("this weekend", "Monday to Friday") are hours only where the clause talks about
# being open or available; a sale "this weekend" is not a schedule.
HOURS_CONTEXT = Lexicon({"open": [
    r"open|opens|opening|hours|available|availability|operat(?:e|es|ing)|staffed|closed?|reach us|call us",
    "营业", "營業", "开放", "開放", "在线", "在線", "服务时间", "服務時間", "工作时间", "工作時間", "值班", "운영", "영업",
    "상담 가능", "오픈", "مفتوح", "متاح", "متاحة", "ساعات العمل", "نعمل"]})

# --- clock times ----------------------------------------------------------------------------
_AP_PRE = {"오전": "am", "아침": "am", "오후": "pm", "낮": "pm", "저녁": "pm", "밤": "pm", "上午": "am", "早上": "am",
           "早晨": "am", "早": "am", "下午": "pm", "晚上": "pm", "傍晚": "pm", "中午": "pm", "晚": "pm"}
_AP_SUF_AR = {"صباحًا": "am", "صباحا": "am", "صباح": "am", "ص": "am", "مساءً": "pm", "مساء": "pm", "م": "pm",
              "ظهرًا": "pm", "ظهرا": "pm"}
_AP_PRE_RE = "|".join(sorted(_AP_PRE, key=len, reverse=True))
_AP_SUF_RE = r"a\.?m\.?|p\.?m\.?|" + "|".join(ar_pattern(w) for w in sorted(_AP_SUF_AR, key=len, reverse=True))


def _time(i: int) -> str:
    return (rf"(?:(?P<pre{i}>{_AP_PRE_RE})\s?)?(?:الساعة\s*)?(?:(?P<w{i}>noon|midnight|정오|자정|午夜)|"
            rf"(?P<h{i}>\d{{1,2}})(?:\s?:\s?(?P<m{i}>\d{{2}})|\s?(?P<mark{i}>[시点點时時])(?:\s?(?P<mk{i}>\d{{1,2}})"
            rf"\s?[분分]|\s?(?P<half{i}>반|半))?)?(?:\s?(?P<suf{i}>{_AP_SUF_RE})(?![A-Za-z\u0600-\u06ff]))?)")


_TIME_RANGE = re.compile(rf"(?<![\d:])(?:from\s+|من\s+)?{_time(1)}{_RANGE_SEP}(?:الساعة\s*)?{_time(2)}(?:\s?까지)?"
                         r"(?![\d:])", re.IGNORECASE)
_FULL_247 = re.compile(
    r"24\s?/\s?7|24\s?[x×*]\s?7|7\s?[x×*/]\s?24(?:\s?(?:小时|小時|시간))?|a?round[- ]the[- ]clock|"
    r"24 hours a day,?\s*(?:7|seven) days a week|24 hours,?\s*(?:7|seven) days a week|day and night|"
    r"على مدار الساعة|全天候|全年无休\s?24\s?小时|24\s?小时全年无休|365\s?天\s?24\s?小时|24\s?시간\s?연중무휴|"
    r"연중무휴\s?24\s?시간|365\s?일\s?24\s?시간", re.IGNORECASE)
# "保管24小时" / "최대 24시간 보관" (kept for 24 hours) is a duration, not round-the-clock hours
_ALL_DAY = re.compile(r"24 hours a day|(?<!保管|保留|保存|最长|最長|最多|超过|超過|等待)"
                      r"24\s?(?:小时|小時)(?!\s?(?:内|之内|以内|內|以上|后|後|保管|保留|保存))|"
                      r"(?<!최대 |최장 )24\s?시간(?!\s?(?:이내|내|안에|이상|이후|후|전|동안|만에|보관))|24 ساعة في اليوم|على مدار 24 ساعة",
                      re.IGNORECASE)
_BOUNDARY = re.compile(r"(?<![A-Z][a-z]{2})(?<![ap]\.m)\.(?=\s|$)|[;!?。！？；\n]")


def _clock(m: re.Match[str], i: int) -> tuple[int, int, str | None, bool] | None:
    """(hour, minute, am/pm or None, marked): marked times carry am/pm, a colon, 시 or 点."""
    word = m.group(f"w{i}")
    if word:
        return (12, 0, "pm", True) if word.lower() in ("noon", "정오") else (24 if i == 2 else 0, 0, None, True)
    hour, minute = int(m.group(f"h{i}")), int(m.group(f"m{i}") or m.group(f"mk{i}") or 0)
    minute += 30 if m.group(f"half{i}") else 0
    ap = _AP_PRE.get(m.group(f"pre{i}") or "")
    suf = (m.group(f"suf{i}") or "").lower()
    if suf:
        ap = "pm" if suf.startswith("p") else "am" if suf.startswith("a") else \
            next(v for k, v in _AP_SUF_AR.items() if re.fullmatch(ar_pattern(k), suf))
    if hour > 24 or minute >= 60:
        return None
    return hour, minute, ap, ap is not None or bool(m.group(f"m{i}") or m.group(f"mark{i}"))


def _to_minutes(hour: int, minute: int, ap: str | None) -> int:
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    return hour * 60 + minute


def _time_range(m: re.Match[str]) -> tuple[int, int, bool] | None:
    """(open, close, bare): a bare range ("9-5") counts only beside days; "9-5" means 9:00-17:00."""
    first, second = _clock(m, 1), _clock(m, 2)
    if first is None or second is None:
        return None
    (h1, m1, ap1, marked1), (h2, m2, ap2, marked2) = first, second
    if ap1 is None and ap2 is not None:  # "9-5pm": the first time takes the am/pm that keeps it first
        ap1 = ap2 if _to_minutes(h1, m1, ap2) < _to_minutes(h2, m2, ap2) else "am"
    start, end = _to_minutes(h1, m1, ap1), _to_minutes(h2, m2, ap2)
    if end <= start and ap2 is None and end < 720:
        end += 720
    if not 0 <= start < end <= 1440:
        return None
    return start, end, not (marked1 or marked2)


def _day_value(m: re.Match[str], prefix: str = "") -> int:
    if m.group(prefix + "en"):
        return _EN_DAYS[m.group(prefix + "en").lower()]
    if m.group(prefix + "zh"):
        return _ZH_DAYS[m.group(prefix + "zh")]
    if m.group(prefix + "ko"):
        return _KO_DAYS[m.group(prefix + "ko")]
    return next(_AR_DAY_VALUES[i] for i in range(len(_AR_DAY_VALUES)) if m.group(f"{prefix}ar{i}"))


def _day_exprs(text: str, closed: bool = False) -> list[tuple[int, int, frozenset[int]]]:
    """Day ranges, named days and day sets in ``text``: the days it is open (or, with ``closed``,
    the days it says it is closed)."""
    found: list[tuple[int, int, frozenset[int]]] = []
    for m in _DAY_RANGE.finditer(text):
        a, b = _day_value(m, "a_"), _day_value(m, "b_")
        found.append((m.start(), m.end(), frozenset((a + k) % 7 for k in range((b - a) % 7 + 1))))
    taken = [(s, e) for s, e, _ in found]
    for m in _FULL_DAY.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            single = _DAY_RE.fullmatch(m.group(0).strip())
            if single:
                found.append((m.start(), m.end(), frozenset({_day_value(single)})))
    for start, end, key in DAY_SETS.find(text):
        if not any(s <= start < e for s, e in taken) and not (key == "weekdays" and _NUMBER_BEFORE.search(
                text[max(0, start - 24):start])):
            found.append((start, end, _DAY_SET_VALUES[key]))
    merged = _merge_lists(sorted(found), text)  # "closed on Fridays and Saturdays": the closure covers both
    if closed:
        return [span for f in merged if (span := _closed_span(text, f))]
    return [f for f in merged if not _EXCLUDED_BEFORE.search(text[max(0, f[0] - 16):f[0]])
            and not _EXCLUDED_AFTER.search(text[f[1]:f[1] + 6])]


def _closed_span(text: str, found: tuple[int, int, frozenset[int]]) -> tuple[int, int, frozenset[int]] | None:
    """The day expression widened to its closure words ("closed on Sundays"), or None if it is not closed."""
    start, end, days = found
    lo = max(0, start - 24)
    before, after = _CLOSED_BEFORE.search(text[lo:start]), _CLOSED_AFTER.search(text[end:end + 16])
    if not (before or after):
        return None
    return (lo + before.start() if before else start), (end + after.end() if after else end), days


def _merge_lists(found: list[tuple[int, int, frozenset[int]]], text: str) -> list[tuple[int, int, frozenset[int]]]:
    """"Monday, Wednesday and Friday" is one set of days."""
    merged: list[tuple[int, int, frozenset[int]]] = []
    for start, end, days in found:
        if merged and re.fullmatch(r"\s*(?:,|、|&|/|and|和|及|و)?\s*", text[merged[-1][1]:start], re.IGNORECASE):
            prev = merged.pop()
            merged.append((prev[0], end, prev[2] | days))
        else:
            merged.append((start, end, days))
    return merged


def find_hours(text: str) -> list[tuple[int, int, Schedule | str]]:
    """(start, end, schedule) for each schedule in ``text`` (digits already normalised)."""
    out: list[tuple[int, int, Schedule | str]] = []
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    for base, stop in zip(cuts, cuts[1:]):
        part = text[base:stop]
        full = _FULL_247.search(part)
        if full:
            out.append((base + full.start(), base + full.end(), "24/7"))
            continue
        days = _day_exprs(part)
        times = [(m.start(), m.end(), r) for m in _TIME_RANGE.finditer(part) if (r := _time_range(m))]
        times += [(m.start(), m.end(), (0, 1440, False)) for m in _ALL_DAY.finditer(part)
                  if not any(s <= m.start() < e for s, e, _ in times)]
        used: set[int] = set()
        for t_start, t_end, (open_, close, bare) in times:
            near = min((i for i in range(len(days)) if i not in used), default=None,
                       key=lambda i: (t_start - days[i][1] if days[i][1] <= t_start else days[i][0] - t_end, i))
            if near is None and bare:
                continue
            d = days[near] if near is not None else None
            if d is not None:
                used.add(near)  # type: ignore[arg-type]
            sched = Schedule(d[2] if d else None, open_, close)
            start, end = (min(t_start, d[0]), max(t_end, d[1])) if d else (t_start, t_end)
            end -= 1 if re.search(r"\d\s?[ap]m\.$", part[:end], re.IGNORECASE) else 0  # "5pm." ends the sentence
            out.append((base + start, base + end, "24/7" if as_schedule("24/7") == sched else sched))
        if not times and HOURS_CONTEXT.find(part):
            out += [(base + s, base + e, Schedule(d, None, None)) for s, e, d in days if len(d) > 1]
        if not times and not any(len(d) > 1 for _, _, d in days):
            for s, e, shut in _day_exprs(part, closed=True):
                if shut != ALL_DAYS:
                    out.append((base + s, base + e, Schedule(ALL_DAYS - shut, None, None)))
    return out
