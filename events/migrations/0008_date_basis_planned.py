"""Event.date_basis (what an event's date rests on) and Event.planned (announced, not
known to have happened), on the event, its history and the timeline's LaneEntry.

Events already ingested were dated by their sentence's own words (WORDS), except
a statement that continues the one before it ("..., he said"), which ingestion
dated by that statement and said so in date_resolution (CONTEXT). Every other
event was entered by an editor (EDITOR, the default). History records follow
the same rule, so that reverting an ingested event to an earlier version does
not claim an editor dated it.
"""

from django.conf import settings
from django.db import migrations, models

# How events.ingest.statements wrote the resolution of a continuing statement's date.
CONTINUES = "same occasion as the statement before it"


def date_ingested_events_by_their_basis(apps, schema_editor):
    for name in ("Event", "HistoricalEvent"):
        ingested = apps.get_model("events", name).objects.filter(origin="ingest")
        ingested.filter(date_resolution__startswith=CONTINUES).update(date_basis="context")
        ingested.exclude(date_resolution__startswith=CONTINUES).update(date_basis="words")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_event_first_public_at"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="date_basis",
            field=models.CharField(
                choices=[
                    ("words", "The sentence's own date words"),
                    ("context", "The date of the statement it continues"),
                    ("publication", "The article's publication date"),
                    ("editor", "Set by an editor"),
                ],
                default="editor",
                max_length=12,
                verbose_name="dated by",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="planned",
            field=models.BooleanField(
                default=False,
                help_text="Announced, scheduled or expected in the source; not known to have happened.",
            ),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="date_basis",
            field=models.CharField(
                choices=[
                    ("words", "The sentence's own date words"),
                    ("context", "The date of the statement it continues"),
                    ("publication", "The article's publication date"),
                    ("editor", "Set by an editor"),
                ],
                default="editor",
                max_length=12,
                verbose_name="dated by",
            ),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="planned",
            field=models.BooleanField(
                default=False,
                help_text="Announced, scheduled or expected in the source; not known to have happened.",
            ),
        ),
        migrations.AddField(
            model_name="laneentry",
            name="planned",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(date_ingested_events_by_their_basis, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_basis__in", ["words", "context", "publication", "editor"])
                ),
                name="event_date_basis_valid",
            ),
        ),
    ]
