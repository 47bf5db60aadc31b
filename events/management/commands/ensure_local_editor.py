"""Make sure a local editor account exists, for `make run` on a developer's machine."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from events.roles import EDITORS


class Command(BaseCommand):
    help = "Create (once) a local editor account in the Editors group and print how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default=settings.LOCAL_EDITOR_USERNAME)
        parser.add_argument(
            "--password-file",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "local-editor-password",
            help="Where the generated password is kept (readable by you only).",
        )

    def handle(self, *args: Any, username: str, password_file: Path, **options: Any) -> None:
        if not settings.DEBUG:
            # A known account on a public server would be a back door.
            raise CommandError("ensure_local_editor is for local development only (DEBUG=1).")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or user_model(username=username, is_staff=True)
            user.is_staff = True
            user.set_password(password)
            user.save()
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        user.groups.add(Group.objects.get(name=EDITORS))
        password = password_file.read_text(encoding="utf-8").strip()
        site = settings.SITE_URL
        self.stdout.write(
            self.style.SUCCESS(
                f"Local editor: log in at {site}/admin/ as {username!r} "
                f"with password {password!r} (kept in {password_file})."
            )
        )
        # Ingested events are drafts: say where a newcomer sees them.
        self.stdout.write(
            f"Then: drafts to review at {site}{reverse('admin:events_ingesteddraft_changelist')}, "
            f"drafts on the timeline at {site}/?status=draft; readers at {site}/ see the "
            "published events."
        )
