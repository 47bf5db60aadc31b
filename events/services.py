"""Writes that span several rows or models, each all-or-nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from events.models import Actor, ActorAlias, Affiliation, Event, Participation, Status

PUBLISH_PERMISSION = "events.publish_event"

User = AbstractUser | AnonymousUser


def can_publish(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm(PUBLISH_PERMISSION))


@transaction.atomic
def set_event_status(*, events: Iterable[Event], status: str, user: User) -> int:
    """Publish, retract or return events to draft; returns how many changed.

    Saves each event (not a bulk update) so every change gets a history record
    with its author and a new version.
    """
    if not can_publish(user):
        raise PermissionDenied("Only editors may publish, retract or return events to draft.")
    changed = 0
    for event in events:
        if event.status == status:
            continue
        event.status = status
        if status == Status.PUBLISHED and event.published_at is None:
            event.published_at = timezone.now()
        event._history_user = user  # type: ignore[attr-defined]
        event.save()
        changed += 1
    return changed


@transaction.atomic
def merge_actors(*, keep: Actor, duplicates: Iterable[Actor]) -> dict[str, int]:
    """Fold duplicate actors into `keep`, moving every participation, alias and
    affiliation, then delete the duplicates. Returns counts of what moved."""
    moved = {"participations": 0, "aliases": 0, "affiliations": 0, "actors": 0}
    for other in duplicates:
        if other.pk == keep.pk:
            continue
        moved["participations"] += _move_participations(other, keep)
        moved["aliases"] += _move_aliases(other, keep)
        moved["affiliations"] += _move_affiliations(other, keep)
        _absorb_fields(other, keep)
        other.delete()
        moved["actors"] += 1
    keep.save()
    return moved


def _move_participations(other: Actor, keep: Actor) -> int:
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
