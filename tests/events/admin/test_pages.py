"""Every admin page an editor uses renders, and strangers are sent to log in."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from events.models import Actor, ActorAlias, Affiliation, Event, Source, Topic
from tests.factories import cite, make_actor, make_event, make_source, make_topic

pytestmark = pytest.mark.django_db

REGISTERED = [Actor, Event, Source, Topic]


@pytest.fixture
def register():
    """One row of everything, linked together, so change pages have inlines to show."""
    macron, france = make_actor(name="Emmanuel Macron"), make_actor(name="France", kind="state")
    ActorAlias.objects.create(actor=macron, name="Эммануэль Макрон", language="ru")
    Affiliation.objects.create(actor=macron, organization=france, role="President")
    source = make_source(text="Macron said on Friday that he wanted a channel.")
    event = make_event(actors=[macron, france], title="Macron <b>speech</b>")
    event.topics.add(make_topic(name="European security architecture"))
    cite(event, source, "he wanted a channel")
    return {Actor: macron, Event: event, Source: source, Topic: event.topics.get()}


def test_the_four_registers_are_in_the_admin(editor_client):
    for model in REGISTERED:
        assert admin.site.is_registered(model)
    # Citations are edited inline, in context: their read-only list, reached
    # from a source's page, is not one of the registers.
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:events_citation_changelist") not in index
    assert reverse("admin:events_source_changelist") in index


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m.__name__)
def test_list_add_change_and_history_pages_render_for_an_editor(editor_client, register, model):
    opts = model._meta
    obj = register[model]
    for url in [
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url


def test_the_event_list_shows_the_date_as_written_and_escapes_titles(editor_client, register):
    make_event(when="2026-02", title="Talks in February")
    page = editor_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "13 Feb 2026" in page
    assert "Feb 2026" in page
    assert "Macron &lt;b&gt;speech&lt;/b&gt;" in page
    assert "Emmanuel Macron, France" in page


def test_the_event_list_filters_by_actor_kind_and_country(editor_client):
    state = make_actor(name="Finland", kind="state", country="FIN")
    person = make_actor(name="Giorgia Meloni", country="ITA")
    make_event(actors=[state], title="Finnish move")
    make_event(actors=[person], title="Italian move")
    url = reverse("admin:events_event_changelist")
    by_kind = editor_client.get(url, {"actor_kind": "state"}).content.decode()
    by_country = editor_client.get(url, {"actor_country": "ITA"}).content.decode()
    assert "Finnish move" in by_kind
    assert "Italian move" not in by_kind
    assert "Italian move" in by_country
    assert "Finnish move" not in by_country


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in [reverse("admin:index"), reverse("admin:events_event_changelist")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_source_page_highlights_cited_quotes_and_escapes_the_text(editor_client):
    source = make_source(text="He said <script>x</script> that he wanted a direct channel.")
    cite(make_event(), source, "he wanted a direct channel")
    page = editor_client.get(
        reverse("admin:events_source_change", args=[source.pk])
    ).content.decode()
    assert '<mark class="gt-quote">he wanted a direct channel</mark>' in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page
