from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from events.models import Actor, ActorAlias, Affiliation, Participation
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def test_search_finds_an_actor_by_an_alias_in_another_script(editor_client):
    lavrov = make_actor(name="Sergey Lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Сергей Лавров", language="ru")
    make_actor(name="Emmanuel Macron")
    page = editor_client.get(
        reverse("admin:events_actor_changelist"), {"q": "Лавров"}
    ).content.decode()
    assert "Sergey Lavrov" in page
    assert "Emmanuel Macron" not in page


def test_event_search_finds_events_by_an_actor_alias(editor_client):
    lavrov = make_actor(name="Sergey Lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Sergueï Lavrov", language="fr")
    make_event(actors=[lavrov], title="Lavrov on talks")
    make_event(title="Something else")
    page = editor_client.get(
        reverse("admin:events_event_changelist"), {"q": "Sergueï"}
    ).content.decode()
    assert "Lavrov on talks" in page
    assert "Something else" not in page


def _merge(client, keep: Actor, *actors: Actor):
    return client.post(
        reverse("admin:events_actor_changelist"),
        {
            "action": "merge_selected",
            ACTION_CHECKBOX_NAME: [a.pk for a in actors],
            "keep": keep.pk,
            "confirm": "yes",
        },
    )


def test_merging_duplicates_moves_every_participation_alias_and_affiliation(editor_client):
    keep = make_actor(name="Sergey Lavrov", country="RUS")
    dup = make_actor(name="Sergei Lavrov", wikidata_id="Q150851", description="Foreign minister")
    russia = make_actor(name="Russia", kind="state")
    ActorAlias.objects.create(actor=dup, name="Сергей Лавров", language="ru")
    Affiliation.objects.create(actor=dup, organization=russia, role="Minister of Foreign Affairs")
    e1 = make_event(actors=[dup])  # dup is the initiator
    e2 = make_event(actors=[keep, dup])  # keep initiator, dup mentioned
    e3 = make_event(actors=[keep])
    Participation.objects.create(event=e3, actor=dup, role="initiator", role_words="Russian FM")
    before = Participation.objects.count()

    response = _merge(editor_client, keep, keep, dup)

    assert response.status_code == 302
    assert not Actor.objects.filter(pk=dup.pk).exists()
    keep.refresh_from_db()
    # Every event the duplicate took part in now has the kept actor, in the same role.
    assert set(Participation.objects.filter(actor=keep).values_list("event", "role")) == {
        (e1.pk, "initiator"),
        (e2.pk, "initiator"),
        (e2.pk, "mentioned"),
        (e3.pk, "initiator"),
    }
    # Only the one exact duplicate (e3, initiator) was folded, and its words kept.
    assert Participation.objects.count() == before - 1
    assert Participation.objects.get(event=e3, actor=keep).role_words == "Russian FM"
    assert set(keep.aliases.values_list("name", flat=True)) == {"Сергей Лавров", "Sergei Lavrov"}
    assert keep.affiliations.get().organization == russia
    assert (keep.wikidata_id, keep.country, keep.description) == (
        "Q150851",
        "RUS",
        "Foreign minister",
    )


def test_merging_asks_which_actor_to_keep_first(editor_client):
    a, b = make_actor(name="EU"), make_actor(name="European Union")
    response = editor_client.post(
        reverse("admin:events_actor_changelist"),
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [a.pk, b.pk]},
    )
    assert response.status_code == 200
    assert "Merge duplicate actors" in response.content.decode()
    assert Actor.objects.count() == 2


def test_a_malformed_wikidata_id_is_refused_on_its_field(editor_client):
    response = editor_client.post(
        reverse("admin:events_actor_add"),
        {
            "name": "Emmanuel Macron",
            "slug": "emmanuel-macron",
            "kind": "person",
            "wikidata_id": "3052772",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "Макрон",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Q followed by digits" in str(response.context["adminform"].form.errors["wikidata_id"])
    # Nothing half-saved: neither the actor nor its alias.
    assert not Actor.objects.exists()
    assert not ActorAlias.objects.exists()
