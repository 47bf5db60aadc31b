"""Uncertain dates: a calendar unit (day, week, month, year) or a span of days.

Pure Python, no database: the models, the date tagger, the API filters and the
exports all share this one definition of what "Feb 2026" means (1 to 28 Feb,
month precision) and how it is written in EDTF (ISO 8601-2): ``2026-02-13``,
``2026-W07``, ``2026-02``, ``2026``, ``2026-02-13/2026-02-15``, with ``~`` for
approximate.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.vocab import Precision

MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_EDTF_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"^{_DAY}/{_DAY}$")),
    ("day", re.compile(rf"^{_DAY}$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("year", re.compile(r"^(\d{4})$")),
]


class InvalidDate(ValueError):
    """A date value that is not a well-formed EDTF date of a supported form."""


@dataclass(frozen=True, slots=True)
class UncertainDate:
    start: date
    end: date
    precision: str
    approximate: bool = False

    @classmethod
    def day(cls, day: date, *, approximate: bool = False) -> UncertainDate:
        return cls(day, day, Precision.DAY, approximate)

    @classmethod
    def span(cls, start: date, end: date, *, approximate: bool = False) -> UncertainDate:
        if end < start:
            raise InvalidDate(f"the range ends ({end}) before it starts ({start})")
        if end == start:
            return cls.day(start, approximate=approximate)
        return cls(start, end, Precision.RANGE, approximate)

    @classmethod
    def week(cls, iso_year: int, iso_week: int, *, approximate: bool = False) -> UncertainDate:
        try:
            monday = date.fromisocalendar(iso_year, iso_week, 1)
        except ValueError as exc:
            raise InvalidDate(f"{iso_year}-W{iso_week:02d} is not an ISO week") from exc
        return cls(monday, monday + timedelta(days=6), Precision.WEEK, approximate)

    @classmethod
    def week_of(cls, day: date, *, approximate: bool = False) -> UncertainDate:
        iso = day.isocalendar()
        return cls.week(iso.year, iso.week, approximate=approximate)

    @classmethod
    def month(cls, year: int, month: int, *, approximate: bool = False) -> UncertainDate:
        if not 1 <= month <= 12:
            raise InvalidDate(f"{year}-{month:02d} has no month {month}")
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), Precision.MONTH, approximate)

    @classmethod
    def year(cls, year: int, *, approximate: bool = False) -> UncertainDate:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, approximate)

    @classmethod
    def from_edtf(cls, value: str) -> UncertainDate:
        """Parse the EDTF forms geotimeline writes; raise InvalidDate otherwise."""
        text = value.strip()
        approximate = text.endswith("~")
        text = text.rstrip("~")
        for form, pattern in _EDTF_PATTERNS:
            match = pattern.match(text)
            if match:
                try:
                    return _build(form, [int(g) for g in match.groups()], approximate)
                except ValueError as exc:
                    raise InvalidDate(f"{value!r} is not a valid date: {exc}") from exc
        raise InvalidDate(
            f"{value!r} is not an EDTF date (expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY "
            "or YYYY-MM-DD/YYYY-MM-DD)"
        )

    @property
    def edtf(self) -> str:
        suffix = "~" if self.approximate else ""
        return f"{_edtf_core(self)}{suffix}"

    @property
    def display(self) -> str:
        """The date as a reader would write it: "13 Feb 2026", "Feb 2026", "2026"."""
        text = _display_core(self)
        return f"c. {text}" if self.approximate else text

    @property
    def html_datetime(self) -> str:
        """A value for HTML's <time datetime>: the unit where it has one, else the first day."""
        return html_datetime(self.start, self.end)

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and self.end >= start


def _build(form: str, parts: list[int], approximate: bool) -> UncertainDate:
    if form == "range":
        return UncertainDate.span(date(*parts[:3]), date(*parts[3:]), approximate=approximate)
    if form == "day":
        return UncertainDate.day(date(*parts), approximate=approximate)
    if form == "week":
        return UncertainDate.week(parts[0], parts[1], approximate=approximate)
    if form == "month":
        return UncertainDate.month(parts[0], parts[1], approximate=approximate)
    return UncertainDate.year(parts[0], approximate=approximate)


def _edtf_core(value: UncertainDate) -> str:
    match value.precision:
        case Precision.DAY:
            return value.start.isoformat()
        case Precision.WEEK:
            iso = value.start.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        case Precision.MONTH:
            return f"{value.start.year:04d}-{value.start.month:02d}"
        case Precision.YEAR:
            return f"{value.start.year:04d}"
        case _:
            return f"{value.start.isoformat()}/{value.end.isoformat()}"


def format_day(day: date) -> str:
    return f"{day.day} {MONTH_ABBR[day.month]} {day.year}"


def _display_core(value: UncertainDate) -> str:
    start, end = value.start, value.end
    match value.precision:
        case Precision.DAY:
            return format_day(start)
        case Precision.WEEK:
            return f"week of {format_day(start)}"
        case Precision.MONTH:
            return f"{MONTH_ABBR[start.month]} {start.year}"
        case Precision.YEAR:
            return str(start.year)
        case _:
            return _display_range(start, end)


def _display_range(start: date, end: date) -> str:
    # "13–15 Feb 2026", "30 Jan – 2 Feb 2026", "30 Dec 2025 – 2 Jan 2026"
    if start.year != end.year:
        return f"{format_day(start)} – {format_day(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTH_ABBR[start.month]} – {format_day(end)}"
    return f"{start.day}–{format_day(end)}"


def unit_bounds(precision: str, start: date) -> tuple[date, date]:
    """The first and last day of the calendar unit of `precision` holding `start`."""
    if precision == Precision.WEEK:
        value = UncertainDate.week_of(start)
    elif precision == Precision.MONTH:
        value = UncertainDate.month(start.year, start.month)
    elif precision == Precision.YEAR:
        value = UncertainDate.year(start.year)
    else:
        return start, start
    return value.start, value.end


def html_datetime(start: date, end: date) -> str:
    """HTML's <time datetime> value for bounds: "2026-02-13", "2026-W07", "2026-02", "2026".

    HTML has no ranges and no approximation, so a span that is no calendar unit
    gives its first day; a month stays a month, never its 1st.
    """
    if start == end:
        return start.isoformat()
    iso = start.isocalendar()
    if iso.weekday == 1 and end - start == timedelta(days=6):
        return f"{iso.year:04d}-W{iso.week:02d}"
    if start.day == 1 and end == date(start.year, start.month, 1) + _month_length(start):
        return f"{start.year:04d}-{start.month:02d}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}"
    return start.isoformat()


def _month_length(day: date) -> timedelta:
    return timedelta(days=calendar.monthrange(day.year, day.month)[1] - 1)
