"""The API at the ends of the supported range (0001-01-01 to 9999-12-31): events there
read, list and export like any other; dates beyond it are refused by name; filter
values that are no date are 400s naming the parameter, never another window."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

import icalendar
import pytest
from django.test import Client
from rest_framework.test import APIClient

from events.models import Event
from tests.edges import EDGE_DATES, edge_actor, make_edge_event
from tests.factories import make_actor, make_event, make_source
from tests.timeline.test_reader_home import page

pytestmark = pytest.mark.django_db


@pytest.fixture(params=EDGE_DATES)
def edge(request: pytest.FixtureRequest) -> Event:
    return make_edge_event(request.param)


def body_of(client: APIClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]


# --- Reading ---------------------------------------------------------------------------


def test_the_list_and_the_detail_give_the_date_as_edtf_with_its_bounds(
    api: APIClient, edge: Event
) -> None:
    listed = api.get("/api/events/").json()["results"]
    detail = api.get(f"/api/events/{edge.pk}/").json()
    for event in (*listed, detail):
        assert (event["date"], event["date_start"], event["date_end"]) == (
            edge.edtf,
            edge.date_start.isoformat(),
            edge.date_end.isoformat(),
        )
        assert event["date_display"] == edge.display_date


def test_the_csv_and_json_lines_exports_carry_the_dates(api: APIClient, edge: Event) -> None:
    (row,) = csv.DictReader(io.StringIO(body_of(api, "/api/events/export.csv")))
    assert (row["date"], row["date_start"], row["date_end"]) == (
        edge.edtf,
        edge.date_start.isoformat(),
        edge.date_end.isoformat(),
    )
    (line,) = body_of(api, "/api/events/export.jsonl").splitlines()
    assert json.loads(line)["date"] == edge.edtf


def test_the_timelinejs_export_breaks_the_dates_into_parts(api: APIClient, edge: Event) -> None:
    (slide,) = json.loads(body_of(api, "/api/events/export.timeline.json"))["events"]
    assert slide["start_date"]["year"] == edge.date_start.year
    assert slide["display_date"] == edge.display_date


def test_the_ics_export_spans_the_events_days(api: APIClient, edge: Event) -> None:
    text = body_of(api, "/api/events/export.ics")
    assert text.endswith("END:VCALENDAR\r\n")  # the feed is whole
    (vevent,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    first = vevent.decoded("dtstart")
    # DTEND is the day after the last (exclusive); on 9999-12-31 there is none: DURATION.
    if "DTEND" in vevent:
        last = vevent.decoded("dtend") - timedelta(days=1)
    else:
        last = first + (vevent.decoded("duration") - timedelta(days=1))
    assert (first, last) == (edge.date_start, edge.date_end)


def test_an_event_ending_on_the_last_day_has_a_duration_instead_of_an_end(
    api: APIClient,
) -> None:
    make_edge_event("9999-12-30/9999-12-31")
    make_edge_event("9999-W51")
    text = body_of(api, "/api/events/export.ics")
    assert "DTSTART;VALUE=DATE:99991230\r\nDURATION:P2D\r\n" in text
    assert "DTEND;VALUE=DATE:99991227\r\n" in text  # 20-26 Dec: the day after exists


# --- Writing ---------------------------------------------------------------------------


def new_event(date_value: str) -> dict[str, Any]:
    return {
        "title": "At the end of time",
        "date": date_value,
        "participants": [{"actor": edge_actor().slug, "role": "initiator"}],
    }


@pytest.mark.parametrize("value", EDGE_DATES)
def test_an_editor_writes_an_event_at_either_end_of_the_range(
    editor_api: APIClient, value: str
) -> None:
    response = editor_api.post("/api/events/", new_event(value), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["date"] == value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("9999-W52", "9999-W52” ends after 9999-12-31"),  # its Sunday is 2 January 10000
        ("0000", "supported range, 0001-01-01 to 9999-12-31"),
        ("0000-06", "supported range"),
        ("10000-01-01", "supported range"),
        ("-0001", "supported range"),
        ("+2026-02-13", "supported range"),
        ("2026-13", "no month 13"),
    ],
)
def test_a_date_outside_the_range_is_a_400_naming_date(
    editor_api: APIClient, value: str, words: str
) -> None:
    response = editor_api.post("/api/events/", new_event(value), format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["date"]
    assert words in response.json()["date"][0]
    assert not Event.objects.exists()


# --- Filters ---------------------------------------------------------------------------

UNREADABLE = [
    "2026-13",  # no month 13: was the 13th of the current month
    "-0500",  # 500 BC: was the year 500
    "1e10",  # a number: was some day of October
    "0000",
    "10000-01-01",
    "9999-W52",
    "2026-02-30",
    "2026-02-30T10:00",
    "13/02/2026",  # day-first or month-first: the API does not guess
]
WINDOW_URLS = ["/api/events/", "/api/timeline/", "/api/events/export.csv"]


@pytest.mark.parametrize("url", WINDOW_URLS)
@pytest.mark.parametrize("parameter", ["start", "end"])
@pytest.mark.parametrize("value", UNREADABLE)
def test_an_unreadable_date_is_a_400_naming_the_parameter(
    api: APIClient, url: str, parameter: str, value: str
) -> None:
    make_event(when="2026-02-13")
    response = api.get(url, {parameter: value})
    assert response.status_code == 400, response.content
    (message,) = response.json()[parameter]
    assert f"“{value}”" in message
    assert "ISO 8601 (2026-02-13)" in message  # the accepted forms


@pytest.mark.parametrize("value", ["2026-13", "-0500", "1e10"])
def test_the_home_page_answers_an_unreadable_date_with_a_400_that_shows_it(
    client: Client, value: str
) -> None:
    make_event(when="2026-02-13", title="Visible otherwise")
    response = client.get("/", {"start": value})
    text = page(response)
    assert response.status_code == 400
    assert f"“{value}”" in text
    assert "Visible otherwise" not in text
    assert text.rstrip().endswith("</html>")


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("last month", None, None),
        ("30 janvier 2026", date(2026, 1, 30), date(2026, 1, 30)),
        ("13 февраля 2026", date(2026, 2, 13), date(2026, 2, 13)),
        ("2026-01-30T23:00:00Z", date(2026, 1, 30), date(2026, 1, 30)),
        ("2026-01-30T23:00:00-05:00", date(2026, 1, 31), date(2026, 1, 31)),
        ("20260213", date(2026, 2, 13), date(2026, 2, 13)),  # ISO 8601's basic form
        ("2026-W07-5", date(2026, 2, 13), date(2026, 2, 13)),  # and its week-day form
        ("0001-01", date(1, 1, 1), date(1, 1, 31)),
        ("9999", date(9999, 1, 1), date(9999, 12, 31)),
    ],
)
def test_words_iso_datetimes_and_the_ends_of_the_range_still_read(
    client: Client, value: str, first: date | None, last: date | None
) -> None:
    response = client.get("/api/timeline/", {"start": value, "end": value})
    assert response.status_code == 200, response.content
    window = response.json()["window"]
    if first is not None:
        assert window == {"start": first.isoformat(), "end": last.isoformat()}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "params",
    [{"start": "0001-01-01"}, {"end": "9999-12-31"}, {"start": "0001-01-01", "end": "9999-12-31"}],
)
def test_a_window_to_the_ends_of_the_range_answers_without_stored_events(
    client: Client, params: dict[str, str]
) -> None:
    response = client.get("/api/timeline/", params)
    assert response.status_code == 200, response.content
    window = response.json()["window"]
    assert window["start"] == params.get("start", window["start"])
    assert window["end"] == params.get("end", window["end"])


# --- Instants beyond the range ---------------------------------------------------------

BEFORE_THE_FIRST = "0001-01-01T00:00:00+14:00"  # 31 Dec of year 0, 10:00 UTC
AFTER_THE_LAST = "9999-12-31T23:59:59-14:00"  # 1 Jan 10000, 13:59 UTC


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events/", "updated_since"),
        ("/api/timeline/", "updated_since"),
        ("/api/actors/", "updated_since"),
        ("/api/sources/", "updated_since"),
        ("/api/events/deleted/", "since"),
    ],
)
def test_an_instant_beyond_the_range_means_its_first_or_last_instant(
    editor_api: APIClient, url: str, parameter: str
) -> None:
    make_actor(name="Changed actor")
    make_source()
    doomed = make_event(title="Deleted")
    assert editor_api.delete(f"/api/events/{doomed.pk}/").status_code == 204
    make_event(title="Changed")
    early = editor_api.get(url, {parameter: BEFORE_THE_FIRST})
    late = editor_api.get(url, {parameter: AFTER_THE_LAST})
    assert early.status_code == late.status_code == 200, (early.content, late.content)
    if url == "/api/timeline/":
        assert early.json()["events"]["id"]
        assert not late.json()["events"]["id"]
    else:  # everything changed at or after the first instant; nothing after the last
        assert early.json()["results"]
        assert late.json()["results"] == []
