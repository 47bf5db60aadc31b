"""/api/timeline/: one window of the timeline chart, under the same filters as /api/events/.

Under THRESHOLD events in the window the answer lists them (columnar arrays,
as Plotly takes them); over it, counts per actor lane and time bucket. The
reader page (timeline.views.home) renders its first answer from the same
function, so the chart and the list below it always show the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.utils.decorators import method_decorator
from django.views.decorators.gzip import gzip_page
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request

from events.models import Event
from timeline.api.filters import EventFilterSet
from timeline.api.permissions import MethodBeforeCredentials
from timeline.api.timeline_serializers import TimelineSerializer
from timeline.lod import DEFAULT_LANES, MAX_LANES, THRESHOLD, Scope, build_timeline

GROUPS = ("", "country", "kind")
# Filters the precomputed lane counts answer exactly (besides the window).
PRECOMPUTED_FILTERS = {"start", "end", "quad", "category", "actor", "actor_mode", "ordering"}


class InvalidQuery(ValueError):
    """Bad query parameters; `errors` maps each parameter to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class TimelineQuery:
    """The filtered events of a request and what else the reader asked for."""

    events: QuerySet[Event]
    base: QuerySet[Event]
    scope: Scope
    filters: dict[str, Any]


def parse_query(params: QueryDict, user: Any) -> TimelineQuery:
    """Validate the parameters (400 on error) and filter the events they select."""
    errors: dict[str, list[str]] = {}
    lanes = _int_param(params, "lanes", DEFAULT_LANES, 1, MAX_LANES, errors)
    group = params.get("group", "")
    if group not in GROUPS:
        errors["group"] = ["Group lanes by “country” or “kind” (or leave it empty)."]
    may_see_drafts = bool(params.getlist("status")) and user.has_perm("events.view_event")
    base = Event.objects.visible_to(user) if may_see_drafts else Event.objects.public()
    filterset = EventFilterSet(data=params, queryset=base)
    if not filterset.is_valid():
        errors.update({k: [str(m) for m in v] for k, v in filterset.errors.items()})
    if errors:
        raise InvalidQuery(errors)
    data = {k: v for k, v in filterset.form.cleaned_data.items() if v not in (None, "", [])}
    scope = _scope(data, lanes, group, public_only=not may_see_drafts)
    return TimelineQuery(filterset.qs, base, scope, data)


def _scope(data: dict[str, Any], lanes: int, group: str, *, public_only: bool) -> Scope:
    actors = tuple(data.get("actor", ()))
    exact = set(data) <= PRECOMPUTED_FILTERS and (
        data.get("actor_mode", "any") == "any" or len(actors) <= 1
    )
    return Scope(
        start=data["start"].start if "start" in data else None,
        end=data["end"].end if "end" in data else None,
        lanes=lanes,
        group=group,
        pinned=actors,
        quads=tuple(data.get("quad", ())),
        categories=tuple(data.get("category", ())),
        precomputed=public_only and exact,
        public_only=public_only,
    )


def _int_param(
    params: QueryDict, name: str, default: int, low: int, high: int, errors: dict[str, list[str]]
) -> int:
    raw = params.get(name, "")
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        errors[name] = [f"{name} is a whole number from {low} to {high}."]
        return default
    return int(raw)


def timeline_answer(query: TimelineQuery) -> dict[str, Any]:
    """The payload of /api/timeline/ for a parsed query."""
    return build_timeline(query.events, query.scope, extent_of=query.base)


@method_decorator(gzip_page, name="get")
class TimelineView(MethodBeforeCredentials, GenericAPIView):
    """The timeline chart's data for one window."""

    queryset = Event.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilterSet
    permission_classes = [AllowAny]
    pagination_class = None

    @extend_schema(
        summary="One window of the timeline: events, or counts when there are too many",
        description=(
            f"Takes the filters of /api/events/. Up to {THRESHOLD} events in the window: "
            "`mode=events` lists them; more: `mode=density` gives counts per actor lane and "
            "time bucket. Without start and end the window is every event's extent."
        ),
        parameters=[
            OpenApiParameter(
                "lanes",
                {"type": "integer", "minimum": 1, "maximum": MAX_LANES},
                description=f"Actor lanes, 1 to {MAX_LANES} (default {DEFAULT_LANES}).",
            ),
            OpenApiParameter("group", str, enum=["country", "kind"], description="Group lanes."),
        ],
        responses={200: TimelineSerializer},
        # One answer, not a list: drf-spectacular would skip the filters without this.
        filters=True,
    )
    def get(self, request: Request) -> HttpResponse:
        try:
            query = parse_query(request.query_params, request.user)
        except InvalidQuery as exc:
            return _json(exc.errors, status=400)
        return _json(timeline_answer(query))


def _json(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(orjson.dumps(data), status=status, content_type="application/json")
