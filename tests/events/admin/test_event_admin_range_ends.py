"""The event admin at the ends of the supported range (0001-01-01 to 9999-12-31)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.edges import EDGE_DATES, make_edge_event
from tests.factories import make_source

pytestmark = pytest.mark.django_db


@pytest.fixture(params=EDGE_DATES)
def edge(request: pytest.FixtureRequest) -> Event:
    return make_edge_event(request.param)


def form_of(event: Event, **changes: Any) -> dict[str, Any]:
    """The change form as the editor sends it back, with `changes`."""
    data: dict[str, Any] = {
        "title": event.title,
        "status": event.status,
        "importance": event.importance,
        "loaded_version": event.version,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "precision": event.precision,
        "category": event.category,
    }
    for prefix in ("participations", "citations", "links_out"):
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(changes)
    return data


def test_the_change_list_shows_the_event_with_its_date(editor_client: Client, edge: Event) -> None:
    response = editor_client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 200
    assert edge.title in response.content.decode()
    assert edge.display_date in response.content.decode()


def test_the_change_form_and_the_history_open_and_a_save_goes_through(
    editor_client: Client, edge: Event
) -> None:
    change = reverse("admin:events_event_change", args=[edge.pk])
    response = editor_client.get(change)
    assert response.status_code == 200
    assert f'value="{edge.date_start.isoformat()}"' in response.content.decode()
    saved = editor_client.post(change, form_of(edge, title="Renamed at the edge"))
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    edge.refresh_from_db()
    assert (edge.title, edge.version) == ("Renamed at the edge", 2)
    history = editor_client.get(reverse("admin:events_event_history", args=[edge.pk]))
    assert history.status_code == 200
    assert "Renamed at the edge" in history.content.decode()


def test_the_week_that_runs_into_year_10000_is_a_field_error(editor_client: Client) -> None:
    event = make_edge_event("9999-W51")
    data = form_of(event, date_start="9999-12-27", date_end="9999-12-31")
    response = editor_client.post(reverse("admin:events_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "supported range" in str(errors["date_start"])
    event.refresh_from_db()
    assert event.date_start.isoformat() == "9999-12-20"


@pytest.mark.parametrize("field", ["date_start", "date_end"])
@pytest.mark.parametrize("value", ["0000-01-01", "10000-01-01", "-0001-01-01"])
def test_a_day_outside_the_range_is_a_field_error(
    editor_client: Client, field: str, value: str
) -> None:
    event = make_edge_event("0001-01-01")
    response = editor_client.post(
        reverse("admin:events_event_change", args=[event.pk]), form_of(event, **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors


def test_browsing_by_date_opens_year_1(editor_client: Client) -> None:
    event = make_edge_event("0001-01")
    url = reverse("admin:events_event_changelist")
    for query in ({"date_start__year": "1"}, {"date_start__year": "1", "date_start__month": "1"}):
        response = editor_client.get(url, query)
        assert response.status_code == 200
        assert event.title in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"date_start__year": "9999"},
        {"date_start__year": "9999", "date_start__month": "12"},
        {"date_start__year": "9999", "date_start__month": "12", "date_start__day": "31"},
    ],
)
def test_browsing_by_date_opens_year_9999(editor_client: Client, query: dict[str, str]) -> None:
    event = make_edge_event("9999-12-31")
    response = editor_client.get(reverse("admin:events_event_changelist"), query)
    assert response.status_code == 200
    assert event.title in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"published__year": "9999"},
        {"published__year": "9999", "published__month": "12"},
        {"published__year": "9999", "published__month": "12", "published__day": "31"},
    ],
)
def test_sources_browse_by_publication_date_to_the_calendars_end(
    editor_client: Client, query: dict[str, str]
) -> None:
    source = make_source(published=date(9999, 12, 31), title="Published at the very end")
    make_source(published=date(9998, 12, 31), title="A year earlier")
    page = editor_client.get(reverse("admin:events_source_changelist"), query).content.decode()
    assert source.title in page
    assert "A year earlier" not in page


def test_a_month_before_the_last_still_has_its_upper_bound(editor_client: Client) -> None:
    inside = make_edge_event("9999-11")
    after = make_edge_event("9999-12-31")
    query = {"date_start__year": "9999", "date_start__month": "11"}
    page = editor_client.get(reverse("admin:events_event_changelist"), query).content.decode()
    assert inside.title in page
    assert after.title not in page
