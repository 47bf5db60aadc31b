"""What every admin page of the register shares: values from the address or a
form that cannot name anything (an id "abc" or "1/junk", a year past the
calendar) are answered as Django answers a missing object, a bad filter or an
empty selection, never with a 500.

The admin passes the URL's text on as the object id (`<path:object_id>`), and
django-simple-history hands it to the database as it is.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.timezone import make_aware
from simple_history.admin import SimpleHistoryAdmin

from events.edtf import LAST_DAY


def object_pk(model: type[models.Model], raw: str) -> Any | None:
    """The primary key `raw` spells for `model`, or None if it cannot name a row."""
    field = model._meta.pk
    assert field is not None
    try:
        pk = field.to_python(unquote(str(raw)))
    except ValidationError:
        return None
    if isinstance(pk, int) and not _in_range(field, pk):
        return None
    return pk


def object_pk_or_404(model: type[models.Model], raw: str) -> Any:
    """As object_pk, for views that answer "not found" to an id that cannot be one."""
    pk = object_pk(model, raw)
    if pk is None:
        raise Http404(f"No {model._meta.verbose_name} with the id {str(raw)[:40]!r}.")
    return pk


def _in_range(field: models.Field[Any, Any], value: int) -> bool:
    # SQLite raises OverflowError past 64 bits, PostgreSQL an error past the column's type.
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class CalendarEndChangeList(ChangeList):
    """Django's date hierarchy bounds the year, month or day chosen by the first
    day after it, which does not exist after 31 Dec 9999 (a 500, Django ticket
    #37357). A unit that ends the calendar is bounded by its first day alone:
    nothing lies after it."""

    def get_filters(self, request: HttpRequest) -> Any:
        first_day = self._first_day_of_a_last_unit()
        if first_day is None:
            return super().get_filters(request)
        prefix = f"{self.date_hierarchy}__"
        chosen = self.filter_params
        self.filter_params = {k: v for k, v in chosen.items() if not k.startswith(prefix)}
        try:
            specs, has_filters, lookups, duplicates, _ = super().get_filters(request)
        finally:
            self.filter_params = chosen
        bounded: dict[str, Any] = {**lookups, f"{prefix}gte": [self._as_field_value(first_day)]}
        return specs, has_filters, bounded, duplicates, True

    def _as_field_value(self, day: date) -> date | datetime:
        """The day as the hierarchy's field holds it: a date, or its first instant
        (in the current time zone, as Django's own bounds are) for a DateTimeField."""
        field = get_fields_from_path(self.model, self.date_hierarchy)[-1]
        if isinstance(field, models.DateTimeField):
            return make_aware(datetime.combine(day, time.min))
        return day

    def _first_day_of_a_last_unit(self) -> date | None:
        """The first day of the chosen year, month or day if it ends on LAST_DAY."""
        if not self.date_hierarchy:
            return None
        parts = [self.params.get(f"{self.date_hierarchy}__{unit}") for unit in ("year", "month")]
        day = self.params.get(f"{self.date_hierarchy}__day")
        try:
            year, month = (int(part) if part else None for part in parts)
            if year != LAST_DAY.year or (month is not None and month != LAST_DAY.month):
                return None
            first = date(year, month or 1, int(day) if day else 1)
        except (TypeError, ValueError):
            return None  # not a date: Django's own handling says so
        return first if (day is None or first == LAST_DAY) else None


class CheckedChangeList(CalendarEndChangeList):
    """Django's list, refusing a date hierarchy it cannot turn into dates like any
    other bad filter (back to the list with "?e=1"). Django catches ValueError
    only: a year of 99999999999999999999 raises OverflowError."""

    def get_filters(self, request: HttpRequest) -> Any:
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class CheckedSelectionAdmin(admin.ModelAdmin):
    """Refuses an action on a selection holding ids that cannot be ids (a form
    tampered with), as Django refuses an empty selection: a message, not a 500."""

    def response_action(
        self, request: HttpRequest, queryset: QuerySet[Any], *args: Any, **kwargs: Any
    ) -> HttpResponse | None:
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if any(object_pk(self.model, value) is None for value in selected):
            messages.warning(
                request, "The selection names items that cannot exist. No items have been changed."
            )
            return HttpResponseRedirect(request.get_full_path())
        # Newer Django passes more (where the action form was): pass it on.
        return super().response_action(request, queryset, *args, **kwargs)


class RegisterAdmin(CheckedSelectionAdmin, SimpleHistoryAdmin):
    """The admin of a register kept with its history (events, actors, sources, topics)."""

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return CheckedChangeList

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        object_pk_or_404(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        object_pk_or_404(self.model, object_id)
        object_pk_or_404(self.model.history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
