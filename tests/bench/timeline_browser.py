"""The timeline in Chromium against gunicorn: first chart and zoom steps (bench_timeline.py)."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

from tests.browser.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
FIRST_CHART_MS, ZOOM_MS = 1500, 300
# From the whole range down to two days: density at first, events at the end.
ZOOMS = [
    ("10 years", "2015-01-01", "2024-12-31"),
    ("1 year", "2024-01-01", "2024-12-31"),
    ("3 months", "2024-04-01", "2024-06-30"),
    ("1 month", "2024-05-01", "2024-05-31"),
    ("1 week", "2024-05-06", "2024-05-12"),
    ("2 days", "2024-05-08", "2024-05-09"),
    ("pan 1 week", "2024-05-13", "2024-05-19"),
]
ZOOM_JS = """async ([start, end]) => {
  const el = document.getElementById("chart");
  const before = Number(el.dataset.draws);
  const t0 = performance.now();
  await Plotly.relayout(el, {"xaxis.range": [start, end]});
  await new Promise((resolve) => {
    const check = () => {
      if (Number(el.dataset.draws) > before) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  const mark = performance.getEntriesByName("timeline-drawn-" + el.dataset.draws)[0];
  const api = performance.getEntriesByType("resource")
    .filter((r) => r.name.includes("/api/timeline/"));
  const last = api[api.length - 1];
  return {total: mark.startTime - t0, request: last ? last.duration : 0,
          mode: el.dataset.mode, bytes: last ? last.transferSize : 0};
}"""


def browser_report(url: str) -> None:
    """Print the first-chart and zoom-step times, or why they were not measured."""
    if not CHROMIUM.exists():
        print(f"\nBrowser: Chromium not found at {CHROMIUM}; not measured.")
        return
    _collectstatic(url)
    port = _free_port()
    server = _gunicorn(url, port)
    try:
        _measure(f"http://127.0.0.1:{port}/")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _measure(home: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        firsts = []
        for _ in range(3):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            firsts.append(_first_chart(page, home))
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        _first_chart(page, home)
        warm = _first_chart(page, home)  # reload: plotly.js from the browser cache
        print(f"\nBrowser (Chromium, gunicorn 2 workers): first chart drawn "
              f"{statistics.median(firsts):.0f} ms after navigation (median of 3, cold cache; "
              f"{warm:.0f} ms with plotly.js cached); target {FIRST_CHART_MS} ms")  # fmt: skip
        _zooms(page)
        browser.close()


def _first_chart(page: Any, home: str) -> float:
    page.goto(home)
    page.wait_for_selector("#chart[data-draws='1']", timeout=60000)
    return float(page.evaluate("performance.getEntriesByName('timeline-drawn-1')[0].startTime"))


def _zooms(page: Any) -> None:
    print(f"{'zoom step':12} {'mode':8} {'total ms':>9} {'request ms':>11} {'wire KB':>8}")
    for name, start, end in ZOOMS:
        step = page.evaluate(ZOOM_JS, [start, end])
        flag = "" if step["total"] <= ZOOM_MS else f"   MISSED: > {ZOOM_MS} ms"
        print(
            f"{name:12} {step['mode']:8} {step['total']:9.0f} {step['request']:11.0f} "
            f"{step['bytes'] / 1024:8.1f}{flag}"
        )
    print("(total: from Plotly.relayout to the redrawn chart, including the 80 ms debounce)")


def _env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "PLAIN_STATIC_STORAGE": "0",
    }


def _collectstatic(url: str) -> None:
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=_env(url),
        check=True,
    )


def _gunicorn(url: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=_env(url),
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/timeline/", timeout=30)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
