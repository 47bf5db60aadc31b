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
COLD_RUNS = 5
MILESTONES_JS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const plotly = performance.getEntriesByType("resource").find((r) => r.name.includes("plotly"));
  const mark = (name) => performance.getEntriesByName(name)[0].startTime;
  return {html: nav.responseEnd, plotly: plotly.responseEnd, scripts: mark("timeline-start"),
          drawn: mark("timeline-drawn-1")};
}"""
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
        _warm_server(browser, home)
        colds = []
        for _ in range(COLD_RUNS):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            colds.append(_first_chart(context.new_page(), home))
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        _first_chart(page, home)
        warm = _first_chart(page, home)  # reload: plotly.js from the browser cache
        _report_first_charts(colds, warm)
        # A reader looks at the chart before zooming: by then the page has been idle
        # and has prepared WebGL (main.js, warmGl).
        page.wait_for_selector("#chart[data-gl='ready']", timeout=60000)
        _zooms(page)
        browser.close()


def _warm_server(browser: Any, home: str) -> None:
    """One untimed load and zoom sequence, so each gunicorn worker has run the code."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for _ in range(2):
        page.goto(home)
        page.wait_for_selector("#chart[data-draws='1']", timeout=60000)
        for _name, start, end in ZOOMS:
            page.evaluate(ZOOM_JS, [start, end])
    page.close()


def _first_chart(page: Any, home: str) -> dict[str, float]:
    """Milestones after navigation: HTML received, plotly.js received, scripts run
    (plotly.js evaluated: the floor any page drawing with plotly.js pays), chart drawn."""
    page.goto(home)
    page.wait_for_selector("#chart[data-draws='1']", timeout=60000)
    return dict(page.evaluate(MILESTONES_JS))


def _report_first_charts(colds: list[dict[str, float]], warm: dict[str, float]) -> None:
    def median(key: str) -> float:
        return statistics.median(c[key] for c in colds)

    drawn, floor = median("drawn"), median("scripts")
    flag = "" if drawn <= FIRST_CHART_MS else f"   MISSED: > {FIRST_CHART_MS} ms"
    print(f"\nBrowser (Chromium, gunicorn 2 workers), first chart, median of {COLD_RUNS} "
          f"loads with a cold cache (plotly.js downloaded and compiled each time):")  # fmt: skip
    print(f"  HTML {median('html'):.0f} ms, plotly.js received {median('plotly'):.0f} ms, "
          f"plotly.js run (floor) {floor:.0f} ms, chart drawn {drawn:.0f} ms "
          f"= {drawn / floor:.2f}x the floor; target {FIRST_CHART_MS} ms{flag}")  # fmt: skip
    print(f"  with plotly.js cached: run {warm['scripts']:.0f} ms, drawn {warm['drawn']:.0f} ms "
          f"= {warm['drawn'] / warm['scripts']:.2f}x")  # fmt: skip


def _zooms(page: Any) -> None:
    print(f"{'zoom step':12} {'mode':8} {'total ms':>9} {'request ms':>11} {'wire KB':>8}")
    for name, start, end in ZOOMS:
        step = page.evaluate(ZOOM_JS, [start, end])
        flag = "" if step["total"] <= ZOOM_MS else f"   MISSED: > {ZOOM_MS} ms"
        print(
            f"{name:12} {step['mode']:8} {step['total']:9.0f} {step['request']:11.0f} "
            f"{step['bytes'] / 1024:8.1f}{flag}"
        )
    print(
        "(total: from Plotly.relayout, which redraws the old data at the new range and sends\n"
        " the window request, to the chart redrawn with the answer)"
    )


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
