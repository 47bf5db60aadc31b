"""An editor who changes an event's date answers for it: its basis becomes "editor",
whichever door the change comes through; any other change keeps the basis."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from events import editing
from events.edtf import UncertainDate
from events.ingest.decisions import apply_decisions
from events.models import DateBasis, Event, Status
from tests.factories import cite, make_actor, make_event, make_source

pytestmark = pytest.mark.django_db


def _ingested(**fields: Any) -> Event:
    """A draft ingestion dated from the article's publication day."""
    fields.setdefault("date_basis", DateBasis.PUBLICATION)
    return make_event(when="2026-02-13~", status=Status.DRAFT, origin="ingest", **fields)


def _basis(event: Event) -> str:
    event.refresh_from_db()
    return event.date_basis


def _admin_form(event: Event, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": event.title,
        "status": event.status,
        "importance": str(event.importance),
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "precision": event.precision,
        "loaded_version": str(event.version),
    }
    if event.approximate:
        data["approximate"] = "on"
    if event.planned:
        data["planned"] = "on"
    for prefix in ("participations", "citations", "links_out"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(fields)
    return data


class TestUpdateEvent:
    def test_changing_the_date_makes_the_editor_its_basis(self, editor: Any) -> None:
        draft = _ingested()
        editing.update_event(
            event_id=draft.pk,
            expected_version=draft.version,
            user=editor,
            data={"date": UncertainDate.from_edtf("2026-02-12")},
        )
        assert _basis(draft) == DateBasis.EDITOR

    def test_dropping_only_the_approximation_is_a_change_of_date(self, editor: Any) -> None:
        draft = _ingested()
        editing.update_event(
            event_id=draft.pk,
            expected_version=draft.version,
            user=editor,
            data={"date": UncertainDate.from_edtf("2026-02-13")},
        )
        assert _basis(draft) == DateBasis.EDITOR

    def test_sending_the_same_date_back_keeps_the_basis(self, editor: Any) -> None:
        draft = _ingested()
        editing.update_event(
            event_id=draft.pk,
            expected_version=draft.version,
            user=editor,
            data={"date": UncertainDate.from_edtf("2026-02-13~"), "title": "Boeing plans"},
        )
        assert _basis(draft) == DateBasis.PUBLICATION

    def test_a_title_or_planned_change_keeps_the_basis(self, contributor: Any) -> None:
        draft = _ingested(date_basis=DateBasis.CONTEXT)
        editing.update_event(
            event_id=draft.pk,
            expected_version=draft.version,
            user=contributor,
            data={"title": "Boeing announces a plant", "planned": True, "date_text": "today"},
        )
        draft.refresh_from_db()
        assert (draft.date_basis, draft.planned, draft.title) == (
            DateBasis.CONTEXT,
            True,
            "Boeing announces a plant",
        )

    def test_the_history_records_who_took_the_date_over(self, editor: Any) -> None:
        draft = _ingested()
        editing.update_event(
            event_id=draft.pk,
            expected_version=draft.version,
            user=editor,
            data={"date": UncertainDate.from_edtf("2026-02")},
        )
        latest, first = draft.history.order_by("-history_id")[:2]
        assert (first.date_basis, latest.date_basis) == ("publication", "editor")
        assert latest.history_user == editor


class TestTheApi:
    def test_a_patch_of_the_date_makes_the_editor_its_basis(self, editor_api: APIClient) -> None:
        draft = _ingested()
        response = editor_api.patch(
            f"/api/events/{draft.pk}/", {"date": "2026-02-11", "version": 1}, format="json"
        )
        assert response.status_code == 200
        assert response.json()["date_basis"] == "editor"

    def test_a_patch_of_the_title_keeps_the_basis(self, contributor_api: APIClient) -> None:
        draft = _ingested()
        response = contributor_api.patch(
            f"/api/events/{draft.pk}/", {"title": "Boeing plans", "version": 1}, format="json"
        )
        assert response.status_code == 200
        assert response.json()["date_basis"] == "publication"

    def test_a_get_body_sent_back_unchanged_keeps_the_basis(self, editor_api: APIClient) -> None:
        draft = _ingested()
        body = editor_api.get(f"/api/events/{draft.pk}/").json()
        response = editor_api.put(f"/api/events/{draft.pk}/", body, format="json")
        assert response.status_code == 200
        assert response.json()["date_basis"] == "publication"
        assert response.json()["version"] == 2


class TestTheAdmin:
    def test_the_form_shows_the_basis_and_does_not_take_it(self, editor_client: Client) -> None:
        draft = _ingested()
        url = reverse("admin:events_event_change", args=[draft.pk])
        page = editor_client.get(url).content.decode()
        assert "The article&#x27;s publication date" in page
        assert 'name="date_basis"' not in page
        assert 'name="planned"' in page
        editor_client.post(url, _admin_form(draft, date_basis="words"))
        assert _basis(draft) == DateBasis.PUBLICATION

    def test_a_new_date_in_the_form_makes_the_editor_its_basis(self, editor_client: Client) -> None:
        draft = _ingested()
        url = reverse("admin:events_event_change", args=[draft.pk])
        form = _admin_form(draft, date_start="2026-02-12", date_end="2026-02-12")
        response = editor_client.post(url, form)
        assert response.status_code == 302
        assert _basis(draft) == DateBasis.EDITOR

    def test_marking_it_planned_in_the_form_keeps_the_basis(self, editor_client: Client) -> None:
        draft = _ingested()
        url = reverse("admin:events_event_change", args=[draft.pk])
        response = editor_client.post(url, _admin_form(draft, planned="on", title="Boeing plans"))
        assert response.status_code == 302
        draft.refresh_from_db()
        assert (draft.planned, draft.date_basis, draft.title) == (
            True,
            DateBasis.PUBLICATION,
            "Boeing plans",
        )

    def test_an_event_an_editor_adds_is_dated_by_the_editor(self, editor_client: Client) -> None:
        url = reverse("admin:events_event_add")
        form = _admin_form(make_event(status=Status.DRAFT), title="Added by hand")
        form.pop("loaded_version")
        editor_client.post(url, form)
        assert Event.objects.get(title="Added by hand").date_basis == DateBasis.EDITOR


def test_a_replayed_review_that_retitles_a_draft_keeps_its_basis(editor: Any) -> None:
    source = make_source(url="https://news.example.org/boeing", text="Boeing has announced it.")
    draft = _ingested(title="Boeing has announced it")
    draft.participations.create(actor=make_actor(), role="initiator")
    cite(draft, source, "Boeing has announced it")
    decision = {
        "action": "publish",
        "source": source.url,
        "quote": "Boeing has announced it",
        "set": {"title": "Boeing announces a plant", "category": "CONSULT"},
    }
    apply_decisions({"decisions": [decision]}, editor)
    draft.refresh_from_db()
    assert (draft.status, draft.date_basis) == (Status.PUBLISHED, DateBasis.PUBLICATION)
