"""The database itself refuses rows that break the register's invariants."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from events.models import Actor, Event, Participation, Source
from tests.factories import make_actor, make_event, make_source

pytestmark = pytest.mark.django_db


def _refused(callable_, *args, **kwargs) -> bool:
    try:
        with transaction.atomic():
            callable_(*args, **kwargs)
    except IntegrityError:
        return True
    return False


def test_it_refuses_an_event_that_ends_before_it_starts():
    assert _refused(
        Event.objects.create,
        title="x",
        date_start=date(2026, 2, 14),
        date_end=date(2026, 2, 13),
        precision="range",
    )


def test_it_refuses_a_day_precision_event_spanning_two_days():
    assert _refused(
        Event.objects.create,
        title="x",
        date_start=date(2026, 2, 13),
        date_end=date(2026, 2, 14),
        precision="day",
    )


def test_it_refuses_a_range_of_one_day():
    assert _refused(
        Event.objects.create,
        title="x",
        date_start=date(2026, 2, 13),
        date_end=date(2026, 2, 13),
        precision="range",
    )


def test_it_refuses_an_unknown_precision_status_category_or_date_basis():
    base = {"title": "x", "date_start": date(2026, 2, 13), "date_end": date(2026, 2, 13)}
    assert _refused(Event.objects.create, **base, precision="decade")
    assert _refused(Event.objects.create, **base, status="hidden")
    assert _refused(Event.objects.create, **base, category="HUG")
    assert _refused(Event.objects.create, **base, date_basis="guess")


def test_it_refuses_two_sources_with_the_same_normalised_url():
    make_source(url="https://news.example.org/a?utm_source=feed")
    assert _refused(Source.objects.create, url="HTTPS://News.Example.org/a#top", text="b")
    assert Source.objects.count() == 1


def test_it_refuses_the_same_actor_twice_in_the_same_role():
    actor = make_actor()
    event = make_event()
    Participation.objects.create(event=event, actor=actor, role="initiator")
    assert _refused(Participation.objects.create, event=event, actor=actor, role="initiator")
    # The same actor in another role is a different fact.
    Participation.objects.create(event=event, actor=actor, role="recipient")
    assert event.participations.count() == 2


@pytest.mark.parametrize("bad_id", ["3052772", "q3052772x", "Q", "Q0123", "P31"])
def test_it_refuses_a_malformed_wikidata_id(bad_id):
    # save() upper-cases the id, so write it raw with update() to reach the database.
    actor = make_actor()
    assert _refused(Actor.objects.filter(pk=actor.pk).update, wikidata_id=bad_id)


def test_it_refuses_a_wikidata_id_used_twice_but_allows_many_blanks():
    make_actor(wikidata_id="Q3052772")
    assert _refused(make_actor, wikidata_id="Q3052772")
    make_actor(wikidata_id="")
    make_actor(wikidata_id="")
    assert Actor.objects.filter(wikidata_id="").count() == 2


def test_a_url_with_an_impossible_port_is_a_field_error_not_a_crash():
    from django.core.exceptions import ValidationError

    source = Source(url="https://news.example.org:99999/a", text="x")
    with pytest.raises(ValidationError) as caught:
        source.full_clean()
    assert "not a valid URL" in str(caught.value.message_dict["url"])
