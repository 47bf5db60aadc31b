"""Reader pages: the timeline, and permanent pages per event and per actor."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from events.models import Actor, Event


def home(request: HttpRequest) -> HttpResponse:
    events = Event.objects.public().chronological().with_participants()[:200]
    return render(request, "timeline/home.html", {"events": events})


def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    event = get_object_or_404(Event.objects.public().with_participants(), pk=pk)
    if slug != event.slug:
        return redirect(event, permanent=True)
    return render(request, "timeline/event_detail.html", {"event": event})


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.prefetch_related("aliases"), slug=slug)
    events = Event.objects.public().involving(actor).chronological().with_participants()
    return render(request, "timeline/actor_detail.html", {"actor": actor, "events": events})
