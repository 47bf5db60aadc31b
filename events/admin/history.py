"""Changes to an event's inline parts (participants, citations, links), for its history page.

django-simple-history keeps them in their own tables; an editor reading an
event's history should see them next to the event's own changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from events.models import Actor, Citation, EventLink, Participation

_VERBS = {"+": "added", "~": "changed", "-": "removed"}


@dataclass(frozen=True)
class RelatedChange:
    when: datetime
    user: Any
    verb: str
    what: str


def related_changes(event_id: int, *, limit: int = 200) -> list[RelatedChange]:
    """The newest changes to the event's participants, citations and links."""
    changes = [
        *_changes(
            Participation.history.filter(event_id=event_id).select_related("actor"),
            _describe_participation,
        ),
        *_changes(Citation.history.filter(event_id=event_id), _describe_citation),
        *_changes(EventLink.history.filter(from_event_id=event_id), _describe_link),
    ]
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes[:limit]


def _changes(records: Any, describe: Any) -> list[RelatedChange]:
    return [
        RelatedChange(r.history_date, r.history_user, _VERBS[r.history_type], describe(r))
        for r in records.select_related("history_user").order_by("-history_date")[:200]
    ]


def _describe_participation(record: Any) -> str:
    try:
        name = record.actor.name
    except Actor.DoesNotExist:  # merged away or deleted since
        name = f"actor #{record.actor_id}"
    words = f" “{record.role_words}”" if record.role_words else ""
    return f"Participant {name} as {record.role}{words}"


def _describe_citation(record: Any) -> str:
    quote = record.quote if len(record.quote) <= 80 else record.quote[:79] + "…"
    return f"Citation “{quote}”"


def _describe_link(record: Any) -> str:
    return f"Link: {record.get_kind_display()} event #{record.to_event_id}"
