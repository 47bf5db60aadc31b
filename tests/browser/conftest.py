"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Where Chromium is missing they skip and say so, except in CI (CI=1, set by
.ci/run, which installs Chromium), where a missing browser fails the run.
Screenshots go to test-results/browser/ (gitignored).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.chromium import ARGS, CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results" / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: see _allow_database_calls_beside_playwright."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session", autouse=True)
def _allow_database_calls_beside_playwright() -> None:
    """Playwright's sync API keeps an event loop running in the test thread from the
    first browser test to the end of the session, so Django refuses database calls
    there (SynchronousOnlyOperation) unless this is set. Set on the first browser
    test, not at import, so that no other test (or the subprocesses some start, such
    as `check --deploy`) runs with it."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch options, pointed at Debian's Chromium."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must run the browser tests.", pytrace=False)
        pytest.skip(f"{message}: browser tests skipped.")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": ARGS}


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def site(live_server: Any, transactional_db: None) -> str:
    """The live server's address; the data the test creates is visible to it."""
    return str(live_server.url)
