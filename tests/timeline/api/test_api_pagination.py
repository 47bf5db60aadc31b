from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from events.edtf import UncertainDate
from events.models import Event
from tests.factories import cite, make_actor, make_event, make_source, make_topic
from timeline.api.pagination import encode_cursor

pytestmark = pytest.mark.django_db


def walk(client: APIClient, url: str) -> list[int]:
    """Follow `next` links to the end; the ids in the order served."""
    ids: list[int] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        ids += [event["id"] for event in body["results"]]
        url = body["next"]
    return ids


@pytest.fixture
def many_events() -> list[Event]:
    """23 events, many sharing a first day, so the cursor must break ties."""
    events = []
    for i in range(23):
        day = date(2026, 2, 1) + timedelta(days=i % 4)
        when = UncertainDate.month(2026, 2) if i % 5 == 0 else UncertainDate.day(day)
        events.append(make_event(title=f"E{i}", when=when))
    return events


def test_walking_the_cursor_serves_every_event_once_in_date_order(
    api: APIClient, many_events: list[Event]
) -> None:
    ids = walk(api, "/api/events/?page_size=5")
    assert ids == list(Event.objects.chronological().values_list("pk", flat=True))
    assert len(ids) == len(set(ids)) == 23


def test_walking_newest_first_and_by_last_change(api: APIClient, many_events: list[Event]) -> None:
    newest = walk(api, "/api/events/?page_size=4&ordering=-date")
    assert newest == list(Event.objects.reverse_chronological().values_list("pk", flat=True))
    changes = walk(api, "/api/events/?page_size=4&ordering=updated")
    assert changes == list(Event.objects.by_last_change().values_list("pk", flat=True))


def test_events_added_before_the_cursor_during_a_walk_shift_nothing(
    api: APIClient, many_events: list[Event]
) -> None:
    first = api.get("/api/events/?page_size=10").json()
    make_event(title="Earlier", when="2025-12-01")
    served = [e["id"] for e in first["results"]] + walk(api, first["next"])
    assert sorted(served) == sorted(e.pk for e in many_events)
    assert len(served) == len(set(served))


def test_the_cursor_keeps_the_filters(api: APIClient, many_events: list[Event]) -> None:
    ids = walk(api, "/api/events/?page_size=2&start=2026-02-03&end=2026-02-03&within=true")
    assert ids == list(
        Event.objects.within(date(2026, 2, 3), date(2026, 2, 3))
        .chronological()
        .values_list("pk", flat=True)
    )


def test_the_last_page_has_no_next(api: APIClient, many_events: list[Event]) -> None:
    assert api.get("/api/events/?page_size=23").json()["next"] is None


def test_a_page_size_over_the_cap_is_a_400_naming_it(api: APIClient) -> None:
    response = api.get("/api/events/?page_size=100000")
    assert response.status_code == 400
    assert "500" in response.json()["page_size"][0]


def test_a_tampered_cursor_is_a_400_naming_it(api: APIClient) -> None:
    huge_id = encode_cursor(["date_start", "date_end", "pk"], ["2026-01-01", "2026-01-01", 10**20])
    bad_day = encode_cursor(["date_start", "date_end", "pk"], ["2026-02-30", "2026-03-01", 1])
    for cursor in ["garbage", "eyJrIjpbXSwidiI6W119", "W10", huge_id, bad_day]:
        response = api.get(f"/api/events/?cursor={cursor}")
        assert response.status_code == 400
        assert "cursor" in response.json()


def test_a_cursor_of_another_ordering_is_refused(api: APIClient, many_events: list[Event]) -> None:
    next_url = api.get("/api/events/?page_size=2").json()["next"]
    response = api.get(next_url + "&ordering=-date")
    assert response.status_code == 400
    assert "cursor" in response.json()


def _rich_events(count: int) -> None:
    actors = [make_actor() for _ in range(3)]
    topics = [make_topic() for _ in range(2)]
    source = make_source(text="One quote here and another quote there.")
    for i in range(count):
        event = make_event(title=f"R{i}", actors=actors, when=f"2026-02-{1 + i % 28:02d}")
        event.topics.set(topics)
        cite(event, source, "One quote")
        cite(event, source, "another quote")


@pytest.mark.parametrize("client_name", ["api", "editor_api"])
def test_a_list_page_costs_the_same_queries_at_any_page_size(
    request: pytest.FixtureRequest, client_name: str
) -> None:
    client: APIClient = request.getfixturevalue(client_name)
    _rich_events(30)
    counts = {}
    for size in (5, 30):
        client.get("/api/events/?page_size=1")  # warm the per-user permission cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/events/?page_size={size}&actor_kind=person")
        assert len(response.json()["results"]) == size
        counts[size] = len(queries)
    assert counts[5] == counts[30]
    assert counts[30] <= 9


def test_a_detail_costs_a_handful_of_queries(api: APIClient) -> None:
    _rich_events(1)
    event = Event.objects.get()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"/api/events/{event.pk}/").status_code == 200
    assert len(queries) <= 6
