"""Ingest one article: the same code for the command, the admin's import page
and the benchmark. One transaction per article: a failure leaves nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from events.ingest.actors import ActorIndex
from events.ingest.articles import Article
from events.ingest.drafts import ArticlePlan, plan_article
from events.ingest.language import UnknownLanguage, resolve_language
from events.ingest.limits import Budget, OverBudget, size_error
from events.ingest.store import StoreCounts, store_plan
from events.models import Citation, Source, SourceIngestion
from events.models.text import content_hash, normalize_url

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
    text = article.text.replace("\r\n", "\n").strip()
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
    try:
        with transaction.atomic():
            if source is not None and source.content_hash != digest:
                _reanchor_citations(source, text, result)
            source = _save_source(source, article, url, text, result.language)
            result.counts = store_plan(source, plan, user)
            SourceIngestion.objects.update_or_create(
                source=source, defaults={"content_hash": digest, "language": result.language}
            )
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


def _reanchor_citations(source: Source, text: str, result: IngestResult) -> None:
    """Keep every citation's offsets pointing at its quote in the new text."""
    for citation in Citation.objects.filter(source=source, start_offset__isnull=False):
        start, end = citation.start_offset or 0, citation.end_offset or 0
        if text[start:end] == citation.quote:
            continue
        found = _nearest(text, citation.quote, start)
        if found is None:
            citation.start_offset = citation.end_offset = None
            result.notes.append(f"quote of event {citation.event_id} no longer in the text")
        else:
            citation.start_offset, citation.end_offset = found, found + len(citation.quote)
        citation.save()


def _nearest(text: str, quote: str, around: int) -> int | None:
    positions, at = [], text.find(quote)
    while at != -1:
        positions.append(at)
        at = text.find(quote, at + 1)
    return min(positions, key=lambda p: abs(p - around)) if positions else None
