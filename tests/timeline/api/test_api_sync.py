from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from events.editing import change_status
from events.models import Event, Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def stamp() -> str:
    """Now, as a client would write it; the clock moves on a little after it."""
    moment = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    time.sleep(0.01)
    return moment


def changed(client: APIClient, since: str) -> dict[int, str]:
    response = client.get("/api/events/", {"updated_since": since, "ordering": "updated"})
    assert response.status_code == 200, response.content
    return {event["id"]: event["status"] for event in response.json()["results"]}


def tombstones(client: APIClient, since: str = "") -> dict[int, str]:
    response = client.get("/api/events/deleted/", {"since": since} if since else {})
    assert response.status_code == 200, response.content
    return {row["id"]: row["reason"] for row in response.json()["results"]}


def test_a_retraction_shows_up_as_a_change(api: APIClient, editor: User) -> None:
    event = make_event(title="Will be retracted")
    make_event(title="Untouched")
    since = stamp()
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    assert changed(api, since) == {event.pk: "retracted"}


def test_a_deletion_through_the_api_leaves_a_tombstone(
    api: APIClient, editor_api: APIClient
) -> None:
    event = make_event()
    kept = make_event()
    since = stamp()
    assert editor_api.delete(f"/api/events/{event.pk}/").status_code == 204
    assert tombstones(api, since) == {event.pk: "deleted"}
    assert changed(api, since) == {}
    assert kept.pk not in tombstones(api)


def test_a_deletion_in_the_admin_leaves_a_tombstone(api: APIClient, editor_client: Client) -> None:
    doomed = [make_event(), make_event()]
    since = stamp()
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "delete_selected", "_selected_action": [e.pk for e in doomed], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Event.objects.filter(pk__in=[e.pk for e in doomed]).exists()
    assert tombstones(api, since) == {e.pk: "deleted" for e in doomed}


def test_a_published_event_returned_to_draft_is_a_tombstone_for_the_public(
    api: APIClient, editor_api: APIClient, editor: User
) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.PUBLISHED, user=editor)
    since = stamp()
    change_status(events=[event], status=Status.DRAFT, user=editor)
    assert tombstones(api, since) == {event.pk: "unpublished"}
    # Editors still see the draft itself, so for them it is a change, not a removal.
    assert tombstones(editor_api, since) == {}
    assert changed(editor_api, since) == {event.pk: "draft"}


def test_a_draft_never_published_is_no_tombstone(api: APIClient) -> None:
    make_event(status=Status.DRAFT)
    assert tombstones(api) == {}


def test_old_deletions_are_not_repeated(api: APIClient, editor_api: APIClient) -> None:
    old = make_event()
    editor_api.delete(f"/api/events/{old.pk}/")
    since = stamp()
    recent = make_event()
    editor_api.delete(f"/api/events/{recent.pk}/")
    assert tombstones(api, since) == {recent.pk: "deleted"}


def test_tombstones_page_without_skips_or_repeats(api: APIClient, editor_api: APIClient) -> None:
    doomed = [make_event() for _ in range(7)]
    for event in doomed:
        editor_api.delete(f"/api/events/{event.pk}/")
    seen, url = [], "/api/events/deleted/?page_size=3"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == [e.pk for e in doomed]


def test_a_bad_since_is_a_400_naming_it(api: APIClient) -> None:
    response = api.get("/api/events/deleted/", {"since": "the other day maybe"})
    assert response.status_code == 400
    assert list(response.json()) == ["since"]


def test_an_event_retracted_straight_from_draft_and_returned_to_draft_is_a_tombstone(
    api: APIClient, editor_api: APIClient, editor: User
) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    # Readers saw the retraction, so they must learn that it went away again.
    assert changed(api, "2000-01-01") == {event.pk: "retracted"}
    since = stamp()
    change_status(events=[event], status=Status.DRAFT, user=editor)
    assert tombstones(api, since) == {event.pk: "unpublished"}
    assert tombstones(editor_api, since) == {}


def test_a_retraction_straight_from_draft_is_not_a_publication(editor: User) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    event.refresh_from_db()
    assert event.published_at is None
    assert event.first_public_at is not None


def test_publishing_again_keeps_the_first_public_time(editor: User) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    first = Event.objects.get(pk=event.pk).first_public_at
    for status in (Status.DRAFT, Status.PUBLISHED, Status.DRAFT):
        change_status(events=[event], status=status, user=editor)
    event.refresh_from_db()
    assert event.first_public_at == first
    assert event.published_at is not None
    assert event.published_at > first


def test_a_deleted_draft_readers_never_saw_is_only_an_editors_tombstone(
    api: APIClient, editor_api: APIClient, contributor_api: APIClient
) -> None:
    draft = make_event(status=Status.DRAFT)
    since = stamp()
    assert editor_api.delete(f"/api/events/{draft.pk}/").status_code == 204
    assert tombstones(api, since) == {}
    assert tombstones(api) == {}
    assert tombstones(editor_api, since) == {draft.pk: "deleted"}
    assert tombstones(contributor_api, since) == {draft.pk: "deleted"}


@pytest.mark.parametrize("path", [Status.PUBLISHED, Status.RETRACTED])
def test_a_deleted_event_readers_once_saw_is_everyones_tombstone(
    api: APIClient, editor_api: APIClient, editor: User, path: str
) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=path, user=editor)
    change_status(events=[event], status=Status.DRAFT, user=editor)
    since = stamp()
    assert editor_api.delete(f"/api/events/{event.pk}/").status_code == 204
    assert tombstones(api, since) == {event.pk: "deleted"}
    assert tombstones(editor_api, since) == {event.pk: "deleted"}


def test_a_page_of_tombstones_for_readers_skips_the_drafts_deleted_in_between(
    api: APIClient, editor_api: APIClient
) -> None:
    events = [make_event(status=Status.DRAFT if i % 2 else Status.PUBLISHED) for i in range(6)]
    for event in events:
        editor_api.delete(f"/api/events/{event.pk}/")
    seen, url = [], "/api/events/deleted/?page_size=2"
    while url:
        body = api.get(url).json()
        assert len(body["results"]) == 2 or body["next"] is None
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == [e.pk for e in events if e.status == Status.PUBLISHED]


def test_a_save_from_an_older_copy_keeps_the_first_public_time(
    api: APIClient, editor: User
) -> None:
    event = make_event(status=Status.DRAFT, evidence=True)
    stale = Event.objects.get(pk=event.pk)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    change_status(events=[event], status=Status.DRAFT, user=editor)
    since = stamp()
    # A copy read while it was a draft no reader had seen, saved after readers saw it.
    stale.status, stale.version = Status.DRAFT, Event.objects.get(pk=event.pk).version
    stale.summary = "Edited"
    stale.save()
    assert Event.objects.get(pk=event.pk).first_public_at is not None
    assert tombstones(api, since) == {event.pk: "unpublished"}
