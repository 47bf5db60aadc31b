"""The editorial groups and what each may do.

Kept in one place so that the data migration, the tests and the docs agree.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
CONTRIBUTORS = "Contributors"

EDITORIAL_MODELS = [
    "actor",
    "actoralias",
    "affiliation",
    "topic",
    "event",
    "participation",
    "eventlink",
    "source",
    "citation",
]

# Editors: everything editorial, including publishing and managing API tokens,
# but no user administration.
EDITOR_PERMISSIONS = [
    *(
        f"events.{action}_{model}"
        for model in EDITORIAL_MODELS
        for action in ("add", "change", "delete", "view")
    ),
    "events.publish_event",
    "authtoken.add_tokenproxy",
    "authtoken.change_tokenproxy",
    "authtoken.delete_tokenproxy",
    "authtoken.view_tokenproxy",
]

# Contributors: create and edit drafts and what a draft needs; no publishing,
# no deleting, and the register of actors is read-only to them.
CONTRIBUTOR_PERMISSIONS = [
    *(
        f"events.{action}_{model}"
        for model in ("event", "participation", "eventlink", "citation", "source")
        for action in ("add", "change", "view")
    ),
    *(f"events.view_{model}" for model in ("actor", "actoralias", "affiliation", "topic")),
]


def ensure_groups(apps: Any = installed_apps) -> None:
    """Create the Editors and Contributors groups with their permissions, or
    complete them; `apps` is a migration's historical registry or the live one."""
    _ensure_permissions(apps)
    _grant(apps, EDITORS, EDITOR_PERMISSIONS)
    _grant(apps, CONTRIBUTORS, CONTRIBUTOR_PERMISSIONS)


def _ensure_permissions(apps: Any) -> None:
    # Permissions are normally created after all migrations (post_migrate);
    # create them now so the groups can refer to them on a fresh database.
    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models


def _grant(apps: Any, group_name: str, dotted: list[str]) -> None:
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name=group_name)
    for name in dotted:
        app_label, codename = name.split(".")
        permission = permission_model.objects.get(
            content_type__app_label=app_label, codename=codename
        )
        group.permissions.add(permission)
