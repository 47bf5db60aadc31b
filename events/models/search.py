"""Full-text search over events: PostgreSQL's text search, a portable fallback elsewhere.

An event matches when its own words (title, summary, place, date as written)
or one of its quotes match the query, or when the query names one of its
actors (name or alias, folded so "Stübb" finds "Stubb").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.models import Exists, OuterRef, Q, QuerySet

from events.models.actors import Actor
from events.models.sources import Citation

if TYPE_CHECKING:
    from events.models.events import EventQuerySet

# "simple": no stemming and no stop words, because quotes and titles come in
# several languages and an English stemmer would mangle French or Russian.
SEARCH_CONFIG = "simple"
MAX_TERMS = 8


def search_events(queryset: EventQuerySet, text: str) -> EventQuerySet:
    """Events of `queryset` matching `text` (see the module docstring)."""
    text = " ".join(text.split())
    if not text:
        return queryset
    actors = actors_named(text)
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(pk__in=_postgres_matches(text, actors))
    match = _portable_match(text)
    if actors:
        match |= Q(Exists(_participations(actors).filter(event=OuterRef("pk"))))
    return queryset.filter(match)


def actors_named(text: str, limit: int = 500) -> list[int]:
    """Actors whose name or an alias contains `text` once folded ("stubb" finds "Stübb").

    Resolved first, in one query on the small actor tables, so that the event
    query uses the participation index instead of joining names row by row.
    """
    return list(Actor.objects.named_like(text).values_list("pk", flat=True)[:limit])


def _participations(actor_ids: list[int]) -> QuerySet[Any]:
    from events.models.events import Participation

    return Participation.objects.filter(actor_id__in=actor_ids)


def _postgres_matches(text: str, actors: list[int]) -> QuerySet[Any]:
    """Ids of matching events, one UNION of three index-friendly parts: the event's
    own words and its quotes (GIN indexes, see migration 0006) and its actors."""
    from django.contrib.postgres.search import SearchQuery

    from events.models.events import Event

    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    own = Event.objects.annotate(words=event_words()).filter(words=query).values("pk")
    quotes = Citation.objects.annotate(words=quote_words()).filter(words=query)
    parts: list[QuerySet[Any, Any]] = [quotes.values("event_id")]
    if actors:
        parts.append(_participations(actors).values("event_id"))
    return own.union(*parts)


def event_words() -> Any:
    """The text search vector of an event; the GIN index is built from this very expression."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", "summary", "place_name", "date_text", config=SEARCH_CONFIG)


def quote_words() -> Any:
    from django.contrib.postgres.search import SearchVector

    return SearchVector("quote", config=SEARCH_CONFIG)


def _portable_match(text: str) -> Q:
    """Every word appears (case-insensitively for ASCII) in the event's words or a quote."""
    condition = Q()
    for term in text.split()[:MAX_TERMS]:
        quotes = Citation.objects.filter(event=OuterRef("pk"), quote__icontains=term)
        condition &= (
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(place_name__icontains=term)
            | Q(date_text__icontains=term)
            | Q(Exists(quotes))
        )
    return condition
