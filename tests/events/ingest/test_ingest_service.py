"""ingest_article end to end: the seed article, idempotency, failures, dry runs."""

from __future__ import annotations

import dataclasses

import pytest

from events.ingest.service import ingest_article
from events.models import (
    ActorSuggestion,
    Citation,
    DraftOrigin,
    Event,
    Source,
    Status,
    UndatedCandidate,
)

pytestmark = pytest.mark.django_db

TWO_STATEMENTS = (
    "Russian Foreign Minister Sergey Lavrov met Finnish President Alexander Stubb on Thursday. "
    "Emmanuel Macron said on Friday that he wanted talks with Russia."
)


def drafts_by_date(source_id):
    events = Event.objects.filter(citations__source_id=source_id).with_participants()
    return {e.edtf: e for e in events}


def participants(event):
    return {(p.actor.name, p.role, p.role_words) for p in event.participations.all()}


def test_the_seed_article_yields_the_lavrov_and_macron_drafts(register, seed_article):
    result = ingest_article(article=seed_article)
    assert result.status == "new"
    source = Source.objects.get(pk=result.source_id)
    events = Event.objects.filter(citations__source=source).with_participants()
    lavrov = [e for e in events if e.edtf == "2026-01-30"]
    assert len(lavrov) == 1
    assert ("Sergey Lavrov", "initiator", "Russian Foreign Minister") in participants(lavrov[0])
    assert "never abandon attempts to negotiate" in lavrov[0].citations.get().quote
    munich = [e for e in events if e.edtf == "2026-02-13" and "Munich" in e.place_name]
    assert len(munich) == 1
    assert ("Emmanuel Macron", "initiator", "French President") in participants(munich[0])
    assert "direct channel of communication with Russia" in munich[0].citations.get().quote
    # Every other draft is dated by Macron's speech (the same occasion) or, with
    # no date words of its own, by the article: approximate, and saying so.
    by_basis = {}
    for event in events:
        assert event.status == Status.DRAFT
        assert event.origin == "ingest"
        assert event.precision == "day"
        by_basis.setdefault(event.date_basis, set()).add(event.edtf)
    assert by_basis == {
        "words": {"2026-01-30", "2026-02-13"},
        "context": {"2026-02-13"},
        "publication": {"2026-02-14~"},
    }
    for event in events.filter(date_basis="publication"):
        assert "dated from the article" in event.date_resolution
    for citation in Citation.objects.filter(source=source):
        assert source.text[citation.start_offset : citation.end_offset] == citation.quote
    assert UndatedCandidate.objects.filter(source=source).count() == result.counts.candidates


def test_ingesting_the_same_article_twice_adds_nothing(register, seed_article):
    ingest_article(article=seed_article)
    before = (Event.objects.count(), Citation.objects.count(), UndatedCandidate.objects.count())
    versions = list(Event.objects.values_list("version", flat=True))
    again = ingest_article(article=seed_article)
    assert again.status == "unchanged"
    assert before == (
        Event.objects.count(),
        Citation.objects.count(),
        UndatedCandidate.objects.count(),
    )
    assert versions == list(Event.objects.values_list("version", flat=True))


def test_the_same_url_with_tracking_parameters_is_the_same_article(register, make_article):
    ingest_article(article=make_article(TWO_STATEMENTS, url="https://x.org/a"))
    again = ingest_article(
        article=make_article(TWO_STATEMENTS, url="https://X.org/a?utm_source=t#top")
    )
    assert again.status == "unchanged"
    assert Source.objects.count() == 1


def test_a_changed_text_updates_the_source_and_leaves_touched_drafts_alone(
    register, make_article, editor
):
    first = ingest_article(article=make_article(TWO_STATEMENTS))
    drafts = drafts_by_date(first.source_id)
    touched = drafts["2026-02-12"]
    touched.title = "Lavrov and Stubb meet in Helsinki"
    touched._history_user = editor
    touched.save()
    changed = "A new first sentence. " + TWO_STATEMENTS.replace(
        "talks with Russia", "a channel to Russia"
    )
    result = ingest_article(article=make_article(changed))
    assert result.status == "updated"
    assert "the text changed: source updated" in result.notes
    assert Source.objects.get().text == changed
    touched.refresh_from_db()
    assert touched.title == "Lavrov and Stubb meet in Helsinki"
    macron = drafts_by_date(first.source_id)["2026-02-13"]
    assert "a channel to Russia" in macron.citations.get().quote
    for citation in Citation.objects.all():
        assert changed[citation.start_offset : citation.end_offset] == citation.quote
    assert result.counts.kept == 1
    assert result.counts.removed == 1
    assert len(result.counts.created) == 1


def test_a_published_draft_is_never_overwritten(register, make_article, editor):
    first = ingest_article(article=make_article(TWO_STATEMENTS))
    Event.objects.filter(pk__in=first.counts.created).update(status=Status.PUBLISHED)
    result = ingest_article(article=make_article(TWO_STATEMENTS + " Finland said nothing."))
    assert result.counts.kept == 2
    assert result.counts.updated == 0


def test_a_rejected_draft_is_not_made_again(register, make_article):
    first = ingest_article(article=make_article(TWO_STATEMENTS))
    DraftOrigin.objects.filter(event_id=first.counts.created[0]).update(
        state="rejected", event=None
    )
    Event.objects.filter(pk=first.counts.created[0]).delete()
    result = ingest_article(article=make_article(TWO_STATEMENTS + " More words here."))
    assert result.counts.created == []
    assert Event.objects.count() == 1


def test_an_unknown_language_fails_and_writes_nothing(register, make_article):
    result = ingest_article(article=make_article("Hola amigos, ¿cómo están hoy?", language=""))
    assert result.failed
    assert result.error_field == "language"
    assert result.error.startswith("unknown language")
    assert Source.objects.count() == 0
    portuguese = ingest_article(article=make_article(TWO_STATEMENTS, language="pt"))
    assert portuguese.failed
    assert "not supported" in portuguese.error


def test_the_language_is_detected_when_missing(register, make_article):
    result = ingest_article(article=make_article(TWO_STATEMENTS, language=""))
    assert result.language == "en"
    assert Source.objects.get().language == "en"


def test_a_dry_run_plans_but_writes_nothing(register, make_article):
    result = ingest_article(article=make_article(TWO_STATEMENTS), dry_run=True)
    assert len(result.plan.drafts) == 2
    assert Source.objects.count() == Event.objects.count() == 0
    assert DraftOrigin.objects.count() == ActorSuggestion.objects.count() == 0


def test_a_failure_while_storing_leaves_nothing_of_the_article(register, make_article):
    long_url = "https://x.org/" + "a" * 1100
    result = ingest_article(article=dataclasses.replace(make_article(TWO_STATEMENTS), url=long_url))
    assert result.failed
    assert Source.objects.count() == Event.objects.count() == Citation.objects.count() == 0


def test_unknown_names_are_stored_as_suggestions_not_actors(register, make_article):
    text = "Northrop Grumman CEO Ron Sugar said on Friday that Russia was wrong."
    ingest_article(article=make_article(text))
    suggestion = ActorSuggestion.objects.get()
    assert (suggestion.name, suggestion.kind, suggestion.status) == ("Ron Sugar", "person", "open")
    assert suggestion.sources.count() == 1
    assert not Event.objects.filter(participations__actor__name="Ron Sugar").exists()
