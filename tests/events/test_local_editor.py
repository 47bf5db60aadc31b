from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_it_refuses_to_create_a_known_account_outside_development(tmp_path):
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_local_editor", password_file=tmp_path / "pw")
    assert not get_user_model().objects.exists()


@override_settings(DEBUG=True)
def test_it_creates_an_editor_once_and_prints_a_working_login(tmp_path):
    out = StringIO()
    call_command("ensure_local_editor", password_file=tmp_path / "pw", stdout=out)
    call_command("ensure_local_editor", password_file=tmp_path / "pw", stdout=StringIO())
    password = (tmp_path / "pw").read_text().strip()
    assert f"as 'editor' with password '{password}'" in out.getvalue()
    # The request, as the admin's login form passes it: axes' backend needs one.
    user = authenticate(HttpRequest(), username="editor", password=password)
    assert user is not None
    assert user.is_staff
    assert user.has_perm("events.publish_event")
    assert not user.has_perm("auth.change_user")
    assert get_user_model().objects.count() == 1
