from __future__ import annotations

from datetime import date

import pytest

from events.edtf import InvalidDate, UncertainDate


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
