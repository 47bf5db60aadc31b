"""Change lists browsable by date to the end of the supported calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.admin.views.main import ChangeList
from django.http import HttpRequest

from events.edtf import LAST_DAY


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
        bounded: dict[str, Any] = {**lookups, f"{prefix}gte": [first_day]}
        return specs, has_filters, bounded, duplicates, True

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
