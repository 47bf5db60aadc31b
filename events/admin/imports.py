"""The admin's "Import article" page: one article through the ingestion
service, landing on the drafts it made, or the error on its field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from events.ingest.articles import Article
from events.ingest.lang import LANGUAGES
from events.ingest.service import UNCHANGED, ingest_article
from events.models import IngestedDraft


class ImportArticleForm(forms.Form):
    url = forms.URLField(label="URL", max_length=1000, assume_scheme="https")
    published = forms.DateField(
        label="Publication date",
        help_text="YYYY-MM-DD. Dates such as “on Friday” are resolved against it.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    title = forms.CharField(max_length=500, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 18, "cols": 90}))
    language = forms.ChoiceField(
        choices=[("", "Detect"), *((code, lang.name) for code, lang in LANGUAGES.items())],
        required=False,
    )


def import_article_view(request: HttpRequest) -> HttpResponse:
    """GET: the form; POST: ingest, then the review queue filtered to the article."""
    if not (
        request.user.has_perm("events.add_event") and request.user.has_perm("events.add_source")
    ):
        raise PermissionDenied
    form = ImportArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = _ingest(request, form)
        if response is not None:
            return response
    context: dict[str, Any] = {
        **_site_context(request),
        "title": "Import article",
        "form": form,
        "opts": IngestedDraft._meta,
    }
    return TemplateResponse(request, "admin/events/ingesteddraft/import.html", context)


def _site_context(request: HttpRequest) -> dict[str, Any]:
    from django.contrib import admin

    return admin.site.each_context(request)


def _ingest(request: HttpRequest, form: ImportArticleForm) -> HttpResponse | None:
    data = form.cleaned_data
    article = Article(
        url=data["url"],
        published=data["published"],
        title=data["title"],
        text=data["text"],
        language=data["language"],
        where="the import form",
    )
    result = ingest_article(article=article, user=request.user)  # type: ignore[arg-type]
    if result.failed:
        field = result.error_field if result.error_field in form.fields else None
        form.add_error(field, result.error)
        return None
    if result.status == UNCHANGED:
        messages.info(
            request, "This article was ingested before with the same text: nothing changed."
        )
    else:
        messages.success(
            request,
            f"Article {result.status}: {len(result.counts.created)} draft(s) created, "
            f"{result.counts.candidates} sentence(s) left undated.",
        )
    queue = reverse("admin:events_ingesteddraft_changelist")
    return HttpResponseRedirect(f"{queue}?source={result.source_id}")
