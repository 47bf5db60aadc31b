"""Ingestion throughput and peak memory, next to a floor measured in the same run.

    python tests/bench/bench_ingest.py --meantime PATH [--plover PATH] [--articles 1000]

Builds N articles from the MEANTIME texts and the seed article (each copy with
its own URL and a distinct last line, so none is skipped as a duplicate),
ingests them into a fresh SQLite database, and reports articles per second and
peak memory. The floor parses the same JSON Lines and inserts the Sources only:
the ratio says what extraction (dates, actors, statements, drafts) costs. With
--plover it also scores the PLOVER category suggestion against the PLOVER
gold sentences.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _setup(db_dir: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_dir}/bench.sqlite3"
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from events.register import load_actor_register

    load_actor_register(json.loads((ROOT / "seeds" / "actors.json").read_text(encoding="utf-8")))


def _lines(meantime: Path, count: int) -> list[bytes]:
    """`count` JSON Lines articles: MEANTIME texts and the seed, copied with new URLs."""
    from events.ingest.articles import parse_seed

    seed = parse_seed((ROOT / "seeds" / "000_26626691e5079d56.txt").read_bytes(), "seed")
    base = [
        {"url": d["url"], "published": d["dct"], "title": "", "text": d["text"], "language": "en"}
        for d in map(json.loads, meantime.read_text(encoding="utf-8").splitlines())
    ]
    base.append(
        {"url": seed.url, "published": seed.published.isoformat(), "title": seed.title,
         "text": seed.text, "language": ""}
    )  # fmt: skip
    lines = []
    for n in range(count):
        record = dict(base[n % len(base)])
        record["url"] = f"{record['url'].split('?')[0]}?copy={n}"
        record["text"] = f"{record['text']}\n\nBench copy {n}."
        lines.append(json.dumps(record).encode())
    return lines


def _floor(lines: list[bytes]) -> float:
    from django.db import transaction

    from events.ingest.articles import parse_jsonl_line
    from events.models import Source

    start = time.perf_counter()
    for n, line in enumerate(lines):
        article = parse_jsonl_line(line, f"bench:{n}")
        with transaction.atomic():
            Source.objects.create(
                url=article.url.replace("?copy=", "?floor="),
                title=article.title,
                published=article.published,
                text=article.text,
            )
    return time.perf_counter() - start


def _ingest(lines: list[bytes]) -> tuple[float, dict[str, int]]:
    from events.ingest.actors import ActorIndex
    from events.ingest.articles import parse_jsonl_line
    from events.ingest.service import ingest_article

    index = ActorIndex.from_register()
    totals = {"drafts": 0, "undated": 0, "failed": 0}
    start = time.perf_counter()
    for n, line in enumerate(lines):
        result = ingest_article(article=parse_jsonl_line(line, f"bench:{n}"), index=index)
        totals["drafts"] += len(result.counts.created)
        totals["undated"] += result.counts.candidates
        totals["failed"] += result.failed
    return time.perf_counter() - start, totals


def _warm_up(lines: list[bytes]) -> None:
    """First calls load dateparser's and py3langid's data: keep them out of the timing."""
    from events.ingest.actors import ActorIndex
    from events.ingest.articles import parse_jsonl_line
    from events.ingest.drafts import plan_article
    from events.ingest.language import detect_language

    article = parse_jsonl_line(lines[0], "warm-up")
    detect_language(article.text)
    plan_article(article.text, article.published, "en", ActorIndex.from_register())


def _peak_plan_memory(lines: list[bytes], sample: int = 50) -> float:
    """Peak Python allocation (MiB) while planning `sample` articles, by tracemalloc."""
    from events.ingest.actors import ActorIndex
    from events.ingest.articles import parse_jsonl_line
    from events.ingest.drafts import plan_article

    index = ActorIndex.from_register()
    tracemalloc.start()
    for n, line in enumerate(lines[:sample]):
        article = parse_jsonl_line(line, f"mem:{n}")
        plan_article(article.text, article.published, "en", index)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _categories(plover: Path) -> str:
    from events.ingest.categories import suggest_category

    records = [r for r in json.loads(plover.read_text(encoding="utf-8")) if "text" in r]
    suggested = right = 0
    for record in records:
        suggestion = suggest_category(record["text"], "en")
        if suggestion is not None:
            suggested += 1
            right += suggestion.category == record["event"]
    return (
        f"PLOVER categories on {len(records)} gold sentences: {suggested} suggested "
        f"({suggested / len(records):.0%}), {right} right: precision {right / suggested:.2f}, "
        f"accuracy over all {right / len(records):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, required=True)
    parser.add_argument("--plover", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as db_dir:
        _setup(db_dir)
        lines = _lines(args.meantime, args.articles)
        _warm_up(lines)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        gc.collect()
        floor = _floor(lines)
        gc.collect()
        full, totals = _ingest(lines)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        n = len(lines)
        print(f"articles: {n} ({sum(map(len, lines)) / n / 1024:.1f} KiB of JSON each on average)")
        print(f"floor (parse + insert Source, one transaction each): {n / floor:8.1f} articles/s")
        print(f"ingest (language, dates, actors, statements, drafts): {n / full:8.1f} articles/s")
        print(f"ratio ingest/floor time: {full / floor:.1f}x")
        print(
            f"drafts created: {totals['drafts']}, candidates left undated: {totals['undated']}, "
            f"failed: {totals['failed']}"
        )
        print(
            f"peak RSS: {rss_after:.0f} MiB (after set-up and warm-up {rss_before:.0f} MiB); "
            f"peak Python allocation planning 50 articles: {_peak_plan_memory(lines):.1f} MiB"
        )
        if args.plover:
            print(_categories(args.plover))


if __name__ == "__main__":
    main()
