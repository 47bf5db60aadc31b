"""JSON in and out with orjson, with the body size limit Django applies to forms.

DRF's parsers read the request stream directly, so Django's
DATA_UPLOAD_MAX_MEMORY_SIZE never sees an API body; this parser applies it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import orjson
from django.conf import settings
from django.utils.functional import Promise
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer

from timeline.api.conditional import JSON_OPTIONS


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


def _default(value: Any) -> Any:
    if isinstance(value, Promise | Decimal):
        return str(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"
    format = "json"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        # Non-string keys: DRF keys the errors of list items by their index.
        return orjson.dumps(data, default=_default, option=JSON_OPTIONS | orjson.OPT_NON_STR_KEYS)


class OrjsonParser(BaseParser):
    media_type = "application/json"

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None:
            body = stream.read()
        else:
            # Refuse on the declared length before reading, then cap what is read.
            declared = _declared_length(parser_context)
            if declared > limit:
                raise RequestTooLarge(_too_large(declared, limit))
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise RequestTooLarge(_too_large(len(body), limit))
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise ParseError(f"Malformed JSON: {exc}.") from None


def _declared_length(parser_context: Mapping[str, Any] | None) -> int:
    request = (parser_context or {}).get("request")
    raw = str(request.META.get("CONTENT_LENGTH") or "") if request is not None else ""
    return int(raw) if re.fullmatch(r"[0-9]{1,18}", raw) else 0


def _too_large(size: int, limit: int) -> str:
    return f"The request body is too large: {size} bytes, the limit is {limit}."
