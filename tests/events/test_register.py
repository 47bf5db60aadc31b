from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Actor, ActorAlias, Affiliation

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "actors.json"
NAMED_IN_THE_SEED_ARTICLE = {
    "Emmanuel Macron",
    "Sergey Lavrov",
    "Kirill Dmitriev",
    "Alexander Stubb",
    "Giorgia Meloni",
    "France",
    "Russia",
    "Ukraine",
    "Finland",
    "Italy",
    "United States",
    "European Union",
    "Russian Direct Investment Fund",
    "Munich Security Conference",
}


def _counts() -> tuple[int, int, int]:
    return Actor.objects.count(), ActorAlias.objects.count(), Affiliation.objects.count()


def test_the_seed_register_loads_twice_without_duplicates():
    call_command("load_actors", SEEDS, stdout=StringIO())
    first = _counts()
    out = StringIO()
    call_command("load_actors", SEEDS, stdout=out)
    assert _counts() == first
    assert "0 created" in out.getvalue()
    assert set(Actor.objects.values_list("name", flat=True)) == NAMED_IN_THE_SEED_ARTICLE


def test_the_seed_register_has_aliases_in_french_and_russian():
    call_command("load_actors", SEEDS, stdout=StringIO())
    assert Actor.objects.matching("Сергей Лавров").get().name == "Sergey Lavrov"
    assert Actor.objects.matching("sergueï lavrov").get().name == "Sergey Lavrov"
    assert Actor.objects.matching("Union européenne").get().name == "European Union"
    lavrov = Actor.objects.get(slug="sergey-lavrov")
    assert lavrov.affiliations.get().organization.name == "Russia"
    assert Actor.objects.get(slug="emmanuel-macron").wikidata_id == "Q3052772"


def test_reloading_keeps_what_editors_added():
    call_command("load_actors", SEEDS, stdout=StringIO())
    macron = Actor.objects.get(slug="emmanuel-macron")
    macron.description = "Edited by an editor"
    macron.save()
    ActorAlias.objects.create(actor=macron, name="Manu")
    call_command("load_actors", SEEDS, stdout=StringIO())
    macron.refresh_from_db()
    assert macron.description == "Edited by an editor"
    assert macron.aliases.filter(name="Manu").exists()


def test_a_malformed_register_names_the_entry_and_loads_nothing(tmp_path):
    bad = tmp_path / "actors.json"
    bad.write_text(
        json.dumps(
            {
                "actors": [
                    {"slug": "france", "name": "France", "kind": "state"},
                    {"slug": "x", "name": "X", "kind": "person", "wikidata_id": "42"},
                ]
            }
        )
    )
    with pytest.raises(CommandError, match=r"actors\[1\]: wikidata_id: A Wikidata id is Q"):
        call_command("load_actors", bad, stdout=StringIO())
    assert not Actor.objects.exists()


def test_a_file_that_is_not_json_is_named(tmp_path):
    bad = tmp_path / "actors.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("load_actors", bad, stdout=StringIO())
