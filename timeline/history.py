"""What readers may see of an event's past: its published changes, and its links.

Only versions readers could see (published or retracted) are compared, so a
draft's intermediate edits and the editors' names stay private.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from events.edtf import UncertainDate
from events.models import Category, Event, Status

PUBLIC = (Status.PUBLISHED, Status.RETRACTED)
DATE_FIELDS = ("date_start", "date_end", "precision", "approximate")
TEXT_FIELDS = {
    "title": "Title",
    "summary": "Summary",
    "date_text": "Date as written",
    "place_name": "Place",
    "place_country": "Country",
    "category": "Category",
}


@dataclass
class Change:
    when: datetime
    what: list[str] = field(default_factory=list)


def published_changes(event: Event) -> list[Change]:
    """Each time readers saw the event change, oldest first."""
    history = event.history.filter(status__in=PUBLIC)
    records = list(history.order_by("history_date", "history_id"))
    changes: list[Change] = []
    previous = None
    for record in records:
        what = _describe(previous, record)
        if what:
            changes.append(Change(record.history_date, what))
        previous = record
    return changes


def _describe(old: Any, new: Any) -> list[str]:
    if old is None:
        return ["Published"]
    what = []
    if old.status != new.status:
        what.append("Retracted" if new.status == Status.RETRACTED else "Published again")
    if any(getattr(old, f) != getattr(new, f) for f in DATE_FIELDS):
        what.append(f"Date: {_date(old)} → {_date(new)}")
    if old.planned != new.planned:
        what.append("Marked as planned" if new.planned else "Marked as having happened")
    for name, label in TEXT_FIELDS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            what.append(f"{label}: {_value(name, before)} → {_value(name, after)}")
    return what


def _date(record: Any) -> str:
    value = UncertainDate(record.date_start, record.date_end, record.precision, record.approximate)
    return value.display


def _value(name: str, value: str) -> str:
    if not value:
        return "(none)"
    if name == "category":
        return str(Category(value).label) if value in Category.values else value
    return f"“{value[:200]}{'…' if len(value) > 200 else ''}”"


@dataclass
class Related:
    event: Event
    phrase: str
    outgoing: bool


def related_events(event: Event) -> list[Related]:
    """Public events this one links to, and those linking to it, with the link's words."""
    related: list[Related] = []
    for link in event.links_out.select_related("to_event").filter(to_event__status__in=PUBLIC):
        related.append(Related(link.to_event, f"This event {link.get_kind_display()}", True))
    for link in event.links_in.select_related("from_event").filter(from_event__status__in=PUBLIC):
        related.append(Related(link.from_event, f"{link.get_kind_display()} this event", False))
    return related
