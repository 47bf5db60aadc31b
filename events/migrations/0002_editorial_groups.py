"""Create the Editors and Contributors groups with their permissions."""

from django.db import migrations

from events.roles import CONTRIBUTORS, EDITORS, ensure_groups


def create_groups(apps, schema_editor):
    ensure_groups(apps)


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
