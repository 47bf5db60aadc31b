from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AbstractUser
from django.core.management import call_command
from playwright.sync_api import Locator, Page, Request, expect

from events.models import Actor, Event, Participation
from tests.browser.chart import (
    chart_event_ids,
    click_marker,
    drag_zoom,
    draws,
    lanes_of,
    list_event_ids,
    wait_drawn,
)
from tests.factories import cite, make_event, make_source
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.browser
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
XSS = "<img src=x onerror=alert(1)>"


def timeline_requests(page: Page) -> list[dict[str, list[str]]]:
    """The query of every /api/timeline/ request the page makes, as it makes them."""
    seen: list[dict[str, list[str]]] = []

    def record(request: Request) -> None:
        if "/api/timeline/" in request.url:
            seen.append(parse_qs(urlsplit(request.url).query))

    page.on("request", record)
    return seen


def test_the_seed_events_appear_in_their_actors_lanes(
    page: Page, site: str, artifacts: Path
) -> None:
    seeds = make_seed_events()
    page.goto(site + "/")
    wait_drawn(page)
    lanes = lanes_of(page)
    assert lanes["All events"] == {e.title for e in seeds.all}
    assert lanes["Emmanuel Macron"] == {
        seeds.speech.title,
        seeds.dmitriev.title,
        seeds.advocacy.title,
    }
    assert lanes["Russia"] == {seeds.speech.title, seeds.advocacy.title}
    assert lanes["Sergey Lavrov"] == {seeds.lavrov.title}
    assert lanes["Giorgia Meloni"] == {seeds.advocacy.title}
    expect(page.locator(".legendtext").first).to_have_text("Verbal cooperation")
    page.screenshot(path=artifacts / "timeline-seed-events.png", full_page=True)


def test_after_make_run_the_reviewed_seed_article_is_on_the_timeline(
    page: Page, site: str, artifacts: Path, django_user_model: type[AbstractUser]
) -> None:
    """What `make run` does: actors, the seed article's drafts, the seed review."""
    # A superuser reviews: earlier browser tests' flushes have removed the groups
    # the migrations create (tests/events/test_apply_reviews.py reviews as an editor).
    django_user_model.objects.create_superuser("reviewer", email="", password=None)
    for command in (
        ("load_actors", str(SEEDS / "actors.json")),
        ("ingest", str(SEEDS)),
        ("apply_reviews", str(SEEDS / "reviews.json"), "--as", "reviewer"),
    ):
        call_command(*command, stdout=open("/dev/null", "w"))  # noqa: SIM115
    lavrov, macron = Event.objects.public().order_by("date_start")
    page.goto(site + "/")
    wait_drawn(page)
    lanes = lanes_of(page)
    assert lanes["All events"] == {lavrov.title, macron.title}
    assert lanes["Sergey Lavrov"] == {lavrov.title}
    assert macron.title in lanes["Emmanuel Macron"]
    assert list_event_ids(page) == [lavrov.pk, macron.pk]
    page.screenshot(path=artifacts / "timeline-make-run.png", full_page=True)


def test_zooming_with_the_mouse_asks_for_that_window_and_redraws(page: Page, site: str) -> None:
    seeds = make_seed_events()
    requests = timeline_requests(page)
    page.goto(site + "/")
    wait_drawn(page)
    before = draws(page)
    with page.expect_response(re.compile(r"/api/timeline/\?")):
        drag_zoom(page, 0.55, 0.95)  # the second half of February
    wait_drawn(page, before + 1)
    asked = requests[-1]
    assert asked["start"][0] > "2026-02-01"
    assert asked["end"][0] >= "2026-02-13"
    window = page.get_attribute("#chart", "data-window")
    assert window == f"{asked['start'][0]}..{asked['end'][0]}"
    assert seeds.lavrov.pk not in chart_event_ids(page)  # 30 January is out of view now
    assert f"start={asked['start'][0]}" in page.url


def test_one_request_at_a_time_and_only_the_latest_window_is_drawn(page: Page, site: str) -> None:
    make_seed_events()
    requests = timeline_requests(page)
    page.goto(site + "/")
    wait_drawn(page)
    # A burst of seven zooms, as a mouse wheel sends them: the first window is asked
    # at once, the last once the burst settles, and none in between.
    page.evaluate(
        """async () => {
          for (let d = 1; d <= 7; d++) {
            await Plotly.relayout('chart', {'xaxis.range': [`2026-01-${10 + d}`, '2026-02-20']});
          }
        }"""
    )
    page.wait_for_function(
        "() => document.getElementById('chart').dataset.window === '2026-01-17..2026-02-19'"
    )
    assert 2 <= len(requests) < 7
    assert requests[0]["start"] == ["2026-01-11"]
    assert requests[-1]["start"] == ["2026-01-17"]
    assert "start=2026-01-17" in page.url  # the settled view, not the first, is in the URL


