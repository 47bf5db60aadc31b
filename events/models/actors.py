"""The actor register: people, states, organisations and groups, with aliases."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from events.models.text import fold, make_slug
from events.vocab import ActorKind

WIKIDATA_ID_PATTERN = r"^Q[1-9][0-9]*$"
COUNTRY_CODE_PATTERN = r"^[A-Z]{3}$"
country_code_validator = RegexValidator(
    COUNTRY_CODE_PATTERN, "Country is an ISO 3166-1 alpha-3 code in capitals, e.g. FRA."
)


class ActorQuerySet(models.QuerySet["Actor"]):
    def matching(self, text: str) -> ActorQuerySet:
        """Actors whose name or any alias folds to the same string as `text`."""
        folded = fold(text)
        return self.filter(Q(name_folded=folded) | Q(aliases__name_folded=folded)).distinct()

    def named_like(self, text: str) -> ActorQuerySet:
        """Actors whose name or an alias contains `text` once folded ("stubb" finds "Stübb")."""
        folded = fold(text)
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name_folded__contains=folded)
        return self.filter(Q(name_folded__contains=folded) | Exists(aliases))

    def by_ids_or_slugs(self, values: list[str]) -> ActorQuerySet:
        ids = [int(v) for v in values if v.isdigit()]
        slugs = [v for v in values if not v.isdigit()]
        return self.filter(Q(pk__in=ids) | Q(slug__in=slugs))


class Actor(models.Model):
    name = models.CharField(max_length=200, help_text="The name readers know, in English.")
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    kind = models.CharField(max_length=16, choices=ActorKind.choices)
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=16,
        blank=True,
        help_text="The Wikidata item, e.g. Q3052772 for Emmanuel Macron.",
        validators=[
            RegexValidator(
                WIKIDATA_ID_PATTERN, "A Wikidata id is Q followed by digits, e.g. Q3052772."
            )
        ],
    )
    country = models.CharField(
        max_length=3,
        blank=True,
        help_text="ISO 3166-1 alpha-3 code, as PLOVER and CAMEO use (FRA, RUS, USA).",
        validators=[country_code_validator],
    )
    description = models.TextField(blank=True)
    # Folded copy of `name` (see text.fold), filled by save(), for matching.
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="actor_wikidata_id_unique",
                violation_error_message="Another actor already has this Wikidata id.",
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=WIKIDATA_ID_PATTERN),
                name="actor_wikidata_id_well_formed",
                violation_error_message="A Wikidata id is Q followed by digits, e.g. Q3052772.",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=COUNTRY_CODE_PATTERN),
                name="actor_country_iso_alpha3",
                violation_error_message="Country is an ISO 3166-1 alpha-3 code, e.g. FRA.",
            ),
            models.CheckConstraint(condition=Q(kind__in=ActorKind.values), name="actor_kind_valid"),
        ]
        indexes = [
            # The timeline groups lanes by country or kind.
            models.Index(fields=["country", "kind"], name="actor_country_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        self.wikidata_id = self.wikidata_id.strip().upper()
        self.country = self.country.strip().upper()
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("timeline:actor", kwargs={"slug": self.slug})

    def _unique_slug(self) -> str:
        base = make_slug(self.name)
        slug, n = base, 2
        while Actor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    language = models.CharField(
        max_length=12, blank=True, help_text="BCP 47 language tag (en, fr, ru), if any."
    )
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "name_folded"],
                name="alias_unique_per_actor",
                violation_error_message="This actor already has this alias.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})" if self.language else self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Affiliation(models.Model):
    """An actor's tie to another: Lavrov to Russia as Minister of Foreign Affairs."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "role"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(actor=models.F("organization")),
                name="affiliation_not_self",
                violation_error_message="An actor cannot be affiliated with itself.",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="affiliation_dates_in_order",
                violation_error_message="The affiliation ends before it starts.",
            ),
            models.UniqueConstraint(
                fields=["actor", "organization", "role", "start_date"],
                name="affiliation_unique",
            ),
        ]

    def __str__(self) -> str:
        role = f", {self.role}" if self.role else ""
        return f"{self.actor} – {self.organization}{role}"
