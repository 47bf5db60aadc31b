"""Schemathesis over the whole OpenAPI schema: no server error, no response off the schema.

Runs in-process against the WSGI app, on whichever database the suite uses
(SQLite, or PostgreSQL with DATABASE_URL), once anonymously and once with an
editor's token so the write paths are explored too.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from events.models import EventLink, LinkKind, Status
from tests.factories import cite, make_actor, make_event, make_source, make_topic

# Schemathesis' WSGI client sends `Host: localhost`.
WSGI_HOST = "localhost"
with override_settings(ALLOWED_HOSTS=[WSGI_HOST]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# Enough to find what it found while this was written (a "%" in a filter value,
# "²" read as a digit, HTML 404s), in about a minute per variant.
schema.config.generation.update(max_examples=20, database="none")

# Negative cases are generated too (invalid values, wrong types), but not held
# to `negative_data_rejection`: an empty parameter (`?ordering=`, as a plain
# HTML form sends it) means "not given" here, which that check calls accepted.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The in-process client does not decompress; a gzipped body would not parse.
PLAIN = {"Accept-Encoding": "identity"}
HYPOTHESIS = hypothesis_settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def seeded(db: None, keep_connection: None, settings: Any) -> None:
    """A small register with ids 1.. so that generated ids sometimes hit real rows."""
    settings.ALLOWED_HOSTS = [WSGI_HOST]
    actors = [make_actor(name=f"Actor {i}", country="FRA") for i in range(3)]
    topic = make_topic(name="Security")
    source = make_source(text="A quote that the events cite.")
    events = []
    for i, status in enumerate([Status.PUBLISHED, Status.RETRACTED, Status.DRAFT] * 2):
        event = make_event(when=f"2026-02-{i + 1:02d}", actors=actors[: i % 3 + 1], status=status)
        event.topics.add(topic)
        cite(event, source, "A quote")
        events.append(event)
    EventLink.objects.create(from_event=events[0], to_event=events[1], kind=LinkKind.FOLLOWS_UP)


@pytest.mark.slow
@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@HYPOTHESIS
def test_anonymous_requests_never_break_the_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, headers=PLAIN)


@pytest.mark.slow
@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@HYPOTHESIS
def test_an_editors_requests_never_break_the_schema(case: schemathesis.Case, editor: User) -> None:
    key = Token.objects.get_or_create(user=editor)[0].key
    case.call_and_validate(checks=CHECKS, headers={**PLAIN, "Authorization": f"Token {key}"})
