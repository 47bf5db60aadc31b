from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from events.models import Event, Participation, Source
from tests.factories import make_actor, make_event, make_source

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:events_event_changelist"


def _act(client, action: str, *events: Event):
    return client.post(
        reverse(CHANGELIST), {"action": action, ACTION_CHECKBOX_NAME: [e.pk for e in events]}
    )


def _inline_management(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for prefix in ("participations", "citations", "links_out"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(extra)
    return data


def _event_form(**fields: Any) -> dict[str, Any]:
    data = {
        "title": "Macron announces a channel to Russia",
        "status": "draft",
        "importance": "3",
        "date_start": "2026-02-13",
        "date_end": "2026-02-13",
        "precision": "day",
    }
    data.update(fields)
    return _inline_management(**data)


def test_an_editor_publishes_and_retracts_events(editor_client):
    a, b = make_event(status="draft", evidence=True), make_event(status="draft", evidence=True)
    _act(editor_client, "publish", a, b)
    assert set(Event.objects.values_list("status", flat=True)) == {"published"}
    assert Event.objects.get(pk=a.pk).published_at is not None
    _act(editor_client, "retract", a)
    assert Event.objects.get(pk=a.pk).status == "retracted"
    _act(editor_client, "return_to_draft", a)
    assert Event.objects.get(pk=a.pk).status == "draft"


def test_a_contributor_cannot_publish_by_action_or_by_form(contributor_client):
    draft = make_event(status="draft")
    page = contributor_client.get(reverse(CHANGELIST)).content.decode()
    assert "Publish selected events" not in page
    _act(contributor_client, "publish", draft)
    assert Event.objects.get(pk=draft.pk).status == "draft"
    # The status field is read-only to contributors: posting it changes nothing.
    url = reverse("admin:events_event_change", args=[draft.pk])
    contributor_client.post(url, _event_form(status="published", loaded_version=draft.version))
    assert Event.objects.get(pk=draft.pk).status == "draft"


def test_a_contributor_creates_and_edits_drafts_but_not_published_events(contributor_client):
    response = contributor_client.post(reverse("admin:events_event_add"), _event_form())
    assert response.status_code == 302
    created = Event.objects.get()
    assert created.status == "draft"
    published = make_event(status="published", title="Settled")
    url = reverse("admin:events_event_change", args=[published.pk])
    contributor_client.post(url, _event_form(title="Rewritten", loaded_version=published.version))
    assert Event.objects.get(pk=published.pk).title == "Settled"


def test_history_records_each_change_with_its_author(editor_client, editor):
    event = make_event(status="draft", title="First title")
    url = reverse("admin:events_event_change", args=[event.pk])
    response = editor_client.post(
        url, _event_form(title="Better title", loaded_version=event.version)
    )
    assert response.status_code == 302
    latest = Event.objects.get(pk=event.pk).history.first()
    assert latest.history_user == editor
    assert latest.title == "Better title"
    page = editor_client.get(
        reverse("admin:events_event_history", args=[event.pk])
    ).content.decode()
    assert "edith" in page
    assert "First title" in page
    assert "Better title" in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"date_start": "2026-02-14", "date_end": "2026-02-13", "precision": "range"},
            "date_end",
            "before",
        ),
        (
            {"date_start": "2026-02-13", "date_end": "2026-02-15", "precision": "day"},
            "date_end",
            "day precision",
        ),
        (
            {"date_start": "2026-02-03", "date_end": "2026-02-28", "precision": "month"},
            "date_end",
            "2026-02-01",
        ),
        ({"place_country": "DE"}, "place_country", "alpha-3"),
    ],
)
def test_bad_event_input_is_refused_on_its_field_and_nothing_is_saved(
    editor_client, fields, field, message
):
    actor = make_actor()
    data = _event_form(**fields)
    data.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-actor": actor.pk,
            "participations-0-role": "initiator",
        }
    )
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in str(errors[field])
    assert not Event.objects.exists()
    assert not Participation.objects.exists()


def test_a_duplicate_source_url_is_refused_on_the_url_field(editor_client):
    make_source(url="https://sputnikglobe.com/20260214/macron.html")
    response = editor_client.post(
        reverse("admin:events_source_add"),
        {
            "url": "https://SPUTNIKGLOBE.com/20260214/macron.html?utm_source=x#top",
            "text": "Another copy",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors["url"])
    assert Source.objects.count() == 1


def test_a_save_from_an_outdated_page_is_refused(editor_client):
    event = make_event(status="draft", title="Original")
    loaded = event.version
    event.title = "Changed by a colleague"
    event.save()
    url = reverse("admin:events_event_change", args=[event.pk])
    response = editor_client.post(url, _event_form(title="My edit", loaded_version=loaded))
    assert response.status_code == 200
    assert "Someone else saved this event" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Changed by a colleague"


def test_the_history_page_shows_changes_to_participants_and_citations(editor_client, editor):
    event = make_event(status="draft")
    lavrov = make_actor(name="Sergey Lavrov")
    data = _event_form(title=event.title, loaded_version=event.version)
    data.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-actor": lavrov.pk,
            "participations-0-role": "initiator",
            "participations-0-role_words": "Russian Foreign Minister",
        }
    )
    url = reverse("admin:events_event_change", args=[event.pk])
    assert editor_client.post(url, data).status_code == 302
    page = editor_client.get(
        reverse("admin:events_event_history", args=[event.pk])
    ).content.decode()
    assert "Participant Sergey Lavrov as initiator “Russian Foreign Minister” added" in page
    assert "edith" in page
