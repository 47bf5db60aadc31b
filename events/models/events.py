"""Events with uncertain dates, their participants, topics and links."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from events.edtf import InvalidDate, UncertainDate, unit_bounds
from events.models.actors import COUNTRY_CODE_PATTERN, Actor, country_code_validator
from events.models.sources import Citation
from events.models.text import make_slug
from events.vocab import (
    PUBLIC_STATUSES,
    Category,
    DateBasis,
    LinkKind,
    Origin,
    Precision,
    QuadClass,
    Role,
    Status,
    quad_class_of,
)


class Topic(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = make_slug(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def public(self) -> EventQuerySet:
        """What anonymous readers may see: published events and retractions."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def drafts(self) -> EventQuerySet:
        return self.filter(status=Status.DRAFT)

    def once_public(self) -> EventQuerySet:
        """Events readers saw at some time, whatever their status now."""
        return self.filter(first_public_at__isnull=False)

    def overlapping(self, start: date, end: date) -> EventQuerySet:
        """Events that may have happened within [start, end], both days included.

        An event known only as "February 2026" spans 1-28 Feb, so it overlaps a
        window of 10-12 Feb even though its exact day is unknown.
        """
        return self.filter(date_start__lte=end, date_end__gte=start)

    def within(self, start: date, end: date) -> EventQuerySet:
        """Events certainly within [start, end]: both bounds inside the window."""
        return self.filter(date_start__gte=start, date_end__lte=end)

    def involving(self, *actors: Actor | int, mode: str = "any") -> EventQuerySet:
        """Events in which any (or, with mode="all", every) given actor takes part."""
        ids = [a.pk if isinstance(a, Actor) else a for a in actors]
        if not ids:
            return self
        if mode == "all":
            qs = self
            for actor_id in ids:
                qs = qs.filter(Exists(_participations_of([actor_id])))
            return qs
        return self.filter(Exists(_participations_of(ids)))

    def with_category(self, *categories: str) -> EventQuerySet:
        return self.filter(category__in=categories)

    def in_quad(self, *quads: str) -> EventQuerySet:
        return self.filter(quad_class__in=quads)

    def with_planned(self, planned: bool) -> EventQuerySet:
        """Events announced as planned (True), or those said to have happened (False)."""
        return self.filter(planned=planned)

    def dated_by(self, *bases: str) -> EventQuerySet:
        """Events whose date rests on any of these DateBasis values."""
        return self.filter(date_basis__in=bases)

    def chronological(self) -> EventQuerySet:
        return self.order_by("date_start", "date_end", "pk")

    def reverse_chronological(self) -> EventQuerySet:
        return self.order_by("-date_start", "-date_end", "-pk")

    def by_last_change(self) -> EventQuerySet:
        """Oldest change first: the order a mirror syncs in."""
        return self.order_by("updated_at", "pk")

    def visible_to(self, user: Any) -> EventQuerySet:
        """What `user` may read: drafts too for editors and contributors (see
        can_see_drafts), published and retracted events for everyone else."""
        return self.all() if can_see_drafts(user) else self.public()

    def with_status(self, *statuses: str) -> EventQuerySet:
        return self.filter(status__in=statuses)

    def changed_since(self, since: datetime) -> EventQuerySet:
        """Events created or changed at or after `since` (retractions included)."""
        return self.filter(updated_at__gte=since)

    def involving_kind(self, *kinds: str) -> EventQuerySet:
        """Events in which an actor of any of these kinds (person, state, ...) takes part."""
        parts = Participation.objects.filter(event=OuterRef("pk"), actor__kind__in=kinds)
        return self.filter(Exists(parts))

    def in_country(self, *codes: str) -> EventQuerySet:
        """Events that take place in, or involve an actor of, any of these countries."""
        parts = Participation.objects.filter(event=OuterRef("pk"), actor__country__in=codes)
        return self.filter(Q(place_country__in=codes) | Exists(parts))

    def with_topic(self, *topics: Topic | int) -> EventQuerySet:
        ids = [t.pk if isinstance(t, Topic) else t for t in topics]
        tagged = Event.topics.through.objects.filter(event=OuterRef("pk"), topic_id__in=ids)
        return self.filter(Exists(tagged))

    def search(self, text: str) -> EventQuerySet:
        """Full text: PostgreSQL text search, a portable fallback elsewhere (see search.py)."""
        from events.models.search import search_events

        return search_events(self, text)

    def with_participants(self) -> EventQuerySet:
        """Prefetch what an event list shows, in a fixed number of queries."""
        return self.prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor").order_by("role", "pk"),
            ),
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("source").order_by("pk"),
            ),
            "topics",
        )


