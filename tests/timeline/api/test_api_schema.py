from __future__ import annotations

import re

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from rest_framework.test import APIClient

from tests.factories import cite, make_actor, make_event, make_source, make_topic

pytestmark = pytest.mark.django_db


def schema(client: APIClient) -> dict:
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_validates_with_warnings_as_errors(tmp_path: object) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", f"{tmp_path}/s.yaml")


def test_every_resource_and_export_is_in_the_schema(api: APIClient) -> None:
    paths = schema(api)["paths"]
    for path in [
        "/api/events/",
        "/api/events/{id}/",
        "/api/events/deleted/",
        "/api/actors/",
        "/api/actors/{id}/",
        "/api/sources/",
        "/api/sources/{id}/",
        "/api/topics/",
        "/api/topics/{id}/",
        "/api/events/export.csv",
        "/api/events/export.jsonl",
        "/api/events/export.timeline.json",
        "/api/events/export.ics",
    ]:
        assert path in paths


def test_every_filter_is_a_documented_parameter(api: APIClient) -> None:
    events = schema(api)["paths"]["/api/events/"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert names >= {
        "start", "end", "within", "actor", "actor_mode", "actor_kind", "country", "category",
        "quad", "topic", "status", "q", "updated_since", "ordering", "cursor", "page_size",
    }  # fmt: skip
    exports = schema(api)["paths"]["/api/events/export.csv"]["get"]
    assert names - {"cursor", "page_size"} <= {p["name"] for p in exports["parameters"]}


def test_error_responses_are_documented(api: APIClient) -> None:
    paths = schema(api)["paths"]
    assert set(paths["/api/events/"]["get"]["responses"]) >= {"200", "304", "400", "401", "403"}
    assert set(paths["/api/events/{id}/"]["get"]["responses"]) >= {"200", "404"}
    update = paths["/api/events/{id}/"]["patch"]["responses"]
    assert set(update) >= {"200", "400", "401", "403", "404", "412", "413", "428"}


def test_the_event_shape_in_the_schema_matches_what_the_api_returns(api: APIClient) -> None:
    event = make_event(actors=[make_actor()])
    event.topics.add(make_topic())
    cite(event, make_source(text="a quote here"), "a quote")
    body = api.get(f"/api/events/{event.pk}/").json()
    components = schema(api)["components"]["schemas"]

    def keys(name: str) -> set[str]:
        return set(components[name]["properties"])

    assert set(body) == keys("Event")
    assert set(body["participants"][0]) == keys("Participant")
    assert set(body["citations"][0]) == keys("Citation")
    assert set(body["topics"][0]) == keys("TopicRef")
    assert set(body["place"]) == keys("Place")


def test_the_docs_page_loads_its_assets_from_us_only(api: APIClient) -> None:
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"url: ['\"]([^'\"]+)", html)
    assert urls
    for url in urls:
        assert not re.match(r"^(https?:)?//", url), f"{url} is not served by us"
    static = [u for u in urls if u.startswith("/static/")]
    assert static
    for url in static:
        assert finders.find(url.removeprefix("/static/")), f"{url} is missing"
