"""Exports with the list's filters: CSV, JSON Lines, TimelineJS JSON, iCalendar.

Each streams: events are read in keyset chunks (the list's order) and written
as they come, so a 100,000-event export never sits whole in memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import orjson
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from events.models import Event
from timeline.api import formats
from timeline.api.codecs import OrjsonRenderer
from timeline.api.conditional import JSON_OPTIONS
from timeline.api.filters import EventFilterSet
from timeline.api.pagination import after_q, ordering_of, value_of
from timeline.api.permissions import MethodBeforeCredentials
from timeline.api.representation import Links, event_dicts, rows_of
from timeline.api.serializers import ErrorSerializer, TimelineJSSerializer

CHUNK = 1000


def event_chunks(queryset: QuerySet[Event], links: Links, user: Any) -> Iterator[list[dict]]:
    """The API representation of every event of `queryset`, CHUNK at a time, in its order."""
    rows_qs = rows_of(queryset)
    keys = ordering_of(rows_qs)
    after: list[Any] | None = None
    while True:
        page = rows_qs.filter(after_q(keys, after)) if after is not None else rows_qs
        rows = list(page[:CHUNK])
        if not rows:
            return
        yield event_dicts(rows, links, user)
        if len(rows) < CHUNK:
            return
        after = [value_of(rows[-1], key) for key in keys]


class _Renderer(BaseRenderer):
    """Declares the media type for negotiation and the schema; the view streams."""

    charset: str | None = "utf-8"

    def render(self, data: Any, accepted_media_type: Any = None, context: Any = None) -> Any:
        return orjson.dumps(data, option=JSON_OPTIONS)  # only errors reach a renderer


class CSVRenderer(_Renderer):
    media_type, format = "text/csv", "csv"


class JSONLinesRenderer(_Renderer):
    media_type, format = "application/jsonl", "jsonl"


class TimelineJSRenderer(_Renderer):
    media_type, format, charset = "application/json", "json", None


class ICSRenderer(_Renderer):
    media_type, format = "text/calendar", "ics"


class FixedNegotiation(BaseContentNegotiation):
    """An export's URL names its format; the Accept header does not change it."""

    def select_parser(self, request: Any, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Any, renderers: Any, format_suffix: Any = None) -> Any:
        return renderers[0], renderers[0].media_type


class ExportView(MethodBeforeCredentials, APIView):
    permission_classes = [AllowAny]  # what each user sees is narrowed by visible_to
    # For the schema: the exports take the list's filters.
    queryset = Event.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilterSet
    content_negotiation_class = FixedNegotiation
    filename = "geotimeline-events"
    media_type = "application/octet-stream"

    def get(self, request: Request) -> StreamingHttpResponse:
        filterset = EventFilterSet(
            data=request.query_params,
            queryset=Event.objects.visible_to(request.user).chronological(),
            request=request,
        )
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        chunks = event_chunks(filterset.qs, Links.for_request(request), request.user)
        response = StreamingHttpResponse(self.stream(chunks), content_type=self.media_type)
        extension = self.renderer_classes[0].format
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{extension}"'
        return response

    def stream(self, chunks: Iterator[list[dict]]) -> Iterator[bytes]:
        raise NotImplementedError

    def handle_exception(self, exc: Exception) -> Any:
        # Errors are JSON whatever the export's format.
        self.request.accepted_renderer = OrjsonRenderer()
        self.request.accepted_media_type = OrjsonRenderer.media_type
        return super().handle_exception(exc)


def _export_schema(media_type: str, operation_id: str, summary: str, body: Any = None) -> Any:
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        filters=True,
        responses={
            (200, media_type): OpenApiResponse(body or OpenApiTypes.STR, description="The export."),
            (400, "application/json"): OpenApiResponse(
                ErrorSerializer, description="A filter value is wrong; the message names it."
            ),
        },
    )


class CSVExport(ExportView):
    renderer_classes = [CSVRenderer]
    media_type = "text/csv; charset=utf-8"

    @_export_schema("text/csv", "events_export_csv", "Events as CSV (same filters as the list)")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def stream(self, chunks: Iterator[list[dict]]) -> Iterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(formats.CSV_COLUMNS)
        for chunk in chunks:
            writer.writerows(formats.csv_row(event) for event in chunk)
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue().encode()


class JSONLinesExport(ExportView):
    renderer_classes = [JSONLinesRenderer]
    media_type = "application/jsonl; charset=utf-8"

    @_export_schema(
        "application/jsonl", "events_export_jsonl", "Events as JSON Lines, one event per line"
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def stream(self, chunks: Iterator[list[dict]]) -> Iterator[bytes]:
        for chunk in chunks:
            yield b"".join(orjson.dumps(e, option=JSON_OPTIONS) + b"\n" for e in chunk)


class TimelineJSExport(ExportView):
    renderer_classes = [TimelineJSRenderer]
    media_type = "application/json"
    filename = "geotimeline-timelinejs"

    @_export_schema(
        "application/json",
        "events_export_timelinejs",
        "Events in Knight Lab TimelineJS JSON",
        TimelineJSSerializer,
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def stream(self, chunks: Iterator[list[dict]]) -> Iterator[bytes]:
        yield b'{"title":' + orjson.dumps(formats.TIMELINEJS_TITLE) + b',"events":['
        first = True
        for chunk in chunks:
            slides = [orjson.dumps(formats.timelinejs_slide(e)) for e in chunk]
            yield (b"" if first else b",") + b",".join(slides)
            first = False
        yield b"]}"


class ICSExport(ExportView):
    renderer_classes = [ICSRenderer]
    media_type = "text/calendar; charset=utf-8"

    @_export_schema(
        "text/calendar", "events_export_ics", "Events as an iCalendar feed (all-day events)"
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def stream(self, chunks: Iterator[list[dict]]) -> Iterator[bytes]:
        host = self.request.get_host().split(":")[0]
        yield formats.ICS_HEADER
        for chunk in chunks:
            yield b"".join(formats.vevent(event, host) for event in chunk)
        yield formats.ICS_FOOTER
