"""One timeline answer: pick the window, then events or density."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from events.edtf import shift
from events.lane_counts import sync_lane_counts
from events.models import Event
from timeline.lod.density import density_payload
from timeline.lod.events import Rows, events_payload, projected_entries, queried_entries
from timeline.lod.vocab import QUADS, ROLES

# Over this many events in the window the answer is counts, not events: 2,000
# events with their hover text are about 380 KB (60 KB gzipped), and about what
# the browser redraws within a zoom step.
THRESHOLD = 2000
MAX_BUCKETS = 160
DEFAULT_LANES = 20
MAX_LANES = 60


@dataclass(frozen=True)
class Scope:
    """What the reader asked for, beyond the filtered queryset."""

    start: date | None = None
    end: date | None = None
    lanes: int = DEFAULT_LANES
    group: str = ""
    # Actors named by the filter: their lanes come first.
    pinned: tuple[int, ...] = ()
    # Quad classes and categories named by the filter (the counts are kept per both).
    quads: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    # The filters are ones the precomputed lane counts can answer exactly.
    precomputed: bool = False
    # The queryset holds public events only (what the lane counts cover).
    public_only: bool = True
    threshold: int = THRESHOLD


def build_timeline(
    events: QuerySet[Event], scope: Scope, *, extent_of: QuerySet[Event]
) -> dict[str, Any]:
    """The answer for one window of `events` (already filtered, window included)."""
    if scope.public_only:
        state = sync_lane_counts()
        max_span: int | None = state.max_span_days
        extent = _or_today(state.first_day, state.last_day)
    else:
        max_span, extent = None, data_extent(extent_of)
    start, end = window(scope, extent)
    if max_span is not None:
        # Same rows: every public event starts at most max_span days before it ends,
        # and this bound lets the database use the (status, date_start) index.
        events = events.filter(date_start__gte=shift(start, -max_span))
    answer: dict[str, Any] = {
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "extent": {"start": extent[0].isoformat(), "end": extent[1].isoformat()},
        "threshold": scope.threshold,
        "group": scope.group,
        "quads": QUADS,
        "roles": ROLES,
    }
    rows = _window_events(events, scope, start, end, max_span)
    if rows is not None:
        answer.update(mode="events", **events_payload(rows, scope))
    else:
        answer.update(mode="density", **density_payload(events, scope, start, end, MAX_BUCKETS))
    return answer


def _window_events(
    events: QuerySet[Event], scope: Scope, start: date, end: date, max_span: int | None
) -> Rows | None:
    """The window's events in date order, or None when there are more than the threshold."""
    if scope.precomputed and not scope.pinned and max_span is not None:
        return projected_entries(start, end, max_span, scope, scope.threshold)
    if _count_at_most(events, scope.threshold) > scope.threshold:
        return None
    return queried_entries(events)


def _count_at_most(events: QuerySet[Event], limit: int) -> int:
    """min(count, limit + 1), without ordering, so the database stops early."""
    return len(events.order_by().values_list("pk", flat=True)[: limit + 1])


def data_extent(events: QuerySet[Event]) -> tuple[date, date]:
    """First and last day of these events (any status); today when there are none."""
    first = events.order_by("date_start").values_list("date_start", flat=True)[:1]
    last = events.order_by("-date_end").values_list("date_end", flat=True)[:1]
    return _or_today(next(iter(first), None), next(iter(last), None))


def _or_today(first: date | None, last: date | None) -> tuple[date, date]:
    today = timezone.now().date()
    return first or today, last or today


def window(scope: Scope, extent: tuple[date, date]) -> tuple[date, date]:
    """The window asked for; the whole extent, a little padded, when none was."""
    if scope.start and scope.end:
        return scope.start, scope.end
    pad = max(3, (extent[1] - extent[0]).days // 50)
    start = scope.start or shift(extent[0], -pad)
    end = scope.end or shift(extent[1], pad)
    return (start, end) if start <= end else (end, start)
