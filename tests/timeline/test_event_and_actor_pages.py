from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.editing import change_status
from events.models import Actor, Affiliation, EventLink, Status
from tests.factories import make_actor, make_event, make_topic
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.django_db
XSS = "<img src=x onerror=alert(1)>"


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_event_page_shows_date_place_actors_roles_quotes_and_source(client: Client) -> None:
    seeds = make_seed_events()
    seeds.speech.topics.add(make_topic(name="European security architecture"))
    html = page(client, seeds.speech.get_absolute_url())
    assert "<h1>Macron wants a direct communication channel with Russia</h1>" in html
    assert '<time datetime="2026-02-13">13 Feb 2026</time>' in html
    assert "as written: “on Friday”" in html
    assert "Munich Security Conference" in html
    assert '>Emmanuel Macron</a> — initiator <span class="hint">(“French President”)' in html
    assert "“he wanted to create a direct communication channel with Russia”" in html
    assert f'href="{seeds.source.url}"' in html
    assert "European security architecture" in html


def test_a_month_is_shown_as_a_month_with_its_bounds(client: Client) -> None:
    seeds = make_seed_events()
    html = page(client, seeds.dmitriev.get_absolute_url())
    assert ">Feb 2026</time>" in html
    assert "known to the month: 1 Feb 2026 – 28 Feb 2026" in html


def test_related_events_are_linked_both_ways(client: Client) -> None:
    seeds = make_seed_events()
    EventLink.objects.create(from_event=seeds.dmitriev, to_event=seeds.speech, kind="responds_to")
    assert "This event responds to <a" in page(client, seeds.dmitriev.get_absolute_url())
    html = page(client, seeds.speech.get_absolute_url())
    assert f"{seeds.dmitriev.title}</a> responds to this event" in html


def test_history_shows_published_changes_but_not_draft_edits_or_editors(
    client: Client, editor: User
) -> None:
    event = make_event(when="2026-02", title="First wording", status=Status.DRAFT, evidence=True)
    event.title = "Draft-only wording"
    event.save()
    change_status(events=[event], status=Status.PUBLISHED, user=editor)  # type: ignore[arg-type]
    event.title = "Corrected wording"
    event.date_start = event.date_end = event.date_start.replace(day=13)
    event.precision = "day"
    event.save()
    html = page(client, event.get_absolute_url())
    assert "Published" in html
    assert "Title: “Draft-only wording” → “Corrected wording”" in html
    assert "Date: Feb 2026 → 13 Feb 2026" in html
    assert "First wording" not in html
    assert "edith" not in html


def test_drafts_are_not_found_by_readers(client: Client) -> None:
    draft = make_event(when="2026-02-13", status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/events/{draft.pk}/").status_code == 404


def test_a_retracted_event_says_so(client: Client) -> None:
    event = make_event(when="2026-02-13", status=Status.RETRACTED)
    assert "This event has been retracted." in page(client, event.get_absolute_url())


def test_an_old_or_missing_slug_redirects_to_the_canonical_address(client: Client) -> None:
    event = make_event(when="2026-02-13", title="Macron speaks in Munich")
    response = client.get(f"/events/{event.pk}/")
    assert response.status_code == 301
    assert response["Location"] == event.get_absolute_url()


def test_an_address_follows_a_drafts_title_and_stays_once_published(editor: User) -> None:
    event = make_event(title="Working title", status=Status.DRAFT, evidence=True)
    event.title = "Macron speaks in Munich"
    event.save()
    assert event.get_absolute_url() == f"/events/{event.pk}/macron-speaks-in-munich/"
    change_status(events=[event], status=Status.PUBLISHED, user=editor)
    event.title = "Macron speaks at the Munich Security Conference"
    event.save()
    assert event.get_absolute_url() == f"/events/{event.pk}/macron-speaks-in-munich/"


def test_an_address_stays_once_readers_saw_a_retraction_straight_from_draft(
    editor: User,
) -> None:
    event = make_event(title="Macron speaks in Munich", status=Status.DRAFT, evidence=True)
    change_status(events=[event], status=Status.RETRACTED, user=editor)
    change_status(events=[event], status=Status.DRAFT, user=editor)
    event.title = "Macron speaks at the Munich Security Conference"
    event.save()
    assert event.get_absolute_url() == f"/events/{event.pk}/macron-speaks-in-munich/"


def test_user_text_on_event_and_actor_pages_is_escaped(client: Client) -> None:
    actor = make_actor(name=XSS, description=XSS)
    event = make_event(when="2026-02-13", title=XSS, summary=XSS, actors=[actor])
    for url in (event.get_absolute_url(), actor.get_absolute_url()):
        html = page(client, url)
        assert XSS not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_an_actor_page_shows_who_they_are_aliases_ties_and_events(client: Client) -> None:
    seeds = make_seed_events()
    lavrov = Actor.objects.get(slug="sergey-lavrov")
    html = page(client, lavrov.get_absolute_url())
    assert "<h1>Sergey Lavrov</h1>" in html
    assert "Minister of Foreign Affairs of Russia." in html
    assert '<li lang="ru">Сергей Лавров' in html
    assert 'Minister of Foreign Affairs, <a href="/actors/russia/">Russia</a>' in html
    assert seeds.lavrov.title in html
    assert 'id="chart"' in html
    russia = page(client, "/actors/russia/")
    assert ">Sergey Lavrov</a>: Minister of Foreign Affairs" in russia


def test_an_actor_page_leaves_drafts_out_and_pages_through_many_events(client: Client) -> None:
    actor = make_actor(name="Busy actor")
    make_event(when="2020-01-01", title="Unpublished", actors=[actor], status=Status.DRAFT)
    for day in range(1, 56):
        make_event(when=f"2021-01-01/2021-03-{day % 28 + 2:02d}", actors=[actor])
    first = page(client, actor.get_absolute_url())
    assert "Unpublished" not in first
    assert first.count('class="event-item') == 50
    assert 'rel="next"' in first
    second = page(client, actor.get_absolute_url() + "?page=2")
    assert second.count('class="event-item') == 5
    assert client.get(actor.get_absolute_url() + "?page=abc").status_code == 404


def test_an_unknown_actor_is_not_found(client: Client) -> None:
    assert client.get("/actors/nobody/").status_code == 404


def test_an_affiliation_with_dates_shows_them(client: Client) -> None:
    person, state = make_actor(name="Someone"), make_actor(name="Somewhere", kind="state")
    Affiliation.objects.create(
        actor=person, organization=state, role="Envoy", start_date="2020-05-01"
    )
    assert "(from 1 May 2020)" in page(client, person.get_absolute_url())
