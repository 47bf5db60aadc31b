"""The events of a window as columnar arrays: what the chart draws and the list shows."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from events.edtf import UncertainDate, shift
from events.lane_entries import ENTRY_FIELDS, Entry, current_entries
from events.models import Actor, Event, LaneEntry, Source
from timeline.lod.lanes import choose_lanes, lanes_payload
from timeline.lod.vocab import QUAD_INDEX, ROLE_INDEX

if TYPE_CHECKING:
    from timeline.lod.build import Scope

Rows = list[tuple[int, Entry]]


def projected_entries(
    start: date, end: date, max_span: int, scope: Scope, limit: int
) -> Rows | None:
    """The public events of the window from the read model (one indexed query), in date
    order; None when there are more than `limit`."""
    rows = LaneEntry.objects.filter(
        date_start__gte=shift(start, -max_span), date_start__lte=end, date_end__gte=start
    )
    if scope.quads:
        rows = rows.filter(quad_class__in=scope.quads)
    if scope.categories:
        rows = rows.filter(category__in=scope.categories)
    found = list(
        rows.order_by("date_start", "date_end", "event_id").values_list("event_id", *ENTRY_FIELDS)[
            : limit + 1
        ]
    )
    if len(found) > limit:
        return None
    return [(pk, _entry(values)) for pk, *values in found]


def _entry(values: list[Any]) -> Entry:
    position = ENTRY_FIELDS.index("participants")
    values[position] = tuple(tuple(p) for p in json.loads(values[position] or "[]"))
    return Entry(*values)


def queried_entries(events: QuerySet[Event]) -> Rows:
    """The events of a filtered queryset, in date order (three queries)."""
    return list(current_entries(events.order_by("date_start", "date_end", "pk")).items())


def events_payload(rows: Rows, scope: Scope) -> dict[str, Any]:
    """Every event of the window with its actors, roles, first quote and source."""
    activity = Counter(actor for _, entry in rows for actor in entry.actor_ids)
    actor_ids = sorted(activity)
    source_ids = sorted({e.source_id for _, e in rows if e.source_id is not None})
    return {
        "total": len(rows),
        "events": _columns(rows, actor_ids, source_ids),
        "actors": _actors(actor_ids),
        "sources": _sources(source_ids),
        "lanes": lanes_payload(choose_lanes(activity, scope), activity, scope, all_events=True),
    }


def _columns(rows: Rows, actor_ids: list[int], source_ids: list[int]) -> dict[str, list[Any]]:
    actor_pos = {a: i for i, a in enumerate(actor_ids)}
    source_pos = {s: i for i, s in enumerate(source_ids)}
    names = (
        "id", "title", "date", "start", "days", "quad", "category", "retracted", "planned", "place",
    )  # fmt: skip
    cols: dict[str, list[Any]] = {k: [] for k in (*names, "actors", "quote", "source")}
    none = len(QUAD_INDEX) - 1
    for pk, e in rows:
        cols["id"].append(pk)
        cols["title"].append(e.title)
        cols["date"].append(
            UncertainDate(e.date_start, e.date_end, e.precision, e.approximate).display
        )
        cols["start"].append(e.date_start.isoformat())
        cols["days"].append((e.date_end - e.date_start).days)
        cols["quad"].append(QUAD_INDEX.get(e.quad_class, none))
        cols["category"].append(e.category)
        cols["retracted"].append(1 if e.retracted else 0)
        cols["planned"].append(1 if e.planned else 0)
        cols["place"].append(e.place_name)
        # [actor position, role code] or [actor position, role code, role words]
        cols["actors"].append(
            [
                [actor_pos[a], ROLE_INDEX.get(r, 2), w]
                if w
                else [actor_pos[a], ROLE_INDEX.get(r, 2)]
                for a, r, w in e.participants
            ]
        )
        cols["quote"].append(e.quote)
        cols["source"].append(source_pos[e.source_id] if e.source_id is not None else -1)
    return cols


def _actors(actor_ids: list[int]) -> dict[str, list[Any]]:
    rows = dict(Actor.objects.filter(pk__in=actor_ids).values_list("pk", "name"))
    return {"id": actor_ids, "name": [rows[a] for a in actor_ids]}


def _sources(source_ids: list[int]) -> dict[str, list[Any]]:
    rows = {
        s["pk"]: s
        for s in Source.objects.filter(pk__in=source_ids).values(
            "pk", "title", "publisher", "published", "url"
        )
    }
    published = [rows[s]["published"] for s in source_ids]
    return {
        "title": [rows[s]["title"] for s in source_ids],
        "publisher": [rows[s]["publisher"] for s in source_ids],
        "published": [d.isoformat() if d else "" for d in published],
        "url": [rows[s]["url"] for s in source_ids],
    }
