"""python manage.py tag_dates --published 2026-02-14 [--language fr] [FILE|-]
python manage.py tag_dates --jsonl [FILE|-]

Prints the dates the tagger finds in an article as JSON: a list of
{"text", "start", "end", "value", "precision"}, the value in EDTF
("2026-02-13", "2026-02", "2026-W06", "2026", "2026-02-13/2026-02-15").
With --jsonl, each input line is {"id", "published", "text", "language"?} and
each output line {"id", "dates": [...]}.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.ingest.dates import DateMention, tag_dates


class Command(BaseCommand):
    help = "Print the dates in an article as JSON, resolved against its publication date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", default="-", help="a UTF-8 text file, or - for stdin"
        )
        parser.add_argument(
            "--published",
            help="the publication date, YYYY-MM-DD (required unless each --jsonl line has one)",
        )
        parser.add_argument("--language", help="ISO 639-1 code; default: guessed, else English")
        parser.add_argument(
            "--date-order",
            choices=["DMY", "MDY"],
            help="how the source writes numeric dates such as 03/02/2026",
        )
        parser.add_argument(
            "--jsonl", action="store_true", help='input lines {"id", "published", "text"}'
        )

    def handle(self, *args: Any, path: str, jsonl: bool, **options: Any) -> None:
        published = _date(options["published"], "--published") if options["published"] else None
        if published is None and not jsonl:
            # Checked before reading, so that a missing option does not wait on stdin.
            raise CommandError(
                "--published is required: the article's publication date, YYYY-MM-DD"
            )
        text = _read(path)
        settings = {"language": options["language"], "date_order": options["date_order"]}
        if jsonl:
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    self.stdout.write(_tag_line(line, number, published, **settings))
            return
        assert published is not None
        mentions = _tag(text, published, **settings)
        self.stdout.write(json.dumps(mentions, ensure_ascii=False, indent=2))


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text") from None


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"{name} must be a date written YYYY-MM-DD, got {value!r}") from None


def _tag_line(line: str, number: int, published: date | None, **settings: str | None) -> str:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CommandError(f"line {number}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise CommandError(f"line {number}: expected a JSON object with 'id', 'published', 'text'")
    if not isinstance(record.get("text"), str):
        raise CommandError(f"line {number}: 'text' is missing or not a string")
    if "published" in record:
        published = _date(record["published"], f"line {number}: 'published'")
    elif published is None:
        raise CommandError(f"line {number}: 'published' is missing (or give --published)")
    settings["language"] = record.get("language") or settings["language"]
    try:
        dates = _tag(record["text"], published, **settings)
    except CommandError as exc:
        raise CommandError(f"line {number}: {exc}") from None
    return json.dumps({"id": record.get("id"), "dates": dates}, ensure_ascii=False)


def _tag(
    text: str, published: date, language: str | None, date_order: str | None
) -> list[dict[str, Any]]:
    try:
        mentions = tag_dates(text, published, language, date_order=date_order)
    except ValueError as exc:  # an unsupported language
        raise CommandError(str(exc)) from None
    return [_as_json(mention) for mention in mentions]


def _as_json(mention: DateMention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "value": mention.edtf,
        "precision": mention.precision,
    }
