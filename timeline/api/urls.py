"""The API's URLs, included by timeline/urls.py under /api/: namespace "timeline:api"."""

from __future__ import annotations

from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from timeline import errors
from timeline.api import exports, register, views
from timeline.api.timeline import TimelineView
from timeline.api.views import NAMESPACE

app_name = "api"

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("actors", register.ActorViewSet, basename="actor")
router.register("topics", register.TopicViewSet, basename="topic")
router.register("sources", register.SourceViewSet, basename="source")


urlpatterns = [
    path("events/export.csv", exports.CSVExport.as_view(), name="export-csv"),
    path("events/export.jsonl", exports.JSONLinesExport.as_view(), name="export-jsonl"),
    path(
        "events/export.timeline.json",
        exports.TimelineJSExport.as_view(),
        name="export-timelinejs",
    ),
    path("events/export.ics", exports.ICSExport.as_view(), name="export-ics"),
    path("timeline/", TimelineView.as_view(), name="timeline"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # GET only: DRF would answer OPTIONS by rendering its metadata through the
        # Swagger page's template, which has no place for it (a 500).
        SpectacularSwaggerView.as_view(
            url_name=f"{NAMESPACE}:schema", http_method_names=["get", "head"]
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    path("", csrf_exempt(views.api_root), name="root"),  # read-only: see below
    # Any other address under /api/ is a JSON 404 even with DEBUG on, where Django
    # answers an unmatched address with its HTML debug page instead of handler404.
    # Only addresses ending in "/": "/api/events" still redirects to "/api/events/".
    # It changes nothing, so CSRF has nothing to protect (an unsafe method would
    # otherwise meet Django's HTML CSRF refusal before the view).
    re_path(r"^(?P<address>.+)/$", csrf_exempt(errors.not_found), name="not-found"),
]
