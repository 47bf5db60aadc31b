"""Reading articles: the seed format, JSON Lines, and a precise error for each problem."""

from __future__ import annotations

import io
from datetime import date

import pytest

from events.ingest.articles import ArticleError, parse_seed, read_articles, read_jsonl

SEED = b" date 2026-02-14 https://example.org/news/1\n\nA title\n\nThe body. It has words.\n"


def test_it_reads_the_seed_format_with_a_leading_space_on_the_date_line():
    article = parse_seed(SEED, "a.txt")
    assert article.url == "https://example.org/news/1"
    assert article.published == date(2026, 2, 14)
    assert article.title == "A title"
    assert article.text == "The body. It has words."


@pytest.mark.parametrize(
    ("data", "where", "reason"),
    [
        (b"2026-02-14 https://x.org/a\nT\nB\n", "a.txt:1", "bad date line"),
        (b"date 2026-02-31 https://x.org/a\nT\nB\n", "a.txt:1", "bad date line"),
        (b"date 2026-02-14\nT\nB\n", "a.txt:1", "missing URL"),
        (b"date 2026-02-14 https://x.org/a\nOnly a title\n", "a.txt:1", "empty body"),
        (b"date 2026-02-14 https://x.org/a\nT\n\xff\xfe body\n", "a.txt:3", "undecodable bytes"),
        (b"date 2026-02-14 not-a-url\nT\nB\n", "a.txt:1", "bad URL"),
        (b"date 2026-02-14 https://x.org:99999/a\nT\nB\n", "a.txt:1", "bad URL"),
    ],
)
def test_each_problem_in_a_seed_file_is_named_with_its_line(data, where, reason):
    with pytest.raises(ArticleError) as caught:
        parse_seed(data, "a.txt")
    assert caught.value.where == where
    assert caught.value.reason.startswith(reason)


def test_jsonl_lines_are_read_on_their_own_and_errors_name_line_and_field():
    data = (
        b'{"url": "https://x.org/1", "published": "2026-02-14", "title": "T", "text": "Body."}\n'
        b"\n"
        b'{"url": "", "published": "2026-02-14", "text": "Body."}\n'
        b'{"url": "https://x.org/3", "published": "14/02/2026", "text": "Body."}\n'
        b'{"url": "https://x.org/4", "published": "2026-02-14", "text": "  "}\n'
        b"{not json\n"
        b'{"url": "https://x.org/6", "published": "2026-02-14", "text": "caf\xe9"}\n'
    )
    items = list(read_jsonl(data, "bulk.jsonl"))
    assert items[0].url == "https://x.org/1"
    errors = [(e.where, e.field, e.reason.split(":")[0]) for e in items[1:]]
    assert errors == [
        ("bulk.jsonl:3", "url", "missing URL"),
        ("bulk.jsonl:4", "published", "bad publication date"),
        ("bulk.jsonl:5", "text", "empty body"),
        ("bulk.jsonl:6", "", "invalid JSON"),
        ("bulk.jsonl:7", "", "undecodable bytes"),
    ]


def test_a_folder_gives_its_articles_and_skips_the_actor_register(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED)
    (tmp_path / "actors.json").write_text('{"actors": []}')
    (tmp_path / "more.jsonl").write_text(
        '{"url": "https://x.org/2", "published": "2026-02-15", "text": "Body."}\n'
    )
    items = list(read_articles([str(tmp_path)], io.BytesIO()))
    assert [a.url for a in items] == ["https://example.org/news/1", "https://x.org/2"]


def test_standard_input_may_hold_either_format():
    jsonl = b'{"url": "https://x.org/2", "published": "2026-02-15", "text": "Body."}\n'
    assert next(read_articles(["-"], io.BytesIO(jsonl))).url == "https://x.org/2"
    assert next(read_articles(["-"], io.BytesIO(SEED))).title == "A title"
