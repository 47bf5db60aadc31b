"""Repeated wrong API tokens from one address: 429 with Retry-After, for that address only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

EVENTS = "/api/events/"
HOME = "10.0.0.1"
ELSEWHERE = "10.0.0.2"
LIMIT = 5  # AXES_FAILURE_LIMIT's default
WRONG = "Token 0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def fresh_attempts() -> Iterator[None]:
    """No failure from another test counts here, whatever axes stores them in."""
    reset()
    yield
    reset()


@pytest.fixture
def key(editor: User) -> str:
    return f"Token {Token.objects.create(user=editor).key}"


def get(authorization: str | None, address: str = HOME, path: str = EVENTS) -> Any:
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization is not None else {}
    return APIClient().get(path, REMOTE_ADDR=address, **headers)


def fail(times: int, authorization: str = WRONG, address: str = HOME) -> Any:
    for _ in range(times):
        response = get(authorization, address)
    return response


def test_wrong_tokens_below_the_limit_are_plain_401s() -> None:
    response = fail(LIMIT - 1)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Invalid token."}


def test_the_limit_th_wrong_token_gets_429_with_retry_after_and_a_reason() -> None:
    response = fail(LIMIT)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(15 * 60)
    detail = response.json()["detail"]
    assert detail.startswith("Too many wrong API tokens from this address")
    assert "900 seconds" in detail


def test_a_locked_out_address_is_refused_even_with_a_correct_token(key: str) -> None:
    fail(LIMIT)
    response = get(key)
    assert response.status_code == 429
    # Also on writes, and on an endpoint of the register.
    assert APIClient().post(EVENTS, {}, REMOTE_ADDR=HOME, HTTP_AUTHORIZATION=key).status_code == 429
    assert get(key, path="/api/actors/").status_code == 429


def test_a_correct_token_keeps_working_for_other_addresses(key: str) -> None:
    fail(LIMIT)
    assert get(key, address=ELSEWHERE).status_code == 200
    # And a wrong one from there is an ordinary 401: their count is their own.
    assert get(WRONG, address=ELSEWHERE).status_code == 401


def test_reading_without_a_token_still_works_from_a_locked_out_address() -> None:
    fail(LIMIT)
    assert get(None).status_code == 200


@pytest.mark.parametrize(
    "authorization",
    ["Token", "Token two words", "token 0123456789abcdef0123456789abcdef01234567", "Token \u00e9"],
)
def test_malformed_token_headers_count_as_wrong_tokens(authorization: str) -> None:
    assert fail(LIMIT - 1, authorization).status_code == 401
    assert fail(1, authorization).status_code == 429


def test_other_authorization_schemes_are_not_counted() -> None:
    for _ in range(LIMIT + 1):
        assert get("Bearer abc").status_code == 200  # not ours: read anonymously
    assert not AccessAttempt.objects.exists()


def test_correct_tokens_never_count_towards_a_lockout(key: str) -> None:
    fail(LIMIT - 1)
    for _ in range(3):
        assert get(key).status_code == 200
    assert fail(1).status_code == 429


def test_the_lockout_ends_after_the_cool_off(key: str) -> None:
    fail(LIMIT)
    # Sixteen minutes later (the failures' recorded time moved back).
    attempt = AccessAttempt.objects.get()
    AccessAttempt.objects.update(attempt_time=attempt.attempt_time - timedelta(minutes=16))
    assert get(key).status_code == 200
    assert get(WRONG).status_code == 401


def test_the_failures_are_recorded_without_a_username_for_the_editors_to_see() -> None:
    fail(LIMIT)
    attempt = AccessAttempt.objects.get()
    assert attempt.username is None
    assert attempt.ip_address == HOME
    assert attempt.failures_since_start == LIMIT
    assert attempt.path_info == EVENTS
