"""A synthetic event register of any size, for demos and benchmarks.

Actors with a long-tailed activity (a few states and leaders in most events),
events over decades with a rate that grows with time and bursts (crises in
which a few actors dominate and conflict rises), dates at every precision,
participants with roles, citations and topics. Every row is marked as
synthetic (``Origin.SYNTHETIC``, ``synthetic-`` slugs, ``synthetic.invalid``
URLs) so ``remove_synthetic`` takes it all away again.
"""

from __future__ import annotations

import bisect
import calendar
import math
import random
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from django.db import models, transaction
from django.utils import timezone

from events.models import (
    Actor,
    ActorKind,
    Category,
    Citation,
    Event,
    Origin,
    Participation,
    Precision,
    Role,
    Source,
    Status,
    Topic,
)
from events.models.text import fold, make_slug
from events.vocab import PUBLIC_STATUSES, QUAD_OF_CATEGORY, QuadClass

SLUG_PREFIX = "synthetic-"
URL_PREFIX = "https://synthetic.invalid/"
SEED_ACTOR_SLUGS = ("russia", "ukraine", "united-states", "france", "european-union")

COUNTRIES = (  # noqa: SIM905  (a readable list of codes)
    "USA RUS CHN FRA GBR DEU UKR ITA FIN POL TUR IRN ISR IND PAK JPN KOR PRK BRA MEX "
    "ZAF NGA EGY SAU ARE QAT SYR IRQ AFG ESP NLD BEL SWE NOR DNK GRC SRB HUN ROU BLR "
    "GEO ARM AZE KAZ VNM IDN PHL AUS CAN ARG VEN COL ETH KEN SDN LBY MLI"
).split()
SYLLABLES = "ka lo mi ra ven tor sa li na do ri mar el an is ko vi ta ne bo".split()  # noqa: SIM905
ORG_WORDS = ("Council", "Alliance", "Front", "Union", "Agency", "Movement", "Bank", "Forum")
TOPICS = (
    "Arms control",
    "Energy security",
    "European security architecture",
    "Sanctions",
    "Trade",
    "Migration",
    "Nuclear programme",
    "Border disputes",
    "Elections",
    "Humanitarian aid",
    "Cyber operations",
    "Maritime security",
)
VERBS = {
    "AGREE": "agrees with",
    "CONSULT": "holds talks with",
    "SUPPORT": "backs",
    "CONCEDE": "makes concessions to",
    "COOPERATE": "cooperates with",
    "AID": "sends aid to",
    "RETREAT": "withdraws from talks with",
    "INVESTIGATE": "opens an inquiry into",
    "DEMAND": "demands answers from",
    "DISAPPROVE": "criticises",
    "REJECT": "rejects the proposal of",
    "THREATEN": "threatens",
    "SANCTION": "imposes sanctions on",
    "PROTEST": "protests against",
    "CRIME": "accuses of crimes",
    "MOBILIZE": "mobilises against",
    "COERCE": "coerces",
    "ASSAULT": "attacks",
    "FIGHT": "fights",
}
PUBLISHERS = ("Daily Wire Service", "World Desk", "The Observer Post", "Agence Synthétique")
# Precision mix of news events: most are dated to the day.
PRECISIONS = (
    (Precision.DAY, 0.75),
    (Precision.RANGE, 0.08),
    (Precision.WEEK, 0.07),
    (Precision.MONTH, 0.08),
    (Precision.YEAR, 0.02),
)


@dataclass
class Burst:
    """A crisis: a window of days with extra events among a few focal actors."""

    centre: int
    width: int
    actors: list[int]


@dataclass
class World:
    """The random choices shared by every batch of events."""

    rng: random.Random
    start: date
    days: int
    actor_ids: list[int]
    actor_names: dict[int, str]
    weights: list[float]
    topic_ids: list[int]
    bursts: list[Burst]
    # Names this run's sources, so a second run never collides with the first.
    run: str = field(default_factory=lambda: secrets.token_hex(4))
    cumulative: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cumulative = list(accumulate(self.weights))

    def pick_actor(self) -> int:
        x = self.rng.random() * self.cumulative[-1]
        return self.actor_ids[bisect.bisect(self.cumulative, x)]


