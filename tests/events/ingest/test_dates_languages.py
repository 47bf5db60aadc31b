"""The date tagger on French, German and Russian news sentences, and beyond."""

from __future__ import annotations

from datetime import date

import pytest

from events.ingest.dates import tag_dates

SATURDAY = date(2026, 2, 14)


def found(text: str, language: str | None) -> list[tuple[str, str]]:
    return [(m.text, m.edtf) for m in tag_dates(text, SATURDAY, language)]


def test_it_reads_french_dates() -> None:
    text = (
        "Le président a déclaré vendredi qu'il rencontrerait son homologue le 13 février. "
        "L'accord a été signé le 30 janvier 2026. Le 1er mars, les troupes sont parties."
    )

    assert found(text, "fr") == [
        ("vendredi", "2026-02-13"),
        ("le 13 février", "2026-02-13"),
        ("le 30 janvier 2026", "2026-01-30"),
        ("Le 1er mars", "2025-03-01"),
    ]


def test_it_reads_french_relative_dates_and_ranges() -> None:
    text = (
        "Il y a deux jours, les ministres se sont réunis. Hier, ils ont parlé; demain ils "
        "voteront. La semaine dernière, le plan a été annoncé. L'an dernier, l'économie a crû. "
        "Le sommet se tiendra du 13 au 15 mars, puis vendredi prochain."
    )

    assert found(text, "fr") == [
        ("Il y a deux jours", "2026-02-12"),
        ("Hier", "2026-02-13"),
        ("demain", "2026-02-15"),
        ("La semaine dernière", "2026-W06"),
        ("L'an dernier", "2025"),
        ("du 13 au 15 mars", "2026-03-13/2026-03-15"),
        ("vendredi prochain", "2026-02-20"),
    ]


def test_french_habits_names_and_the_planet_mars_are_not_dates() -> None:
    assert found("Le vendredi, il va au marché. Mars est une planète.", "fr") == []
    assert found("Selon le Journal du Dimanche, il a parlé.", "fr") == []
    assert found("En février, les prix ont augmenté.", "fr") == [("En février", "2026-02")]


def test_it_reads_german_dates() -> None:
    text = (
        "Am 13. Februar 2026 traf sich der Kanzler mit Macron. Der Minister sagte am Freitag, "
        "er werde am 7. April nach Berlin reisen. Die Wahl am 13.02.2026 war knapp."
    )

    assert found(text, "de") == [
        ("Am 13. Februar 2026", "2026-02-13"),
        ("am Freitag", "2026-02-13"),
        ("am 7. April", "2026-04-07"),
        ("am 13.02.2026", "2026-02-13"),
    ]


def test_it_reads_german_relative_dates_and_ranges() -> None:
    text = (
        "Vom 13. bis 15. Februar tagt die Konferenz. Gestern sprach er, morgen wird er reden. "
        "Vor zwei Tagen kam es zu Protesten, am Freitagabend zu Schüssen. Letzte Woche wurde "
        "das Gesetz verabschiedet; Ende März wird gewählt, im Jahr 2025 wurde gestritten."
    )

    assert found(text, "de") == [
        ("Vom 13. bis 15. Februar", "2026-02-13/2026-02-15"),
        ("Gestern", "2026-02-13"),
        ("morgen", "2026-02-15"),
        ("Vor zwei Tagen", "2026-02-12"),
        ("am Freitagabend", "2026-02-13"),
        ("Letzte Woche", "2026-W06"),
        ("Ende März", "2026-03"),
        ("im Jahr 2025", "2025"),
    ]


def test_german_mornings_habits_and_newspapers_are_not_dates() -> None:
    assert found("Am Morgen regnete es. Jeden Freitag demonstrieren Schüler.", "de") == []
    assert found("Wie die Welt am Sonntag berichtet, stimmt das.", "de") == []


def test_a_quoted_french_sentence_keeps_its_own_tense() -> None:
    text = "Dimanche, il a parlé. « Vendredi, nous partirons », a-t-il dit."

    assert found(text, "fr") == [("Dimanche", "2026-02-08"), ("Vendredi", "2026-02-20")]


def test_it_reads_russian_dates() -> None:
    text = (
        "13 февраля 2026 года президент провёл переговоры. В пятницу министр заявил, что "
        "встреча состоится 7 апреля. 30 января прошлого года было подписано соглашение."
    )

    assert found(text, "ru") == [
        ("13 февраля 2026 года", "2026-02-13"),
        ("В пятницу", "2026-02-13"),
        ("7 апреля", "2026-04-07"),
        ("30 января прошлого года", "2025-01-30"),
    ]


def test_it_reads_russian_relative_dates_and_ranges() -> None:
    text = (
        "С 13 по 15 февраля прошла конференция. Вчера он выступил, завтра уедет. На прошлой "
        "неделе объявили меры. В феврале цены выросли, в 2025 году экономика росла. Два дня "
        "назад начались протесты, а в прошлую пятницу он уехал."
    )

    assert found(text, "ru") == [
        ("С 13 по 15 февраля", "2026-02-13/2026-02-15"),
        ("Вчера", "2026-02-13"),
        ("завтра", "2026-02-15"),
        ("На прошлой неделе", "2026-W06"),
        ("В феврале", "2026-02"),
        ("в 2025 году", "2025"),
        ("Два дня назад", "2026-02-12"),
        ("в прошлую пятницу", "2026-02-13"),
    ]


def test_a_russian_clause_after_a_semicolon_keeps_its_own_tense() -> None:
    text = "13 февраля в Мюнхене открылась конференция; она продлится до 15 февраля."

    assert found(text, "ru") == [("13 февраля", "2026-02-13"), ("15 февраля", "2026-02-15")]


def test_russian_habits_are_not_dates() -> None:
    assert found("Каждую пятницу он ходит в баню.", "ru") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le président a déclaré vendredi que les élections auront lieu le 13 mars.", "fr"),
        ("Der Kanzler sagte am Freitag, die Wahl werde am 13. März stattfinden.", "de"),
        ("В пятницу президент заявил, что выборы пройдут 13 марта.", "ru"),
    ],
)
def test_without_a_language_it_recognises_french_german_and_russian(
    text: str, expected: str
) -> None:
    assert found(text, None) == found(text, expected)
    assert len(found(text, None)) == 2


def test_without_a_language_an_english_text_with_a_french_word_stays_english() -> None:
    text = "The summit, a rendez-vous of leaders, opened on Friday in Paris."

    assert found(text, None) == [("on Friday", "2026-02-13")]


def test_other_languages_use_dateparser_month_and_weekday_names() -> None:
    text = "O acordo foi assinado a 13 de fevereiro de 2026 e na sexta-feira houve protestos."

    assert found(text, "pt") == [
        ("13 de fevereiro de 2026", "2026-02-13"),
        ("sexta-feira", "2026-02-13"),
    ]
