"""The benchmark's database of synthetic events, built once and cached.

SQLite: var/bench/timeline-<events>-<seed>.sqlite3, built under a temporary
name and renamed when complete, so an interrupted build is never reused.
PostgreSQL: database gt_bench_timeline_<events>_<seed> on the server of
DATABASE_URL, rebuilt when it does not hold the expected events. Building
runs manage.py (migrate, load_actors, generate_synthetic) and prints timings.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "var" / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def database_url(events: int, seed: int, postgres: str | None) -> str | None:
    """A ready database's URL (built if needed); None if PostgreSQL is unreachable."""
    if postgres:
        return _postgres(postgres, events, seed)
    return _sqlite(events, seed)


def _sqlite(events: int, seed: int) -> str:
    path = CACHE / f"timeline-{events}-{seed}.sqlite3"
    if path.exists():
        print(f"Using the cached database {path.relative_to(ROOT)}.")
        _run(["migrate", "--noinput", "-v0"], f"sqlite:///{path}")
        return f"sqlite:///{path}"
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in CACHE.glob(building.name + "*"):
        leftover.unlink()
    _build(f"sqlite:///{building}", events, seed)
    with sqlite3.connect(building) as connection:  # fold the WAL into the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    building.rename(path)
    return f"sqlite:///{path}"


def _postgres(url: str, events: int, seed: int) -> str | None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = f"gt_bench_timeline_{events}_{seed}"
    server = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
    }
    target = url.rsplit("/", 1)[0] + "/" + name
    try:
        with psycopg.connect(**server, dbname="postgres", autocommit=True, connect_timeout=3) as c:
            exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and _pg_ready(server, name, events):
                print(f"Using the cached PostgreSQL database {name}.")
                _run(["migrate", "--noinput", "-v0"], target)
                return target
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL at {url} is not reachable ({exc}): skipping it.")
        return None
    _build(target, events, seed)
    return target


def _pg_ready(server: dict[str, object], name: str, events: int) -> bool:
    import psycopg

    with psycopg.connect(**server, dbname=name) as c:  # type: ignore[arg-type]
        try:
            found = c.execute(
                "SELECT count(*) FROM events_event WHERE origin = 'synthetic'"
            ).fetchone()
            state = c.execute("SELECT count(*) FROM events_lanecountsstate").fetchone()
        except psycopg.errors.UndefinedTable:
            return False
    return bool(found and found[0] == events and state and state[0] == 1)


def _build(url: str, events: int, seed: int) -> None:
    print(f"Building a database of {events:,} synthetic events (seed {seed}); this is done once.")
    started = time.perf_counter()
    _run(["migrate", "--noinput", "-v0"], url)
    _run(["load_actors", "seeds/actors.json"], url)
    _run(
        ["generate_synthetic", "--events", str(events), "--actors", "1000", "--seed", str(seed)],
        url,
    )
    print(f"Database built in {time.perf_counter() - started:.0f} s.")


def _run(args: list[str], url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": os.environ.get("SECRET_KEY", "bench")}
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=False)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed ({result.returncode}).")
