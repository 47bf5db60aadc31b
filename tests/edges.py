"""Events at the ends of the supported range (events.edtf: 0001-01-01 to 9999-12-31),
in every form a date takes, for tests that go through every surface."""

from __future__ import annotations

from datetime import date

from events.models import Actor, Event, Status
from tests.factories import cite, make_event, make_source

FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)
AT_THE_START = ["0001-01-01", "0001-W01", "0001-01", "0001", "0001-01-01/0001-01-03"]
AT_THE_END = ["9999-12-31", "9999-12", "9999", "9999-W51", "9999-12-30/9999-12-31"]
EDGE_DATES = AT_THE_START + AT_THE_END


def edge_actor() -> Actor:
    return Actor.objects.get_or_create(
        slug="edge-walker", defaults={"name": "Edge Walker", "kind": "person"}
    )[0]


def make_edge_event(edtf: str) -> Event:
    """A published event dated `edtf`, with an actor and a quote, as readers meet them."""
    event = make_event(
        when=edtf, title=f"Meeting dated {edtf}", actors=[edge_actor()], category="CONSULT"
    )
    cite(event, make_source(text="They met where the calendar ends."), "the calendar ends")
    return event


def crowd_near(day: date, count: int) -> None:
    """`count` published one-day events on the 20 days nearest `day` inside the range
    (bulk inserts: run rebuild_lane_counts after)."""
    step = -1 if day == LAST else 1
    days = [date.fromordinal(day.toordinal() + step * (i % 20)) for i in range(count)]
    Event.objects.bulk_create(
        Event(
            title=f"Crowd {i}",
            slug=f"crowd-{i}",
            date_start=d,
            date_end=d,
            precision="day",
            status=Status.PUBLISHED,
        )
        for i, d in enumerate(days)
    )


def side_of(edtf: str) -> date:
    """The end of the range an edge date sits at."""
    return FIRST if edtf.startswith("0001") else LAST
