"""Storing a plan: what a draft's date rests on and whether it is planned reach the event,
and a re-ingested text keeps them in line with what extraction now says."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events.edtf import UncertainDate
from events.ingest.drafts import ArticlePlan, DraftPlan, ParticipantPlan
from events.ingest.store import store_plan
from events.models import DateBasis, Event, Role, Source
from tests.factories import make_actor

pytestmark = pytest.mark.django_db
TEXT = "Boeing has announced that it will build a plant. Boeing will open it on Friday."


def _source() -> Source:
    return Source.objects.create(
        url="https://news.example.org/boeing", published=date(2026, 2, 13), text=TEXT
    )


def _draft(actor_id: int, **fields: object) -> DraftPlan:
    quote = "Boeing has announced that it will build a plant."
    plan = DraftPlan(
        key="s1",
        title="Boeing announces a plant",
        value=UncertainDate.from_edtf("2026-02-13~"),
        date_text="",
        date_resolution="the article's publication date",
        quote=quote,
        start=0,
        end=len(quote),
        participants=[ParticipantPlan(actor_id, Role.INITIATOR)],
        date_basis=DateBasis.PUBLICATION,
        planned=False,
    )
    return replace(plan, **fields)  # type: ignore[arg-type]


def test_a_draft_dated_from_the_article_is_stored_as_such() -> None:
    boeing = make_actor(name="Boeing", kind="organization")
    counts = store_plan(_source(), ArticlePlan(drafts=[_draft(boeing.pk)]), None)
    event = Event.objects.get(pk=counts.created[0])
    assert event.date_basis == DateBasis.PUBLICATION
    assert event.approximate is True
    assert event.planned is False
    assert event.origin == "ingest"


def test_a_planned_draft_is_stored_as_planned() -> None:
    boeing = make_actor(name="Boeing", kind="organization")
    plan = _draft(boeing.pk, planned=True, date_basis=DateBasis.WORDS)
    counts = store_plan(_source(), ArticlePlan(drafts=[plan]), None)
    event = Event.objects.get(pk=counts.created[0])
    assert (event.planned, event.date_basis) == (True, DateBasis.WORDS)


def test_a_rewritten_untouched_draft_follows_the_new_basis_and_plan() -> None:
    boeing = make_actor(name="Boeing", kind="organization")
    source = _source()
    (pk,) = store_plan(source, ArticlePlan(drafts=[_draft(boeing.pk)]), None).created
    rewritten = _draft(
        boeing.pk,
        value=UncertainDate.from_edtf("2026-02-20"),
        date_text="on Friday",
        date_basis=DateBasis.WORDS,
        planned=True,
    )
    counts = store_plan(source, ArticlePlan(drafts=[rewritten]), None)
    assert counts.updated == 1
    event = Event.objects.get(pk=pk)
    assert (event.date_basis, event.planned, event.edtf) == (DateBasis.WORDS, True, "2026-02-20")
    # And back: nothing of the earlier plan sticks.
    store_plan(source, ArticlePlan(drafts=[_draft(boeing.pk)]), None)
    event.refresh_from_db()
    assert (event.date_basis, event.planned) == (DateBasis.PUBLICATION, False)


def test_a_draft_an_editor_touched_keeps_what_the_editor_left(editor: object) -> None:
    from events import editing

    boeing = make_actor(name="Boeing", kind="organization")
    source = _source()
    (pk,) = store_plan(source, ArticlePlan(drafts=[_draft(boeing.pk)]), None).created
    event = Event.objects.get(pk=pk)
    editing.update_event(
        event_id=pk,
        expected_version=event.version,
        user=editor,
        data={"date": UncertainDate.from_edtf("2026-02-12")},
    )
    counts = store_plan(source, ArticlePlan(drafts=[_draft(boeing.pk, planned=True)]), None)
    assert counts.kept == 1
    event.refresh_from_db()
    assert (event.date_basis, event.planned, event.edtf) == (DateBasis.EDITOR, False, "2026-02-12")
