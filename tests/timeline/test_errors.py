"""Errors are JSON under /api/ and a page in the site's look elsewhere; a NUL
character anywhere in the request line or headers is a 400 naming where."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.factories import make_actor
from timeline.errors import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/nothing/", "/api/events/abc/", "/api/events/1/junk/"])
def test_a_mistyped_api_address_is_a_json_404(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_a_page_that_does_not_exist_is_a_404_in_the_site_look(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html
    assert "/no-such-page/" not in html  # Django's page echoes the path; ours does not


@pytest.mark.parametrize("url", ["/api/docs/", "/api/schema/", "/api/events/export.csv"])
def test_a_wrong_method_on_any_api_view_is_a_json_405(client: Client, url: str) -> None:
    # The docs page renders HTML and the schema YAML: their errors were so too.
    for method in ["post", "delete", "options"] if url == "/api/docs/" else ["post", "delete"]:
        response = getattr(client, method)(url)
        assert response.status_code == 405, method
        assert response["Content-Type"] == "application/json"
        assert "not allowed" in response.json()["detail"]


def test_too_many_parameters_is_a_json_400_naming_the_limit(client: Client) -> None:
    query = "&".join(f"actor={n}" for n in range(1001))
    response = client.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in response.json()["detail"]


class TestNulCharacters:
    """PostgreSQL cannot compare text holding NUL: each of these was a 500 there."""

    def test_in_an_address_it_is_a_400_page_naming_the_address(self, client: Client) -> None:
        make_actor(name="Sergey Lavrov")
        for url in ["/actors/%00/", "/actors/sergey%00lavrov/", "/events/1/%00/"]:
            response = client.get(url)
            assert response.status_code == 400, url
            assert "The address contains a null character (%00)." in response.content.decode()

    def test_in_an_api_address_it_is_a_json_400(self, client: Client) -> None:
        response = client.get("/api/actors/x%00/")
        assert response.status_code == 400
        assert response.json() == {"detail": "The address contains a null character (%00)."}

    @pytest.mark.parametrize("name", ["q", "actor", "topic", "country", "category"])
    def test_in_an_api_parameter_it_is_a_400_naming_the_parameter(
        self, client: Client, name: str
    ) -> None:
        for url in ["/api/events/", "/api/timeline/", "/api/events/export.csv"]:
            response = client.get(url, {name: "lav\x00rov"})
            assert response.status_code == 400
            assert response.json() == {name: ["Null characters are not allowed."]}

    def test_in_the_source_url_filter_it_is_a_400(self, client: Client) -> None:
        response = client.get("/api/sources/", {"url": "https://example.org/\x00"})
        assert response.json() == {"url": ["Null characters are not allowed."]}

    def test_in_a_page_parameter_it_is_a_400_page_naming_it(self, client: Client) -> None:
        response = client.get("/", {"q": "talks", "topic": "\x00"})
        assert response.status_code == 400
        assert not response.streaming
        assert "The parameter “topic” contains a null character" in response.content.decode()

    def test_in_an_admin_filter_or_search_it_is_a_400(self, editor_client: Client) -> None:
        for query in [{"q": "\x00"}, {"actor_country": "\x00"}, {"status__exact": "a\x00"}]:
            response = editor_client.get("/admin/events/event/", query)
            assert response.status_code == 400, query

    def test_in_a_parameter_name_it_is_a_400(self, client: Client) -> None:
        response = client.get("/api/events/?a%00b=1")
        assert response.json() == {"a%00b": ["Null characters are not allowed."]}

    def test_in_a_header_or_a_cookie_it_is_a_400_naming_it(self, client: Client) -> None:
        response = client.get("/api/events/", HTTP_AUTHORIZATION="Token abc\x00def")
        assert response.status_code == 400
        assert response.json() == {
            "detail": "The header Authorization contains a null character (%00)."
        }
        client.cookies["sessionid"] = "abcdefgh\x00"
        response = client.get("/")
        assert response.status_code == 400
        assert "The cookie “sessionid” contains a null character" in response.content.decode()

    def test_without_one_nothing_changes(self, client: Client) -> None:
        make_actor(name="Sergey Lavrov")
        assert client.get("/actors/sergey-lavrov/").status_code == 200
        assert client.get("/api/events/", {"q": "Lavrov 0"}).status_code == 200


def test_a_server_error_is_json_under_the_api_and_a_page_elsewhere(rf) -> None:
    # Django calls handler500 for an exception no view handled; there is none to
    # provoke on purpose, so the handler is called as Django calls it.
    api = server_error(rf.get("/api/events/"))
    assert api.status_code == 500
    assert api["Content-Type"] == "application/json"
    assert json.loads(api.content) == {"detail": "Server error; it has been logged."}
    page = server_error(rf.get("/events/1/"))
    assert page.status_code == 500
    assert "<h1>Server error</h1>" in page.content.decode()
    assert 'class="site-header"' in page.content.decode()


def test_api_addresses_answer_json_404_even_in_debug(client, settings) -> None:
    # With DEBUG on (make run), Django answers an unmatched address with its HTML
    # debug page instead of handler404; the API's own catch-all keeps it JSON.
    settings.DEBUG = True
    for path in ("/api/nothing/", "/api/events/1/nothing/", "/api/actors/x/y/z/"):
        for method in ("get", "post", "delete"):
            response = getattr(Client(enforce_csrf_checks=True), method)(path)
            assert response.status_code == 404, (method, path)
            assert response["Content-Type"] == "application/json", (method, path)
    assert client.get("/api/nothing")["Location"] == "/api/nothing/"
    assert client.get("/api/events")["Location"] == "/api/events/"


@pytest.mark.django_db
def test_the_api_root_lists_where_things_are(client) -> None:
    links = client.get("/api/").json()
    assert {"events", "actors", "topics", "sources", "timeline", "schema", "docs"} <= set(links)
    for name, url in links.items():
        assert client.get(url).status_code == 200, name
    refused = Client(enforce_csrf_checks=True).post("/api/")
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")
    assert "not allowed" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("put", "/api/events/"),
        ("delete", "/api/events/"),
        ("post", "/api/actors/"),
        ("put", "/api/timeline/"),
        ("post", "/api/events/export.csv"),
    ],
)
def test_a_method_the_address_does_not_allow_is_405_even_without_credentials(
    method: str, url: str
) -> None:
    response = getattr(Client(enforce_csrf_checks=True), method)(url)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "not allowed" in response.json()["detail"]
