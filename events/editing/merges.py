"""Folding duplicates together (events, actors) and rejecting ingested drafts.

Each is one transaction and an editor's decision: the permission is checked
here, whichever door (admin action, review queue, replayed review) asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from events.editing.events import check_event, lock_event, touch_events
from events.editing.rules import can_merge_actors, can_merge_events, can_reject_drafts, require
from events.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Citation,
    DraftOrigin,
    Event,
    EventLink,
    Participation,
    Status,
)


@transaction.atomic
def merge_events(*, keep: Event, duplicates: Iterable[Event], user: Any) -> dict[str, int]:
    """Move the duplicates' citations, participants, links and topics to `keep`,
    then delete the duplicates (their history keeps a record).

    Returns counts of what moved: {"citations", "participations", "events"}.
    Raises PermissionDenied and Event.DoesNotExist.
    """
    require(can_merge_events(user), "Only editors may merge events.")
    target = lock_event(event_id=keep.pk)
    moved = {"citations": 0, "participations": 0, "events": 0}
    for given in duplicates:
        if given.pk == target.pk:
            continue
        other = lock_event(event_id=given.pk)
        moved["citations"] += _move_citations(other, target)
        moved["participations"] += _move_event_participations(other, target)
        _take_place(other, target)
        _move_links(other, target)
        target.topics.add(*other.topics.all())
        DraftOrigin.objects.filter(event=other).update(event=target, state=DraftOrigin.State.MERGED)
        other._history_user = user  # type: ignore[attr-defined]
        other.delete()
        moved["events"] += 1
    target._history_user = user  # type: ignore[attr-defined]
    target.save()
    check_event(event=target)
    keep.version = target.version
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


def _move_event_participations(other: Event, keep: Event) -> int:
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
    """A kept event without a place takes the duplicate's (saved with `keep`)."""
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
def reject_drafts(*, events: Iterable[Event], user: Any) -> int:
    """Delete ingested drafts an editor rejects, remembering the rejection so
    that re-ingestion does not make them again; returns how many went. History
    keeps the deleted rows.

    Deleted rather than retracted: "retracted" means published and withdrawn,
    and retractions stay visible to readers; a rejected draft never was news.
    Events that are not drafts are left alone. Raises PermissionDenied.
    """
    require(can_reject_drafts(user), "Only editors may reject drafts.")
    count = 0
    for given in events:
        event = lock_event(event_id=given.pk)
        if event.status != Status.DRAFT:
            continue  # published events are retracted, not rejected
        DraftOrigin.objects.filter(event=event).update(state=DraftOrigin.State.REJECTED)
        event._history_user = user  # type: ignore[attr-defined]
        event.delete()
        count += 1
    return count


@transaction.atomic
def merge_actors(*, keep: Actor, duplicates: Iterable[Actor], user: Any) -> dict[str, int]:
    """Fold duplicate actors into `keep`, moving every participation, alias and
    affiliation, then delete the duplicates.

    Returns counts: {"participations", "aliases", "affiliations", "actors"}.
    Raises PermissionDenied.
    """
    require(can_merge_actors(user), "Only editors may merge actors.")
    moved = {"participations": 0, "aliases": 0, "affiliations": 0, "actors": 0}
    for other in duplicates:
        if other.pk == keep.pk:
            continue
        # Their events now show another actor: a change sync clients must see.
        events = list(Event.objects.filter(participations__actor=other).distinct())
        moved["participations"] += _move_actor_participations(other, keep)
        moved["aliases"] += _move_aliases(other, keep)
        moved["affiliations"] += _move_affiliations(other, keep)
        _absorb_fields(other, keep)
        other._history_user = user  # type: ignore[attr-defined]
        other.delete()
        touch_events(events=events, user=user, reason=f"Actor {other.pk} merged into {keep.pk}")
        moved["actors"] += 1
    keep._history_user = user  # type: ignore[attr-defined]
    keep.save()
    return moved


def _move_actor_participations(other: Actor, keep: Actor) -> int:
    count = 0
    for part in Participation.objects.filter(actor=other):
        existing = Participation.objects.filter(
            event=part.event_id, actor=keep, role=part.role
        ).first()
        if existing is None:
            part.actor = keep
            part.save()
        else:
            # Same event, same role: one fact. Keep the source's words if only
            # the duplicate had them.
            if not existing.role_words and part.role_words:
                existing.role_words = part.role_words
                existing.save()
            part.delete()
        count += 1
    return count


def _move_aliases(other: Actor, keep: Actor) -> int:
    count = 0
    known = set(keep.aliases.values_list("name_folded", flat=True)) | {keep.name_folded}
    for alias in ActorAlias.objects.filter(actor=other):
        if alias.name_folded in known:
            alias.delete()
        else:
            alias.actor = keep
            alias.save()
            known.add(alias.name_folded)
        count += 1
    if other.name_folded not in known:
        ActorAlias.objects.create(actor=keep, name=other.name)
        count += 1
    return count


def _move_affiliations(other: Actor, keep: Actor) -> int:
    count = 0
    for aff in Affiliation.objects.filter(actor=other) | Affiliation.objects.filter(
        organization=other
    ):
        if aff.actor_id == other.pk:
            aff.actor = keep
        if aff.organization_id == other.pk:
            aff.organization = keep
        duplicate = Affiliation.objects.filter(
            actor=aff.actor, organization=aff.organization, role=aff.role, start_date=aff.start_date
        ).exclude(pk=aff.pk)
        if aff.actor_id == aff.organization_id or duplicate.exists():
            aff.delete()
        else:
            aff.save()
        count += 1
    return count


def _absorb_fields(other: Actor, keep: Actor) -> None:
    """Fill what `keep` lacks from the duplicate, never overwrite it."""
    if not keep.wikidata_id and other.wikidata_id:
        keep.wikidata_id, other.wikidata_id = other.wikidata_id, ""
        other.save(update_fields=["wikidata_id"])  # frees the unique id first
    keep.country = keep.country or other.country
    keep.description = keep.description or other.description
