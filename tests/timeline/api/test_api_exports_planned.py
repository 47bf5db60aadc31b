"""Planned events and what their dates rest on, in every export."""

from __future__ import annotations

import csv
import io
import json

import icalendar
import pytest
from rest_framework.test import APIClient

from events.models import DateBasis, Status
from tests.factories import make_event
from tests.timeline.api.test_api_exports import export

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register() -> None:
    make_event(title="Visit", when="2026-03", planned=True, date_basis=DateBasis.WORDS)
    make_event(title="Announcement", when="2026-02-13~", date_basis=DateBasis.PUBLICATION)
    make_event(title="Cancelled trip", planned=True, status=Status.RETRACTED)


def test_csv_has_a_planned_and_a_date_basis_column(api: APIClient) -> None:
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(export(api, "csv")[1]))}
    assert (rows["Visit"]["planned"], rows["Visit"]["date_basis"]) == ("true", "words")
    announcement = rows["Announcement"]
    assert (announcement["planned"], announcement["date_basis"]) == ("false", "publication")


def test_json_lines_carry_both_fields(api: APIClient) -> None:
    lines = [json.loads(line) for line in export(api, "jsonl")[1].splitlines()]
    by_title = {e["title"]: e for e in lines}
    assert (by_title["Visit"]["planned"], by_title["Visit"]["date_basis"]) == (True, "words")


def test_a_planned_event_is_tentative_in_icalendar(api: APIClient) -> None:
    calendar = icalendar.Calendar.from_ical(export(api, "ics")[1])
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert events["Planned: Visit"]["STATUS"] == "TENTATIVE"
    assert "announced as planned" in str(events["Planned: Visit"]["DESCRIPTION"])
    assert events["Announcement"]["STATUS"] == "CONFIRMED"
    # A retraction stays a cancellation, planned or not.
    assert events["Retracted: Cancelled trip"]["STATUS"] == "CANCELLED"


def test_a_planned_event_says_so_in_timelinejs(api: APIClient) -> None:
    data = json.loads(export(api, "timeline.json")[1])
    headlines = {slide["text"]["headline"] for slide in data["events"]}
    assert headlines == {"Announcement", "Planned: Visit", "Retracted: Cancelled trip"}
