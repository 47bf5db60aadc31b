"""Spanish end to end: dates, statements, titles, categories, names and the doors.

Published on Saturday 14 February 2026: the values below are read off that
week's calendar (Thursday the 12th, Friday the 13th, Monday the 16th).
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
El presidente francés, Emmanuel Macron, dijo el viernes en la Conferencia de Seguridad \
de Múnich que Europa debe abrir un canal directo con Rusia. "Sin los europeos no habrá \
paz", afirmó. Añadió que la Unión Europea no enviará tropas.

El ministro de Asuntos Exteriores ruso, Serguéi Lavrov, criticó el pasado jueves a la \
Unión Europea. La primera ministra italiana, Giorgia Meloni, se reunió ayer con el \
presidente finlandés, Alexander Stubb, en Roma.

Hace 10 días, Lavrov había dicho que Rusia nunca abandonaría las negociaciones."""


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.edtf) for m in tag_dates(text, SATURDAY, "es")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoy habló el ministro.", [("Hoy", "2026-02-14")]),
        ("Ayer votó el Senado.", [("Ayer", "2026-02-13")]),
        ("Mañana votará el Senado.", [("Mañana", "2026-02-15")]),
        ("Pasado mañana llegará la delegación.", [("Pasado mañana", "2026-02-16")]),
        ("Anteayer se firmó el acuerdo.", [("Anteayer", "2026-02-12")]),
        ("Se reunieron el pasado jueves.", [("el pasado jueves", "2026-02-12")]),
        ("Se reunieron el jueves pasado.", [("el jueves pasado", "2026-02-12")]),
        ("Se reunirán el próximo lunes.", [("el próximo lunes", "2026-02-16")]),
        ("Se reunirán el lunes que viene.", [("el lunes que viene", "2026-02-16")]),
        ("Se reunirá este miércoles.", [("este miércoles", "2026-02-18")]),
        ("Se reunió este miércoles.", [("este miércoles", "2026-02-11")]),
        ("El ministro dimitió hace 10 días.", [("hace 10 días", "2026-02-04")]),
        ("Hace dos semanas hubo protestas.", [("Hace dos semanas", "2026-W05")]),
        ("Se celebró el primero de mayo.", [("el primero de mayo", "2025-05-01")]),
        ("Se firmó el 13 de febrero de 2026.", [("el 13 de febrero de 2026", "2026-02-13")]),
        ("Se firmó el 1.º de enero.", [("el 1.º de enero", "2026-01-01")]),
        ("Votarán el día 8 de marzo.", [("el día 8 de marzo", "2026-03-08")]),
        (
            "La cumbre será del 13 al 15 de marzo.",
            [("del 13 al 15 de marzo", "2026-03-13/2026-03-15")],
        ),
        (
            "Habrá elecciones entre el 3 y el 5 de marzo.",
            [("entre el 3 y el 5 de marzo", "2026-03-03/2026-03-05")],
        ),
        ("La semana pasada cayó la bolsa.", [("La semana pasada", "2026-W06")]),
        ("El año pasado creció la economía.", [("El año pasado", "2025")]),
        ("En febrero subieron los precios.", [("En febrero", "2026-02")]),
        ("El presidente viajará el viernes a Kiev.", [("el viernes", "2026-02-20")]),
        ("Viajará a Kiev el viernes.", [("el viernes", "2026-02-20")]),  # a capital: the start
        ("Anunció el 3 de marzo su dimisión.", [("el 3 de marzo", "2025-03-03")]),
        ("En Teherán se votó el viernes.", [("el viernes", "2026-02-13")]),  # a name, no future
        ("El mercado estará cerrado hasta el viernes.", [("el viernes", "2026-02-20")]),
        ("Se fijó una audiencia para el 3 de junio.", [("el 3 de junio", "2026-06-03")]),
        ("Llegó ayer por la mañana.", [("ayer por la mañana", "2026-02-13")]),
    ],
)
def test_it_reads_spanish_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Llegó por la mañana.",  # a morning, not tomorrow
        "Cada lunes y los viernes hay mercado.",  # habits
        "Las procesiones del Viernes Santo y el lunes negro de 1987 en la bolsa.",  # names
    ],
)
def test_spanish_mornings_habits_and_named_days_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_market_report_ends_the_day_of_its_dateline() -> None:
    text = (
        "10 de agosto de 2007\n"
        "El Dow Jones se recuperó al final del día y terminó la jornada en alza."
    )
    assert found(text) == [
        ("10 de agosto de 2007", "2007-08-10"),
        ("al final del día", "2007-08-10"),
        ("la jornada", "2007-08-10"),
    ]


