"""Load an actor register (JSON) into the database, idempotently.

The format is that of seeds/actors.json: {"actors": [{"slug", "name", "kind",
"country", "wikidata_id", "description", "aliases": [{"name", "language"}],
"affiliations": [{"organization": <slug>, "role"}]}]}. Actors are matched by
slug, then by Wikidata id, so loading twice changes nothing and an editor's
later additions (more aliases, a description) are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from events.models import Actor, ActorAlias, ActorKind, Affiliation
from events.models.text import fold


class RegisterError(ValueError):
    """The register file is malformed; the message names the entry and field."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_added: int = 0
    affiliations_added: int = 0
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def load_actor_register(data: dict[str, Any]) -> LoadReport:
    """Create or update every actor in `data`; all or nothing."""
    entries = data.get("actors")
    if not isinstance(entries, list):
        raise RegisterError('the register must be an object with an "actors" list')
    report = LoadReport()
    actors = {}
    for index, entry in enumerate(entries):
        where = f"actors[{index}]"
        actors[_require(entry, "slug", where)] = _upsert_actor(entry, where, report)
    for index, entry in enumerate(entries):
        _add_affiliations(actors[entry["slug"]], entry, f"actors[{index}]", report)
    return report


def _require(entry: Any, key: str, where: str) -> str:
    if not isinstance(entry, dict):
        raise RegisterError(f"{where}: each actor must be an object")
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RegisterError(f'{where}: "{key}" is required and must be a non-empty string')
    return value.strip()


def _upsert_actor(entry: dict[str, Any], where: str, report: LoadReport) -> Actor:
    slug = _require(entry, "slug", where)
    fields = {
        "name": _require(entry, "name", where),
        "kind": _require(entry, "kind", where),
        "country": str(entry.get("country") or "").upper(),
        "wikidata_id": str(entry.get("wikidata_id") or "").upper(),
    }
    if fields["kind"] not in ActorKind.values:
        raise RegisterError(f'{where}: "kind" must be one of {", ".join(ActorKind.values)}')
    actor = Actor.objects.filter(slug=slug).first()
    if actor is None and fields["wikidata_id"]:
        actor = Actor.objects.filter(wikidata_id=fields["wikidata_id"]).first()
    if actor is None:
        actor = Actor(slug=slug, description=str(entry.get("description") or ""), **fields)
        _save_valid(actor, where)
        report.created += 1
    elif _update_actor(actor, fields, entry):
        _save_valid(actor, where)
        report.updated += 1
    else:
        report.unchanged += 1
    report.aliases_added += _add_aliases(actor, entry.get("aliases") or [], where)
    return actor


def _update_actor(actor: Actor, fields: dict[str, str], entry: dict[str, Any]) -> bool:
    """Fill blanks only: the register seeds actors, editors own them afterwards."""
    changed = False
    for name, value in fields.items():
        if value and not getattr(actor, name):
            setattr(actor, name, value)
            changed = True
    if entry.get("description") and not actor.description:
        actor.description = entry["description"]
        changed = True
    return changed


def _save_valid(obj: Actor | ActorAlias | Affiliation, where: str) -> None:
    try:
        obj.full_clean(validate_unique=True)
    except ValidationError as exc:
        raise RegisterError(f"{where}: {_describe(exc)}") from None
    obj.save()


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)


def _add_aliases(actor: Actor, aliases: Any, where: str) -> int:
    if not isinstance(aliases, list):
        raise RegisterError(f'{where}: "aliases" must be a list')
    known = set(actor.aliases.values_list("name_folded", flat=True)) | {actor.name_folded}
    added = 0
    for i, alias in enumerate(aliases):
        name = _require(alias, "name", f"{where}.aliases[{i}]")
        if fold(name) in known:
            continue
        _save_valid(
            ActorAlias(actor=actor, name=name, language=str(alias.get("language") or "")),
            f"{where}.aliases[{i}]",
        )
        known.add(fold(name))
        added += 1
    return added


def _add_affiliations(actor: Actor, entry: dict[str, Any], where: str, report: LoadReport) -> None:
    for i, aff in enumerate(entry.get("affiliations") or []):
        spot = f"{where}.affiliations[{i}]"
        org_slug = _require(aff, "organization", spot)
        organization = Actor.objects.filter(slug=org_slug).first()
        if organization is None:
            raise RegisterError(f'{spot}: no actor with slug "{org_slug}"')
        role = str(aff.get("role") or "")
        if Affiliation.objects.filter(actor=actor, organization=organization, role=role).exists():
            continue
        _save_valid(Affiliation(actor=actor, organization=organization, role=role), spot)
        report.affiliations_added += 1
