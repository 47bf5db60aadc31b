"""`planned` (read and write) and `date_basis` (read-only) on /api/events/: the
representation, writes, the two filters, the schema and who may change them."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from rest_framework.test import APIClient

from events.models import DateBasis, Event, Status
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def titles(client: APIClient, query: str) -> set[str]:
    response = client.get("/api/events/" + query)
    assert response.status_code == 200, response.content
    return {e["title"] for e in response.json()["results"]}


@pytest.fixture
def register() -> None:
    make_event(title="Visit", when="2026-03", planned=True, date_basis=DateBasis.WORDS)
    make_event(title="Announcement", when="2026-02-13~", date_basis=DateBasis.PUBLICATION)
    make_event(title="Quote", when="2026-02-13", date_basis=DateBasis.CONTEXT)
    make_event(title="Entered", when="2026-02-12")
    make_event(
        title="Draft from the dateline",
        status=Status.DRAFT,
        date_basis=DateBasis.PUBLICATION,
        planned=True,
    )


def test_an_event_reads_with_its_basis_and_whether_it_is_planned(api: APIClient) -> None:
    event = make_event(title="Visit", planned=True, date_basis=DateBasis.PUBLICATION)
    body = api.get(f"/api/events/{event.pk}/").json()
    assert (body["planned"], body["date_basis"]) == (True, "publication")
    listed = api.get("/api/events/").json()["results"][0]
    assert (listed["planned"], listed["date_basis"]) == (True, "publication")


def test_an_event_created_through_the_api_is_dated_by_an_editor(
    contributor_api: APIClient,
) -> None:
    body = {"title": "Stubb will visit Washington", "date": "2026-03", "planned": True}
    response = contributor_api.post("/api/events/", body, format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["planned"], response.json()["date_basis"]) == (True, "editor")
    assert Event.objects.get().planned is True


def test_an_event_is_not_planned_unless_the_writer_says_so(editor_api: APIClient) -> None:
    response = editor_api.post("/api/events/", {"title": "Met", "date": "2026-02"}, format="json")
    assert response.json()["planned"] is False


def test_a_contributor_marks_a_draft_as_having_happened(contributor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT, planned=True, date_basis=DateBasis.WORDS)
    response = contributor_api.patch(
        f"/api/events/{draft.pk}/", {"planned": False, "version": 1}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["planned"], response.json()["date_basis"]) == (False, "words")
    draft.refresh_from_db()
    assert (draft.planned, draft.version) == (False, 2)


def test_a_contributor_may_not_change_a_published_events_plan(
    contributor_api: APIClient, editor_api: APIClient
) -> None:
    event = make_event(evidence=True)
    patch = {"planned": True, "version": event.version}
    response = contributor_api.patch(f"/api/events/{event.pk}/", patch, format="json")
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.planned is False
    response = editor_api.patch(f"/api/events/{event.pk}/", patch, format="json")
    assert response.status_code == 200
    assert response.json()["planned"] is True


def test_anonymous_readers_may_not_change_it(api: APIClient) -> None:
    event = make_event()
    response = api.patch(f"/api/events/{event.pk}/", {"planned": True}, format="json")
    assert response.status_code == 401
    event.refresh_from_db()
    assert event.planned is False


def test_the_basis_sent_in_a_body_is_ignored_as_read_only(editor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT, date_basis=DateBasis.PUBLICATION)
    response = editor_api.patch(
        f"/api/events/{draft.pk}/",
        {"date_basis": "words", "title": "Retitled", "version": 1},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["date_basis"] == "publication"


def test_planned_must_be_a_boolean(editor_api: APIClient) -> None:
    body: dict[str, Any] = {"title": "Visit", "date": "2026-03", "planned": "yes"}
    response = editor_api.post("/api/events/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["planned"]
    assert not Event.objects.exists()


@pytest.mark.usefixtures("register")
class TestFilters:
    def test_planned_true_lists_only_planned_events(self, api: APIClient) -> None:
        assert titles(api, "?planned=true") == {"Visit"}

    def test_planned_false_lists_what_is_reported_as_having_happened(self, api: APIClient) -> None:
        assert titles(api, "?planned=false") == {"Announcement", "Quote", "Entered"}

    def test_date_basis_selects_events_dated_from_the_article(self, api: APIClient) -> None:
        assert titles(api, "?date_basis=publication") == {"Announcement"}

    def test_date_basis_is_repeatable(self, api: APIClient) -> None:
        assert titles(api, "?date_basis=context&date_basis=editor") == {"Quote", "Entered"}

    def test_editors_find_the_drafts_dated_from_the_article(self, editor_api: APIClient) -> None:
        query = "?date_basis=publication&status=draft&planned=true"
        assert titles(editor_api, query) == {"Draft from the dateline"}

    def test_an_unknown_basis_is_a_400_naming_the_parameter(self, api: APIClient) -> None:
        response = api.get("/api/events/?date_basis=guess")
        assert response.status_code == 400
        assert list(response.json()) == ["date_basis"]
        assert "guess" in response.json()["date_basis"][0]

    def test_planned_that_is_no_boolean_is_a_400_naming_it(self, api: APIClient) -> None:
        response = api.get("/api/events/?planned=maybe")
        assert response.status_code == 400
        assert list(response.json()) == ["planned"]

    def test_the_exports_and_the_timeline_take_them_too(self, api: APIClient) -> None:
        csv = api.get("/api/events/export.csv?planned=true")
        assert b"Visit" in b"".join(csv.streaming_content)
        timeline = api.get("/api/timeline/?date_basis=publication").json()
        assert timeline["events"]["title"] == ["Announcement"]
        assert api.get("/api/timeline/?date_basis=guess").status_code == 400


def test_the_schema_documents_both_fields_and_filters(api: APIClient) -> None:
    schema = yaml.safe_load(api.get("/api/schema/").content)
    parameters = {p["name"]: p for p in schema["paths"]["/api/events/"]["get"]["parameters"]}
    assert parameters["planned"]["schema"]["type"] == "boolean"
    assert set(parameters["date_basis"]["schema"]["items"]["enum"]) == set(DateBasis.values)
    components = schema["components"]["schemas"]
    assert components["Event"]["properties"]["planned"]["type"] == "boolean"
    assert "planned" in components["EventInputRequest"]["properties"]
    basis = components["EventInputRequest"]["properties"]["date_basis"]
    assert "Read-only" in basis["description"]


def test_planned_combines_with_the_other_filters(api: APIClient) -> None:
    stubb = make_actor(name="Alexander Stubb", slug="stubb")
    make_event(title="Visit", actors=[stubb], planned=True)
    make_event(title="Talks", actors=[stubb])
    make_event(title="Someone else's trip", planned=True)
    assert titles(api, "?actor=stubb&planned=true") == {"Visit"}
