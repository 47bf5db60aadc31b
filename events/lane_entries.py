"""An event as the timeline shows it: bounds, quad class, participants, first quote.

``current_entries`` reads entries from the event tables (three queries for any
number of events); ``LaneEntry`` rows keep them for public events, so that the
timeline reads a window's events from one table and the lane counts can be
updated by exact deltas (see events.lane_counts).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from events.buckets import bucket_number
from events.models import Citation, Event, Participation, Role, Status
from events.models.stats import Grain, LaneEntry

GRAINS = tuple(Grain.values)
ALL_EVENTS_LANE = 0
ALL_QUADS = "*"
CATEGORY = "cat:"  # series of one PLOVER category: "cat:FIGHT"
QUOTE_LENGTH = 120
ROLE_ORDER = {str(role): i for i, role in enumerate(Role.values)}
Key = tuple[str, int, str]  # grain, lane, quad class: one LaneSeries
Deltas = dict[Key, Counter[int]]  # bucket number -> change
Participant = tuple[int, str, str]  # actor id, role, the role in the source's words

ENTRY_FIELDS = (
    "date_start",
    "date_end",
    "precision",
    "approximate",
    "quad_class",
    "category",
    "retracted",
    "planned",
    "title",
    "place_name",
    "participants",
    "quote",
    "source_id",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One event as the timeline shows and counts it."""

    date_start: date
    date_end: date
    precision: str
    approximate: bool
    quad_class: str
    category: str
    retracted: bool
    planned: bool
    title: str
    place_name: str
    participants: tuple[Participant, ...]
    quote: str
    source_id: int | None

    @property
    def actor_ids(self) -> tuple[int, ...]:
        return tuple(sorted({actor for actor, _, _ in self.participants}))

    def counted(self) -> tuple[date, date, str, tuple[int, ...]]:
        """What the lane counts depend on."""
        return self.date_start, self.date_end, self.quad_class, self.actor_ids

    def add_to(self, deltas: Deltas, sign: int) -> None:
        """Add (sign=1) or subtract (sign=-1) this entry's counts: in its quad class and
        its category, in every bucket it overlaps; in "*", once, where it starts."""
        lanes = (ALL_EVENTS_LANE, *self.actor_ids)
        kinds = [self.quad_class] + ([CATEGORY + self.category] if self.category else [])
        for grain in GRAINS:
            first = bucket_number(grain, self.date_start)
            buckets = range(first, bucket_number(grain, self.date_end) + 1)
            for lane in lanes:
                for kind in kinds:
                    series = deltas.setdefault((grain, lane, kind), Counter())
                    for bucket in buckets:
                        series[bucket] += sign
                deltas.setdefault((grain, lane, ALL_QUADS), Counter())[first] += sign


EVENT_COLUMNS = (
    "pk",
    "date_start",
    "date_end",
    "precision",
    "approximate",
    "quad_class",
    "category",
    "status",
    "planned",
    "title",
    "place_name",
)


def current_entries(
    events: QuerySet[Event],
    parts: QuerySet[Participation] | None = None,
    citations: QuerySet[Citation] | None = None,
) -> dict[int, Entry]:
    """Entries of these events in their order; `parts` and `citations` may cover more."""
    rows = list(events.values_list(*EVENT_COLUMNS))
    ids = [row[0] for row in rows]
    people = _participants(parts if parts is not None else _of(Participation, ids))
    quotes = _first_quotes(citations if citations is not None else _of(Citation, ids))
    out = {}
    for pk, start, end, precision, approx, quad, category, status, planned, title, place in rows:
        quote, source = quotes.get(pk, ("", None))
        out[pk] = Entry(
            start,
            end,
            precision,
            approx,
            quad or "",
            category,
            status == Status.RETRACTED,
            planned,
            title,
            place,
            tuple(people.get(pk, ())),
            quote,
            source,
        )
    return out


def _of(model: type[Participation] | type[Citation], ids: list[int]) -> QuerySet[Any]:
    return model.objects.filter(event_id__in=ids)


def _participants(parts: QuerySet[Participation]) -> dict[int, list[Participant]]:
    out: dict[int, list[tuple[int, int, int, str, str]]] = {}
    rows = parts.order_by().values_list("event_id", "pk", "actor_id", "role", "role_words")
    for event_id, pk, actor, role, words in rows:
        out.setdefault(event_id, []).append((ROLE_ORDER.get(role, 9), pk, actor, role, words))
    # Initiators first, then recipients, then mentions; in the order they were entered.
    return {e: [(a, r, w) for _, _, a, r, w in sorted(ps)] for e, ps in out.items()}


def _first_quotes(citations: QuerySet[Citation]) -> dict[int, tuple[str, int]]:
    out: dict[int, tuple[int, str, int]] = {}
    for event_id, pk, quote, source in citations.order_by().values_list(
        "event_id", "pk", "quote", "source_id"
    ):
        if event_id not in out or pk < out[event_id][0]:
            out[event_id] = (pk, quote, source)
    return {e: (shorten(q), s) for e, (_, q, s) in out.items()}


def shorten(text: str) -> str:
    """A quote short enough for a hover label."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + "…"


def entry_of(row: LaneEntry) -> Entry:
    values = {name: getattr(row, name) for name in ENTRY_FIELDS}
    values["participants"] = tuple(tuple(p) for p in json.loads(row.participants or "[]"))
    return Entry(**values)


def entry_values(entries: dict[int, Entry]) -> Iterator[tuple[Any, ...]]:
    """Rows for LaneEntry, in the column order of LANE_ENTRY_COLUMNS."""
    for pk, e in entries.items():
        people = json.dumps([list(p) for p in e.participants], ensure_ascii=False)
        yield (
            pk,
            e.date_start,
            e.date_end,
            e.precision,
            e.approximate,
            e.quad_class,
            e.category,
            e.retracted,
            e.planned,
            e.title,
            e.place_name,
            people,
            e.quote,
            e.source_id,
        )


LANE_ENTRY_COLUMNS = ("event_id", *ENTRY_FIELDS)
