"""The review queue: drafts made by ingestion, each with its quote in the
source text, likely duplicates, and the actions publish, edit, merge, reject;
plus the "Import article" page that runs the same ingestion code."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from events import editing
from events.admin.base import CheckedSelectionAdmin, object_pk, object_pk_or_404
from events.admin.events import DateBasisFilter
from events.admin.imports import import_article_view
from events.admin.sources import highlight_quotes
from events.ingest.review import likely_duplicates
from events.models import Event, IngestedDraft, Source, Status


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        sources = Source.objects.filter(
            citations__event__in=IngestedDraft.objects.in_review()
        ).distinct()[:50]
        return [(str(s.pk), str(s)[:60]) for s in sources]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        source_pk = object_pk(Source, self.value() or "")
        if source_pk is not None:
            return queryset.filter(citations__source_id=source_pk).distinct()
        return queryset


class EventPermissions:
    """The queue is a view on events: it follows the event permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("events.view_event")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("events.view_event")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("events.change_event")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(IngestedDraft)
class ReviewQueueAdmin(EventPermissions, CheckedSelectionAdmin):
    list_display = [
        "date_written", "date_basis", "planned", "title", "actor_list", "category", "source_title",
    ]  # fmt: skip
    list_display_links = ["title"]
    list_filter = [SourceFilter, DateBasisFilter, "planned", "category", "precision"]
    search_fields = ["title", "citations__quote", "participations__actor__name"]
    actions = ["publish", "reject"]
    change_list_template = "admin/events/ingesteddraft/change_list.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return (
            IngestedDraft.objects.in_review()
            .prefetch_related("participations__actor", "citations__source")
            .order_by("-created_at", "date_start")
        )

    def get_urls(self) -> list[URLPattern]:
        name = "events_ingesteddraft"
        return [
            path(
                "import/",
                self.admin_site.admin_view(import_article_view),
                name=f"{name}_import",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="Date", ordering="date_start")
    def date_written(self, event: Event) -> str:
        return event.display_date

    @admin.display(description="Actors")
    def actor_list(self, event: Event) -> str:
        return ", ".join(sorted({p.actor.name for p in event.participations.all()}))

    @admin.display(description="Source")
    def source_title(self, event: Event) -> str:
        return next((str(c.source) for c in event.citations.all()), "")

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        """The review page of one draft (editing happens on the event's own page)."""
        # "5/junk" (a trailing segment) arrives here as the id: a 404, not a 500.
        pk = object_pk_or_404(Event, object_id)
        event = get_object_or_404(Event.objects.with_participants(), pk=pk)
        if not self.has_view_permission(request, event):
            raise PermissionDenied
        if request.method == "POST":
            return self._act(request, event)
        return TemplateResponse(
            request, "admin/events/ingesteddraft/review.html", self._context(request, event)
        )

    def _context(self, request: HttpRequest, event: Event) -> dict[str, Any]:
        citation = next(iter(event.citations.all()), None)
        return {
            **self.admin_site.each_context(request),
            "title": f"Review: {event.title}",
            "opts": self.model._meta,
            "event": event,
            "citation": citation,
            "source_text": highlight_quotes(citation.source, focus=citation) if citation else "",
            "duplicates": likely_duplicates(event),
            "can_publish": editing.can_publish(request.user) and event.status == Status.DRAFT,
            "can_merge": editing.can_merge_events(request.user),
            "can_reject": editing.can_reject_drafts(request.user),
            "edit_url": reverse("admin:events_event_change", args=[event.pk]),
            "queue_url": reverse("admin:events_ingesteddraft_changelist"),
        }

    def _act(self, request: HttpRequest, event: Event) -> HttpResponse:
        """One decision on the draft; a refusal of the editing rules is a message."""
        try:
            return self._decide(request, event)
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def _decide(self, request: HttpRequest, event: Event) -> HttpResponse:
        action = request.POST.get("action", "")
        queue = reverse("admin:events_ingesteddraft_changelist")
        if action == "publish":
            editing.change_status(events=[event], status=Status.PUBLISHED, user=request.user)
            self.message_user(request, f"Published “{event.title}”.", messages.SUCCESS)
        elif action == "reject":
            editing.reject_drafts(events=[event], user=request.user)
            self.message_user(request, f"Rejected “{event.title}”.", messages.SUCCESS)
        elif action == "merge":
            return self._merge(request, event)
        else:
            self.message_user(request, "Unknown action.", messages.ERROR)
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(queue)

    def _merge(self, request: HttpRequest, event: Event) -> HttpResponse:
        typed = request.POST.get("keep", "").strip()
        pk = object_pk(Event, typed)
        keep = Event.objects.filter(pk=pk).first() if pk is not None else None
        if keep is None or keep.pk == event.pk:
            problem = "Choose another event" if keep else f"There is no event {typed[:20]!r}"
            self.message_user(request, f"{problem} to merge into.", messages.ERROR)
            return HttpResponseRedirect(request.path)
        moved = editing.merge_events(keep=keep, duplicates=[event], user=request.user)
        self.message_user(
            request,
            f"Merged into “{keep.title}”: {moved['citations']} citation(s), "
            f"{moved['participations']} participant(s) moved.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[keep.pk]))

    @admin.action(description="Publish selected drafts", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        try:
            changed = editing.change_status(
                events=queryset, status=Status.PUBLISHED, user=request.user
            )
        except ValidationError as refusal:
            self.message_user(
                request, "Nothing published. " + " ".join(refusal.messages), messages.ERROR
            )
            return
        self.message_user(request, f"{changed} draft(s) published.", messages.SUCCESS)

    @admin.action(description="Reject (delete) selected drafts", permissions=["reject"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = editing.reject_drafts(events=list(queryset), user=request.user)
        self.message_user(request, f"{count} draft(s) rejected.", messages.SUCCESS)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return editing.can_publish(request.user)

    def has_reject_permission(self, request: HttpRequest) -> bool:
        return editing.can_reject_drafts(request.user)
