"""Creating, changing and deleting events, with their participants, citations,
topics and links: the rules every door (API, admin, review queue) applies.

Each function is one transaction. The event's row is locked before its
version is compared, so of several writers that read the same version exactly
one wins and the others get StaleVersion, on SQLite (whose IMMEDIATE
transactions take the write lock at BEGIN) and on PostgreSQL (SELECT ... FOR
UPDATE waits for the lock, then reads the committed row).

Every row is saved or deleted one by one, never in bulk, so the history
records who changed what, and a deletion leaves the record sync consumers see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.editing.rules import (
    EDITORS_ONLY,
    StaleVersion,
    can_delete_events,
    can_edit_event,
    can_publish,
    require,
)
from events.edtf import UncertainDate
from events.models import (
    Citation,
    DateBasis,
    Event,
    EventLink,
    Origin,
    Participation,
    Role,
    Source,
    Status,
)
from events.quotes import locate_quote, quote_at


class EventData(TypedDict, total=False):
    """What a writer may set on an event; every key is optional on update.

    `date` is an UncertainDate; `place` a mapping with any of name, country
    (ISO 3166-1 alpha-3), latitude, longitude; `participants` a list of
    {"actor": id, "role": Role, "role_words": str}; `citations` a list of
    {"source": id, "quote": str, "start_offset": int | None, "end_offset":
    int | None}; `topics` a list of topic ids; `links` a list of {"kind":
    LinkKind, "to_event": id}. Lists replace what the event has.
    """

    title: str
    summary: str
    date: UncertainDate
    date_text: str
    date_resolution: str
    planned: bool
    category: str
    importance: int
    place: Mapping[str, Any]
    status: str
    participants: list[Mapping[str, Any]]
    citations: list[Mapping[str, Any]]
    topics: list[int]
    links: list[Mapping[str, Any]]


CHANGE_REASON_LENGTH = 100  # django-simple-history's history_change_reason column
PLAIN_FIELDS = (
    "title", "summary", "date_text", "date_resolution", "planned", "category", "importance",
)  # fmt: skip
# What an event's date is; changing any of them makes the editor its basis.
DATE_FIELDS = ("date_start", "date_end", "precision", "approximate")
PLACE_FIELDS = {"name": "place_name", "country": "place_country"}
PLACE_FIELDS |= {"latitude": "latitude", "longitude": "longitude"}
# Model fields reported under the EventData key a writer sent.
DATA_KEY = {
    "date_start": "date",
    "date_end": "date",
    "precision": "date",
    "approximate": "date",
    **dict.fromkeys(PLACE_FIELDS.values(), "place"),
}


@transaction.atomic
def create_event(*, user: Any, data: EventData, origin: str = Origin.API) -> Event:
    """A new event with its related rows, all or nothing.

    Raises PermissionDenied (a status other than draft without the right to
    publish) and ValidationError keyed by EventData keys.
    """
    require(can_edit_event(user), "Your account may not create events.")
    status = data.get("status", Status.DRAFT)
    require(status == Status.DRAFT or can_publish(user), EDITORS_ONLY)
    event = Event(origin=origin, created_by=user)
    _assign(event, data)
    _set_status(event, status, previous=None)
    _save(event, user)
    _replace_related(event, data, user)
    check_event(event=event)
    return event


@transaction.atomic
def update_event(*, event_id: int, expected_version: int, user: Any, data: EventData) -> Event:
    """Apply `data` to the event if it is still at `expected_version`.

    Raises Event.DoesNotExist, StaleVersion (nothing changed), PermissionDenied
    and ValidationError keyed by EventData keys.
    """
    event = lock_event(event_id=event_id, expected_version=expected_version)
    status = data.get("status", event.status)
    require(can_edit_event(user, event), EDITORS_ONLY)
    require(status == event.status or can_publish(user), EDITORS_ONLY)
    dated = _date_of(event)
    _assign(event, data)
    _claim_a_changed_date(event, dated)
    _set_status(event, status, previous=event.status)
    _validate(event)
    _replace_related(event, data, user)
    _save(event, user)
    check_event(event=event)
    return event


@transaction.atomic
def delete_event(*, event_id: int, user: Any, expected_version: int | None = None) -> None:
    """Delete one event; its history records the deletion (the sync tombstone).

    Raises Event.DoesNotExist, StaleVersion and PermissionDenied.
    """
    require(can_delete_events(user), "Only editors may delete events.")
    event = lock_event(event_id=event_id, expected_version=expected_version)
    event._history_user = user  # type: ignore[attr-defined]
    event.delete()


@transaction.atomic
def change_status(*, events: Iterable[Event], status: str, user: Any) -> int:
    """Publish, retract or return events to draft; returns how many changed.

    All or nothing: a published event has at least one participant and one
    citation, and one event without them refuses the whole call
    (ValidationError naming it). Saves each event, so every change has a
    history record and a new version; the given objects are updated too.
    """
    require(can_publish(user), "Only editors may publish, retract or return events to draft.")
    if status not in Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    changed = 0
    for given in events:
        event = lock_event(event_id=given.pk)
        if event.status == status:
            continue
        _set_status(event, status, previous=event.status)
        check_event(event=event)
        _save(event, user)
        given.status, given.published_at = event.status, event.published_at
        given.first_public_at, given.slug = event.first_public_at, event.slug
        given.version = event.version
        changed += 1
    return changed


def lock_event(*, event_id: int, expected_version: int | None = None) -> Event:
    """The event's row, locked until the transaction ends, at `expected_version`.

    Call inside a transaction. Raises Event.DoesNotExist and StaleVersion.
    """
    event = Event.objects.select_for_update().get(pk=event_id)
    if expected_version is not None and event.version != expected_version:
        raise StaleVersion(expected=expected_version, current=event.version)
    return event


@transaction.atomic
def save_event(*, event: Event, user: Any, expected_version: int | None) -> None:
    """Save an event edited as a whole, as the admin's form does; the door then
    saves the related rows in the same transaction and calls check_event.

    `expected_version` (the version the form was opened at) is required for an
    existing event. Raises StaleVersion, PermissionDenied and ValidationError.
    """
    if event.pk is None:
        require(can_edit_event(user), "Your account may not create events.")
        require(event.status == Status.DRAFT or can_publish(user), EDITORS_ONLY)
        event.created_by = user
        _set_status(event, event.status, previous=None)
        _save(event, user)
        return
    if expected_version is None:
        raise ValidationError("The version you edited is missing: open the event again.")
    stored = lock_event(event_id=event.pk, expected_version=expected_version)
    require(can_edit_event(user, stored), EDITORS_ONLY)
    require(event.status == stored.status or can_publish(user), EDITORS_ONLY)
    event.version = stored.version  # save() increments the locked row's version
    _claim_a_changed_date(event, _date_of(stored))
    _set_status(event, event.status, previous=stored.status)
    _save(event, user)


def check_event(*, event: Event) -> None:
    """The rules that span rows: a published event has at least one participant
    and at least one citation (the site promises every event cites its source).

    Raises ValidationError keyed by "participants" and "citations".
    """
    if event.status != Status.PUBLISHED:
        return
    name = f"“{event.title}”" if event.title else "This event"
    errors = {}
    if not event.participations.exists():
        errors["participants"] = (
            f"{name} needs at least one participant to be published: add who acted or spoke, "
            "or keep it as a draft."
        )
    if not event.citations.exists():
        errors["citations"] = (
            f"{name} needs at least one citation to be published: every published event "
            "cites its source with the quote, or stays a draft."
        )
    if errors:
        raise ValidationError(errors)


def touch_events(*, events: Iterable[Event], user: Any, reason: str) -> int:
    """Give each event a new version and a history record saying why: something
    it shows (a source, an actor) changed. Returns how many were touched."""
    count = 0
    for given in events:
        event = lock_event(event_id=given.pk)
        event._history_user = user  # type: ignore[attr-defined]
        event._change_reason = reason[:CHANGE_REASON_LENGTH]  # type: ignore[attr-defined]
        event.save()
        count += 1
    return count


def _set_status(event: Event, status: str, *, previous: str | None) -> None:
    event.status = status
    newly_published = status == Status.PUBLISHED and previous != Status.PUBLISHED
    if newly_published and event.published_at is None:
        event.published_at = timezone.now()


def _date_of(event: Event) -> tuple[Any, ...]:
    return tuple(getattr(event, name) for name in DATE_FIELDS)


def _claim_a_changed_date(event: Event, before: tuple[Any, ...]) -> None:
    """An editor who changes the date answers for it: it no longer rests on the
    sentence's words or the article's dateline. Any other change keeps the basis."""
    if _date_of(event) != before:
        event.date_basis = DateBasis.EDITOR


def _assign(event: Event, data: EventData) -> None:
    for name in PLAIN_FIELDS:
        if name in data:
            setattr(event, name, data[name])  # type: ignore[literal-required]
    when = data.get("date")
    if when is not None:
        event.date_start, event.date_end = when.start, when.end
        event.precision, event.approximate = when.precision, when.approximate
    place = data.get("place", {})
    for key, field in PLACE_FIELDS.items():
        if key in place:
            setattr(event, field, place[key])


def _validate(event: Event) -> None:
    try:
        event.full_clean(exclude=["slug", "created_by"])
    except ValidationError as exc:
        raise ValidationError(_keyed(exc)) from None


def _save(event: Event, user: Any) -> None:
    _validate(event)
    event._history_user = user  # type: ignore[attr-defined]
    event.save()


def _keyed(exc: ValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        errors.setdefault(DATA_KEY.get(field, field), []).extend(messages)
    return errors


def _replace_related(event: Event, data: EventData, user: Any) -> None:
    if "participants" in data:
        _replace_participants(event, data["participants"], user)
    if "citations" in data:
        _replace_citations(event, data["citations"], user)
    if "topics" in data:
        event.topics.set(data["topics"])
    if "links" in data:
        _replace_links(event, data["links"], user)


def _replace_participants(event: Event, items: list[Mapping[str, Any]], user: Any) -> None:
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


def _replace_citations(event: Event, items: list[Mapping[str, Any]], user: Any) -> None:
    """Each quote located in its source first (the rule in Citation.clean), so a
    citation sent back unchanged, or with its quote respaced, stays the same row."""
    sources = Source.objects.in_bulk({item["source"] for item in items})
    wanted: dict[tuple[int, str, int | None, int | None], Citation] = {}
    for item in items:
        if item["source"] not in sources:
            raise ValidationError({"citations": [f"Unknown source: {item['source']}."]})
        citation = Citation(
            event=event,
            source=sources[item["source"]],
            quote=item["quote"],
            start_offset=item.get("start_offset"),
            end_offset=item.get("end_offset"),
        )
        _check_given_offsets(citation)
        _clean_row(citation, "citations")
        wanted.setdefault(_citation_key(citation), citation)
    for citation in Citation.objects.filter(event=event):
        if wanted.pop(_citation_key(citation), None) is None:
            _delete(citation, user)
    for citation in wanted.values():
        _save_row(citation, user, "citations")


def _check_given_offsets(citation: Citation) -> None:
    """Offsets a writer gives must hold the quote. Left out, or only one of them
    given (then a hint of where to look), they are found."""
    start, end = citation.start_offset, citation.end_offset
    if start is None or end is None:
        return
    text = citation.source.text
    if quote_at(text, citation.quote, start, end):
        return
    found = locate_quote(text, citation.quote, near=start)
    where = f"it is at {found.start}-{found.end}" if found else "it is not in the text at all"
    raise ValidationError(
        {
            "citations": [
                f"{citation}: the quote is not at these offsets ({start}-{end}) in the "
                f"source's text; {where}. Send the right offsets, or none to have them found."
            ]
        }
    )


def _citation_key(citation: Citation) -> tuple[int, str, int | None, int | None]:
    return (citation.source_id, citation.quote, citation.start_offset, citation.end_offset)


def _replace_links(event: Event, items: list[Mapping[str, Any]], user: Any) -> None:
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


def _clean_row(row: Any, key: str) -> None:
    """Validate a related row as the admin's inline would, errors under `key`."""
    try:
        row.full_clean(exclude=["event", "from_event"])
    except ValidationError as exc:
        messages = [f"{row}: {m}" for ms in exc.message_dict.values() for m in ms]
        raise ValidationError({key: messages}) from None


def _save_row(row: Any, user: Any, key: str) -> None:
    _clean_row(row, key)
    row._history_user = user
    row.save()


def _delete(row: Any, user: Any) -> None:
    row._history_user = user
    row.delete()
