"""Start-up refuses unsafe configurations with a message that says what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Start from the environment without what the test run itself configures.
    ours = {
        "SECRET_KEY",
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "PLAIN_STATIC_STORAGE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for the live server
    }
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_secret_key_and_debug_off_it_refuses_to_start():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_on_runs_without_a_secret_key():
    result = _manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_a_malformed_boolean_is_named():
    result = _manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-" + "x" * 40,
        ALLOWED_HOSTS="timeline.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
