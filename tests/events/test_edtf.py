from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from events.edtf import (
    FIRST_DAY,
    FIRST_INSTANT,
    LAST_DAY,
    LAST_INSTANT,
    InvalidDate,
    NotEDTF,
    OutOfRange,
    UncertainDate,
    clamp_instant,
    format_year,
    shift,
    unit_bounds,
)


@pytest.mark.parametrize(
    ("edtf", "display", "start", "end"),
    [
        ("2026-02-13", "13 Feb 2026", date(2026, 2, 13), date(2026, 2, 13)),
        ("2026-02", "Feb 2026", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", "Feb 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026", "2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-W07", "week of 9 Feb 2026", date(2026, 2, 9), date(2026, 2, 15)),
        ("2026-02-13/2026-02-15", "13–15 Feb 2026", date(2026, 2, 13), date(2026, 2, 15)),
        ("2026-01-30/2026-02-02", "30 Jan – 2 Feb 2026", date(2026, 1, 30), date(2026, 2, 2)),
        ("2026-02~", "c. Feb 2026", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_it_reads_writes_and_displays_each_form(edtf, display, start, end):
    value = UncertainDate.from_edtf(edtf)
    assert (value.start, value.end) == (start, end)
    assert value.edtf == edtf
    assert value.display == display


@pytest.mark.parametrize("bad", ["2026-13", "2026-02-30", "13/02/2026", "2026-W54", "", "soon"])
def test_it_names_what_is_wrong_with_a_bad_value(bad):
    with pytest.raises(InvalidDate, match="date"):
        UncertainDate.from_edtf(bad)


def test_a_reversed_range_is_refused():
    with pytest.raises(InvalidDate, match="before it starts"):
        UncertainDate.from_edtf("2026-02-15/2026-02-13")


@pytest.mark.parametrize(
    ("edtf", "html"),
    [
        ("2026-02-13", "2026-02-13"),
        ("2026-W07", "2026-W07"),
        ("2026-W01", "2026-W01"),  # starts on 29 Dec 2025
        ("2026-02", "2026-02"),
        ("2024-02", "2024-02"),
        ("2026", "2026"),
        ("2026-02-13/2026-02-15", "2026-02-13"),
        ("2026-02~", "2026-02"),
    ],
)
def test_html_datetime_keeps_the_unit_and_never_invents_a_day(edtf, html):
    assert UncertainDate.from_edtf(edtf).html_datetime == html


# --- The supported range: 0001-01-01 to 9999-12-31 -----------------------------


@pytest.mark.parametrize(
    ("edtf", "start", "end", "display"),
    [
        ("0001-01-01", date(1, 1, 1), date(1, 1, 1), "1 Jan 0001"),
        ("0001-W01", date(1, 1, 1), date(1, 1, 7), "week of 1 Jan 0001"),
        ("0001-01", date(1, 1, 1), date(1, 1, 31), "Jan 0001"),
        ("0001", date(1, 1, 1), date(1, 12, 31), "0001"),
        ("0001-01-01/0001-01-03", date(1, 1, 1), date(1, 1, 3), "1–3 Jan 0001"),
        ("9999-12-31", date(9999, 12, 31), date(9999, 12, 31), "31 Dec 9999"),
        ("9999-12", date(9999, 12, 1), date(9999, 12, 31), "Dec 9999"),
        ("9999", date(9999, 1, 1), date(9999, 12, 31), "9999"),
        ("9999-W51", date(9999, 12, 20), date(9999, 12, 26), "week of 20 Dec 9999"),
        ("9999-12-30/9999-12-31", date(9999, 12, 30), date(9999, 12, 31), "30–31 Dec 9999"),
    ],
)
def test_every_form_reads_and_writes_at_both_ends_of_the_range(edtf, start, end, display):
    value = UncertainDate.from_edtf(edtf)
    assert (value.start, value.end) == (start, end)
    assert value.edtf == edtf
    assert value.display == display


def test_the_supported_range_is_pythons_date_range():
    assert (date.min, date.max) == (FIRST_DAY, LAST_DAY)
    assert FIRST_INSTANT.isoformat() == "0001-01-01T00:00:00+00:00"
    assert LAST_INSTANT.isoformat() == "9999-12-31T23:59:59.999999+00:00"


@pytest.mark.parametrize(
    "value",
    ["0000", "0000-12", "0000-01-01", "-0001", "-0500-03", "+2026", "10000", "10000-01-01",
     "12026-02-13", "Y-12000", "Y12000", "9999-W52", "9999-W52~"],
)  # fmt: skip
def test_a_date_outside_the_supported_range_is_refused_naming_the_range(value):
    with pytest.raises(OutOfRange, match="supported range, 0001-01-01 to 9999-12-31"):
        UncertainDate.from_edtf(value)


def test_the_week_whose_sunday_is_in_year_10000_is_refused_however_it_is_asked():
    with pytest.raises(OutOfRange, match="9999-W52"):
        UncertainDate.week(9999, 52)
    with pytest.raises(OutOfRange):
        UncertainDate.week_of(date(9999, 12, 31))
    with pytest.raises(OutOfRange):
        unit_bounds("week", date(9999, 12, 27))
    assert unit_bounds("week", date(9999, 12, 26)) == (date(9999, 12, 20), date(9999, 12, 26))


@pytest.mark.parametrize("year", [0, 10000, -1])
def test_months_and_years_outside_the_range_are_refused_not_overflowed(year):
    with pytest.raises(OutOfRange, match="supported range"):
        UncertainDate.year(year)
    with pytest.raises(OutOfRange, match="supported range"):
        UncertainDate.month(year, 1)


def test_iso_basic_dates_are_not_taken_for_five_digit_years():
    with pytest.raises(NotEDTF):
        UncertainDate.from_edtf("20260213")


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (date(2026, 2, 13), 30, date(2026, 3, 15)),
        (date(2026, 2, 13), -30, date(2026, 1, 14)),
        (date(9999, 12, 30), 1, date(9999, 12, 31)),
        (date(9999, 12, 30), 2, date(9999, 12, 31)),
        (date(9999, 12, 31), 10**6, date(9999, 12, 31)),
        (date(1, 1, 2), -1, date(1, 1, 1)),
        (date(1, 1, 2), -2, date(1, 1, 1)),
        (date(1, 1, 1), -(10**6), date(1, 1, 1)),
        (date(1, 1, 1), 3652058, date(9999, 12, 31)),  # the whole range in one step
        (date(9999, 12, 31), 0, date(9999, 12, 31)),
    ],
)
def test_shift_moves_by_days_and_stops_at_the_ends_of_the_range(day, days, expected):
    assert shift(day, days) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), FIRST_INSTANT),
        (datetime(1, 1, 1, 13, 59, tzinfo=timezone(timedelta(hours=14))), FIRST_INSTANT),
        (datetime(1, 1, 1, 14, 1, tzinfo=timezone(timedelta(hours=14))), None),
        (datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))), LAST_INSTANT),
        (datetime(9999, 12, 31, 9, 59, tzinfo=timezone(timedelta(hours=-14))), None),
        (datetime(2026, 2, 13, 10, tzinfo=UTC), None),
    ],
)
def test_clamp_instant_keeps_instants_in_range_and_brings_others_to_the_ends(moment, expected):
    clamped = clamp_instant(moment)
    assert clamped == (expected or moment)
    assert clamped.astimezone(UTC)  # representable in UTC, as databases store it


def test_years_below_1000_are_written_in_four_digits():
    assert format_year(476) == "0476"
    assert UncertainDate.from_edtf("0476-09").display == "Sep 0476"
    assert UncertainDate.from_edtf("2026").display == "2026"


@pytest.mark.parametrize("value", ["٢٠٢٦-٠٢", "２０２６", "2026-٠٢-13", "2026-W٠٧"])
def test_edtf_takes_ascii_digits_only(value: str) -> None:
    # As the API's schema says ([0-9]); Python's \d alone would read "٢" as 2.
    with pytest.raises(InvalidDate):
        UncertainDate.from_edtf(value)
