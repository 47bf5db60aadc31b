"""Small factories: the least a valid row needs, overridable by keyword."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from events.edtf import UncertainDate
from events.models import Actor, Citation, Event, Participation, Source, Status, Topic

_seq = itertools.count(1)


def make_actor(**fields: Any) -> Actor:
    n = next(_seq)
    fields.setdefault("name", f"Actor {n}")
    fields.setdefault("kind", "person")
    return Actor.objects.create(**fields)


def make_topic(**fields: Any) -> Topic:
    fields.setdefault("name", f"Topic {next(_seq)}")
    return Topic.objects.create(**fields)


def make_source(**fields: Any) -> Source:
    n = next(_seq)
    fields.setdefault("url", f"https://news.example.org/articles/{n}")
    fields.setdefault("title", f"Article {n}")
    fields.setdefault("published", date(2026, 2, 14))
    fields.setdefault("text", f"Text of article {n}.")
    return Source.objects.create(**fields)


def make_event(
    *,
    when: UncertainDate | str = "2026-02-13",
    actors: list[Actor] | tuple[Actor, ...] = (),
    status: str = Status.PUBLISHED,
    evidence: bool = False,
    **fields: Any,
) -> Event:
    """An event at `when`; `evidence=True` also gives it what publishing needs
    (a participant, here a new actor unless `actors` are given, and a citation)."""
    value = UncertainDate.from_edtf(when) if isinstance(when, str) else when
    fields.setdefault("title", f"Event {next(_seq)}")
    event = Event.objects.create(
        date_start=value.start,
        date_end=value.end,
        precision=value.precision,
        approximate=value.approximate,
        status=status,
        **fields,
    )
    for i, actor in enumerate(actors):
        Participation.objects.create(
            event=event, actor=actor, role="initiator" if i == 0 else "mentioned"
        )
    if evidence:
        add_evidence(event, with_actor=not actors)
    return event


def add_evidence(event: Event, *, with_actor: bool = True) -> Citation:
    """A citation (of a new source) and, with `with_actor`, an initiator: what
    the editing rules ask of a published event."""
    if with_actor:
        Participation.objects.create(event=event, actor=make_actor(), role="initiator")
    source = make_source(text=f"Wire report {event.pk}: it happened as described.")
    return cite(event, source, f"Wire report {event.pk}")


def cite(event: Event, source: Source, quote: str) -> Citation:
    """Cite `quote`, which must occur in the source text, at its offsets."""
    start = source.text.index(quote)
    return Citation.objects.create(
        event=event, source=source, quote=quote, start_offset=start, end_offset=start + len(quote)
    )
