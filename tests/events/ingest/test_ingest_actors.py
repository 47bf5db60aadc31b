"""Actor linking: register names and aliases in any case, script and form."""

from __future__ import annotations

import pytest

from events.ingest.actors import link_actors
from events.ingest.names import suggest_names

pytestmark = pytest.mark.django_db


def linked(text, index, language="en"):
    return [
        (index.labels[m.actor_id], text[m.start : m.end], m.via)
        for m in link_actors(text, index, language)
    ]


def test_it_ignores_case_diacritics_and_possessives(index):
    text = "SERGUEÏ LAVROV met Emmanuel macron's adviser; the European Union's envoy agreed."
    assert [name for name, _, _ in linked(text, index)] == [
        "Sergey Lavrov",
        "Emmanuel Macron",
        "European Union",
    ]
    assert linked("Emmanuel Macron's plan", index)[0][:2] == ("Emmanuel Macron", "Emmanuel Macron")


def test_a_name_written_in_lower_case_is_a_word_not_an_actor(index):
    assert linked("the union of france and italy", index) == []


def test_a_title_before_a_name_gives_the_role_words(index):
    mentions = link_actors("French President Emmanuel Macron said so.", index)
    assert mentions[0].role_words == "French President"
    mentions = link_actors("On Monday, Russian Foreign Minister Sergey Lavrov spoke.", index)
    assert mentions[0].role_words == "Russian Foreign Minister"


def test_an_apposition_with_a_title_gives_the_role_words(index):
    text = "Kirill Dmitriev, head of the Russian Direct Investment Fund (RDIF), commented."
    dmitriev = link_actors(text, index)[0]
    assert dmitriev.role_words == "head of the Russian Direct Investment Fund (RDIF)"


def test_a_surname_refers_back_only_after_a_full_mention(index):
    assert linked("Macron spoke. Emmanuel Macron left. Macron added more.", index) == [
        ("Emmanuel Macron", "Emmanuel Macron", "name"),
        ("Emmanuel Macron", "Macron", "surname"),
    ]


def test_the_words_of_a_title_refer_back_to_the_person(index):
    text = "French President Emmanuel Macron spoke. The French president called for talks."
    assert linked(text, index)[-1] == ("Emmanuel Macron", "French president", "title")


def test_russian_case_endings_still_match_the_register(index):
    text = "Сергей Лавров заявил. Слова Лаврова поддержали в России."
    assert [(name, via) for name, _, via in linked(text, index, "ru")] == [
        ("Sergey Lavrov", "name"),
        ("Sergey Lavrov", "surname"),
        ("Russia", "name"),
    ]


def test_acronyms_match_only_in_capitals(index):
    assert [name for name, _, _ in linked("Let us see what the EU and the U.S. do.", index)] == [
        "European Union",
        "United States",
    ]


def test_unknown_people_and_organisations_become_suggestions(index):
    text = (
        "Northrop Grumman CEO Ron Sugar said the deal was fair. The Ministry of Defence agreed. "
        "The New Strategic Arms Reduction Treaty expired in Paris."
    )
    found = {
        (s.name, s.kind, s.role_words) for s in suggest_names(text, link_actors(text, index), "en")
    }
    assert found == {
        ("Ron Sugar", "person", "Northrop Grumman CEO"),
        ("Ministry of Defence", "organization", ""),
    }


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "US Secretary of Defense Robert Gates said the troops would stay.",
            "en",
            ("Robert Gates", "US Secretary of Defense"),
        ),
        (
            "Der Bürgermeister von Vahrn Andreas Schatzer sagte, das Projekt sei gut.",
            "de",
            ("Andreas Schatzer", "Bürgermeister von Vahrn"),
        ),
    ],
)
def test_a_titles_complement_is_not_part_of_the_suggested_name(text, language, expected):
    assert [(s.name, s.role_words) for s in suggest_names(text, [], language)] == [expected]


def test_a_title_with_its_complement_and_no_name_suggests_nobody():
    text = "The Secretary of Defense said the troops would stay."
    assert suggest_names(text, [], "en") == []
