from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from events.models import Actor, Event
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> Event:
    return make_event(title="Original title", when="2026-02-13", status="draft")


def url(event: Event) -> str:
    return f"/api/events/{event.pk}/"


def test_a_detail_carries_etag_and_last_modified(api: APIClient) -> None:
    event = make_event()
    response = api.get(url(event))
    assert response["ETag"].startswith(f'"v{event.version}-')
    assert response["Last-Modified"].endswith("GMT")


def test_if_none_match_with_the_current_etag_gives_304(api: APIClient) -> None:
    event = make_event()
    etag = api.get(url(event))["ETag"]
    response = api.get(url(event), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_the_last_modified_gives_304_on_a_detail(api: APIClient) -> None:
    event = make_event()
    stamp = api.get(url(event))["Last-Modified"]
    assert api.get(url(event), HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304


def test_the_etag_changes_when_the_event_changes(api: APIClient) -> None:
    event = make_event()
    etag = api.get(url(event))["ETag"]
    event.title = "New title"
    event.save()
    response = api.get(url(event), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["title"] == "New title"


def test_the_etag_changes_when_an_actor_is_renamed(api: APIClient) -> None:
    actor: Actor = make_actor(name="Old name")
    event = make_event(actors=[actor])
    etag = api.get(url(event))["ETag"]
    actor.name = "New name"
    actor.save()
    assert api.get(url(event), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_list_gives_304_until_something_changes(api: APIClient) -> None:
    make_event()
    first = api.get("/api/events/")
    assert first["Last-Modified"]
    assert api.get("/api/events/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    make_event(title="Another")
    assert api.get("/api/events/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_an_update_with_the_etag_read_succeeds(editor_api: APIClient, event: Event) -> None:
    etag = editor_api.get(url(event))["ETag"]
    response = editor_api.patch(url(event), {"title": "Edited"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert response.json()["version"] == event.version + 1
    assert response["ETag"] != etag


def test_an_update_with_the_version_field_succeeds(editor_api: APIClient, event: Event) -> None:
    body = {"title": "Edited", "version": event.version}
    response = editor_api.patch(url(event), body, format="json")
    assert response.status_code == 200, response.content


def test_a_stale_if_match_is_412_and_changes_nothing(editor_api: APIClient, event: Event) -> None:
    etag = editor_api.get(url(event))["ETag"]
    event.summary = "Someone else's edit"
    event.save()
    response = editor_api.patch(url(event), {"title": "Mine"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert "nothing was changed" in response.json()["detail"]
    event.refresh_from_db()
    assert (event.title, event.summary) == ("Original title", "Someone else's edit")


def test_a_stale_version_field_is_412_and_changes_nothing(
    editor_api: APIClient, event: Event
) -> None:
    stale = event.version
    event.save()
    response = editor_api.put(
        url(event), {"title": "Mine", "date": "2026-03", "version": stale}, format="json"
    )
    assert response.status_code == 412
    event.refresh_from_db()
    assert (event.title, event.precision) == ("Original title", "day")


def test_an_update_without_a_version_is_428(editor_api: APIClient, event: Event) -> None:
    response = editor_api.patch(url(event), {"title": "Blind"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    event.refresh_from_db()
    assert event.title == "Original title"


def test_if_match_star_is_not_a_version(editor_api: APIClient, event: Event) -> None:
    response = editor_api.patch(url(event), {"title": "Blind"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 428


def test_a_delete_with_if_match_star_deletes(editor_api: APIClient, event: Event) -> None:
    assert editor_api.delete(url(event), HTTP_IF_MATCH="*").status_code == 204
    assert not Event.objects.filter(pk=event.pk).exists()


def test_a_delete_with_a_stale_if_match_is_412(editor_api: APIClient, event: Event) -> None:
    etag = editor_api.get(url(event))["ETag"]
    event.save()
    assert editor_api.delete(url(event), HTTP_IF_MATCH=etag).status_code == 412
    assert Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("header", ["", "   ", ",", " , ,"])
def test_a_delete_with_an_empty_if_match_deletes_as_without_one(
    editor_api: APIClient, event: Event, header: str
) -> None:
    assert editor_api.delete(url(event), HTTP_IF_MATCH=header).status_code == 204
    assert not Event.objects.filter(pk=event.pk).exists()


def test_an_update_with_an_empty_if_match_needs_the_body_version(
    editor_api: APIClient, event: Event
) -> None:
    blind = editor_api.patch(url(event), {"title": "Blind"}, format="json", HTTP_IF_MATCH="")
    assert blind.status_code == 428
    body = {"title": "Edited", "version": event.version}
    assert editor_api.patch(url(event), body, format="json", HTTP_IF_MATCH="").status_code == 200


def write(client: APIClient, method: str, event: Event, if_match: str) -> object:
    if method == "delete":
        return client.delete(url(event), HTTP_IF_MATCH=if_match)
    body = {"title": "Mine", "date": "2026-03"} if method == "put" else {"title": "Mine"}
    return getattr(client, method)(url(event), body, format="json", HTTP_IF_MATCH=if_match)


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_a_weak_etag_never_matches_and_says_why(
    editor_api: APIClient, event: Event, method: str
) -> None:
    weak = "W/" + editor_api.get(url(event))["ETag"]
    response = write(editor_api, method, event, weak)
    assert response.status_code == 412
    assert "weak ETag" in response.json()["detail"]
    assert "RFC 9110" in response.json()["detail"]
    event.refresh_from_db()
    assert event.title == "Original title"


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_a_lists_etag_is_weak_and_never_matches(
    editor_api: APIClient, event: Event, method: str
) -> None:
    list_etag = editor_api.get("/api/events/")["ETag"]
    assert list_etag.startswith('W/"')
    response = write(editor_api, method, event, list_etag)
    assert response.status_code == 412
    assert "weak ETag" in response.json()["detail"]
    assert Event.objects.filter(pk=event.pk, title="Original title").exists()


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_the_strong_etag_read_works(editor_api: APIClient, event: Event, method: str) -> None:
    etag = editor_api.get(url(event))["ETag"]
    response = write(editor_api, method, event, etag)
    assert response.status_code in (200, 204), response.content
    changed = Event.objects.filter(pk=event.pk).values_list("title", flat=True).first()
    assert changed == (None if method == "delete" else "Mine")


def test_any_strong_etag_of_a_list_may_match(editor_api: APIClient, event: Event) -> None:
    stale = editor_api.get(url(event))["ETag"]
    event.save()
    current = editor_api.get(url(event))["ETag"]
    response = write(editor_api, "patch", event, f"{stale}, {current}")
    assert response.status_code == 200, response.content
    response = write(editor_api, "delete", event, f'{response["ETag"]},{stale}, "other"')
    assert response.status_code == 204, response.content


def test_a_weak_copy_of_the_current_etag_does_not_rescue_a_stale_strong_one(
    editor_api: APIClient, event: Event
) -> None:
    stale = editor_api.get(url(event))["ETag"]
    event.save()
    current = editor_api.get(url(event))["ETag"]
    response = write(editor_api, "patch", event, f"{stale}, W/{current}")
    assert response.status_code == 412
    # The stale version named, whatever the words around it.
    assert f"version {event.version - 1}" in response.json()["detail"]


@pytest.mark.parametrize("header", ["v1-abc", '"someone-elses"', 'w/"v1-abc"', '"v1-abc'])
def test_an_if_match_that_is_no_etag_of_ours_is_412_naming_the_form(
    editor_api: APIClient, event: Event, header: str
) -> None:
    response = write(editor_api, "delete", event, header)
    assert response.status_code == 412
    assert '"v<version>-..."' in response.json()["detail"]
    assert Event.objects.filter(pk=event.pk).exists()
