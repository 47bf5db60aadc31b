"""/api/timeline/ on a million synthetic events: server time and payload next to a floor,
then, in Chromium, the first chart and each zoom step.

    python tests/bench/bench_timeline.py [--events 1000000] [--seed 1] [--runs 15]
                                         [--no-browser]

The database is built once and cached (see timeline_data.py): SQLite under
var/bench/, or PostgreSQL when DATABASE_URL is a postgres:// URL.

Server time: the whole Django stack in-process (middleware, filters, gzip),
median and slowest of --runs after one warm-up, gc.collect() before each.
Payload: bytes on the wire (gzip) and uncompressed. Floor: the same window's
rows read with `.values()` (with the same index-friendly bound on date_start)
and encoded with orjson, in the same run. Browser: gunicorn (2 workers,
DEBUG off, collected static files with whitenoise) on 127.0.0.1 and Debian's
Chromium, after one untimed pass that warms the server: navigation to the
first drawn chart (median of 5 new browser contexts, so plotly.js is downloaded
and compiled each time), next to its floor, the moment plotly.js has run; then,
once the page has been idle, zoom steps from the whole range down to two days,
each from Plotly.relayout to the chart redrawn with the window's answer.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from timeline_data import database_url

TARGET_MS, TARGET_KB = 100, 300
WINDOWS = {
    "whole range": {},
    "one year (2025)": {"start": "2025-01-01", "end": "2025-12-31"},
    "one week (3-9 Mar 2025)": {"start": "2025-03-03", "end": "2025-03-09"},
    # A filter on top: readers filter by category.
    "whole range, FIGHT only": {"category": "FIGHT"},
}


def main() -> None:
    args = _arguments()
    postgres = os.environ.get("DATABASE_URL", "")
    url = database_url(
        args.events, args.seed, postgres if postgres.startswith("postgres") else None
    )
    if url is None:
        return
    _setup_django(url)
    from events.models import Event

    label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    public = Event.objects.public().count()
    print(f"\n== {label}: {Event.objects.count():,} events, {public:,} public ==")
    print(f"{'window':26} {'mode':8} {'server ms':>17} {'wire KB':>8} {'raw KB':>7} "
          f"{'floor ms':>9} {'floor rows':>10} {'x floor':>8}")  # fmt: skip
    for name, params in WINDOWS.items():
        _server_case(name, params, args.runs)
    if args.browser:
        from timeline_browser import browser_report

        browser_report(url)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    return parser.parse_args()


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()


def _server_case(name: str, params: dict[str, str], runs: int) -> None:
    from django.test import Client

    client = Client()

    def call() -> Any:
        return client.get("/api/timeline/", params, HTTP_ACCEPT_ENCODING="gzip")

    response = call()  # warm-up: the lane-count sync check, caches
    assert response.status_code == 200, response.content[:300]
    times = _timed(call, runs)
    wire = len(response.content)
    body = (
        gzip.decompress(response.content) if response.get("Content-Encoding") else response.content
    )
    import orjson

    mode = orjson.loads(body)["mode"]
    floor_runs = 1 if "start" not in params else max(3, runs // 5)
    floor_ms, floor_rows = _floor(params, floor_runs)
    median = statistics.median(times)
    print(
        f"{name:26} {mode:8} {median:7.1f} (max {max(times):5.1f}) {wire / 1024:8.1f} "
        f"{len(body) / 1024:7.1f} {floor_ms:9.1f} {floor_rows:10,} {median / floor_ms:8.3f}"
    )
    _verdict(name, median, wire, len(body))


def _timed(call: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _floor(params: dict[str, str], runs: int) -> tuple[float, int]:
    """The same window's public events via .values(), encoded with orjson."""
    import orjson

    from events.lane_counts import sync_lane_counts
    from events.models import Event

    state = sync_lane_counts()
    start = date.fromisoformat(params.get("start", "0001-01-01"))
    end = date.fromisoformat(params.get("end", "9999-12-31"))
    rows = Event.objects.public().overlapping(start, end)
    if "category" in params:
        rows = rows.with_category(params["category"])
    if "start" in params:
        rows = rows.filter(date_start__gte=start - timedelta(days=state.max_span_days))
    times, count = [], 0
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        values = list(rows.values())
        orjson.dumps(values)
        times.append((time.perf_counter() - started) * 1000)
        count = len(values)
        del values
    return statistics.median(times), count


def _verdict(name: str, median: float, wire: int, raw: int) -> None:
    misses = []
    if median > TARGET_MS:
        misses.append(f"server time {median:.0f} ms > {TARGET_MS} ms")
    if wire > TARGET_KB * 1024:
        misses.append(f"payload {wire / 1024:.0f} KB on the wire > {TARGET_KB} KB")
    elif raw > TARGET_KB * 1024:
        misses.append(f"uncompressed payload {raw / 1024:.0f} KB > {TARGET_KB} KB (gzip meets it)")
    if misses:
        print(f"    MISSED for {name}: {'; '.join(misses)}")


if __name__ == "__main__":
    main()
