"""Opening and support hours: day ranges, clock-time ranges and "24/7", in four languages.

"Mon–Fri 9–5", "weekdays 9am to 5pm", "周一至周五 9:00-17:00" and "평일 오전 9시~오후 5시" are one
schedule; "24/7", "around the clock", "على مدار الساعة" and "全天候" are another. A single opening
or closing time is a partial schedule: "open until 9pm", "晚上八点前", "밤 8시 전까지" and
"تغلق عند الساعة ٦ مساءً" state a closing time only, "opens at 1pm", "上午十点起" and "오후 2시부터"
an opening time only. Each statement's hours become ``Schedule`` values (or the string ``"24/7"``)
so that the slot rules compare schedules, not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consistency.judge.lexicon import TOPICS, Gated, Lexicon
from consistency.judge.numbers import NUMBER, ar_alternation, ar_fold, ar_pattern, parse_number

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
            parts.append(f"{_hhmm(self.open)}–{_hhmm(self.close)}")
        elif self.close is not None:
            parts.append(f"until {_hhmm(self.close)}")
        elif self.open is not None:
            parts.append(f"from {_hhmm(self.open)}")
        return " ".join(parts) or "unspecified hours"

    @property
    def partial(self) -> bool:
        """Only an opening or only a closing time: "until 9pm", "opens at 1pm"."""
        return (self.open is None) != (self.close is None)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


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
    """Conflict when the days overlap but differ, or a clock time both state differs on shared days.

    Disjoint day sets ("Mon–Fri 9–5" and "weekends 10–4") describe different days, not a contradiction.
    A partial schedule's days say when its one time applies, not that the place is shut on the other
    days: "until 9pm on Thursdays" is compared with "daily 10am–7pm" on its closing time (and
    conflicts), not on its days. Only the times both sides state are compared, so an opening time
    alone and a closing time alone never conflict; 24/7 closes at 24:00, so "until 9pm" contradicts it.
    """
    sa, sb = as_schedule(a), as_schedule(b)
    if sa.days is not None and sb.days is not None:
        if not sa.days & sb.days:
            return False
        if sa.days != sb.days and not (sa.partial or sb.partial) and min(len(sa.days), len(sb.days)) > 1:
            return True  # one named day ("this Thursday, 6pm to 10pm") says nothing of the other days
    return any(x is not None and y is not None and x != y for x, y in ((sa.open, sb.open), (sa.close, sb.close)))


def schedules_agree(a: Schedule | str, b: Schedule | str) -> bool:
    """No conflict, and a clock time both sides state is the same: "until 9pm" agrees with "10am–9pm"."""
    sa, sb = as_schedule(a), as_schedule(b)
    if schedules_conflict(sa, sb) or (sa.days is not None and sb.days is not None and not sa.days & sb.days):
        return False
    return any(x is not None and x == y for x, y in ((sa.open, sb.open), (sa.close, sb.close)))


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
        r"|(?P<ko>[월화수목금토일])(?:요일|(?![가-힣]{2}))"  # "월요일부터": the particle may follow 요일
        rf"|(?:يوم\s+)?(?:{_AR_DAY_RE})")
_DAY_RE = re.compile(_DAY, re.IGNORECASE)
_RANGE_SEP = r"\s*(?:-|~|to|through|thru|till|until|至|到|부터|에서|إلى|الى|حتى)\s*"
_DAY_RANGE = re.compile(rf"(?:from\s+|من\s+)?(?:{_DAY.replace('?P<', '?P<a_')}){_RANGE_SEP}"
                        rf"(?:{_DAY.replace('?P<', '?P<b_')})(?:\s*까지)?", re.IGNORECASE)
_FULL_DAY = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|"
                       r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?=\s*(?:\d|noon|midnight))|(?:周|週|星期|礼拜)"
                       r"[一二三四五六日天]|[월화수목금토일]요일|" + ar_alternation(_AR_DAYS),
                       re.IGNORECASE)
DAY_SETS = Lexicon({
    "weekdays": [r"weekdays?|business days|working days", "工作日", "re:平日(?![里裡])", "평일"],
    "weekends": [r"weekends?", "周末", "週末", "주말"],
    "all": [r"daily|every day|(?:7|seven) days a week|all week|365 days(?: a year)?", "يوميًا", "كل يوم",
            "طوال أيام الأسبوع", "7 أيام في الأسبوع", "سبعة أيام في الأسبوع", "每天", "每日", "天天", "全年无休",
            "全年無休", "节假日无休", "365天", "매일", "연중무휴", "365일", "주 7일"],
})
_DAY_SET_VALUES = {"weekdays": WEEKDAYS, "weekends": frozenset({5, 6}), "all": ALL_DAYS}
_OFF = r"(?<!%)(?<!%\s)(?<!percent\s)\boff"  # "off Saturdays" is closed; "20% off Saturdays" is a sale
_EXCLUDED_BEFORE = re.compile(rf"(?:closed|{_OFF}|except|excluding|not on|除|不含|مغلق|متوقف|باستثناء|عدا)[\u0629]?\s*"
                              r"(?:on\s+|يوم\s+|أيام\s+)?$",
                              re.IGNORECASE)
_EXCLUDED_AFTER = re.compile(r"^\s*(?:휴무|休息|除外|closed|(?:을|를)?\s?(?:제외|빼고))")
# between a set of days and the days it leaves out ("every day except Sundays", "daily but Monday"), and
# between an exception and the days it is taken from ("除周一外，每天", "월요일을 제외하고 매일")
_EXCEPT_BETWEEN = re.compile(r"\s*,?\s*(?:except(?: on)?|excluding|apart from|other than|"
                             r"باستثناء|عدا|ما عدا|ما عدا يوم|باستثناء يوم)\s*|\s+but(?: not)?\s+", re.IGNORECASE)
_EXCEPT_OUTSIDE = re.compile(r"\s*(?:外|以外|之外)?(?:을|를)?\s*(?:제외하고|제외한|빼고)?\s*[，,]?\s*")
# "closed on Sundays", "매주 월요일 정기 휴무", "每周一休息", "مغلق يوم الجمعة": the days a place is shut
_CLOSED_BEFORE = re.compile(rf"(?:closed|shut|{_OFF}|مغلق|مغلقة|تغلق|نغلق|متوقف|متوقفة)\s*(?:on\s+|every\s+|all\s+|يوم\s+|أيام\s+)?$",
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
_AP_PRE = {"오전": "am", "아침": "am", "새벽": "am", "오후": "pm", "낮": "pm", "저녁": "pm", "밤": "pm", "上午": "am",
           "早上": "am", "早晨": "am", "清晨": "am", "凌晨": "am", "早": "am", "下午": "pm", "晚上": "pm", "傍晚": "pm",
           "中午": "pm", "晚": "pm"}
_NIGHT_PRE = frozenset({"밤", "晚上", "晚"})  # "晚上十二点", "밤 12시": midnight, not noon
_AP_SUF_AR = {"صباحًا": "am", "صباحا": "am", "صباح": "am", "ص": "am", "فجرًا": "am", "فجرا": "am",
              "بعد منتصف الليل": "am", "مساءً": "pm", "مساء": "pm", "م": "pm", "ظهرًا": "pm", "ظهرا": "pm",
              "عصرًا": "pm", "عصرا": "pm"}
_AP_PRE_RE = "|".join(sorted(_AP_PRE, key=len, reverse=True))
# "ten in the morning", "eight at night": the part of the day says am or pm, as a suffix does
_AP_SUF_EN = {"in the morning": "am", "in the afternoon": "pm", "in the evening": "pm", "at night": "pm"}
_AP_SUF_RE = "|".join(_AP_SUF_EN) + r"|a\.?m\.?|p\.?m\.?|" + ar_alternation(sorted(_AP_SUF_AR, key=len, reverse=True))
# Hours in English words count only with what makes them a time: "half past nine", "seven o'clock",
# "ten in the morning", "eight pm" ("one of our stores", "open seven days" are no times)
_EN_HOUR_RE = "eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten"  # longest first; read by parse_number
_PAST = {"half past": 30, "quarter past": 15, "quarter to": -15}
# Hours in words: "上午十点", "아침 여덟 시", "الواحدة ظهرًا" ("الثانية" alone is "the second": it needs
# الساعة or صباحًا/مساءً/ظهرًا to be a time)
_AR_HOURS = {"الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
             "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11, "الحادية عشر": 11, "الثانية عشرة": 12,
             "الثانية عشر": 12}
_AR_HOUR_VALUES = {ar_fold(w): v for w, v in _AR_HOURS.items()}
_AR_HOUR_RE = ar_alternation(sorted(_AR_HOURS, key=len, reverse=True))
_ZH_HOUR_RE = r"二十[一二三四]?|十[一二]?|[〇零一二两兩三四五六七八九]"
_KO_HOUR_RE = "열한|열두|열|한|두|세|네|다섯|여섯|일곱|여덟|아홉"
# After a Korean native hour, 시 is the hour only before a particle or a break: "한시적", "세 시장" are not times
_KO_AFTER_HOUR = re.compile(r"(?![가-힣])|에|까|부|반|쯤|경|정각|전|이전|이후|후|와|과|은|는|도|로|의|입|이|였")
_MARK = r"[点點]|[时時](?![间間候段])|시(?!간)"
_AR_MIDNIGHT = ar_pattern("منتصف الليل")


def _time(i: int) -> str:
    return (rf"(?:(?P<pre{i}>{_AP_PRE_RE})\s?)?(?P<sa{i}>الساعة\s*)?(?:(?P<w{i}>noon|midnight|정오|자정|午夜|{_AR_MIDNIGHT})|"
            rf"(?:(?P<past{i}>{'|'.join(_PAST)})\s+)?"
            rf"(?:(?P<h{i}>\d{{1,2}})|(?<![A-Za-z])(?P<ew{i}>{_EN_HOUR_RE})(?![A-Za-z])(?(past{i})|(?=\s?(?:o'clock|"
            rf"{'|'.join(_AP_SUF_EN)}|[ap]\.?m\b)))(?:\s?o'clock)?|"
            rf"(?<![周週期拜第])(?P<zh{i}>{_ZH_HOUR_RE})(?=\s?[点點时時])|"
            rf"(?<![가-힣])(?P<kn{i}>{_KO_HOUR_RE})(?=\s?시)|(?P<arw{i}>{_AR_HOUR_RE})(?![\u0621-\u064a]))"
            rf"(?:\s?:\s?(?P<m{i}>\d{{2}})|\s?(?P<mark{i}>{_MARK})(?P<zhong{i}>钟|鐘)?"
            rf"(?:\s?(?P<mk{i}>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}|[일이삼사오육칠팔구십]{{1,3}})\s?[분分]|"
            rf"\s?(?P<half{i}>반|半))?)?(?:\s?(?P<suf{i}>{_AP_SUF_RE})(?![A-Za-z\u0621-\u064a]))?)")


_TIME_RANGE = re.compile(rf"(?<![\d:])(?:from\s+|من\s+)?{_time(1)}{_RANGE_SEP}(?:الساعة\s*)?{_time(2)}(?:\s?까지)?"
                         r"(?![\d:])", re.IGNORECASE)
# "between 7am and 11pm": "and" joins two times only after "between"
_TIME_BETWEEN = re.compile(rf"(?<![\d:])(?:between|بين)\s+(?:الساعة\s*)?{_time(1)}\s+(?:and|و)\s*(?:الساعة\s*)?{_time(2)}"
                           r"(?![\d:])", re.IGNORECASE)
_TIME_ONE = re.compile(rf"(?<![\d:.,/])(?:{_time(1)})(?![\d:])", re.IGNORECASE)
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
    """(hour, minute, am/pm or None, marked): marked times carry am/pm, a colon, 시, 点 or الساعة."""
    word = m.group(f"w{i}")
    if word:
        return (12, 0, "pm", True) if word.lower() in ("noon", "정오") else (24 if i == 2 else 0, 0, None, True)
    digits, zh, kn, arw, ew = (m.group(f"{g}{i}") for g in ("h", "zh", "kn", "arw", "ew"))
    mark, pre = m.group(f"mark{i}"), m.group(f"pre{i}") or ""
    if (zh or kn) and not mark:
        return None  # "三时间": the lookahead saw 时, the mark did not take it
    if kn and not _KO_AFTER_HOUR.match(m.string, m.end(f"mark{i}")):
        return None
    minute = int(m.group(f"m{i}") or parse_number(m.group(f"mk{i}") or "0") or 0)
    minute += 30 if m.group(f"half{i}") else 0
    past = _PAST.get((m.group(f"past{i}") or "").lower(), 0)
    if zh in ("一", "两", "兩") and not (minute or m.group(f"zhong{i}") or len(pre) > 1):
        return None  # "晚一点" (a bit later), "这两点" (these two points)
    hour = int(digits) if digits else _AR_HOUR_VALUES[ar_fold(arw)] if arw else int(parse_number(zh or kn or ew) or 0)
    if past:  # "half past nine" is 9:30, "quarter to nine" 8:45
        hour, minute = (hour, minute + past) if past > 0 else ((hour - 1) % 12 or 12, minute + 60 + past)
    ap = _AP_PRE.get(pre)
    suf = (m.group(f"suf{i}") or "").lower()
    if suf:
        ap = _AP_SUF_EN.get(suf) or ("pm" if suf.startswith("p") else "am" if suf.startswith("a") else
                                     next(v for k, v in _AP_SUF_AR.items() if re.fullmatch(ar_pattern(k), suf)))
        if suf == "at night" and hour == 12:
            return (24 if i == 2 else 0), minute, None, True  # "twelve at night" is midnight
    if hour > 24 or minute >= 60:
        return None
    if pre in _NIGHT_PRE and hour == 12 and not suf and not minute:
        return (24 if i == 2 else 0), 0, None, True
    said = bool(m.group(f"sa{i}"))
    if arw:
        return hour, minute, ap, ap is not None or said
    if ew:
        return hour, minute, ap, True  # it matched only with o'clock, am/pm, a part of the day or "half past"
    return hour, minute, ap, ap is not None or said or bool(m.group(f"m{i}") or mark or past)


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


# --- single opening and closing times -------------------------------------------------------
# A time alone has no role ("每晚九点推送", "at 12 sharp"); one after "until" or before "关门" is a
# closing time, one after "opens at" or before "부터" an opening time. "from 1pm" and "从上午十点"
# open only where the clause is about being open or available (HOURS_CONTEXT).
_AR_GAP = r"(?:\s+[\u0600-\u06ff]+){0,4}?\s*"  # "تغلق جميع فروعنا عند الساعة": a few words between verb and time
_CLOSE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:until|till|'til|til|up\s+until|(?:right\s+)?through\s+to|before|no\s+later\s+than|closes?|closing(?:\s+time)?"
    r"(?:\s+is)?|shuts?|ends?|ending|finish(?:es)?|wraps?\s+up)\s+(?:(?:at|around|about|by|on)\s+)*"
    r"|(?:直到|截至|截止到|截止至|最晚|最迟|最遲|到|至)\s*"
    rf"|(?<![\u0600-\u06ff])(?:{ar_alternation(('حتى', 'لغاية', 'لحد'))})\s*"
    rf"|(?<![\u0600-\u06ff])(?:{ar_alternation(('تغلق', 'يغلق', 'نغلق', 'إغلاق', 'الإغلاق', 'تنتهي', 'ينتهي', 'ننتهي'))})"
    rf"{_AR_GAP}(?:(?:{ar_alternation(('في', 'عند', 'تمام'))})\s*)*)$", re.IGNORECASE)
_CLOSE_AFTER = re.compile(
    r"\s*(?:(?:close|closing)(?![A-Za-z])|(?:之前|以前|前|为止|為止|(?:营业|營業|服务|服務)?(?:结束|結束)|关门|關門|打烊|"
    r"闭店|閉店|截止|下班|收工)|(?:이)?전\s?까지|까지|(?:에|이면)?\s?(?:문을\s?)?(?:닫|마감|종료|영업\s?종료|끝))",
    re.IGNORECASE)
_OPEN_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:opens?|opening(?:\s+time)?(?:\s+is)?|reopens?)\s+(?:(?:at|from|around|about)\s+)*"
    rf"|(?<![\u0600-\u06ff])(?:{ar_alternation(('تفتح', 'يفتح', 'نفتح', 'افتتاح'))})"
    rf"{_AR_GAP}(?:(?:{ar_alternation(('من', 'في', 'عند', 'تمام'))})\s*)*)$", re.IGNORECASE)
_OPEN_AFTER = re.compile(r"\s*(?:(?:open|opening)(?![A-Za-z])|开门|開門|开业|開業|开放|開放|营业|營業|上班|开店|開店|"
                         r"(?:에|에서)?\s?(?:문을\s?)?(?:열|엽|여는|오픈|개점|영업\s?시작))", re.IGNORECASE)
# "from 1pm", "starts at 9am", "上午十点起", "오후 2시부터": an opening time only where the clause is about
# being open or a service being available ("Saturday yoga starts at 9am" is an event, not hours)
_START_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:from|starts?|starting|begins?|beginning)\s+(?:(?:at|from|around|about)\s+)*|(?:从|從|自)\s*"
    rf"|(?<![\u0600-\u06ff])(?:{ar_alternation(('تبدأ', 'يبدأ', 'نبدأ', 'نستقبل', 'يستقبل', 'تستقبل'))})"
    rf"{_AR_GAP}(?:(?:{ar_alternation(('من', 'في', 'عند', 'تمام'))})\s*)*"
    rf"|(?<![\u0600-\u06ff])(?:{ar_alternation(('ابتداءً', 'ابتداء', 'اعتبارًا', 'اعتبارا', 'بدءًا', 'بدءا'))})\s+"
    rf"{ar_pattern('من')}\s*|(?<![\u0600-\u06ff]){ar_pattern('من')}\s+)$", re.IGNORECASE)
_START_AFTER = re.compile(r"\s*(?:起|开始|開始|부터|(?:에|에서)?\s?시작)")
_SERVICE = re.compile(r"(?<![A-Za-z])(?:support|service|customer care|helpline|phone lines?|deliver(?:y|ies)?|pick-?up)"
                      r"(?![A-Za-z])|客服|服务|服務|配送|送货|送貨|自提|取货|取貨|상담|고객센터|배송|픽업|" + ar_alternation(
                          ("خدمة", "الدعم", "التوصيل", "توصيل")), re.IGNORECASE)


# "orders placed before 2pm ship the same day", "下午四点前下单", "오후 6시까지 주문하면": an order cutoff, not
# a closing time; "on Christmas Eve we close at 3pm", "除夕当天营业至下午四点": one occasion's hours, not the schedule
_CUTOFF = re.compile(r"(?<![A-Za-z])(?:order(?:s|ed)?\s+(?:placed|made|received|submitted|before|by)|"
                     r"place\s+(?:your\s+|an\s+)?orders?|(?:you|we)\s+order|paid|pay\s+(?:before|by))(?![A-Za-z])|"
                     r"下单|下單|下的单|下的單|付款|付的款|"
                     r"支付|주문(?:하|시|은|한|된|건)|결제(?:하|시|한|된)|" + ar_alternation((
                         "الطلبات المقدمة", "اطلب قبل", "الطلبات قبل")), re.IGNORECASE)
_OCCASION = re.compile(
    r"(?<![A-Za-z])(?:Christmas|New\s+Year|Easter|Thanksgiving|Black\s+Friday|Cyber\s+Monday|Ramadan|Eid|"
    r"(?-i:(?!(?:Every|Each|Next|Same|Any|All|One|Whole|Full|Working|Business|The|This|That|Per|A)\s)[A-Z][a-z]+(?:'s)?"
    r"\s+(?:Day|Eve)))(?![A-Za-z])|除夕|春节|春節|国庆|國慶|中秋|元旦|端午|跨年|圣诞|聖誕|설날|설 연휴|추석|명절|크리스마스|"
    + ar_alternation(("رمضان", "العيد", "عيد")), re.IGNORECASE)
_CLAUSE_GAP = re.compile(r"[,，;；،]|\s(?:but|while|whereas)\s|但", re.IGNORECASE)


def _role(part: str, m: re.Match[str], context: bool) -> tuple[str, int, int] | None:
    """("open" | "close" | "start", span start, span end) of a single time, its role words included;
    "start" is "from 9pm" outside an hours context, a time that counts only as part of a range."""
    before, lo = part[max(0, m.start() - 48):m.start()], max(0, m.start() - 48)
    close_b, close_a = _CLOSE_BEFORE.search(before), _CLOSE_AFTER.match(part, m.end())
    if m.group("pre1") == "晚" and before.endswith("最"):  # "最晚八点": at the latest, not 8pm
        close_b = re.search("最$", before)
    open_b, open_a = _OPEN_BEFORE.search(before), _OPEN_AFTER.match(part, m.end())
    opening = "open"
    if not (open_b or open_a):  # a start out of an hours context only pairs with a closing time
        open_b, open_a, opening = _START_BEFORE.search(before), _START_AFTER.match(part, m.end()), \
            "open" if context else "start"
    for role, b, a in (("close", close_b, close_a), (opening, open_b, open_a)):
        if b or a:
            start = lo + b.start() if b and m.start() - (lo + b.start()) <= 20 else m.start()
            end = a.end() if a and a.end() - m.end() <= 12 else m.end()
            if a and re.match(r"[가-힣]", a.group(0)[-1:]):  # the whole Korean verb: "닫습니다", not "닫"
                end += len(re.match(r"[가-힣]{0,5}", part[end:]).group(0))  # type: ignore[union-attr]
            return role, start, end
    return None


def _single(part: str, m: re.Match[str], context: bool) -> tuple[int, int, str, int] | None:
    """(span start, span end, role, minutes) of a marked single opening or closing time."""
    clock, role = _clock(m, 1), _role(part, m, context)
    if clock is None or role is None or not clock[3]:
        return None
    hour, minute, ap, _ = clock
    kind, start, end = role
    digits = m.group("h1") or ""
    if ap is None and not digits.startswith("0") and not m.group("w1"):
        # no am/pm: a shop closes at 8 in the evening ("8시까지", "八点前") and opens at 2 in the afternoon
        if (kind == "close" and 1 <= hour <= 11) or (kind == "open" and 1 <= hour <= 4):
            hour += 12
    minutes = _to_minutes(hour, minute, ap)
    if kind == "close" and minutes == 0:
        minutes = 1440  # "until midnight"
    return (start, end, kind, minutes) if 0 <= minutes <= 1440 else None


def _singles(part: str, taken: list[tuple[int, int]], may_context: bool = True
             ) -> list[tuple[int, int, tuple[int | None, int | None, bool]]]:
    """Single opening and closing times outside ``taken``; an opening followed closely by a closing
    time ("opens at 10am and closes at 8pm") is one range. ``may_context``: False when the statement
    holds no hours-context word (nor, then, the clause)."""
    ones = list(_TIME_ONE.finditer(part))
    if not ones or _CUTOFF.search(part) or _OCCASION.search(part):
        return []
    context = bool((may_context and HOURS_CONTEXT.find(part)) or _SERVICE.search(part))
    found = []
    for m in ones:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        got = _single(part, m, context)
        if got and not any(s < got[1] and got[0] < e for s, e in taken):
            found.append(got)
    out: list[tuple[int, int, tuple[int | None, int | None, bool]]] = []
    starts: set[int] = set()  # indices in ``out`` of "start" times not yet paired with a closing time
    overnight = False
    for start, end, kind, minutes in found:
        if out and kind == "close" and out[-1][2][1] is None and out[-1][2][0] is not None \
                and start - out[-1][1] <= 40 and not _day_exprs(part[out[-1][1]:start]):
            prev = out.pop()
            starts.discard(len(out))
            if prev[2][0] < minutes:
                out.append((prev[0], end, (prev[2][0], minutes, False)))
            else:  # "from 9pm until 8am the next day": past midnight, not an opening and a closing time
                overnight = True
            continue
        if kind == "start":
            starts.add(len(out))
        out.append((start, end, (None, minutes, False) if kind == "close" else (minutes, None, False)))
    return [] if overnight else [t for i, t in enumerate(out) if i not in starts]


def _day_value(m: re.Match[str], prefix: str = "") -> int:
    if m.group(prefix + "en"):
        return _EN_DAYS[m.group(prefix + "en").lower()]
    if m.group(prefix + "zh"):
        return _ZH_DAYS[m.group(prefix + "zh")]
    if m.group(prefix + "ko"):
        return _KO_DAYS[m.group(prefix + "ko")]
    return next(_AR_DAY_VALUES[i] for i in range(len(_AR_DAY_VALUES)) if m.group(f"{prefix}ar{i}"))


_ALL_KINDS = (True, True, True)


def _day_exprs(text: str, closed: bool = False, kinds: tuple[bool, bool, bool] = _ALL_KINDS
               ) -> list[tuple[int, int, frozenset[int]]]:
    """Day ranges, named days and day sets in ``text``: the days it is open (or, with ``closed``,
    the days it says it is closed). ``kinds`` says which of the three can be there at all (a clause
    holds none that its statement cannot)."""
    merged = _day_sets(text, kinds)
    if closed:
        return [span for f in merged if (span := _closed_span(text, f))]
    return _open_days(text, merged)


@lru_cache(maxsize=4096)
def _day_sets(text: str, kinds: tuple[bool, bool, bool]) -> tuple[tuple[int, int, frozenset[int]], ...]:
    """Every day expression in ``text``, lists merged, in text order (read once for open and closed days)."""
    found: list[tuple[int, int, frozenset[int]]] = []
    ranges, days, sets = kinds
    for m in _DAY_RANGE.finditer(text) if ranges else ():
        a, b = _day_value(m, "a_"), _day_value(m, "b_")
        found.append((m.start(), m.end(), frozenset((a + k) % 7 for k in range((b - a) % 7 + 1))))
    taken = [(s, e) for s, e, _ in found]
    for m in _FULL_DAY.finditer(text) if days else ():
        if not any(s <= m.start() < e for s, e in taken):
            single = _DAY_RE.fullmatch(m.group(0).strip())
            if single:
                found.append((m.start(), m.end(), frozenset({_day_value(single)})))
    for start, end, key in DAY_SETS.find(text) if sets else ():
        if not any(s <= start < e for s, e in taken) and not (key == "weekdays" and _NUMBER_BEFORE.search(
                text[max(0, start - 24):start])):
            found.append((start, end, _DAY_SET_VALUES[key]))
    return tuple(_merge_lists(sorted(found), text))  # "closed on Fridays and Saturdays": the closure covers both


def _open_days(text: str, merged: tuple[tuple[int, int, frozenset[int]], ...]) -> list[tuple[int, int, frozenset[int]]]:
    """The day expressions that say when something is open: an exception leaves its days out of the set
    it follows ("every day except Sundays"), a closure is no open day."""
    kept: list[tuple[int, int, frozenset[int]]] = []
    pending: tuple[int, int, frozenset[int]] | None = None  # "除周一外": an exception before its days
    for f in merged:
        if kept and f[2] < kept[-1][2] and _EXCEPT_BETWEEN.fullmatch(text[kept[-1][1]:f[0]]):
            start, _, open_days = kept.pop()  # "every day except Sundays": Monday to Saturday
            f = (start, f[1], open_days - f[2])
        elif pending and pending[2] < f[2] and _EXCEPT_OUTSIDE.fullmatch(text[pending[1]:f[0]]):
            f = (pending[0], f[1], f[2] - pending[2])
        elif _EXCLUDED_BEFORE.search(text[max(0, f[0] - 16):f[0]]) or _EXCLUDED_AFTER.search(text[f[1]:f[1] + 6]):
            pending = f
            continue
        pending = None
        if f[2]:
            kept.append(f)
    return kept


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


def _day_distance(part: str, day: tuple[int, int, frozenset[int]], t_start: int, t_end: int, single: bool) -> int:
    """How far a day expression is from a time, in characters other than spaces and the particle after
    a Korean day ("주말에는 11시"); for a single time, a day across a comma or "but" is farther
    ("平日服務到晚上九點，週末提早於六點結束": the weekend goes with the second time)."""
    gap = (day[1], t_start) if day[1] <= t_start else (t_end, day[0])
    text = part[gap[0]:gap[1]]
    if day[1] <= t_start:
        text = _KO_DAY_PARTICLE.sub("", text, count=1)
    far = single and bool(_CLAUSE_GAP.search(text))
    return len(re.sub(r"\s+", "", text)) + 10 * far


_KO_DAY_PARTICLE = re.compile(r"^(?:에는|에도|에|은|는|엔)(?=\s|$)")


def _assign_days(part: str, times: list[tuple[int, int, tuple[int | None, int | None, bool]]],
                 days: list[tuple[int, int, frozenset[int]]]) -> dict[int, int]:
    """Each time's day expression (index into ``days``): the closest pairs first, each day used once,
    so that in "9am–6pm, and until 4pm on Saturdays" Saturday goes with the 4pm it sits beside."""
    pairs = sorted((_day_distance(part, d, t[0], t[1], t[2][0] is None or t[2][1] is None), ti, di)
                   for ti, t in enumerate(times) for di, d in enumerate(days))
    chosen: dict[int, int] = {}
    for _, ti, di in pairs:
        if ti not in chosen and di not in chosen.values():
            chosen[ti] = di
    return chosen


# every schedule is built from a match of one of these in some clause of the text, or from DAY_SETS; a
# pattern that cannot match the whole text (it lacks a word the pattern needs) matches none of its clauses
_G_247, _G_RANGE, _G_BETWEEN, _G_ALL_DAY, _G_ONE, _G_DAY_RANGE, _G_FULL_DAY = (
    Gated(rx) for rx in (_FULL_247, _TIME_RANGE, _TIME_BETWEEN, _ALL_DAY, _TIME_ONE, _DAY_RANGE, _FULL_DAY))


def find_hours(text: str) -> list[tuple[int, int, Schedule | str]]:
    """(start, end, schedule) for each schedule in ``text`` (digits already normalised)."""
    out: list[tuple[int, int, Schedule | str]] = []
    may_247, may_range, may_between, may_all_day, may_one = (
        g.may_match(text) for g in (_G_247, _G_RANGE, _G_BETWEEN, _G_ALL_DAY, _G_ONE))
    day_kinds = (_G_DAY_RANGE.may_match(text), _G_FULL_DAY.may_match(text), DAY_SETS.may_match(text))
    may_days, may_context = any(day_kinds), HOURS_CONTEXT.may_match(text)
    if not (may_247 or may_range or may_between or may_all_day or may_one or may_days):
        return out  # no word a time or a day needs
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    for base, stop in zip(cuts, cuts[1:]):
        part = text[base:stop]
        full = _FULL_247.search(part) if may_247 else None
        if full:
            out.append((base + full.start(), base + full.end(), "24/7"))
            continue
        days = _day_exprs(part, kinds=day_kinds) if may_days else []
        ranges = list(_TIME_RANGE.finditer(part)) if may_range else []
        ranges = sorted(ranges + [m for m in (_TIME_BETWEEN.finditer(part) if may_between else ())
                                  if not any(r.start() < m.end() and m.start() < r.end() for r in ranges)],
                        key=lambda m: m.start())
        times: list[tuple[int, int, tuple[int | None, int | None, bool]]] = [
            (m.start(), m.end(), r) for m in ranges if (r := _time_range(m))]
        times += [(m.start(), m.end(), (0, 1440, False)) for m in (_ALL_DAY.finditer(part) if may_all_day else ())
                  if not any(s <= m.start() < e for s, e, _ in times)]
        # a range this finder cannot hold ("밤 9시부터 아침 8시까지", overnight) is no pair of single times either
        if may_one:
            times += _singles(part, [(s, e) for s, e, _ in times] + [m.span() for m in ranges], may_context)
        times.sort()
        chosen = _assign_days(part, times, days)
        for ti, (t_start, t_end, (open_, close, bare)) in enumerate(times):
            d = days[chosen[ti]] if ti in chosen else None
            if d is None and bare:
                continue
            sched = Schedule(d[2] if d else None, open_, close)
            single = open_ is None or close is None
            if d and single and (_day_distance(part, d, t_start, t_end, False) > 6 or TOPICS.find(
                    part[min(d[1], t_end):max(d[0], t_start)])):
                d_span = None  # "On Thursdays every store closes at 7pm", "周六门店营业到": the span leaves the subject out
            else:
                d_span = d
            start, end = (min(t_start, d_span[0]), max(t_end, d_span[1])) if d_span else (t_start, t_end)
            end -= 1 if re.search(r"\d\s?[ap]m\.$", part[:end], re.IGNORECASE) else 0  # "5pm." ends the sentence
            out.append((base + start, base + end, "24/7" if as_schedule("24/7") == sched else sched))
        if not times and may_context and HOURS_CONTEXT.find(part):
            out += [(base + s, base + e, Schedule(d, None, None)) for s, e, d in days if len(d) > 1]
        if may_days and not times and not any(len(d) > 1 for _, _, d in days):
            for s, e, shut in _day_exprs(part, closed=True, kinds=day_kinds):
                if shut != ALL_DAYS:
                    out.append((base + s, base + e, Schedule(ALL_DAYS - shut, None, None)))
    return out
