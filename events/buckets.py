"""Calendar buckets for the timeline: days, ISO weeks, months, quarters, years.

Pure Python. A bucket is named by its first day; an event counts in every
bucket its date range overlaps, the same overlap semantics as
``EventQuerySet.overlapping``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from events.edtf import shift

UNITS = ("day", "week", "month", "quarter", "year")
# Rough length of each unit in days, to pick a unit for a window.
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}


def bucket_start(unit: str, day: date) -> date:
    """The first day of the `unit` bucket holding `day`."""
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    raise ValueError(f"unknown bucket unit {unit!r}")


def bucket_end(unit: str, start: date) -> date:
    """The last day of the bucket starting on `start` (LAST_DAY for the week of 27 Dec 9999,
    the one bucket the supported range cuts short)."""
    if unit == "day":
        return start
    if unit == "week":
        return shift(start, 6)
    if unit == "year":
        return date(start.year, 12, 31)
    month = start.month + (0 if unit == "month" else 2)
    return date(start.year, month, calendar.monthrange(start.year, month)[1])


def next_bucket(unit: str, start: date) -> date:
    """The first day of the bucket after the one starting on `start`; after the last
    bucket of the supported range, where there is no next day, LAST_DAY."""
    return shift(bucket_end(unit, start), 1)


def buckets_overlapping(unit: str, start: date, end: date) -> list[date]:
    """First days of the buckets that [start, end] (both included) overlaps."""
    out = [bucket_start(unit, start)]
    # Step from each bucket's last day, which exists even in 9999, not to the next
    # bucket's first, which may not.
    while (last := bucket_end(unit, out[-1])) < end:
        out.append(shift(last, 1))
    return out


def bucket_number(unit: str, day: date) -> int:
    """The bucket holding `day`, as a number: consecutive buckets have consecutive numbers."""
    if unit == "day":
        return day.toordinal()
    if unit == "week":
        return (day.toordinal() - 1) // 7  # ordinal 1, 1 Jan 0001, is a Monday
    if unit == "month":
        return day.year * 12 + day.month - 1
    if unit == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    if unit == "year":
        return day.year
    raise ValueError(f"unknown bucket unit {unit!r}")


def bucket_from_number(unit: str, number: int) -> date:
    """The first day of bucket `number` (the inverse of bucket_number)."""
    if unit == "day":
        return date.fromordinal(number)
    if unit == "week":
        return date.fromordinal(number * 7 + 1)
    if unit == "month":
        return date(number // 12, number % 12 + 1, 1)
    if unit == "quarter":
        return date(number // 4, 3 * (number % 4) + 1, 1)
    if unit == "year":
        return date(number, 1, 1)
    raise ValueError(f"unknown bucket unit {unit!r}")


def unit_for_window(start: date, end: date, max_buckets: int) -> str:
    """The finest unit that cuts [start, end] into at most `max_buckets` buckets."""
    days = (end - start).days + 1
    for unit in UNITS:
        if days / UNIT_DAYS[unit] <= max_buckets:
            return unit
    return "year"
