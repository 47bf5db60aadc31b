from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from events.admin.base import RegisterAdmin
from events.models import Citation, Source


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["event", "quote", "start_offset", "end_offset"]
    readonly_fields = ["event", "quote", "start_offset", "end_offset"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(RegisterAdmin):
    list_display = ["title", "publisher", "published", "language", "citation_count"]
    list_filter = ["publisher", "language"]
    search_fields = ["title", "url", "publisher", "text"]
    date_hierarchy = "published"
    readonly_fields = ["highlighted_text", "content_hash", "created_at", "updated_at"]
    fields = [
        "url",
        "title",
        "publisher",
        "language",
        "published",
        "text",
        "highlighted_text",
        "content_hash",
        "created_at",
        "updated_at",
    ]
    inlines = [CitationInline]
    # Django 6's default, set explicitly so that 5.2 behaves the same.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(n_citations=Count("citations"))

    @admin.display(description="Citations", ordering="n_citations")
    def citation_count(self, source: Source) -> int:
        return source.n_citations  # type: ignore[attr-defined]

    @admin.display(description="Text with cited quotes")
    def highlighted_text(self, source: Source) -> SafeString:
        return highlight_quotes(source)


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
