from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from events import editing
from events.admin.base import RegisterAdmin, object_pk, object_pk_or_404
from events.admin.history import related_changes
from events.admin.refusals import RefusalsAsFormErrors
from events.models import (
    Actor,
    ActorKind,
    Citation,
    DateBasis,
    Event,
    EventLink,
    Participation,
    Status,
)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["actor"]
    fields = ["actor", "role", "role_words"]


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "quote", ("start_offset", "end_offset")]
    # Found in the source's text when the quote is saved (Citation.clean).
    readonly_fields = ["start_offset", "end_offset"]


class EventLinkInline(admin.TabularInline):
    model = EventLink
    fk_name = "from_event"
    extra = 0
    autocomplete_fields = ["to_event"]
    verbose_name = "link to another event"
    verbose_name_plural = "links to other events"


class ActorKindFilter(admin.SimpleListFilter):
    title = "actor kind"
    parameter_name = "actor_kind"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(kind.value, kind.label) for kind in ActorKind]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value():
            return queryset.filter(participations__actor__kind=self.value()).distinct()
        return queryset


class ActorCountryFilter(admin.SimpleListFilter):
    title = "actor country"
    parameter_name = "actor_country"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        codes = Actor.objects.exclude(country="").values_list("country", flat=True).distinct()
        return [(code, code) for code in sorted(codes)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value():
            return queryset.filter(participations__actor__country=self.value()).distinct()
        return queryset


class DateBasisFilter(admin.SimpleListFilter):
    """Drafts dated from the article's dateline, say, to check them one after another."""

    title = "where the date comes from"
    parameter_name = "date_basis"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(basis.value, basis.label) for basis in DateBasis]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() in DateBasis.values:
            return queryset.dated_by(self.value())  # type: ignore[attr-defined]
        return queryset


class EventForm(forms.ModelForm):
    # The version the editor opened; the editing rules refuse a save from an
    # outdated page rather than silently undo someone else's changes.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Event
        exclude: list[str] = []  # the admin's fieldsets choose what is shown

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The stored version, not the instance's: on a revert form the instance
            # is an old version of the event, and the revert edits the current one.
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            self.fields["loaded_version"].initial = current.first()
            self.fields["loaded_version"].required = True


@admin.register(Event)
class EventAdmin(RefusalsAsFormErrors, RegisterAdmin):
    form = EventForm
    list_display = ["date_written", "title", "actor_list", "category", "status"]
    list_display_links = ["date_written", "title"]
    list_filter = [
        "status",
        "category",
        "precision",
        "topics",
        ActorKindFilter,
        ActorCountryFilter,
        "origin",
        "planned",
        DateBasisFilter,
    ]
    search_fields = [
        "title",
        "summary",
        "citations__quote",
        "participations__actor__name",
        "participations__actor__aliases__name",
    ]
    date_hierarchy = "date_start"
    autocomplete_fields = ["topics"]
    inlines = [ParticipationInline, CitationInline, EventLinkInline]
    actions = ["publish", "retract", "return_to_draft"]
    # The date's basis follows from who set the date (events.editing), never typed in.
    readonly_fields = [
        "quad_class", "date_basis", "origin", "version", "created_at", "updated_at",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "summary", "status", "importance", "loaded_version"]}),
        (
            "Date",
            {
                "fields": [
                    ("date_start", "date_end"),
                    ("precision", "approximate"),
                    "date_text",
                    "date_resolution",
                    "date_basis",
                    "planned",
                ]
            },
        ),
        ("Place", {"fields": ["place_name", "place_country", ("latitude", "longitude")]}),
        ("Category", {"fields": ["category", "quad_class", "category_reason", "topics"]}),
        ("Record", {"fields": ["origin", "version", "created_at", "updated_at"]}),
    ]

    object_history_template = "admin/events/event/object_history.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).prefetch_related("participations__actor")

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        pk = object_pk(Event, object_id)  # None: RegisterAdmin answers 404
        related = related_changes(pk) if pk is not None else []
        context = {**(extra_context or {}), "related_changes": related}
        return super().history_view(request, object_id, extra_context=context)

    def get_readonly_fields(self, request: HttpRequest, obj: Event | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        # Contributors work on drafts: the workflow status is the editors' call.
        if not editing.can_publish(request.user):
            fields.append("status")
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or editing.can_edit_event(request.user, obj))

    def save_model(self, request: HttpRequest, obj: Event, form: Any, change: bool) -> None:
        loaded = form.cleaned_data.get("loaded_version") if change else None
        editing.save_event(event=obj, user=request.user, expected_version=loaded)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        editing.check_event(event=form.instance)

    def after_revert(self, object_id: str) -> None:
        editing.check_event(event=Event.objects.get(pk=object_pk_or_404(Event, object_id)))

    def delete_model(self, request: HttpRequest, obj: Event) -> None:
        editing.delete_event(event_id=obj.pk, user=request.user)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            editing.delete_event(event_id=event.pk, user=request.user)

    @admin.display(description="Date", ordering="date_start")
    def date_written(self, event: Event) -> str:
        return event.display_date

    @admin.display(description="Actors")
    def actor_list(self, event: Event) -> str:
        return ", ".join(sorted({p.actor.name for p in event.participations.all()}))

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Event], status: str) -> None:
        try:
            changed = editing.change_status(events=queryset, status=status, user=request.user)
        except ValidationError as refusal:
            self.message_user(
                request, "Nothing changed. " + " ".join(refusal.messages), messages.ERROR
            )
            return
        label = Status(status).label.lower()
        self.message_user(request, f"{changed} event(s) now {label}.", messages.SUCCESS)

    @admin.action(description="Publish selected events", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description="Retract selected events", permissions=["publish"])
    def retract(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self._set_status(request, queryset, Status.RETRACTED)

    @admin.action(description="Return selected events to draft", permissions=["publish"])
    def return_to_draft(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        self._set_status(request, queryset, Status.DRAFT)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return editing.can_publish(request.user)
