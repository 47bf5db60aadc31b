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


def get_operations(document: dict) -> list[tuple[str, dict]]:
    return [(path, item["get"]) for path, item in document["paths"].items() if "get" in item]


def concrete(path: str, event_id: int) -> str:
    return path.replace("{id}", str(event_id))


def test_an_empty_query_value_means_not_given_everywhere(editor_api: APIClient) -> None:
    event = make_event(actors=[make_actor()])
    document = schema(editor_api)
    checked = 0
    for path, operation in get_operations(document):
        url = concrete(path, event.pk)
        plain = editor_api.get(url, HTTP_ACCEPT_ENCODING="identity")
        expected = plain.getvalue()  # once: an export streams
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query":
                continue
            assert parameter.get("allowEmptyValue") is True, (path, parameter["name"])
            response = editor_api.get(url, {parameter["name"]: ""}, HTTP_ACCEPT_ENCODING="identity")
            assert response.status_code == plain.status_code == 200, (path, parameter["name"])
            assert response.getvalue() == expected, (path, parameter["name"])
            checked += 1
    assert checked > 60


def test_an_empty_value_next_to_a_real_one_is_ignored(editor_api: APIClient) -> None:
    draft = make_event(status="draft")
    make_event(status="published")
    response = editor_api.get("/api/events/?status=&status=draft&quad=")
    assert [e["id"] for e in response.json()["results"]] == [draft.pk]


def operation_security(document: dict, path: str, method: str) -> list[dict]:
    return document["paths"][path][method].get("security", document.get("security", []))


def test_public_reads_allow_anonymous_callers(api: APIClient) -> None:
    document = schema(api)
    for path, operation in get_operations(document):
        security = operation.get("security", document.get("security", []))
        assert {} in security, path
        assert {"tokenAuth": []} in security, path
        assert {"cookieAuth": []} in security, path


def test_writes_need_credentials(api: APIClient) -> None:
    document = schema(api)
    for path, item in document["paths"].items():
        for method in set(item) & {"post", "put", "patch", "delete"}:
            assert {} not in operation_security(document, path, method), (method, path)


def parameter(document: dict, path: str, name: str) -> dict:
    [found] = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found["schema"]


def test_every_enforced_parameter_limit_is_declared(api: APIClient) -> None:
    document = schema(api)
    for path in ["/api/events/", "/api/events/deleted/", "/api/actors/", "/api/sources/"]:
        assert parameter(document, path, "page_size") == {
            "type": "integer",
            "minimum": 1,
            "maximum": 500,
        }
    assert parameter(document, "/api/timeline/", "lanes") == {
        "type": "integer",
        "minimum": 1,
        "maximum": 60,
    }
    for path in ["/api/events/", "/api/timeline/", "/api/events/export.csv"]:
        assert parameter(document, path, "q")["maxLength"] == 200
        for name in ["start", "end", "updated_since"]:
            assert parameter(document, path, name)["maxLength"] == 100
        for name in ["actor", "topic", "country"]:
            assert parameter(document, path, name)["maxItems"] == 50
            assert parameter(document, path, name)["items"]["maxLength"] == 100
        assert parameter(document, path, "country")["items"]["pattern"] == "^[A-Za-z]{3}$"
    assert parameter(document, "/api/events/deleted/", "since")["maxLength"] == 100
    assert parameter(document, "/api/actors/", "q")["maxLength"] == 200
    assert parameter(document, "/api/actors/", "slug")["maxLength"] == 100
    assert parameter(document, "/api/sources/", "url")["maxLength"] == 1000


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/events/?page_size=501", "page_size"),
        ("/api/events/deleted/?page_size=0", "page_size"),
        ("/api/timeline/?lanes=61", "lanes"),
        ("/api/events/?q=" + "x" * 201, "q"),
        ("/api/actors/?slug=" + "x" * 101, "slug"),
        ("/api/events/?country=" + ",".join(f"A{i:02}"[:3] for i in range(51)), "country"),
    ],
)
def test_the_server_enforces_the_declared_limits(api: APIClient, url: str, name: str) -> None:
    response = api.get(url)
    assert response.status_code == 400
    assert name in response.json()


