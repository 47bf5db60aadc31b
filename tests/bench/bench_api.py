"""API reads: server time next to a `.values()` + orjson floor, then load under gunicorn.

    python tests/bench/bench_api.py [--events 100000] [--runs 30] [--load-seconds 10]

The database is DATABASE_URL when set (a PostgreSQL database is created if
missing), else the SQLite file var/bench-api.sqlite3. It is built once with
bulk_create (see api_data.py) and reused while it holds the requested number
of events.

Server time: the full Django stack in-process (middleware, DRF, filters,
pagination, ETag) for a 100-event list page and an event detail, median of
--runs, gc.collect() before each. The floor fetches the same rows with the same
queries through `.values()`, builds the same JSON (checked equal) and encodes
it with orjson: what no API on this stack can beat. Load: gunicorn (2 sync
workers) on 127.0.0.1 and wrk, 2 threads, 4 connections, --load-seconds per
endpoint; skipped with a message if wrk is not installed.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SQLITE_FILE = ROOT / "var" / "bench-api.sqlite3"
HOST = "127.0.0.1"


def main() -> None:
    args = _arguments()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_FILE}"
    if url.startswith("postgres") and not _ensure_postgres_database(url):
        print(f"PostgreSQL at {url} is not reachable: skipping.")
        return
    _setup(url)
    _ensure_register(args.events)
    label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"\n== {label}: {_count_events():,} events ({url}) ==")
    from api_floor import floor_detail, floor_list

    cases = _cases()
    for name, path, floor in [
        ("list, first page (100)", cases["first"], lambda: floor_list(cases["first_after"])),
        ("list, mid-register (100)", cases["middle"], lambda: floor_list(cases["middle_after"])),
        ("detail", cases["detail"], lambda: floor_detail(cases["detail_id"])),
    ]:
        _compare(name, path, floor, args.runs)
    if args.load_seconds > 0:
        _load(url, [cases["first"], cases["detail"]], args.load_seconds)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--load-seconds", type=int, default=10, help="per endpoint; 0: no load")
    args = parser.parse_args()
    args.load_seconds = min(args.load_seconds, 14)  # two endpoints: at most 30 s in all
    return args


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["ALLOWED_HOSTS"] = f"{HOST},localhost"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).parent))
    # Whitenoise warns that nothing was collected: the API serves no static files.
    os.environ["PYTHONWARNINGS"] = "ignore:No directory at"
    warnings.filterwarnings("ignore", message="No directory at")
    SQLITE_FILE.parent.mkdir(exist_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _ensure_postgres_database(url: str) -> bool:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    try:
        with psycopg.connect(
            host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
            password=config["PASSWORD"] or None, dbname="postgres", autocommit=True,
            connect_timeout=3,
        ) as connection:  # fmt: skip
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
    except psycopg.OperationalError:
        return False
    return True


def _count_events() -> int:
    from events.models import Event

    return Event.objects.count()


def _ensure_register(events: int) -> None:
    import api_data
    from django.db import connection

    if _count_events() not in (0, events):
        sys.exit("The bench database holds other data; remove it or point DATABASE_URL elsewhere.")
    if not _count_events():
        started = time.perf_counter()
        print(f"building {events:,} events (once) ...", flush=True)
        api_data.build(events)
        print(f"built in {time.perf_counter() - started:.0f} s")
    # Planner statistics, also for indexes a newer migration added.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _cases() -> dict[str, Any]:
    """The requests measured: the first page, a page from the middle, one detail."""
    from events.models import Event

    public = Event.objects.public().order_by("date_start", "date_end", "pk")
    middle = public.values("date_start", "date_end", "pk")[public.count() // 2]
    cursor = _cursor(middle)
    detail_id = public.values_list("pk", flat=True)[public.count() // 3]
    return {
        "first": "/api/events/?page_size=100",
        "first_after": None,
        "middle": f"/api/events/?page_size=100&cursor={cursor}",
        "middle_after": (middle["date_start"], middle["date_end"], middle["pk"]),
        "detail": f"/api/events/{detail_id}/",
        "detail_id": detail_id,
    }


def _cursor(row: dict[str, Any]) -> str:
    from timeline.api.pagination import encode_cursor

    keys = ["date_start", "date_end", "pk"]
    return encode_cursor(keys, [row["date_start"], row["date_end"], row["pk"]])


def _medians_ms(calls: list[Callable[[], Any]], runs: int) -> list[float]:
    """Median time of each call, interleaved run by run so that noise from other
    processes on the machine falls on all of them alike."""
    for call in calls:
        call()  # warm caches (dateparser, URL resolver, prepared plans)
    times: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, samples in zip(calls, times, strict=True):
            gc.collect()
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
    return [statistics.median(samples) * 1000 for samples in times]


def _compare(name: str, path: str, floor: Callable[[], bytes], runs: int) -> None:
    import orjson
    from django.test import Client

    client = Client(HTTP_HOST=HOST)

    def api() -> bytes:
        response = client.get(path)
        assert response.status_code == 200, response.content[:300]
        return bytes(response.content)

    api_body, floor_body = orjson.loads(api()), orjson.loads(floor())
    assert api_body == floor_body, f"{name}: the floor does not build the API's JSON"
    api_ms, floor_ms = _medians_ms([api, floor], runs)
    print(
        f"{name:28s} API {api_ms:7.2f} ms   floor {floor_ms:7.2f} ms   "
        f"ratio {api_ms / floor_ms:4.2f}x   ({len(orjson.dumps(api_body)) // 1024} KB)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _load(url: str, paths: list[str], seconds: int) -> None:
    wrk = shutil.which("wrk")
    if wrk is None:
        print("load: skipped, wrk is not installed (apt-get install -y wrk)")
        return
    port = _free_port()
    server = _start_gunicorn(url, port)
    try:
        for path in paths:
            _wrk(wrk, f"http://{HOST}:{port}{path}", seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _start_gunicorn(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "CONN_MAX_AGE": "60"}
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--workers", "2",
        "--bind", f"{HOST}:{port}", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def _wrk(wrk: str, url: str, seconds: int) -> None:
    subprocess.run([wrk, "-t1", "-c2", "-d2s", url], capture_output=True, check=True)  # warm
    result = subprocess.run(
        [wrk, "-t2", "-c4", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures = _wrk_figures(result.stdout)
    path = url.split(":", 2)[2].split("/", 1)[1]
    print(
        f"load /{path:36s} {figures['rps']:7.1f} req/s   p50 {figures['50%']:7.2f} ms   "
        f"p99 {figures['99%']:7.2f} ms   errors {figures['errors']}"
    )


def _wrk_figures(output: str) -> dict[str, Any]:
    figures: dict[str, Any] = {"errors": "none"}
    for line in output.splitlines():
        parts = line.split()
        if line.strip().startswith(("50%", "99%")):
            figures[parts[0]] = _ms(parts[1])
        elif line.startswith("Requests/sec:"):
            figures["rps"] = float(parts[1])
        elif "Non-2xx" in line or "Socket errors" in line:
            figures["errors"] = line.strip()
    return figures


def _ms(value: str) -> float:
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(suffix):
            return float(value[: -len(suffix)]) * factor
    return float(value)


if __name__ == "__main__":
    main()
