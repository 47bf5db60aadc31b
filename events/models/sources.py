"""Sources (articles, documents) and citations: the exact quote behind an event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from events.models.text import content_hash, normalize_url, unix_newlines
from events.quotes import Span, locate_quote, quote_at


class SourceQuerySet(models.QuerySet["Source"]):
    def by_url(self, url: str) -> SourceQuerySet:
        return self.filter(url=normalize_url(url))


class Source(models.Model):
    url = models.URLField(
        "URL",
        max_length=1000,
        unique=True,
        help_text="Stored normalised: no fragment or tracking.",
        error_messages={"unique": "A source with this URL already exists."},
    )
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=12, blank=True, help_text="BCP 47 tag: en, fr, ru.")
    published = models.DateField("publication date", null=True, blank=True)
    text = models.TextField("full text", blank=True)
    # SHA-256 of the normalised text, filled by save(): re-ingestion compares it.
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["text"])
    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title or self.url

    def save(self, *args: object, **kwargs: object) -> None:
        self.url = normalize_url(self.url)
        self.text = unix_newlines(self.text)
        self.content_hash = content_hash(self.text)
        if not self.publisher:
            self.publisher = publisher_from_url(self.url)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean_fields(self, exclude: object = None) -> None:
        # Normalise first so that the unique check compares normalised URLs:
        # "https://WWW.x.org/a?utm_source=y" is a duplicate of "https://www.x.org/a".
        if self.url:
            try:
                self.url = normalize_url(self.url)
            except ValueError as exc:
                raise ValidationError({"url": str(exc)}) from None
        self.text = unix_newlines(self.text)  # before the editing rules compare texts
        super().clean_fields(exclude=exclude)  # type: ignore[arg-type]


def publisher_from_url(url: str) -> str:
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


class Citation(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="The exact words of the source.")
    start_offset = models.PositiveIntegerField(
        null=True, blank=True, help_text="Character offset of the quote in the source text."
    )
    end_offset = models.PositiveIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(start_offset__isnull=True) & Q(end_offset__isnull=True))
                | Q(start_offset__lt=F("end_offset")),
                name="citation_offsets_in_order",
                violation_error_message="Give both offsets, the start before the end.",
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_quote_not_empty"),
        ]
        indexes = [models.Index(fields=["source", "start_offset"], name="citation_source_idx")]

    def __str__(self) -> str:
        return f"“{self.quote[:60]}”"

    def clean(self) -> None:
        """The quote must occur in the source's text; its offsets are found there.

        Compared after folding whitespace, quotation marks and dashes (see
        events.quotes); the stored quote becomes the source's own words at the
        offsets found. Offsets given that do not hold the quote are corrected to
        its nearest occurrence. Raises ValidationError on `quote` otherwise.
        """
        if not self.source_id or not self.quote:
            return
        text = self.source.text
        if not text.strip():
            raise ValidationError(
                {"quote": "The source has no text to check the quote against: add its text first."}
            )
        start, end = self.start_offset, self.end_offset
        if start is not None and end is not None and quote_at(text, self.quote, start, end):
            span = Span(start, end)
        else:
            found = locate_quote(text, self.quote, near=start)
            if found is None:
                raise ValidationError(
                    {"quote": f"“{_shorten(self.quote)}” is not in the text of “{self.source}”."}
                )
            span = found
        self.start_offset, self.end_offset = span.start, span.end
        self.quote = text[span.start : span.end]


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