def test_clicking_an_event_opens_its_page_and_back_returns_to_the_view(
    page: Page, site: str
) -> None:
    seeds = make_seed_events()
    page.goto(site + "/?start=2026-01-25&end=2026-02-20")
    wait_drawn(page)
    click_marker(page, seeds.lavrov.pk)
    page.wait_for_url(f"**{seeds.lavrov.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text(seeds.lavrov.title)
    page.go_back()
    wait_drawn(page)
    assert f"event={seeds.lavrov.pk}" in page.url
    assert "start=2026-01-25" in page.url
    selected = page.locator(f'#event-list li[data-event-id="{seeds.lavrov.pk}"]')
    expect(selected).to_have_attribute("aria-current", "true")


def test_a_url_with_a_window_and_filters_restores_that_view(page: Page, site: str) -> None:
    seeds = make_seed_events()
    page.goto(site + "/?start=2026-02-01&end=2026-02-28&actor=emmanuel-macron&category=CONSULT")
    wait_drawn(page)
    assert set(chart_event_ids(page)) == {seeds.speech.pk, seeds.dmitriev.pk}
    expect(page.locator("#f-actor")).to_have_value("emmanuel-macron")
    expect(page.locator("#f-category")).to_have_value("CONSULT")
    x_range = page.evaluate("() => document.getElementById('chart').layout.xaxis.range")
    assert [str(x)[:10] for x in x_range] == ["2026-02-01", "2026-03-01"]


def test_filters_and_zoom_go_into_history_and_back_restores_them(page: Page, site: str) -> None:
    seeds = make_seed_events()
    page.goto(site + "/")
    wait_drawn(page)
    page.fill("#f-actor", "sergey-lavrov")
    page.click("button[type=submit]")
    page.wait_for_function("() => location.search.includes('actor=sergey-lavrov')")
    wait_drawn(page, 2)
    assert chart_event_ids(page) == [seeds.lavrov.pk]
    page.go_back()
    page.wait_for_function("() => !location.search.includes('actor=')")
    wait_drawn(page, 3)
    assert sorted(chart_event_ids(page)) == sorted(e.pk for e in seeds.all)
    expect(page.locator("#f-actor")).to_have_value("")
    page.go_forward()
    wait_drawn(page, 4)
    assert chart_event_ids(page) == [seeds.lavrov.pk]


def test_the_list_shows_the_same_events_as_the_chart(page: Page, site: str) -> None:
    make_seed_events()
    page.goto(site + "/")
    wait_drawn(page)
    assert list_event_ids(page) == chart_event_ids(page)
    assert len(list_event_ids(page)) == 4
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['2026-02-10', '2026-02-20']})")
    page.wait_for_function(
        "() => document.getElementById('chart').dataset.window.startsWith('2026-02-10')"
    )
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 3")
    assert list_event_ids(page) == chart_event_ids(page)


def test_the_page_makes_no_request_to_any_other_host(page: Page, site: str) -> None:
    make_seed_events()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(site + "/")
    wait_drawn(page)
    drag_zoom(page, 0.3, 0.9)
    wait_drawn(page, 2)
    page.mouse.move(10, 10)
    assert urls
    elsewhere = [u for u in urls if not u.startswith(site) and not u.startswith("data:")]
    assert elsewhere == []


def test_an_event_titled_with_markup_shows_as_text_and_runs_nothing(
    page: Page, site: str, artifacts: Path
) -> None:
    actor = Actor.objects.create(name=XSS, kind="person")
    source = make_source(title=XSS, publisher=XSS, text=f"He said {XSS} loudly.")
    event = make_event(when="2026-02-13", title=XSS, place_name=XSS)
    Participation.objects.create(event=event, actor=actor, role="initiator", role_words=XSS)
    cite(event, source, XSS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site + "/")
    wait_drawn(page)
    expect(page.locator(f'#event-list li[data-event-id="{event.pk}"] a')).to_have_text(XSS)
    click_target = page.evaluate("() => document.querySelectorAll('img').length")
    assert click_target == 0
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['2026-02-01', '2026-02-28']})")
    wait_drawn(page, 2)  # the list is now rebuilt by the script
    expect(page.locator(f'#event-list li[data-event-id="{event.pk}"] a')).to_have_text(XSS)
    position = page.evaluate(
        "() => { const b = document.querySelector('#chart .nsewdrag').getBoundingClientRect();"
        " return [b.left + b.width / 2, b.top + 5]; }"
    )
    page.mouse.move(*position)  # hover labels render the title, actors, quote, source
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert dialogs == []
    page.screenshot(path=artifacts / "timeline-markup-as-text.png")


def test_a_dense_window_is_counts_and_zooming_in_turns_it_into_events(
    page: Page, site: str, artifacts: Path
) -> None:
    make_dense_year()
    page.goto(site + "/")
    wait_drawn(page)
    assert page.get_attribute("#chart", "data-mode") == "density"
    expect(page.locator("#event-list-empty")).to_contain_text("More than 2000 events")
    page.screenshot(path=artifacts / "timeline-density.png")
    page.evaluate("() => Plotly.relayout('chart', {'xaxis.range': ['2024-06-01', '2024-06-08']})")
    page.wait_for_function("() => document.getElementById('chart').dataset.mode === 'events'")
    assert list_event_ids(page) == chart_event_ids(page)
    assert len(list_event_ids(page)) > 10


