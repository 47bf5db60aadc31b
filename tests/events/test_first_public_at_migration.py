"""The data migration that fills Event.first_public_at for rows saved before it existed."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from events.editing import change_status
from events.models import Event, Origin, Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db
migration = import_module("events.migrations.0007_event_first_public_at")


def migrate_as_if_new() -> None:
    """Forget every first_public_at, as before the migration, then run its data step."""
    Event.objects.update(first_public_at=None)
    Event.history.update(first_public_at=None)
    migration.fill_first_public_at(apps, None)


def first_public_at(event: Event) -> object:
    return Event.objects.get(pk=event.pk).first_public_at


def test_a_published_event_gets_its_publication_time(editor: User) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.PUBLISHED, user=editor)
    migrate_as_if_new()
    event.refresh_from_db()
    assert event.first_public_at == event.published_at


def test_a_draft_once_retracted_gets_the_time_of_its_retraction(editor: User) -> None:
    event = make_event(status=Status.DRAFT)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    retracted = event.history.latest().history_date
    change_status(events=[event], status=Status.DRAFT, user=editor)
    migrate_as_if_new()
    assert first_public_at(event) == retracted
    records = event.history.order_by("history_date")
    assert [r.first_public_at for r in records] == [None, retracted, retracted]


def test_a_draft_readers_never_saw_stays_without(editor: User) -> None:
    event = make_event(status=Status.DRAFT)
    event.title = "Edited"
    event.save()
    migrate_as_if_new()
    assert first_public_at(event) is None


def test_a_public_event_without_history_falls_back_to_its_last_change() -> None:
    # As bulk-created demo data was: public, with neither published_at nor history.
    event = make_event(status=Status.DRAFT, origin=Origin.SYNTHETIC)
    Event.objects.filter(pk=event.pk).update(status=Status.PUBLISHED)
    event.history.all().delete()
    migrate_as_if_new()
    event.refresh_from_db()
    assert event.first_public_at == event.updated_at


def test_deletions_from_before_the_migration_keep_their_readers(editor: User) -> None:
    seen = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[seen], status=Status.PUBLISHED, user=editor)
    unseen = make_event(status=Status.DRAFT)
    seen_pk, unseen_pk = seen.pk, unseen.pk
    seen.delete()
    unseen.delete()
    migrate_as_if_new()
    rows = APIClient().get("/api/events/deleted/").json()["results"]
    assert [row["id"] for row in rows] == [seen_pk]
    assert unseen_pk in [r.id for r in Event.history.filter(history_type="-")]
