"""The floor for bench_api: the API's JSON from the same queries, with nothing else.

Written apart from timeline.api on purpose: `.values()` rows, four related
queries filtered by the page's ids, dicts, orjson. No request handling, auth,
filters, pagination objects or ETag.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from datetime import date
from typing import Any

import orjson
from django.db.models import Q

from events.edtf import UncertainDate
from events.models import Citation, Event, EventLink, Participation

BASE = "http://127.0.0.1"
PUBLIC = ["published", "retracted"]
FIELDS = (
    "id", "slug", "title", "summary", "date_start", "date_end", "precision", "approximate",
    "date_text", "status", "category", "quad_class", "importance", "place_name", "place_country",
    "latitude", "longitude", "version", "created_at", "updated_at", "published_at",
)  # fmt: skip


def floor_list(after: tuple[date, date, int] | None, size: int = 100) -> bytes:
    events = Event.objects.filter(status__in=PUBLIC)
    if after is not None:
        start, end, pk = after
        # The same keyset condition as the API's (the >= prefix lets an index range apply).
        events = events.filter(date_start__gte=start).filter(
            Q(date_start__gt=start)
            | Q(date_start=start, date_end__gt=end)
            | Q(date_start=start, date_end=end, id__gt=pk)
        )
    rows = list(events.order_by("date_start", "date_end", "id").values(*FIELDS)[: size + 1])
    next_url = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        token = orjson.dumps(
            {"k": ["date_start", "date_end", "pk"],
             "v": [str(last["date_start"]), str(last["date_end"]), str(last["id"])]}
        )  # fmt: skip
        cursor = base64.urlsafe_b64encode(token).decode().rstrip("=")
        next_url = f"{BASE}/api/events/?cursor={cursor}&page_size={size}"
    body = {"next": next_url, "results": _dicts(rows)}
    return orjson.dumps(body, option=orjson.OPT_UTC_Z)


def floor_detail(pk: int) -> bytes:
    rows = list(Event.objects.filter(pk=pk, status__in=PUBLIC).values(*FIELDS))
    return orjson.dumps(_dicts(rows)[0], option=orjson.OPT_UTC_Z)


def _dicts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [row["id"] for row in rows]
    parts, cites, tags, links = (defaultdict(list) for _ in range(4))
    for e, a, name, slug, kind, country, role, words in (
        Participation.objects.filter(event_id__in=ids)
        .order_by("event_id", "role", "id")
        .values_list("event_id", "actor_id", "actor__name", "actor__slug", "actor__kind",
                     "actor__country", "role", "role_words")
    ):  # fmt: skip
        parts[e].append({"actor": a, "name": name, "slug": slug, "kind": kind,
                         "country": country, "role": role, "role_words": words})  # fmt: skip
    for e, quote, start, end, sid, url, title, publisher, published in (
        Citation.objects.filter(event_id__in=ids)
        .order_by("event_id", "id")
        .values_list("event_id", "quote", "start_offset", "end_offset", "source_id",
                     "source__url", "source__title", "source__publisher", "source__published")
    ):  # fmt: skip
        cites[e].append({"quote": quote, "start_offset": start, "end_offset": end,
                         "source": sid, "source_url": url, "source_title": title,
                         "publisher": publisher, "published": published})  # fmt: skip
    for e, tid, name, slug in (
        Event.topics.through.objects.filter(event_id__in=ids)
        .order_by("event_id", "topic__name")
        .values_list("event_id", "topic_id", "topic__name", "topic__slug")
    ):
        tags[e].append({"id": tid, "name": name, "slug": slug})
    for e, kind, to in (
        EventLink.objects.filter(from_event_id__in=ids, to_event__status__in=PUBLIC)
        .order_by("from_event_id", "id")
        .values_list("from_event_id", "kind", "to_event_id")
    ):
        links[e].append({"kind": kind, "to_event": to})
    return [_event(r, parts, cites, tags, links) for r in rows]


def _event(r: dict[str, Any], parts: Any, cites: Any, tags: Any, links: Any) -> dict[str, Any]:
    pk = r["id"]
    when = UncertainDate(r["date_start"], r["date_end"], r["precision"], r["approximate"])
    return {
        "id": pk, "url": f"{BASE}/events/{pk}/{r['slug']}/", "api_url": f"{BASE}/api/events/{pk}/",
        "title": r["title"], "summary": r["summary"], "date": when.edtf,
        "date_start": r["date_start"], "date_end": r["date_end"], "precision": r["precision"],
        "approximate": r["approximate"], "date_text": r["date_text"],
        "date_display": when.display, "status": r["status"], "category": r["category"],
        "quad_class": r["quad_class"], "importance": r["importance"],
        "place": {"name": r["place_name"], "country": r["place_country"],
                  "latitude": r["latitude"], "longitude": r["longitude"]},
        "participants": parts.get(pk, []), "citations": cites.get(pk, []),
        "topics": tags.get(pk, []), "links": links.get(pk, []), "version": r["version"],
        "created_at": r["created_at"], "updated_at": r["updated_at"],
        "published_at": r["published_at"],
    }  # fmt: skip
