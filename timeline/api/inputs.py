"""Validation of event writes: what a client may send, with errors naming the field.

A body may carry the read-only fields of a GET (so that GET, edit, PUT works);
they are ignored. Any other unknown field is refused rather than silently
dropped, because a misspelt field ("sumary") would otherwise look saved.
Values must have the JSON type the schema gives: DRF would read 5 as the
string "5" and "5" as the number 5, so a client's type error would go unseen.
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
# A topic of a GET ({"id", "name", "slug"}) may be sent back as it is.
TOPIC_REF = {
    "oneOf": [
        *ID_OR_SLUG["oneOf"],
        {
            "type": "object",
            "description": "A topic as a GET gives it: its `id` is read, the rest ignored.",
            "properties": {"id": ID_OR_SLUG["oneOf"][0]},
            "required": ["id"],
        },
    ]
}
EDTF_MAX_LENGTH = 60
# The forms UncertainDate.from_edtf reads (events/edtf.py), "~" for approximate, as
# closely as a pattern can: it cannot know that February has no 30th or that a
# range must not end before it starts (a 400 names those).
_YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_MONTH = "(0[1-9]|1[0-2])"
_DAY = f"{_YEAR}-{_MONTH}-(0[1-9]|[12][0-9]|3[01])"
_WEEK = f"{_YEAR}-W(0[1-9]|[1-4][0-9]|5[0-3])"
EDTF_SCHEMA = {
    "type": "string",
    "format": "edtf",
    "pattern": rf"^\s*({_DAY}(/{_DAY})?|{_WEEK}|{_YEAR}(-{_MONTH})?)~*\s*$",
    "maxLength": EDTF_MAX_LENGTH,
    "description": "EDTF: 2026-02-13, 2026-W07, 2026-02, 2026, 2026-02-13/2026-02-15; "
    "a final ~ for approximate.",
}
# JSON types a field takes, by DRF field class (first match wins: BooleanField is no
# CharField, but bool is an int in Python).
JSON_TYPES: tuple[tuple[type[serializers.Field], tuple[type, ...], str], ...] = (
    (serializers.BooleanField, (bool,), "a boolean"),
    (serializers.CharField, (str,), "a string"),
    (serializers.ChoiceField, (str,), "a string"),
    (serializers.IntegerField, (int,), "an integer"),
    (serializers.FloatField, (int, float), "a number"),
    (serializers.DateField, (str,), "a date string (YYYY-MM-DD)"),
)


def normalized_url(url: str) -> str | None:
    """The stored spelling of a URL, or None when it cannot be one (port 99999, "http://[")."""
    try:
        return normalize_url(url)
    except ValueError:
        return None


class StrictSerializer(serializers.Serializer):
    """Refuses unknown keys; accepts and ignores the names in `read_only_names`."""

    read_only_names: frozenset[str] = frozenset()
    # Rules across fields that validate() enforces, as JSON Schema for the OpenAPI schema.
    schema_constraints: dict[str, Any] = {}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return super().to_internal_value(data)
        unknown = set(data) - set(self.fields) - self.read_only_names
        errors: dict[str, Any] = {key: ["Unknown field."] for key in sorted(unknown)}
        errors.update(self._missing(data))
        errors.update(self._too_long(data))
        errors.update(self._wrong_types(data))
        try:
            # The other fields are still checked, so one answer names every fault.
            value = super().to_internal_value({k: v for k, v in data.items() if k not in errors})
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({**exc.detail, **errors}) from None  # type: ignore[dict-item]
        if errors:
            raise serializers.ValidationError(errors)
        return value

    def _missing(self, data: dict[str, Any]) -> dict[str, list[str]]:
        # A PATCH leaves out whole fields, not parts of an item: a participant sent
        # in a PATCH replaces the stored ones, so it needs its actor like in a POST
        # (DRF would skip required nested fields of a partial update).
        if self.parent is None:
            return {}
        return {
            name: ["This field is required."]
            for name, field in self.fields.items()
            if field.required and name not in data
        }

    def _too_long(self, data: dict[str, Any]) -> dict[str, list[str]]:
        # DRF measures a string after trimming its spaces; the schema's maxLength
        # measures what was sent, and so does this.
        return {
            name: [f"Ensure this field has no more than {field.max_length} characters."]
            for name, field in self.fields.items()
            if isinstance(field, serializers.CharField)
            and field.max_length is not None
            and isinstance(data.get(name), str)
            and len(data[name]) > field.max_length
        }

    def _wrong_types(self, data: dict[str, Any]) -> dict[str, list[str]]:
        errors = {}
        for name, field in self.fields.items():
            value = data.get(name)
            if value is None or field.read_only:
                continue  # absent, or null (which the field itself allows or refuses)
            expected = _json_type(field)
            if expected is not None and not _has_type(value, expected[0]):
                errors[name] = [f"Not {expected[1]}: got {_json_name(value)}."]
        return errors


def _json_type(field: serializers.Field) -> tuple[tuple[type, ...], str] | None:
    for kind, types, noun in JSON_TYPES:
        if isinstance(field, kind):
            return types, noun
    return None


def _has_type(value: Any, types: tuple[type, ...]) -> bool:
    # bool is an int in Python, never in JSON.
    return isinstance(value, types) and (bool in types or not isinstance(value, bool))


def _json_name(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    return names.get(type(value), "an array" if isinstance(value, list) else "an object")


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
    schema_constraints = {"anyOf": [{"required": ["source"]}, {"required": ["source_url"]}]}
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


_COORDINATES = ["latitude", "longitude"]
# With the fields' own schema (a number or null): null.
_NOT_A_NUMBER = {"not": {"type": "number"}}


class PlaceInput(StrictSerializer):
    # Coordinates go in pairs: both numbers, both null, or neither given (a PATCH
    # of one alone would pair it with whatever the other is now).
    schema_constraints = {
        "anyOf": [
            {"not": {"anyOf": [{"required": [name]} for name in _COORDINATES]}},
            {
                "required": _COORDINATES,
                "properties": {name: {"type": "number"} for name in _COORDINATES},
            },
            {
                "required": _COORDINATES,
                "properties": {"latitude": _NOT_A_NUMBER, "longitude": _NOT_A_NUMBER},
            },
        ]
    }
    name = serializers.CharField(max_length=200, allow_blank=True, required=False)
    country = serializers.RegexField(
        r"^[A-Z]{3}$", allow_blank=True, required=False, help_text="ISO 3166-1 alpha-3, e.g. FRA."
    )
    latitude = serializers.FloatField(allow_null=True, required=False, min_value=-90, max_value=90)
    longitude = serializers.FloatField(
        allow_null=True, required=False, min_value=-180, max_value=180
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        given = [attrs[name] for name in _COORDINATES if name in attrs]
        nulls = {value is None for value in given}
        if len(given) == 1 or len(nulls) == 2:
            message = "Give both latitude and longitude (or both null), or neither."
            raise serializers.ValidationError({"latitude": [message], "longitude": [message]})
        return attrs


@extend_schema_field(EDTF_SCHEMA)
class EDTFField(serializers.CharField):
    """A date written as EDTF (EventInput.validate_date parses it); the schema gives its grammar."""


@extend_schema_field(TOPIC_REF)
class TopicRefField(IdOrSlugField):
    """A topic by id or slug; a topic object from a GET ({"id": ...}) is read for its id."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(Topic, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, dict):
            data = data.get("id")
            if isinstance(data, bool) or not isinstance(data, int):
                raise serializers.ValidationError("A topic object carries its `id` (an integer).")
        return super().to_internal_value(data)


READ_ONLY_EVENT_FIELDS = frozenset(
    {
        "id", "url", "api_url", "date_start", "date_end", "precision", "approximate",
        "date_display", "date_basis", "quad_class", "created_at", "updated_at", "published_at",
    }
)  # fmt: skip


class EventInput(StrictSerializer):
    """An event as a client writes it; see the module docstring for unknown fields."""

    read_only_names = READ_ONLY_EVENT_FIELDS
    title = serializers.CharField(max_length=300)
    summary = serializers.CharField(allow_blank=True, required=False, max_length=20000)
    date = EDTFField(max_length=EDTF_MAX_LENGTH)
    date_text = serializers.CharField(max_length=200, allow_blank=True, required=False)
    date_resolution = serializers.CharField(max_length=300, allow_blank=True, required=False)
    planned = serializers.BooleanField(
        required=False,
        help_text="Announced, scheduled or expected in the source; not known to have happened.",
    )
    place = PlaceInput(required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        help_text="Only editors may publish or retract; contributors write drafts. "
        "A published event has at least one participant and one citation.",
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
