"""Error answers for the whole site: JSON under /api/ (a client there reads JSON
whatever went wrong), a page in the site's look elsewhere.

Every page here is rendered without the request: the header's "Editors" link
reads the session, and the session lives in the database, which may be the
very thing that failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.validators import ProhibitNullCharactersValidator
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.log import log_response
from rest_framework.views import exception_handler

# What a client should wait before trying again when the database is unavailable:
# long enough for a restart or a fail-over, short enough that a reader retries.
RETRY_AFTER_SECONDS = 30

# The failures of the database server itself (refused, gone away, unreachable,
# timed out, locked), as opposed to a query we got wrong: those are a 503 and
# will pass; anything else is a 500 and a bug.
UNAVAILABLE = (OperationalError, InterfaceError)
NUL = "\x00"
NUL_MESSAGE = str(ProhibitNullCharactersValidator.message)  # "Null characters are not allowed."

_PAGES = {
    400: ("Bad request", "This address or its parameters cannot be read."),
    403: ("Not allowed", "You may not see this page."),
    404: ("Page not found", "There is nothing at this address."),
    500: ("Server error", "Something went wrong on our side. It has been logged."),
    503: (
        "Temporarily unavailable",
        "The event register cannot be reached at the moment. Please try again in a minute.",
    ),
}
_DETAILS = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "No such API endpoint or object; see /api/docs/.",
    500: "Server error; it has been logged.",
    503: "The database is unavailable; try again after Retry-After seconds.",
}


def is_api(request: HttpRequest) -> bool:
    """Whether the request is addressed to the REST API."""
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    """The answer for `status`: {"detail": ...} under /api/, the site's error page elsewhere."""
    if is_api(request):
        return JsonResponse({"detail": detail or _DETAILS[status]}, status=status)
    title, message = _PAGES[status]
    context = {"status": status, "title": title, "message": detail or message}
    return HttpResponse(render_to_string("error.html", context), status=status)


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the database did not answer."""
    response = error_response(request, 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Any view that meets an unavailable database answers 503, in one place
    rather than per view (handler500 below catches what fails outside views).

    A streamed answer (the timeline page, the exports) reads the database only
    as it is sent, after its 200 has left: it leaves only once the database
    has answered, so that it is not started unless it can be finished."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.streaming:
            try:
                reach_database()
            except UNAVAILABLE as exc:
                return self._unavailable(request, exc)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, UNAVAILABLE):
            return None
        return self._unavailable(request, exception)

    def _unavailable(self, request: HttpRequest, exception: Exception) -> HttpResponse:
        response = unavailable(request)
        # Logged with its cause, once (Django would log the 503 again without it).
        log_response(
            "Database unavailable: %s",
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response


# Refusals whose message helps the client and reveals nothing (a bad Host's does).
_SAY_WHY = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


class RejectNulMiddleware:
    """A NUL character in the address, a query parameter, a header or a cookie is a 400
    naming where it was. PostgreSQL cannot store or compare text holding one
    (Django raises DataError: a 500 from /actors/%00/ or an admin filter), and
    nothing we serve has a use for one; forms and the API's serializers already
    refuse it in bodies, so the request line and headers are what is left."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        parameter = _parameter_with_nul(request)
        if parameter is not None:
            return _nul_refused(request, parameter, f"The parameter “{parameter}”")
        where = _address_or_header_with_nul(request)
        if where:
            return _nul_refused(request, None, where)
        return self.get_response(request)


def _parameter_with_nul(request: HttpRequest) -> str | None:
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            return name.replace(NUL, "%00")
    return None


def _address_or_header_with_nul(request: HttpRequest) -> str:
    if NUL in request.path_info:
        return "The address"
    for key, value in request.META.items():
        if key.startswith("HTTP_") and isinstance(value, str) and NUL in value:
            return f"The header {key[5:].replace('_', '-').title()}"
    for name, value in request.COOKIES.items():  # "\000" in a quoted cookie is a NUL
        if NUL in name or NUL in value:
            return f"The cookie “{name.replace(NUL, '%00')}”"
    return ""


def _nul_refused(request: HttpRequest, parameter: str | None, where: str) -> HttpResponse:
    if is_api(request) and parameter is not None:
        # The shape of the API's other parameter errors, and Django's own words.
        return JsonResponse({parameter: [NUL_MESSAGE]}, status=400)
    return error_response(request, 400, f"{where} contains a null character (%00).")


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> HttpResponse | None:
    """DRF's EXCEPTION_HANDLER: its answer, always in JSON. Views that render
    HTML or YAML (the docs page, the schema) would otherwise send their 405s so."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    answer = JsonResponse(response.data, status=response.status_code, safe=False)
    for header, value in response.items():
        if header.lower() != "content-type":
            answer[header] = value  # WWW-Authenticate, Retry-After
    return answer


def reach_database() -> None:
    """Raise OperationalError now if the database cannot be reached.

    This is what the first query would do anyway (connect, or test a reused
    connection, CONN_HEALTH_CHECKS being on), only earlier: no extra round trip
    for a database that answers."""
    with connection.cursor():
        pass


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: a request Django refused (a body past the limit, a bad Host...)."""
    return error_response(request, 400, str(exception) if isinstance(exception, _SAY_WHY) else "")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403, with the reason when the refusal gave one (the editing rules do:
    "Only editors may publish, retract or change published events; ...")."""
    reason = str(exception) if isinstance(exception, PermissionDenied) else ""
    return error_response(request, 403, reason)


def not_found(
    request: HttpRequest, exception: Exception | None = None, address: str = ""
) -> HttpResponse:
    """handler404: no such address, or no such object behind it (also the view
    of the API's catch-all address, whatever the method)."""
    return error_response(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500, called while the exception is being handled: the database
    failing outside a view (a session saved on the way out) is still a 503."""
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        return unavailable(request)
    return error_response(request, 500)
