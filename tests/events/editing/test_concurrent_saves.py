"""Of several writers saving the same event from the same version, exactly one wins.

Real threads, each with its own database connection, through the real doors
(the admin's change form, the API's PATCH), on whichever database the suite
runs (SQLite, or PostgreSQL with DATABASE_URL). The losers are told, and
nothing of theirs is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.models import Event, Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 8


def _run_together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Start every job at the same moment; each thread closes its own connection."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = jobs[i]()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _admin_form(event: Event, title: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": title,
        "status": event.status,
        "importance": "3",
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "precision": event.precision,
        "loaded_version": str(event.version),
    }
    for prefix in ("participations", "citations", "links_out"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def _admin_save(user: Any, event: Event, title: str) -> Callable[[], int]:
    client = Client()
    client.force_login(user)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = _admin_form(event, title)
    return lambda: client.post(url, data).status_code


def _api_patch(user: Any, event: Event, title: str) -> Callable[[], int]:
    client = APIClient()
    token = Token.objects.get_or_create(user=user)[0].key
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    url = f"/api/events/{event.pk}/"
    body = {"title": title, "version": event.version}
    return lambda: client.patch(url, body, format="json").status_code


def test_of_simultaneous_admin_saves_from_one_version_exactly_one_wins(editor: Any) -> None:
    event = make_event(status=Status.DRAFT, title="Original")
    titles = [f"Edit {i}" for i in range(WRITERS)]
    statuses = _run_together([_admin_save(editor, event, title) for title in titles])
    # The admin answers a successful save with a redirect, a refused one with the form again.
    assert sorted(statuses) == [200] * (WRITERS - 1) + [302]
    event.refresh_from_db()
    assert event.title == titles[statuses.index(302)]
    assert event.version == 2
    assert event.history.count() == 2  # created, and the one winning edit


def test_an_admin_save_racing_api_patches_loses_no_edit(editor: Any) -> None:
    event = make_event(status=Status.DRAFT, title="Original")
    jobs = [_admin_save(editor, event, "By the admin")]
    jobs += [_api_patch(editor, event, f"By the API {i}") for i in range(WRITERS - 1)]
    statuses = _run_together(jobs)
    # The admin: 302 saved, 200 the form again with the refusal. The API: 200 or 412.
    assert statuses[0] in (200, 302), statuses
    assert set(statuses[1:]) <= {200, 412}, statuses
    winners = [i for i, status in enumerate(statuses) if status == (302 if i == 0 else 200)]
    assert len(winners) == 1, statuses
    event.refresh_from_db()
    assert event.title == ("By the admin" if winners == [0] else f"By the API {winners[0] - 1}")
    assert event.version == 2


def test_an_editor_saving_a_draft_while_its_article_is_reingested_loses_nothing(
    editor: Any,
) -> None:
    from datetime import date

    from events.ingest.articles import Article
    from events.ingest.service import ingest_article
    from events.models import Actor

    Actor.objects.create(name="Emmanuel Macron", kind="person")
    text = "Emmanuel Macron said on Friday that Europe must decide for itself."

    def article(body: str) -> Article:
        return Article(
            url="https://news.example.org/race",
            published=date(2026, 2, 14),
            title="Race",
            text=body,
            language="en",
        )

    created = ingest_article(article=article(text)).counts.created
    draft = Event.objects.get(pk=created[0])
    changed = f"{text} Officials confirmed it."
    statuses = _run_together(
        [
            _admin_save(editor, draft, "Edited by hand"),
            lambda: ingest_article(article=article(changed)),
        ]
    )
    draft.refresh_from_db()
    if statuses[0] == 302:  # the editor's save went first: ingestion keeps the touched draft
        assert draft.title == "Edited by hand"
    else:  # ingestion rewrote it first: the editor is told, and the draft is ingestion's
        assert statuses[0] == 200
        assert draft.title != "Edited by hand"
        assert draft.version == 2
