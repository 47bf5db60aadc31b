"""Event.first_public_at: when readers could first see an event (published or retracted).

Sync needs it to tell readers about a draft or a deletion only when they once saw
the event. Existing rows get it from what they left behind: the earliest history
record with a public status, or published_at, whichever is earlier; a public row
with neither (bulk-created, no history) falls back to updated_at. History records
get it too, from the record on, so the "-" record of an event deleted before this
migration still tells whether readers saw it.
"""

from django.db import migrations, models
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, Least

PUBLIC = ["published", "retracted"]


def _earliest(queryset, field):
    return Subquery(queryset.order_by(field).values(field)[:1])


def _first_public(history, fallback=None):
    """The earliest of (first public history record, first published_at) for OuterRef("id")."""
    records = history.objects.filter(id=OuterRef("id"))
    shown = _earliest(records.filter(status__in=PUBLIC), "history_date")
    published = _earliest(records.filter(published_at__isnull=False), "published_at")
    rest = [fallback] if fallback is not None else []
    datetime = models.DateTimeField()
    # Least() is NULL on SQLite if any argument is; both Coalesces are NULL only together.
    return Least(
        Coalesce(shown, published, *rest, output_field=datetime),
        Coalesce(published, shown, *rest, output_field=datetime),
        output_field=datetime,
    )


def fill_first_public_at(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    HistoricalEvent = apps.get_model("events", "HistoricalEvent")
    public_since_last_save = Case(When(status__in=PUBLIC, then=F("updated_at")))
    Event.objects.update(first_public_at=_first_public(HistoricalEvent, public_since_last_save))
    moment = _first_public(HistoricalEvent)
    HistoricalEvent.objects.filter(Q(history_date__gte=moment)).update(first_public_at=moment)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="first_public_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="first_public_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_first_public_at, migrations.RunPython.noop),
    ]
