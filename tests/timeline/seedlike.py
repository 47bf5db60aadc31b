"""Events like those the seed article yields, built in the test database.

The actors come from seeds/actors.json (loaded by the register loader); the
events are written here, so these tests do not depend on ingestion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from events.models import Actor, Event, Participation, Source, Status
from events.register import load_actor_register
from tests.factories import cite, make_event

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLE = (SEEDS / "000_26626691e5079d56.txt").read_text(encoding="utf-8")


@dataclass
class SeedEvents:
    speech: Event
    dmitriev: Event
    advocacy: Event
    lavrov: Event
    source: Source

    @property
    def all(self) -> list[Event]:
        return [self.lavrov, self.speech, self.dmitriev, self.advocacy]


def load_seed_actors() -> dict[str, Actor]:
    data = json.loads((SEEDS / "actors.json").read_text(encoding="utf-8"))
    load_actor_register(data)
    return {a.slug: a for a in Actor.objects.all()}


def make_seed_events(status: str = Status.PUBLISHED) -> SeedEvents:
    """Four published events of the seed article, with roles, quotes and a source."""
    a = load_seed_actors()
    source = Source.objects.create(
        url=ARTICLE.split()[2],
        title="Macron Plans to Set Up Direct Communication Channel With Russia",
        publisher="Sputnik",
        published="2026-02-14",
        text=ARTICLE,
    )
    speech = _event(
        "Macron wants a direct communication channel with Russia",
        "2026-02-13",
        [(a["emmanuel-macron"], "initiator", "French President"), (a["russia"], "recipient", "")],
        category="CONSULT",
        place_name="Munich Security Conference",
        date_text="on Friday",
        status=status,
    )
    cite(speech, source, "he wanted to create a direct communication channel with Russia")
    dmitriev = _event(
        "Dmitriev says Europe is changing its approach",
        "2026-02",
        [(a["kirill-dmitriev"], "initiator", ""), (a["emmanuel-macron"], "mentioned", "")],
        category="CONSULT",
        status=status,
    )
    cite(
        dmitriev,
        source,
        "Europe is starting to change its approach - fearing Russia-US cooperation",
    )
    advocacy = _event(
        "Macron, Stubb and Meloni advocate restarting dialogue with Russia",
        "2026-02",
        [
            (a["emmanuel-macron"], "initiator", ""),
            (a["alexander-stubb"], "initiator", "Finnish President"),
            (a["giorgia-meloni"], "initiator", "Italian Prime Minister"),
            (a["russia"], "recipient", ""),
        ],
        category="SUPPORT",
        status=status,
    )
    lavrov = _event(
        "Lavrov: Russia will never abandon attempts to negotiate",
        "2026-01-30",
        [(a["sergey-lavrov"], "initiator", "Russian Foreign Minister")],
        category="REJECT",
        date_text="On January 30",
        status=status,
    )
    cite(lavrov, source, "Russia would never abandon attempts to negotiate")
    return SeedEvents(speech, dmitriev, advocacy, lavrov, source)


def _event(title: str, when: str, people: list[tuple[Actor, str, str]], **fields: object) -> Event:
    event = make_event(when=when, title=title, **fields)  # type: ignore[arg-type]
    for actor, role, words in people:
        Participation.objects.create(event=event, actor=actor, role=role, role_words=words)
    return event
