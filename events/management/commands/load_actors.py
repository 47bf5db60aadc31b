"""python manage.py load_actors seeds/actors.json"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.register import RegisterError, load_actor_register


class Command(BaseCommand):
    help = "Create or update actors from a register file (JSON); running it twice changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A JSON actor register, e.g. seeds/actors.json")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        try:
            report = load_actor_register(data)
        except RegisterError as exc:
            raise CommandError(f"{path}: {exc}; nothing was loaded") from None
        self.stdout.write(
            f"Actor register {path}: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.aliases_added} aliases and "
            f"{report.affiliations_added} affiliations added."
        )
