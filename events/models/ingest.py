"""What ingestion stores besides events: where each draft came from, sentences
it could not date, and names it could not link to the register."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from events.models.actors import Actor
from events.models.events import Event, EventQuerySet
from events.models.sources import Source
from events.models.text import fold
from events.vocab import ActorKind, Category, Origin, Status


class SourceIngestion(models.Model):
    """The text of a source as ingestion last read it: re-ingesting the same
    text is a no-op, a different one updates the source and its drafts."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="ingestion")
    content_hash = models.CharField(max_length=64)
    language = models.CharField(max_length=12, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"ingestion of {self.source}"


class DraftOrigin(models.Model):
    """The statement of a source that produced a draft event.

    `key` identifies the statement within the source (a hash of its words), so
    re-ingestion finds the draft it made before. The row outlives a rejected
    draft (event set to NULL, state "rejected") so that the draft is not made
    again; after a merge it points at the event that absorbed the draft.
    """

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        MERGED = "merged", "Merged into another event"
        REJECTED = "rejected", "Rejected by an editor"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="draft_origins")
    key = models.CharField(max_length=40)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_origins"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    # The event's version right after ingestion wrote it: a later version means
    # someone edited the draft, and ingestion must leave it alone.
    ingested_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="draftorigin_unique_key"),
            models.CheckConstraint(
                condition=Q(state__in=["active", "merged", "rejected"]),
                name="draftorigin_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}:{self.key}"

    def is_touched(self) -> bool:
        """Whether an editor changed the draft since ingestion wrote it."""
        event = self.event
        if event is None or self.state != self.State.ACTIVE:
            return True
        if event.status != Status.DRAFT or event.version != self.ingested_version:
            return True
        # Creation through the admin's import page is recorded with its user;
        # any later change by a person counts as a touch.
        return event.history.filter(history_user__isnull=False).exclude(history_type="+").exists()


class CandidateStatus(models.TextChoices):
    OPEN = "open", "Open"
    DRAFTED = "drafted", "Draft made"
    DISMISSED = "dismissed", "Dismissed"


class UndatedCandidate(models.Model):
    """A statement with actors but no date the text supports: an editor may
    date it by hand; ingestion never guesses."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="undated_candidates")
    key = models.CharField(max_length=40)
    quote = models.TextField()
    start_offset = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actors = models.ManyToManyField(Actor, blank=True, related_name="undated_candidates")
    category = models.CharField(max_length=16, choices=Category.choices, blank=True)
    category_reason = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, help_text="Why no date was given.")
    status = models.CharField(
        max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.OPEN
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "start_offset"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="candidate_unique_key"),
            models.CheckConstraint(
                condition=Q(start_offset__lt=F("end_offset")), name="candidate_offsets_in_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CandidateStatus.values), name="candidate_status_valid"
            ),
        ]
        # The candidates list filters by status, newest sources first.
        indexes = [models.Index(fields=["status", "source"], name="candidate_status_source_idx")]

    def __str__(self) -> str:
        return f"“{self.quote[:60]}”"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Added to the register"
    DISMISSED = "dismissed", "Dismissed"


class ActorSuggestion(models.Model):
    """A name that looks like a person or an organisation but is not in the
    register: an editor adds it (or an alias) or dismisses it."""

    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=200, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=ActorKind.choices)
    role_words = models.CharField(max_length=200, blank=True)
    context = models.TextField(blank=True, help_text="The sentence it was first seen in.")
    sources = models.ManyToManyField(Source, blank=True, related_name="actor_suggestions")
    status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=SuggestionStatus.values), name="suggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ActorKind.values), name="suggestion_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class IngestedDraftQuerySet(EventQuerySet):
    def in_review(self) -> IngestedDraftQuerySet:
        """Drafts that ingestion made and no editor has published or rejected yet."""
        return self.filter(status=Status.DRAFT, origin=Origin.INGEST)


class IngestedDraft(Event):
    """Events as the review queue shows them (a proxy: same table)."""

    objects = IngestedDraftQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        proxy = True
        verbose_name = "draft to review"
        verbose_name_plural = "review queue"
