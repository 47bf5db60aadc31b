"""The review queue: pages render, publish/merge/reject, contributors may not publish."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from events.editing import merge_events
from events.ingest.articles import Article
from events.ingest.service import ingest_article
from events.models import Citation, DraftOrigin, Event, Status, UndatedCandidate
from events.register import load_actor_register
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "seeds"
QUEUE = "admin:events_ingesteddraft_changelist"
TEXT = (
    "Russian Foreign Minister Sergey Lavrov met Finnish President Alexander Stubb on Thursday. "
    "Emmanuel Macron said on Friday that he wanted <b>talks</b> with Russia."
)


@pytest.fixture
def drafts():
    load_actor_register(json.loads((SEEDS / "actors.json").read_text(encoding="utf-8")))
    article = Article(
        url="https://news.example.org/1",
        published=date(2026, 2, 14),
        title="T",
        text=TEXT,
        language="en",
    )
    result = ingest_article(article=article)
    return list(Event.objects.filter(pk__in=result.counts.created).order_by("date_start"))


def review_url(event):
    return reverse("admin:events_ingesteddraft_change", args=[event.pk])


def test_the_queue_lists_ingested_drafts_for_editors_and_contributors(
    drafts, editor_client, contributor_client
):
    for client in (editor_client, contributor_client):
        page = client.get(reverse(QUEUE)).content.decode()
        assert "12 Feb 2026" in page
        assert "Sergey Lavrov met Finnish President Alexander Stubb" in page
        assert "Import article" in page  # contributors may add drafts and sources too


def test_the_review_page_highlights_the_quote_and_escapes_the_text(drafts, editor_client):
    page = editor_client.get(review_url(drafts[1])).content.decode()
    assert '<mark class="gt-quote gt-focus">Emmanuel Macron said on Friday' in page
    assert "&lt;b&gt;talks&lt;/b&gt;" in page
    assert "<b>talks</b>" not in page
    assert "Publish" in page


def test_the_review_page_suggests_a_likely_duplicate(drafts, editor_client):
    lavrov = drafts[0].participations.get(role="initiator").actor
    existing = make_event(
        when="2026-02-12", actors=[lavrov], title="Lavrov met Stubb in Helsinki on Thursday"
    )
    page = editor_client.get(review_url(drafts[0])).content.decode()
    assert "Likely duplicates" in page
    assert f'value="{existing.pk}"' in page
    assert "Lavrov met Stubb in Helsinki on Thursday" in page


def test_an_editor_publishes_from_the_queue(drafts, editor_client):
    response = editor_client.post(review_url(drafts[0]), {"action": "publish"})
    assert response.status_code == 302
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.PUBLISHED
    assert drafts[0].history.first().history_user.username == "edith"


def test_a_contributor_cannot_publish_from_the_queue(drafts, contributor_client):
    page = contributor_client.get(review_url(drafts[0])).content.decode()
    assert 'value="publish"' not in page
    response = contributor_client.post(review_url(drafts[0]), {"action": "publish"})
    assert response.status_code == 403
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.DRAFT
    response = contributor_client.post(
        reverse(QUEUE), {"action": "publish", "_selected_action": [drafts[0].pk]}
    )
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.DRAFT


def test_merging_moves_citations_and_participants_and_removes_the_draft(drafts, editor_client):
    stubb = make_actor(name="Someone Else")
    keep = make_event(when="2026-02-12", actors=[stubb], title="Helsinki meeting")
    draft = drafts[0]
    response = editor_client.post(review_url(draft), {"action": "merge", "keep": keep.pk})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=draft.pk).exists()
    assert Citation.objects.get(event=keep).quote.startswith("Russian Foreign Minister")
    names = set(keep.participations.values_list("actor__name", flat=True))
    assert names == {"Someone Else", "Sergey Lavrov", "Alexander Stubb"}
    assert DraftOrigin.objects.get(event=keep).state == "merged"


def test_merging_gives_a_kept_event_without_a_place_the_drafts_place(drafts, editor, editor_client):
    draft = drafts[0]
    draft.place_name, draft.place_country = "Helsinki", "FIN"
    draft.save()
    keep = make_event(when="2026-02-12", title="Helsinki meeting")
    editor_client.post(review_url(draft), {"action": "merge", "keep": keep.pk})
    keep.refresh_from_db()
    assert (keep.place_name, keep.place_country) == ("Helsinki", "FIN")
    placed = make_event(when="2026-02-12", title="Elsewhere", place_name="Turku", evidence=True)
    other = make_event(when="2026-02-12", title="Another", place_name="Oslo", status=Status.DRAFT)
    merge_events(keep=placed, duplicates=[other], user=editor)
    placed.refresh_from_db()
    assert placed.place_name == "Turku"  # a place the editor gave is kept


def test_rejecting_deletes_the_draft_keeps_its_history_and_remembers(drafts, editor_client):
    draft = drafts[0]
    editor_client.post(review_url(draft), {"action": "reject"})
    assert not Event.objects.filter(pk=draft.pk).exists()
    assert Event.history.filter(id=draft.pk, history_type="-").exists()
    assert DraftOrigin.objects.filter(state="rejected", event=None).count() == 1


def test_a_contributor_cannot_reject(drafts, contributor_client):
    response = contributor_client.post(review_url(drafts[0]), {"action": "reject"})
    assert response.status_code == 403
    assert Event.objects.filter(pk=drafts[0].pk).exists()


def test_candidates_and_suggestions_pages_render(drafts, editor_client, contributor_client):
    assert UndatedCandidate.objects.count() == 0
    for client in (editor_client, contributor_client):
        for name in ("undatedcandidate", "actorsuggestion"):
            assert client.get(reverse(f"admin:events_{name}_changelist")).status_code == 200


def test_the_queue_is_closed_to_anonymous_users(drafts, client):
    response = client.get(reverse(QUEUE))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
