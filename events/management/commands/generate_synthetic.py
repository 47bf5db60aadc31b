"""python manage.py generate_synthetic --events 100000 [--clear]"""

from __future__ import annotations

import random
import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from events.lane_counts import rebuild_lane_counts
from events.models import Actor
from events.synthetic import (
    SEED_ACTOR_SLUGS,
    analyze_bulk_tables,
    ensure_topics,
    generate,
    make_actors,
    make_world,
    remove_synthetic,
)


class Command(BaseCommand):
    help = (
        "Generate synthetic events (actors, decades of events with bursts, participants, "
        "citations, topics), marked as synthetic so --clear removes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, default=10_000, help="How many events.")
        parser.add_argument("--actors", type=int, default=400, help="How many synthetic actors.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed: same seed, same data."
        )
        parser.add_argument("--start-year", type=int, default=1990)
        parser.add_argument("--end-year", type=int, default=2026)
        parser.add_argument("--batch", type=int, default=10_000, help="Events per transaction.")
        parser.add_argument(
            "--clear", action="store_true", help="Remove all synthetic data first (or only)."
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        _check(opts)
        started = time.perf_counter()
        if opts["clear"]:
            removed = remove_synthetic()
            self.stdout.write(f"Removed {removed} synthetic events ({self._since(started)}).")
        if opts["events"] == 0:
            rebuild_lane_counts()
            return
        rng = random.Random(opts["seed"])
        actors = self._actors(rng, opts["actors"])
        ensure_topics()
        # Events over decades, up to today at the latest: readers see no future news.
        start = date(opts["start_year"], 1, 1)
        end = min(date(opts["end_year"], 12, 31), timezone.now().date())
        world = make_world(rng, start, end, actors)
        t0 = time.perf_counter()
        made = generate(world, opts["events"], opts["batch"], self._progress(opts["events"], t0))
        analyze_bulk_tables()
        self.stdout.write(f"Created {made} events in {self._since(t0)}.")
        t1 = time.perf_counter()
        counted = rebuild_lane_counts()
        self.stdout.write(f"Lane counts rebuilt for {counted} public events in {self._since(t1)}.")
        self.stdout.write(f"Done in {self._since(started)}.")

    def _actors(self, rng: random.Random, count: int) -> list[Actor]:
        # The seed register's states first: they become the busiest lanes.
        seeds = list(Actor.objects.filter(slug__in=SEED_ACTOR_SLUGS))
        with transaction.atomic():
            made = Actor.objects.bulk_create(make_actors(rng, count), batch_size=1000)
        self.stdout.write(f"Created {len(made)} synthetic actors.")
        return seeds + made

    def _progress(self, total: int, t0: float) -> Any:
        tenth = max(total // 10, 1)
        reported = [0]

        def report(done: int) -> None:
            if done - reported[0] >= tenth or done == total:
                reported[0] = done
                self.stdout.write(f"  {done}/{total} events ({self._since(t0)})")

        return report

    @staticmethod
    def _since(t0: float) -> str:
        return f"{time.perf_counter() - t0:.1f} s"


def _check(opts: dict[str, Any]) -> None:
    if opts["events"] < 0 or opts["actors"] < 1 or opts["batch"] < 1:
        raise CommandError("--events must be >= 0, --actors and --batch >= 1.")
    if opts["end_year"] < opts["start_year"]:
        raise CommandError("--end-year is before --start-year.")
    if date(opts["start_year"], 1, 1) > timezone.now().date():
        raise CommandError("--start-year is in the future.")
    if not 1 <= opts["start_year"] <= 9999 or not 1 <= opts["end_year"] <= 9999:
        raise CommandError("Years must be between 1 and 9999.")
