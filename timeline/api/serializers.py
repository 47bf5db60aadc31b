"""Response shapes for the schema, and the register's (actors, topics, sources) serializers.

Event reads are built as dicts by `representation` (fast path); EventSerializer
describes that exact shape so the OpenAPI schema stays truthful, and a test
compares the two.
"""

from __future__ import annotations

from rest_framework import serializers

from events.models import (
    Actor,
    ActorKind,
    Category,
    DateBasis,
    LinkKind,
    Precision,
    QuadClass,
    Role,
    Source,
    Status,
    Topic,
)


class ParticipantSerializer(serializers.Serializer):
    actor = serializers.IntegerField(help_text="Actor id.")
    name = serializers.CharField()
    slug = serializers.CharField()
    kind = serializers.ChoiceField(choices=ActorKind.choices)
    country = serializers.CharField(allow_blank=True)
    role = serializers.ChoiceField(choices=Role.choices)
    role_words = serializers.CharField(
        allow_blank=True, help_text="The role as the source words it."
    )


class CitationSerializer(serializers.Serializer):
    quote = serializers.CharField(help_text="The exact words of the source.")
    start_offset = serializers.IntegerField(allow_null=True)
    end_offset = serializers.IntegerField(allow_null=True)
    source = serializers.IntegerField(help_text="Source id.")  # type: ignore[assignment]
    source_url = serializers.URLField()
    source_title = serializers.CharField(allow_blank=True)
    publisher = serializers.CharField(allow_blank=True)
    published = serializers.DateField(allow_null=True, help_text="Publication date.")


class TopicRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class LinkSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LinkKind.choices)
    to_event = serializers.IntegerField(help_text="The linked event's id.")


class PlaceSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True, help_text="ISO 3166-1 alpha-3.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class EventSerializer(serializers.Serializer):
    """An event as the API returns it (read-only description of the JSON)."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The event's reader page.")
    api_url = serializers.URLField(help_text="This event in the API.")
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    date = serializers.CharField(help_text="EDTF: 2026-02-13, 2026-W07, 2026-02, 2026, a/b; ~.")
    date_start = serializers.DateField(help_text="Earliest day the event can be.")
    date_end = serializers.DateField(help_text="Latest day the event can be.")
    precision = serializers.ChoiceField(choices=Precision.choices)
    approximate = serializers.BooleanField()
    date_text = serializers.CharField(
        allow_blank=True, help_text="The date as the source words it."
    )
    date_display = serializers.CharField(help_text="“13 Feb 2026”, “Feb 2026”, “2026”.")
    date_basis = serializers.ChoiceField(
        choices=DateBasis.choices,
        help_text="What the date rests on: the sentence's own date words, the statement it "
        "continues, the article's publication date (approximate), or an editor. An editor who "
        "changes the date makes it `editor`.",
    )
    planned = serializers.BooleanField(
        help_text="Announced, scheduled or expected in the source; not known to have happened."
    )
    status = serializers.ChoiceField(choices=Status.choices)
    category = serializers.ChoiceField(choices=Category.choices, allow_blank=True)
    quad_class = serializers.ChoiceField(choices=QuadClass.choices, allow_blank=True)
    importance = serializers.IntegerField(min_value=1, max_value=5)
    place = PlaceSerializer()
    participants = ParticipantSerializer(many=True)
    citations = CitationSerializer(many=True)
    topics = TopicRefSerializer(many=True)
    links = LinkSerializer(many=True)
    version = serializers.IntegerField(help_text="Bumped by every save; send it back to update.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)


class TombstoneSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The id of the event to drop.")
    removed_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(
        choices=[("deleted", "deleted"), ("unpublished", "returned to draft")]
    )


class TimelineJSDateSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    month = serializers.IntegerField(required=False, help_text="Absent at year precision.")
    day = serializers.IntegerField(required=False, help_text="Absent at month precision.")


class TimelineJSTextSerializer(serializers.Serializer):
    headline = serializers.CharField(help_text="HTML, escaped.")
    text = serializers.CharField(help_text="HTML, escaped.")


class TimelineJSSlideSerializer(serializers.Serializer):
    unique_id = serializers.CharField()
    start_date = TimelineJSDateSerializer()
    end_date = TimelineJSDateSerializer(required=False, help_text="Ranges and weeks only.")
    display_date = serializers.CharField()
    text = TimelineJSTextSerializer()
    group = serializers.CharField(help_text="The PLOVER category.")


class TimelineJSTitleSerializer(serializers.Serializer):
    text = TimelineJSTextSerializer()


class TimelineJSSerializer(serializers.Serializer):
    """Knight Lab TimelineJS JSON: https://timeline.knightlab.com/docs/json-format.html"""

    title = TimelineJSTitleSerializer()
    events = TimelineJSSlideSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    """An error: a `detail` message, or messages keyed by the parameter or field at fault."""

    detail = serializers.CharField(required=False)


class AliasSerializer(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.CharField(allow_blank=True)


class ActorSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The actor's reader page.")
    aliases = AliasSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = [
            "id", "url", "name", "slug", "kind", "country", "wikidata_id", "description",
            "aliases", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_url(self, actor: Actor) -> str:
        request = self.context.get("request")
        path = actor.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug", "description"]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id", "url", "title", "publisher", "language", "published", "content_hash",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "content_hash", "created_at", "updated_at"]


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text"]
