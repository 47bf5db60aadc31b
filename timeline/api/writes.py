"""Event writes through the API: the admin's rules, one transaction per request.

Contributors create and edit drafts; only holders of `events.publish_event`
change a status (through events.services.set_event_status, like the admin's
actions). Every row is saved or deleted one by one so that history records
who changed what, and a deletion leaves the record sync consumers see.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework.exceptions import ValidationError

from events.edtf import UncertainDate
from events.models import Citation, Event, EventLink, Origin, Participation, Role, Status
from events.services import can_publish, set_event_status
from timeline.api.conditional import check_version

PLAIN_FIELDS = ("title", "summary", "date_text", "date_resolution", "category", "importance")
PLACE_FIELDS = {"name": "place_name", "country": "place_country"}
PLACE_FIELDS |= {"latitude": "latitude", "longitude": "longitude"}
# Model fields reported under the API field a client sent.
API_FIELD = {
    "date_start": "date",
    "date_end": "date",
    "precision": "date",
    **dict.fromkeys(PLACE_FIELDS.values(), "place"),
}
EDITORS_ONLY = (
    "Only editors may publish, retract or change published events; contributors write drafts."
)


@transaction.atomic
def create_event(*, data: dict[str, Any], user: Any) -> Event:
    """A new event with its participants, citations, topics and links, all or nothing."""
    status = data.get("status", Status.DRAFT)
    if status != Status.DRAFT and not can_publish(user):
        raise PermissionDenied(EDITORS_ONLY)
    event = Event(origin=Origin.API, created_by=user, status=Status.DRAFT)
    _assign(event, data)
    _save(event, user)
    _replace_related(event, data, user)
    if status != Status.DRAFT:
        set_event_status(events=[event], status=status, user=user)
    return event


@transaction.atomic
def update_event(*, pk: int, data: dict[str, Any], user: Any, expected_version: int) -> Event:
    """Apply `data` if the event is still at `expected_version` (else 412, nothing changed)."""
    event = Event.objects.select_for_update().get(pk=pk)
    check_version(expected_version, event.version)
    status = data.get("status", event.status)
    if (event.status != Status.DRAFT or status != event.status) and not can_publish(user):
        raise PermissionDenied(EDITORS_ONLY)
    _assign(event, data)
    if status != event.status:
        _validate(event)
        set_event_status(events=[event], status=status, user=user)  # saves once
    else:
        _save(event, user)
    _replace_related(event, data, user)
    return event


@transaction.atomic
def delete_event(*, pk: int, user: Any, expected_version: int | None) -> None:
    """Delete one event (its history records the deletion: the sync tombstone)."""
    event = Event.objects.select_for_update().get(pk=pk)
    if expected_version is not None:
        check_version(expected_version, event.version)
    event._history_user = user  # type: ignore[attr-defined]
    event.delete()


def _assign(event: Event, data: dict[str, Any]) -> None:
    for name in PLAIN_FIELDS:
        if name in data:
            setattr(event, name, data[name])
    when: UncertainDate | None = data.get("date")
    if when is not None:
        event.date_start, event.date_end = when.start, when.end
        event.precision, event.approximate = when.precision, when.approximate
    for key, field in PLACE_FIELDS.items():
        if key in data.get("place", {}):
            setattr(event, field, data["place"][key])


def _validate(event: Event) -> None:
    try:
        event.full_clean(exclude=["slug", "created_by"])
    except DjangoValidationError as exc:
        raise ValidationError(_api_errors(exc)) from None


def _save(event: Event, user: Any) -> None:
    _validate(event)
    event._history_user = user  # type: ignore[attr-defined]
    event.save()


def _api_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        key = API_FIELD.get(field, "non_field_errors" if field == "__all__" else field)
        errors.setdefault(key, []).extend(messages)
    return errors


def _replace_related(event: Event, data: dict[str, Any], user: Any) -> None:
    if "participants" in data:
        _replace_participants(event, data["participants"], user)
    if "citations" in data:
        _replace_citations(event, data["citations"], user)
    if "topics" in data:
        event.topics.set(data["topics"])
    if "links" in data:
        _replace_links(event, data["links"], user)


def _replace_participants(event: Event, items: list[dict[str, Any]], user: Any) -> None:
    # Partial updates (PATCH) skip the serializer's defaults, so apply them here.
    wanted = {
        (item["actor"], item.get("role", Role.MENTIONED)): item.get("role_words", "")
        for item in items
    }
    for part in Participation.objects.filter(event=event):
        key = (part.actor_id, part.role)
        if key not in wanted:
            _delete(part, user)
            continue
        words = wanted.pop(key)
        if part.role_words != words:
            part.role_words = words
            _save_row(part, user, "participants")
    for (actor, role), words in wanted.items():
        row = Participation(event=event, actor_id=actor, role=role, role_words=words)
        _save_row(row, user, "participants")


def _replace_citations(event: Event, items: list[dict[str, Any]], user: Any) -> None:
    def key(source: int, quote: str, start: int | None, end: int | None) -> tuple[Any, ...]:
        return (source, quote, start, end)

    wanted = {
        key(i["source"], i["quote"], i.get("start_offset"), i.get("end_offset")) for i in items
    }
    for citation in Citation.objects.filter(event=event):
        have = key(citation.source_id, citation.quote, citation.start_offset, citation.end_offset)
        if have in wanted:
            wanted.discard(have)
        else:
            _delete(citation, user)
    for source, quote, start, end in sorted(wanted, key=str):
        citation = Citation(
            event=event, source_id=source, quote=quote, start_offset=start, end_offset=end
        )
        _save_row(citation, user, "citations")


def _replace_links(event: Event, items: list[dict[str, Any]], user: Any) -> None:
    wanted = {(item["to_event"], item["kind"]) for item in items}
    if any(to_event == event.pk for to_event, _ in wanted):
        raise ValidationError({"links": ["An event cannot link to itself."]})
    for link in EventLink.objects.filter(from_event=event):
        if (link.to_event_id, link.kind) in wanted:
            wanted.discard((link.to_event_id, link.kind))
        else:
            _delete(link, user)
    for to_event, kind in sorted(wanted):
        _save_row(EventLink(from_event=event, to_event_id=to_event, kind=kind), user, "links")


def _save_row(row: Any, user: Any, field: str) -> None:
    """Validate a related row as the admin's inline would, errors under the API field."""
    try:
        row.full_clean(exclude=["event", "from_event"])
    except DjangoValidationError as exc:
        messages = [f"{row}: {m}" for ms in exc.message_dict.values() for m in ms]
        raise ValidationError({field: messages}) from None
    row._history_user = user
    row.save()


def _delete(row: Any, user: Any) -> None:
    row._history_user = user
    row.delete()
