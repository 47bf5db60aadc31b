"""Russian: statements, titles, categories and names in their case forms."""

from __future__ import annotations

from datetime import date

import pytest

from events.ingest.lang.ru import strip_case_endings

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 2, 14)


def test_a_meeting_with_a_name_in_the_instrumental_is_a_draft(planner) -> None:
    text = "Президент Франции Эммануэль Макрон в пятницу встретился в Мюнхене с Джорджей Мелони."
    (draft,) = planner.plan(text, SATURDAY, "ru").drafts
    assert draft.value.edtf == "2026-02-13"
    assert planner.roles(draft)[:2] == [
        ("Emmanuel Macron", "initiator", "Президент Франции"),
        ("Giorgia Meloni", "recipient", ""),
    ]
    assert draft.category == "CONSULT"


def test_a_criticism_on_a_written_day_keeps_the_genitive_title(planner) -> None:
    text = "Министр иностранных дел России Сергей Лавров 30 января раскритиковал Евросоюз."
    (draft,) = planner.plan(text, SATURDAY, "ru").drafts
    assert draft.value.edtf == "2026-01-30"
    assert planner.roles(draft)[0] == (
        "Sergey Lavrov",
        "initiator",
        "Министр иностранных дел России",
    )
    assert draft.category == "DISAPPROVE"


def test_case_endings_are_stripped_from_cyrillic_words_only() -> None:
    assert strip_case_endings("лаврова") == strip_case_endings("лавров") == "лавр"
    assert strip_case_endings("россии") == strip_case_endings("россия")
    assert strip_case_endings("lavrova") == "lavrova"


def test_a_word_of_another_time_keeps_a_sentence_undated(planner) -> None:
    # "Ранее" is compared as written: its stem "ране" never matched the word list.
    text = (
        "Сергей Лавров в пятницу заявил, что Россия готова к переговорам. "
        "Ранее он сказал, что Европа ошибается."
    )
    plan = planner.plan(text, SATURDAY, "ru")
    assert len(plan.drafts) == 1
    assert plan.candidates[0].quote.startswith("Ранее он сказал")
