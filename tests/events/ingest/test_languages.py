"""The language registry: every language complete, every door reading it, and
words looked up in the article's language only."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from events.admin.imports import ImportArticleForm
from events.ingest.dates import tag_dates
from events.ingest.dates.patterns import grammar_for
from events.ingest.dates.tagger import warm_up
from events.ingest.drafts import plan_article
from events.ingest.lang import LANGUAGES, SUPPORTED, UnknownLanguage, get_language
from events.ingest.lang.language import Language, Words, required_parts
from events.ingest.language import guess_language
from events.ingest.names import suggest_names
from events.vocab import Category
from timeline.api import dates as api_dates

LANG_TESTS = Path(__file__).resolve().parent / "lang"
SATURDAY = date(2026, 2, 14)
REGISTERED = pytest.mark.parametrize("language", list(LANGUAGES.values()), ids=list(LANGUAGES))


@REGISTERED
def test_every_language_fills_in_every_required_part(language: Language) -> None:
    empty = [name for name, part in required_parts(language).items() if not part]
    assert empty == []
    dates = language.dates
    assert set(dates.months.values()) == set(range(1, 13))
    assert set(dates.weekdays.values()) == set(range(7))
    missing = [
        name
        for name in ("relative_days", "relative_units", "ago_re", "tense_re", "units")
        if not getattr(dates, name)
    ]
    assert missing == []
    assert dates.code == language.code
    assert LANGUAGES[language.code] is language


@REGISTERED
def test_every_language_has_its_own_test_file(language: Language) -> None:
    assert (LANG_TESTS / f"test_{language.code}.py").is_file()


@REGISTERED
def test_every_language_cues_real_plover_categories_with_valid_patterns(
    language: Language,
) -> None:
    assert set(language.category_cues) <= set(Category.values)
    for patterns in language.category_cues.values():
        assert patterns
        for pattern in patterns:
            re.compile(pattern)
    for pattern in (language.same_occasion_re, language.venue_re):
        re.compile(pattern)


@REGISTERED
def test_every_language_compiles_its_date_grammar(language: Language) -> None:
    assert grammar_for(language.code).lexicon is language.dates


def test_an_unknown_code_is_refused_with_the_languages_that_are_read() -> None:
    with pytest.raises(UnknownLanguage, match="'xx' is not supported") as error:
        get_language("xx")
    assert all(code in str(error.value) for code in SUPPORTED)


def test_the_import_form_the_api_and_the_warm_up_offer_the_registry() -> None:
    offered = [code for code, _ in ImportArticleForm().fields["language"].choices if code]
    assert offered == list(SUPPORTED)
    assert list(SUPPORTED) == api_dates.LANGUAGES
    assert warm_up.__defaults__ == (SUPPORTED,)


def test_words_match_forms_exactly_and_stems_by_their_start() -> None:
    verbs = Words(frozenset({"said"}), ("заяв",))
    assert "said" in verbs
    assert "заявила" in verbs
    assert "sai" not in verbs
    assert "сказал" not in verbs
    assert not Words()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le président a déclaré vendredi que les élections auront lieu le 13 mars.", "fr"),
        ("Der Kanzler sagte am Freitag, die Wahl werde am 13. März stattfinden.", "de"),
        ("В пятницу президент заявил, что выборы пройдут 13 марта.", "ru"),
        ("The summit, a rendez-vous of leaders, opened on Friday in Paris.", "en"),
    ],
)
def test_one_detector_names_the_language_for_ingestion_and_the_date_tagger(
    text: str, expected: str
) -> None:
    assert guess_language(text) == expected
    assert tag_dates(text, SATURDAY) == tag_dates(text, SATURDAY, expected)


def test_a_text_of_no_clear_language_is_dated_as_english() -> None:
    assert guess_language("Friday") == "en"
    assert [m.text for m in tag_dates("Friday 13 February 2026", SATURDAY)] == [
        "Friday 13 February 2026"
    ]


STATEMENTS = {
    "fr": "Emmanuel Macron a déclaré le 13 février qu'il voulait parler avec la Russie.",
    "de": "Emmanuel Macron erklärte am 13. Februar, er wolle mit Russland sprechen.",
    "es": "Emmanuel Macron declaró el 13 de febrero que quería hablar con Rusia.",
    "it": "Emmanuel Macron ha dichiarato il 13 febbraio che voleva parlare con la Russia.",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "read_as"),
    [("fr", "en"), ("de", "en"), ("es", "en"), ("es", "fr"), ("es", "it"), ("it", "es")],
)
def test_a_statement_counts_in_its_own_language_only(index, language: str, read_as: str) -> None:
    text = STATEMENTS[language]
    assert len(plan_article(text, SATURDAY, language, index).drafts) == 1
    other = plan_article(text, SATURDAY, read_as, index)
    assert other.drafts == []
    # The actors are still listed, as named without a verb of theirs.
    assert {c.reason for c in other.candidates} <= {
        "actors are named, but no verb of theirs was found"
    }


@pytest.mark.django_db
def test_a_german_preposition_does_not_make_an_english_addressee(index) -> None:
    # German "an" ("an Russland") once made the actor after an English "an" the recipient.
    text = "Sergey Lavrov held talks on Thursday as an EU delegation arrived in Moscow."
    (draft,) = plan_article(text, SATURDAY, "en", index).drafts
    roles = {index.labels[p.actor_id]: p.role for p in draft.participants}
    assert roles == {"Sergey Lavrov": "initiator", "European Union": "mentioned"}


@pytest.mark.django_db
def test_an_english_title_word_does_not_make_a_french_title(index) -> None:
    # English "premier" once made "Le premier succédera à" the title of a name.
    text = "Le premier succédera à Thibault de Silguy, selon un communiqué."
    assert suggest_names(text, [], "fr") == []
    english = "French premier Thibault de Silguy said so on Friday."
    assert [s.role_words for s in suggest_names(english, [], "en")] == ["French premier"]


def test_abbreviations_are_the_languages_own() -> None:
    # "Mme." ends no French sentence; in English it is not a word at all.
    assert "mme" in get_language("fr").all_abbreviations
    assert "mme" not in get_language("en").all_abbreviations
    assert "sept" in get_language("en").all_abbreviations  # from the date lexicon
