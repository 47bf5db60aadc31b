"""The lane counts (events.lane_counts) of events at the ends of the supported range."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from events.buckets import bucket_start, buckets_overlapping
from events.lane_counts import sync_lane_counts
from events.models import LaneCountsState, LaneEntry
from tests.edges import EDGE_DATES, edge_actor, make_edge_event
from tests.events.test_lane_counts import all_cells, counts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("edtf", EDGE_DATES)
def test_an_event_at_an_end_of_the_supported_range_is_counted_and_rebuilt_alike(
    edtf: str,
) -> None:
    event = make_edge_event(edtf)
    state = sync_lane_counts()
    # The extent is read back from the last start less the longest span: near year 1
    # that lookback went before the first day.
    assert (state.first_day, state.last_day) == (event.date_start, event.date_end)
    entry = LaneEntry.objects.get(event_id=event.pk)
    assert (entry.date_start, entry.date_end) == (event.date_start, event.date_end)
    for grain in ("week", "month", "quarter", "year"):
        # "*" counts the event once, where it starts; its class in every bucket it overlaps.
        assert counts(grain, edge_actor().pk) == {bucket_start(grain, event.date_start): 1}
        overlapped = buckets_overlapping(grain, event.date_start, event.date_end)
        assert counts(grain, quad="verbal_cooperation") == dict.fromkeys(overlapped, 1)
    before = all_cells()
    call_command("rebuild_lane_counts", stdout=io.StringIO())
    assert all_cells() == before
    assert LaneCountsState.objects.get().first_day == event.date_start
