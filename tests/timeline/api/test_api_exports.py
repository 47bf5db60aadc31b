from __future__ import annotations

import csv
import io
import json
from datetime import date

import icalendar
import pytest
from django.http import StreamingHttpResponse
from rest_framework.test import APIClient

from events.models import Status
from tests.factories import cite, make_actor, make_event, make_source

pytestmark = pytest.mark.django_db

NASTY = '=HYPERLINK("http://evil.example","click"), with; commas\nand a new line'


def export(client: APIClient, name: str, query: str = "") -> tuple[str, str]:
    response = client.get(f"/api/events/export.{name}{query}")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response["Content-Type"], b"".join(response.streaming_content).decode()


@pytest.fixture
def register() -> None:
    lavrov = make_actor(name="@Lavrov", slug="lavrov")
    speech = make_event(
        title="Speech",
        when="2026-02-13",
        actors=[lavrov],
        summary="<script>alert(1)</script>",
        place_name="Munich",
        place_country="DEU",
        latitude=48.14,
        longitude=11.58,
    )
    cite(speech, make_source(text="He said: no say for Europe."), "no say for Europe")
    make_event(title=NASTY, when="2026-02", category="REJECT")
    make_event(title="Talks", when="2026-02-10/2026-02-12", status=Status.RETRACTED)
    make_event(title="Year", when="2025")
    make_event(title="Week", when="2026-W07")
    make_event(title="Secret draft", status=Status.DRAFT)


@pytest.mark.usefixtures("register")
class TestCSV:
    def test_it_parses_back_with_one_row_per_visible_event(self, api: APIClient) -> None:
        content_type, text = export(api, "csv")
        assert content_type.startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["title"] for r in rows][:2] == ["Year", "'" + NASTY]
        assert len(rows) == 5
        assert "Secret draft" not in text

    def test_cells_that_would_be_formulas_stay_text(self, api: APIClient) -> None:
        rows = list(csv.DictReader(io.StringIO(export(api, "csv")[1])))
        speech = next(r for r in rows if r["title"] == "Speech")
        assert speech["actors"] == "'@Lavrov (initiator)"
        assert not any(
            value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values()
        )

    def test_dates_and_places_in_their_columns(self, api: APIClient) -> None:
        rows = {r["title"]: r for r in csv.DictReader(io.StringIO(export(api, "csv")[1]))}
        assert (rows["Talks"]["date"], rows["Talks"]["status"]) == (
            "2026-02-10/2026-02-12",
            "retracted",
        )
        assert (rows["Speech"]["place_country"], rows["Speech"]["latitude"]) == ("DEU", "48.14")
        assert rows["Speech"]["source_urls"].startswith("https://news.example.org/")


@pytest.mark.usefixtures("register")
def test_json_lines_hold_the_api_representation(api: APIClient) -> None:
    content_type, text = export(api, "jsonl", "?category=REJECT")
    assert content_type.startswith("application/jsonl")
    [line] = text.splitlines()
    event = json.loads(line)
    detail = api.get(f"/api/events/{event['id']}/").json()
    assert event == detail


@pytest.mark.usefixtures("register")
class TestTimelineJS:
    def slides(self, api: APIClient) -> dict[str, dict]:
        data = json.loads(export(api, "timeline.json")[1])
        assert data["title"]["text"]["headline"]
        return {slide["display_date"]: slide for slide in data["events"]}

    def test_dates_are_broken_into_parts_at_their_precision(self, api: APIClient) -> None:
        slides = self.slides(api)
        assert slides["13 Feb 2026"]["start_date"] == {"year": 2026, "month": 2, "day": 13}
        assert "end_date" not in slides["13 Feb 2026"]
        assert slides["Feb 2026"]["start_date"] == {"year": 2026, "month": 2}
        assert slides["2025"]["start_date"] == {"year": 2025}
        assert slides["10–12 Feb 2026"]["end_date"] == {"year": 2026, "month": 2, "day": 12}
        assert slides["week of 9 Feb 2026"]["end_date"] == {"year": 2026, "month": 2, "day": 15}

    def test_each_slide_has_the_fields_timelinejs_reads(self, api: APIClient) -> None:
        for slide in self.slides(api).values():
            assert set(slide) >= {"start_date", "text", "group", "unique_id"}
            assert slide["unique_id"].startswith("event-")
        assert self.slides(api)["Feb 2026"]["group"] == "Reject"

    def test_text_is_escaped_html(self, api: APIClient) -> None:
        speech = self.slides(api)["13 Feb 2026"]["text"]
        assert "<script>" not in speech["text"]
        assert "&lt;script&gt;" in speech["text"]
        assert "&lt;" not in speech["headline"]

    def test_a_retraction_says_so(self, api: APIClient) -> None:
        assert self.slides(api)["10–12 Feb 2026"]["text"]["headline"].startswith("Retracted")


@pytest.mark.usefixtures("register")
class TestICalendar:
    def test_it_parses_as_a_calendar_of_all_day_events(self, api: APIClient) -> None:
        content_type, text = export(api, "ics")
        assert content_type.startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(text)
        events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
        assert len(events) == 5
        speech = events["Speech"]
        assert speech.decoded("DTSTART") == date(2026, 2, 13)
        assert speech.decoded("DTEND") == date(2026, 2, 14)  # exclusive: one day
        assert events["Retracted: Talks"]["STATUS"] == "CANCELLED"
        assert events[NASTY].decoded("DTEND") == date(2026, 3, 1)

    def test_it_follows_rfc_5545_line_rules(self, api: APIClient) -> None:
        raw = export(api, "ics")[1].encode()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
        assert raw.endswith(b"END:VCALENDAR\r\n")
        lines = raw.split(b"\r\n")[:-1]
        assert b"\n" not in b"".join(lines)  # CRLF only
        assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
        assert b"DTSTART;VALUE=DATE:20260213" in lines
        assert raw.count(b"BEGIN:VEVENT") == raw.count(b"END:VEVENT") == 5

    def test_text_is_escaped(self, api: APIClient) -> None:
        unfolded = export(api, "ics")[1].replace("\r\n ", "")
        assert 'SUMMARY:=HYPERLINK("http://evil.example"\\,"click")\\, with\\; commas' in (unfolded)
        assert "\\nand a new line" in unfolded


def test_editors_export_drafts_too(editor_api: APIClient) -> None:
    make_event(title="Secret draft", status=Status.DRAFT)
    assert "Secret draft" in export(editor_api, "csv")[1]


def test_a_large_export_streams_in_chunks(api: APIClient) -> None:
    from timeline.api import exports

    for i in range(7):
        make_event(title=f"E{i}", when=f"2026-02-{i + 1:02d}")
    original, exports.CHUNK = exports.CHUNK, 3
    try:
        response = api.get("/api/events/export.jsonl")
        parts = list(response.streaming_content)
    finally:
        exports.CHUNK = original
    assert len(parts) == 3  # 3 + 3 + 1 events
    lines = b"".join(parts).decode().splitlines()
    assert [json.loads(line)["title"] for line in lines] == [f"E{i}" for i in range(7)]


def test_an_accept_header_does_not_change_the_format(api: APIClient) -> None:
    make_event()
    response = api.get("/api/events/export.csv", HTTP_ACCEPT="application/xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
