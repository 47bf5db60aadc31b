"""A regression floor for the date tagger on 19 MEANTIME articles (tests/data/meantime)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from events.ingest.dates import tag_dates
from events.ingest.dates.evaluation import Prediction, Score, read_documents, score_document
from events.vocab import Precision

SUBSET = Path(__file__).resolve().parents[2] / "data" / "meantime" / "meantime-en-subset.jsonl"


def _score() -> Score:
    score = Score()
    for document in read_documents(SUBSET):
        published = date.fromisoformat(document["dct"])
        mentions = tag_dates(document["text"], published, "en")
        days = [m for m in mentions if m.value.precision == Precision.DAY]
        predictions = [Prediction(m.start, m.end, m.value.start.isoformat()) for m in days]
        score_document(score, document, predictions)
    return score


def test_it_finds_and_resolves_meantime_dates_at_least_as_well_as_before() -> None:
    score = _score()

    # Measured when written: 27 gold days, precision 0.96, recall 0.93, value
    # accuracy 0.92, value F1 0.87. Each floor allows about one more error.
    assert score.gold == 27
    assert score.precision >= 0.92, score.errors
    assert score.recall >= 0.88, score.errors
    assert score.value_accuracy >= 0.88, score.errors
    assert score.value_f1 >= 0.83, score.errors
