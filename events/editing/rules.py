"""Who may change what, and the errors every door translates.

Each door (the API, the admin, the review queue, commands) asks these
functions, and reports the domain errors in its own terms: the API as
400/403/412, the admin as form errors or a 403 page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from events.models import Event, Source, Status

User = AbstractBaseUser | AnonymousUser

PUBLISH_PERMISSION = "events.publish_event"
EDITORS_ONLY = (
    "Only editors may publish, retract or change published events; contributors write drafts."
)


class StaleVersion(Exception):
    """The writer read an older version of the event than the one stored.

    Nothing was changed; the writer should read the event again and reapply
    the change. `expected` is the version the writer read, `current` the
    stored one.
    """

    def __init__(self, *, expected: int, current: int) -> None:
        self.expected, self.current = expected, current
        super().__init__(
            f"Someone else saved this event after you read it (you read version {expected}, "
            f"it is now at version {current}); nothing was changed. Read it again and "
            "reapply your change."
        )


def _has(user: Any, *permissions: str) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and all(user.has_perm(permission) for permission in permissions)
    )


def can_publish(user: Any) -> bool:
    """Editors publish, retract, return events to draft and change published events."""
    return _has(user, PUBLISH_PERMISSION)


def can_edit_event(user: Any, event: Event | None = None) -> bool:
    """Contributors change drafts; editors change any event. `event` as stored."""
    if not _has(user, "events.change_event"):
        return False
    return event is None or event.status == Status.DRAFT or can_publish(user)


def can_delete_events(user: Any) -> bool:
    return _has(user, "events.delete_event")


def can_merge_events(user: Any) -> bool:
    """Merging moves citations and deletes the duplicates: change and delete."""
    return _has(user, "events.change_event", "events.delete_event")


def can_reject_drafts(user: Any) -> bool:
    return _has(user, "events.delete_event")


def can_merge_actors(user: Any) -> bool:
    return _has(user, "events.change_actor", "events.delete_actor")


def can_change_source(user: Any, source: Source | None = None) -> bool:
    """Anyone who may change sources changes those no public event cites; sources
    cited by published or retracted events are the editors' (their quotes are
    what readers see as the source's words)."""
    if not _has(user, "events.change_source"):
        return False
    return source is None or source.pk is None or can_publish(user) or not is_cited_publicly(source)


def is_cited_publicly(source: Source) -> bool:
    return Event.objects.public().filter(citations__source=source).exists()


def require(allowed: bool, message: str) -> None:
    """Raise PermissionDenied(message) unless `allowed`."""
    if not allowed:
        raise PermissionDenied(message)


def messages_by_field(refusal: ValidationError | StaleVersion) -> dict[str, list[str]]:
    """What the rules refused, as messages per field (NON_FIELD_ERRORS for the rest),
    for doors that report errors by field."""
    if isinstance(refusal, StaleVersion):
        return {NON_FIELD_ERRORS: [str(refusal)]}
    if hasattr(refusal, "error_dict"):
        return refusal.message_dict
    return {NON_FIELD_ERRORS: refusal.messages}
