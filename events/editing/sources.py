"""Changing a source (an article) that events cite.

A citation's quote is shown to readers as the source's words, so a source
cited by a published or retracted event is the editors' to change, and such a
change is a change of those events: they get a new version, `updated_at` and
a history record, so that sync clients fetch them again.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from events.editing.events import touch_events
from events.editing.rules import can_change_source, require
from events.models import Citation, Event, Source
from events.quotes import locate_quote, quote_at


@transaction.atomic
def save_source(*, source: Source, user: Any) -> None:
    """Save a source edited as a whole (the admin's form).

    A new text keeps every citation on its quote (offsets moved to where the
    quote now is); a text that no longer holds a cited quote is refused.
    Raises PermissionDenied and ValidationError (on "text").
    """
    if source.pk is None:
        source.save()
        return
    stored = Source.objects.select_for_update().get(pk=source.pk)
    require(
        can_change_source(user, stored),
        "Only editors may change a source that published events cite.",
    )
    if source.text != stored.text:
        lost = reanchor_citations(source=source, text=source.text)
        if lost:
            raise ValidationError({"text": _lost_message(lost)})
    source.save()
    if _shown_fields_differ(source, stored) or source.text != stored.text:
        touch_events(
            events=Event.objects.filter(citations__source=source).distinct(),
            user=user,
            reason=f"Source {source.pk} changed",
        )


def reanchor_citations(*, source: Source, text: str) -> list[Citation]:
    """Move every citation of `source` to where its quote is in the new `text`
    (the nearest occurrence to where it was). Returns the citations whose quote
    is no longer in the text, unchanged; the caller decides what that means."""
    lost = []
    for citation in Citation.objects.filter(source=source):
        start, end = citation.start_offset, citation.end_offset
        if start is not None and end is not None and quote_at(text, citation.quote, start, end):
            continue
        span = locate_quote(text, citation.quote, near=start)
        if span is None:
            lost.append(citation)
            continue
        citation.start_offset, citation.end_offset = span.start, span.end
        citation.save()
    return lost


def _shown_fields_differ(source: Source, stored: Source) -> bool:
    """Fields an event's citations show (see the API's citation shape)."""
    fields = ("url", "title", "publisher", "published")
    return any(getattr(source, name) != getattr(stored, name) for name in fields)


def _lost_message(lost: list[Citation]) -> str:
    events = sorted({citation.event_id for citation in lost})
    shown = ", ".join(str(pk) for pk in events[:10]) + (" …" if len(events) > 10 else "")
    return (
        f"The new text no longer contains the quote of {len(lost)} citation(s) "
        f"(events {shown}). Keep those words in the text, or change the citations first."
    )
