"""Clients for the API tests: anonymous, token-authenticated editors and contributors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def token_client(user: User) -> APIClient:
    """A client that authenticates the way scripts do: `Authorization: Token <key>`."""
    client = APIClient()
    key = Token.objects.get_or_create(user=user)[0].key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_api(editor: User) -> APIClient:
    return token_client(editor)


@pytest.fixture
def contributor_api(contributor: User) -> APIClient:
    return token_client(contributor)


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
