"""Counts per lane and time bucket, for windows with too many events to draw one by one."""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from events.buckets import (
    bucket_end,
    bucket_number,
    buckets_overlapping,
    next_bucket,
    unit_for_window,
)
from events.edtf import shift
from events.lane_entries import ALL_QUADS, CATEGORY
from events.models import Event, LaneCountsState, LaneEntry, LaneSeries, Participation
from events.models.stats import unpack
from events.vocab import quad_class_of
from timeline.lod.lanes import choose_lanes, lanes_payload
from timeline.lod.vocab import QUAD_INDEX

if TYPE_CHECKING:
    from timeline.lod.build import Scope

# Days are not precomputed: day buckets are counted live, so only for short windows.
DAY_BUCKETS_MAX_DAYS = 45
ALL = 0
# Rank lanes by week counts up to four months, by month counts beyond: a year of weekly
# series is 7.7 KB a lane, which PostgreSQL stores out of line (TOAST); monthly ones
# stay inline. Measured on a million events: a one-year window 116 ms -> 59 ms.
RANK_BY_WEEK_DAYS = 120
Cells = Counter[tuple[int, int, int]]  # (lane id, bucket index, quad code) -> count


def pick_unit(start: date, end: date, max_buckets: int) -> str:
    """The finest bucket unit for the window; days only for short windows."""
    unit = unit_for_window(start, end, max_buckets)
    if unit == "day" and (end - start).days >= DAY_BUCKETS_MAX_DAYS:
        return "week"
    return unit


def density_payload(
    events: QuerySet[Event], scope: Scope, start: date, end: date, max_buckets: int
) -> dict[str, Any]:
    """Counts of the window's events per lane, bucket and quad class."""
    unit = pick_unit(start, end, max_buckets)
    starts = buckets_overlapping(unit, start, end)
    # The day after the last bucket closes it; at the end of the supported range, where
    # there is no day after, the last edge is LAST_DAY and the last bucket includes it.
    edges = [*starts, next_bucket(unit, starts[-1])]
    if scope.precomputed and unit != "day":
        cells, activity, all_lane = _precomputed(scope, unit, starts)
    else:
        cells, activity, all_lane = _live(events, unit, starts, scope)
    lane_ids = choose_lanes(activity, scope)
    lanes = lanes_payload(lane_ids, activity, scope, all_events=all_lane)
    position = {lane["id"]: i for i, lane in enumerate(lanes)}
    keep = sorted(
        (position[lane], b, q, n) for (lane, b, q), n in cells.items() if lane in position
    )
    out: dict[str, list[int]] = {"lane": [], "bucket": [], "quad": [], "count": []}
    if keep:
        for key, column in zip(out, zip(*keep, strict=True), strict=True):
            out[key] = list(column)
    edge_text = [d.isoformat() for d in edges]
    return {"total": None, "lanes": lanes, "density": {"unit": unit, "edges": edge_text, **out}}


def _precomputed(scope: Scope, unit: str, starts: list[date]) -> tuple[Cells, Counter[int], bool]:
    """Cells from the precomputed series: one row per lane and quad class."""
    activity = _rank(scope, starts[0], starts[-1])
    # With an actor filter, "all events" would mean all of that actor's events: not counted.
    wanted = [*activity] if scope.pinned else [ALL, *activity]
    series = LaneSeries.objects.filter(grain=unit, lane__in=wanted)
    kinds = _kinds(scope)
    if kinds is None:  # every event: the quad-class series
        series = series.exclude(quad_class=ALL_QUADS).exclude(quad_class__startswith=CATEGORY)
    else:
        series = series.filter(quad_class__in=kinds)
    first = bucket_number(unit, starts[0])
    out: Cells = Counter()
    for lane, kind, offset, data in series.values_list("lane", "quad_class", "first", "counts"):
        code = _quad_code(kind)
        for i, n in _window(unpack(data), offset, first, len(starts)):
            out[lane, i, code] += n
    return out, activity, not scope.pinned


def _kinds(scope: Scope) -> list[str] | None:
    """The series that count what the filters select; None for all events."""
    if scope.categories:
        return [
            CATEGORY + c
            for c in scope.categories
            if not scope.quads or quad_class_of(c) in scope.quads
        ]
    return list(scope.quads) if scope.quads else None


def _quad_code(kind: str) -> int:
    quad = quad_class_of(kind.removeprefix(CATEGORY)) if kind.startswith(CATEGORY) else kind
    return QUAD_INDEX.get(quad, len(QUAD_INDEX) - 1)


