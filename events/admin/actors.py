from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from events import editing
from events.admin.base import RegisterAdmin
from events.models import Actor, ActorAlias, Affiliation


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name", "language"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "actor"
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "start_date", "end_date"]


class MergeActorsForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The others are merged into this actor and deleted.",
    )

    def __init__(self, *args: object, actors: QuerySet[Actor], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["keep"].queryset = actors  # type: ignore[attr-defined]


@admin.register(Actor)
class ActorAdmin(RegisterAdmin):
    list_display = ["name", "kind", "country", "wikidata_link", "alias_list", "event_count"]
    # A total order: the autocomplete's pages (and the list's) never skip or repeat a row.
    ordering = ["name", "pk"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases__name", "wikidata_id", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, AffiliationInline]
    actions = ["merge_selected"]
    fields = ["name", "slug", "kind", "country", "wikidata_id", "description"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("aliases")
            .annotate(n_events=Count("participations__event", distinct=True))
        )

    @admin.display(description="Wikidata", ordering="wikidata_id")
    def wikidata_link(self, actor: Actor) -> str:
        return actor.wikidata_id or "—"

    @admin.display(description="Aliases")
    def alias_list(self, actor: Actor) -> str:
        return ", ".join(alias.name for alias in actor.aliases.all())

    @admin.display(description="Events", ordering="n_events")
    def event_count(self, actor: Actor) -> int:
        return actor.n_events  # type: ignore[attr-defined]

    @admin.action(description="Merge selected duplicate actors…", permissions=["delete"])
    def merge_selected(
        self, request: HttpRequest, queryset: QuerySet[Actor]
    ) -> HttpResponse | None:
        if queryset.count() < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        form = MergeActorsForm(request.POST if "confirm" in request.POST else None, actors=queryset)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            moved = editing.merge_actors(
                keep=keep, duplicates=list(queryset.exclude(pk=keep.pk)), user=request.user
            )
            self.message_user(
                request,
                f"Merged {moved['actors']} actor(s) into {keep}: moved {moved['participations']} "
                f"participation(s), {moved['aliases']} alias(es), "
                f"{moved['affiliations']} affiliation(s).",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge duplicate actors",
            "form": form,
            "actors": queryset.annotate(n_parts=Count("participations")),
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/actor/merge.html", context)
