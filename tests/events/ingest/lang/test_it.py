"""Italian end to end: dates, statements, titles, categories, names and the doors.

There is no annotated Italian corpus: the sentences are written in the way
Italian news writes them, and the values are read off the calendar of the
publication week, Saturday 14 February 2026 (Thursday the 12th, Friday the
13th, Monday the 16th).
"""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from events.admin.imports import ImportArticleForm
from events.ingest.articles import Article
from events.ingest.dates import tag_dates
from events.ingest.service import ingest_article
from events.models import Event, Source
from timeline.api.dates import parse_span

SATURDAY = date(2026, 2, 14)

ARTICLE = """\
Il presidente francese Emmanuel Macron ha detto venerdì alla Conferenza di Monaco sulla \
sicurezza che l'Europa deve aprire un canale diretto con la Russia. "Senza gli europei non \
ci sarà pace", ha aggiunto. Ha poi sottolineato che l'Unione europea non invierà truppe.

Il ministro degli Esteri russo Sergej Lavrov ha criticato giovedì scorso l'Unione europea. \
La presidente del Consiglio Giorgia Meloni ha incontrato ieri il presidente finlandese \
Alexander Stubb a Roma.

Dieci giorni fa Lavrov aveva detto che la Russia non avrebbe mai abbandonato i negoziati. \
Meloni incontrerà lunedì prossimo Macron a Parigi."""


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.edtf) for m in tag_dates(text, SATURDAY, "it")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oggi ha parlato il ministro.", [("Oggi", "2026-02-14")]),
        ("Ieri ha votato il Senato.", [("Ieri", "2026-02-13")]),
        ("Domani voterà il Senato.", [("Domani", "2026-02-15")]),
        ("Dopodomani arriverà la delegazione.", [("Dopodomani", "2026-02-16")]),
        ("L'altro ieri è stato firmato l'accordo.", [("L'altro ieri", "2026-02-12")]),
        ("Ieri sera è arrivato a Roma.", [("Ieri sera", "2026-02-13")]),
        ("Si sono incontrati giovedì scorso.", [("giovedì scorso", "2026-02-12")]),
        ("Si sono incontrati lo scorso giovedì.", [("lo scorso giovedì", "2026-02-12")]),
        ("Si incontreranno lunedì prossimo.", [("lunedì prossimo", "2026-02-16")]),
        ("Si incontreranno il prossimo lunedì.", [("il prossimo lunedì", "2026-02-16")]),
        ("Ha detto venerdì che la Russia sbaglia.", [("venerdì", "2026-02-13")]),
        ("Incontrerà Meloni venerdì a Roma.", [("venerdì", "2026-02-20")]),
        ("Il ministro si è dimesso 10 giorni fa.", [("10 giorni fa", "2026-02-04")]),
        ("Due settimane fa ci sono state proteste.", [("Due settimane fa", "2026-W05")]),
        ("Il vertice si terrà il 3 marzo.", [("il 3 marzo", "2026-03-03")]),
        ("Annunciò il 3 marzo le dimissioni.", [("il 3 marzo", "2025-03-03")]),
        ("Le donne sfileranno l'8 marzo.", [("l'8 marzo", "2026-03-08")]),
        ("Si è celebrato il primo maggio.", [("il primo maggio", "2025-05-01")]),
        ("Si festeggia il 1° maggio.", [("il 1° maggio", "2026-05-01")]),
        ("È stato firmato il 13 febbraio 2026.", [("il 13 febbraio 2026", "2026-02-13")]),
        ("Il vertice sarà dal 13 al 15 marzo.", [("dal 13 al 15 marzo", "2026-03-13/2026-03-15")]),
        (
            "Si voterà tra il 3 e il 5 aprile.",
            [("tra il 3 e il 5 aprile", "2026-04-03/2026-04-05")],
        ),
        ("La settimana scorsa è crollata la borsa.", [("La settimana scorsa", "2026-W06")]),
        ("L'anno scorso l'economia è cresciuta.", [("L'anno scorso", "2025")]),
        ("A marzo si voterà.", [("A marzo", "2026-03")]),
        ("Resterà chiuso fino a venerdì.", [("venerdì", "2026-02-20")]),
        (
            "Il 10 febbraio Lavrov ha parlato a Mosca. Il giorno dopo ha incontrato Stubb.",
            [("Il 10 febbraio", "2026-02-10"), ("Il giorno dopo", "2026-02-11")],
        ),
    ],
)
def test_it_reads_italian_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ogni lunedì e tutte le domeniche c'è il mercato.",  # habits
        "Il lunedì il museo è chiuso.",  # on Mondays
        "Le processioni del Venerdì Santo e il lunedì nero della borsa.",  # names
    ],
)
def test_italian_habits_and_named_days_are_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.django_db
def test_an_italian_article_makes_its_drafts_end_to_end(register) -> None:
    result = ingest_article(article=_article(ARTICLE))
    assert result.status == "new"
    events = sorted(
        Event.objects.filter(citations__source_id=result.source_id).with_participants(),
        key=lambda e: e.citations.get().start_offset,
    )
    macron = ("Emmanuel Macron", "presidente francese")
    lavrov = ("Sergey Lavrov", "ministro degli Esteri russo")
    meloni = ("Giorgia Meloni", "presidente del Consiglio")
    assert [(e.edtf, _initiator(e)) for e in events] == [
        ("2026-02-13", macron),  # ha detto venerdì
        ("2026-02-13", macron),  # "Senza gli europei ...", ha aggiunto.
        ("2026-02-13", macron),  # Ha poi sottolineato
        ("2026-02-12", lavrov),  # ha criticato giovedì scorso
        ("2026-02-13", meloni),  # ha incontrato ieri
        ("2026-02-04", lavrov),  # Dieci giorni fa
        ("2026-02-16", meloni),  # incontrerà lunedì prossimo
    ]
    assert events[0].place_name == "Conferenza di Monaco sulla sicurezza"
    assert "Munich Security Conference" not in _roles(events[0], "recipient")
    assert (events[3].category, _roles(events[3], "recipient")) == (
        "DISAPPROVE",
        ["European Union"],
    )
    assert (events[4].category, _roles(events[4], "recipient")) == ("CONSULT", ["Alexander Stubb"])
    assert _roles(events[6], "recipient") == ["Emmanuel Macron"]


