from __future__ import annotations

from django.contrib import admin

from events.admin.base import RegisterAdmin
from events.models import Topic


@admin.register(Topic)
class TopicAdmin(RegisterAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
