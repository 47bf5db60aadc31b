"""HTTP conditional requests: ETag and Last-Modified out, If-None-Match and If-Match in.

A detail's ETag is ``"v<version>-<digest>"``: the version the event had when
read (bumped by every save) and a digest of the body, so that a change to a
related row (an actor renamed) also changes it. If-Match compares the version
part only: the client's edit is stale when someone saved the event since, not
when an actor's name changed.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework import status
from rest_framework.exceptions import APIException

JSON_OPTIONS = orjson.OPT_UTC_Z
_VERSION_TAG = re.compile(r'^(?:W/)?"v(\d+)-[0-9a-f]+"$')


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "Someone else saved this event after you read it; nothing was changed. "
        "Read it again and reapply your change."
    )
    default_code = "stale_version"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = (
        "Send the version you read: the If-Match header with the event's ETag, "
        "or a `version` field in the body."
    )
    default_code = "version_required"


def digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=10).hexdigest()


def detail_etag(version: int, body: bytes) -> str:
    return f'"v{version}-{digest(body)}"'


def list_etag(body: bytes) -> str:
    return f'W/"{digest(body)}"'


def json_response(
    request: HttpRequest,
    data: Any,
    *,
    version: int | None = None,
    last_modified: datetime | None = None,
    status_code: int = 200,
) -> HttpResponse:
    """Encode `data` with orjson, tag it, and answer 304 if the client has it already."""
    body = orjson.dumps(data, option=JSON_OPTIONS)
    etag = detail_etag(version, body) if version is not None else list_etag(body)
    response = HttpResponse(body, content_type="application/json", status=status_code)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    # Visibility depends on who asks, so caches must key on the credentials too.
    patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
    response["Cache-Control"] = "private, no-cache"
    if request.method in ("GET", "HEAD") and status_code == 200:
        # Last-Modified takes part for details only: a list can lose a row
        # (a deletion) without any remaining row getting newer.
        stamp = int(last_modified.timestamp()) if last_modified and version is not None else None
        conditional = get_conditional_response(request, etag=etag, last_modified=stamp)
        if conditional is not None:
            for header in ("ETag", "Last-Modified", "Vary", "Cache-Control"):
                if header in response:
                    conditional[header] = response[header]
            return conditional
    return response


def expected_version(request: HttpRequest, body_version: Any) -> int:
    """The version the client read, from If-Match or the body; 428 without either."""
    header = request.headers.get("If-Match", "").strip()
    # "*" only says "if it exists": it names no version, so it is not enough.
    if header and header != "*":
        versions = [_version_in(tag.strip()) for tag in header.split(",")]
        known = [v for v in versions if v is not None]
        if not known:
            raise PreconditionFailed(
                'If-Match does not carry an ETag of this API ("v<version>-...").'
            )
        return known[0]
    if body_version is None:
        raise PreconditionRequired()
    return int(body_version)


def _version_in(tag: str) -> int | None:
    match = _VERSION_TAG.match(tag)
    return int(match.group(1)) if match else None
