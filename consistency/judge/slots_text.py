"""How slot values read in a reason: the surface text, plus the normalised value when it differs.

"2 weeks (14 days) vs 30 days" lets a reader check the arithmetic; "خلال 14 يومًا (14 days)" lets a
reader who does not read Arabic check a cross-lingual finding.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from consistency.judge.slots_hours import Schedule

if TYPE_CHECKING:
    from consistency.judge.slots import Slot

TYPE_CODES = {"quantity": "C101", "duration": "C102", "money": "C103", "percent": "C104", "hours": "C105",
              "frequency": "C106", "date": "C107"}
TYPE_NOUNS = {"quantity": "count", "duration": "period", "money": "amount", "percent": "share", "hours": "hours",
              "frequency": "frequency", "date": "date"}
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def _g(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".") if abs(x) >= 1000 or x != int(x) else f"{int(x)}"


def _ends(value: Any) -> tuple[float, ...]:
    """A value's one number, or a range's two ends."""
    return value if isinstance(value, tuple) else (value,)


def _range(value: Any, scale: float = 1.0) -> str:
    if isinstance(value, tuple):
        return f"{_g(value[0] / scale)}–{_g(value[1] / scale)}"
    return _g(value / scale)


_DURATION_DISPLAY = {"minute": ("hour", 1.0), "hour": ("hour", 1.0), "day": ("day", 24.0),
                     "business_day": ("business day", 24.0), "week": ("day", 24.0), "fortnight": ("day", 24.0),
                     "month": ("month", 720.0), "year": ("year", 8760.0)}


def _duration(s: Slot) -> str:
    """Days for days and weeks ("2 weeks (14 days)"), months and years as such, hours under a day."""
    hi = s.value[1] if isinstance(s.value, tuple) else s.value
    if hi < 1:
        return f"{_range(s.value, 1 / 60)} minutes"
    word, scale = _DURATION_DISPLAY.get(s.unit.removeprefix("lead_"), ("day", 24.0))
    if hi < 24 and scale == 24.0:
        word, scale = "hour", 1.0
    return f"{_range(s.value, scale)} {word}{'' if hi == scale else 's'}"


def _money(s: Slot) -> str:
    currency, amount = s.value
    if currency in _SYMBOLS:
        return "–".join(f"{_SYMBOLS[currency]}{_g(x)}" for x in _ends(amount))
    return f"{_range(amount)} {currency}"


def _frequency(s: Slot) -> str:
    if isinstance(s.value, tuple) and s.value[1] < 1:  # "every two or three years"
        return f"once every {_g(round(1 / s.value[1], 2))}–{_g(round(1 / s.value[0], 2))} years"
    per_year = s.value[1] if isinstance(s.value, tuple) else s.value
    if per_year < 1:
        return f"once every {_g(round(1 / per_year, 2))} years"
    return {1: "once a year", 2: "twice a year"}.get(per_year, f"{_range(s.value)} times a year")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _date(value: Any) -> str:
    """A year, an ISO date, or a year-less "--12-31" as "31 December"."""
    text = str(value)
    if text.startswith("--"):
        return f"{int(text[5:7])} {_MONTH_NAMES[int(text[2:4]) - 1]}"
    return text


def _hours(s: Slot) -> str:
    return s.value if isinstance(s.value, str) else str(s.value if isinstance(s.value, Schedule) else "")


CANONICAL: dict[str, Callable[[Slot], str]] = {
    "quantity": lambda s: f"{_range(s.value)} kg" if s.unit == "kg" else _range(s.value),
    "duration": _duration,
    "money": _money,
    "percent": lambda s: f"{_range(s.value)}%",
    "hours": _hours,
    "frequency": _frequency,
    "date": lambda s: _date(s.value),
}


def show(slot: Slot, rates: Mapping[str, float] | None = None) -> str:
    """The slot's own words, then its normalised value in brackets when the words do not already say it."""
    canonical = CANONICAL[slot.type](slot)
    if slot.type == "money" and rates and slot.value[0] != "USD" and slot.value[0] in rates:
        amount, rate = slot.value[1], float(rates[slot.value[0]])
        canonical += " ≈ " + "–".join(f"${_g(round(x * rate, 2))}" for x in _ends(amount))
    surface = slot.text.strip()
    return surface if canonical.casefold() in surface.casefold() else f"{surface} ({canonical})"


def describe(a: Slot, b: Slot, rates: Mapping[str, float] | None = None) -> str:
    """'return period: within 30 days vs 2 weeks (14 days)'."""
    topic = a.topic or b.topic
    label = f"{topic.replace('_', ' ')} {TYPE_NOUNS[a.type]}" if topic else TYPE_NOUNS[a.type]
    if a.unit in ("age", "kg"):
        label = "age limit" if a.unit == "age" else "weight"
    return f"{label}: {show(a, rates)} vs {show(b, rates)}"
