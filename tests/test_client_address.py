"""Lockouts key on the client's address, behind trusted proxies too."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from config.client_address import client_address


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "", "10.0.0.2"),
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own entry is ignored
        (2, "6.6.6.6, 203.0.113.5, 198.51.100.7", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.2"),  # fewer entries than proxies: not through them
    ],
)
def test_the_address_is_the_one_the_outermost_trusted_proxy_saw(
    settings: object, proxies: int, forwarded: str, expected: str
) -> None:
    settings.TRUSTED_PROXY_COUNT = proxies  # type: ignore[attr-defined]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.django_db
def test_wrong_tokens_behind_a_proxy_lock_out_that_client_only(settings: object) -> None:
    from axes.models import AccessAttempt
    from rest_framework.test import APIClient

    settings.TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    settings.AXES_FAILURE_LIMIT = 2  # type: ignore[attr-defined]
    AccessAttempt.objects.all().delete()
    proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_AUTHORIZATION": "Token wrong"}
    for _ in range(3):
        APIClient().get("/api/events/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    locked = APIClient().get("/api/events/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    other = APIClient().get("/api/events/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert locked.status_code == 429
    assert other.status_code == 401  # a wrong token still, but not locked out
    AccessAttempt.objects.all().delete()
