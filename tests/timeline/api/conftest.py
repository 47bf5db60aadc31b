"""The API tests' connection handling (the clients are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@pytest.fixture
def keep_connection() -> Iterator[None]:
    """Calls to the WSGI app outside the test client would close the test's
    connection (and its transaction) at request end on PostgreSQL."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
