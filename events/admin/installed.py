"""The admins that installed libraries register (users and groups, API tokens,
login attempts), given the same safeguards as the register's own pages: a
date hierarchy or a selection that cannot be read is a message, not a 500."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.http import HttpRequest

from events.admin.base import CheckedChangeList, CheckedSelectionAdmin


class _Safeguarded(CheckedSelectionAdmin):
    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return CheckedChangeList


def safeguard_installed_admins(site: admin.AdminSite = admin.site) -> None:
    """Re-register every admin of another app with the safeguards mixed in."""
    for model, model_admin in list(site._registry.items()):
        if model._meta.app_label == "events" or isinstance(model_admin, CheckedSelectionAdmin):
            continue
        cls = type(model_admin)
        site.unregister(model)
        site.register(model, type(cls.__name__, (_Safeguarded, cls), {}))
