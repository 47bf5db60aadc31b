"""python manage.py ingest: files, folders, stdin, summary, failures, dry run."""

from __future__ import annotations

import io
import shutil
import sys

import pytest
from django.core.management import CommandError, call_command

from events.models import Event, Source
from tests.events.ingest.conftest import SEED_ARTICLE

pytestmark = pytest.mark.django_db

GOOD = (
    '{"url": "https://x.org/1", "published": "2026-02-14", "language": "en", '
    '"text": "Emmanuel Macron said on Friday that he wanted talks with Russia."}\n'
)
BAD = '{"url": "https://x.org/2", "published": "2026-02-14", "text": "   "}\n'


def run(*args, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    finally:
        sys.stdin = old
    return out.getvalue(), err.getvalue()


def test_it_ingests_a_folder_and_prints_a_summary(register, tmp_path):
    shutil.copy(SEED_ARTICLE, tmp_path)
    (tmp_path / "actors.json").write_text('{"actors": []}')
    out, _ = run(str(tmp_path))
    assert "articles: 1 new, 0 unchanged, 0 updated, 0 failed; drafts created: 8" in out
    out, _ = run(str(tmp_path))
    assert "articles: 0 new, 1 unchanged, 0 updated, 0 failed; drafts created: 0" in out


def test_failures_are_named_and_the_run_goes_on_then_exits_non_zero(register, tmp_path):
    (tmp_path / "bulk.jsonl").write_text(BAD + GOOD)
    with pytest.raises(CommandError, match=r"1 article.* failed; the others were ingested"):
        run(str(tmp_path / "bulk.jsonl"))
    assert Source.objects.get().url == "https://x.org/1"


def test_a_run_whose_only_article_fails_says_so(register, tmp_path):
    bad_day = '{"url": "https://x.org/9", "published": "2026-02-30", "text": "Some news."}\n'
    (tmp_path / "one.jsonl").write_text(bad_day)
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"1 article.* failed; nothing else to read"):
        call_command("ingest", str(tmp_path / "one.jsonl"), stdout=io.StringIO(), stderr=err)
    assert "'2026-02-30' is not a day of the calendar" in err.getvalue()
    with pytest.raises(CommandError, match="nothing else to read"):
        call_command(
            "ingest", str(tmp_path / "one.jsonl"), "--dry-run", stdout=io.StringIO(), stderr=err
        )


def test_failure_lines_name_the_file_line_field_and_reason(register, tmp_path, capsys):
    (tmp_path / "bulk.jsonl").write_text(BAD)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "bulk.jsonl"), stdout=io.StringIO(), stderr=err)
    assert f"failed: {tmp_path / 'bulk.jsonl'}:1 (text): empty body" in err.getvalue()


def test_it_reads_json_lines_from_standard_input(register):
    out, _ = run("-", stdin=GOOD.encode())
    assert "1 new" in out
    assert Event.objects.count() == 1


def test_a_dry_run_prints_the_drafts_and_writes_nothing(register):
    out, _ = run("-", "--dry-run", stdin=GOOD.encode())
    assert "would create draft 2026-02-13 “on Friday”: Emmanuel Macron" in out
    assert "    date: the sentence's own date words: weekday 'Friday'" in out


def test_a_dry_run_says_where_a_date_comes_from_and_what_is_planned(register):
    line = (
        '{"url": "https://x.org/3", "published": "2026-02-14", "text": "Sergey Lavrov said '
        'that talks were over. Alexander Stubb will travel to Rome on Friday."}\n'
    )
    out, _ = run("-", "--dry-run", stdin=line.encode())
    assert "would create draft 2026-02-14~: Sergey Lavrov: talks were over" in out
    assert "    date: the article's publication date: dated from the article" in out
    assert "would create draft 2026-02-20 “on Friday” (planned): Alexander Stubb will travel" in out
    assert "Dry run (nothing written)" in out
    assert Source.objects.count() == Event.objects.count() == 0


def test_the_progress_bar_goes_to_stderr_when_asked(register):
    _, err = run("-", "--progress", stdin=GOOD.encode())
    assert "[##############################] 1/1" in err
