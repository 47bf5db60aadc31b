"""English: statements, titles and categories as news writes them."""

from __future__ import annotations

from datetime import date

import pytest

from events.ingest.lang import get_language

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 2, 14)
ENGLISH = get_language("en")


def test_a_title_before_the_name_is_kept_and_the_category_suggested(planner) -> None:
    text = "Finnish President Alexander Stubb met Giorgia Meloni in Rome on Friday."
    (draft,) = planner.plan(text, SATURDAY, "en").drafts
    assert draft.value.edtf == "2026-02-13"
    assert planner.roles(draft) == [
        ("Alexander Stubb", "initiator", "Finnish President"),
        ("Giorgia Meloni", "recipient", ""),
    ]
    assert draft.category == "CONSULT"


def test_he_added_continues_the_statement_before_it(planner) -> None:
    text = (
        "Emmanuel Macron said on Friday that Europe must talk to Russia. "
        "He added that the talks would take time."
    )
    first, second = planner.plan(text, SATURDAY, "en").drafts
    assert second.value == first.value
    assert "same occasion" in second.date_resolution


@pytest.mark.parametrize(
    ("word", "kind"),
    [("said", "speech"), ("warns", "speech"), ("met", "action"), ("imposed", "action")],
)
def test_verbs_in_the_forms_news_uses_are_predicates(word: str, kind: str) -> None:
    assert ENGLISH.verb_kind(word) == kind


def test_a_verb_after_to_is_not_the_predicate(planner) -> None:
    text = "Emmanuel Macron is due to set out a plan for Russia on Friday."
    assert planner.plan(text, SATURDAY, "en").drafts == []


def test_a_title_set_off_by_commas_is_the_role(planner) -> None:
    text = "The French president, Emmanuel Macron, said on Friday that Europe must talk to Russia."
    (draft,) = planner.plan(text, SATURDAY, "en").drafts
    assert planner.roles(draft)[0] == ("Emmanuel Macron", "initiator", "French president")


def test_a_title_does_not_reach_back_into_the_sentence_before(planner) -> None:
    text = (
        "Sergey Lavrov criticised the EU. Italian Prime Minister Giorgia Meloni met him on Friday."
    )
    criticism, meeting = planner.plan(text, SATURDAY, "en").drafts
    assert planner.roles(criticism)[0][:2] == ("Sergey Lavrov", "initiator")
    assert planner.roles(meeting)[0] == ("Giorgia Meloni", "initiator", "Italian Prime Minister")
    assert meeting.title == "Giorgia Meloni met him"


def test_a_venue_is_where_a_statement_was_made_not_to_whom(planner) -> None:
    text = "Emmanuel Macron spoke on Friday at the Munich Security Conference."
    (draft,) = planner.plan(text, SATURDAY, "en").drafts
    assert draft.place_name == "Munich Security Conference"
    assert [role for _, role, _ in planner.roles(draft)] == ["initiator", "mentioned"]


def test_with_before_a_title_makes_the_person_the_addressee(planner) -> None:
    text = (
        "Sergey Lavrov held talks on Friday with the Finnish president, Alexander Stubb, in Oslo."
    )
    (draft,) = planner.plan(text, SATURDAY, "en").drafts
    assert planner.roles(draft)[1] == ("Alexander Stubb", "recipient", "Finnish president")