def _window(counts: array[int], offset: int, first: int, size: int) -> list[tuple[int, int]]:
    """(bucket index in the window, count) for the non-zero counts of a series in the window."""
    lo, hi = max(first, offset), min(first + size, offset + len(counts))
    return [(b - first, counts[b - offset]) for b in range(lo, hi) if counts[b - offset]]


def _rank(scope: Scope, start: date, end: date) -> Counter[int]:
    """The busiest lanes: their counts summed over the window at week or month grain."""
    grain = "week" if (end - start).days <= RANK_BY_WEEK_DAYS else "month"
    first, last = bucket_number(grain, start), bucket_number(grain, end)
    # Filtered: the overlap counts of the selected series (an approximation of "events
    # in the window" that counts a long event in each bucket it spans).
    kinds = _kinds(scope)
    series = LaneSeries.objects.filter(grain=grain, quad_class__in=kinds or [ALL_QUADS])
    series = series.exclude(lane=ALL)
    if scope.pinned:
        series = series.filter(lane__in=scope.pinned)
    totals: Counter[int] = Counter()
    for lane, offset, data in series.values_list("lane", "first", "counts"):
        counts = unpack(data)
        totals[lane] += sum(counts[max(0, first - offset) : max(0, last - offset + 1)])
    busiest = sorted((lane for lane, n in totals.items() if n), key=lambda a: (-totals[a], a))
    return Counter({lane: totals[lane] for lane in busiest[: scope.lanes]})


def _live(
    events: QuerySet[Event], unit: str, starts: list[date], scope: Scope
) -> tuple[Cells, Counter[int], bool]:
    """Cells counted event by event: from the read model when the filters allow, else
    from the filtered events and their participants."""
    # Rank lanes the way _rank does: events starting in the window, or, filtered by
    # quad or category, bucket-by-bucket counts.
    by_buckets = bool(scope.quads or scope.categories)
    if scope.precomputed and not scope.pinned:
        rows = _projected_rows(starts[0], bucket_end(unit, starts[-1]), scope)
        return _count(rows, unit, starts, by_buckets)
    return _count(_queried_rows(events), unit, starts, by_buckets)


Row = tuple[date, date, str, Iterable[int]]


def _projected_rows(start: date, end: date, scope: Scope) -> Iterator[Row]:
    rows = LaneEntry.objects.filter(date_start__lte=end, date_end__gte=start)
    rows = rows.filter(date_start__gte=shift(start, -_max_span()))
    if scope.quads:
        rows = rows.filter(quad_class__in=scope.quads)
    if scope.categories:
        rows = rows.filter(category__in=scope.categories)
    for first, last, quad, people in rows.values_list(
        "date_start", "date_end", "quad_class", "participants"
    ):
        yield first, last, quad, {p[0] for p in json.loads(people or "[]")}


def _max_span() -> int:
    return next(iter(LaneCountsState.objects.values_list("max_span_days", flat=True)), 0)


def _queried_rows(events: QuerySet[Event]) -> Iterator[Row]:
    actors: dict[int, set[int]] = {}
    parts = Participation.objects.filter(event_id__in=events.order_by().values("pk")).order_by()
    for event_id, actor_id in parts.values_list("event_id", "actor_id"):
        actors.setdefault(event_id, set()).add(actor_id)
    for pk, first, last, quad in events.order_by().values_list(
        "pk", "date_start", "date_end", "quad_class"
    ):
        yield first, last, quad, actors.get(pk, ())


def _count(
    rows: Iterable[Row], unit: str, starts: list[date], by_buckets: bool
) -> tuple[Cells, Counter[int], bool]:
    """Cells of the buckets starting on `starts`; rows may reach beyond them."""
    cells: Cells = Counter()
    activity: Counter[int] = Counter()
    last = len(starts) - 1
    none = len(QUAD_INDEX) - 1
    daily = unit == "day"
    origin = starts[0].toordinal()
    for first, final, quad, actors in rows:
        code = QUAD_INDEX.get(quad, none)
        if daily:  # day buckets: the offset is the bucket, no search needed
            lo, hi = first.toordinal() - origin, final.toordinal() - origin
        else:
            lo, hi = bisect_right(starts, first) - 1, bisect_right(starts, final) - 1
        buckets = range(max(0, lo), min(last, hi) + 1)
        for lane in (ALL, *actors):
            for b in buckets:
                cells[lane, b, code] += 1
        if by_buckets:
            activity.update(dict.fromkeys(actors, len(buckets)))
        elif lo >= 0:  # like the "*" series: events that start in the window
            activity.update(actors)
    return cells, activity, True
