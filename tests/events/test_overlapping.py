"""overlapping() treats a date as every day it may be, at each precision."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Event
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def _hits(start: date, end: date) -> set[str]:
    return {e.title for e in Event.objects.overlapping(start, end)}


def test_a_month_overlaps_a_window_inside_it():
    make_event(when="2026-02", title="February")
    assert _hits(date(2026, 2, 10), date(2026, 2, 12)) == {"February"}


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [
        ("2026-02-13", date(2026, 2, 13), date(2026, 2, 13)),
        ("2026-02-13/2026-02-15", date(2026, 2, 13), date(2026, 2, 15)),
        ("2026-W07", date(2026, 2, 9), date(2026, 2, 15)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_each_precision_overlaps_exactly_at_its_edges(when, first, last):
    make_event(when=when, title=when)
    one_day = date.resolution
    # A window ending on the first possible day, or starting on the last, overlaps...
    assert _hits(first - 5 * one_day, first) == {when}
    assert _hits(last, last + 5 * one_day) == {when}
    # ...one ending the day before, or starting the day after, does not.
    assert _hits(first - 5 * one_day, first - one_day) == set()
    assert _hits(last + one_day, last + 5 * one_day) == set()


def test_within_needs_both_bounds_inside_the_window():
    make_event(when="2026-02", title="February")
    make_event(when="2026-02-13", title="13 February")
    window = (date(2026, 2, 10), date(2026, 2, 20))
    assert {e.title for e in Event.objects.within(*window)} == {"13 February"}


def test_querysets_chain_published_overlapping_and_involving():
    macron, lavrov = make_actor(name="Macron"), make_actor(name="Lavrov")
    make_event(when="2026-02-13", actors=[macron], title="speech")
    make_event(when="2026-02-13", actors=[macron, lavrov], title="both")
    make_event(when="2026-02-13", actors=[macron], title="draft", status="draft")
    make_event(when="2026-03-01", actors=[macron], title="later")
    qs = Event.objects.published().overlapping(date(2026, 2, 1), date(2026, 2, 28))
    assert {e.title for e in qs.involving(macron)} == {"speech", "both"}
    assert {e.title for e in qs.involving(macron, lavrov, mode="all")} == {"both"}
    assert {e.title for e in qs.involving(lavrov.pk)} == {"both"}
