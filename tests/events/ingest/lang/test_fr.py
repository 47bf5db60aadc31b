"""French: statements, titles and categories as news writes them."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 2, 14)


def test_a_meeting_on_friday_is_a_draft_with_the_title_and_category(planner) -> None:
    text = (
        "Le président français Emmanuel Macron a rencontré vendredi la présidente du Conseil "
        "italien Giorgia Meloni à Munich."
    )
    (draft,) = planner.plan(text, SATURDAY, "fr").drafts
    assert draft.value.edtf == "2026-02-13"
    assert draft.date_text == "vendredi"
    assert planner.roles(draft)[:2] == [
        ("Emmanuel Macron", "initiator", "président français"),
        ("Giorgia Meloni", "recipient", "présidente du Conseil italien"),
    ]
    assert draft.category == "CONSULT"


def test_a_minister_criticising_on_a_written_day_keeps_his_long_title(planner) -> None:
    text = (
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a critiqué le 30 janvier "
        "l'Union européenne."
    )
    (draft,) = planner.plan(text, SATURDAY, "fr").drafts
    assert draft.value.edtf == "2026-01-30"
    assert planner.roles(draft)[0] == (
        "Sergey Lavrov",
        "initiator",
        "ministre russe des Affaires étrangères",
    )
    assert draft.category == "DISAPPROVE"


def test_il_a_ajoute_continues_the_statement_before_it(planner) -> None:
    text = (
        "Emmanuel Macron a déclaré vendredi que l'Europe devait parler à la Russie. "
        "Il a ajouté que la France était prête."
    )
    first, second = planner.plan(text, SATURDAY, "fr").drafts
    assert second.value.edtf == first.value.edtf == "2026-02-13"
    assert planner.roles(second)[0][:2] == ("Emmanuel Macron", "initiator")


def test_an_accented_word_of_another_time_keeps_a_sentence_undated(planner) -> None:
    # Word lists are compared with the word as written: "précédemment", not "precedemment".
    text = (
        "Emmanuel Macron a déclaré vendredi que l'Europe devait parler à la Russie. "
        "Précédemment, il avait déclaré que la Russie menaçait l'Europe."
    )
    plan = planner.plan(text, SATURDAY, "fr")
    assert len(plan.drafts) == 1
    assert [c.quote[:12] for c in plan.candidates] == ["Précédemment"]


def test_the_actor_after_a_is_the_addressee(planner) -> None:
    text = "Sergueï Lavrov a proposé vendredi à Giorgia Meloni une rencontre."
    (draft,) = planner.plan(text, SATURDAY, "fr").drafts
    assert planner.roles(draft)[1][:2] == ("Giorgia Meloni", "recipient")
