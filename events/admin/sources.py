from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from events import editing
from events.admin.base import RegisterAdmin, object_pk
from events.admin.refusals import RefusalsAsFormErrors
from events.models import Citation, Source

# Citations shown on a source's page; the rest are a click away. An inline of
# every citation made a page of 5,000 rows whose form could not be sent back
# (past DATA_UPLOAD_MAX_NUMBER_FIELDS), and the source could not be saved.
CITATIONS_SHOWN = 10


class CitationSourceFilter(admin.SimpleListFilter):
    """The source a citation list is narrowed to (from a source's page): only
    that one is offered, as a list of every source would be as long as the register."""

    title = "source"
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        source = self._source()
        return [(str(source.pk), str(source)[:60])] if source else []

    def queryset(self, request: HttpRequest, queryset: QuerySet[Citation]) -> QuerySet[Citation]:
        pk = object_pk(Source, self.value() or "")
        return queryset.filter(source_id=pk) if pk is not None else queryset

    def _source(self) -> Source | None:
        pk = object_pk(Source, self.value() or "")
        return Source.objects.filter(pk=pk).first() if pk is not None else None


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    """Citations, read only, page by page: the list a source's page links to.
    They are edited on their event's page, in context; this list is not in the
    admin's index."""

    list_display = ["quote_start", "event_link", "start_offset", "end_offset"]
    list_filter = [CitationSourceFilter]
    list_select_related = ["event"]
    search_fields = ["quote"]
    ordering = ["source", "start_offset", "pk"]
    list_per_page = 100

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="Quote")
    def quote_start(self, citation: Citation) -> str:
        return citation.quote if len(citation.quote) <= 120 else citation.quote[:119] + "…"

    @admin.display(description="Event", ordering="event")
    def event_link(self, citation: Citation) -> SafeString:
        return _event_link(citation)


def _event_link(citation: Citation) -> SafeString:
    url = reverse("admin:events_event_change", args=[citation.event_id])
    return format_html('<a href="{}">{}</a>', url, citation.event)


def citations_url(source: Source) -> str:
    """The list of the source's citations."""
    return f"{reverse('admin:events_citation_changelist')}?source={source.pk}"


@admin.register(Source)
class SourceAdmin(RefusalsAsFormErrors, RegisterAdmin):
    list_display = ["title", "publisher", "published", "language", "citation_count"]
    # A total order: the autocomplete's pages (and the list's) never skip or repeat a row.
    ordering = ["-published", "title", "pk"]
    list_filter = ["publisher", "language"]
    search_fields = ["title", "url", "publisher", "text"]
    date_hierarchy = "published"
    readonly_fields = [
        "highlighted_text",
        "citation_list",
        "content_hash",
        "created_at",
        "updated_at",
    ]
    fields = [
        "url",
        "title",
        "publisher",
        "language",
        "published",
        "text",
        "highlighted_text",
        "citation_list",
        "content_hash",
        "created_at",
        "updated_at",
    ]
    # Django 6's default, set explicitly so that 5.2 behaves the same.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(n_citations=Count("citations"))

    def has_change_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and editing.can_change_source(request.user, obj)

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        editing.save_source(source=obj, user=request.user)

    @admin.display(description="Citations", ordering="n_citations")
    def citation_count(self, source: Source) -> int:
        return source.n_citations  # type: ignore[attr-defined]

    @admin.display(description="Text with cited quotes")
    def highlighted_text(self, source: Source) -> SafeString:
        return highlight_quotes(source)

    @admin.display(description="Citations")
    def citation_list(self, source: Source) -> SafeString | str:
        count = source.citations.count() if source.pk else 0
        if not count:
            return "None yet."
        shown = source.citations.select_related("event").order_by("start_offset", "pk")
        rows = format_html_join(
            "",
            "<li>“{}” — {}</li>",
            ((c.quote[:120], _event_link(c)) for c in shown[:CITATIONS_SHOWN]),
        )
        label = "it" if count == 1 else f"all {count:,}"
        link = format_html(
            '<a href="{}">See {} in the list of citations</a>', citations_url(source), label
        )
        return format_html('<ul class="gt-citations">{}</ul><p>{}</p>', rows, link)


def highlight_quotes(source: Source, *, focus: Citation | None = None) -> SafeString:
    """The source text, escaped, with each cited span wrapped in <mark>."""
    text = source.text
    spans = sorted(
        (c.start_offset, c.end_offset, c.pk)
        for c in source.citations.all()
        if c.start_offset is not None and c.end_offset is not None and c.end_offset <= len(text)
    )
    pieces: list[tuple[str, str]] = []
    cursor = 0
    for start, end, pk in spans:
        if start < cursor:  # overlapping quotes: mark the first, keep the text whole
            continue
        pieces.append(("", text[cursor:start]))
        css = "gt-quote gt-focus" if focus is not None and focus.pk == pk else "gt-quote"
        pieces.append((css, text[start:end]))
        cursor = end
    pieces.append(("", text[cursor:]))
    body = format_html_join(
        "",
        "{}",
        (
            (format_html('<mark class="{}">{}</mark>', css, chunk) if css else chunk,)
            for css, chunk in pieces
        ),
    )
    return format_html(
        '<div class="gt-source-text" style="white-space: pre-wrap; max-width: 60em">{}</div>', body
    )
