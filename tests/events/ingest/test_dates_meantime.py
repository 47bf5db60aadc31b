"""A regression floor for the date tagger on 19 MEANTIME articles (tests/data/meantime)."""

from __future__ import annotations

from pathlib import Path

from events.ingest.dates.evaluation import score_corpus

SUBSET = Path(__file__).resolve().parents[2] / "data" / "meantime" / "meantime-en-subset.jsonl"


def test_it_finds_and_resolves_meantime_dates_at_least_as_well_as_before() -> None:
    score = score_corpus(SUBSET, "en")

    # Measured when written: 27 gold days, precision 0.96, recall 0.93, value
    # accuracy 0.92, value F1 0.87. Each floor allows about one more error.
    assert score.gold == 27
    assert score.precision >= 0.92, score.errors
    assert score.recall >= 0.88, score.errors
    assert score.value_accuracy >= 0.88, score.errors
    assert score.value_f1 >= 0.83, score.errors
