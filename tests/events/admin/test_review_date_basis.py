"""The review queue tells an editor where a draft's date comes from and whether it is
planned: on the review page in words, and in the queue as a column and filters."""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from events.models import DateBasis, Event, Status
from tests.factories import cite, make_actor, make_event, make_source

pytestmark = pytest.mark.django_db


def _text(response: Any) -> str:
    """The page as a reader sees it: without markup, entities decoded, spaces collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(strong|b|em|i|span|a|time|mark)\b[^>]*>", "", body)  # inline: no break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _draft(title: str, *, when: str = "2026-02-13~", **fields: Any) -> Event:
    source = make_source(published=date(2026, 2, 13), text=f"{title}, the agency reported.")
    event = make_event(when=when, status=Status.DRAFT, origin="ingest", title=title, **fields)
    event.participations.create(actor=make_actor(name=f"Actor of {title}"), role="initiator")
    cite(event, source, title)
    return event


def _review(client: Client, event: Event) -> str:
    return _text(client.get(reverse("admin:events_ingesteddraft_change", args=[event.pk])))


def _queue(client: Client, query: str = "") -> str:
    return _text(client.get(reverse("admin:events_ingesteddraft_changelist") + query))


def test_a_draft_dated_from_the_article_says_so_plainly(editor_client: Client) -> None:
    draft = _draft("Boeing has announced a plant", date_basis=DateBasis.PUBLICATION)
    page = _review(editor_client, draft)
    assert (
        "Dated from the article: published 13 Feb 2026 — the sentence names no date of its "
        "own; check the text." in page
    )
    assert "Date as written: none in the sentence (day precision, approximate)" in page
    assert "Planned" not in page


def test_a_draft_dated_by_its_own_words_says_that_instead(contributor_client: Client) -> None:
    draft = _draft(
        "Macron spoke on Friday",
        when="2026-02-13",
        date_basis=DateBasis.WORDS,
        date_text="on Friday",
    )
    page = _review(contributor_client, draft)
    assert "Dated by the sentence's own words: “on Friday”." in page
    assert "Dated from the article" not in page


def test_a_draft_dated_by_the_statement_it_continues_says_so(editor_client: Client) -> None:
    draft = _draft("We will talk, he said", date_basis=DateBasis.CONTEXT)
    page = _review(editor_client, draft)
    assert "Dated by the statement it continues:" in page
    assert "Dated from the article" not in page


def test_a_planned_draft_carries_a_planned_badge(editor_client: Client) -> None:
    draft = _draft("Stubb will travel to Washington", planned=True, date_basis=DateBasis.WORDS)
    response = editor_client.get(reverse("admin:events_ingesteddraft_change", args=[draft.pk]))
    assert '<span class="gt-badge gt-planned">Planned</span>' in response.content.decode()
    assert "it is not known to have happened" in _text(response)


def test_the_queue_shows_the_basis_and_filters_by_it(editor_client: Client) -> None:
    dateline = _draft("Boeing has announced a plant", date_basis=DateBasis.PUBLICATION)
    _draft("Macron spoke on Friday", when="2026-02-13", date_basis=DateBasis.WORDS)
    page = _queue(editor_client)
    assert "Dated by" in page
    assert "By where the date comes from" in page
    assert "The article's publication date" in page
    assert "The sentence's own date words" in page
    only = _queue(editor_client, "?date_basis=publication")
    assert dateline.title in only
    assert "Macron spoke on Friday" not in only
    assert "1 draft to review" in only


def test_the_queue_filters_planned_drafts(editor_client: Client) -> None:
    _draft("Stubb will travel to Washington", planned=True)
    _draft("Boeing has announced a plant")
    only = _queue(editor_client, "?planned__exact=1")
    assert "Stubb will travel to Washington" in only
    assert "Boeing has announced a plant" not in only


def test_an_unknown_basis_in_the_queue_address_filters_nothing(editor_client: Client) -> None:
    _draft("Boeing has announced a plant", date_basis=DateBasis.PUBLICATION)
    response = editor_client.get(
        reverse("admin:events_ingesteddraft_changelist") + "?date_basis=guess"
    )
    assert response.status_code == 200
    assert "Boeing has announced a plant" in _text(response)
