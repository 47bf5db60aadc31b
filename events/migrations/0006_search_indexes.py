"""GIN indexes for the API's full-text filter `q`, on PostgreSQL only.

Built from the same SearchVector expressions as events/models/search.py
(event_words, quote_words), so the planner recognises them; a test checks it
uses them. SQLite has no GIN indexes and searches word by word instead.
"""

from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "simple"


def _indexes():
    from django.contrib.postgres.indexes import GinIndex

    return [
        (
            "event",
            GinIndex(
                SearchVector("title", "summary", "place_name", "date_text", config=CONFIG),
                name="event_search_gin",
            ),
        ),
        ("citation", GinIndex(SearchVector("quote", config=CONFIG), name="citation_search_gin")),
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes():
        schema_editor.add_index(apps.get_model("events", model), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes():
        schema_editor.remove_index(apps.get_model("events", model), index)


class Migration(migrations.Migration):
    dependencies = [("events", "0005_event_dates_pk_idx")]

    operations = [migrations.RunPython(create, drop)]
