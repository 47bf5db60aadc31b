from __future__ import annotations

from datetime import date

import pytest

from events.buckets import (
    UNITS,
    bucket_end,
    bucket_from_number,
    bucket_number,
    buckets_overlapping,
    next_bucket,
)

FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)


@pytest.mark.parametrize(
    ("unit", "last_start"),
    [
        ("day", date(9999, 12, 31)),
        ("week", date(9999, 12, 27)),
        ("month", date(9999, 12, 1)),
        ("quarter", date(9999, 10, 1)),
        ("year", date(9999, 1, 1)),
    ],
)
def test_the_last_bucket_holds_the_last_day_and_nothing_comes_after_it(unit, last_start):
    assert buckets_overlapping(unit, date(9999, 12, 31), LAST) == [last_start]
    assert bucket_end(unit, last_start) == LAST
    # The day after the last bucket does not exist: the edge stops at the last day.
    assert next_bucket(unit, last_start) == LAST


@pytest.mark.parametrize("unit", UNITS)
def test_the_first_bucket_starts_on_the_first_day(unit):
    assert buckets_overlapping(unit, FIRST, FIRST) == [FIRST]
    assert next_bucket(unit, FIRST) > FIRST


def test_the_week_of_27_december_9999_ends_with_the_range_not_in_year_10000():
    assert bucket_end("week", date(9999, 12, 27)) == LAST
    assert bucket_end("week", date(9999, 12, 20)) == date(9999, 12, 26)


def test_the_whole_range_is_9999_year_buckets():
    years = buckets_overlapping("year", FIRST, LAST)
    assert (len(years), years[0], years[-1]) == (9999, FIRST, date(9999, 1, 1))


@pytest.mark.parametrize(
    ("unit", "start", "end", "expected"),
    [
        ("month", "2026-01-15", "2026-03-01", ["2026-01-01", "2026-02-01", "2026-03-01"]),
        ("quarter", "2025-12-31", "2026-04-01", ["2025-10-01", "2026-01-01", "2026-04-01"]),
        ("week", "2026-02-13", "2026-02-16", ["2026-02-09", "2026-02-16"]),
        ("day", "2026-02-28", "2026-03-01", ["2026-02-28", "2026-03-01"]),
    ],
)
def test_buckets_overlapping_a_window_inside_the_range(unit, start, end, expected):
    days = buckets_overlapping(unit, date.fromisoformat(start), date.fromisoformat(end))
    assert [d.isoformat() for d in days] == expected


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("day", [FIRST, date(1, 12, 31), date(9999, 1, 1), LAST])
def test_bucket_numbers_turn_back_into_buckets_at_the_ends(unit, day):
    start = bucket_from_number(unit, bucket_number(unit, day))
    assert start <= day <= bucket_end(unit, start)