@pytest.mark.django_db
def test_an_italian_article_without_a_language_is_detected_as_italian(register) -> None:
    result = ingest_article(article=_article(ARTICLE, language=""))
    assert result.language == "it"
    assert Source.objects.get().language == "it"


@pytest.mark.django_db
def test_the_import_form_and_the_ingest_command_accept_italian(register, tmp_path) -> None:
    form = ImportArticleForm(
        data={"url": "https://x.it/a", "published": "2026-02-14", "text": ARTICLE, "language": "it"}
    )
    assert form.is_valid(), form.errors
    line = {"url": "https://x.it/b", "published": "2026-02-14", "text": ARTICLE, "language": "it"}
    path = tmp_path / "notizie.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("ingest", str(path), stdout=out)
    assert "drafts created: 7" in out.getvalue()


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("13 febbraio 2026", date(2026, 2, 13), date(2026, 2, 13)),
        ("ieri", date(2026, 2, 13), date(2026, 2, 13)),
        ("febbraio 2026", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_the_apis_date_filters_read_italian_words(value: str, start: date, end: date) -> None:
    span = parse_span(value, today=SATURDAY)
    assert (span.start, span.end) == (start, end)


def _article(text: str, language: str = "it") -> Article:
    return Article(
        url="https://notizie.example.it/macron",
        published=SATURDAY,
        title="Macron e Meloni chiedono il dialogo con la Russia",
        text=text,
        language=language,
    )


def _initiator(event: Event) -> tuple[str, str]:
    (first,) = [p for p in event.participations.all() if p.role == "initiator"]
    return first.actor.name, first.role_words


def _roles(event: Event, role: str) -> list[str]:
    return [p.actor.name for p in event.participations.all() if p.role == role]
