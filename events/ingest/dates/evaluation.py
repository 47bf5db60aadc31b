"""Scoring a date tagger against TIMEX3 gold annotations (MEANTIME's JSONL).

What is scored: full-day dates. Gold mentions are the TIMEX3 of type DATE
whose value is a full day (YYYY-MM-DD), except the dateline (function
CREATION_TIME). Predictions are the tagger's day-precision mentions; weeks,
months, years and ranges are not full days and are left out of this score.

Matching rule: a prediction matches a gold mention when their character spans
overlap, one to one, in text order. A match is value-correct when the
predicted day equals the gold value. Predictions that overlap only a dateline,
a TIME expression or a DATE naming part of a day ("this morning" is annotated
2008-01-09TMO) are neither right nor wrong and are not counted.

Annotated region: MEANTIME annotates only the first five sentences of each
article (the title, then the dateline with the first sentence of the body, then
three more). Every gold mention lies there; a date found later in the article
was never annotated, so it cannot be judged and is not counted. The region is
found with a plain sentence splitter of its own, independent of the tagger's.

precision = matched / predictions, recall = matched / gold,
value accuracy = value-correct / matched, and value F1 is the F1 of
value-correct / predictions and value-correct / gold: a tagger scores well only
if it finds the dates and resolves them to the right day.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from events.ingest.lang import LANGUAGES
from events.vocab import Precision

_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_OF_DAY = re.compile(r"\d{4}-\d{2}-\d{2}T\w+")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z0-9])|\n")
_LAST_WORD = re.compile(r"(\w+)\.?[.!?]*[\"'”’)]*\s*\Z")
ANNOTATED_SENTENCES = 5


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    value: str  # YYYY-MM-DD


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.matched)

    @property
    def value_f1(self) -> float:
        p, r = _ratio(self.value_correct, self.predicted), _ratio(self.value_correct, self.gold)
        return _ratio(2 * p * r, p + r)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def read_documents(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def gold_days(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        t
        for t in document["timexes"]
        if t["type"] == "DATE"
        and _FULL_DAY.fullmatch(t.get("value") or "")
        and t.get("function") != "CREATION_TIME"
    ]


def _unscored(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        t
        for t in document["timexes"]
        if t.get("function") == "CREATION_TIME"
        or t["type"] == "TIME"
        # NEREL gives a value only where a span names one explicit day: a
        # span without one cannot judge what is found there.
        or not t.get("value")
        or _PART_OF_DAY.fullmatch(t["value"])
    ]


def annotated_end(text: str, language: str = "en", sentences: int = ANNOTATED_SENTENCES) -> int:
    """Where the first `sentences` sentences end; the dateline line joins the next sentence."""
    known = LANGUAGES.get(language)
    abbreviations = known.all_abbreviations if known else frozenset()
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group() != "\n" and _after_abbreviation(text, match.start(), abbreviations):
            continue
        starts.append(match.end())
    if len(starts) > 2:
        del starts[2]  # the dateline ("March 01, 2008") is not a sentence of its own
    return starts[sentences] if len(starts) > sentences else len(text)


def _after_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word = _LAST_WORD.search(text, max(0, dot - 20), dot + 1)
    return word is not None and (len(word[1]) == 1 or word[1].lower() in abbreviations)


def score_document(
    score: Score,
    document: dict[str, Any],
    predictions: Iterable[Prediction],
    *,
    whole_text: bool = False,
) -> None:
    """Add one document's counts to `score`.

    With `whole_text`, dates past the annotated region count too (as errors
    when no gold mention is there): a pessimistic bound on precision.
    """
    gold = gold_days(document)
    ignored = _unscored(document)
    used: set[int] = set()
    score.gold += len(gold)
    text = document["text"]
    region = len(text) if whole_text else annotated_end(text, document.get("language", "en"))
    for p in sorted(predictions, key=lambda p: p.start):
        if p.start >= region:
            continue
        hit = next((i for i, g in enumerate(gold) if i not in used and _overlap(p, g)), None)
        if hit is None:
            if not any(_overlap(p, t) for t in ignored):
                score.predicted += 1
                score.errors.append(
                    f"{document['doc_id']}: extra {_quote(document, p)} -> {p.value}"
                )
            continue
        used.add(hit)
        score.predicted += 1
        score.matched += 1
        if gold[hit]["value"] == p.value:
            score.value_correct += 1
        else:
            wanted = gold[hit]["value"]
            score.errors.append(
                f"{document['doc_id']}: {_quote(document, p)} -> {p.value}, gold {wanted}"
            )
    for i, g in enumerate(gold):
        if i not in used:
            score.errors.append(f"{document['doc_id']}: missed {g['text']!r} ({g['value']})")


def day_predictions(text: str, published: date, language: str) -> list[Prediction]:
    """The date tagger's day-precision mentions of `text`, as predictions to score."""
    from events.ingest.dates.tagger import tag_dates  # the tagger does not need scoring

    return [
        Prediction(m.start, m.end, m.value.start.isoformat())
        for m in tag_dates(text, published, language)
        if m.value.precision == Precision.DAY
    ]


def score_corpus(path: Path, language: str) -> Score:
    """The date tagger's score on a TIMEX3 corpus file (one document per line)."""
    score = Score()
    for document in read_documents(path):
        published = date.fromisoformat(document["dct"])
        score_document(score, document, day_predictions(document["text"], published, language))
    return score


def _overlap(p: Prediction, timex: dict[str, Any]) -> bool:
    return p.start < timex["end"] and timex["start"] < p.end


def _quote(document: dict[str, Any], p: Prediction) -> str:
    return repr(document["text"][p.start : p.end])
