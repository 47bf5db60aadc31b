"""`Authorization: Token <key>`, with a lockout for clients that keep sending wrong keys.

DRF's TokenAuthentication looks keys up itself, without Django's authenticate(), so
django-axes never hears of a wrong one. This class tells it, as a failed login
without a username: wrong keys count per client address (AXES_LOCKOUT_PARAMETERS
pairs the username, here none, with the address). Once AXES_FAILURE_LIMIT of them
fall within AXES_COOLOFF_MINUTES, every token from that address is refused with
429 and Retry-After until the cool-off has passed; other clients are not affected.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, Throttled
from rest_framework.request import Request

# No username: a wrong key names nobody, and a name chosen by the client would let
# it spread its attempts over many names.
TOKEN_CREDENTIALS = get_credentials(None)


class LockoutTokenAuthentication(TokenAuthentication):
    """TokenAuthentication that refuses a client after repeated wrong tokens."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        if not self._offers_token(request):
            return None
        http_request: HttpRequest = request._request
        if not AxesProxyHandler.is_allowed(http_request, TOKEN_CREDENTIALS):
            raise locked_out(http_request)
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            user_login_failed.send(
                sender=type(self), credentials=TOKEN_CREDENTIALS, request=http_request
            )
            if getattr(http_request, "axes_locked_out", False):
                # Answered here in the API's JSON; AxesMiddleware would otherwise
                # replace the answer with the admin's lockout page.
                http_request.axes_locked_out = False  # type: ignore[attr-defined]
                raise locked_out(http_request) from None
            raise

    def _offers_token(self, request: Request) -> bool:
        words = get_authorization_header(request).split()
        return bool(words) and words[0].lower() == self.keyword.lower().encode()


def locked_out(request: HttpRequest) -> Throttled:
    """429 with Retry-After: the whole cool-off (what is left of the lockout is no longer)."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else None
    return Throttled(
        wait=seconds,
        detail="Too many wrong API tokens from this address: its tokens are refused for now.",
    )
