"""A planned event reads as announced: a hollow marker and "Planned" in the chart's
hover, a tag in the list, a note on its page; at phone and desktop widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from events.models import Participation
from tests.browser.chart import MARKER_POSITION_JS, wait_drawn
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.browser
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
XSS = "<img src=x onerror=alert(1)>"

# The symbol each event's marker is drawn with, by event id.
SYMBOLS_JS = """() => {
  const gd = document.getElementById("chart");
  const ids = geotimeline.timeline.answer().events.id;
  const out = {};
  for (const t of gd._fullData) {
    if (!t.meta || t.meta.kind !== "event") continue;
    t.customdata.forEach((i, k) => { out[ids[i]] = t.marker.symbol[k]; });
  }
  return out;
}"""


def _events() -> tuple[Any, Any]:
    stubb = make_actor(name="Alexander Stubb")
    visit = make_event(title=f"Stubb will visit Washington {XSS}", when="2026-02-20", planned=True)
    met = make_event(title="Stubb met Macron", when="2026-02-13")
    for event in (visit, met):
        Participation.objects.create(event=event, actor=stubb, role="initiator")
    return visit, met


def _hover(page: Page, event_id: int) -> None:
    page.locator("#chart").scroll_into_view_if_needed()
    position = page.evaluate(MARKER_POSITION_JS, [event_id, 0])
    assert position, f"event {event_id} is not drawn"
    page.mouse.move(position[0], position[1])


@pytest.mark.parametrize("width", WIDTHS)
def test_a_planned_event_is_hollow_and_says_planned_in_the_hover(
    page: Page, site: str, artifacts: Path, width: str
) -> None:
    visit, met = _events()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))  # type: ignore[arg-type]
    page.goto(site + "/?start=2026-02-01&end=2026-02-28")
    wait_drawn(page)
    symbols = page.evaluate(SYMBOLS_JS)
    assert symbols[str(visit.pk)] == "circle-open"
    assert symbols[str(met.pk)] == "circle"
    item = page.locator(f'#event-list li[data-event-id="{visit.pk}"]')
    expect(item.locator(".tag.planned")).to_have_text("planned")
    expect(page.locator(f'#event-list li[data-event-id="{met.pk}"] .tag')).to_have_count(0)
    _hover(page, visit.pk)
    hover = page.locator(".hoverlayer")
    expect(hover).to_contain_text("Planned: announced, not known to have happened")
    expect(hover).to_contain_text(XSS)  # the title as text, escaped like the rest
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    page.screenshot(path=artifacts / f"timeline-planned-hover-{width}.png")
    _hover(page, met.pk)
    expect(hover).to_contain_text("Stubb met Macron")
    expect(hover).not_to_contain_text("Planned")


def test_the_list_rebuilt_by_the_script_keeps_the_planned_tag(page: Page, site: str) -> None:
    visit, _ = _events()
    page.goto(site + "/")
    wait_drawn(page)
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['2026-02-10', '2026-02-25']})")
    wait_drawn(page, 2)  # the list is now built by list.js
    item = page.locator(f'#event-list li[data-event-id="{visit.pk}"]')
    expect(item.locator(".tag.planned")).to_have_text("planned")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_planned_events_page_says_it_is_planned(
    page: Page, site: str, artifacts: Path, width: str
) -> None:
    visit, _ = _events()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))  # type: ignore[arg-type]
    page.goto(site + visit.get_absolute_url())
    note = page.locator(".planned-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("not known to have happened")
    page.screenshot(path=artifacts / f"event-planned-{width}.png", full_page=True)
