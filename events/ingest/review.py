"""What an editor does with an ingested draft: find likely duplicates, merge a
draft into an existing event, reject it. Each write is one transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from events.models import Citation, DraftOrigin, Event, EventLink, Participation, Status
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


def can_merge(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.has_perm("events.change_event")
        and user.has_perm("events.delete_event")
    )


@transaction.atomic
def merge_events(*, keep: Event, duplicates: Iterable[Event], user: User) -> dict[str, int]:
    """Move the duplicates' citations, participants, links and topics to `keep`,
    then delete the duplicates (their history keeps a record)."""
    if not can_merge(user):
        raise PermissionDenied("Only editors may merge events.")
    moved = {"citations": 0, "participations": 0, "events": 0}
    for other in duplicates:
        if other.pk == keep.pk:
            continue
        moved["citations"] += _move_citations(other, keep)
        moved["participations"] += _move_participations(other, keep)
        _take_place(other, keep)
        _move_links(other, keep)
        keep.topics.add(*other.topics.all())
        DraftOrigin.objects.filter(event=other).update(event=keep, state=DraftOrigin.State.MERGED)
        other._history_user = user  # type: ignore[attr-defined]
        other.delete()
        moved["events"] += 1
    keep._history_user = user  # type: ignore[attr-defined]
    keep.save()
    return moved


def _move_citations(other: Event, keep: Event) -> int:
    count = 0
    for citation in Citation.objects.filter(event=other):
        same = Citation.objects.filter(
            event=keep, source=citation.source_id, start_offset=citation.start_offset
        )
        if not same.filter(quote=citation.quote).exists():
            citation.event = keep
            citation.save()
            count += 1
    return count


def _move_participations(other: Event, keep: Event) -> int:
    count = 0
    for part in Participation.objects.filter(event=other):
        existing = Participation.objects.filter(event=keep, actor=part.actor_id, role=part.role)
        first = existing.first()
        if first is None:
            part.event = keep
            part.save()
            count += 1
        elif not first.role_words and part.role_words:
            first.role_words = part.role_words
            first.save()
    return count


def _take_place(other: Event, keep: Event) -> None:
    """A kept event without a place takes the duplicate's (saved with `keep` below)."""
    if keep.place_name or keep.latitude is not None or not (other.place_name or other.latitude):
        return
    for field in ("place_name", "place_country", "latitude", "longitude"):
        setattr(keep, field, getattr(other, field))


def _move_links(other: Event, keep: Event) -> None:
    for link in EventLink.objects.filter(from_event=other):
        if link.to_event_id != keep.pk:
            EventLink.objects.get_or_create(from_event=keep, to_event=link.to_event, kind=link.kind)
    for link in EventLink.objects.filter(to_event=other):
        if link.from_event_id != keep.pk:
            EventLink.objects.get_or_create(
                from_event=link.from_event, to_event=keep, kind=link.kind
            )


@transaction.atomic
def reject_drafts(*, events: Iterable[Event], user: User) -> int:
    """Delete ingested drafts an editor rejects, remembering the rejection so
    that re-ingestion does not make them again. History keeps the deleted rows.

    Deleted rather than retracted: "retracted" means published and withdrawn,
    and retractions stay visible to readers; a rejected draft never was news.
    """
    if not (user.is_authenticated and user.has_perm("events.delete_event")):
        raise PermissionDenied("Only editors may reject drafts.")
    count = 0
    for event in events:
        if event.status != Status.DRAFT:
            continue  # published events are retracted, not rejected
        DraftOrigin.objects.filter(event=event).update(state=DraftOrigin.State.REJECTED)
        event._history_user = user  # type: ignore[attr-defined]
        event.delete()
        count += 1
    return count
