"""One event (the API's dict) in each export format: a CSV row, a TimelineJS slide, a VEVENT."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Any

import icalendar

from events.edtf import LAST_DAY
from events.models import Category, Precision, Status

# --- CSV ---------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "url", "title", "summary", "date", "date_start", "date_end", "precision",
    "approximate", "date_text", "date_basis", "planned", "status", "category", "quad_class",
    "importance",
    "place_name", "place_country", "latitude", "longitude", "actors", "actor_ids",
    "topics", "source_urls", "version", "created_at", "updated_at",
]  # fmt: skip
# A cell starting with one of these is a formula to Excel or LibreOffice
# (CSV injection, OWASP): prefix it with an apostrophe so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(event: dict[str, Any]) -> list[Any]:
    place = event["place"]
    parts = event["participants"]
    row = [
        event["id"], event["url"], event["title"], event["summary"], event["date"],
        event["date_start"].isoformat(), event["date_end"].isoformat(), event["precision"],
        _bool(event["approximate"]), event["date_text"], event["date_basis"],
        _bool(event["planned"]), event["status"],
        event["category"], event["quad_class"], event["importance"], place["name"],
        place["country"], place["latitude"], place["longitude"],
        "; ".join(f"{p['name']} ({p['role']})" for p in parts),
        "; ".join(str(p["actor"]) for p in parts),
        "; ".join(t["name"] for t in event["topics"]),
        " ".join(dict.fromkeys(c["source_url"] for c in event["citations"])),
        event["version"], _iso(event["created_at"]), _iso(event["updated_at"]),
    ]  # fmt: skip
    return [safe_cell(value) for value in row]


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- TimelineJS (Knight Lab) ---------------------------------------------------

TIMELINEJS_TITLE = {"text": {"headline": "geotimeline", "text": "Events exported from geotimeline"}}


def timelinejs_slide(event: dict[str, Any]) -> dict[str, Any]:
    """A TimelineJS slide: dates broken into parts as precise as the event is known."""
    precision = event["precision"]
    slide: dict[str, Any] = {
        "unique_id": f"event-{event['id']}",
        "start_date": _date_parts(event["date_start"], precision),
        "display_date": event["date_display"],
        "text": {"headline": _headline(event), "text": _slide_html(event)},
        "group": Category(event["category"]).label if event["category"] else "Uncategorised",
    }
    if precision in (Precision.RANGE, Precision.WEEK):
        slide["end_date"] = _date_parts(event["date_end"], precision)
    return slide


def _date_parts(day: date, precision: str) -> dict[str, int]:
    if precision == Precision.YEAR:
        return {"year": day.year}
    if precision == Precision.MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _headline(event: dict[str, Any]) -> str:
    return escape(_headline_text(event))


def _slide_html(event: dict[str, Any]) -> str:
    # TimelineJS inserts this as HTML: every value from the register is escaped.
    blocks = [f"<p>{escape(event['summary'])}</p>"] if event["summary"] else []
    if event["participants"]:
        actors = ", ".join(
            f"{escape(p['name'])} ({escape(p['role'])})" for p in event["participants"]
        )
        blocks.append(f"<p>{actors}</p>")
    for citation in event["citations"]:
        label = escape(citation["publisher"] or citation["source_url"])
        blocks.append(
            f"<blockquote>{escape(citation['quote'])}</blockquote>"
            f'<p><a href="{escape(citation["source_url"])}">{label}</a></p>'
        )
    blocks.append(f'<p><a href="{escape(event["url"])}">Event page</a></p>')
    return "".join(blocks)


# --- iCalendar (RFC 5545) -----------------------------------------------------


def _calendar_header() -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//geotimeline//events export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "geotimeline events")
    return calendar.to_ical().removesuffix(b"END:VCALENDAR\r\n")


ICS_HEADER = _calendar_header()
ICS_FOOTER = b"END:VCALENDAR\r\n"
ICS_STATUS = {
    Status.PUBLISHED: "CONFIRMED",
    Status.RETRACTED: "CANCELLED",
    Status.DRAFT: "TENTATIVE",
}


def vevent(event: dict[str, Any], host: str) -> bytes:
    """An all-day VEVENT spanning the event's days."""
    item = icalendar.Event()
    item.add("uid", f"event-{event['id']}@{host or 'geotimeline'}")
    item.add("dtstamp", event["updated_at"])
    item.add("created", event["created_at"])
    item.add("last-modified", event["updated_at"])
    item.add("sequence", max(event["version"] - 1, 0))
    item.add("dtstart", event["date_start"])
    _add_end(item, event["date_start"], event["date_end"])
    item.add("summary", _headline_text(event))
    item.add("description", _description(event))
    item.add("url", event["url"])
    item.add("status", _ics_status(event))
    item.add("transp", "TRANSPARENT")
    if event["category"]:
        item.add("categories", [event["category"]])
    place = event["place"]
    if place["name"] or place["country"]:
        item.add("location", ", ".join(v for v in (place["name"], place["country"]) if v))
    if place["latitude"] is not None and place["longitude"] is not None:
        item.add("geo", (place["latitude"], place["longitude"]))
    return item.to_ical()


def _add_end(item: icalendar.Event, first: date, last: date) -> None:
    """DTEND is exclusive in RFC 5545: the day after the last. An event ending on
    LAST_DAY has no day after; it takes the DURATION RFC 5545 allows instead."""
    if last < LAST_DAY:
        item.add("dtend", last + timedelta(days=1))
    else:
        item.add("duration", timedelta(days=(last - first).days + 1))


def _ics_status(event: dict[str, Any]) -> str:
    """A planned event is not confirmed to happen: TENTATIVE, unless it was retracted."""
    status = ICS_STATUS.get(event["status"], "CONFIRMED")
    return "TENTATIVE" if event["planned"] and status == "CONFIRMED" else status


def _headline_text(event: dict[str, Any]) -> str:
    """The title as every export heads it: a retraction or a plan says so first."""
    if event["status"] == Status.RETRACTED:
        return "Retracted: " + event["title"]
    return ("Planned: " if event["planned"] else "") + event["title"]


def _description(event: dict[str, Any]) -> str:
    lines = [event["summary"]] if event["summary"] else []
    known = Precision(event["precision"]).label.lower()
    planned = ", announced as planned" if event["planned"] else ""
    lines.append(f"Date: {event['date_display']} (known to the {known}{planned})")
    if event["participants"]:
        lines.append("Actors: " + ", ".join(p["name"] for p in event["participants"]))
    lines += [f"Source: {c['source_url']}" for c in event["citations"]]
    return "\n".join(lines)
