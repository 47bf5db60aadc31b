"""The client's address for login throttling (django-axes), behind proxies too.

Behind a reverse proxy REMOTE_ADDR is the proxy's (or empty, on a Unix socket),
so every client would share one address and one lockout. Each trusted proxy
appends the address it received the request from to X-Forwarded-For, so with
TRUSTED_PROXY_COUNT = n the client's address is the n-th entry from the right;
entries further left were written by the client and prove nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address the outermost trusted proxy saw."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR") or None