def make_actors(rng: random.Random, count: int) -> list[Actor]:
    """Unsaved synthetic actors: states, people and organisations."""
    actors = []
    for n in range(count):
        kind = rng.choices(
            [ActorKind.STATE, ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP],
            [0.25, 0.45, 0.2, 0.1],
        )[0]
        country = rng.choice(COUNTRIES)
        name = _actor_name(rng, kind, country, n)
        actors.append(
            Actor(
                name=name,
                name_folded=fold(name),
                slug=f"{SLUG_PREFIX}{make_slug(name)}-{n}",
                kind=kind,
                country=country,
                description="Synthetic actor for demos and benchmarks.",
            )
        )
    return actors


def _actor_name(rng: random.Random, kind: str, country: str, n: int) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if kind == ActorKind.PERSON:
        first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
        return f"{first} {word}"
    if kind == ActorKind.STATE:
        return f"Republic of {word} ({country})"
    return f"{word} {rng.choice(ORG_WORDS)}"


def make_world(rng: random.Random, start: date, end: date, actors: list[Actor]) -> World:
    """Activity weights (long-tailed) and bursts over [start, end]."""
    ids = [a.pk for a in actors]
    # Zipf-like: the first actors (the seed register's states, if any) are busiest.
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(ids))]
    days = (end - start).days + 1
    bursts = [
        Burst(
            centre=rng.randrange(days),
            width=rng.randint(5, 90),
            actors=rng.sample(ids[: max(4, len(ids) // 5)], k=min(3, len(ids))),
        )
        for _ in range(max(1, days // 700))
    ]
    topics = list(Topic.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True))
    names = {a.pk: a.name for a in actors}
    return World(rng, start, days, ids, names, weights, topics, bursts)


def ensure_topics() -> None:
    for name in TOPICS:
        Topic.objects.get_or_create(
            slug=f"{SLUG_PREFIX}{make_slug(name)}", defaults={"name": f"{name} (synthetic)"}
        )


def random_day(world: World) -> tuple[int, Burst | None]:
    """A day offset: a burst's with probability 0.25, else growing with time."""
    rng = world.rng
    if rng.random() < 0.25:
        burst = rng.choice(world.bursts)
        day = int(rng.gauss(burst.centre, burst.width / 2))
        if 0 <= day < world.days:
            return day, burst
    # Density ∝ (1 + 3t): news volume grows over the decades (inverse CDF).
    u = rng.random()
    t = (math.sqrt(1 + 15 * u) - 1) / 3
    return min(world.days - 1, int(t * world.days)), None


def event_dates(world: World, day: date) -> tuple[date, date, str, bool]:
    rng = world.rng
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    approximate = rng.random() < 0.05
    if precision == Precision.RANGE:
        return day, day + timedelta(days=rng.randint(1, 6)), precision, approximate
    if precision == Precision.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), precision, approximate
    if precision == Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), precision, approximate
    if precision == Precision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31), precision, approximate
    return day, day, precision, approximate


def pick_category(world: World, burst: Burst | None) -> str:
    quads = list(QuadClass)
    weights = [0.35, 0.2, 0.3, 0.15] if burst is None else [0.1, 0.1, 0.35, 0.45]
    quad = world.rng.choices(quads, weights)[0]
    options = [c for c, q in QUAD_OF_CATEGORY.items() if q == quad]
    return world.rng.choice(options)


def pick_participants(world: World, burst: Burst | None) -> list[int]:
    rng = world.rng
    count = rng.choices([1, 2, 3, 4], [0.3, 0.5, 0.15, 0.05])[0]
    chosen: list[int] = []
    if burst is not None:
        chosen.append(rng.choice(burst.actors))
    while len(chosen) < count:
        actor = world.pick_actor()
        if actor not in chosen:
            chosen.append(actor)
    return chosen


@dataclass
class Draft:
    """One synthetic event before saving, with what hangs off it."""

    event: Event
    actors: list[int]
    quote: str
    topics: list[int]


def make_draft(world: World, number: int) -> Draft:
    offset, burst = random_day(world)
    start, end, precision, approximate = event_dates(world, world.start + timedelta(offset))
    category = pick_category(world, burst)
    actors = pick_participants(world, burst)
    names = [world.actor_names[a] for a in actors]
    target = names[1] if len(names) > 1 else "rivals"
    title = f"{names[0]} {VERBS[category]} {target}"
    status = world.rng.choices(
        [Status.PUBLISHED, Status.DRAFT, Status.RETRACTED], [0.96, 0.03, 0.01]
    )[0]
    event = Event(
        title=title,
        summary=f"Synthetic event {number}: {title.lower()}.",
        date_start=start,
        date_end=end,
        precision=precision,
        approximate=approximate,
        category=category,
        status=status,
        importance=world.rng.choices([1, 2, 3, 4, 5], [0.3, 0.3, 0.25, 0.1, 0.05])[0],
        origin=Origin.SYNTHETIC,
        # A synthetic retraction stands for the usual path: published, then retracted.
        published_at=timezone.now() if status in PUBLIC_STATUSES else None,
    )
    # bulk_create skips save(): slug, quad class and first_public_at as save() fills them.
    event.fill_derived_fields()
    quote = f"{names[0]} said the move was “{Category(category).label.lower()}”, sources report."
    topics = world.rng.sample(world.topic_ids, k=world.rng.choice([0, 1, 1, 2]))
    return Draft(event, actors, quote, topics)


@transaction.atomic
def save_batch(world: World, drafts: list[Draft], batch_no: int) -> None:
    """Insert a batch of events with participants, one source, citations and topics."""
    Event.objects.bulk_create([d.event for d in drafts], batch_size=2000)
    source = Source.objects.create(
        url=f"{URL_PREFIX}articles/{world.run}/{batch_no}",
        title=f"Synthetic digest {batch_no}",
        publisher=world.rng.choice(PUBLISHERS),
        language="en",
        published=max(d.event.date_end for d in drafts),
        text="Synthetic digest of events.",
    )
    Participation.objects.bulk_create(_participations(drafts), batch_size=5000)
    Citation.objects.bulk_create(
        (Citation(event=d.event, source=source, quote=d.quote) for d in drafts), batch_size=5000
    )
    through = Event.topics.through
    through.objects.bulk_create(
        (through(event_id=d.event.pk, topic_id=t) for d in drafts for t in d.topics),
        batch_size=5000,
    )


def analyze_bulk_tables() -> None:
    """Planner statistics for the tables just filled in bulk."""
    from events.lane_counts import analyze

    analyze(Event, Participation, Citation, Source, Event.topics.through)


def _participations(drafts: list[Draft]) -> Iterator[Participation]:
    roles = [Role.INITIATOR, Role.RECIPIENT]
    for d in drafts:
        for i, actor in enumerate(d.actors):
            role = roles[i] if i < len(roles) else Role.MENTIONED
            yield Participation(event=d.event, actor_id=actor, role=role)


def generate(
    world: World, count: int, batch: int, progress: Callable[[int], None] | None = None
) -> int:
    """Create `count` events in batches; returns how many were created."""
    done = 0
    while done < count:
        size = min(batch, count - done)
        save_batch(world, [make_draft(world, done + i) for i in range(size)], done // batch)
        done += size
        if progress:
            progress(done)
    return done


@transaction.atomic
def remove_synthetic() -> int:
    """Delete every synthetic row; returns how many events went.

    Raw deletes, relation by relation: the ORM's cascade would load a million
    events and write a history record for each.
    """
    events = Event.objects.filter(origin=Origin.SYNTHETIC)
    count = events.count()
    ids = events.values("pk")
    for rel in Event._meta.related_objects:
        if rel.on_delete is models.CASCADE:
            related = rel.related_model._default_manager.filter(**{f"{rel.field.name}__in": ids})
            related._raw_delete(related.db)
    through = Event.topics.through.objects.filter(event_id__in=ids)
    through._raw_delete(through.db)
    events._raw_delete(events.db)
    sources = Source.objects.filter(url__startswith=URL_PREFIX, citations__isnull=True)
    sources._raw_delete(sources.db)
    Topic.objects.filter(slug__startswith=SLUG_PREFIX, events__isnull=True).delete()
    Actor.objects.filter(slug__startswith=SLUG_PREFIX, participations__isnull=True).delete()
    return count
