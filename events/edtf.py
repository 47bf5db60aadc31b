"""Uncertain dates: a calendar unit (day, week, month, year) or a span of days.

Pure Python, no database: the models, the date tagger, the API filters and the
exports all share this one definition of what "Feb 2026" means (1 to 28 Feb,
month precision) and how it is written in EDTF (ISO 8601-2): ``2026-02-13``,
``2026-W07``, ``2026-02``, ``2026``, ``2026-02-13/2026-02-15``, with ``~`` for
approximate.

The supported range is one place: FIRST_DAY to LAST_DAY, with shift() for the
arithmetic that could leave it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

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

# The register's supported range: the four-digit years of ISO 8601 and EDTF without a
# sign, proleptic Gregorian, CE only. It is exactly Python's date range, so every
# stored date can be read; a value that would fall outside is refused where it
# enters, and arithmetic near the ends (padding a window, the day after a bucket)
# goes through shift(), which stops at the ends instead of raising OverflowError.
FIRST_DAY = date(1, 1, 1)
LAST_DAY = date(9999, 12, 31)
SUPPORTED_RANGE = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
# The instants of that range, for "changed since" filters.
FIRST_INSTANT = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=UTC)
LAST_INSTANT = datetime.combine(LAST_DAY, datetime.max.time(), tzinfo=UTC)

_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_EDTF_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # ASCII digits only, as EDTF and ISO 8601 write them (Python's \d also takes "٢").
    ("range", re.compile(rf"^{_DAY}/{_DAY}$", re.ASCII)),
    ("day", re.compile(rf"^{_DAY}$", re.ASCII)),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$", re.ASCII)),
    ("month", re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)),
    ("year", re.compile(r"^(\d{4})$", re.ASCII)),
]
# EDTF's and ISO 8601's ways past the four-digit years: a sign ("-0500", "+2026"),
# five or more digits ("10000-01-01", not ISO's basic "20260213"), EDTF's long years
# ("Y-12000") and year zero.
_OUT_OF_RANGE_YEAR = re.compile(r"^(?:[+\-\u2212]\d|Y[+\-]?\d|\d{5,}-|\d{5,7}$|0000(?!\d))")
OUT_OF_RANGE = f"outside the supported range, {SUPPORTED_RANGE} (four-digit years, no sign)"


class InvalidDate(ValueError):
    """A date value that is not a well-formed EDTF date of a supported form."""


class NotEDTF(InvalidDate):
    """A value in none of the EDTF forms (as opposed to one of them with a wrong value)."""


class OutOfRange(InvalidDate):
    """A date, or part of one, outside the supported range."""


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
        _check_year(iso_year)
        try:
            monday = date.fromisocalendar(iso_year, iso_week, 1)
        except ValueError as exc:
            raise InvalidDate(f"{iso_year:04d}-W{iso_week:02d} is not an ISO week") from exc
        if monday > shift(LAST_DAY, -6):
            # 9999-W52 runs from 27 Dec 9999 to 2 Jan 10000.
            raise OutOfRange(
                f"“{iso_year:04d}-W{iso_week:02d}” ends after {LAST_DAY.isoformat()}: "
                f"the week is {OUT_OF_RANGE}"
            )
        return cls(monday, shift(monday, 6), Precision.WEEK, approximate)

    @classmethod
    def week_of(cls, day: date, *, approximate: bool = False) -> UncertainDate:
        iso = day.isocalendar()
        return cls.week(iso.year, iso.week, approximate=approximate)

    @classmethod
    def month(cls, year: int, month: int, *, approximate: bool = False) -> UncertainDate:
        _check_year(year)
        if not 1 <= month <= 12:
            raise InvalidDate(f"{year:04d}-{month:02d} has no month {month}")
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), Precision.MONTH, approximate)

    @classmethod
    def year(cls, year: int, *, approximate: bool = False) -> UncertainDate:
        _check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, approximate)

    @classmethod
    def from_edtf(cls, value: str) -> UncertainDate:
        """Parse the EDTF forms geotimeline writes; raise InvalidDate otherwise."""
        text = value.strip()
        approximate = text.endswith("~")
        text = text.rstrip("~")
        if _OUT_OF_RANGE_YEAR.match(text):
            raise OutOfRange(f"“{value}” is {OUT_OF_RANGE}")
        for form, pattern in _EDTF_PATTERNS:
            match = pattern.match(text)
            if match:
                try:
                    return _build(form, [int(g) for g in match.groups()], approximate)
                except OutOfRange:
                    raise
                except ValueError as exc:
                    raise InvalidDate(f"“{value}” is not a valid date: {exc}") from exc
        raise NotEDTF(
            f"“{value}” is not an EDTF date (expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY "
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


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, stopping at FIRST_DAY or LAST_DAY rather than overflowing."""
    ordinal = day.toordinal() + days
    return date.fromordinal(min(max(ordinal, FIRST_DAY.toordinal()), LAST_DAY.toordinal()))


def clamp_instant(moment: datetime) -> datetime:
    """An aware instant, or FIRST_INSTANT / LAST_INSTANT when it lies before or after them.

    0001-01-01T00:00+14:00 is a valid datetime whose UTC time is in year 0: databases
    (and astimezone) cannot take it, and "at or after" it means "at or after the first
    instant" exactly."""
    if moment < FIRST_INSTANT:
        return FIRST_INSTANT
    if moment > LAST_INSTANT:
        return LAST_INSTANT
    return moment


def _check_year(year: int) -> None:
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise OutOfRange(f"the year {year:04d} is {OUT_OF_RANGE}")


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
    return f"{day.day} {MONTH_ABBR[day.month]} {format_year(day.year)}"


def format_year(year: int) -> str:
    """Four digits, as ISO 8601 and EDTF write years: "Jan 1" would read as a day."""
    return f"{year:04d}"


def _display_core(value: UncertainDate) -> str:
    start, end = value.start, value.end
    match value.precision:
        case Precision.DAY:
            return format_day(start)
        case Precision.WEEK:
            return f"week of {format_day(start)}"
        case Precision.MONTH:
            return f"{MONTH_ABBR[start.month]} {format_year(start.year)}"
        case Precision.YEAR:
            return format_year(start.year)
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
    """The first and last day of the calendar unit of `precision` holding `start`.

    Raises OutOfRange for a week that runs past LAST_DAY (27-31 Dec 9999)."""
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
