"""python manage.py ingest seeds/ [more.jsonl ...] [-] [--dry-run] [--progress]"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from events.ingest.actors import ActorIndex
from events.ingest.articles import Article, ArticleError, read_articles
from events.ingest.drafts import ParticipantPlan
from events.ingest.service import FAILED, IngestResult, ingest_article
from events.vocab import DateBasis

_PROGRESS_FROM = 20  # articles; fewer go by too fast to need a bar


class Progress:
    """A one-line progress bar on stderr, redrawn in place."""

    def __init__(self, total: int, stream: OutputWrapper, enabled: bool) -> None:
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0

    def step(self) -> None:
        self.done += 1
        if self.enabled and (self.done == self.total or self.done % 10 == 0):
            filled = int(30 * self.done / max(self.total, 1))
            bar = f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}"
            self.stream.write(bar, ending="\n" if self.done == self.total else "")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Ingest news articles (seed format *.txt, JSON Lines *.jsonl, folders, '-' for stdin) "
        "into draft events. Running it twice changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files, folders, or - for standard input")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be created; write nothing"
        )
        parser.add_argument(
            "--progress", action="store_true", help="Show a progress bar even when not on a TTY"
        )

    def handle(self, *args: Any, paths: list[str], **options: Any) -> None:
        items = list(read_articles(paths, sys.stdin.buffer))
        if not items:
            raise CommandError(f"no articles found in {', '.join(paths)}")
        show = options["progress"] or (self.stderr.isatty() and len(items) >= _PROGRESS_FROM)
        progress = Progress(len(items), self.stderr, show)
        index = ActorIndex.from_register()
        tally: Counter[str] = Counter()
        failures: list[str] = []
        for item in items:
            result = self._one(item, index, options["dry_run"])
            self._count(tally, result, options["dry_run"])
            if result.failed:
                failures.append(_failure_line(result))
            elif options["verbosity"] >= 2 or options["dry_run"] or result.notes:
                self._report(result, options["dry_run"], index)
            progress.step()
        self._summary(tally, options["dry_run"])
        if failures:
            for line in failures:
                self.stderr.write(f"failed: {line}")
            raise CommandError(_failed_summary(len(failures), len(items), options["dry_run"]))

    def _count(self, tally: Counter[str], result: IngestResult, dry_run: bool) -> None:
        tally[result.status] += 1
        if dry_run and result.plan is not None:
            tally["drafts"] += len(result.plan.drafts)
            tally["undated"] += len(result.plan.candidates)
        else:
            tally["drafts"] += len(result.counts.created)
            tally["undated"] += result.counts.candidates

    def _one(self, item: Article | ArticleError, index: ActorIndex, dry_run: bool) -> IngestResult:
        if isinstance(item, ArticleError):
            return IngestResult(
                where=item.where, url="", status=FAILED, error=item.reason, error_field=item.field
            )
        return ingest_article(article=item, dry_run=dry_run, index=index)

    def _report(self, result: IngestResult, dry_run: bool, index: ActorIndex) -> None:
        notes = "".join(f"; {note}" for note in result.notes)
        self.stdout.write(f"{result.where}: {result.status}{notes}")
        if result.plan is None or (not dry_run and not result.counts.created):
            return
        verb = "would create" if dry_run else "created"
        for draft in result.plan.drafts:
            who = ", ".join(_participant(index, p) for p in draft.participants)
            planned = " (planned)" if draft.planned else ""
            words = f" “{draft.date_text}”" if draft.date_text else ""
            self.stdout.write(f"  {verb} draft {draft.value.edtf}{words}{planned}: {draft.title}")
            basis = DateBasis(draft.date_basis).label
            self.stdout.write(f"    date: {basis.lower()}: {draft.date_resolution}")
            self.stdout.write(f"    actors: {who}")
            self.stdout.write(f"    quote: “{draft.quote}”")
        for candidate in result.plan.candidates:
            self.stdout.write(f"  undated: “{candidate.quote[:100]}” ({candidate.reason})")

    def _summary(self, tally: Counter[str], dry_run: bool) -> None:
        prefix = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(
            f"{prefix}articles: {tally['new']} new, {tally['unchanged']} unchanged, "
            f"{tally['updated']} updated, {tally['failed']} failed; "
            f"drafts created: {tally['drafts']}; candidates left undated: {tally['undated']}"
        )


def _failed_summary(failed: int, read: int, dry_run: bool) -> str:
    """How a run with failures ends: what happened to the rest, if any."""
    others = read - failed
    if others <= 0:
        rest = "nothing else to read"
    elif dry_run:
        rest = "the others were read (dry run: nothing written)"
    else:
        rest = "the others were ingested"
    return f"{failed} article(s) failed; {rest}"


def _participant(index: ActorIndex, part: ParticipantPlan) -> str:
    words = f": {part.role_words}" if part.role_words else ""
    return f"{index.labels.get(part.actor_id, '?')} ({part.role}{words})"


def _failure_line(result: IngestResult) -> str:
    field = f" ({result.error_field})" if result.error_field else ""
    return f"{result.where}{field}: {result.error}"
