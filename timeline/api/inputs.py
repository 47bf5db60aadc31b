"""Validation of event writes: what a client may send, with errors naming the field.

A body may carry the read-only fields of a GET (so that GET, edit, PUT works);
they are ignored. Any other unknown field is refused rather than silently
dropped, because a misspelt field ("sumary") would otherwise look saved.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.edtf import InvalidDate, UncertainDate
from events.models import Actor, Category, Event, LinkKind, Role, Source, Status, Topic
from events.models.text import normalize_url
from timeline.api.filters import is_id

MAX_ID = 2**63 - 1  # bigint: a larger id would overflow the database, not just miss
MAX_OFFSET = 2**31 - 1
ID_OR_SLUG = {
    "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "maxLength": 100}],
}


def normalized_url(url: str) -> str | None:
    """The stored spelling of a URL, or None when it cannot be one (port 99999, "http://[")."""
    try:
        return normalize_url(url)
    except ValueError:
        return None


class StrictSerializer(serializers.Serializer):
    """Refuses unknown keys; accepts and ignores the names in `read_only_names`."""

    read_only_names: frozenset[str] = frozenset()

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields) - self.read_only_names
            if unknown:
                raise serializers.ValidationError(
                    {key: ["Unknown field."] for key in sorted(unknown)}
                )
        return super().to_internal_value(data)


@extend_schema_field(ID_OR_SLUG)
class IdOrSlugField(serializers.Field):
    """A row given by id or slug; an unknown one is refused by name."""

    def __init__(self, model: type[Actor] | type[Topic], **kwargs: Any) -> None:
        self.model = model
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int | str) or str(data) == "":
            raise serializers.ValidationError("Give an id (integer) or a slug (string).")
        text = str(data)
        if "\x00" in text:
            raise serializers.ValidationError("Null characters are not allowed.")
        lookup = {"pk": int(text)} if is_id(text) else {"slug": text}
        pk = self.model._default_manager.filter(**lookup).values_list("pk", flat=True).first()
        if pk is None:
            noun = self.model._meta.verbose_name
            raise serializers.ValidationError(f"Unknown {noun}: {text[:100]}.")
        return int(pk)

    def to_representation(self, value: Any) -> Any:
        return value


class ParticipantInput(StrictSerializer):
    read_only_names = frozenset({"name", "slug", "kind", "country"})
    actor = IdOrSlugField(Actor, help_text="Actor id or slug.")
    role = serializers.ChoiceField(choices=Role.choices, default=Role.MENTIONED)
    role_words = serializers.CharField(max_length=200, allow_blank=True, default="")


class CitationInput(StrictSerializer):
    read_only_names = frozenset({"source_title", "publisher", "published"})
    source = serializers.IntegerField(  # type: ignore[assignment]
        required=False, min_value=1, max_value=MAX_ID, help_text="Source id."
    )
    source_url = serializers.URLField(
        required=False, max_length=1000, help_text="Or the URL of a source already registered."
    )
    quote = serializers.CharField(max_length=20000)
    start_offset = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_OFFSET
    )
    end_offset = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_OFFSET
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "source" in attrs:
            pk = Source.objects.filter(pk=attrs["source"]).values_list("pk", flat=True).first()
        elif "source_url" in attrs:
            url = normalized_url(attrs["source_url"]) or ""
            pk = Source.objects.filter(url=url).values_list("pk", flat=True).first()
        else:
            raise serializers.ValidationError({"source": ["Give `source` (id) or `source_url`."]})
        if pk is None:
            field = "source" if "source" in attrs else "source_url"
            raise serializers.ValidationError(
                {field: ["Unknown source: register it first (POST /api/sources/)."]}
            )
        attrs["source"] = pk
        attrs.pop("source_url", None)
        return attrs


class LinkInput(StrictSerializer):
    kind = serializers.ChoiceField(choices=LinkKind.choices)
    to_event = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The linked event's id."
    )

    def validate_to_event(self, value: int) -> int:
        if not Event.objects.filter(pk=value).exists():
            raise serializers.ValidationError(f"Unknown event: {value}.")
        return value


class PlaceInput(StrictSerializer):
    name = serializers.CharField(max_length=200, allow_blank=True, required=False)
    country = serializers.RegexField(
        r"^[A-Z]{3}$", allow_blank=True, required=False, help_text="ISO 3166-1 alpha-3, e.g. FRA."
    )
    latitude = serializers.FloatField(allow_null=True, required=False, min_value=-90, max_value=90)
    longitude = serializers.FloatField(
        allow_null=True, required=False, min_value=-180, max_value=180
    )


@extend_schema_field(ID_OR_SLUG)
class TopicRefField(IdOrSlugField):
    """A topic by id or slug; a topic object from a GET ({"id": ...}) is accepted too."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(Topic, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, dict):
            data = data.get("id", data.get("slug", ""))
        return super().to_internal_value(data)


READ_ONLY_EVENT_FIELDS = frozenset(
    {
        "id", "url", "api_url", "date_start", "date_end", "precision", "approximate",
        "date_display", "quad_class", "created_at", "updated_at", "published_at",
    }
)  # fmt: skip


class EventInput(StrictSerializer):
    """An event as a client writes it; see the module docstring for unknown fields."""

    read_only_names = READ_ONLY_EVENT_FIELDS
    title = serializers.CharField(max_length=300)
    summary = serializers.CharField(allow_blank=True, required=False, max_length=20000)
    date = serializers.CharField(
        max_length=60, help_text="EDTF: 2026-02-13, 2026-W07, 2026-02, 2026, 2026-02-13/2026-02-15"
    )
    date_text = serializers.CharField(max_length=200, allow_blank=True, required=False)
    date_resolution = serializers.CharField(max_length=300, allow_blank=True, required=False)
    place = PlaceInput(required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        help_text="Only editors may publish or retract; contributors write drafts.",
    )
    importance = serializers.IntegerField(min_value=1, max_value=5, required=False)
    # max_length on many=True goes to the ListSerializer (DRF >= 3.14); the stubs lag.
    participants = ParticipantInput(many=True, required=False, max_length=200)  # type: ignore[call-arg]
    citations = CitationInput(many=True, required=False, max_length=200)  # type: ignore[call-arg]
    topics = serializers.ListField(child=TopicRefField(), required=False, max_length=100)
    links = LinkInput(many=True, required=False, max_length=100)  # type: ignore[call-arg]
    version = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        help_text="The version you read (or send If-Match).",
    )

    def validate_date(self, value: str) -> UncertainDate:
        try:
            return UncertainDate.from_edtf(value)
        except InvalidDate as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate_participants(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen = set()
        for item in value:
            key = (item["actor"], item.get("role", Role.MENTIONED))
            if key in seen:
                raise serializers.ValidationError(
                    f"Actor {item['actor']} is given twice with the role {key[1]}."
                )
            seen.add(key)
        return value
