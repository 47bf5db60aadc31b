"""Dates in query parameters: ISO 8601, EDTF, or words ("last month", "30 janvier 2026").

A value names a span, not just a day: "2026-02" and "last month" are whole
months. A window's `start` takes the span's first day and its `end` the last,
so `start=2026-02&end=2026-02` is all of February.

Dates lie in the supported range (events.edtf); instants beyond it are taken as
its first or last instant, so "changed at or after" keeps its exact meaning.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from dateparser.date import DateDataParser

from events.edtf import InvalidDate, NotEDTF, UncertainDate, clamp_instant
from events.ingest.lang import SUPPORTED

# Parsing with every language dateparser knows takes seconds on a value that
# is not a date; the languages ingestion reads take a few milliseconds.
LANGUAGES = list(SUPPORTED)
MAX_LENGTH = 100
HINT = (
    "use ISO 8601 (2026-02-13), EDTF (2026-02, 2026-W07, 2026) "
    "or words such as “last month” or “30 janvier 2026”"
)
# Two letters in a row make a word ("janvier", "last", "февраля"); ISO's T, W and Z
# and the "e" of "1e10" stand alone between digits.
_WORD = re.compile(r"[^\W\d_]{2}")


class DateValueError(ValueError):
    """A query value that is not a date in any accepted form."""


def parse_span(value: str, *, today: date | None = None) -> UncertainDate:
    """The span of days a value names; raises DateValueError naming the value."""
    text = value.strip()
    if not text or len(text) > MAX_LENGTH:
        raise DateValueError(f"“{text[:MAX_LENGTH]}…” is not a date: {HINT}.")
    try:
        return UncertainDate.from_edtf(text)
    except NotEDTF:
        pass
    except InvalidDate as exc:  # an EDTF form with a wrong value: "2026-13", "-0500"
        raise DateValueError(f"{exc}; {HINT}.") from None
    moment = _iso_datetime(text)
    if moment is not None:
        return UncertainDate.day(clamp_instant(_aware(moment)).astimezone(UTC).date())
    day = _iso_date(text)
    if day is not None:
        return UncertainDate.day(day)
    if not _WORD.search(text):
        # Written in numbers but in no form above ("1e10", "13/02/2026"): dateparser
        # would guess, and answer for another window than the one asked.
        raise DateValueError(f"“{text}” is not a date: {HINT}.")
    return _from_words(text, today or datetime.now(UTC).date())


def parse_moment(value: str, *, now: datetime | None = None) -> datetime:
    """An aware instant: an ISO 8601 date-time (UTC when naive), else the start of the day."""
    text = value.strip()
    moment = _iso_datetime(text)
    if moment is not None:
        return clamp_instant(_aware(moment))
    today = (now or datetime.now(UTC)).date()
    return datetime.combine(parse_span(text, today=today).start, time.min, tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso_datetime(text: str) -> datetime | None:
    if "T" not in text and " " not in text.strip():
        return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None


def _iso_date(text: str) -> date | None:
    """ISO 8601's other ways to write a day: 20260213, 2026-W07-5."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _from_words(text: str, today: date) -> UncertainDate:
    base = datetime.combine(today, time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    # A parser per call is cheap: dateparser caches the languages module-wide.
    try:
        data = DateDataParser(languages=LANGUAGES, settings=settings).get_date_data(text)
        if data.date_obj is None:
            raise DateValueError(f"“{text}” is not a date: {HINT}.")
        return _span_of(data.date_obj.date(), data.period)
    except (OverflowError, InvalidDate) as exc:  # "in 9000 years": past the supported range
        raise DateValueError(f"“{text}” is not a date in the supported range: {exc}.") from None


def _span_of(day: date, period: str | None) -> UncertainDate:
    match period:
        case "year":
            return UncertainDate.year(day.year)
        case "month":
            return UncertainDate.month(day.year, day.month)
        case "week":
            return UncertainDate.week_of(day)
        case _:
            return UncertainDate.day(day)
