from __future__ import annotations

from datetime import date

import pytest

from events.buckets import bucket_from_number
from events.lane_counts import rebuild_lane_counts, sync_lane_counts
from events.models import Actor, Event, LaneSeries, Participation, Status
from events.services import set_event_status
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def counts(grain: str, lane: int = 0, quad: str = "*") -> dict[date, int]:
    """First day of each bucket -> count, for one lane (all quad classes by default)."""
    series = LaneSeries.objects.filter(grain=grain, lane=lane, quad_class=quad).first()
    if series is None:
        return {}
    values = series.values()
    return {bucket_from_number(grain, series.first + i): n for i, n in enumerate(values) if n}


def all_cells() -> set[tuple[object, ...]]:
    return {
        (s.grain, s.lane, s.quad_class, s.first + i, n)
        for s in LaneSeries.objects.all()
        for i, n in enumerate(s.values())
        if n
    }


def test_a_month_counts_in_every_week_it_overlaps_not_on_its_first_day() -> None:
    lavrov = make_actor(name="Sergey Lavrov")
    make_event(when="2026-02", actors=[lavrov], category="DISAPPROVE")
    sync_lane_counts()
    weeks = counts("week", lavrov.pk, quad="verbal_conflict")
    assert sorted(weeks) == [
        date(2026, 1, 26),
        date(2026, 2, 2),
        date(2026, 2, 9),
        date(2026, 2, 16),
        date(2026, 2, 23),
    ]
    # For ranking lanes, "*" counts each event once, in the bucket where it starts.
    assert counts("week", lavrov.pk) == {date(2026, 1, 26): 1}
    assert counts("month") == {date(2026, 2, 1): 1}
    assert counts("quarter") == {date(2026, 1, 1): 1}
    assert counts("year", lavrov.pk, quad="verbal_conflict") == {date(2026, 1, 1): 1}
    assert counts("year", lavrov.pk, quad="material_conflict") == {}


def test_drafts_count_only_once_an_editor_publishes_them(editor: object) -> None:
    macron = make_actor(name="Emmanuel Macron")
    event = make_event(when="2026-02-13", actors=[macron], status=Status.DRAFT)
    sync_lane_counts()
    assert counts("month", macron.pk) == {}
    set_event_status(events=[event], status=Status.PUBLISHED, user=editor)  # type: ignore[arg-type]
    sync_lane_counts()
    assert counts("month", macron.pk) == {date(2026, 2, 1): 1}


def test_moving_an_event_moves_its_counts() -> None:
    stubb = make_actor(name="Alexander Stubb")
    event = make_event(when="2026-02-13", actors=[stubb])
    sync_lane_counts()
    event.date_start = event.date_end = date(2025, 11, 3)
    event.save()
    sync_lane_counts()
    assert counts("month", stubb.pk) == {date(2025, 11, 1): 1}
    assert counts("year") == {date(2025, 1, 1): 1}


def test_a_new_participant_gets_the_event_on_their_lane() -> None:
    meloni, russia = make_actor(name="Giorgia Meloni"), make_actor(name="Russia", kind="state")
    event = make_event(when="2026-02-13", actors=[meloni])
    sync_lane_counts()
    Participation.objects.create(event=event, actor=russia, role="recipient")
    sync_lane_counts()
    assert counts("month", russia.pk) == {date(2026, 2, 1): 1}
    assert counts("month") == {date(2026, 2, 1): 1}


def test_a_deleted_event_leaves_no_count_behind() -> None:
    actor = make_actor()
    keep = make_event(when="2026-02-13", actors=[actor])
    gone = make_event(when="2026-02-14", actors=[actor])
    sync_lane_counts()
    gone.delete()
    sync_lane_counts()
    assert counts("month", actor.pk) == {date(2026, 2, 1): 1}
    assert Event.objects.filter(pk=keep.pk).exists()


def test_syncing_twice_counts_once_and_matches_a_full_rebuild() -> None:
    a, b = make_actor(), make_actor()
    make_event(when="2026-02-13/2026-02-20", actors=[a, b])
    make_event(when="2026", actors=[b], category="FIGHT")
    sync_lane_counts()
    sync_lane_counts()
    incremental = all_cells()
    rebuild_lane_counts()
    rebuilt = all_cells()
    assert incremental == rebuilt
    assert counts("year", b.pk) == {date(2026, 1, 1): 2}


def test_merging_actors_moves_their_counts(editor: object) -> None:
    from events.services import merge_actors

    keep, dup = make_actor(name="Kirill Dmitriev"), make_actor(name="Kirill Dmitriyev")
    make_event(when="2026-02-13", actors=[dup])
    sync_lane_counts()
    merge_actors(keep=keep, duplicates=[dup])
    sync_lane_counts()
    assert counts("month", keep.pk) == {date(2026, 2, 1): 1}
    assert counts("month", dup.pk) == {}
    assert not Actor.objects.filter(pk=dup.pk).exists()


def test_the_rebuild_command_counts_events_written_in_bulk() -> None:
    import io

    from django.core.management import call_command

    actor = make_actor()
    sync_lane_counts()
    Event.objects.bulk_create(
        [
            Event(
                title="Bulk",
                date_start=date(2026, 2, 13),
                date_end=date(2026, 2, 13),
                status="published",
            )
        ]
    )
    out = io.StringIO()
    call_command("rebuild_lane_counts", stdout=out)
    assert "Lane counts rebuilt for 1 public events" in out.getvalue()
    assert counts("month") == {date(2026, 2, 1): 1}
    assert counts("month", actor.pk) == {}
