"""Not found under /api/: a JSON answer like every other API error, not an HTML page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The project's 404 handler: JSON for API paths, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        detail = "No such API endpoint or object; see /api/docs/."
        return JsonResponse({"detail": detail}, status=404)
    return defaults.page_not_found(request, exception or Exception())
