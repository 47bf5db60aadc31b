"""Every date of the supported range renders: one published event at either end of it
(0001-01-01 to 9999-12-31, in each form a date takes) through the real HTTP stack, on
the reader pages and /api/timeline/ in both modes."""

from __future__ import annotations

import html
import io
import re
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from events.buckets import bucket_end
from events.models import Event
from tests.edges import EDGE_DATES, FIRST, LAST, crowd_near, edge_actor, make_edge_event, side_of
from tests.timeline.test_reader_home import embedded, listed_titles, page

pytestmark = pytest.mark.django_db
HOME = reverse("timeline:home")
TIMELINE = reverse("timeline:api:timeline")
THRESHOLD = 2000  # timeline.lod.THRESHOLD: over it, a window is counts


@pytest.fixture(params=EDGE_DATES)
def edge(request: pytest.FixtureRequest) -> Event:
    return make_edge_event(request.param)


def window(name: str, event: Event) -> dict[str, str]:
    """Windows a reader can ask for around an event at an end of the range."""
    at_start = side_of(event.edtf) == FIRST
    near = ("0001-01-01", "0001-02-09") if at_start else ("9999-11-22", "9999-12-31")
    weeks = ("0001-01-01", "0001-07-19") if at_start else ("9999-06-15", "9999-12-31")
    return {
        "none": {},
        "near": {"start": near[0], "end": near[1]},  # 40 days: day buckets
        "weeks": {"start": weeks[0], "end": weeks[1]},  # 200 days: week buckets
        "from the first day": {"start": "0001-01-01"},
        "to the last day": {"end": "9999-12-31"},
        "the whole range": {"start": "0001-01-01", "end": "9999-12-31"},  # 9,999 years
        "the event's own days": {
            "start": event.date_start.isoformat(),
            "end": event.date_end.isoformat(),
        },
    }[name]


WINDOWS = ["none", "near", "from the first day", "to the last day", "the whole range",
           "the event's own days"]  # fmt: skip


def timeline(client: Client, **params: Any) -> dict[str, Any]:
    response = client.get(TIMELINE, params)
    assert response.status_code == 200, response.content
    return response.json()


def inside_the_range(answer: dict[str, Any]) -> bool:
    start, end = answer["window"]["start"], answer["window"]["end"]
    return "0001-01-01" <= start <= end <= "9999-12-31"


@pytest.mark.parametrize("name", WINDOWS)
def test_the_home_page_finishes_and_lists_the_event(client: Client, edge: Event, name: str) -> None:
    response = client.get(HOME, window(name, edge))
    text = page(response)  # the whole stream: it used to break off after the head
    assert response.status_code == 200
    assert text.rstrip().endswith("</html>")
    assert listed_titles(text) == [edge.title]
    assert f'<time datetime="{edge.html_datetime}">{edge.display_date}</time>' in text
    assert embedded(text, "timeline-data")["events"]["id"] == [edge.pk]
    assert embedded(text, "timeline-config")["range"] == {
        "first": "0001-01-01",
        "last": "9999-12-31",
    }


@pytest.mark.parametrize("name", WINDOWS)
def test_the_timeline_lists_the_event_in_each_window(
    client: Client, edge: Event, name: str
) -> None:
    answer = timeline(client, **window(name, edge))
    assert answer["mode"] == "events"
    assert answer["events"]["id"] == [edge.pk]
    assert answer["events"]["start"] == [edge.date_start.isoformat()]
    assert answer["events"]["days"] == [(edge.date_end - edge.date_start).days]
    assert answer["events"]["date"] == [edge.display_date]
    assert [lane["label"] for lane in answer["lanes"]] == ["All events", edge_actor().name]
    assert inside_the_range(answer)
    assert answer["extent"] == {
        "start": edge.date_start.isoformat(),
        "end": edge.date_end.isoformat(),
    }


