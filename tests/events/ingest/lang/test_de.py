"""German: statements, titles and categories as news writes them."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 2, 14)


def test_a_criticism_on_friday_is_a_draft_with_the_title_and_category(planner) -> None:
    text = "Außenminister Sergej Lawrow kritisierte am Freitag die Europäische Union."
    (draft,) = planner.plan(text, SATURDAY, "de").drafts
    assert draft.value.edtf == "2026-02-13"
    assert draft.date_text == "am Freitag"
    assert planner.roles(draft) == [
        ("Sergey Lavrov", "initiator", "Außenminister"),
        ("European Union", "recipient", ""),
    ]
    assert draft.category == "DISAPPROVE"


def test_er_with_a_speech_verb_continues_the_speaker(planner) -> None:
    text = (
        "Sergej Lawrow sagte am Freitag, Russland sei zu Gesprächen bereit. "
        "Er betonte, Europa irre sich."
    )
    first, second = planner.plan(text, SATURDAY, "de").drafts
    assert second.value.edtf == first.value.edtf == "2026-02-13"
    assert planner.roles(second)[0][:2] == ("Sergey Lavrov", "initiator")


def test_a_day_written_with_a_period_does_not_end_the_sentence(planner) -> None:
    text = "Der russische Außenminister Sergej Lawrow kritisierte am 30. Januar die EU."
    plan = planner.plan(text, SATURDAY, "de")
    (draft,) = plan.drafts
    assert draft.quote == text
    assert draft.value.edtf == "2026-01-30"
    assert plan.candidates == []
