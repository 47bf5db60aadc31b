"""Every page carries a Content-Security-Policy and a Permissions-Policy, and runs no
inline script the policy would have to allow with 'unsafe-inline'."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.http import HttpResponseBase
from django.test import Client, override_settings
from django.urls import reverse

from events.models import Event, Status
from tests.factories import cite, make_actor, make_event, make_source

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"'nonce-([^']+)'")
# A <script> element that the browser executes: it has no src and is not a data block.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE
)
# onclick=, onload=, ... attributes in markup (not words in text).
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def body(response: HttpResponseBase) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return response.content.decode()


def directives(response: HttpResponseBase) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def assert_protected(response: HttpResponseBase) -> str:
    """The page's headers hold both policies; its markup runs nothing unnamed by them."""
    assert response.status_code == 200, response.status_code
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    html = body(response)
    nonce = NONCE.search(" ".join(policy["script-src"]))
    for tag in INLINE_SCRIPT.findall(html):
        assert nonce, tag
        assert f'nonce="{nonce.group(1)}"' in tag, tag
    assert not EVENT_HANDLER.findall(html)
    return html


@pytest.fixture
def register() -> dict[str, Any]:
    lavrov = make_actor(name="Sergey Lavrov", slug="sergey-lavrov")
    event = make_event(actors=[lavrov], title="Lavrov speaks")
    source = make_source(text="Lavrov said the talks would go on.")
    cite(event, source, "the talks would go on")
    draft = make_event(actors=[lavrov], title="A draft to review", status=Status.DRAFT)
    cite(draft, source, "Lavrov said")
    return {"actor": lavrov, "event": event, "draft": draft}


@pytest.mark.parametrize("gzip", [False, True])
def test_the_streamed_timeline_names_its_nonce_in_the_header_sent_with_the_first_part(
    client: Client, register: dict[str, Any], gzip: bool
) -> None:
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    response = client.get(reverse("timeline:home"), headers=headers)
    assert response.streaming
    nonce = NONCE.search(response["Content-Security-Policy"])
    assert nonce
    if gzip:
        import gzip as gz

        html = gz.decompress(b"".join(response.streaming_content)).decode()
    else:
        html = assert_protected(response)
    head, rest = html.split('<main id="main"', 1)
    # The preload in the head and every script in the second part carry it.
    assert f'nonce="{nonce.group(1)}"' in head
    scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", rest)
    assert len(scripts) == 7
    assert all(f'nonce="{nonce.group(1)}"' in tag for tag in scripts)


def test_each_request_gets_a_new_nonce(client: Client) -> None:
    first = NONCE.search(client.get(reverse("timeline:home"))["Content-Security-Policy"])
    second = NONCE.search(client.get(reverse("timeline:home"))["Content-Security-Policy"])
    assert first
    assert second
    assert first.group(1) != second.group(1)


def test_only_the_chart_pages_allow_eval_for_plotlys_webgl(
    client: Client, register: dict[str, Any]
) -> None:
    chart_pages = [reverse("timeline:home"), register["actor"].get_absolute_url()]
    for url in chart_pages:
        assert "'unsafe-eval'" in directives(client.get(url))["script-src"], url
    for url in [register["event"].get_absolute_url(), reverse("timeline:api:docs")]:
        assert "'unsafe-eval'" not in directives(client.get(url))["script-src"], url


def test_reader_pages_carry_both_policies(client: Client, register: dict[str, Any]) -> None:
    for url in (
        reverse("timeline:home"),
        reverse("timeline:home") + "?start=not-a-date",
        register["event"].get_absolute_url(),
        register["actor"].get_absolute_url(),
    ):
        response = client.get(url)
        if url.endswith("not-a-date"):
            assert response.status_code == 400
            response.status_code = 200  # the filter error page is a page all the same
        assert_protected(response)


def test_swagger_ui_starts_by_the_nonce_and_loads_nothing_from_elsewhere(client: Client) -> None:
    html = assert_protected(client.get(reverse("timeline:api:docs")))
    assert len(INLINE_SCRIPT.findall(html)) == 1
    assert not re.search(r"""(src|href)=["']https?://""", html)


def test_api_answers_and_errors_carry_both_policies(client: Client) -> None:
    for response in (
        client.get(reverse("timeline:api:event-list")),
        client.get("/api/no-such-thing/"),
        client.get(reverse("timeline:api:event-list"), headers={"Authorization": "Token nope"}),
    ):
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_login_page_carries_both_policies(client: Client) -> None:
    assert_protected(client.get(reverse("admin:login")))


def test_the_admin_pages_carry_both_policies(
    editor_client: Client, register: dict[str, Any]
) -> None:
    event: Event = register["event"]
    draft: Event = register["draft"]
    for url in (
        reverse("admin:index"),
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_event_add"),
        reverse("admin:events_event_history", args=[event.pk]),
        reverse("admin:events_ingesteddraft_changelist"),
        reverse("admin:events_ingesteddraft_change", args=[draft.pk]),
        reverse("admin:events_ingesteddraft_import"),
        reverse("admin:events_actor_change", args=[register["actor"].pk]),
    ):
        assert_protected(editor_client.get(url))


def test_the_actor_merge_page_carries_both_policies(editor_client: Client) -> None:
    actors = [make_actor(name="Lavrov"), make_actor(name="Sergei Lavrov")]
    response = editor_client.post(
        reverse("admin:events_actor_changelist"),
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [a.pk for a in actors]},
    )
    html = assert_protected(response)
    assert "Choose the actor to keep" in html


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_carry_both_policies() -> None:
    """As WhiteNoise serves them in production (an SVG opened on its own runs scripts)."""
    response = Client().get("/static/timeline/site.css")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
