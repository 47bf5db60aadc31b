"""Ingest one article: the same code for the command, the admin's import page
and the benchmark. One transaction per article: a failure leaves nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from events import editing
from events.ingest.actors import ActorIndex
from events.ingest.articles import Article
from events.ingest.drafts import ArticlePlan, plan_article
from events.ingest.language import UnknownLanguage, resolve_language
from events.ingest.limits import Budget, OverBudget, size_error
from events.ingest.store import StoreCounts, store_plan
from events.models import Event, Source, SourceIngestion, Status
from events.models.text import content_hash, normalize_url, unix_newlines

NEW, UNCHANGED, UPDATED, FAILED = "new", "unchanged", "updated", "failed"


@dataclass
class IngestResult:
    where: str
    url: str
    status: str
    source_id: int | None = None
    language: str = ""
    counts: StoreCounts = field(default_factory=StoreCounts)
    plan: ArticlePlan | None = None  # what was (or, in a dry run, would be) written
    error: str = ""
    error_field: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == FAILED


def ingest_article(
    *,
    article: Article,
    dry_run: bool = False,
    index: ActorIndex | None = None,
    user: AbstractBaseUser | None = None,
    budget: Budget | None = None,
) -> IngestResult:
    """Turn an article into draft events, idempotently; never raises for bad input.

    An article over the size limit, or whose reading outlasts `budget` (by
    default INGEST_TIME_BUDGET_SECONDS from now), fails and stores nothing."""
    budget = budget or Budget.from_settings()
    url = normalize_url(article.url)
    result = IngestResult(where=article.where or url, url=url, status=NEW)
    text = unix_newlines(article.text).strip()
    too_large = size_error(text)
    if too_large:
        return _failed(result, too_large, "text")
    try:
        result.language = resolve_language(article.language, f"{article.title}\n{text}")
    except UnknownLanguage as exc:
        return _failed(result, str(exc), "language")
    source = Source.objects.filter(url=url).first()
    ingestion = SourceIngestion.objects.filter(source=source).first() if source else None
    digest = content_hash(text)
    if ingestion is not None and ingestion.content_hash == digest:
        result.status, result.source_id = UNCHANGED, source.pk if source else None
        return result
    if source is not None:
        result.status = UPDATED
        if source.content_hash != digest:
            result.notes.append("the text changed: source updated")
    try:
        plan = plan_article(
            text, article.published, result.language, index or _index(), budget=budget
        )
    except OverBudget as exc:
        return _failed(result, str(exc), "text")
    result.plan = plan
    if dry_run:
        return result
    if source is not None and source.content_hash != digest and not _may_change(user, source):
        return _failed(
            result,
            "this article is cited by published events: only editors may import a changed text",
            "url",
        )
    try:
        with transaction.atomic():
            if source is not None and source.content_hash != digest:
                _reanchor_citations(source, text, result, user)
            source = _save_source(source, article, url, text, result.language)
            result.counts = store_plan(source, plan, user)
            SourceIngestion.objects.update_or_create(
                source=source, defaults={"content_hash": digest, "language": result.language}
            )
    except _QuoteLost as exc:
        return _failed(result, str(exc), "text")
    except (DatabaseError, ValidationError) as exc:
        return _failed(result, f"could not be stored: {exc}", "")
    result.source_id = source.pk
    return result


def _index() -> ActorIndex:
    return ActorIndex.from_register()


def _failed(result: IngestResult, reason: str, field_name: str) -> IngestResult:
    result.status, result.error, result.error_field = FAILED, reason, field_name
    result.plan = None
    return result


def _save_source(
    source: Source | None, article: Article, url: str, text: str, language: str
) -> Source:
    source = source or Source(url=url)
    source.title = article.title[:500] or source.title
    source.published = article.published
    source.language = language
    source.text = text
    source.full_clean(exclude=["content_hash"], validate_unique=False)
    source.save()
    return source


class _QuoteLost(Exception):
    """The new text lacks a quote that a public event cites."""


def _may_change(user: AbstractBaseUser | None, source: Source) -> bool:
    # The command line runs as the operator (no user); the import page as its editor.
    return user is None or editing.can_change_source(user, source)


def _reanchor_citations(
    source: Source, text: str, result: IngestResult, user: AbstractBaseUser | None
) -> None:
    """Keep every citation on its quote in the new text. A public event's quote
    that is gone refuses the new text; a draft's is noted and unanchored (an
    untouched draft is rewritten from the new text anyway)."""
    lost = editing.reanchor_citations(source=source, text=text)
    public = [c.event_id for c in lost if c.event.status != Status.DRAFT]
    if public:
        listed = ", ".join(map(str, sorted(set(public))))
        raise _QuoteLost(
            f"the new text no longer contains quotes that published events cite (events "
            f"{listed}): change those citations first"
        )
    for citation in lost:
        citation.start_offset = citation.end_offset = None
        citation.save()
        result.notes.append(f"quote of event {citation.event_id} no longer in the text")
    editing.touch_events(
        events=Event.objects.public().filter(citations__source=source).distinct(),
        user=user,
        reason=f"Source {source.pk} changed",
    )
