from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.models import Topic


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