def component(document: dict, name: str) -> dict:
    return document["components"]["schemas"][name]


INPUTS = {
    "EventInputRequest": "/api/events/",
    "PatchedEventInputRequest": None,
    "ParticipantInputRequest": None,
    "CitationInputRequest": None,
    "LinkInputRequest": None,
    "PlaceInputRequest": None,
    "SourceInputRequest": "/api/sources/",
}


def test_input_bodies_refuse_unknown_properties(api: APIClient) -> None:
    document = schema(api)
    for name in INPUTS:
        assert component(document, name)["additionalProperties"] is False, name


def test_input_bodies_list_the_read_only_names_a_put_may_send_back(api: APIClient) -> None:
    document = schema(api)
    event = component(document, "EventInputRequest")["properties"]
    assert {"id", "url", "api_url", "date_start", "date_display", "published_at"} <= set(event)
    assert "Read-only" in event["published_at"]["description"]
    participant = component(document, "ParticipantInputRequest")["properties"]
    assert {"name", "slug", "kind", "country"} <= set(participant)
    source = component(document, "SourceInputRequest")["properties"]
    assert {"id", "content_hash", "created_at", "updated_at"} <= set(source)


def test_input_bodies_declare_their_limits(api: APIClient) -> None:
    event = component(schema(api), "EventInputRequest")["properties"]
    assert event["participants"]["maxItems"] == 200
    assert event["citations"]["maxItems"] == 200
    assert event["links"]["maxItems"] == 100
    assert event["topics"]["maxItems"] == 100
    assert event["title"]["maxLength"] == 300
    assert event["date"]["format"] == "edtf"
    assert event["date"]["maxLength"] == 60


def test_a_get_body_with_an_unknown_property_is_refused_where_the_schema_says_so(
    editor_api: APIClient,
) -> None:
    event = make_event(status="draft")
    body = editor_api.get(f"/api/events/{event.pk}/").json()
    # Everything a GET gives is declared, so a PUT of it back is valid and taken...
    declared = set(component(schema(editor_api), "EventInputRequest")["properties"])
    assert set(body) <= declared
    response = editor_api.put(f"/api/events/{event.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    # ...and a property the schema does not declare is refused, by name.
    body = {**response.json(), "colour": "red"}
    response = editor_api.put(f"/api/events/{event.pk}/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"colour": ["Unknown field."]}


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/sources/", {"url": "https://example.org/x", "colour": "red"}),
        ("/api/events/", {"title": "x", "date": "2026", "place": {"colour": "red"}}),
    ],
)
def test_every_input_refuses_an_unknown_property(
    editor_api: APIClient, url: str, body: dict
) -> None:
    response = editor_api.post(url, body, format="json")
    assert response.status_code == 400
    assert "colour" in str(response.json())


def test_an_address_in_any_script_is_a_uri(api: APIClient) -> None:
    event = make_event(title="Ⱦ и Ж")
    body = api.get(f"/api/events/{event.pk}/").json()
    assert body["url"].isascii()
    assert body["url"].endswith(f"/events/{event.pk}/%E2%B1%A6-%D0%B8-%D0%B6/")
    assert api.get(body["url"]).status_code == 200


def test_what_a_post_creates_is_linked_to_the_operations_on_it(editor_api: APIClient) -> None:
    document = schema(editor_api)
    ids = {
        operation["operationId"]
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    links = document["paths"]["/api/events/"]["post"]["responses"]["201"]["links"]
    assert {link["operationId"] for link in links.values()} == {
        "events_retrieve", "events_update", "events_partial_update", "events_destroy"
    }  # fmt: skip
    source_links = document["paths"]["/api/sources/"]["post"]["responses"]["201"]["links"]
    assert [link["operationId"] for link in source_links.values()] == ["sources_retrieve"]
    for link in [*links.values(), *source_links.values()]:
        assert link["operationId"] in ids
        assert link["parameters"] == {"id": "$response.body#/id"}
    # The id a 201 gives is the one its detail answers to.
    response = editor_api.post("/api/sources/", {"url": "https://example.org/l"}, format="json")
    assert editor_api.get(f"/api/sources/{response.json()['id']}/").status_code == 200