def test_clicking_a_density_cell_zooms_into_its_period(page: Page, site: str) -> None:
    make_dense_year()
    requests = timeline_requests(page)
    page.goto(site + "/")
    wait_drawn(page)
    x, y, start, end = page.evaluate(BUSIEST_CELL_JS)
    page.mouse.move(x, y)
    expect(page.locator(".hoverlayer")).to_contain_text("event")
    page.mouse.click(x, y)
    last_day = (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    page.wait_for_function(
        f"() => document.getElementById('chart').dataset.window === '{start}..{last_day}'"
    )
    assert requests[-1]["start"] == [start]
    assert requests[-1]["end"] == [last_day]


def test_without_webgl_the_chart_still_draws_every_event(page: Page, site: str) -> None:
    """Some browsers have WebGL switched off: the chart falls back to SVG markers."""
    make_dense_year()
    page.add_init_script(NO_WEBGL_JS)
    # Two months: several hundred events, more markers than the page draws in SVG
    # when it can use WebGL.
    page.goto(site + "/?start=2024-03-01&end=2024-04-30")
    wait_drawn(page)
    assert page.get_attribute("#chart", "data-mode") == "events"
    assert len(list_event_ids(page)) > 300
    assert list_event_ids(page) == chart_event_ids(page)
    expect(page.locator("#chart")).not_to_contain_text("WebGL")


# The busiest bucket of the All events lane: where to click, and the bucket's edges.
BUSIEST_CELL_JS = """() => {
  const gd = document.getElementById("chart");
  const d = geotimeline.timeline.answer().density;
  let best = -1;
  for (let i = 0; i < d.count.length; i++) {
    if (d.lane[i] === 0 && (best < 0 || d.count[i] > d.count[best])) best = i;
  }
  const b = d.bucket[best], q = d.quad[best];
  const fl = gd._fullLayout, box = gd.getBoundingClientRect();
  const mid = (Date.parse(d.edges[b]) + Date.parse(d.edges[b + 1])) / 2;
  const row = gd._fullData.find((t) => t.type === "heatmap").y;
  const y = (row[q] + row[q + 1]) / 2; // lane 0's row for this quad class
  return [box.left + fl._size.l + fl.xaxis.l2p(fl.xaxis.d2l(mid)),
          box.top + fl._size.t + fl.yaxis.l2p(y), d.edges[b], d.edges[b + 1]];
}"""

NO_WEBGL_JS = """(() => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    return /webgl/i.test(kind) ? null : getContext.call(this, kind, ...rest);
  };
})();"""


def make_dense_year() -> None:
    """2,600 synthetic events in 2024 over 30 actors: the whole range is density."""
    call_command(
        "generate_synthetic",
        "--events",
        "2600",
        "--actors",
        "30",
        "--start-year",
        "2024",
        "--end-year",
        "2024",
        "--seed",
        "5",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )


VISIBLE_EVENTS_JS = """() => {
  const answer = geotimeline.timeline.answer();
  return document.getElementById("chart").data
    .filter(t => t.meta && t.meta.kind === "event" && t.visible === true)
    .flatMap(t => t.customdata.map(i => answer.events.id[i]));
}"""


def legend_entry(page: Page, label: str) -> Locator:
    """The clickable part of a legend entry (Plotly lays a toggle over the text)."""
    return page.locator(".legend .traces", has_text=label).locator(".legendtoggle")


def test_the_legend_hides_and_shows_a_quad_class(page: Page, site: str) -> None:
    seeds = make_seed_events()
    page.goto(site + "/")
    wait_drawn(page)
    assert seeds.lavrov.pk in page.evaluate(VISIBLE_EVENTS_JS)
    legend_entry(page, "Verbal conflict").click()
    wait_drawn(page, 2)
    assert seeds.lavrov.pk not in page.evaluate(VISIBLE_EVENTS_JS)
    assert seeds.speech.pk in page.evaluate(VISIBLE_EVENTS_JS)
    legend_entry(page, "Verbal conflict").click()
    wait_drawn(page, 3)
    assert seeds.lavrov.pk in page.evaluate(VISIBLE_EVENTS_JS)


@pytest.mark.parametrize("query", ["start=2026-13", "end=1e10", "start=2026-03&end=2026-01"])
def test_a_page_with_unreadable_filters_says_so_and_breaks_nothing(
    page: Page, site: str, query: str
) -> None:
    make_event(when="2026-02-13", title="Munich")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"{site}/?{query}")
    assert response is not None
    assert response.status == 400
    expect(page.locator(".errors")).to_be_visible()
    expect(page.locator("#chart")).to_have_attribute("data-state", "error")
    expect(page.locator("#chart-status")).to_contain_text("Could not load this view")
    assert errors == []