@pytest.mark.django_db
def test_a_spanish_article_makes_its_drafts_end_to_end(register) -> None:
    result = ingest_article(article=_article(ARTICLE))
    assert result.status == "new"
    events = sorted(
        Event.objects.filter(citations__source_id=result.source_id).with_participants(),
        key=lambda e: e.citations.get().start_offset,
    )
    macron = ("Emmanuel Macron", "presidente francés")
    lavrov = ("Sergey Lavrov", "ministro de Asuntos Exteriores ruso")
    assert [(e.edtf, _initiator(e)) for e in events] == [
        ("2026-02-13", macron),  # dijo el viernes
        ("2026-02-13", macron),  # "Sin los europeos ...", afirmó.
        ("2026-02-13", macron),  # Añadió que ...
        ("2026-02-12", lavrov),  # criticó el pasado jueves
        ("2026-02-13", ("Giorgia Meloni", "primera ministra italiana")),  # se reunió ayer
        ("2026-02-04", lavrov),  # Hace 10 días
    ]
    assert events[0].place_name == "Conferencia de Seguridad de Múnich"
    assert (events[3].category, _roles(events[3])["European Union"]) == ("DISAPPROVE", "recipient")
    assert (events[4].category, _roles(events[4])["Alexander Stubb"]) == ("CONSULT", "recipient")


@pytest.mark.django_db
def test_a_quote_and_an_unsaid_subject_continue_the_speaker(register) -> None:
    plan = ingest_article(article=_article(ARTICLE), dry_run=True).plan
    assert plan is not None
    macron = [d for d in plan.drafts if d.quote.startswith(('"Sin', "Añadió"))]
    assert len(macron) == 2
    for draft in macron:
        assert draft.value.edtf == "2026-02-13"
        assert "same occasion" in draft.date_resolution


@pytest.mark.django_db
def test_a_spanish_article_without_a_language_is_detected_as_spanish(register) -> None:
    result = ingest_article(article=_article(ARTICLE, language=""))
    assert result.language == "es"
    assert Source.objects.get().language == "es"


@pytest.mark.django_db
def test_the_import_form_and_the_ingest_command_accept_spanish(register, tmp_path) -> None:
    form = ImportArticleForm(
        data={"url": "https://x.es/a", "published": "2026-02-14", "text": ARTICLE, "language": "es"}
    )
    assert form.is_valid(), form.errors
    line = {"url": "https://x.es/b", "published": "2026-02-14", "text": ARTICLE, "language": "es"}
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("ingest", str(path), stdout=out)
    assert "drafts created: 6" in out.getvalue()


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("13 de febrero de 2026", date(2026, 2, 13), date(2026, 2, 13)),
        ("ayer", date(2026, 2, 13), date(2026, 2, 13)),
        ("febrero de 2026", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_the_apis_date_filters_read_spanish_words(value: str, start: date, end: date) -> None:
    span = parse_span(value, today=SATURDAY)
    assert (span.start, span.end) == (start, end)


def _article(text: str, language: str = "es") -> Article:
    return Article(
        url="https://noticias.example.es/macron",
        published=SATURDAY,
        title="Macron y Meloni piden diálogo con Rusia",
        text=text,
        language=language,
    )


def _initiator(event: Event) -> tuple[str, str]:
    (first,) = [p for p in event.participations.all() if p.role == "initiator"]
    return first.actor.name, first.role_words


def _roles(event: Event) -> dict[str, str]:
    return {p.actor.name: p.role for p in event.participations.all()}
