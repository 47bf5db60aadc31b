"""Keyset (cursor) pagination: a consumer walks any result without skips or repeats.

The cursor holds the sort key of the last row served (for events in date
order: earliest date, latest date, id), and the next page asks for rows after
it. Unlike page numbers or offsets, rows inserted or deleted before the cursor
while a consumer walks do not shift what comes next, and every page costs the
same on the database however deep the walk goes.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from typing import Any

import orjson
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class KeysetPagination(BasePagination):
    """Pages of `page_size` rows (default 50, at most 500) after the `cursor`."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def page(self, queryset: QuerySet[Any], request: Request) -> tuple[list[Any], str | None]:
        """The rows of this page and the URL of the next one (None on the last page)."""
        keys = ordering_of(queryset)
        size = self.page_size(request)
        after = self.decode(request, queryset, keys)
        if after is not None:
            queryset = queryset.filter(after_q(keys, after))
        rows = list(queryset[: size + 1])
        if len(rows) <= size:
            return rows, None
        rows = rows[:size]
        token = encode_cursor(keys, [value_of(rows[-1], key) for key in keys])
        url = replace_query_param(request.build_absolute_uri(), self.cursor_query_param, token)
        return rows, url

    def page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return DEFAULT_PAGE_SIZE
        # fullmatch on ASCII digits: str.isdigit() accepts "²", which int() refuses.
        if not re.fullmatch(r"[0-9]{1,4}", raw) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise ValidationError(
                {self.page_size_query_param: [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]}
            )
        return int(raw)

    def decode(
        self, request: Request, queryset: QuerySet[Any], keys: Sequence[str]
    ) -> list[Any] | None:
        token = request.query_params.get(self.cursor_query_param)
        if not token:
            return None
        try:
            return decode_cursor(token, queryset, keys)
        except (
            ValueError,
            TypeError,
            KeyError,
            binascii.Error,
            orjson.JSONDecodeError,
            DjangoValidationError,
        ):
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        "Invalid cursor: use the `next` URL of a page as given, "
                        "with the same ordering."
                    ]
                }
            ) from None

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a page's `next` URL.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default "
                f"{DEFAULT_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page, or null on the last page.",
                },
                "results": schema,
            },
        }


def ordering_of(queryset: QuerySet[Any]) -> list[str]:
    """The queryset's ordering, which must end with the primary key to be a total order."""
    keys = [str(k) for k in (queryset.query.order_by or queryset.model._meta.ordering)]
    if not keys or keys[-1].lstrip("-") not in {"pk", "id"}:
        raise AssertionError(f"keyset pagination needs an ordering ending in pk, got {keys}")
    return keys


def value_of(row: Any, key: str) -> Any:
    name = key.lstrip("-")
    name = "id" if name == "pk" else name
    return row[name] if isinstance(row, dict) else getattr(row, name)


def after_q(keys: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows strictly after `values` in the order `keys`, nested so indexes apply:
    a >= x AND (a > x OR (a = x AND (b > y OR (b = y AND pk > z))))."""
    condition = _beyond(keys[-1], values[-1])
    for key, value in zip(reversed(keys[:-1]), reversed(values[:-1]), strict=True):
        condition = _beyond(key, value) | (Q(**{key.lstrip("-"): value}) & condition)
    first = keys[0].lstrip("-")
    bound = f"{first}__lte" if keys[0].startswith("-") else f"{first}__gte"
    return Q(**{bound: values[0]}) & condition


def _beyond(key: str, value: Any) -> Q:
    name = key.lstrip("-")
    return Q(**{f"{name}__lt" if key.startswith("-") else f"{name}__gt": value})


def encode_cursor(keys: Sequence[str], values: Sequence[Any]) -> str:
    payload = orjson.dumps({"k": list(keys), "v": [str(v) for v in values]})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(token: str, queryset: QuerySet[Any], keys: Sequence[str]) -> list[Any]:
    padded = token + "=" * (-len(token) % 4)
    payload = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    if payload["k"] != list(keys) or len(payload["v"]) != len(keys):
        raise ValueError("cursor from another ordering")
    meta = queryset.model._meta
    values = []
    for key, raw in zip(keys, payload["v"], strict=True):
        name = key.lstrip("-")
        field = meta.pk if name == "pk" else meta.get_field(name)
        value = field.to_python(raw)
        if value is None:
            raise ValueError("empty key in cursor")
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise ValueError("key out of range")  # the database would overflow
        values.append(value)
    return values
