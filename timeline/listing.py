"""The plain list of a timeline answer's events, as the reader page renders it.

static/timeline/list.js builds the same items from the same answer when the
window changes, so the list and the chart always show the same events.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from events.edtf import format_day, html_datetime
from events.models import Category, Event
from events.vocab import QUAD_OF_CATEGORY

CATEGORY_LABELS = {str(c.value): str(c.label) for c in Category}
# Placeholders in URL templates (slugs are lower case, so "SLUG" never occurs in one).
PK, SLUG = "123456789", "SLUG"


def event_url_template() -> str:
    """An event page URL with PK and SLUG in place of the id and slug."""
    return reverse("timeline:event", kwargs={"pk": int(PK), "slug": SLUG})


def event_short_url_template() -> str:
    """/events/PK/: redirects to the event's canonical URL (the answer has no slugs)."""
    return reverse("timeline:event-short", kwargs={"pk": int(PK)})


def actor_url_template() -> str:
    return reverse("timeline:actor", kwargs={"slug": SLUG})


def list_items(answer: dict[str, Any], selected: int | None = None) -> list[dict[str, Any]]:
    """One dict per event of an events-mode answer, in date order."""
    if answer.get("mode") != "events":
        return []
    cols, actors = answer["events"], answer["actors"]
    # The answer leaves slugs out (bytes); the page links to canonical URLs.
    slugs = dict(Event.objects.filter(pk__in=cols["id"]).values_list("pk", "slug"))
    roles = [r["label"].lower() for r in answer["roles"]]
    template = event_url_template()
    items = []
    for i, pk in enumerate(cols["id"]):
        category = cols["category"][i]
        start = date.fromisoformat(cols["start"][i])
        items.append(
            {
                "id": pk,
                "url": template.replace(PK, str(pk)).replace(SLUG, slugs.get(pk) or "event"),
                "title": cols["title"][i],
                "date": cols["date"][i],
                "datetime": html_datetime(start, start + timedelta(days=cols["days"][i])),
                "actors": ", ".join(
                    f"{actors['name'][ref[0]]} ({roles[ref[1]]})" for ref in cols["actors"][i]
                ),
                "category": CATEGORY_LABELS.get(category, ""),
                "quad": QUAD_OF_CATEGORY.get(category, "none"),
                "retracted": bool(cols["retracted"][i]),
                "planned": bool(cols["planned"][i]),
                "selected": pk == selected,
            }
        )
    return items


def summary(answer: dict[str, Any]) -> str:
    """The list's heading: how many events, in which window."""
    start = format_day(date.fromisoformat(answer["window"]["start"]))
    end = format_day(date.fromisoformat(answer["window"]["end"]))
    if answer.get("mode") == "density":
        return f"More than {answer['threshold']:,} events, {start} – {end}"
    total = answer.get("total") or 0
    noun = "event" if total == 1 else "events"
    return f"{total:,} {noun}, {start} – {end}"
