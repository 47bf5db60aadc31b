"""The page an editor sees once django-axes has locked their login out (AXES_LOCKOUT_CALLABLE).

Axes' own answer is a bare line of text; this one is the admin's page, says for
how long and what to do, and tells clients when to retry (Retry-After).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.helpers import get_client_username, get_cool_off
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LOCKED_OUT = 429  # Too Many Requests: the client may try again later.


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The admin page that replaces the login form while a lockout lasts."""
    cool_off = get_cool_off(request) or timedelta(0)
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed logins",
        "username": get_client_username(request, credentials) or "",
        "minutes": max(1, round(cool_off.total_seconds() / 60)),
    }
    response = render(request, "admin/locked_out.html", context, status=LOCKED_OUT)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
