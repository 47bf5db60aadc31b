"""/api/events/: list, detail, create, update, delete, and the deletions feed for sync."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DomainValidationError
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from events import editing
from events.models import Event
from timeline.api.codecs import OrjsonParser, OrjsonRenderer
from timeline.api.conditional import (
    PreconditionFailed,
    expected_version,
    json_response,
    optional_version,
)
from timeline.api.dates import MAX_LENGTH as DATE_MAX_LENGTH
from timeline.api.filters import EventFilterSet
from timeline.api.inputs import EventInput
from timeline.api.pagination import KeysetPagination
from timeline.api.permissions import EditorialPermission, MethodBeforeCredentials
from timeline.api.representation import Links, event_dicts, rows_of
from timeline.api.schema import DATE_EXPRESSION
from timeline.api.serializers import EventSerializer, TombstoneSerializer
from timeline.api.sync import tombstone_page

# What GET /api/ lists: name, and route in this API's namespace.
API_INDEX = (
    ("events", "event-list"),
    ("deleted_events", "event-deleted"),
    ("actors", "actor-list"),
    ("topics", "topic-list"),
    ("sources", "source-list"),
    ("timeline", "timeline"),
    ("export_csv", "export-csv"),
    ("export_jsonl", "export-jsonl"),
    ("export_timelinejs", "export-timelinejs"),
    ("export_ics", "export-ics"),
    ("schema", "schema"),
    ("docs", "docs"),
)
# The namespace of the API's URLs (timeline/api/urls.py).
NAMESPACE = "timeline:api"
_PK = re.compile(r"^[0-9]{1,18}$")
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description="The ETag you read (or send `version` in the body). Compared strongly "
    "(RFC 9110, 13.1.1): a weak ETag (W/...) never matches and gets a 412.",
)


@extend_schema_view(
    list=extend_schema(summary="List events", responses=EventSerializer(many=True)),
    retrieve=extend_schema(summary="One event", responses=EventSerializer),
    create=extend_schema(
        summary="Create an event", request=EventInput, responses={201: EventSerializer}
    ),
    update=extend_schema(
        summary="Replace an event's fields",
        request=EventInput,
        responses=EventSerializer,
        parameters=[IF_MATCH],
    ),
    partial_update=extend_schema(
        summary="Change some of an event's fields",
        request=EventInput(partial=True),
        responses=EventSerializer,
        parameters=[IF_MATCH],
    ),
    destroy=extend_schema(summary="Delete an event", parameters=[IF_MATCH]),
)
class EventViewSet(MethodBeforeCredentials, viewsets.GenericViewSet):
    """Events: anyone reads published and retracted ones; editors and contributors
    also read drafts; writes follow the admin's rules."""

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilterSet
    pagination_class = KeysetPagination
    permission_classes = [EditorialPermission]
    renderer_classes = [OrjsonRenderer]
    parser_classes = [OrjsonParser]
    conditional = True  # documents 304 (see schema.py)
    versioned = True  # documents 412 and 428

    def get_queryset(self) -> QuerySet[Event]:
        return Event.objects.visible_to(self.request.user).chronological()

    def list(self, request: Request) -> HttpResponse:
        queryset = self.filter_queryset(self.get_queryset())
        paginator = KeysetPagination()
        rows, next_url = paginator.page(rows_of(queryset), request)
        results = event_dicts(rows, Links.for_request(request), request.user)
        newest = max((row["updated_at"] for row in rows), default=None)
        return json_response(request, {"next": next_url, "results": results}, last_modified=newest)

    def retrieve(self, request: Request, pk: str) -> HttpResponse:
        return self._detail(request, self._visible_pk(pk))

    def create(self, request: Request) -> HttpResponse:
        data, _ = self._validated(request, partial=False)
        with _domain_errors():
            event = editing.create_event(data=data, user=request.user)
        response = self._detail(request, event.pk, status_code=201)
        response["Location"] = Links.for_request(request).api_url(event.pk)
        return response

    def update(self, request: Request, pk: str, partial: bool = False) -> HttpResponse:
        event_pk = self._visible_pk(pk)
        data, body_version = self._validated(request, partial=partial)
        version = expected_version(request, body_version, current=self._current_version(event_pk))
        with _domain_errors():
            editing.update_event(
                event_id=event_pk, data=data, user=request.user, expected_version=version
            )
        return self._detail(request, event_pk)

    def partial_update(self, request: Request, pk: str) -> HttpResponse:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: str) -> HttpResponse:
        event_pk = self._visible_pk(pk)
        # If-Match is optional here; absent, empty or "*" (any version) checks nothing.
        version = optional_version(request, current=self._current_version(event_pk))
        with _domain_errors():
            editing.delete_event(event_id=event_pk, user=request.user, expected_version=version)
        return HttpResponse(status=204)

    @extend_schema(
        summary="Events removed since a time (deleted, or returned to draft)",
        parameters=[
            OpenApiParameter(
                "since",
                {"type": "string", "format": DATE_EXPRESSION, "maxLength": DATE_MAX_LENGTH},
                description="ISO 8601 instant; removals at or after it (default: all).",
            ),
            # cursor and page_size, with their limits, come from KeysetPagination.
        ],
        responses=TombstoneSerializer(many=True),
        filters=False,
    )
    @action(detail=False, methods=["get"], filter_backends=[])
    def deleted(self, request: Request) -> HttpResponse:
        """Tombstones for sync: drop these ids from a mirror."""
        results, next_url = tombstone_page(request)
        return json_response(request, {"next": next_url, "results": results})

    def _visible_pk(self, pk: str) -> int:
        # A malformed id is a 404 like any unknown one, never a database error.
        if not _PK.match(str(pk)) or not self.get_queryset().filter(pk=int(pk)).exists():
            raise NotFound("No such event, or it is not visible to you.")
        return int(pk)

    def _current_version(self, pk: int) -> int:
        """The version If-Match is compared with (the write checks it again under lock)."""
        version = Event.objects.filter(pk=pk).values_list("version", flat=True).first()
        if version is None:
            raise NotFound("No such event, or it is not visible to you.")
        return version

    def _detail(self, request: Request, pk: int, status_code: int = 200) -> HttpResponse:
        rows = list(rows_of(Event.objects.filter(pk=pk)))
        if not rows:
            raise NotFound("No such event, or it is not visible to you.")
        data = event_dicts(rows, Links.for_request(request), request.user)[0]
        return json_response(
            request,
            data,
            version=data["version"],
            last_modified=data["updated_at"],
            status_code=status_code,
        )

    def _validated(
        self, request: Request, *, partial: bool
    ) -> tuple[editing.EventData, int | None]:
        """The body as the editing rules take it, and the `version` it names."""
        serializer = EventInput(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        return cast(editing.EventData, data), version


def _api_errors(exc: DomainValidationError) -> dict[str, list[str]]:
    return {
        "non_field_errors" if key == NON_FIELD_ERRORS else key: messages
        for key, messages in editing.messages_by_field(exc).items()
    }


@contextmanager
def _domain_errors() -> Iterator[None]:
    """The editing rules' errors in HTTP terms (PermissionDenied is DRF's 403 already)."""
    try:
        yield
    except DomainValidationError as exc:
        raise ValidationError(_api_errors(exc)) from None
    except editing.StaleVersion as exc:
        raise PreconditionFailed(str(exc)) from None
    except Event.DoesNotExist:
        # Deleted by someone else between the visibility check and the row lock.
        raise NotFound("No such event, or it is not visible to you.") from None
    except IntegrityError as exc:
        # A constraint the validation missed (a race) is the client's 400, not our 500.
        raise ValidationError(
            {"non_field_errors": [f"This conflicts with data already stored: {exc}"]}
        ) from exc


def api_root(request: HttpRequest) -> JsonResponse:
    """GET /api/: where things are, for a person or a script starting out."""
    if request.method not in ("GET", "HEAD"):
        refused = JsonResponse({"detail": f'Method "{request.method}" not allowed.'}, status=405)
        refused["Allow"] = "GET, HEAD"
        return refused
    links = {
        name: request.build_absolute_uri(reverse(f"{NAMESPACE}:{route}"))
        for name, route in API_INDEX
    }
    return JsonResponse(links)
