"""Write bodies take what the OpenAPI schema says, and refuse the rest by name."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from events.models import Event, EventLink, LinkKind, Source
from tests.factories import make_actor, make_event, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def body() -> dict[str, Any]:
    make_actor(name="Emmanuel Macron", slug="emmanuel-macron")
    return {
        "title": "Macron speaks in Munich",
        "date": "2026-02-13",
        "participants": [{"actor": "emmanuel-macron", "role": "initiator"}],
    }


def refused(response: Any) -> dict[str, Any]:
    assert response.status_code == 400, response.content
    return response.json()


def post(client: APIClient, body: dict[str, Any]) -> Any:
    return client.post("/api/events/", body, format="json")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", 5, "Not a string: got a number."),
        ("summary", True, "Not a string: got a boolean."),
        ("date", ["2026"], "Not a string: got an array."),
        ("importance", "5", "Not an integer: got a string."),
        ("importance", True, "Not an integer: got a boolean."),
        ("importance", 2.5, "Not an integer: got a number."),
        ("version", "1", "Not an integer: got a string."),
        ("status", 1, "Not a string: got a number."),
    ],
)
def test_a_value_of_the_wrong_json_type_is_refused_by_name(
    editor_api: APIClient, body: dict[str, Any], field: str, value: Any, message: str
) -> None:
    errors = refused(post(editor_api, {**body, field: value}))
    assert errors[field] == [message]
    assert not Event.objects.exists()


def test_nested_values_of_the_wrong_type_are_refused_by_name(
    editor_api: APIClient, body: dict[str, Any]
) -> None:
    place = {"name": 7, "latitude": "48.1", "longitude": 11.6}
    errors = refused(post(editor_api, {**body, "place": place}))
    assert errors["place"]["name"] == ["Not a string: got a number."]
    assert errors["place"]["latitude"] == ["Not a number: got a string."]


def test_a_source_text_must_be_a_string(editor_api: APIClient) -> None:
    response = editor_api.post(
        "/api/sources/", {"url": "https://example.org/a", "text": 0}, format="json"
    )
    assert refused(response)["text"] == ["Not a string: got a number."]
    assert not Source.objects.exists()


def test_every_fault_is_named_in_one_answer(editor_api: APIClient, body: dict[str, Any]) -> None:
    errors = refused(post(editor_api, {**body, "title": 5, "date": "soon", "sumary": "x"}))
    assert set(errors) == {"title", "date", "sumary"}


def test_a_length_counts_what_was_sent_spaces_included(
    editor_api: APIClient, body: dict[str, Any]
) -> None:
    padded = " " * 5 + "x" * 298  # 303 characters, 298 once trimmed
    assert "300 characters" in refused(post(editor_api, {**body, "title": padded}))["title"][0]
    exact = " " + "x" * 299
    assert post(editor_api, {**body, "title": exact}).status_code == 201


@pytest.mark.parametrize("title", ["", "   ", "\u3000\n"])
def test_a_blank_title_is_refused(editor_api: APIClient, body: dict[str, Any], title: str) -> None:
    assert "title" in refused(post(editor_api, {**body, "title": title}))


def test_null_characters_in_text_are_refused(editor_api: APIClient, body: dict[str, Any]) -> None:
    errors = refused(post(editor_api, {**body, "summary": "a\x00b"}))
    assert errors["summary"] == ["Null characters are not allowed."]


@pytest.mark.parametrize(
    ("field", "item", "missing"),
    [
        ("participants", {"role": "initiator"}, "actor"),
        ("citations", {"source": 1}, "quote"),
        ("links", {"kind": "follows_up"}, "to_event"),
        ("links", {"to_event": 1}, "kind"),
    ],
)
def test_an_item_in_a_patch_is_whole(
    editor_api: APIClient, field: str, item: dict[str, Any], missing: str
) -> None:
    event = make_event(status="draft")
    response = editor_api.patch(
        f"/api/events/{event.pk}/", {field: [item], "version": event.version}, format="json"
    )
    assert refused(response)[field]["0"][missing] == ["This field is required."]
    assert Event.objects.get(pk=event.pk).version == event.version


def test_a_topic_object_from_a_get_is_read_for_its_id(editor_api: APIClient) -> None:
    topic = make_topic(name="Security")
    event = make_event(status="draft")
    sent = [{"id": topic.pk, "name": "whatever", "slug": "ignored"}]
    response = editor_api.patch(
        f"/api/events/{event.pk}/", {"topics": sent, "version": event.version}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["topics"] == [{"id": topic.pk, "name": "Security", "slug": "security"}]


@pytest.mark.parametrize("item", [{"slug": "security"}, {"id": "security"}, {"id": True}, {}])
def test_a_topic_object_without_an_integer_id_is_refused(
    editor_api: APIClient, body: dict[str, Any], item: dict[str, Any]
) -> None:
    make_topic(name="Security")
    errors = refused(post(editor_api, {**body, "topics": [item]}))
    assert errors["topics"] == {"0": ["A topic object carries its `id` (an integer)."]}


@pytest.mark.parametrize(
    "place",
    [{"latitude": 48.1}, {"longitude": 11.6}, {"latitude": 48.1, "longitude": None}],
)
def test_coordinates_go_in_pairs(
    editor_api: APIClient, body: dict[str, Any], place: dict[str, Any]
) -> None:
    errors = refused(post(editor_api, {**body, "place": place}))
    assert errors["place"]["latitude"] == [
        "Give both latitude and longitude (or both null), or neither."
    ]


@pytest.mark.parametrize(
    "place",
    [{"latitude": 48.1, "longitude": 11.6}, {"latitude": None, "longitude": None}, {"name": "x"}],
)
def test_coordinates_in_pairs_or_none_are_taken(
    editor_api: APIClient, body: dict[str, Any], place: dict[str, Any]
) -> None:
    assert post(editor_api, {**body, "place": place}).status_code == 201


def test_a_patch_of_one_coordinate_is_refused_even_if_the_other_is_stored(
    editor_api: APIClient,
) -> None:
    event = make_event(status="draft", latitude=48.1, longitude=11.6)
    response = editor_api.patch(
        f"/api/events/{event.pk}/",
        {"place": {"latitude": 52.5}, "version": event.version},
        format="json",
    )
    assert "latitude" in refused(response)["place"]


def test_a_link_item_needs_a_known_event(editor_api: APIClient) -> None:
    event = make_event(status="draft")
    other = make_event(status="draft")
    body = {"links": [{"kind": LinkKind.FOLLOWS_UP, "to_event": other.pk}], "version": 1}
    response = editor_api.patch(f"/api/events/{event.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    assert EventLink.objects.filter(from_event=event, to_event=other).exists()


def test_a_registered_source_is_located_at_its_api_address(editor_api: APIClient) -> None:
    response = editor_api.post(
        "/api/sources/", {"url": "https://example.org/article"}, format="json"
    )
    assert response.status_code == 201
    location = response["Location"]
    assert location == f"http://testserver/api/sources/{response.json()['id']}/"
    assert editor_api.get(location).json()["url"] == "https://example.org/article"
