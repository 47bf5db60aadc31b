"""From sentences to draft plans: who, when (never guessed), and what kind of act."""

from __future__ import annotations

from datetime import date

import pytest

from events.ingest.drafts import plan_article

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 2, 14)


def plan(text, index, language="en"):
    return plan_article(text, SATURDAY, language, index)


def roles(draft, index):
    return [(index.labels[p.actor_id], p.role) for p in draft.participants]


def test_a_dated_statement_becomes_a_draft_with_its_exact_quote(index):
    text = (
        "Intro line here.\n\n"
        "Russian Foreign Minister Sergey Lavrov met Finnish President Alexander Stubb on Thursday."
    )
    (draft,) = plan(text, index).drafts
    assert draft.value.edtf == "2026-02-12"
    assert draft.date_text == "on Thursday"
    assert text[draft.start : draft.end] == draft.quote
    assert roles(draft, index) == [("Sergey Lavrov", "initiator"), ("Alexander Stubb", "recipient")]
    assert draft.participants[0].role_words == "Russian Foreign Minister"
    assert draft.category == "CONSULT"
    assert "met" in draft.category_reason


def test_a_past_action_without_a_date_is_an_undated_candidate(index):
    result = plan("Sergey Lavrov signed a deal with Finland.", index)
    assert result.drafts == []
    (candidate,) = result.candidates
    assert candidate.reason == "a past action the sentence does not date"
    assert candidate.speaker_id is not None


def test_a_date_inside_the_reported_words_does_not_date_the_statement(index):
    (draft,) = plan(
        "Sergey Lavrov said that talks with Finland would start on March 3.", index
    ).drafts
    assert draft.date_basis == "publication"
    assert draft.value.edtf == "2026-02-14~"


def test_he_said_right_after_a_dated_statement_of_the_same_speaker_takes_its_date(index):
    text = (
        "Emmanuel Macron said on Friday that he wanted talks with Russia. "
        '"We will talk," he said at the Munich Security Conference.'
    )
    first, second = plan(text, index).drafts
    assert second.value.edtf == first.value.edtf == "2026-02-13"
    assert "same occasion" in second.date_resolution
    assert second.place_name == "Munich Security Conference"
    assert roles(second, index)[0] == ("Emmanuel Macron", "initiator")


def test_a_later_sentence_about_another_time_is_not_tied(index):
    text = (
        "Emmanuel Macron said on Friday that he wanted talks with Russia. "
        "He had said earlier that Russia was a threat."
    )
    result = plan(text, index)
    assert len(result.drafts) == 1
    assert len(result.candidates) == 1


def test_another_speaker_in_between_breaks_the_tie(index):
    text = (
        "Emmanuel Macron said on Friday that he wanted talks with Russia. "
        "Sergey Lavrov said Russia was ready. Macron added that Europe would decide."
    )
    macron, lavrov, added = plan(text, index).drafts
    assert macron.date_basis == "words"
    assert lavrov.date_basis == added.date_basis == "publication"


def test_coordinated_subjects_are_all_initiators(index):
    text = "Finland and Italy agreed on Tuesday to share intelligence with Ukraine."
    (draft,) = plan(text, index).drafts
    assert roles(draft, index) == [
        ("Finland", "initiator"),
        ("Italy", "initiator"),
        ("Ukraine", "recipient"),
    ]


def test_month_and_year_mentions_keep_their_precision(index):
    (draft,) = plan("Russia imposed sanctions on Finland in January.", index).drafts
    assert draft.value.edtf == "2026-01"
    assert draft.category == "SANCTION"
