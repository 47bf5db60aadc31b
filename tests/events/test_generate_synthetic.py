from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from events.models import Actor, Citation, Event, LaneEntry, Origin, Participation, Status
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_synthetic", *args, stdout=out)
    return out.getvalue()


def test_it_generates_events_with_participants_citations_and_counts() -> None:
    report = generate("--events", "300", "--actors", "20", "--seed", "3", "--start-year", "2000")
    assert "Created 300 events" in report
    events = Event.objects.filter(origin=Origin.SYNTHETIC)
    assert events.count() == 300
    assert (
        not Participation.objects.filter(event__in=events).values("event").distinct().count() < 300
    )
    assert Citation.objects.filter(event__in=events).count() == 300
    assert {e.date_start.year for e in events} <= set(range(2000, 2027))
    assert set(events.values_list("precision", flat=True)) >= {"day", "month"}
    # The timeline's read model counts the public ones.
    assert LaneEntry.objects.count() == events.exclude(status=Status.DRAFT).count()


def test_public_synthetic_events_say_when_they_became_public() -> None:
    generate("--events", "400", "--actors", "10", "--seed", "5")
    events = Event.objects.filter(origin=Origin.SYNTHETIC)
    public = events.exclude(status=Status.DRAFT)
    drafts = events.filter(status=Status.DRAFT)
    assert public.filter(status=Status.RETRACTED).exists()
    assert drafts.exists()
    assert not public.filter(published_at__isnull=True).exists()
    assert not public.filter(first_public_at__isnull=True).exists()
    assert not drafts.filter(published_at__isnull=False).exists()
    assert not drafts.filter(first_public_at__isnull=False).exists()


def test_a_deleted_synthetic_event_is_a_tombstone_for_readers() -> None:
    generate("--events", "20", "--actors", "5", "--seed", "2")
    event = Event.objects.filter(origin=Origin.SYNTHETIC, status=Status.PUBLISHED).first()
    assert event is not None
    pk = event.pk
    event.delete()
    response = APIClient().get("/api/events/deleted/")
    assert [row["id"] for row in response.json()["results"]] == [pk]


def test_the_same_seed_gives_the_same_events() -> None:
    generate("--events", "50", "--actors", "10", "--seed", "9")
    first = list(Event.objects.order_by("pk").values_list("title", "date_start", "category"))
    generate("--clear", "--events", "50", "--actors", "10", "--seed", "9")
    again = list(Event.objects.order_by("pk").values_list("title", "date_start", "category"))
    assert [t for t, _, _ in again] == [t for t, _, _ in first]


def test_clear_removes_only_synthetic_data() -> None:
    kept_actor = make_actor(name="Sergey Lavrov")
    kept = make_event(when="2026-01-30", actors=[kept_actor])
    generate("--events", "100", "--actors", "10")
    generate("--clear", "--events", "0")
    assert list(Event.objects.all()) == [kept]
    assert list(Actor.objects.all()) == [kept_actor]
    assert list(LaneEntry.objects.values_list("event_id", flat=True)) == [kept.pk]


def test_bad_arguments_are_refused_with_a_message() -> None:
    with pytest.raises(CommandError, match="--end-year is before --start-year"):
        generate("--start-year", "2020", "--end-year", "2010")
    with pytest.raises(CommandError, match="--events must be >= 0"):
        generate("--events", "-1")
