"""The benchmark register: N events with ~3 participants, 2 citations and 2 topics each.

Built with bulk_create in batches (no history rows, no per-row save()), so the
derived fields save() would fill (slug, quad_class) are set here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

BATCH = 5000
WORDS = [
    "talks", "sanctions", "summit", "ceasefire", "minister", "envoy", "treaty", "border",
    "security", "energy", "grain", "pipeline", "election", "protest", "strike", "aid", "loan",
    "council", "vote", "troops", "drill", "statement",
]  # fmt: skip


def build(events: int, *, seed: int = 7) -> None:
    """Fill an empty database with `events` events and what they refer to."""
    from django.db import transaction

    rng = random.Random(seed)
    with transaction.atomic():
        actors = _actors(max(events // 200, 50))
        topics = _topics(40)
        sources = _sources(max(events // 5, 100), rng)
    made = 0
    while made < events:
        size = min(BATCH, events - made)
        with transaction.atomic():
            _batch(made, size, rng, actors, topics, sources)
        made += size


def _actors(count: int) -> list[int]:
    from events.models import Actor

    kinds = ["person", "state", "organization", "group"]
    countries = ["FRA", "RUS", "UKR", "USA", "DEU", "ITA", "FIN", "CHN", ""]
    rows = [
        Actor(
            name=f"Actor {n}",
            slug=f"actor-{n}",
            name_folded=f"actor {n}",
            kind=kinds[n % 4],
            country=countries[n % len(countries)],
        )
        for n in range(count)
    ]
    return [a.pk for a in Actor.objects.bulk_create(rows)]


def _topics(count: int) -> list[int]:
    from events.models import Topic

    rows = [Topic(name=f"Topic {n}", slug=f"topic-{n}") for n in range(count)]
    return [t.pk for t in Topic.objects.bulk_create(rows)]


def _sources(count: int, rng: random.Random) -> list[tuple[int, str]]:
    from events.models import Source

    rows = []
    for n in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(60))
        rows.append(
            Source(
                url=f"https://news.example.org/{n}",
                title=f"Article {n}",
                publisher="news.example.org",
                language="en",
                published=date(2000, 1, 1) + timedelta(days=n % 9500),
                text=text,
                content_hash=f"{n:064x}",
            )
        )
    return [(s.pk, s.text) for s in Source.objects.bulk_create(rows)]


def _batch(
    first: int, size: int, rng: random.Random, actors: list[int], topics: list[int], sources: Any
) -> None:
    from events.models import Citation, Event, Participation

    events = Event.objects.bulk_create([_event(first + i, rng) for i in range(size)])
    parts, cites, tags = [], [], []
    through = Event.topics.through
    for event in events:
        for role, actor in zip(
            ["initiator", "recipient", "mentioned"], rng.sample(actors, 3), strict=True
        ):
            parts.append(Participation(event=event, actor_id=actor, role=role, role_words=""))
        for _ in range(2):
            source_id, text = rng.choice(sources)
            start = rng.randrange(0, len(text) - 40)
            quote = text[start : start + 40]
            cites.append(
                Citation(event=event, source_id=source_id, quote=quote, start_offset=start,
                         end_offset=start + 40)
            )  # fmt: skip
        tags += [through(event_id=event.pk, topic_id=t) for t in rng.sample(topics, 2)]
    Participation.objects.bulk_create(parts)
    Citation.objects.bulk_create(cites)
    through.objects.bulk_create(tags)


def _event(n: int, rng: random.Random) -> Any:
    from events.edtf import UncertainDate
    from events.models import Event
    from events.vocab import Category, quad_class_of

    day = date(2000, 1, 1) + timedelta(days=rng.randrange(0, 9600))
    pick = rng.random()
    if pick < 0.7:
        when = UncertainDate.day(day)
    elif pick < 0.8:
        when = UncertainDate.span(day, day + timedelta(days=rng.randrange(1, 5)))
    elif pick < 0.9:
        when = UncertainDate.month(day.year, day.month)
    else:
        when = UncertainDate.year(day.year)
    category = rng.choice(Category.values)
    status = "published" if rng.random() < 0.9 else rng.choice(["draft", "retracted"])
    summary = " ".join(rng.choice(WORDS) for _ in range(45))[:300]
    return Event(
        title=f"Event {n}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
        slug=f"event-{n}",
        summary=summary,
        date_start=when.start,
        date_end=when.end,
        precision=when.precision,
        date_text="on Friday",
        category=category,
        quad_class=quad_class_of(category),
        status=status,
        place_name="Munich",
        place_country="DEU",
        origin="synthetic",
    )
