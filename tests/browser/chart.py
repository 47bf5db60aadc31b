"""Reading the drawn chart from the page, the way a test looks at it."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# (lane label as drawn, event id, title) for every event marker on the chart.
MARKERS_JS = """() => {
  const gd = document.getElementById("chart");
  const answer = geotimeline.timeline.answer();
  const labels = gd.layout.yaxis.ticktext;
  const out = [];
  for (const t of gd.data) {
    if (!t.meta || t.meta.kind !== "event") continue;
    t.y.forEach((y, k) => {
      const i = t.customdata[k];
      out.push([labels[y], answer.events.id[i], answer.events.title[i]]);
    });
  }
  return out;
}"""

# Where on the screen the marker of event `id` in lane `lane` is drawn.
MARKER_POSITION_JS = """([id, lane]) => {
  const gd = document.getElementById("chart");
  const answer = geotimeline.timeline.answer();
  const i = answer.events.id.indexOf(id);
  const fl = gd._fullLayout;
  const box = gd.getBoundingClientRect();
  for (const t of gd._fullData) {
    if (!t.meta || t.meta.kind !== "event") continue;
    for (let k = 0; k < t.customdata.length; k++) {
      if (t.customdata[k] !== i || t.y[k] !== lane) continue;
      return [box.left + fl._size.l + fl.xaxis.l2p(fl.xaxis.d2l(t.x[k])),
              box.top + fl._size.t + fl.yaxis.l2p(t.y[k])];
    }
  }
  return null;
}"""


def wait_drawn(page: Page, draws: int = 1) -> None:
    """Until the chart has been drawn `draws` times (the first answer is draw 1)."""
    page.wait_for_function(
        f"() => Number(document.getElementById('chart').dataset.draws || 0) >= {draws}"
    )


def draws(page: Page) -> int:
    return int(page.get_attribute("#chart", "data-draws") or 0)


def markers(page: Page) -> list[tuple[str, int, str]]:
    return [tuple(m) for m in page.evaluate(MARKERS_JS)]  # type: ignore[misc]


def lanes_of(page: Page) -> dict[str, set[str]]:
    """Lane label -> titles of the events drawn in it."""
    out: dict[str, set[str]] = {}
    for label, _, title in markers(page):
        out.setdefault(label, set()).add(title)
    return out


def chart_event_ids(page: Page) -> list[int]:
    """The events on the chart, in date order (the All events lane holds each once)."""
    order = page.evaluate("() => geotimeline.timeline.answer().events.id")
    drawn = {event_id for label, event_id, _ in markers(page) if label == "All events"}
    return [i for i in order if i in drawn]


def list_event_ids(page: Page) -> list[int]:
    ids = page.eval_on_selector_all(
        "#event-list li[data-event-id]", "items => items.map(li => li.dataset.eventId)"
    )
    return [int(i) for i in ids]


def click_marker(page: Page, event_id: int, lane: int = 0) -> None:
    position: Any = page.evaluate(MARKER_POSITION_JS, [event_id, lane])
    assert position, f"event {event_id} is not drawn in lane {lane}"
    page.mouse.move(position[0], position[1])
    page.mouse.click(position[0], position[1])


def drag_zoom(page: Page, start: float, end: float) -> None:
    """Drag across the plot area from `start` to `end` (fractions of its width)."""
    box = page.locator("#chart .nsewdrag").first.bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * end, y, steps=5)
    page.mouse.up()
