"""Create the Editors and Contributors groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from events.roles import CONTRIBUTOR_PERMISSIONS, CONTRIBUTORS, EDITOR_PERMISSIONS, EDITORS


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations (post_migrate);
    # create them now so the groups can refer to them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _grant(apps, group_name, dotted):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for name in dotted:
        app_label, codename = name.split(".")
        perm = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(perm)


def create_groups(apps, schema_editor):
    _ensure_permissions(apps)
    _grant(apps, EDITORS, EDITOR_PERMISSIONS)
    _grant(apps, CONTRIBUTORS, CONTRIBUTOR_PERMISSIONS)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, CONTRIBUTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
