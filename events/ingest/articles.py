"""Reading articles: the seed format and JSON Lines, from files, folders or stdin.

The seed format (seeds/*.txt): a first line ``date YYYY-MM-DD URL``, then the
title, then the body. JSON Lines: one ``{"url", "published", "title", "text",
"language"?}`` object per line. Every problem is an ArticleError that names
the file, the line or field, and the reason, so a run can report it and go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from events.ingest.limits import size_error
from events.models.text import normalize_url, unix_newlines

_DATE_LINE = re.compile(r"^date\s+(?P<date>\S+)(?:\s+(?P<url>\S+))?\s*$", re.IGNORECASE)
_ARTICLE_SUFFIXES = {".txt", ".jsonl", ".ndjson"}
_validate_url = URLValidator(schemes=["http", "https"])


class ArticleError(ValueError):
    """An article that cannot be ingested: where it is and what is wrong."""

    def __init__(self, where: str, reason: str, field: str = "") -> None:
        self.where, self.reason, self.field = where, reason, field
        super().__init__(str(self))

    def __str__(self) -> str:
        field = f" ({self.field})" if self.field else ""
        return f"{self.where}{field}: {self.reason}"


@dataclass(frozen=True)
class Article:
    url: str
    published: date
    title: str
    text: str
    language: str = ""
    where: str = ""  # "seeds/000.txt" or "bulk.jsonl:12", for messages


def parse_seed(data: bytes | str, where: str) -> Article:
    """An article in the seed format; ArticleError says which line is wrong."""
    text = _decode(data, where) if isinstance(data, bytes) else data
    lines = unix_newlines(text.lstrip("\ufeff")).split("\n")
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        raise ArticleError(where, "empty body: the file is empty")
    line_no, first = numbered[0]
    published, url = _date_line(first, f"{where}:{line_no}")
    if len(numbered) < 3:  # the date line, a title, a body
        raise ArticleError(f"{where}:{line_no}", "empty body: a title and a body must follow")
    title_no, title = numbered[1]
    body = "\n".join(lines[title_no:]).strip()
    _check_size(body, f"{where}:{numbered[2][0]}")  # the line the body starts on
    return Article(url=url, published=published, title=title.strip(), text=body, where=where)


def _check_size(text: str, where: str) -> None:
    too_large = size_error(text)
    if too_large:
        raise ArticleError(where, too_large, "text")


def _date_line(line: str, where: str) -> tuple[date, str]:
    match = _DATE_LINE.match(line.strip())
    if match is None:
        raise ArticleError(
            where, f"bad date line: expected 'date YYYY-MM-DD URL', got {line.strip()[:80]!r}"
        )
    try:
        published = date.fromisoformat(match["date"])
    except ValueError:
        raise ArticleError(
            where, f"bad date line: {match['date']!r} is not a date (YYYY-MM-DD)"
        ) from None
    if not match["url"]:
        raise ArticleError(where, "missing URL: the date line ends after the date")
    return published, _checked_url(match["url"], where, "")


def _checked_url(url: str, where: str, field: str) -> str:
    try:
        _validate_url(url)
        normalize_url(url)  # what the Source will store must exist (port <= 65535)
    except (ValidationError, ValueError):
        raise ArticleError(where, f"bad URL: {url[:100]!r} is not an http(s) URL", field) from None
    return url


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{where}:{line}", f"undecodable bytes: not UTF-8 at byte {exc.start}"
        ) from None


def parse_jsonl_line(raw: bytes | str, where: str) -> Article:
    """One JSON Lines record; ArticleError names the field that is wrong."""
    try:
        line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        reason = f"undecodable bytes: not UTF-8 at column {exc.start + 1}"
        raise ArticleError(where, reason) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(where, f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise ArticleError(where, "invalid JSON: each line must be an object")
    url = _string(record, "url", where)
    if not url:
        raise ArticleError(where, "missing URL", "url")
    text = _string(record, "text", where).strip()
    if not text:
        raise ArticleError(where, "empty body", "text")
    _check_size(text, where)
    return Article(
        url=_checked_url(url, where, "url"),
        published=_published(record, where),
        title=_string(record, "title", where).strip(),
        text=text,
        language=_string(record, "language", where).strip(),
        where=where,
    )


def _string(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ArticleError(where, f"must be a string, got {type(value).__name__}", key)
    return value.strip() if key == "url" else value


def _published(record: dict[str, Any], where: str) -> date:
    value = record.get("published")
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(where, "bad publication date: missing", "published")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()[:10]) is not None
        reason = "is not a day of the calendar" if shaped else "is not YYYY-MM-DD"
        raise ArticleError(
            where, f"bad publication date: {value[:40]!r} {reason}", "published"
        ) from None


def read_jsonl(data: bytes, where: str) -> Iterator[Article | ArticleError]:
    """Each non-empty line of a JSON Lines file, parsed on its own."""
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.strip():
            try:
                yield parse_jsonl_line(raw, f"{where}:{number}")
            except ArticleError as error:
                yield error


def read_bytes(data: bytes, where: str, *, jsonl: bool) -> Iterator[Article | ArticleError]:
    """Articles from one file's bytes, in either format."""
    if jsonl:
        yield from read_jsonl(data, where)
        return
    try:
        yield parse_seed(data, where)
    except ArticleError as error:
        yield error


def article_files(paths: list[str]) -> list[Path | str]:
    """The files to read: folders give their *.txt and *.jsonl files, "-" is stdin."""
    files: list[Path | str] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            files.append("-")
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in _ARTICLE_SUFFIXES))
        else:
            files.append(path)
    return files


def read_articles(paths: list[str], stdin: BinaryIO) -> Iterator[Article | ArticleError]:
    """Every article in the given files, folders and stdin ("-"), in order."""
    for item in article_files(paths):
        if item == "-":
            data = stdin.read()
            yield from read_bytes(data, "<stdin>", jsonl=data.lstrip()[:1] == b"{")
            continue
        path = Path(item)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ArticleError(str(path), f"cannot read: {exc.strerror}")
            continue
        yield from read_bytes(data, str(path), jsonl=path.suffix in {".jsonl", ".ndjson"})
