"""Draft events against gold events, and the planning throughput next to a floor.

    python tests/bench/bench_events.py --corpus PATH --actors PATH [--repeat 20] [-v]

Loads the actor register (`load_actors` format) into a fresh SQLite database,
plans every article as `ingest --dry-run` would (language detection included),
and scores the drafts with events.ingest.evaluation: strict (initiator, same
day, quote over the gold sentence), relaxed (the draft's bounds hold the day)
and "agent in any role". Then it times planning the corpus `--repeat` times
next to the ingestion floor of bench_ingest.py (parse the JSON Lines and insert
a Source per article), measured in the same run. -v lists every miss and every
draft that matches nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _setup(db_dir: str, actors: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_dir}/bench.sqlite3"
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from events.register import load_actor_register

    load_actor_register(json.loads(actors.read_text(encoding="utf-8")))


def _planner() -> tuple[Any, dict[int, str]]:
    from events.ingest.actors import ActorIndex
    from events.ingest.articles import Article
    from events.ingest.service import ingest_article
    from events.models import Actor

    index = ActorIndex.from_register()
    slugs = dict(Actor.objects.values_list("pk", "slug"))

    def plan(record: dict[str, Any]) -> Any:
        article = Article(
            url=record.get("url") or f"https://example.org/{record['doc_id']}",
            published=_day(record["published"]),
            title=record.get("title", ""),
            text=record["text"],
            language=record.get("language", ""),
        )
        result = ingest_article(article=article, dry_run=True, index=index)
        if result.plan is None:
            raise SystemExit(f"{record['doc_id']}: {result.error}")
        return result.plan

    return plan, slugs


def _day(value: str) -> Any:
    from datetime import date

    return date.fromisoformat(value[:10])


def _floor_lines(records: list[dict[str, Any]], repeat: int) -> list[bytes]:
    lines = []
    for n in range(repeat):
        for record in records:
            copy = {
                "url": f"https://example.org/{record['doc_id']}?floor={n}",
                "published": record["published"],
                "title": record.get("title", ""),
                "text": record["text"],
            }
            lines.append(json.dumps(copy).encode())
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--actors", type=Path, required=True)
    parser.add_argument("--plover", type=Path, help="PLOVER's coded sentences: who acts on whom")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as db_dir:
        _setup(db_dir, args.actors)
        from events.ingest.evaluation import RULES, score_corpus

        plan, slugs = _planner()
        report = score_corpus(records, plan, slugs)
        print(f"articles: {report.articles}, gold events: {report.scores['strict'].gold}")
        for rule in RULES:
            s = report.scores[rule]
            print(
                f"{rule:>9}: precision {s.precision:.2f} ({s.matched_drafts}/{s.drafts}), "
                f"recall {s.recall:.2f} ({s.matched_gold}/{s.gold}), F1 {s.f1:.2f}"
            )
        judged = report.scores["strict"].drafts
        print(
            f"drafts per article: {report.drafts_total / report.articles:.2f} "
            f"({judged / report.articles:.2f} in the annotated part); gold per article: "
            f"{report.scores['strict'].gold / report.articles:.2f}"
        )
        print(
            "misses by kind: " + ", ".join(f"{k} {n}" for k, n in report.miss_kinds.most_common())
        )
        if args.verbose:
            print("\nmissed gold events:")
            print("\n".join(f"  {line}" for line in report.missed))
            print("\ndrafts in the annotated part matching no gold event:")
            print("\n".join(f"  {line}" for line in report.false))
        if args.plover:
            _plover(args.plover, args.verbose)
        _throughput(records, plan, args.repeat)


def _plover(path: Path, verbose: bool) -> None:
    """Initiators and recipients on PLOVER's coded geopolitical sentences, with a
    register of every coded actor's words (in memory: the sentences are not
    MEANTIME's)."""
    from datetime import date

    from events.ingest.actors import ActorIndex
    from events.ingest.drafts import plan_article
    from events.ingest.evaluation import RoleScore, score_roles

    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if "text" in r]
    ids: dict[str, int] = {}

    def actor_ids(coded: Any) -> set[int]:
        actors = coded if isinstance(coded, list) else [coded] if isinstance(coded, dict) else []
        return {ids.setdefault(a["actorText"], len(ids) + 1) for a in actors if a.get("actorText")}

    coded = [(r, actor_ids(r.get("source")), actor_ids(r.get("target"))) for r in records]
    index = ActorIndex.build([(n, name, "organization") for name, n in ids.items()], [])
    score = RoleScore()
    for record, sources, targets in coded:
        day = date.fromisoformat(record.get("date") or "2000-01-01")
        plan = plan_article(record["text"], day, "en", index)
        score_roles(record["text"], plan, sources, targets, score)
    print(f"PLOVER coded sentences: {score.line()}")
    if verbose:
        print("initiator not found:")
        print("\n".join(f"  {line}" for line in score.wrong))


def _throughput(records: list[dict[str, Any]], plan: Any, repeat: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "bench"))
    from bench_ingest import _floor

    lines = _floor_lines(records, repeat)
    floor = _floor(lines)
    start = time.perf_counter()
    for _ in range(repeat):
        for record in records:
            plan(record)
    planned = time.perf_counter() - start
    n = len(lines)
    print(
        f"throughput: plan (dry run) {n / planned:.1f} articles/s; floor (parse + insert "
        f"Source) {n / floor:.1f} articles/s; plan/floor time {planned / floor:.1f}x"
    )


if __name__ == "__main__":
    main()
