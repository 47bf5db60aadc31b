"""An unavailable database is a 503 with Retry-After everywhere (JSON under
/api/), never a 500 or a 200 that breaks off.

The database is really unavailable here: for the duration of a test, the
default connection points at a PostgreSQL server on a port where nothing
answers (connections refused), or where a server accepts and hangs up at once
(a server gone away). No part of our database layer is mocked.
"""

from __future__ import annotations

import gzip
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import yaml
from django.db import connections
from django.db.utils import load_backend
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db

HOME = reverse("timeline:home")


@contextmanager
def _refusing_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))  # bound but not listening: connections are refused
        yield sock.getsockname()[1]


@contextmanager
def _hanging_up_port() -> Iterator[int]:
    """A server that accepts each connection and closes it at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        sock.settimeout(0.2)
        stop = threading.Event()

        def serve() -> None:
            while not stop.is_set():
                try:
                    sock.accept()[0].close()
                except TimeoutError:
                    continue

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            yield sock.getsockname()[1]
        finally:
            stop.set()
            thread.join()


@contextmanager
def _default_database_at(port: int) -> Iterator[None]:
    """The default connection, for the duration, is PostgreSQL at 127.0.0.1:`port`."""
    real = connections["default"]
    settings = {
        **real.settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": port,
        "NAME": "geotimeline",
        "USER": "postgres",
        "PASSWORD": "",
        "OPTIONS": {"connect_timeout": 5},
        "CONN_MAX_AGE": 0,
    }
    unavailable = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, "default")
    connections["default"] = unavailable
    try:
        yield
    finally:
        connections["default"] = real
        unavailable.close()


@pytest.fixture(params=["refused", "hangs up"])
def database_down(request: pytest.FixtureRequest) -> Iterator[None]:
    port = _refusing_port() if request.param == "refused" else _hanging_up_port()
    with port as number, _default_database_at(number):
        yield


@pytest.fixture
def quiet_client() -> Client:
    # A failure Django handles outside any view (handler500) is re-raised by the
    # test client unless told not to; a browser would get the answer.
    return Client(raise_request_exception=False)


def _text(response: HttpResponseBase) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return response.content.decode()


def _is_503_page(response: HttpResponseBase) -> None:
    html = _text(response)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Temporarily unavailable</h1>" in html
    assert 'class="site-header"' in html  # the site's look
    assert "Traceback" not in html
    assert "OperationalError" not in html


API = [
    "/api/events/",
    "/api/events/1/",
    "/api/events/deleted/",
    "/api/timeline/",
    "/api/actors/",
    "/api/sources/1/",
    "/api/events/export.csv",  # streamed
    "/api/events/export.ics",
]


@pytest.mark.parametrize("url", API)
def test_the_api_answers_503_in_json_with_retry_after(database_down, quiet_client, url):
    response = quiet_client.get(url)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert "database is unavailable" in response.json()["detail"]


@pytest.mark.parametrize("url", [HOME, "/?q=talks", "/actors/sergey-lavrov/", "/events/1/"])
def test_reader_pages_answer_a_503_page(database_down, quiet_client, url):
    response = quiet_client.get(url)
    _is_503_page(response)


def test_the_timeline_page_does_not_start_a_stream_it_cannot_finish(database_down, quiet_client):
    # Its head (and the preload of plotly.js) would leave before its data is
    # read; with the database down it must not leave at all.
    response = quiet_client.get(HOME, HTTP_ACCEPT_ENCODING="gzip")
    assert not response.streaming
    assert "Content-Encoding" not in response
    _is_503_page(response)


def test_an_editors_admin_pages_answer_a_503_page(django_user_model, quiet_client):
    editor = django_user_model.objects.create_superuser("boss", password=None)
    quiet_client.force_login(editor)  # the session is read from the database
    with _refusing_port() as port, _default_database_at(port):
        for url in ["/admin/", "/admin/events/event/", "/admin/events/ingesteddraft/import/"]:
            _is_503_page(quiet_client.get(url))


def test_the_database_failing_outside_any_view_is_a_503_too(database_down, quiet_client, settings):
    # The view (a 404 page) needs no database; the session saved on the way out does.
    settings.SESSION_SAVE_EVERY_REQUEST = True
    quiet_client.cookies["sessionid"] = "a" * 32
    _is_503_page(quiet_client.get("/no-such-page/"))
    api = quiet_client.get("/api/no-such-endpoint/")
    assert api.status_code == 503
    assert api.json()["detail"].startswith("The database is unavailable")


def test_the_failure_is_logged_with_its_cause(database_down, quiet_client, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        quiet_client.get("/api/events/")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Database unavailable: /api/events/"
    assert record.exc_info is not None
    assert record.exc_info[0].__name__ == "OperationalError"


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_timeline_page_whose_database_fails_after_its_head_ends_visibly(
    client: Client, caplog, encoding
):
    make_event(actors=[make_actor(name="Sergey Lavrov")], title="Talks")
    response = client.get(HOME, HTTP_ACCEPT_ENCODING=encoding)
    assert response.status_code == 200  # the head may leave
    assert response.streaming
    with (
        caplog.at_level(logging.ERROR, logger="timeline.streaming"),
        _refusing_port() as port,
        _default_database_at(port),
    ):
        body = b"".join(response.streaming_content)  # read while the database is gone
    html = (gzip.decompress(body) if encoding == "gzip" else body).decode()
    assert '<link rel="preload"' in html  # the head had been sent
    assert "The timeline’s events could not be read" in html
    assert html.rstrip().endswith("</html>")  # ended, not cut off
    assert "Talks" not in html
    [record] = caplog.records
    assert record.getMessage() == "/ failed after its head was sent"
    assert record.exc_info is not None


def test_once_the_database_is_back_the_same_pages_answer(client: Client):
    make_event(actors=[make_actor(name="Sergey Lavrov")], title="Talks")
    with _refusing_port() as port, _default_database_at(port):
        assert client.get(HOME).status_code == 503
        assert client.get("/api/events/").status_code == 503
    assert "Talks" in _text(client.get(HOME))
    assert client.get("/api/events/").json()["results"][0]["title"] == "Talks"


def test_the_api_schema_documents_the_503_of_every_operation(client: Client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "503" in operation["responses"], (method, path)
