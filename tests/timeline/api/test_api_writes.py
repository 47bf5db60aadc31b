from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from events.models import Actor, Citation, Event, Participation, Source, Status, Topic
from tests.factories import make_actor, make_event, make_source, make_topic

pytestmark = pytest.mark.django_db

TEXT = "Macron said Europe must build its own security architecture."


@pytest.fixture
def macron() -> Actor:
    return make_actor(name="Emmanuel Macron", slug="emmanuel-macron")


@pytest.fixture
def source() -> Source:
    return make_source(url="https://news.example.org/macron-munich", text=TEXT)


@pytest.fixture
def topic() -> Topic:
    return make_topic(name="European security", slug="european-security")


@pytest.fixture
def body(macron: Actor, source: Source, topic: Topic) -> dict[str, Any]:
    return {
        "title": "Macron calls for a European security architecture",
        "summary": "At the Munich Security Conference.",
        "date": "2026-02-13",
        "date_text": "on Friday",
        "place": {"name": "Munich", "country": "DEU"},
        "category": "DEMAND",
        "participants": [
            {"actor": "emmanuel-macron", "role": "initiator", "role_words": "French President"}
        ],
        "citations": [
            {"source_url": source.url, "quote": "build its own security architecture"},
            {"source": source.pk, "quote": "Macron said", "start_offset": 0, "end_offset": 11},
        ],
        "topics": ["european-security"],
    }


