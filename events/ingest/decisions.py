"""Editorial decisions on ingested drafts, replayed from a file.

`make run` ingests the seed article, which makes drafts, and readers see only
published events. seeds/reviews.json records what a reviewing editor decided
about those drafts (publish this one, merge that one into it); replaying it
makes the same changes the review queue would, through the same services, with
the editor as their author in the history. Drafts are found by their source's
URL and a fragment of the quote they cite, so a decision names what the editor
read, not a database id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction

from events import editing
from events.models import Event, Source, Status
from events.models.text import InvalidURL, normalize_url

ACTIONS = ("publish", "merge")
EDITABLE = ("title", "category")


class DecisionError(ValueError):
    """A decision that cannot be applied; the message names the decision."""


@dataclass
class Report:
    published: int = 0
    merged: int = 0
    unchanged: int = 0


@transaction.atomic
def apply_decisions(data: Any, user: Any) -> Report:
    """Apply every decision, or none: one transaction for the file."""
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise DecisionError('expected an object with a "decisions" list')
    report = Report()
    for number, decision in enumerate(data["decisions"], start=1):
        try:
            _apply(decision, user, report)
        except DecisionError as exc:
            raise DecisionError(f"decision {number}: {exc}") from None
    return report


def _apply(decision: Any, user: Any, report: Report) -> None:
    if not isinstance(decision, dict):
        raise DecisionError("expected an object")
    action = decision.get("action")
    if action not in ACTIONS:
        raise DecisionError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    source = _source(decision.get("source"))
    event = _citing(source, decision.get("quote"), "quote")
    if action == "publish":
        edited = _edit(event, decision.get("set", {}), user)
        changed = _refusals_named(
            editing.change_status, events=[event], status=Status.PUBLISHED, user=user
        )
        report.published += changed
        report.unchanged += 0 if changed or edited else 1
        return
    keep = _citing(source, decision.get("into"), "into")
    if keep.pk == event.pk:  # merged already: the quote now belongs to `keep`
        report.unchanged += 1
        return
    editing.merge_events(keep=keep, duplicates=[event], user=user)
    report.merged += 1


def _edit(event: Event, changes: Any, user: Any) -> bool:
    """The editor's corrections before publishing (a working title, a category)."""
    if not isinstance(changes, dict) or set(changes) - set(EDITABLE):
        raise DecisionError(f'"set" may change only {", ".join(EDITABLE)}')
    if all(getattr(event, field) == value for field, value in changes.items()):
        return False
    if not editing.can_publish(user):
        raise PermissionDenied("Only editors may edit drafts on review.")
    _refusals_named(
        editing.update_event,
        event_id=event.pk,
        expected_version=event.version,
        user=user,
        data=changes,
    )
    return True


def _refusals_named(change: Callable[..., Any], **arguments: Any) -> Any:
    """Call an editing rule; what it refuses becomes this decision's error."""
    try:
        return change(**arguments)
    except ValidationError as exc:
        problems = (
            f"{name}: {' '.join(texts)}" if name != NON_FIELD_ERRORS else " ".join(texts)
            for name, texts in editing.messages_by_field(exc).items()
        )
        raise DecisionError("; ".join(problems)) from None


def _source(url: Any) -> Source:
    if not isinstance(url, str) or not url:
        raise DecisionError('"source" must be the URL of an ingested article')
    try:
        source = Source.objects.filter(url=normalize_url(url)).first()
    except InvalidURL as exc:
        raise DecisionError(f'"source": {exc}') from None
    if source is None:
        raise DecisionError(f"no source {url} has been ingested")
    return source


def _citing(source: Source, fragment: Any, field: str) -> Event:
    """The one event that cites `fragment` of `source`'s text."""
    if not isinstance(fragment, str) or len(fragment.strip()) < 10:
        raise DecisionError(f'"{field}" must be words of the quote (10 characters or more)')
    events = list(
        Event.objects.filter(citations__source=source, citations__quote__contains=fragment)
        .distinct()
        .order_by("pk")[:2]
    )
    if not events:
        raise DecisionError(f'no event cites "{fragment}" from {source.url}')
    if len(events) > 1:
        raise DecisionError(f'several events cite "{fragment}": quote more words')
    return events[0]
