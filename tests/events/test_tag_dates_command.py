"""python manage.py tag_dates: the dates of an article as JSON, and clear errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_26626691e5079d56.txt"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("tag_dates", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text(encoding="utf-8").split("\n\n", 1)[1], encoding="utf-8")
    return path


def test_it_prints_the_dates_of_an_article_as_json(article: Path) -> None:
    dates = json.loads(run("--published", "2026-02-14", str(article)))

    text = article.read_text(encoding="utf-8")
    assert dates == [
        {"text": "on Friday", "start": 103, "end": 112, "value": "2026-02-13", "precision": "day"},
        {
            "text": "On January 30",
            "start": 1839,
            "end": 1852,
            "value": "2026-01-30",
            "precision": "day",
        },
    ]
    assert all(text[d["start"] : d["end"]] == d["text"] for d in dates)


def test_it_reads_standard_input_in_the_language_given(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Le sommet se tiendra du 13 au 15 mars. Vendredi, le ministre a parlé."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    dates = json.loads(run("--published", "2026-02-14", "--language", "fr", "-"))

    assert [(d["text"], d["value"], d["precision"]) for d in dates] == [
        ("du 13 au 15 mars", "2026-03-13/2026-03-15", "range"),
        ("Vendredi", "2026-02-13", "day"),
    ]


def test_it_follows_the_date_order_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "numeric.txt"
    path.write_text("Filed on 03/02/2026.", encoding="utf-8")

    dates = json.loads(run("--published", "2026-02-14", "--date-order", "MDY", str(path)))

    assert [d["value"] for d in dates] == ["2026-03-02"]


def test_it_tags_one_article_per_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        {"id": 1, "published": "2026-02-14", "text": "Talks resumed last week."},
        {"id": "b", "published": "2026-02-14", "text": "Am 13. Februar 2026.", "language": "de"},
        {"id": 3, "published": "2026-02-14", "text": "No date here."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")

    output = [json.loads(line) for line in run("--jsonl", str(path)).splitlines()]

    assert output == [
        {
            "id": 1,
            "dates": [
                {
                    "text": "last week",
                    "start": 14,
                    "end": 23,
                    "value": "2026-W06",
                    "precision": "week",
                }
            ],
        },
        {
            "id": "b",
            "dates": [
                {
                    "text": "Am 13. Februar 2026",
                    "start": 0,
                    "end": 19,
                    "value": "2026-02-13",
                    "precision": "day",
                }
            ],
        },
        {"id": 3, "dates": []},
    ]


def test_jsonl_lines_without_a_date_take_the_one_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "He left on Friday."}), encoding="utf-8")

    (line,) = run("--jsonl", "--published", "2026-02-14", str(path)).splitlines()

    assert json.loads(line)["dates"][0]["value"] == "2026-02-13"


def test_it_requires_the_publication_date(article: Path) -> None:
    with pytest.raises(CommandError, match="--published is required"):
        run(str(article))


def test_it_refuses_a_publication_date_that_is_not_a_date(article: Path) -> None:
    with pytest.raises(CommandError, match="--published must be a date written YYYY-MM-DD"):
        run("--published", "2026-13-01", str(article))


def test_it_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"

    with pytest.raises(CommandError, match=r"missing\.txt: cannot read the file"):
        run("--published", "2026-02-14", str(missing))


def test_it_refuses_a_language_it_does_not_know(article: Path) -> None:
    with pytest.raises(CommandError, match="unsupported language 'xx'"):
        run("--published", "2026-02-14", "--language", "xx", str(article))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"line 2: not valid JSON"),
        ("[1, 2]", r"line 2: expected a JSON object"),
        ('{"id": 2, "published": "2026-02-14"}', r"line 2: 'text' is missing"),
        ('{"id": 2, "text": "on Friday"}', r"line 2: 'published' is missing"),
        ('{"id": 2, "published": "14/02/2026", "text": "x"}', r"line 2: 'published' must be"),
        ('{"id": 2, "published": "2026-02-14", "text": "x", "language": "xx"}', r"line 2: "),
    ],
)
def test_it_names_the_jsonl_line_that_is_wrong(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "articles.jsonl"
    good = json.dumps({"id": 1, "published": "2026-02-14", "text": "on Friday"})
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        run("--jsonl", str(path))


def test_bad_input_ends_the_command_with_a_non_zero_status(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "tag_dates", str(tmp_path / "missing.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"SECRET_KEY": "test", "PATH": ""},
    )

    assert result.returncode != 0
    assert "--published is required" in result.stderr