def test_a_contributor_creates_a_draft_with_everything_in_one_request(
    contributor_api: APIClient, contributor: User, body: dict[str, Any]
) -> None:
    response = contributor_api.post("/api/events/", body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    event = Event.objects.get(pk=created["id"])
    assert response["Location"].endswith(f"/api/events/{event.pk}/")
    assert (event.status, event.origin, event.created_by) == ("draft", "api", contributor)
    assert [p["role_words"] for p in created["participants"]] == ["French President"]
    assert len(created["citations"]) == 2
    assert [t["slug"] for t in created["topics"]] == ["european-security"]
    assert (created["date"], created["place"]["name"]) == ("2026-02-13", "Munich")
    assert event.history.latest().history_user == contributor


def test_a_contributor_may_not_create_a_published_event(
    contributor_api: APIClient, body: dict[str, Any]
) -> None:
    response = contributor_api.post("/api/events/", {**body, "status": "published"}, format="json")
    assert response.status_code == 403
    assert "editors" in response.json()["detail"].lower()
    assert not Event.objects.exists()


def test_an_editor_creates_a_published_event(editor_api: APIClient, body: dict[str, Any]) -> None:
    response = editor_api.post("/api/events/", {**body, "status": "published"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "published"
    assert response.json()["published_at"] is not None


def test_a_contributor_edits_a_draft(contributor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT)
    response = contributor_api.patch(
        f"/api/events/{draft.pk}/", {"title": "Better", "version": draft.version}, format="json"
    )
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.title == "Better"


def test_a_contributor_may_not_edit_a_published_event(contributor_api: APIClient) -> None:
    event = make_event(title="Published", status=Status.PUBLISHED)
    response = contributor_api.patch(
        f"/api/events/{event.pk}/", {"title": "Vandal", "version": event.version}, format="json"
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Published"


def test_a_contributor_may_not_publish(contributor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT)
    response = contributor_api.patch(
        f"/api/events/{draft.pk}/", {"status": "published", "version": draft.version}, format="json"
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_editor_publishes_with_one_new_version(editor_api: APIClient, editor: User) -> None:
    draft = make_event(status=Status.DRAFT, evidence=True)
    response = editor_api.patch(
        f"/api/events/{draft.pk}/",
        {"status": "published", "title": "Checked", "version": draft.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.status, draft.title, draft.version) == ("published", "Checked", 2)
    assert draft.published_at is not None
    assert draft.history.latest().history_user == editor


def test_a_get_body_can_be_sent_back_with_a_change(editor_api: APIClient, body: dict) -> None:
    created = editor_api.post("/api/events/", body, format="json").json()
    created["title"] = "Edited after reading"
    response = editor_api.put(f"/api/events/{created['id']}/", created, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Edited after reading"
    assert len(response.json()["citations"]) == 2


def test_replacing_participants_keeps_only_the_new_ones(editor_api: APIClient) -> None:
    old, new = make_actor(), make_actor()
    event = make_event(actors=[old], status=Status.DRAFT)
    response = editor_api.patch(
        f"/api/events/{event.pk}/",
        {"participants": [{"actor": new.pk, "role": "recipient"}], "version": event.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert list(Participation.objects.filter(event=event).values_list("actor", "role")) == [
        (new.pk, "recipient")
    ]


def test_only_editors_delete(contributor_api: APIClient, editor_api: APIClient) -> None:
    draft = make_event(status=Status.DRAFT)
    assert contributor_api.delete(f"/api/events/{draft.pk}/").status_code == 403
    assert Event.objects.filter(pk=draft.pk).exists()
    assert editor_api.delete(f"/api/events/{draft.pk}/").status_code == 204
    assert not Event.objects.filter(pk=draft.pk).exists()


def test_anonymous_writes_are_401_asking_for_a_token(api: APIClient, body: dict) -> None:
    response = api.post("/api/events/", body, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert not Event.objects.exists()


def test_session_writes_need_the_csrf_token(editor: User, body: dict[str, Any]) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    refused = client.post("/api/events/", body, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get("/admin/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post("/api/events/", body, format="json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content


class TestBadInput:
    """4xx with a message naming what is wrong, and nothing written."""

    def post(self, client: APIClient, data: Any, **kwargs: Any) -> dict[str, Any]:
        response = client.post("/api/events/", data, **kwargs)
        assert 400 <= response.status_code < 500, response.content
        assert not Event.objects.exists()
        assert not Citation.objects.exists()
        return {"status": response.status_code, **response.json()}

    def test_malformed_json(self, editor_api: APIClient) -> None:
        body = self.post(editor_api, '{"title": "x",', content_type="application/json")
        assert body["status"] == 400
        assert "Malformed JSON" in body["detail"]

    def test_a_body_that_is_not_an_object(self, editor_api: APIClient) -> None:
        body = self.post(editor_api, "[1, 2]", content_type="application/json")
        assert "dictionary" in body["non_field_errors"][0]

    def test_wrong_types(self, editor_api: APIClient, body: dict[str, Any]) -> None:
        errors = self.post(
            editor_api,
            {**body, "importance": "very", "participants": "Macron", "approximate": 3},
            format="json",
        )
        assert set(errors) >= {"importance", "participants"}

    def test_unknown_fields_are_refused_by_name(self, editor_api: APIClient, body: dict) -> None:
        errors = self.post(editor_api, {**body, "sumary": "typo"}, format="json")
        assert errors["sumary"] == ["Unknown field."]
        nested = {**body, "participants": [{"actor": "emmanuel-macron", "rol": "initiator"}]}
        errors = self.post(editor_api, nested, format="json")
        assert errors["participants"] == {"0": {"rol": ["Unknown field."]}}

    def test_an_unknown_actor(self, editor_api: APIClient, body: dict[str, Any]) -> None:
        data = {**body, "participants": [{"actor": "nobody-at-all", "role": "initiator"}]}
        errors = self.post(editor_api, data, format="json")
        assert errors["participants"] == {"0": {"actor": ["Unknown actor: nobody-at-all."]}}

    def test_a_quote_not_at_its_offsets_rolls_everything_back(
        self, editor_api: APIClient, body: dict[str, Any], source: Source
    ) -> None:
        data = {
            **body,
            "citations": [
                {"source": source.pk, "quote": "Macron said", "start_offset": 5, "end_offset": 9}
            ],
        }
        errors = self.post(editor_api, data, format="json")
        assert "not at these offsets" in errors["citations"][0]
        assert not Participation.objects.exists()

    def test_a_malformed_date(self, editor_api: APIClient, body: dict[str, Any]) -> None:
        assert "date" in self.post(editor_api, {**body, "date": "2026-02-30"}, format="json")
        assert "date" in self.post(editor_api, {**body, "date": "next Friday"}, format="json")

    def test_latitude_without_longitude(self, editor_api: APIClient, body: dict) -> None:
        data = {**body, "place": {"name": "Munich", "latitude": 48.1}}
        assert "place" in self.post(editor_api, data, format="json")

    def test_the_same_actor_twice_in_one_role(self, editor_api: APIClient, body: dict) -> None:
        twice = [{"actor": "emmanuel-macron", "role": "initiator"}] * 2
        errors = self.post(editor_api, {**body, "participants": twice}, format="json")
        assert "twice" in errors["participants"][0]

    def test_an_oversized_body_is_413(
        self, editor_api: APIClient, body: dict, settings: Any
    ) -> None:
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
        errors = self.post(editor_api, {**body, "summary": "x" * 20_000}, format="json")
        assert errors["status"] == 413
        assert "too large" in errors["detail"]

    def test_ids_too_large_for_the_database(self, editor_api: APIClient, body: dict) -> None:
        data = {**body, "links": [{"kind": "follows_up", "to_event": 2**63}]}
        assert "links" in self.post(editor_api, data, format="json")

    def test_an_unknown_source(self, editor_api: APIClient, body: dict[str, Any]) -> None:
        data = {**body, "citations": [{"source_url": "https://elsewhere.example/", "quote": "q"}]}
        errors = self.post(editor_api, data, format="json")
        assert "Unknown source" in errors["citations"]["0"]["source_url"][0]


def test_an_event_cannot_link_to_itself(editor_api: APIClient) -> None:
    event = make_event(status=Status.DRAFT)
    response = editor_api.patch(
        f"/api/events/{event.pk}/",
        {"links": [{"kind": "follows_up", "to_event": event.pk}], "version": event.version},
        format="json",
    )
    assert response.status_code == 400
    assert "itself" in response.json()["links"][0]
    event.refresh_from_db()
    assert event.version == 1


def test_a_contributor_registers_a_source(contributor_api: APIClient) -> None:
    data = {"url": "https://WWW.news.example.org/a?utm_source=x", "title": "A", "text": "Body."}
    response = contributor_api.post("/api/sources/", data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["url"] == "https://www.news.example.org/a"
    again = contributor_api.post("/api/sources/", data, format="json")
    assert again.status_code == 400
    assert "already exists" in again.json()["url"][0]
    assert Source.objects.count() == 1


def test_a_source_url_that_cannot_be_normalised_is_a_400(contributor_api: APIClient) -> None:
    data = {"url": "https://news.example.org:99999/a", "title": "A"}
    response = contributor_api.post("/api/sources/", data, format="json")
    assert response.status_code == 400
    assert "url" in response.json()
    assert contributor_api.get("/api/sources/?url=http://[").status_code == 200


def test_anonymous_readers_may_not_register_sources(api: APIClient) -> None:
    response = api.post("/api/sources/", {"url": "https://x.example/"}, format="json")
    assert response.status_code == 401
