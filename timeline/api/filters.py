"""Query parameters for event lists, shared by /api/events/, the exports and /api/timeline/.

Every filter delegates to an EventQuerySet method, so the API, the timeline and
the reader pages mean the same thing by "involving Lavrov" or "in February".
Bad values fail form validation, which the API turns into a 400 naming the
parameter: ``{"start": ["“soon” is not a date: ..."]}``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import django_filters as filters
from django import forms
from django.db.models import Model, QuerySet
from django.utils.datastructures import MultiValueDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.edtf import FIRST_DAY, LAST_DAY, UncertainDate
from events.models import (
    Actor,
    ActorKind,
    Category,
    DateBasis,
    Event,
    EventQuerySet,
    QuadClass,
    Status,
    Topic,
)
from timeline.api.dates import DateValueError, parse_moment, parse_span

MAX_VALUES = 50
STRING_LIST = {"type": "array", "items": {"type": "string", "maxLength": 100}}


def is_id(text: str) -> bool:
    """ASCII digits that fit a database integer (str.isdigit() also accepts "²")."""
    return re.fullmatch(r"[0-9]{1,18}", text) is not None


def invalid(message: str) -> forms.ValidationError:
    """An error whose text may quote the client's input: passed as a parameter,
    because django-filter %-formats messages and a "%" in the input would crash it."""
    return forms.ValidationError("%(message)s", params={"message": message})


class RepeatableWidget(forms.TextInput):
    """Reads `?actor=a&actor=b` and `?actor=a,b` alike."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        raw = data.getlist(name) if isinstance(data, MultiValueDict) else [data.get(name) or ""]
        values = [part.strip() for item in raw for part in str(item).split(",")]
        return list(dict.fromkeys(v for v in values if v))


class RepeatableField(forms.Field):
    widget = RepeatableWidget

    def clean(self, value: Any) -> list[Any]:
        values = [str(v) for v in value or []]
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(f"Give at most {MAX_VALUES} values.")
        if any(len(v) > 100 for v in values):
            raise forms.ValidationError("A value is longer than 100 characters.")
        if any("\x00" in v for v in values):
            # PostgreSQL refuses NUL in text: a 400 here, not a DataError later.
            raise forms.ValidationError("Null characters are not allowed.")
        return values


class ActorsField(RepeatableField):
    """Actor ids or slugs, resolved to ids; an unknown one is an error naming it."""

    def clean(self, value: Any) -> list[Any]:
        return _resolve(Actor, super().clean(value), "actor")


class TopicsField(RepeatableField):
    def clean(self, value: Any) -> list[Any]:
        return _resolve(Topic, super().clean(value), "topic")


