from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from events.models import EventLink, LinkKind, Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def titles(client: APIClient, query: str = "") -> list[str]:
    response = client.get(f"/api/events/{query}")
    assert response.status_code == 200, response.content
    return [event["title"] for event in response.json()["results"]]


@pytest.fixture
def three_statuses() -> None:
    make_event(title="Published", when="2026-02-01", status=Status.PUBLISHED)
    make_event(title="Retracted", when="2026-02-02", status=Status.RETRACTED)
    make_event(title="Draft", when="2026-02-03", status=Status.DRAFT)


@pytest.mark.usefixtures("three_statuses")
def test_anonymous_readers_see_published_and_retracted_events_but_no_drafts(
    api: APIClient,
) -> None:
    assert titles(api) == ["Published", "Retracted"]


@pytest.mark.usefixtures("three_statuses")
def test_a_retracted_event_is_marked_as_such(api: APIClient) -> None:
    events = api.get("/api/events/").json()["results"]
    assert {e["title"]: e["status"] for e in events}["Retracted"] == "retracted"


@pytest.mark.usefixtures("three_statuses")
def test_editors_also_see_drafts(editor_api: APIClient) -> None:
    assert titles(editor_api) == ["Published", "Retracted", "Draft"]


@pytest.mark.usefixtures("three_statuses")
def test_contributors_see_drafts_because_they_write_them(contributor_api: APIClient) -> None:
    assert titles(contributor_api) == ["Published", "Retracted", "Draft"]


@pytest.mark.usefixtures("three_statuses")
def test_asking_for_drafts_anonymously_lists_nothing(api: APIClient) -> None:
    assert titles(api, "?status=draft") == []


@pytest.mark.usefixtures("three_statuses")
def test_editors_filter_by_status(editor_api: APIClient) -> None:
    assert titles(editor_api, "?status=draft") == ["Draft"]
    assert titles(editor_api, "?status=draft&status=retracted") == ["Retracted", "Draft"]


def test_a_draft_is_not_found_for_anonymous_readers(api: APIClient, editor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT)
    assert api.get(f"/api/events/{draft.pk}/").status_code == 404
    assert editor_api.get(f"/api/events/{draft.pk}/").status_code == 200


def test_session_login_sees_drafts_too(editor_client: APIClient) -> None:
    draft = make_event(title="Draft in session", status=Status.DRAFT)
    response = editor_client.get(f"/api/events/{draft.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Draft in session"


def test_links_to_drafts_are_hidden_from_anonymous_readers(
    api: APIClient, editor_api: APIClient
) -> None:
    speech = make_event(title="Speech")
    draft = make_event(title="Draft reply", status=Status.DRAFT)
    reply = make_event(title="Reply")
    EventLink.objects.create(from_event=speech, to_event=draft, kind=LinkKind.FOLLOWS_UP)
    EventLink.objects.create(from_event=speech, to_event=reply, kind=LinkKind.FOLLOWS_UP)
    public = api.get(f"/api/events/{speech.pk}/").json()["links"]
    assert public == [{"kind": "follows_up", "to_event": reply.pk}]
    assert len(editor_api.get(f"/api/events/{speech.pk}/").json()["links"]) == 2


def test_an_invalid_token_is_refused_with_401(api: APIClient) -> None:
    make_event()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/events/")
    assert response.status_code == 401
    assert "token" in response.json()["detail"].lower()
