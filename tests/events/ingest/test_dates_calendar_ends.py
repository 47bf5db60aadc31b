"""An article dated at the calendar's ends: mentions past them have no date to
give and are dropped; the others are still read, and ingestion does not fail."""

from __future__ import annotations

from datetime import date

import pytest

from events.ingest.articles import Article
from events.ingest.dates.tagger import tag_dates
from events.ingest.service import ingest_article
from events.models import Actor, Event

FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)


def tagged(text: str, published: date, language: str = "en") -> dict[str, str]:
    return {m.text: m.value.edtf for m in tag_dates(text, published, language)}


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("He left tomorrow, next week and next year.", "en", LAST, {}),
        (
            "Last year and yesterday were calm.",
            "en",
            LAST,
            {"Last year": "9998", "yesterday": "9999-12-30"},
        ),
        ("Last year and yesterday were calm.", "en", FIRST, {}),
        (
            "It ends tomorrow and next month.",
            "en",
            FIRST,
            {"tomorrow": "0001-01-02", "next month": "0001-02"},
        ),
        ("They met on Friday.", "en", FIRST, {}),
        (
            "He arrived on 31 December. The next day he left.",
            "en",
            LAST,
            {"on 31 December": "9999-12-31"},
        ),
        ("Il reviendra le 3 janvier.", "fr", LAST, {}),
        ("Er kam am 3. Januar zurück.", "de", LAST, {"am 3. Januar": "9999-01-03"}),
        ("Он вернулся 3 января.", "ru", LAST, {"3 января": "9999-01-03"}),
    ],
)
def test_mentions_past_the_ends_are_dropped_and_the_rest_kept(
    text: str, language: str, published: date, expected: dict[str, str]
) -> None:
    assert tagged(text, published, language) == expected


@pytest.mark.django_db
def test_an_article_dated_the_last_day_is_ingested() -> None:
    Actor.objects.create(name="Emmanuel Macron", kind="person")
    article = Article(
        url="https://news.example.org/end-of-time",
        published=LAST,
        title="At the end",
        text="Emmanuel Macron said on Friday that it was over. He will return tomorrow.",
        language="en",
    )
    result = ingest_article(article=article)
    assert not result.failed, result.error
    assert Event.objects.filter(date_start=LAST).exists()
