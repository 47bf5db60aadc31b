from __future__ import annotations

import gzip
import json
import re
import zlib

import pytest
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from events.models import Status
from tests.factories import make_event
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.django_db
HOME = reverse("timeline:home")
XSS = "<img src=x onerror=alert(1)>"


def page(response: HttpResponseBase) -> str:
    """The page as the browser gets it (it is streamed: head first, then the rest)."""
    return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]


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
    html = page(client.get(HOME))
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
    html = page(client.get(HOME))
    ids = [int(i) for i in re.findall(r'data-event-id="(\d+)"', html)]
    assert ids == embedded(html, "timeline-data")["events"]["id"]
    assert sorted(ids) == sorted(e.pk for e in seeds.all)


def test_filters_in_the_url_narrow_the_list(client: Client) -> None:
    make_seed_events()
    html = page(client.get(HOME, {"actor": "sergey-lavrov"}))
    assert listed_titles(html) == ["Lavrov: Russia will never abandon attempts to negotiate"]
    html = client.get(HOME, {"start": "2026-02-13", "end": "2026-02-13", "category": "CONSULT"})
    assert listed_titles(page(html)) == [
        "Dmitriev says Europe is changing its approach",
        "Macron wants a direct communication channel with Russia",
    ]


def test_the_form_shows_the_view_in_the_url(client: Client) -> None:
    make_seed_events()
    html = client.get(HOME, {"q": "Lavrov", "start": "2026-01-01", "end": "2026-03-31"})
    text = page(html)
    assert 'name="q" type="search" value="Lavrov"' in text
    assert 'name="start" type="date" value="2026-01-01"' in text


def test_bad_filters_are_explained_on_the_page(client: Client) -> None:
    response = client.get(HOME, {"start": "2026-13-45"})
    assert response.status_code == 400
    assert "could not be read" in page(response)


def test_an_event_title_with_markup_is_shown_as_text(client: Client) -> None:
    make_event(when="2026-02-13", title=XSS)
    html = page(client.get(HOME))
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert embedded(html, "timeline-data")["events"]["title"] == [XSS]


def test_readers_are_told_when_nothing_is_published(client: Client) -> None:
    make_event(when="2026-02-13", status=Status.DRAFT)
    html = page(client.get(HOME))
    assert "No events have been published yet." in html
    assert "review queue" not in html


def test_editors_are_pointed_to_the_review_queue_when_drafts_wait(editor_client: Client) -> None:
    make_event(when="2026-02-13", status=Status.DRAFT)
    html = page(editor_client.get(HOME))
    assert "1 draft event waits for review" in html
    assert reverse("admin:events_ingesteddraft_changelist") in html


def test_plotly_comes_from_our_own_static_files(client: Client) -> None:
    html = page(client.get(HOME))
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert "/static/plotly/plotly.min.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


def test_editors_can_preview_drafts_on_the_timeline(editor_client: Client) -> None:
    draft = make_event(when="2026-02-13", title="Macron speech, as ingested", status=Status.DRAFT)
    html = page(editor_client.get(HOME, {"status": "draft"}))
    assert listed_titles(html) == [draft.title]
    assert "Preview for editors: showing draft events" in html


def test_the_head_leaves_before_the_events_are_read(client: Client) -> None:
    """The first part of the page names plotly.js, so the browser fetches it while
    the server reads the window's events; gzip is flushed after that part."""
    seeds = make_seed_events()
    for encoding in ("identity", "gzip"):
        response = client.get(HOME, HTTP_ACCEPT_ENCODING=encoding)
        assert "Accept-Encoding" in response["Vary"]
        parts = list(response.streaming_content)  # type: ignore[attr-defined]
        if encoding == "gzip":
            assert response["Content-Encoding"] == "gzip"
            head = zlib.decompressobj(wbits=31).decompress(parts[0]).decode()
            whole = gzip.decompress(b"".join(parts)).decode()
        else:
            assert not response.has_header("Content-Encoding")
            head, whole = parts[0].decode(), b"".join(parts).decode()
        # (followed by the CSP nonce: tests/test_security_headers.py)
        preload = '<link rel="preload" href="/static/plotly/plotly.min.js" as="script"'
        assert preload in head
        assert "event-list" not in head
        assert whole.startswith(head)
        assert sorted(listed_titles(whole)) == sorted(e.title for e in seeds.all)
        assert whole.rstrip().endswith("</html>")
