from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from events.models import Status
from tests.factories import make_event, make_topic
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.django_db
URL = reverse("timeline:api:timeline")


def get(client: Client, **params: Any) -> Any:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def event_ids(client: Client, **params: Any) -> list[int]:
    """What /api/events/ lists for the same filters."""
    response = client.get(reverse("timeline:api:event-list"), {**params, "limit": 100})
    assert response.status_code == 200, response.content
    return [e["id"] for e in response.json()["results"]]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"start": "2026-02-01", "end": "2026-02-28"},
        {"start": "2026-02-13", "end": "2026-02-13", "within": "true"},
        {"actor": "emmanuel-macron"},
        {"actor": ["alexander-stubb", "sergey-lavrov"]},
        {"actor": "emmanuel-macron,russia", "actor_mode": "all"},
        {"actor_kind": "state"},
        {"country": "FIN"},
        {"category": "CONSULT"},
        {"quad": "verbal_conflict"},
        {"q": "Lavrov"},
    ],
)
def test_it_takes_the_filters_of_the_events_list_and_selects_the_same_events(
    client: Client, params: dict[str, Any]
) -> None:
    make_seed_events()
    answer = get(client, **params)
    assert answer["mode"] == "events"
    assert sorted(answer["events"]["id"]) == sorted(event_ids(client, **params))


def test_a_topic_filter_selects_the_events_of_the_topic(client: Client) -> None:
    seeds = make_seed_events()
    arms = make_topic(name="Arms control")
    seeds.speech.topics.add(arms)
    assert get(client, topic=arms.slug)["events"]["id"] == [seeds.speech.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "soon-ish"}, "start"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "end"),
        ({"actor": "nobody-at-all"}, "actor"),
        ({"lanes": "0"}, "lanes"),
        ({"lanes": "many"}, "lanes"),
        ({"lanes": "²"}, "lanes"),
        ({"group": "<script>"}, "group"),
        ({"category": "PARTY"}, "category"),
    ],
)
def test_bad_input_is_a_400_that_names_the_parameter(
    client: Client, params: dict[str, str], field: str
) -> None:
    response = client.get(URL, params)
    assert response.status_code == 400
    assert field in response.json()


def test_readers_never_see_drafts_even_when_they_ask(client: Client) -> None:
    make_event(when="2026-02-10", title="Unreviewed draft", status=Status.DRAFT)
    assert get(client, status="draft")["events"]["id"] == []


def test_editors_may_preview_drafts_on_the_timeline(editor_client: Client) -> None:
    draft = make_event(when="2026-02-10", title="Unreviewed draft", status=Status.DRAFT)
    make_event(when="2026-02-11", title="Published")
    assert get(editor_client, status="draft")["events"]["id"] == [draft.pk]
    assert draft.pk not in get(editor_client)["events"]["id"]


def test_it_is_in_the_openapi_schema_with_the_event_filters(client: Client) -> None:
    schema = yaml.safe_load(client.get(reverse("timeline:api:schema")).content)
    operation = schema["paths"]["/api/timeline/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"start", "end", "actor", "actor_mode", "category", "topic", "q", "lanes"} <= names
    assert "200" in operation["responses"]
    assert "400" in operation["responses"]


def test_the_answer_is_compressed_for_clients_that_accept_it(client: Client) -> None:
    make_seed_events()
    response = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["mode"] == "events"


def test_user_text_is_data_in_json_not_markup(client: Client) -> None:
    make_event(when="2026-02-13", title="<img src=x onerror=alert(1)>")
    answer = get(client)
    assert answer["events"]["title"] == ["<img src=x onerror=alert(1)>"]
    assert answer["window"]["start"] <= "2026-02-13" <= answer["window"]["end"]
