"""HTTP conditional requests: ETag and Last-Modified out, If-None-Match and If-Match in.

A detail's ETag is ``"v<version>-<digest>"``: the version the event had when
read (bumped by every save) and a digest of the body, so that a change to a
related row (an actor renamed) also changes it. If-Match compares the version
part only: the client's edit is stale when someone saved the event since, not
when an actor's name changed.

If-Match uses the strong comparison (RFC 9110, section 13.1.1): a weak ETag
(``W/"..."``, as lists carry) never matches, so a write that sends one is
refused with 412 rather than applied on a tag that promises no exact version.
An empty If-Match names no ETag, so it counts as absent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework import status
from rest_framework.exceptions import APIException

JSON_OPTIONS = orjson.OPT_UTC_Z
# A list element of If-Match: an entity tag (weak or strong), or anything else.
_ELEMENT = re.compile(r'(W/)?"([^"]*)"|[^\s,]+')
_OUR_TAG = re.compile(r"v([0-9]{1,18})-[0-9a-f]+")


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


@dataclass(frozen=True)
class IfMatch:
    """What an If-Match header names: any version ("*"), or entity tags."""

    star: bool = False
    versions: frozenset[int] = frozenset()  # from strong ETags of this API
    weak: bool = False  # some ETag was weak


def if_match(request: HttpRequest) -> IfMatch | None:
    """The If-Match condition; None when absent or empty (a list of no ETags)."""
    header = request.headers.get("If-Match", "").strip()
    if header == "*":
        return IfMatch(star=True)
    elements = list(_ELEMENT.finditer(header))
    if not elements:
        return None
    versions = set()
    for element in elements:
        strong = element.group(2) is not None and not element.group(1)
        tag = _OUR_TAG.fullmatch(element.group(2) or "")
        if strong and tag:
            versions.add(int(tag.group(1)))
    weak = any(element.group(1) for element in elements)
    return IfMatch(versions=frozenset(versions), weak=weak)


def expected_version(request: HttpRequest, body_version: Any, *, current: int) -> int:
    """The version the client read, from If-Match or the body; 428 without either.

    `current` is the event's version now: when If-Match lists it, that is the
    one the client means (any listed ETag may match); the write checks it again
    under lock.
    """
    condition = if_match(request)
    # "*" only says "if it exists": it names no version, so it is not enough.
    if condition is None or condition.star:
        if body_version is None:
            raise PreconditionRequired()
        return int(body_version)
    return _named_version(condition, current)


def optional_version(request: HttpRequest, *, current: int) -> int | None:
    """For DELETE, where If-Match is optional: None when absent, empty or "*"."""
    condition = if_match(request)
    if condition is None or condition.star:
        return None
    return _named_version(condition, current)


def _named_version(condition: IfMatch, current: int) -> int:
    if current in condition.versions:
        return current
    if condition.versions:
        return max(condition.versions)  # stale: the write's check says so with both versions
    if condition.weak:
        raise PreconditionFailed(
            "If-Match compares ETags strongly (RFC 9110, section 13.1.1), so a weak ETag "
            '(W/"...") never matches; nothing was changed. Send the ETag of the event\'s '
            "detail (GET /api/events/{id}/), which is strong; a list's ETags are weak.",
            code="weak_etag",
        )
    raise PreconditionFailed(
        'If-Match does not carry an ETag of this API ("v<version>-..."); nothing was changed.',
        code="unknown_etag",
    )
