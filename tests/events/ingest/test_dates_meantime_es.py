"""A regression floor for the date tagger on 29 Spanish MEANTIME articles
(tests/data/meantime-es)."""

from __future__ import annotations

from pathlib import Path

from events.ingest.dates.evaluation import score_corpus

SUBSET = Path(__file__).resolve().parents[2] / "data" / "meantime-es" / "meantime-es-subset.jsonl"


def test_it_finds_and_resolves_spanish_meantime_dates_at_least_as_well_as_before() -> None:
    score = score_corpus(SUBSET, "es")

    # Measured when written: 61 gold days, precision 0.97, recall 0.95, value
    # accuracy 0.97, value F1 0.93 (the errors left are mostly the gold's own:
    # "2008-27-10"). Plain dateparser: value F1 0.49. Each floor allows about
    # one more error.
    assert score.gold == 61
    assert score.precision >= 0.94, score.errors
    assert score.recall >= 0.92, score.errors
    assert score.value_accuracy >= 0.94, score.errors
    assert score.value_f1 >= 0.90, score.errors