def test_without_a_window_the_padding_stops_at_the_ends_of_the_range(client: Client) -> None:
    first, last = make_edge_event("0001-01-01"), make_edge_event("9999-12-31")
    answer = timeline(client)
    assert answer["window"] == {"start": "0001-01-01", "end": "9999-12-31"}
    assert answer["events"]["id"] == [first.pk, last.pk]


def lane_counts(answer: dict[str, Any]) -> dict[int, int]:
    """Bucket -> events counted in the "All events" lane (every quad class)."""
    density = answer["density"]
    out: dict[int, int] = {}
    for lane, bucket, n in zip(density["lane"], density["bucket"], density["count"], strict=True):
        if answer["lanes"][lane]["id"] == 0:
            out[bucket] = out.get(bucket, 0) + n
    return out


def bucket_days(answer: dict[str, Any], bucket: int) -> tuple[date, date]:
    first = date.fromisoformat(answer["density"]["edges"][bucket])
    return first, bucket_end(answer["density"]["unit"], first)


DENSITY_WINDOWS = [
    ("none", {}, ""),  # the crowd's days and the event's, a little padded
    ("the whole range", {}, "year"),  # precomputed counts
    ("the whole range", {"status": "published"}, "year"),  # counted from the filtered events
    ("weeks", {}, "week"),
    ("near", {}, "day"),  # day buckets, counted live from the read model
    ("near", {"status": "published"}, "day"),
]


@pytest.mark.parametrize(("name", "filters", "unit"), DENSITY_WINDOWS)
def test_density_counts_the_event_in_the_buckets_it_overlaps(
    client: Client, edge: Event, name: str, filters: dict[str, str], unit: str
) -> None:
    crowd_near(side_of(edge.edtf), THRESHOLD + 1)
    call_command("rebuild_lane_counts", stdout=io.StringIO())
    answer = timeline(client, **window(name, edge), **filters)
    assert answer["mode"] == "density"
    assert answer["density"]["unit"] == (unit or answer["density"]["unit"])
    assert inside_the_range(answer)
    edges = answer["density"]["edges"]
    assert edges[-1] <= "9999-12-31"
    counted = lane_counts(answer)
    # Each counted bucket holds exactly the public events that overlap it...
    for bucket, n in counted.items():
        assert n == Event.objects.public().overlapping(*bucket_days(answer, bucket)).count()
    # ...and every bucket the event overlaps is counted.
    overlapped = {
        b for b in range(len(edges) - 1) if edge.uncertain_date.overlaps(*bucket_days(answer, b))
    }
    assert overlapped
    assert overlapped <= set(counted)


def test_the_last_density_edge_is_the_last_day_where_the_next_would_be_in_year_10000(
    client: Client,
) -> None:
    crowd_near(LAST, THRESHOLD + 1)
    call_command("rebuild_lane_counts", stdout=io.StringIO())
    answer = timeline(client, start="9999-12-01", end="9999-12-31")
    edges = answer["density"]["edges"]
    assert (answer["density"]["unit"], edges[-3:]) == (
        "day",
        ["9999-12-30", "9999-12-31", "9999-12-31"],
    )
    assert lane_counts(answer)[len(edges) - 2] == THRESHOLD // 20 + 1  # 31 Dec: its crowd


def test_the_event_page_links_to_a_timeline_window_that_shows_it(
    client: Client, edge: Event
) -> None:
    response = client.get(edge.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert edge.title in text
    assert edge.display_date in text
    link = html.unescape(re.search(r'<a href="([^"]+)">← On the timeline', text).group(1))
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert "0001-01-01" <= query["start"] <= edge.date_start.isoformat()
    assert edge.date_end.isoformat() <= query["end"] <= "9999-12-31"
    assert listed_titles(page(client.get(link))) == [edge.title]


def test_the_actor_page_lists_the_event(client: Client, edge: Event) -> None:
    response = client.get(reverse("timeline:actor", kwargs={"slug": edge_actor().slug}))
    assert response.status_code == 200
    text = response.content.decode()
    assert edge.title in text
    assert f'<time datetime="{edge.html_datetime}">{edge.display_date}</time>' in text
