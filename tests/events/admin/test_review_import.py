"""The "Import article" page runs the ingestion service and lands on its drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from events.models import Event, Source
from events.register import load_actor_register

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "seeds"
IMPORT = "admin:events_ingesteddraft_import"
FORM = {
    "url": "https://news.example.org/import",
    "published": "2026-02-14",
    "title": "Lavrov",
    "text": "On January 30, Russian Foreign Minister Sergey Lavrov said that talks were over.",
    "language": "",
}


@pytest.fixture(autouse=True)
def register():
    load_actor_register(json.loads((SEEDS / "actors.json").read_text(encoding="utf-8")))


def test_the_import_page_renders_for_editors_and_contributors(editor_client, contributor_client):
    for client in (editor_client, contributor_client):
        assert client.get(reverse(IMPORT)).status_code == 200


def test_importing_lands_on_the_drafts_it_made(editor_client):
    response = editor_client.post(reverse(IMPORT), FORM, follow=True)
    source = Source.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"?source={source.pk}")
    page = response.content.decode()
    assert "1 draft(s) created" in page
    assert "30 Jan 2026" in page
    event = Event.objects.get()
    assert event.created_by.username == "edith"


def test_importing_twice_changes_nothing(editor_client):
    editor_client.post(reverse(IMPORT), FORM)
    response = editor_client.post(reverse(IMPORT), FORM, follow=True)
    assert "nothing changed" in response.content.decode()
    assert Event.objects.count() == 1


def test_an_undetectable_language_is_shown_on_the_field(editor_client):
    response = editor_client.post(reverse(IMPORT), {**FORM, "text": "Hola, ¿qué tal?"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["language"][0].startswith("unknown language")
    assert Source.objects.count() == 0


def test_a_bad_url_is_refused_on_the_field(editor_client):
    response = editor_client.post(reverse(IMPORT), {**FORM, "url": "not a url"})
    assert "url" in response.context["form"].errors
    assert Source.objects.count() == 0
