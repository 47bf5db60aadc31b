"""The page at the ends of the supported range: events in year 1 and year 9999, and a
reader who zooms out past them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.browser.chart import chart_event_ids, list_event_ids, wait_drawn
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.browser
FIRST, LAST = "0001-01-01", "9999-12-31"

AXIS_JS = "() => document.getElementById('chart').layout.xaxis.range.map(String)"


def problems_of(page: Page) -> list[str]:
    """Console errors and uncaught exceptions, as they happen."""
    seen: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def windows_asked(page: Page) -> list[tuple[str, str]]:
    asked: list[tuple[str, str]] = []

    def record(url: str) -> None:
        query = parse_qs(urlsplit(url).query)
        asked.append((query.get("start", [""])[0], query.get("end", [""])[0]))

    page.on("request", lambda r: record(r.url) if "/api/timeline/" in r.url else None)
    return asked


def wheel_out(page: Page, notches: int) -> None:
    box = page.locator("#chart .nsewdrag").first.bounding_box()
    assert box
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(notches):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(30)


def test_events_in_year_1_and_9999_draw_and_zooming_out_past_the_ends_keeps_working(
    page: Page, site: str, artifacts: Path
) -> None:
    actor = make_actor(name="Ancient and future")
    first = make_event(when="0001-01", title="The first month", actors=[actor])
    last = make_event(when="9999-12-30/9999-12-31", title="The last two days", actors=[actor])
    problems = problems_of(page)
    asked = windows_asked(page)
    page.goto(site + "/")
    wait_drawn(page)
    assert chart_event_ids(page) == list_event_ids(page) == [first.pk, last.pk]
    assert page.get_attribute("#chart", "data-window") == f"{FIRST}..{LAST}"

    # Past year 1 Plotly's axis reaches negative years: the page asks for the range's
    # first day and brings the axis back to it.
    drawn = int(page.get_attribute("#chart", "data-draws") or 0)
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['-0500-01-01', '5000-01-01']})")
    wait_drawn(page, drawn + 1)
    expect(page.locator("#chart")).to_have_attribute("data-window", f"{FIRST}..4999-12-31")
    assert asked[-1] == (FIRST, "4999-12-31")
    assert page.evaluate(AXIS_JS)[0].startswith(FIRST)
    assert chart_event_ids(page) == list_event_ids(page) == [first.pk]
    # The list is now built by the script: a month stays a month in year 1 too.
    time = page.locator(f'#event-list li[data-event-id="{first.pk}"] time')
    expect(time).to_have_attribute("datetime", "0001-01")

    # The mouse wheel, far past both ends.
    wheel_out(page, 30)
    expect(page.locator("#chart")).to_have_attribute("data-window", f"{FIRST}..{LAST}")
    assert all(FIRST <= start <= end <= LAST for start, end in asked), asked
    x0, x1 = page.evaluate(AXIS_JS)
    assert x0 >= FIRST
    assert x1.startswith(LAST)
    assert chart_event_ids(page) == list_event_ids(page) == [first.pk, last.pk]
    page.screenshot(path=artifacts / "timeline-supported-range.png", full_page=True)
    assert problems == []


def test_when_plotly_gives_up_on_a_zoom_out_the_page_shows_the_whole_range(
    page: Page, site: str
) -> None:
    """A flicked wheel can take Plotly's axis past 9999 between two of the page's
    checks (seen by a tester, 2 runs in 5); Plotly then resets it to its default,
    the year 2000, and the reader's events vanish. The page takes that reset for
    what the reader was doing: zooming out."""
    actor = make_actor(name="Ancient and future")
    make_event(when="0001-01", title="The first month", actors=[actor])
    make_event(when="2026-02-13", title="Munich", actors=[actor])
    problems = problems_of(page)
    page.goto(site + "/?start=2026-02-01&end=2026-02-28")
    wait_drawn(page)
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['2000-01-01', '2001-01-01']})")
    expect(page.locator("#chart")).to_have_attribute("data-window", f"{FIRST}..{LAST}")
    x0, x1 = page.evaluate(AXIS_JS)
    assert x0.startswith(FIRST)
    assert x1.startswith(LAST)
    assert problems == []
