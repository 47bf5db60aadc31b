"""The shape of /api/timeline/'s answer, for the OpenAPI schema (answers are built as dicts)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

# Built with inline_serializer: fields named "label" and "source" would shadow Field attributes.
LANE_FIELDS: dict[str, Any] = {
    "id": serializers.IntegerField(help_text="Actor id; 0 for the “All events” lane."),
    "label": serializers.CharField(),
    "slug": serializers.CharField(help_text="The actor's page is /actors/<slug>/."),
    "group": serializers.CharField(help_text="Country or kind heading if lanes are grouped."),
    "count": serializers.IntegerField(help_text="Events of this lane in the window."),
}


def _column(child: Any, help_text: str = "") -> serializers.ListField:
    return serializers.ListField(child=child, help_text=help_text)


# Columns: the i-th entry of every list describes the i-th event.
EVENT_COLUMNS: dict[str, Any] = {
    "id": _column(serializers.IntegerField(), "The event's page is /events/<id>/."),
    "title": _column(serializers.CharField()),
    "date": _column(serializers.CharField(), "As written at its precision: “Feb 2026”."),
    "start": _column(serializers.DateField(), "Earliest day."),
    "days": _column(serializers.IntegerField(), "Latest day minus earliest day, in days."),
    "quad": _column(serializers.IntegerField(), "Index in `quads`."),
    "category": _column(serializers.CharField()),
    "retracted": _column(serializers.IntegerField(), "1 for a retracted event."),
    "planned": _column(
        serializers.IntegerField(),
        "1 for an event announced as planned, not known to have happened.",
    ),
    "place": _column(serializers.CharField()),
    "actors": _column(
        serializers.ListField(child=serializers.JSONField()),
        "Per event: [actor index in `actors`, role index in `roles`, role words?], ...",
    ),
    "quote": _column(serializers.CharField(), "The first citation's quote, shortened."),
    "source": _column(serializers.IntegerField(), "Index in `sources`; -1 for none."),
}


class TimelineDensitySerializer(serializers.Serializer):
    """Cells: the i-th entry of lane, bucket, quad and count describe one cell."""

    unit = serializers.ChoiceField(choices=["day", "week", "month", "quarter", "year"])
    edges = serializers.ListField(
        child=serializers.DateField(),
        help_text="Bucket i spans edges[i] up to the day before edges[i+1]. The last edge is "
        "the day after the last bucket, except where that day would be past 9999-12-31, the "
        "end of the supported range: there it is 9999-12-31, and the last bucket includes it.",
    )
    lane = serializers.ListField(child=serializers.IntegerField(), help_text="Index in `lanes`.")
    bucket = serializers.ListField(child=serializers.IntegerField())
    quad = serializers.ListField(child=serializers.IntegerField())
    count = serializers.ListField(
        child=serializers.IntegerField(), help_text="Events that may fall in the bucket."
    )


def _key_label(name: str) -> Any:
    fields: dict[str, Any] = {"key": serializers.CharField(), "label": serializers.CharField()}
    return inline_serializer(name, fields, many=True)


class TimelineSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=["events", "density"])
    window = serializers.DictField(child=serializers.DateField())
    extent = serializers.DictField(
        child=serializers.DateField(), help_text="First and last day of all events you may see."
    )
    threshold = serializers.IntegerField(help_text="Over this many events: density.")
    total = serializers.IntegerField(
        allow_null=True, help_text="Events in the window (events mode)."
    )
    group = serializers.CharField()
    quads = _key_label("TimelineQuad")
    roles = _key_label("TimelineRole")
    lanes = inline_serializer("TimelineLane", LANE_FIELDS, many=True)
    events = inline_serializer("TimelineEvents", EVENT_COLUMNS, required=False)
    actors = serializers.DictField(
        child=serializers.ListField(), required=False, help_text="Columns id and name."
    )
    sources = serializers.DictField(
        child=serializers.ListField(),
        required=False,
        help_text="Columns title, publisher, published and url.",
    )
    density = TimelineDensitySerializer(required=False)
