"""Score the date tagger on MEANTIME, next to plain dateparser.

    python tests/bench/bench_dates.py [PATH] [--errors]

PATH is MEANTIME's JSONL (default ../shared/data/meantime-en-timex.jsonl from
the repository root). The matching rule is in events/ingest/dates/evaluation.py:
full-day DATE mentions, spans overlap, values equal. Both taggers run in this
process on the same texts, warmed up first; times are per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from events.ingest.dates import tag_dates, warm_up  # noqa: E402
from events.ingest.dates.evaluation import (  # noqa: E402
    Prediction,
    Score,
    read_documents,
    score_document,
)
from events.vocab import Precision  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "data" / "meantime-en-timex.jsonl"

Tagger = Callable[[str, date], Iterable[Prediction]]
ROW = "{:<30} {:>9} {:>7} {:>9} {:>8} {:>10}"


def ours(text: str, published: date) -> list[Prediction]:
    return [
        Prediction(m.start, m.end, m.value.start.isoformat())
        for m in tag_dates(text, published, "en")
        if m.value.precision == Precision.DAY
    ]


def plain_dateparser(text: str, published: date) -> list[Prediction]:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)  # noqa: DTZ001
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en"], settings=settings) or []
    predictions, position = [], 0
    for words, value in found:
        # search_dates gives words, not offsets: find them in order.
        start = text.find(words, position)
        start = text.find(words) if start < 0 else start
        predictions.append(Prediction(start, start + len(words), value.date().isoformat()))
        position = start + len(words)
    return predictions


def run(tagger: Tagger, documents: list[dict]) -> tuple[Score, Score, float]:
    """Scores on the annotated region and on the whole text, and ms per article."""
    score, whole = Score(), Score()
    elapsed = 0.0
    for document in documents:
        published = date.fromisoformat(document["dct"][:10])
        began = time.perf_counter()
        predictions = list(tagger(document["text"], published))
        elapsed += time.perf_counter() - began
        score_document(score, document, predictions)
        score_document(whole, document, predictions, whole_text=True)
    return score, whole, 1000 * elapsed / max(1, len(documents))


def print_table(title: str, rows: list[tuple[str, Score, float]]) -> None:
    print(title)
    print(ROW.format("tagger", "precision", "recall", "value acc", "value F1", "ms/article"))
    for name, score, ms in rows:
        numbers = (score.precision, score.recall, score.value_accuracy, score.value_f1, ms)
        print(ROW.format(name, *(f"{n:.2f}" for n in numbers)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list our tagger's errors")
    args = parser.parse_args()
    if not args.path.is_file():
        sys.exit(f"{args.path}: no such file (pass the path to meantime-en-timex.jsonl)")
    documents = list(read_documents(args.path))
    warm_up(("en",))
    plain_dateparser("on Friday", date(2026, 2, 14))  # dateparser's first call loads its data
    results = [
        ("geotimeline tag_dates", *run(ours, documents)),
        ("plain dateparser.search_dates", *run(plain_dateparser, documents)),
    ]
    characters = sum(len(d["text"]) for d in documents) / len(documents)
    print(
        f"{len(documents)} articles, {results[0][1].gold} gold full-day dates, "
        f"{characters:.0f} characters per article on average\n"
    )
    print_table(
        "Annotated region (MEANTIME annotates the first five sentences of each article):",
        [(name, region, ms) for name, region, _, ms in results],
    )
    print_table(
        "\nWhole text (dates past the annotated region count as errors: a lower bound):",
        [(name, whole, ms) for name, _, whole, ms in results],
    )
    ratio = results[1][3] / max(results[0][3], 1e-9)
    print(f"\ntime per article: plain dateparser / ours = {ratio:.1f}x")
    if args.errors:
        print("\nour errors:\n" + "\n".join(results[0][1].errors))


if __name__ == "__main__":
    main()
