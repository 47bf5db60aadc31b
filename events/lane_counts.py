"""Keep the timeline's read model (LaneEntry, LaneSeries) in step with the events.

Every save and delete of an event, a participation or a citation leaves a
history record (django-simple-history), so the read model follows that history
instead of hooking every save path: ``sync_lane_counts()`` finds the events
changed since the last sync, rewrites their LaneEntry rows and applies exact
deltas to the counts (old cells out, new cells in). It costs three primary-key
lookups when nothing changed and runs before the timeline reads. Bulk writes
that bypass history (``bulk_create``, ``QuerySet.update``) must call
``rebuild_lane_counts()``; the synthetic generator does.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import islice
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Model
from django.utils import timezone

from events.edtf import shift
from events.lane_entries import (
    LANE_ENTRY_COLUMNS,
    Deltas,
    Entry,
    current_entries,
    entry_of,
    entry_values,
)
from events.models import Citation, Event, Participation
from events.models.stats import LaneCountsState, LaneEntry, LaneSeries, pack

# Re-read changes this far back on each periodic sync: on PostgreSQL a history
# row with a smaller id can commit after a larger one (re-syncing is idempotent).
LOOKBACK = timedelta(minutes=10)
RECHECK_EVERY = timedelta(seconds=30)
CHUNK = 500
HISTORIES = (Event, Participation, Citation)
Marks = tuple[int, int, int]


def sync_lane_counts(*, force: bool = False) -> LaneCountsState:
    """Bring the read model up to date with the history; returns its state."""
    state = LaneCountsState.objects.filter(pk=1).first()
    if state is None:
        rebuild_lane_counts()
        return LaneCountsState.objects.get(pk=1)
    fresh = state.synced_at and timezone.now() - state.synced_at < RECHECK_EVERY
    if not force and fresh and _history_marks() == _marks_of(state):
        return state
    with transaction.atomic():
        # Writers serialise on this row (SQLite: the IMMEDIATE transaction itself).
        state = LaneCountsState.objects.select_for_update().get(pk=1)
        since = (state.synced_at or timezone.now()) - LOOKBACK
        marks = _history_marks()
        changed = _changed_event_ids(since, state)
        refresh_lane_counts(event_ids=changed)
        state.refresh_from_db(fields=["max_span_days"])
        if changed:
            state.first_day, state.last_day = public_extent(state.max_span_days)
        _set_marks(state, marks)
        state.synced_at = timezone.now()
        state.save()
    return state


def public_extent(max_span: int) -> tuple[date | None, date | None]:
    """First and last day of all public events, from two short index reads."""
    by_start = Event.objects.public().order_by("date_start").values_list("date_start", flat=True)
    first, latest = by_start[:1], by_start.reverse()[:1]
    if not first:
        return None, None
    # The last end is among the events that start within max_span of the last start.
    tail = Event.objects.public().filter(date_start__gte=shift(latest[0], -max_span))
    return first[0], tail.order_by("-date_end").values_list("date_end", flat=True)[0]


def _history_marks() -> Marks:
    ev, pa, ci = (m.history.aggregate(m=Max("history_id"))["m"] or 0 for m in HISTORIES)
    return ev, pa, ci


def _marks_of(state: LaneCountsState) -> Marks:
    return state.event_history_id, state.participation_history_id, state.citation_history_id


def _set_marks(state: LaneCountsState, marks: Marks) -> None:
    state.event_history_id, state.participation_history_id, state.citation_history_id = marks


def _changed_event_ids(since: object, state: LaneCountsState) -> set[int]:
    ids: set[int] = set()
    for model, mark in zip(HISTORIES, _marks_of(state), strict=True):
        history = model.history  # type: ignore[attr-defined]
        rows = history.filter(history_date__gte=since) | history.filter(history_id__gt=mark)
        ids.update(rows.values_list("id" if model is Event else "event_id", flat=True))
    return ids


def refresh_lane_counts(*, event_ids: Iterable[int]) -> None:
    """Re-read these events: rewrite their entries, move their counts where they now fall."""
    ids = iter(sorted(set(event_ids)))
    while chunk := list(islice(ids, CHUNK)):
        with transaction.atomic():
            old = {e.event_id: entry_of(e) for e in LaneEntry.objects.filter(event_id__in=chunk)}
            new = current_entries(Event.objects.public().filter(pk__in=chunk))
            deltas: Deltas = {}
            stale = []
            for event_id in chunk:
                before, after = old.get(event_id), new.get(event_id)
                if before == after:
                    continue
                stale.append(event_id)
                if _counted(before) != _counted(after):
                    if before:
                        before.add_to(deltas, -1)
                    if after:
                        after.add_to(deltas, 1)
            _apply(deltas)
            _replace_entries(stale, new)


def _counted(entry: Entry | None) -> object:
    return entry.counted() if entry else None


def _apply(deltas: Deltas) -> None:
    """Add the changes to the series they touch, creating series as needed."""
    changes = {key: c for key, c in deltas.items() if any(c.values())}
    lanes = {lane for _, lane, _ in changes}
    existing = {
        (s.grain, s.lane, s.quad_class): s for s in LaneSeries.objects.filter(lane__in=lanes)
    }
    for key, change in changes.items():
        series = existing.get(key) or LaneSeries(grain=key[0], lane=key[1], quad_class=key[2])
        counts = _counts_of(series)
        for bucket, n in change.items():
            counts[bucket] = counts.get(bucket, 0) + n
        _store(series, counts)
        series.save()


def _counts_of(series: LaneSeries) -> dict[int, int]:
    if not series.pk:
        return {}
    return {series.first + i: n for i, n in enumerate(series.values()) if n}


def _store(series: LaneSeries, counts: dict[int, int]) -> None:
    """Pack {bucket number: count} into the series row, from its first bucket to its last."""
    nonzero = [b for b, n in counts.items() if n]
    if not nonzero:
        series.first, series.counts, series.total = 0, b"", 0
        return
    first, last = min(nonzero), max(nonzero)
    values = array("I", bytes(4 * (last - first + 1)))
    for bucket in nonzero:
        values[bucket - first] = counts[bucket]
    series.first, series.counts, series.total = first, pack(values), sum(values)


def _replace_entries(stale: list[int], new: dict[int, Entry]) -> None:
    LaneEntry.objects.filter(event_id__in=stale).delete()
    _insert(entry_values({pk: new[pk] for pk in stale if pk in new}))
    spans = [(new[pk].date_end - new[pk].date_start).days for pk in stale if pk in new]
    if spans:
        LaneCountsState.objects.filter(pk=1, max_span_days__lt=max(spans)).update(
            max_span_days=max(spans)
        )


def rebuild_lane_counts(*, batch_size: int = 20000) -> int:
    """Re-read every public event from scratch; returns how many were counted."""
    with transaction.atomic():
        LaneCountsState.objects.get_or_create(pk=1)
        state = LaneCountsState.objects.select_for_update().get(pk=1)
        marks = _history_marks()
        LaneSeries.objects.all().delete()
        LaneEntry.objects.all().delete()
        deltas: Deltas = {}
        total = max_span = 0
        for entries in _all_public_entries(batch_size):
            _insert(entry_values(entries))
            for entry in entries.values():
                entry.add_to(deltas, 1)
                max_span = max(max_span, (entry.date_end - entry.date_start).days)
            total += len(entries)
        _create_series(deltas)
        _set_marks(state, marks)
        state.synced_at, state.max_span_days = timezone.now(), max_span
        state.first_day, state.last_day = public_extent(max_span)
        state.save()
        analyze(LaneEntry, LaneSeries)
    return total


def analyze(*models: type[Model]) -> None:
    """Refresh the planner's statistics after a bulk load. Without them PostgreSQL
    estimated 241 rows where a window held 970,081 and sorted them all: 500 ms
    instead of 2 ms."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _create_series(deltas: Deltas) -> None:
    rows = []
    for (grain, lane, quad), counts in deltas.items():
        rows.append(LaneSeries(grain=grain, lane=lane, quad_class=quad))
        _store(rows[-1], counts)
    LaneSeries.objects.bulk_create(rows, batch_size=500)


def _insert(rows: Iterator[tuple[Any, ...]]) -> None:
    """Plain executemany: bulk_create spends 5x longer preparing a million rows."""
    sql = (
        f"INSERT INTO {connection.ops.quote_name(LaneEntry._meta.db_table)} "
        f"({', '.join(LANE_ENTRY_COLUMNS)}) VALUES ({', '.join(['%s'] * len(LANE_ENTRY_COLUMNS))})"
    )
    adapt = connection.ops.adapt_datefield_value
    with connection.cursor() as cursor:
        while chunk := list(islice(rows, 10000)):
            cursor.executemany(
                sql, [tuple(adapt(v) if isinstance(v, date) else v for v in r) for r in chunk]
            )


def _all_public_entries(batch_size: int) -> Iterator[dict[int, Entry]]:
    """Entries of every public event, a range of ids at a time."""
    last = 0
    while True:
        ids = list(
            Event.objects.public()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return
        span = {"event_id__gte": ids[0], "event_id__lte": ids[-1]}
        events = Event.objects.public().filter(pk__gte=ids[0], pk__lte=ids[-1])
        parts = Participation.objects.filter(**span)
        yield current_entries(events, parts, Citation.objects.filter(**span))
        last = ids[-1]