class CountriesField(RepeatableField):
    def clean(self, value: Any) -> list[Any]:
        codes = [v.upper() for v in super().clean(value)]
        bad = [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
        if bad:
            raise invalid(f"{', '.join(bad)}: a country is an ISO 3166-1 alpha-3 code, e.g. FRA.")
        return codes


def _resolve(model: type[Model], values: list[str], noun: str) -> list[int]:
    if not values:
        return []
    ids = [int(v) for v in values if is_id(v)]
    slugs = [v for v in values if not is_id(v)]
    found = model._default_manager.filter(pk__in=ids) | model._default_manager.filter(
        slug__in=slugs
    )
    rows = list(found.values_list("pk", "slug"))
    known = {str(pk) for pk, _ in rows} | {slug for _, slug in rows}
    unknown = [v for v in values if v not in known]
    if unknown:
        raise invalid(f"Unknown {noun}: {', '.join(unknown)}.")
    return sorted({pk for pk, _ in rows})


class DateSpanField(forms.CharField):
    """A date in any accepted form, as the span of days it names."""

    def clean(self, value: Any) -> UncertainDate | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_span(text)
        except DateValueError as exc:
            raise invalid(str(exc)) from None


class StrictBooleanField(forms.CharField):
    """true/false (or 1/0); anything else is an error instead of being ignored."""

    def clean(self, value: Any) -> bool | None:
        text = (super().clean(value) or "").lower()
        if not text:
            return None
        if text in {"true", "1"}:
            return True
        if text in {"false", "0"}:
            return False
        raise invalid(f"“{text[:20]}” is not a boolean: use true or false.")


class MomentField(forms.CharField):
    def clean(self, value: Any) -> datetime | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_moment(text)
        except DateValueError as exc:
            raise invalid(str(exc)) from None


@extend_schema_field(STRING_LIST)
class RepeatableFilter(filters.Filter):
    field_class = RepeatableField


@extend_schema_field(STRING_LIST)
class ActorFilter(RepeatableFilter):
    field_class = ActorsField


@extend_schema_field(STRING_LIST)
class TopicFilter(RepeatableFilter):
    field_class = TopicsField


@extend_schema_field(STRING_LIST)
class CountryFilter(RepeatableFilter):
    field_class = CountriesField


@extend_schema_field(OpenApiTypes.STR)
class DateSpanFilter(filters.Filter):
    field_class = DateSpanField


@extend_schema_field(OpenApiTypes.STR)
class MomentFilter(filters.Filter):
    field_class = MomentField


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(filters.Filter):
    field_class = StrictBooleanField


def documented(filter_: filters.Filter, schema: dict[str, Any]) -> filters.Filter:
    """Give an overridden filter its description in the schema (spectacular drops help_text)."""
    text = filter_.extra.get("help_text", "")
    return extend_schema_field({**schema, "description": text})(filter_)


DATE_STRING = {"type": "string", "maxLength": 100}
BOOLEAN = {"type": "boolean"}


class QueryFilterSet(filters.FilterSet):
    """Filters read from a query string, where an empty value means "not given".

    A plain HTML form sends its empty fields (`?status=&q=`); every parameter,
    choice lists included, reads them as absent (the schema says allowEmptyValue).
    """

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(_without_empty_values(data), *args, **kwargs)


def _without_empty_values(data: Any) -> Any:
    if not isinstance(data, MultiValueDict):
        return data
    kept: MultiValueDict[str, Any] = MultiValueDict()
    for key, values in data.lists():
        given = [value for value in values if value != ""]
        if given:
            kept.setlist(key, given)
    return kept


class EventFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end.end < start.start:
            self.add_error(
                "end",
                f"The window ends ({end.end.isoformat()}) before it starts "
                f"({start.start.isoformat()}).",
            )
        return data


ORDERINGS = {
    "date": EventQuerySet.chronological,
    "-date": EventQuerySet.reverse_chronological,
    "updated": EventQuerySet.by_last_change,
}


class EventFilterSet(QueryFilterSet):
    """Filters for event lists; each parameter combines with the others (AND)."""

    start = documented(
        DateSpanFilter(
            method="_window",
            help_text="Events that may have happened on or after this date (ISO 8601, EDTF or "
            "words: “2026-02-10”, “2026-02”, “last month”, “30 janvier 2026”).",
        ),
        DATE_STRING,
    )
    end = documented(
        DateSpanFilter(
            method="_window",
            help_text="Events that may have happened on or before this date; a month or a "
            "year counts up to its last day.",
        ),
        DATE_STRING,
    )
    within = documented(
        StrictBooleanFilter(
            method="_window",
            help_text="true: only events whose whole date range lies inside start..end "
            "(containment); default: any overlap with the window.",
        ),
        BOOLEAN,
    )
    actor = documented(
        ActorFilter(
            method="_actor",
            help_text="Actor id or slug, repeatable (actor=1&actor=sergey-lavrov) or "
            "comma-separated.",
        ),
        STRING_LIST,
    )
    actor_mode = filters.ChoiceFilter(
        method="_noop",
        choices=[("any", "any"), ("all", "all")],
        help_text="With several actors: events involving any of them (default) or all of them.",
    )
    actor_kind = filters.MultipleChoiceFilter(
        method="_actor_kind",
        choices=ActorKind.choices,
        help_text="Events in which an actor of this kind takes part.",
    )
    country = documented(
        CountryFilter(
            method="_country",
            help_text="ISO 3166-1 alpha-3, repeatable: events that take place in, or involve "
            "an actor of, the country.",
        ),
        STRING_LIST,
    )
    category = filters.MultipleChoiceFilter(
        method="_category", choices=Category.choices, help_text="PLOVER category."
    )
    quad = filters.MultipleChoiceFilter(
        method="_quad", choices=QuadClass.choices, help_text="PLOVER quad class."
    )
    topic = documented(
        TopicFilter(method="_topic", help_text="Topic id or slug, repeatable."), STRING_LIST
    )
    planned = documented(
        StrictBooleanFilter(
            method="_planned",
            help_text="true: only events announced, scheduled or expected in their source; "
            "false: only those reported as having happened.",
        ),
        BOOLEAN,
    )
    date_basis = filters.MultipleChoiceFilter(
        method="_date_basis",
        choices=DateBasis.choices,
        help_text="What the date rests on, repeatable: words (the sentence's own date words), "
        "context (the statement it continues), publication (the article's publication date), "
        "editor.",
    )
    status = filters.MultipleChoiceFilter(
        method="_status",
        choices=Status.choices,
        help_text="Workflow status. Drafts are only ever listed for editors and contributors.",
    )
    q = filters.CharFilter(
        method="_search",
        max_length=200,
        help_text="Full text: words of the title, summary, place or quotes, or an actor's name.",
    )
    updated_since = documented(
        MomentFilter(
            method="_changed_since",
            help_text="Events created or changed at or after this instant (ISO 8601; UTC when "
            "no offset is given), retractions included; deletions are at /api/events/deleted/.",
        ),
        DATE_STRING,
    )
    ordering = filters.ChoiceFilter(
        method="_ordering",
        choices=[(key, key) for key in ORDERINGS],
        help_text="date (default), -date, or updated (oldest change first, for sync).",
    )

    class Meta:
        model = Event
        fields: list[str] = []
        form = EventFilterForm

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        qs = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if data.get("actor"):
            qs = qs.involving(*data["actor"], mode=data.get("actor_mode") or "any")
        return _apply_window(qs, data.get("start"), data.get("end"), bool(data.get("within")))

    def _noop(self, queryset: EventQuerySet, name: str, value: Any) -> EventQuerySet:
        return queryset

    # start, end, within and actor+actor_mode act together in filter_queryset.
    _window = _actor = _noop

    def _actor_kind(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.involving_kind(*value)

    def _country(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.in_country(*value)

    def _category(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.with_category(*value)

    def _quad(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.in_quad(*value)

    def _topic(self, queryset: EventQuerySet, name: str, value: list[int]) -> EventQuerySet:
        return queryset.with_topic(*value)

    def _planned(self, queryset: EventQuerySet, name: str, value: bool) -> EventQuerySet:
        return queryset.with_planned(value)

    def _date_basis(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.dated_by(*value)

    def _status(self, queryset: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return queryset.with_status(*value)

    def _search(self, queryset: EventQuerySet, name: str, value: str) -> EventQuerySet:
        return queryset.search(value)

    def _changed_since(self, queryset: EventQuerySet, name: str, value: datetime) -> EventQuerySet:
        return queryset.changed_since(value)

    def _ordering(self, queryset: EventQuerySet, name: str, value: str) -> EventQuerySet:
        return ORDERINGS[value](queryset)


def _apply_window(
    qs: EventQuerySet, start: UncertainDate | None, end: UncertainDate | None, within: bool
) -> EventQuerySet:
    if start is None and end is None:
        return qs
    first = start.start if start is not None else FIRST_DAY
    last = end.end if end is not None else LAST_DAY
    return qs.within(first, last) if within else qs.overlapping(first, last)
