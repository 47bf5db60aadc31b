"""What the review queue shows next to an ingested draft: likely duplicates.

Merging and rejecting are editing rules (events.editing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser, AnonymousUser

from events.models import Event
from events.models.text import fold

User = AbstractUser | AnonymousUser
_WORD = re.compile(r"\w{4,}")
_MIN_SIMILARITY = 0.2


@dataclass(frozen=True)
class Duplicate:
    event: Event
    shared_actors: int
    similarity: float  # Jaccard overlap of the longer words of title and quotes


def likely_duplicates(event: Event, limit: int = 5) -> list[Duplicate]:
    """Other events with an actor in common, an overlapping date and similar words."""
    actor_ids = set(event.participations.values_list("actor_id", flat=True))
    if not actor_ids:
        return []
    candidates = (
        Event.objects.exclude(pk=event.pk)
        .overlapping(event.date_start, event.date_end)
        .involving(*actor_ids)
        .with_participants()[:200]
    )
    words = _words(event)
    found = []
    for other in candidates:
        shared = len(actor_ids & {p.actor_id for p in other.participations.all()})
        other_words = _words(other)
        similarity = len(words & other_words) / max(len(words | other_words), 1)
        if similarity >= _MIN_SIMILARITY:
            found.append(Duplicate(other, shared, round(similarity, 2)))
    found.sort(key=lambda d: (-d.similarity, -d.shared_actors))
    return found[:limit]


def _words(event: Event) -> set[str]:
    text = " ".join([event.title, *(c.quote for c in event.citations.all())])
    return set(_WORD.findall(fold(text)))
