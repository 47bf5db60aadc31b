"""Reader pages: the timeline, and permanent pages per event and per actor."""

from __future__ import annotations

from typing import Any

from csp.constants import UNSAFE_EVAL
from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from events.edtf import FIRST_DAY, LAST_DAY, shift
from events.models import Actor, Category, Event, Participation, Topic
from timeline.api.timeline import InvalidQuery, parse_query, timeline_answer
from timeline.history import published_changes, related_events
from timeline.listing import (
    CATEGORY_LABELS,
    actor_url_template,
    event_short_url_template,
    list_items,
    summary,
)
from timeline.streaming import streamed_page

# plotly.js's WebGL traces (scattergl) build their drawing code with Function(), which
# the Content-Security-Policy blocks without 'unsafe-eval' (config/settings.py): the
# pages that draw a chart allow it, no other page does.
chart_csp = csp_update({"script-src": [UNSAFE_EVAL]})

FORM_FIELDS = ("q", "actor", "category", "topic", "group", "start", "end", "event")
ACTOR_PAGE_SIZE = 50


@chart_csp
def home(request: HttpRequest) -> StreamingHttpResponse:
    """The timeline: chart, filters, and the same events as a plain list.

    Sent in two parts (timeline/streaming.py): the head, which starts the
    download of plotly.js, leaves before the window's events are read."""
    form = {name: request.GET.get(name, "") for name in FORM_FIELDS}
    head = render_to_string("timeline/home_start.html", request=request)
    failed = render_to_string("timeline/home_failed.html")
    try:
        query = parse_query(request.GET, request.user)
    except InvalidQuery as exc:
        page = _home_rest(request, form, {}, exc.errors)
        return streamed_page(request, head, lambda: page, failed=failed, status=400)
    return streamed_page(
        request, head, lambda: _home_rest(request, form, timeline_answer(query)), failed=failed
    )


def _home_rest(
    request: HttpRequest,
    form: dict[str, str],
    answer: dict[str, Any],
    errors: dict[str, list[str]] | None = None,
) -> str:
    form["start"] = form["start"] or answer.get("window", {}).get("start", "")
    form["end"] = form["end"] or answer.get("window", {}).get("end", "")
    # isascii: "²" is a digit to isdigit(), not to int().
    selected = int(form["event"]) if form["event"].isascii() and form["event"].isdigit() else None
    context = {
        "form": form,
        "errors": errors or {},
        "answer": answer,
        "items": list_items(answer, selected),
        "summary": summary(answer) if answer else "Events",
        "empty_message": _empty_message(request, form),
        "editor_note": _editor_note(request),
        "preview": _preview(request),
        "config": _config(),
        "actor_options": Actor.objects.order_by("name").values("slug", "name")[:2000],
        "category_options": Category.choices,
        "topic_options": Topic.objects.order_by("name").values("slug", "name"),
    }
    return render_to_string("timeline/home_rest.html", context, request)


def _config() -> dict[str, Any]:
    return {
        "api": reverse("timeline:api:timeline"),
        "home": reverse("timeline:home"),
        "eventUrl": event_short_url_template(),
        "actorUrl": actor_url_template(),
        "categories": CATEGORY_LABELS,
        # The supported range (events.edtf): the page never asks for a window beyond it.
        "range": {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()},
    }


def _empty_message(request: HttpRequest, form: dict[str, str]) -> str:
    if any(form[name] for name in ("q", "actor", "category", "topic")):
        return "No published events match these filters in this window."
    if not Event.objects.public().exists():
        return "No events have been published yet."
    return "No published events in this window."


def _editor_note(request: HttpRequest) -> dict[str, Any] | None:
    """For editors: drafts waiting for review (readers only ever see published events)."""
    if not request.user.has_perm("events.view_event"):
        return None
    drafts = Event.objects.drafts().count()
    if not drafts:
        return None
    return {
        "drafts": drafts,
        "queue_url": reverse("admin:events_ingesteddraft_changelist"),
        "preview_url": reverse("timeline:home") + "?status=draft",
    }


def _preview(request: HttpRequest) -> str:
    """The statuses an editor asked to preview ("draft"), or "" for the readers' view."""
    statuses = request.GET.getlist("status")
    if not statuses or not request.user.has_perm("events.view_event"):
        return ""
    return ", ".join(statuses)


def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    """An event's permanent page; drafts are not found by readers."""
    event = get_object_or_404(Event.objects.public().with_participants(), pk=pk)
    if slug != event.slug:
        return redirect(event, permanent=True)
    context = {
        "event": event,
        "related": related_events(event),
        "changes": published_changes(event),
        "timeline_url": _timeline_link(event),
    }
    return render(request, "timeline/event_detail.html", context)


def _timeline_link(event: Event) -> str:
    pad = max(15, (event.date_end - event.date_start).days // 2)
    start, end = shift(event.date_start, -pad), shift(event.date_end, pad)
    return f"{reverse('timeline:home')}?start={start}&end={end}&event={event.pk}"


@chart_csp  # type: ignore[arg-type]  # django-csp types views as taking the request alone
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Who an actor is, their ties, and their events (a small timeline and a list)."""
    actor = get_object_or_404(Actor.objects.prefetch_related("aliases"), slug=slug)
    page = _page_number(request)
    ids = Participation.objects.filter(actor=actor).values("event_id")
    events = Event.objects.public().filter(pk__in=ids).reverse_chronological()
    offset = (page - 1) * ACTOR_PAGE_SIZE
    rows = list(events.with_participants()[offset : offset + ACTOR_PAGE_SIZE + 1])
    context = {
        "actor": actor,
        "member_of": actor.affiliations.select_related("organization"),
        "members": actor.members.select_related("actor"),
        "events": rows[:ACTOR_PAGE_SIZE],
        "page": page,
        "has_next": len(rows) > ACTOR_PAGE_SIZE,
        "config": {**_config(), "fixed": {"actor": actor.slug}},
        "timeline_url": f"{reverse('timeline:home')}?actor={actor.slug}",
    }
    return render(request, "timeline/actor_detail.html", context)


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100_000:
        raise Http404("No such page.")
    return int(raw)
