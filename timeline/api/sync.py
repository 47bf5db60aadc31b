"""Tombstones: events a mirror must drop, so it never keeps stale data without knowing.

Two kinds: deleted events (django-simple-history keeps a "-" record with its
time for every per-object delete, which is how the API and the admin delete)
and, for readers who do not see drafts, events returned to draft after readers
saw them (`first_public_at` is set and never cleared: published, or retracted
straight from draft, since retractions are public too).
Retractions are not tombstones: a retracted event stays listed, marked.
Readers who do not see drafts get only the deletions of events they once saw: a
deleted draft's id and time are none of their business.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

import orjson
from django.db.models import Q
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from events.models import Event
from events.models.events import can_see_drafts
from timeline.api.dates import DateValueError, parse_moment
from timeline.api.pagination import KeysetPagination

Row = tuple[datetime, int, str]


def tombstone_page(request: Request) -> tuple[list[dict[str, Any]], str | None]:
    """One page of tombstones in (removed_at, id) order, and the next page's URL."""
    since = _since(request)
    size = KeysetPagination().page_size(request)
    after = _after(request)
    public_only = not can_see_drafts(request.user)
    rows = _deleted(since, after, size, once_public=public_only)
    if public_only:
        rows = sorted(rows + _unpublished(since, after, size))
    page, more = rows[:size], len(rows) > size
    results = [{"id": pk, "removed_at": when, "reason": reason} for when, pk, reason in page]
    if not more:
        return results, None
    token = _encode(page[-1][0], page[-1][1])
    return results, replace_query_param(request.build_absolute_uri(), "cursor", token)


def _deleted(
    since: datetime | None, after: tuple[datetime, int] | None, size: int, *, once_public: bool
) -> list[Row]:
    records = Event.history.filter(history_type="-")
    if once_public:
        # The "-" record carries the deleted row's fields, first_public_at included.
        records = records.filter(first_public_at__isnull=False)
    records = _window(records, "history_date", since, after)
    rows = records.order_by("history_date", "id").values_list("history_date", "id")[: size + 1]
    return [(when, pk, "deleted") for when, pk in rows]


def _unpublished(
    since: datetime | None, after: tuple[datetime, int] | None, size: int
) -> list[Row]:
    drafts = Event.objects.drafts().once_public()
    drafts = _window(drafts, "updated_at", since, after)
    rows = drafts.order_by("updated_at", "pk").values_list("updated_at", "pk")[: size + 1]
    return [(when, pk, "unpublished") for when, pk in rows]


def _window(queryset: Any, field: str, since: datetime | None, after: Any) -> Any:
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if after is not None:
        when, pk = after
        queryset = queryset.filter(Q(**{f"{field}__gt": when}) | Q(**{field: when, "id__gt": pk}))
    return queryset


def _since(request: Request) -> datetime | None:
    raw = request.query_params.get("since")
    if not raw:
        return None
    try:
        return parse_moment(raw)
    except DateValueError as exc:
        raise ValidationError({"since": [str(exc)]}) from None


def _encode(when: datetime, pk: int) -> str:
    payload = orjson.dumps([when.isoformat(), pk])
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _after(request: Request) -> tuple[datetime, int] | None:
    token = request.query_params.get("cursor")
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        when, pk = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        moment = datetime.fromisoformat(when)
        if moment.tzinfo is None or not isinstance(pk, int) or not 0 < pk < 2**63:
            raise ValueError("bad cursor")
        return moment, pk
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError):
        raise ValidationError(
            {"cursor": ["Invalid cursor: use the `next` URL of a page as given."]}
        ) from None
