"""Readers see a planned event as announced: on its page, in the list under the chart,
in the chart's data (which follows an editor's change), and in its public history."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from events import editing
from events.models import Event
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db
ANNOUNCED = "Announced, scheduled or expected in the source: not known to have happened."


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def timeline(client: Client) -> dict[str, Any]:
    response = client.get("/api/timeline/")
    assert response.status_code == 200
    return response.json()


def test_a_planned_events_page_says_it_is_planned(client: Client) -> None:
    visit = make_event(title="Stubb will visit Washington", when="2026-03", planned=True)
    html = page(client, visit.get_absolute_url())
    assert '<strong class="tag planned">Planned</strong>' in html
    assert ANNOUNCED in html
    assert '>Mar 2026</time> <span class="hint">(planned)</span>' in html


def test_an_event_that_happened_has_no_planned_label(client: Client) -> None:
    html = page(client, make_event(title="Stubb met Macron").get_absolute_url())
    assert "Planned" not in html
    assert "(planned)" not in html


def test_the_list_under_the_chart_tags_planned_events(client: Client) -> None:
    make_event(title="Stubb will visit Washington", when="2026-03", planned=True)
    make_event(title="Stubb met Macron", when="2026-02-13")
    html = page(client, "/")
    visit = html.split("Stubb will visit Washington</a>", 1)[1].split("</li>", 1)[0]
    met = html.split("Stubb met Macron</a>", 1)[1].split("</li>", 1)[0]
    assert '<strong class="tag planned">planned</strong>' in visit
    assert "planned" not in met
    assert "Hollow markers are planned events" in html


def test_an_actor_page_tags_planned_events(client: Client) -> None:
    stubb = make_actor(name="Alexander Stubb", slug="stubb")
    make_event(title="Stubb will visit Washington", actors=[stubb], planned=True)
    html = page(client, stubb.get_absolute_url())
    assert 'Stubb will visit Washington</a> <strong class="tag planned">planned</strong>' in html


def test_the_chart_data_marks_planned_events(client: Client) -> None:
    make_event(title="Met", when="2026-02-13")
    make_event(title="Visit", when="2026-03", planned=True)
    events = timeline(client)["events"]
    assert dict(zip(events["title"], events["planned"], strict=True)) == {"Met": 0, "Visit": 1}


def test_the_chart_follows_an_editor_who_marks_an_event_as_having_happened(
    client: Client, editor: Any
) -> None:
    stubb = make_actor(name="Alexander Stubb")
    visit = make_event(title="Visit", actors=[stubb], planned=True, evidence=True)
    assert timeline(client)["events"]["planned"] == [1]
    editing.update_event(
        event_id=visit.pk, expected_version=visit.version, user=editor, data={"planned": False}
    )
    assert timeline(client)["events"]["planned"] == [0]
    with_actor = client.get(f"/api/timeline/?actor={stubb.pk}").json()
    assert with_actor["events"]["planned"] == [0]


def test_the_public_history_says_when_a_plan_became_an_event(client: Client, editor: Any) -> None:
    visit = make_event(title="Visit", planned=True, evidence=True)
    editing.change_status(events=[visit], status="draft", user=editor)
    editing.change_status(events=[visit], status="published", user=editor)
    visit = Event.objects.get(pk=visit.pk)
    editing.update_event(
        event_id=visit.pk, expected_version=visit.version, user=editor, data={"planned": False}
    )
    html = page(client, visit.get_absolute_url())
    assert "<li>Marked as having happened</li>" in html
