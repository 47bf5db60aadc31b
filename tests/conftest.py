from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from events.roles import CONTRIBUTORS, EDITORS


def _member(django_user_model: type[User], username: str, group: str) -> User:
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