def can_see_drafts(user: Any) -> bool:
    """Editors and contributors, who may view events in the admin, also read drafts."""
    return bool(user is not None and user.is_authenticated and user.has_perm("events.view_event"))


def _participations_of(actor_ids: Iterable[int]) -> models.QuerySet[Participation]:
    return Participation.objects.filter(event=OuterRef("pk"), actor_id__in=list(actor_ids))


class Event(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, allow_unicode=True, blank=True, editable=False)
    summary = models.TextField(blank=True)

    # The date as uncertain data: the earliest and latest day it can be, at a
    # precision; `date_text` keeps the source's words ("on Friday").
    date_start = models.DateField("earliest date")
    date_end = models.DateField("latest date")
    precision = models.CharField(max_length=8, choices=Precision.choices, default=Precision.DAY)
    approximate = models.BooleanField(default=False, help_text="The source hedges (“around”).")
    date_text = models.CharField(
        "date as written",
        max_length=200,
        blank=True,
        help_text="The source's words, e.g. “on Friday”.",
    )
    date_resolution = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the words were resolved, e.g. against the publication date.",
    )
    # Ingestion says what the date rests on, so that an editor can tell a date the
    # sentence gives from one borrowed from the article's dateline; an editor's
    # change of the date makes it the editor's (events.editing).
    date_basis = models.CharField(
        "dated by",
        max_length=12,
        choices=DateBasis.choices,
        default=DateBasis.EDITOR,
    )
    planned = models.BooleanField(
        default=False,
        help_text="Announced, scheduled or expected in the source; not known to have happened.",
    )

    place_name = models.CharField("place", max_length=200, blank=True)
    place_country = models.CharField(
        "place country",
        max_length=3,
        blank=True,
        help_text="ISO 3166-1 alpha-3 code.",
        validators=[country_code_validator],
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    category = models.CharField(
        "PLOVER category", max_length=16, choices=Category.choices, blank=True
    )
    # Derived from `category` by save(); stored because lists filter and colour by it.
    quad_class = models.CharField(
        max_length=24, choices=QuadClass.choices, blank=True, editable=False
    )
    category_reason = models.CharField(
        max_length=300, blank=True, help_text="Why this category was suggested."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    importance = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="1 (minor) to 5 (major): zoomed-out views show important events first.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.EDITOR)
    # Bumped on every save: clients send back the version they read, and a
    # stale one is refused instead of silently overwriting someone's work.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When readers could first see it (published, or retracted straight from draft:
    # retractions are public). Never cleared, and copied into every history record,
    # so sync can tell a draft or a deletion that readers once saw from one they never did.
    first_public_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords(m2m_fields=[topics])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "date_end", "pk"]
        permissions = [
            ("publish_event", "Can publish, retract and return events to draft"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__lte=F("date_end")),
                name="event_bounds_in_order",
                violation_error_message="The latest date is before the earliest date.",
            ),
            models.CheckConstraint(
                condition=~Q(precision=Precision.DAY) | Q(date_start=F("date_end")),
                name="event_day_precision_is_one_day",
                violation_error_message="A date at day precision is a single day.",
            ),
            models.CheckConstraint(
                condition=~Q(precision=Precision.RANGE) | Q(date_start__lt=F("date_end")),
                name="event_range_spans_days",
                violation_error_message="A range of days spans at least two days.",
            ),
            models.CheckConstraint(
                condition=Q(precision__in=Precision.values), name="event_precision_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(date_basis__in=DateBasis.values), name="event_date_basis_valid"
            ),
            models.CheckConstraint(
                condition=Q(category="") | Q(category__in=Category.values),
                name="event_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5), name="event_importance_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(place_country="") | Q(place_country__regex=COUNTRY_CODE_PATTERN),
                name="event_place_country_iso_alpha3",
                violation_error_message="Country is an ISO 3166-1 alpha-3 code, e.g. DEU.",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="event_coordinates_valid",
                violation_error_message="Give both latitude (-90..90) and longitude (-180..180).",
            ),
        ]
        indexes = [
            # published().overlapping(start, end), in date order: lists, timeline.
            models.Index(
                fields=["status", "date_start", "date_end"], name="event_status_dates_idx"
            ),
            # overlapping() from the other bound (date_end >= start).
            models.Index(fields=["date_end"], name="event_date_end_idx"),
            # updated_since sync, per status.
            models.Index(fields=["status", "updated_at"], name="event_status_updated_idx"),
            # The API's cursor pages in date order (chronological(), with the pk as
            # the tie-break): read in index order and stop after a page, instead of
            # sorting every public event (45 ms -> 0.5 ms at 100k on SQLite).
            models.Index(fields=["date_start", "date_end", "id"], name="event_dates_pk_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.display_date}: {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and self.first_public_at is None:
            # Never cleared, not even by a save of an instance read before the event
            # became public (one lookup by key, for events no reader has seen yet).
            stored = Event.objects.filter(pk=self.pk).values_list("first_public_at", flat=True)
            self.first_public_at = stored.first()
        self.fill_derived_fields()
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", kwargs={"pk": self.pk, "slug": self.slug or "event"})

    def fill_derived_fields(self) -> None:
        """What save() derives from the other fields; bulk_create callers call it themselves."""
        self.quad_class = quad_class_of(self.category)
        if self.status in PUBLIC_STATUSES and self.first_public_at is None:
            self.first_public_at = self.published_at or timezone.now()
        # An event readers never saw has no public address yet: its slug follows the
        # title as editors correct it. After that, the address stays put.
        if not self.slug or self.first_public_at is None:
            self.slug = make_slug(self.title)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.date_start and self.date_end:
            errors.update(_date_errors(self.precision, self.date_start, self.date_end))
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "Give both latitude and longitude, or neither."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def uncertain_date(self) -> UncertainDate:
        return UncertainDate(self.date_start, self.date_end, self.precision, self.approximate)

    @property
    def display_date(self) -> str:
        """The date at its precision: "13 Feb 2026", "Feb 2026", "2026"."""
        return self.uncertain_date.display

    @property
    def edtf(self) -> str:
        return self.uncertain_date.edtf

    @property
    def html_datetime(self) -> str:
        return self.uncertain_date.html_datetime


def _date_errors(precision: str, start: date, end: date) -> dict[str, str]:
    """Field errors for bounds that do not fit the precision."""
    if end < start:
        return {"date_end": "The latest date is before the earliest date."}
    if precision == Precision.DAY and start != end:
        return {
            "date_end": "At day precision the latest date is the earliest date; "
            "for several days choose “Range of days”."
        }
    if precision == Precision.RANGE and start == end:
        return {"date_end": "A range of days spans at least two days; choose “Day”."}
    if precision in (Precision.WEEK, Precision.MONTH, Precision.YEAR):
        try:
            first, last = unit_bounds(precision, start)
        except InvalidDate as exc:  # the week of 27-31 Dec 9999 ends in year 10000
            return {"date_start": str(exc)}
        if (start, end) != (first, last):
            label = Precision(precision).label.lower()
            return {
                "date_end": f"At {label} precision the dates are the first and last day of "
                f"the {label}: {first.isoformat()} to {last.isoformat()}."
            }
    return {}


class Participation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MENTIONED)
    role_words = models.CharField(
        max_length=200, blank=True, help_text="The role as the source words it: “French President”."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "actor", "role"],
                name="participation_unique_actor_role",
                violation_error_message="This actor already has this role in the event.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="participation_role_valid"
            ),
        ]
        indexes = [
            # involving(actor): events of an actor, and the actor page.
            models.Index(fields=["actor", "event"], name="participation_actor_event_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class EventLink(models.Model):
    """A typed link: Dmitriev's comment responds to Macron's speech."""

    from_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links_out")
    to_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=16, choices=LinkKind.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_event", "to_event", "kind"], name="eventlink_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_event=F("to_event")),
                name="eventlink_not_self",
                violation_error_message="An event cannot link to itself.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=LinkKind.values), name="eventlink_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_event_id} {self.get_kind_display()} {self.to_event_id}"
