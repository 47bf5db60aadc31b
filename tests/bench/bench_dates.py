"""Score the date tagger on annotated news, next to plain dateparser, per language.

    python tests/bench/bench_dates.py [PATH ...] [--errors]

Each PATH is a JSON Lines corpus in MEANTIME's format (default
../shared/data/meantime-en-timex.jsonl from the repository root); a record's
`language` says its language (English when absent). The matching rule is in
events/ingest/dates/evaluation.py: full-day DATE mentions, spans overlap,
values equal. MEANTIME corpora (English and Spanish) annotate only the first
five sentences of an article, so they are scored there; the other corpora are
annotated throughout and scored on the whole text. Both taggers run in this
process on the same texts, warmed up first; times are per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from events.ingest.dates import warm_up  # noqa: E402
from events.ingest.dates.evaluation import (  # noqa: E402
    Prediction,
    Score,
    day_predictions,
    read_documents,
    score_document,
)

DEFAULT_PATH = ROOT.parent / "shared" / "data" / "meantime-en-timex.jsonl"

Tagger = Callable[[str, date, str], Iterable[Prediction]]
ROW = "{:<30} {:>9} {:>7} {:>9} {:>8} {:>10}"
SUMMARY = "{:<34} {:>8} {:>5} {:>5} {:>10} {:>11} {:>8}"


def ours(text: str, published: date, language: str) -> list[Prediction]:
    return day_predictions(text, published, language)


def plain_dateparser(text: str, published: date, language: str) -> list[Prediction]:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)  # noqa: DTZ001
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=[language], settings=settings) or []
    predictions, position = [], 0
    for words, value in found:
        # search_dates gives words, not offsets: find them in order.
        start = text.find(words, position)
        start = text.find(words) if start < 0 else start
        predictions.append(Prediction(start, start + len(words), value.date().isoformat()))
        position = start + len(words)
    return predictions


@dataclass
class Corpus:
    path: Path
    documents: list[dict]

    @property
    def language(self) -> str:
        return str(self.documents[0].get("language") or "en")

    @property
    def name(self) -> str:
        return str(self.documents[0].get("corpus") or self.path.stem)

    @property
    def whole_text(self) -> bool:
        """MEANTIME annotates the first five sentences; the others the whole text."""
        return "meantime" not in self.name


def run(tagger: Tagger, corpus: Corpus) -> tuple[Score, Score, float]:
    """Scores on the annotated region and on the whole text, and ms per article."""
    score, whole = Score(), Score()
    elapsed = 0.0
    for document in corpus.documents:
        published = date.fromisoformat(document["dct"][:10])
        began = time.perf_counter()
        predictions = list(tagger(document["text"], published, corpus.language))
        elapsed += time.perf_counter() - began
        score_document(score, document, predictions, whole_text=corpus.whole_text)
        score_document(whole, document, predictions, whole_text=True)
    return score, whole, 1000 * elapsed / max(1, len(corpus.documents))


def print_table(title: str, rows: list[tuple[str, Score, float]]) -> None:
    print(title)
    print(ROW.format("tagger", "precision", "recall", "value acc", "value F1", "ms/article"))
    for name, score, ms in rows:
        numbers = (score.precision, score.recall, score.value_accuracy, score.value_f1, ms)
        print(ROW.format(name, *(f"{n:.2f}" for n in numbers)))


def bench(corpus: Corpus, errors: bool) -> tuple[Score, Score]:
    """Print one corpus's tables; its scores (ours, dateparser's) where it is annotated."""
    results = [
        ("geotimeline tag_dates", *run(ours, corpus)),
        ("plain dateparser.search_dates", *run(plain_dateparser, corpus)),
    ]
    documents = corpus.documents
    characters = sum(len(d["text"]) for d in documents) / len(documents)
    print(
        f"== {corpus.name} ({corpus.language}, {corpus.path.name}): {len(documents)} articles, "
        f"{results[0][1].gold} gold full-day dates, {characters:.0f} characters per article\n"
    )
    if corpus.whole_text:
        print_table("Whole text (annotated throughout):", [(n, s, ms) for n, s, _, ms in results])
    else:
        print_table(
            "Annotated region (MEANTIME annotates the first five sentences of each article):",
            [(name, region, ms) for name, region, _, ms in results],
        )
        print_table(
            "\nWhole text (dates past the annotated region count as errors: a lower bound):",
            [(name, whole, ms) for name, _, whole, ms in results],
        )
    ratio = results[1][3] / max(results[0][3], 1e-9)
    print(f"\ntime per article: plain dateparser / ours = {ratio:.1f}x\n")
    if errors:
        print("our errors:\n" + "\n".join(results[0][1].errors) + "\n")
    return results[0][1], results[1][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_PATH])
    parser.add_argument("--errors", action="store_true", help="list our tagger's errors")
    args = parser.parse_args()
    for path in args.paths:
        if not path.is_file():
            sys.exit(f"{path}: no such file (pass the paths of the annotated corpora)")
    corpora = [Corpus(path, list(read_documents(path))) for path in args.paths]
    warm_up(tuple({corpus.language for corpus in corpora}))
    for corpus in corpora:  # dateparser's first call in a language loads its data
        plain_dateparser("13.02.2026", date(2026, 2, 14), corpus.language)
    summary = [(corpus, *bench(corpus, args.errors)) for corpus in corpora]
    print("Value F1 per corpus (full-day dates, where annotated):")
    print(SUMMARY.format("corpus", "language", "docs", "gold", "ours", "dateparser", "ours P/R"))
    for corpus, score, theirs in summary:
        print(
            SUMMARY.format(
                corpus.name,
                corpus.language,
                len(corpus.documents),
                score.gold,
                f"{score.value_f1:.2f}",
                f"{theirs.value_f1:.2f}",
                f"{score.precision:.2f}/{score.recall:.2f}",
            )
        )


if __name__ == "__main__":
    main()
