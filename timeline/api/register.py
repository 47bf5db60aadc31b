"""/api/actors/, /api/topics/, /api/sources/: the register events refer to.

Actors and topics are curated in the admin and read-only here. Sources may be
registered by contributors and editors, so that a script can cite a new
article (POST /api/sources/, then cite it by id or URL in an event).
"""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import QuerySet
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from events.models import Actor, ActorKind, ActorQuerySet, Source, Topic
from timeline.api.codecs import OrjsonParser, OrjsonRenderer
from timeline.api.filters import CountryFilter, MomentFilter, QueryFilterSet
from timeline.api.inputs import StrictSerializer, normalized_url
from timeline.api.pagination import KeysetPagination
from timeline.api.permissions import EditorialPermission, MethodBeforeCredentials
from timeline.api.serializers import (
    ActorSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    TopicSerializer,
)
from timeline.api.views import _PK


class ActorFilterSet(QueryFilterSet):
    q = filters.CharFilter(
        method="_search", max_length=200, help_text="Part of a name or an alias, any script."
    )
    slug = filters.CharFilter(field_name="slug", max_length=100)
    kind = filters.MultipleChoiceFilter(choices=ActorKind.choices)
    country = CountryFilter(method="_country", help_text="ISO 3166-1 alpha-3, repeatable.")
    updated_since = MomentFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )

    class Meta:
        model = Actor
        fields: list[str] = []

    def _search(self, queryset: ActorQuerySet, name: str, value: str) -> ActorQuerySet:
        return queryset.named_like(value)

    def _country(self, queryset: QuerySet[Actor], name: str, value: list[str]) -> QuerySet[Actor]:
        return queryset.filter(country__in=value)


class SourceFilterSet(QueryFilterSet):
    url = filters.CharFilter(method="_url", max_length=1000, help_text="Exact URL (normalised).")
    q = filters.CharFilter(
        field_name="title", lookup_expr="icontains", max_length=200, help_text="Part of the title."
    )
    updated_since = MomentFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )

    class Meta:
        model = Source
        fields: list[str] = []

    def _url(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        url = normalized_url(value)
        return queryset.filter(url=url) if url else queryset.none()


class RegisterViewSet(MethodBeforeCredentials, viewsets.GenericViewSet):
    """Keyset-paginated list and detail by integer id, in orjson."""

    pagination_class = KeysetPagination
    permission_classes = [EditorialPermission]
    renderer_classes = [OrjsonRenderer]
    parser_classes = [OrjsonParser]
    filter_backends = [DjangoFilterBackend]

    def list(self, request: Request) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        rows, next_url = KeysetPagination().page(queryset, request)
        serializer = self.get_serializer(rows, many=True)
        return Response({"next": next_url, "results": serializer.data})

    def retrieve(self, request: Request, pk: str) -> Response:
        if not _PK.match(str(pk)):
            raise NotFound()
        instance = self.get_queryset().filter(pk=int(pk)).first()
        if instance is None:
            raise NotFound()
        return Response(self.get_serializer(instance).data)


@extend_schema_view(
    list=extend_schema(summary="List actors"), retrieve=extend_schema(summary="One actor")
)
class ActorViewSet(RegisterViewSet):
    """Actors: people, states, organisations and groups, with their aliases."""

    queryset = Actor.objects.all()
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet

    def get_queryset(self) -> QuerySet[Actor]:
        return Actor.objects.prefetch_related("aliases").order_by("name", "pk")


@extend_schema_view(
    list=extend_schema(summary="List topics"), retrieve=extend_schema(summary="One topic")
)
class TopicViewSet(RegisterViewSet):
    """Topics: named themes events are filed under."""

    queryset = Topic.objects.all()
    serializer_class = TopicSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Topic]:
        return Topic.objects.order_by("name", "pk")


class SourceInput(StrictSerializer, SourceDetailSerializer):
    url = serializers.URLField(max_length=1000)
    read_only_names = frozenset({"id", "content_hash", "created_at", "updated_at"})

    def validate_url(self, value: str) -> str:
        url = normalized_url(value)
        if url is None:
            raise serializers.ValidationError("Enter a valid URL.")
        existing = Source.objects.filter(url=url).values_list("pk", flat=True).first()
        if existing is not None:
            raise serializers.ValidationError(f"A source with this URL already exists: {existing}.")
        return url


@extend_schema_view(
    list=extend_schema(summary="List sources"),
    retrieve=extend_schema(summary="One source, with its full text"),
    create=extend_schema(
        summary="Register a source", request=SourceInput, responses={201: SourceDetailSerializer}
    ),
)
class SourceViewSet(mixins.CreateModelMixin, RegisterViewSet):
    """Sources: the articles and documents events cite (the full text on the detail)."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet

    def get_queryset(self) -> QuerySet[Source]:
        return Source.objects.order_by("pk")

    def get_success_headers(self, data: Any) -> dict[str, str]:
        # DRF's default Location is the `url` field: here the article's URL, not ours.
        path = reverse("timeline:api:source-detail", kwargs={"pk": data["id"]})
        return {"Location": self.request.build_absolute_uri(path)}

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        if self.action == "create":
            return SourceInput
        return SourceDetailSerializer if self.action == "retrieve" else SourceSerializer
