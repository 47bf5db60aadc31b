from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.roles import CONTRIBUTORS, EDITORS, ensure_groups


def _member(django_user_model: type[User], username: str, group: str) -> User:
    # A transactional test's flush empties the groups the migrations made.
    if not Group.objects.filter(name=group).exists():
        ensure_groups()
    # No password: clients log in with force_login, and hashing one costs
    # most of a second per test.
    user = django_user_model.objects.create_user(username=username, password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model: type[User]) -> User:
    return _member(django_user_model, "edith", EDITORS)


@pytest.fixture
def contributor(django_user_model: type[User]) -> User:
    return _member(django_user_model, "conrad", CONTRIBUTORS)


@pytest.fixture
def editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(contributor: User) -> Client:
    client = Client()
    client.force_login(contributor)
    return client


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
