"""The data step that gives events stored before Event.date_basis existed their basis."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from events.models import DateBasis, Event, Origin, Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db
migration = import_module("events.migrations.0008_date_basis_planned")
CONTINUES = "same occasion as the statement before it (“on Friday”: the Friday before 14 Feb)"


def migrate_as_if_new() -> None:
    """Every basis at the column's default, as the schema step leaves it, then the data step."""
    Event.objects.update(date_basis=DateBasis.EDITOR)
    Event.history.update(date_basis=DateBasis.EDITOR)
    migration.date_ingested_events_by_their_basis(apps, None)


def basis(event: Event) -> str:
    return Event.objects.get(pk=event.pk).date_basis


def test_ingested_events_were_dated_by_their_words() -> None:
    draft = make_event(status=Status.DRAFT, origin=Origin.INGEST, date_resolution="Friday")
    migrate_as_if_new()
    assert basis(draft) == DateBasis.WORDS
    assert {r.date_basis for r in draft.history.all()} == {DateBasis.WORDS}


def test_a_statement_that_continued_another_was_dated_by_it() -> None:
    draft = make_event(status=Status.DRAFT, origin=Origin.INGEST, date_resolution=CONTINUES)
    migrate_as_if_new()
    assert basis(draft) == DateBasis.CONTEXT


def test_events_entered_any_other_way_are_the_editors() -> None:
    entered = make_event(origin=Origin.EDITOR, date_resolution=CONTINUES)
    written = make_event(origin=Origin.API)
    migrate_as_if_new()
    assert (basis(entered), basis(written)) == (DateBasis.EDITOR, DateBasis.EDITOR)
