"""Full-text search over events: PostgreSQL's text search, a portable fallback elsewhere.

An event matches when its own words (title, summary, place, date as written)
or one of its quotes match the query, or when the query names one of its
actors (name or alias, folded so "Stübb" finds "Stubb").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import Exists, OuterRef, Q

from events.models.actors import ActorAlias
from events.models.sources import Citation
from events.models.text import fold

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
    actor_match = _names_actor(text)
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(_postgres_match(text) | actor_match)
    return queryset.filter(_portable_match(text) | actor_match)


def _names_actor(text: str) -> Exists:
    from events.models.events import Participation

    folded = fold(text)
    aliases = ActorAlias.objects.filter(actor=OuterRef("actor_id"), name_folded__contains=folded)
    return Exists(
        Participation.objects.filter(event=OuterRef("pk")).filter(
            Q(actor__name_folded__contains=folded) | Exists(aliases)
        )
    )


def _postgres_match(text: str) -> Q:
    from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    own_words = SearchVector("title", "summary", "place_name", "date_text", config=SEARCH_CONFIG)
    quotes = Citation.objects.annotate(words=SearchVector("quote", config=SEARCH_CONFIG)).filter(
        event=OuterRef("pk"), words=query
    )
    # The lookup as an expression (vector @@ query) needs no named annotation,
    # so the filter composes with any chain.
    return Q(SearchVectorExact(own_words, query)) | Q(Exists(quotes))


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
