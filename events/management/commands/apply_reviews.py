"""python manage.py apply_reviews seeds/reviews.json --as editor"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.ingest.decisions import DecisionError, apply_decisions


class Command(BaseCommand):
    help = (
        "Replay editorial decisions (publish, merge) on ingested drafts, as the given "
        "editor; all or nothing, and running it twice changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A decisions file, e.g. seeds/reviews.json")
        parser.add_argument("--as", dest="username", required=True, help="The reviewing editor")

    def handle(self, *args: Any, path: Path, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}: the decisions need a reviewing editor")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: not UTF-8 JSON ({exc})") from None
        try:
            report = apply_decisions(data, user)
        except (DecisionError, PermissionDenied) as exc:
            raise CommandError(f"{path}: {exc}; nothing was changed") from None
        self.stdout.write(
            f"Reviews {path}: {report.published} published, {report.merged} merged, "
            f"{report.unchanged} already done."
        )
