"""Events as JSON-ready dicts, built from `.values()` rows in a fixed number of queries.

This is the read path of the API and the exports. DRF serializers measured
about 12 times slower than this for the same JSON (STACK-NOTES), so lists and
details do not go through them; `serializers.EventSerializer` describes the
same shape for the schema, and a test checks the two agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from events.edtf import UncertainDate
from events.models import Citation, Event, EventLink, Participation

# What a list query fetches per event; the sort keys of every ordering are here
# so that the paginator can read the cursor from the last row.
EVENT_FIELDS = (
    "id",
    "slug",
    "title",
    "summary",
    "date_start",
    "date_end",
    "precision",
    "approximate",
    "date_text",
    "date_basis",
    "planned",
    "status",
    "category",
    "quad_class",
    "importance",
    "place_name",
    "place_country",
    "latitude",
    "longitude",
    "version",
    "created_at",
    "updated_at",
    "published_at",
)
_PK, _SLUG = 987654321, "slug-placeholder"


@dataclass(frozen=True, slots=True)
class Links:
    """URL builders: `reverse()` once per request, string formatting per row."""

    base: str
    page: str
    api: str

    @classmethod
    def for_request(cls, request: HttpRequest | None) -> Links:
        base = request.build_absolute_uri("/")[:-1] if request is not None else settings.SITE_URL
        page = reverse("timeline:event", kwargs={"pk": _PK, "slug": _SLUG})
        api = reverse("timeline:api:event-detail", kwargs={"pk": _PK})
        return cls(base, page, api)

    def page_url(self, pk: int, slug: str) -> str:
        # A slug may be in any script ("ⱦ"); a URL carries it percent-encoded, as reverse() does.
        slug = slug if slug.isascii() else iri_to_uri(slug)
        path = self.page.replace(str(_PK), str(pk)).replace(_SLUG, slug or "event")
        return self.base + path

    def api_url(self, pk: int) -> str:
        return self.base + self.api.replace(str(_PK), str(pk))


def event_dicts(rows: Sequence[dict[str, Any]], links: Links, user: Any) -> list[dict[str, Any]]:
    """The API representation of these event rows (from `.values(*EVENT_FIELDS)`)."""
    ids = [row["id"] for row in rows]
    related = Related.fetch(ids, user) if ids else Related.empty()
    return [event_dict(row, links, related) for row in rows]


def event_dict(row: dict[str, Any], links: Links, related: Related) -> dict[str, Any]:
    pk = row["id"]
    when = UncertainDate(row["date_start"], row["date_end"], row["precision"], row["approximate"])
    return {
        "id": pk,
        "url": links.page_url(pk, row["slug"]),
        "api_url": links.api_url(pk),
        "title": row["title"],
        "summary": row["summary"],
        "date": when.edtf,
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "precision": row["precision"],
        "approximate": row["approximate"],
        "date_text": row["date_text"],
        "date_display": when.display,
        "date_basis": row["date_basis"],
        "planned": row["planned"],
        "status": row["status"],
        "category": row["category"],
        "quad_class": row["quad_class"],
        "importance": row["importance"],
        "place": {
            "name": row["place_name"],
            "country": row["place_country"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
        },
        "participants": related.participants.get(pk, []),
        "citations": related.citations.get(pk, []),
        "topics": related.topics.get(pk, []),
        "links": related.links.get(pk, []),
        "version": row["version"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "published_at": row["published_at"],
    }


@dataclass(slots=True)
class Related:
    """Participants, citations, topics and links of a set of events: four queries."""

    participants: dict[int, list[dict[str, Any]]]
    citations: dict[int, list[dict[str, Any]]]
    topics: dict[int, list[dict[str, Any]]]
    links: dict[int, list[dict[str, Any]]]

    @classmethod
    def empty(cls) -> Related:
        return cls({}, {}, {}, {})

    @classmethod
    def fetch(cls, ids: list[int], user: Any) -> Related:
        # Filtering by the page's ids: at most a few hundred, so SQLite keeps
        # a sane plan (its trap is IN over tens of thousands of ids).
        return cls(
            _group(_participations(ids)),
            _group(_citations(ids)),
            _group(_topics(ids)),
            _group(_links(ids, user)),
        )


def _group(rows: Iterable[tuple[int, dict[str, Any]]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event_id, item in rows:
        grouped[event_id].append(item)
    return grouped


def _participations(ids: list[int]) -> Iterable[tuple[int, dict[str, Any]]]:
    rows = (
        Participation.objects.filter(event_id__in=ids)
        .order_by("event_id", "role", "pk")
        .values_list(
            "event_id", "actor_id", "actor__name", "actor__slug", "actor__kind", "actor__country",
            "role", "role_words",
        )
    )  # fmt: skip
    for event_id, actor_id, name, slug, kind, country, role, words in rows:
        yield (
            event_id,
            {
                "actor": actor_id,
                "name": name,
                "slug": slug,
                "kind": kind,
                "country": country,
                "role": role,
                "role_words": words,
            },
        )


def _citations(ids: list[int]) -> Iterable[tuple[int, dict[str, Any]]]:
    rows = (
        Citation.objects.filter(event_id__in=ids)
        .order_by("event_id", "pk")
        .values_list(
            "event_id", "quote", "start_offset", "end_offset", "source_id", "source__url",
            "source__title", "source__publisher", "source__published",
        )
    )  # fmt: skip
    for event_id, quote, start, end, source_id, url, title, publisher, published in rows:
        yield (
            event_id,
            {
                "quote": quote,
                "start_offset": start,
                "end_offset": end,
                "source": source_id,
                "source_url": url,
                "source_title": title,
                "publisher": publisher,
                "published": published,
            },
        )


def _topics(ids: list[int]) -> Iterable[tuple[int, dict[str, Any]]]:
    rows = (
        Event.topics.through.objects.filter(event_id__in=ids)
        .order_by("event_id", "topic__name")
        .values_list("event_id", "topic_id", "topic__name", "topic__slug")
    )
    for event_id, topic_id, name, slug in rows:
        yield event_id, {"id": topic_id, "name": name, "slug": slug}


def _links(ids: list[int], user: Any) -> Iterable[tuple[int, dict[str, Any]]]:
    # Only links to events this user may read: a draft's id is not for everyone.
    # Correlated per link (EXISTS), not `IN (every visible id)`: that list held
    # all 95,000 public events and took 32 ms on SQLite.
    visible = Exists(Event.objects.visible_to(user).filter(pk=OuterRef("to_event_id")))
    rows = (
        EventLink.objects.filter(visible, from_event_id__in=ids)
        .order_by("from_event_id", "pk")
        .values_list("from_event_id", "kind", "to_event_id")
    )
    for event_id, kind, to_event in rows:
        yield event_id, {"kind": kind, "to_event": to_event}


def rows_of(queryset: QuerySet[Event]) -> QuerySet[Any]:
    """The queryset as the rows `event_dicts` takes."""
    return queryset.values(*EVENT_FIELDS)
