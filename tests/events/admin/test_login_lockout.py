"""The admin login locks a username out, from one address, after repeated wrong passwords."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.test_settings import _manage

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
HOME = "10.0.0.1"
ELSEWHERE = "10.0.0.2"
LIMIT = 5  # AXES_FAILURE_LIMIT's default
LOCKED_OUT = "Too many failed logins"


@pytest.fixture(autouse=True)
def fresh_attempts(settings: Any) -> Iterator[None]:
    """No failure from another test counts here, whatever axes stores them in."""
    # A fast hasher: each attempt checks a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    reset()
    yield
    reset()


@pytest.fixture
def edith(django_user_model: type[User]) -> User:
    return django_user_model.objects.create_superuser("edith", email="", password=PASSWORD)


def log_in(client: Client, username: str, password: str, address: str = HOME) -> Any:
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail(client: Client, times: int, username: str = "edith", address: str = HOME) -> Any:
    for _ in range(times):
        response = log_in(client, username, "wrong password", address)
    return response


def logged_in(client: Client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


@pytest.mark.usefixtures("edith")
def test_wrong_passwords_below_the_limit_only_say_the_password_is_wrong(client: Client) -> None:
    response = fail(client, LIMIT - 1)
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
    assert LOCKED_OUT not in response.content.decode()


@pytest.mark.usefixtures("edith")
def test_the_limit_th_wrong_password_locks_out_with_a_page_that_says_so(client: Client) -> None:
    response = fail(client, LIMIT)
    page = " ".join(response.content.decode().split())
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert f"{LOCKED_OUT} as “edith” from your address" in page
    assert "blocked for 15 minutes, even with the right password" in page
    assert "geotimeline editors" in page  # the admin's own page, not a bare line of text
    assert 'href="/admin/login/"' in page


@pytest.mark.usefixtures("edith")
def test_the_right_password_is_refused_until_the_cool_off_has_passed(client: Client) -> None:
    fail(client, LIMIT)
    response = log_in(client, "edith", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert not logged_in(client)

    # Sixteen minutes later (the failures' recorded time moved back).
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    response = log_in(client, "edith", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.usefixtures("edith")
def test_attempts_during_a_lockout_do_not_extend_it(client: Client) -> None:
    fail(client, LIMIT)
    first = AccessAttempt.objects.get()
    fail(client, 3)
    log_in(client, "edith", PASSWORD)
    again = AccessAttempt.objects.get()
    assert (again.attempt_time, again.failures_since_start) == (first.attempt_time, LIMIT)


def test_the_lockout_holds_that_username_from_that_address_only(
    edith: User, django_user_model: type[User]
) -> None:
    django_user_model.objects.create_superuser("conrad", email="", password=PASSWORD)
    fail(Client(), LIMIT)
    # Someone else at the same address logs in.
    colleague = Client()
    assert log_in(colleague, "conrad", PASSWORD).status_code == 302
    # Edith, from elsewhere, too: a stranger cannot lock her out of every address.
    travelling = Client()
    assert log_in(travelling, "edith", PASSWORD, address=ELSEWHERE).status_code == 302


@pytest.mark.usefixtures("edith")
def test_an_unknown_username_is_locked_out_the_same_way(client: Client) -> None:
    response = fail(client, LIMIT, username="nobody")
    assert response.status_code == 429
    assert f"{LOCKED_OUT} as “nobody”" in response.content.decode()


@pytest.mark.usefixtures("edith")
def test_a_successful_login_forgets_the_earlier_failures(client: Client) -> None:
    fail(client, LIMIT - 1)
    assert log_in(client, "edith", PASSWORD).status_code == 302
    client.post(reverse("admin:logout"))
    assert fail(client, LIMIT - 1).status_code == 200
    assert log_in(client, "edith", PASSWORD).status_code == 302


def test_the_limit_and_the_cool_off_come_from_the_environment(settings: Any) -> None:
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    for name, value in (("AXES_FAILURE_LIMIT", "0"), ("AXES_COOLOFF_MINUTES", "none")):
        result = _manage("check", DEBUG="1", **{name: value})
        assert result.returncode != 0
        assert name in result.stderr
