from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Status
from tests.factories import make_event
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.django_db
HOME = reverse("timeline:home")
XSS = "<img src=x onerror=alert(1)>"


def listed_titles(html: str) -> list[str]:
    item = r'<li class="event-item[^"]*" data-event-id="\d+"[^>]*>\s*<time[^>]*>[^<]*</time>\s*'
    return re.findall(item + r'<a href="[^"]+">([^<]+)</a>', html)


def embedded(html: str, element_id: str) -> dict:
    match = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, f"no #{element_id}"
    return json.loads(match.group(1))


def test_the_page_lists_the_published_events_in_date_order_without_javascript(
    client: Client,
) -> None:
    make_seed_events()
    html = client.get(HOME).content.decode()
    assert listed_titles(html) == [
        "Lavrov: Russia will never abandon attempts to negotiate",
        "Dmitriev says Europe is changing its approach",
        "Macron, Stubb and Meloni advocate restarting dialogue with Russia",
        "Macron wants a direct communication channel with Russia",
    ]
    assert '<time datetime="2026-02">Feb 2026</time>' in html
    assert "4 events, " in html


def test_the_list_and_the_embedded_chart_data_hold_the_same_events(client: Client) -> None:
    seeds = make_seed_events()
    html = client.get(HOME).content.decode()
    ids = [int(i) for i in re.findall(r'data-event-id="(\d+)"', html)]
    assert ids == embedded(html, "timeline-data")["events"]["id"]
    assert sorted(ids) == sorted(e.pk for e in seeds.all)


def test_filters_in_the_url_narrow_the_list(client: Client) -> None:
    make_seed_events()
    html = client.get(HOME, {"actor": "sergey-lavrov"}).content.decode()
    assert listed_titles(html) == ["Lavrov: Russia will never abandon attempts to negotiate"]
    html = client.get(HOME, {"start": "2026-02-13", "end": "2026-02-13", "category": "CONSULT"})
    assert listed_titles(html.content.decode()) == [
        "Dmitriev says Europe is changing its approach",
        "Macron wants a direct communication channel with Russia",
    ]


def test_the_form_shows_the_view_in_the_url(client: Client) -> None:
    make_seed_events()
    html = client.get(HOME, {"q": "Lavrov", "start": "2026-01-01", "end": "2026-03-31"})
    text = html.content.decode()
    assert 'name="q" type="search" value="Lavrov"' in text
    assert 'name="start" type="date" value="2026-01-01"' in text


def test_bad_filters_are_explained_on_the_page(client: Client) -> None:
    response = client.get(HOME, {"start": "2026-13-45"})
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_an_event_title_with_markup_is_shown_as_text(client: Client) -> None:
    make_event(when="2026-02-13", title=XSS)
    html = client.get(HOME).content.decode()
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert embedded(html, "timeline-data")["events"]["title"] == [XSS]


def test_readers_are_told_when_nothing_is_published(client: Client) -> None:
    make_event(when="2026-02-13", status=Status.DRAFT)
    html = client.get(HOME).content.decode()
    assert "No events have been published yet." in html
    assert "review queue" not in html


def test_editors_are_pointed_to_the_review_queue_when_drafts_wait(editor_client: Client) -> None:
    make_event(when="2026-02-13", status=Status.DRAFT)
    html = editor_client.get(HOME).content.decode()
    assert "1 draft event waits for review" in html
    assert reverse("admin:events_ingesteddraft_changelist") in html


def test_plotly_comes_from_our_own_static_files(client: Client) -> None:
    html = client.get(HOME).content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert "/static/plotly/plotly.min.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


def test_editors_can_preview_drafts_on_the_timeline(editor_client: Client) -> None:
    draft = make_event(when="2026-02-13", title="Macron speech, as ingested", status=Status.DRAFT)
    html = editor_client.get(HOME, {"status": "draft"}).content.decode()
    assert listed_titles(html) == [draft.title]
    assert "Preview for editors: showing draft events" in html
