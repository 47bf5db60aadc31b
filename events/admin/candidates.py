"""Sentences ingestion could not date, and names it could not link: lists for
editors. Suggestions become actors only by an editor's action."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from events.admin.base import CheckedSelectionAdmin
from events.models import Actor, ActorSuggestion, UndatedCandidate
from events.models.ingest import CandidateStatus, SuggestionStatus


class _Follows:
    """Permissions borrowed from a register model: these rows serve its editors."""

    model_name = "event"

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(f"events.view_{self.model_name}")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(f"events.view_{self.model_name}")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(f"events.change_{self.model_name}")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UndatedCandidate)
class UndatedCandidateAdmin(_Follows, CheckedSelectionAdmin):
    list_display = ["quote_start", "speaker", "reason", "category", "source", "status"]
    list_filter = ["status", "category"]
    search_fields = ["quote", "speaker__name"]
    list_select_related = ["speaker", "source"]
    readonly_fields = ["source", "quote", "start_offset", "end_offset", "speaker", "reason"]
    fields = [*readonly_fields, "category", "category_reason", "status", "actors"]
    autocomplete_fields = ["actors"]
    actions = ["dismiss"]

    @admin.display(description="Sentence")
    def quote_start(self, candidate: UndatedCandidate) -> str:
        return candidate.quote[:120]

    @admin.action(description="Dismiss selected candidates", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[UndatedCandidate]) -> None:
        count = queryset.update(status=CandidateStatus.DISMISSED)
        self.message_user(request, f"{count} candidate(s) dismissed.", messages.SUCCESS)


@admin.register(ActorSuggestion)
class ActorSuggestionAdmin(_Follows, CheckedSelectionAdmin):
    model_name = "actor"
    list_display = ["name", "kind", "role_words", "source_count", "status", "actor"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "role_words", "context"]
    readonly_fields = ["name", "context", "actor"]
    fields = ["name", "kind", "role_words", "context", "status", "actor"]
    actions = ["add_to_register", "dismiss"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ActorSuggestion]:
        return super().get_queryset(request).annotate(n_sources=Count("sources"))

    @admin.display(description="Articles", ordering="n_sources")
    def source_count(self, suggestion: ActorSuggestion) -> int:
        return suggestion.n_sources  # type: ignore[attr-defined]

    @admin.action(description="Add selected names to the actor register", permissions=["add_actor"])
    def add_to_register(self, request: HttpRequest, queryset: QuerySet[ActorSuggestion]) -> None:
        added = 0
        with transaction.atomic():
            for suggestion in queryset.filter(status=SuggestionStatus.OPEN):
                actor = Actor.objects.matching(suggestion.name).first()
                if actor is None:
                    actor = Actor.objects.create(name=suggestion.name, kind=suggestion.kind)
                    added += 1
                suggestion.actor, suggestion.status = actor, SuggestionStatus.ACCEPTED
                suggestion.save()
        self.message_user(request, f"{added} actor(s) added to the register.", messages.SUCCESS)

    @admin.action(description="Dismiss selected suggestions", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[ActorSuggestion]) -> None:
        count = queryset.update(status=SuggestionStatus.DISMISSED)
        self.message_user(request, f"{count} suggestion(s) dismissed.", messages.SUCCESS)

    def has_add_actor_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("events.add_actor")
