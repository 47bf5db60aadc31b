"""Writing an article's plan to the database: drafts (created, updated when
nobody touched them, left alone otherwise), undated candidates, suggestions.
The caller holds the transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from events.ingest.drafts import ArticlePlan, CandidatePlan, DraftPlan, SuggestionPlan
from events.models import (
    Actor,
    ActorSuggestion,
    Citation,
    DraftOrigin,
    Event,
    Origin,
    Participation,
    Source,
    Status,
    UndatedCandidate,
)
from events.models.ingest import CandidateStatus
from events.models.text import fold


@dataclass
class StoreCounts:
    created: list[int] = field(default_factory=list)  # event ids
    updated: int = 0
    kept: int = 0  # touched by an editor: left as they are
    removed: int = 0  # untouched drafts the new text no longer supports
    candidates: int = 0
    suggestions: int = 0


def store_plan(source: Source, plan: ArticlePlan, user: AbstractBaseUser | None) -> StoreCounts:
    """Bring the source's drafts, candidates and suggestions in line with `plan`."""
    counts = StoreCounts()
    # Lock the source's drafts before telling touched from untouched ones: an
    # editor saving one meanwhile waits, and the save then counts as a touch.
    drafts = DraftOrigin.objects.filter(source=source).values("event_id")
    list(Event.objects.select_for_update().filter(pk__in=drafts).values_list("pk", flat=True))
    origins = {o.key: o for o in source.draft_origins.select_related("event")}
    for draft in plan.drafts:
        origin = origins.pop(draft.key, None)
        if origin is None:
            event = _create_event(source, draft, user)
            DraftOrigin.objects.create(
                source=source, key=draft.key, event=event, ingested_version=event.version
            )
            counts.created.append(event.pk)
        elif origin.state != DraftOrigin.State.ACTIVE or origin.event is None:
            continue  # rejected or merged by an editor: never made again
        elif origin.is_touched():
            counts.kept += 1
        else:
            _rewrite_event(origin.event, source, draft)
            origin.ingested_version = origin.event.version
            origin.save(update_fields=["ingested_version", "updated_at"])
            counts.updated += 1
    for origin in origins.values():
        if origin.state == DraftOrigin.State.ACTIVE and origin.event and not origin.is_touched():
            origin.event.delete()
            origin.delete()
            counts.removed += 1
    counts.candidates = _store_candidates(source, plan.candidates)
    counts.suggestions = _store_suggestions(source, plan.suggestions)
    return counts


def _create_event(source: Source, draft: DraftPlan, user: AbstractBaseUser | None) -> Event:
    event = Event(status=Status.DRAFT, origin=Origin.INGEST, created_by=user)  # type: ignore[misc]
    _fill(event, draft)
    event.save()
    _add_parts(event, source, draft)
    return event


def _fill(event: Event, draft: DraftPlan) -> None:
    value = draft.value
    event.title = draft.title
    event.date_start, event.date_end = value.start, value.end
    event.precision, event.approximate = value.precision, value.approximate
    event.date_text, event.date_resolution = draft.date_text, draft.date_resolution
    event.date_basis, event.planned = draft.date_basis, draft.planned
    event.category, event.category_reason = draft.category, draft.category_reason
    event.place_name = draft.place_name


def _add_parts(event: Event, source: Source, draft: DraftPlan) -> None:
    seen: set[tuple[int, str]] = set()
    for part in draft.participants:
        if (part.actor_id, part.role) not in seen:
            seen.add((part.actor_id, part.role))
            Participation.objects.create(
                event=event, actor_id=part.actor_id, role=part.role, role_words=part.role_words
            )
    Citation.objects.create(
        event=event,
        source=source,
        quote=draft.quote,
        start_offset=draft.start,
        end_offset=draft.end,
    )


def _rewrite_event(event: Event, source: Source, draft: DraftPlan) -> None:
    """An untouched draft follows the new text of its source."""
    _fill(event, draft)
    event.save()
    event.participations.all().delete()
    event.citations.filter(source=source).delete()
    _add_parts(event, source, draft)


def _store_candidates(source: Source, plans: list[CandidatePlan]) -> int:
    existing = {c.key: c for c in source.undated_candidates.all()}
    wanted = {a for p in plans for a in p.actor_ids}
    known = set(Actor.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    fresh: list[UndatedCandidate] = []
    links: list[tuple[UndatedCandidate, list[int]]] = []
    for plan in plans:
        candidate = existing.pop(plan.key, None) or UndatedCandidate(source=source, key=plan.key)
        candidate.quote, candidate.reason = plan.quote, plan.reason
        candidate.start_offset, candidate.end_offset = plan.start, plan.end
        candidate.speaker_id = plan.speaker_id if plan.speaker_id in known else None
        candidate.category, candidate.category_reason = plan.category, plan.category_reason
        if candidate.pk is None:
            fresh.append(candidate)
        else:
            candidate.save()
            candidate.actors.clear()
        links.append((candidate, [a for a in plan.actor_ids if a in known]))
    UndatedCandidate.objects.bulk_create(fresh)
    through = UndatedCandidate.actors.through
    through.objects.bulk_create(
        [through(undatedcandidate_id=c.pk, actor_id=a) for c, ids in links for a in ids]
    )
    # Sentences gone from the text: open candidates go, handled ones stay.
    for candidate in existing.values():
        if candidate.status == CandidateStatus.OPEN:
            candidate.delete()
    return len(plans)


def _store_suggestions(source: Source, plans: list[SuggestionPlan]) -> int:
    by_name = {fold(p.name): p for p in plans}
    known = set(
        ActorSuggestion.objects.filter(name_folded__in=by_name).values_list(
            "name_folded", flat=True
        )
    )
    ActorSuggestion.objects.bulk_create(
        [
            ActorSuggestion(
                name=p.name,
                name_folded=key,
                kind=p.kind,
                role_words=p.role_words,
                context=p.context,
            )
            for key, p in by_name.items()
            if key not in known
        ]
    )
    ids = ActorSuggestion.objects.filter(name_folded__in=by_name).values_list("pk", flat=True)
    through = ActorSuggestion.sources.through
    through.objects.bulk_create(
        [through(actorsuggestion_id=pk, source_id=source.pk) for pk in ids], ignore_conflicts=True
    )
    return len(plans)
