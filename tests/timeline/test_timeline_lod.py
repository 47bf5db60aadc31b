from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from events.models import Event, Status
from tests.factories import make_actor, make_event
from tests.timeline.seedlike import make_seed_events
from timeline.lod import Scope, build_timeline

pytestmark = pytest.mark.django_db


def answer(start: str | None = None, end: str | None = None, **scope: Any) -> dict[str, Any]:
    events = Event.objects.public()
    first = date.fromisoformat(start) if start else None
    last = date.fromisoformat(end) if end else None
    if first and last:
        events = events.overlapping(first, last)
    scope.setdefault("precomputed", True)
    return build_timeline(
        events, Scope(start=first, end=last, **scope), extent_of=Event.objects.public()
    )


def titles(result: dict[str, Any]) -> list[str]:
    return result["events"]["title"]


def test_the_seed_events_come_in_date_order_with_their_dates_as_written() -> None:
    make_seed_events()
    result = answer()
    assert result["mode"] == "events"
    assert titles(result)[0] == "Lavrov: Russia will never abandon attempts to negotiate"
    dates = dict(zip(titles(result), result["events"]["date"], strict=True))
    assert dates["Macron wants a direct communication channel with Russia"] == "13 Feb 2026"
    assert dates["Dmitriev says Europe is changing its approach"] == "Feb 2026"


def test_a_month_spans_the_whole_month_instead_of_its_first_day() -> None:
    make_seed_events()
    events = answer()["events"]
    i = events["title"].index("Dmitriev says Europe is changing its approach")
    assert (events["start"][i], events["days"][i]) == ("2026-02-01", 27)


def test_each_event_names_its_actors_with_roles_and_its_first_quote_and_source() -> None:
    make_seed_events()
    result = answer()
    events, actors, roles = result["events"], result["actors"], result["roles"]
    i = events["title"].index("Macron wants a direct communication channel with Russia")
    named = [(actors["name"][a[0]], roles[a[1]]["key"], *a[2:]) for a in events["actors"][i]]
    assert named == [
        ("Emmanuel Macron", "initiator", "French President"),
        ("Russia", "recipient"),
    ]
    assert events["quote"][i] == "he wanted to create a direct communication channel with Russia"
    assert result["sources"]["publisher"][events["source"][i]] == "Sputnik"


def test_the_most_active_actors_get_lanes_under_all_events() -> None:
    make_seed_events()
    lanes = [lane["label"] for lane in answer(lanes=2)["lanes"]]
    assert lanes == ["All events", "Emmanuel Macron", "Russia"]


def test_lanes_group_by_country() -> None:
    make_seed_events()
    lanes = answer(group="country", lanes=6)["lanes"][1:]
    groups = [lane["group"] for lane in lanes]
    assert groups == sorted(groups, key=groups.index)  # each country's lanes together
    assert {"FRA", "RUS"} <= set(groups)


def test_drafts_and_other_windows_stay_out() -> None:
    make_seed_events()
    make_event(when="2026-02-10", title="Unreviewed draft", status=Status.DRAFT)
    make_event(when="2025-06-01", title="Last summer")
    result = answer("2026-01-01", "2026-03-31")
    assert "Unreviewed draft" not in titles(result)
    assert "Last summer" not in titles(result)
    assert result["total"] == 4


def test_over_the_threshold_the_answer_is_counts_per_lane_and_bucket() -> None:
    putin = make_actor(name="Vladimir Putin")
    for day in range(1, 29):
        make_event(when=f"2026-02-{day:02d}", actors=[putin], category="FIGHT")
    result = answer("2026-02-01", "2026-02-28", threshold=10)
    assert result["mode"] == "density"
    density, lanes = result["density"], result["lanes"]
    assert density["unit"] == "day"
    assert [lane["label"] for lane in lanes] == ["All events", "Vladimir Putin"]
    putin_lane = [lane["label"] for lane in lanes].index("Vladimir Putin")
    assert (
        sum(
            n
            for lane, n in zip(density["lane"], density["count"], strict=True)
            if lane == putin_lane
        )
        == 28
    )


def test_precomputed_counts_equal_counts_made_from_the_events() -> None:
    a, b = make_actor(name="A"), make_actor(name="B")
    for month in range(1, 13):
        make_event(when=f"2025-{month:02d}", actors=[a, b], category="AGREE")
        make_event(when=f"2025-{month:02d}-15", actors=[b], category="FIGHT")
    make_event(when="2025", actors=[a])
    precomputed = answer("2025-01-01", "2025-12-31", threshold=5)
    live = answer("2025-01-01", "2025-12-31", threshold=5, precomputed=False)
    assert precomputed["density"]["unit"] == live["density"]["unit"] == "week"
    assert precomputed["density"] == live["density"]
    assert precomputed["lanes"] == live["lanes"]


def test_zooming_in_switches_from_counts_to_events() -> None:
    actor = make_actor()
    for day in range(1, 29):
        make_event(when=f"2026-02-{day:02d}", actors=[actor])
    assert answer("2026-02-01", "2026-02-28", threshold=10)["mode"] == "density"
    week = answer("2026-02-09", "2026-02-15", threshold=10)
    assert week["mode"] == "events"
    assert week["total"] == 7


def test_an_edit_shows_in_the_next_answer() -> None:
    seeds = make_seed_events()
    answer()
    seeds.lavrov.title = "Lavrov: no consensus with Europe's current leaders"
    seeds.lavrov.save()
    assert "Lavrov: no consensus with Europe's current leaders" in titles(answer())


@pytest.mark.parametrize(
    "filters",
    [
        {"categories": ("FIGHT",)},
        {"quads": ("verbal_cooperation",)},
        {"categories": ("AGREE", "FIGHT"), "quads": ("material_conflict",)},
    ],
)
def test_filtered_precomputed_counts_equal_counts_made_from_the_events(
    filters: dict[str, Any],
) -> None:
    a, b = make_actor(name="A"), make_actor(name="B")
    for month in range(1, 13):
        make_event(when=f"2025-{month:02d}", actors=[a, b], category="AGREE")
        make_event(when=f"2025-{month:02d}-15", actors=[b], category="FIGHT")
        make_event(when=f"2025-{month:02d}-20", actors=[a], category="PROTEST")
    events = Event.objects.public().overlapping(date(2025, 1, 1), date(2025, 12, 31))
    if "categories" in filters:
        events = events.with_category(*filters["categories"])
    if "quads" in filters:
        events = events.in_quad(*filters["quads"])
    scope = {"start": date(2025, 1, 1), "end": date(2025, 12, 31), "threshold": 5, **filters}
    precomputed = build_timeline(events, Scope(precomputed=True, **scope), extent_of=events)
    live = build_timeline(events, Scope(precomputed=False, **scope), extent_of=events)
    assert precomputed["density"] == live["density"]
    assert [lane["id"] for lane in precomputed["lanes"]] == [lane["id"] for lane in live["lanes"]]


def test_the_category_filter_counts_only_that_category() -> None:
    actor = make_actor()
    for day in range(1, 20):
        make_event(when=f"2025-03-{day:02d}", actors=[actor], category="FIGHT")
        make_event(when=f"2025-03-{day:02d}", actors=[actor], category="AGREE")
    events = Event.objects.public().with_category("FIGHT")
    result = build_timeline(
        events, Scope(categories=("FIGHT",), precomputed=True, threshold=5), extent_of=events
    )
    density = result["density"]
    assert (
        sum(n for lane, n in zip(density["lane"], density["count"], strict=True) if lane == 0) == 19
    )
    assert set(density["quad"]) == {3}  # material conflict
