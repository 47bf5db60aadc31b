"""Schemathesis over the whole OpenAPI schema, with every one of its checks.

Runs in-process against the WSGI app, on whichever database the suite uses
(SQLite, or PostgreSQL with DATABASE_URL), once anonymously and once with an
editor's token so the write paths are explored too. No check is switched off:
`call_and_validate` without `checks=` runs all of them (max_response_time has
no limit set, so it checks nothing; the machine is shared).

Positive cases are made to agree with the stored data, which no schema can
describe (see `agree_with_the_register`): references name rows that exist, a
window does not end before it starts, a write names the version it edits. A
positive case is otherwise what schemathesis generated, so the server must
accept it (positive_data_acceptance); negative cases are left alone, so the
server must refuse them (negative_data_rejection).

An empty query value (`?ordering=`, as a plain HTML form sends it) means "not
given": the schema declares every optional query parameter `allowEmptyValue`,
so schemathesis counts it as valid rather than as data the server should refuse.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.core.parameters import ParameterLocation  # not re-exported; version pinned

from config.wsgi import application
from events.edtf import UncertainDate
from events.models import Actor, Event, EventLink, LinkKind, Source, Status, Topic
from tests.factories import cite, make_actor, make_event, make_source, make_topic
from timeline.api.dates import DateValueError, parse_span

# Schemathesis' WSGI client sends `Host: localhost`.
WSGI_HOST = "localhost"
with override_settings(ALLOWED_HOSTS=[WSGI_HOST]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# About a minute per variant; SCHEMATHESIS_EXAMPLES=500 for a longer hunt.
schema.config.generation.update(
    max_examples=int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25")),
    database="none",
    # The server refuses NUL in any text with a 400 naming the field (PostgreSQL
    # cannot store it), as the README says; test_api_inputs and test_api_filters
    # cover that answer, so the fuzzer need not send NUL everywhere.
    allow_x00=False,
)
# Workflows follow the schema's own links (a 201's id is the detail's id), not links
# guessed from property names: a POST body may carry a GET's read-only `id`, which
# the server ignores, and the guess took it for the created object's id.
schema.config.phases.stateful.inference.algorithms = []
# The in-process client does not decompress; a gzipped body would not parse.
PLAIN = {"Accept-Encoding": "identity"}
HYPOTHESIS = hypothesis_settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
QUOTED = "A quote that the events cite."


def edtf_dates() -> st.SearchStrategy[str]:
    """Valid values of the schema's `edtf` format, at every precision."""
    days = st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 1))
    forms = st.sampled_from(["day", "week", "month", "year", "range"])

    def write(day: date, form: str, approximate: bool) -> str:
        value = {
            "day": lambda: UncertainDate.day(day),
            "week": lambda: UncertainDate.week_of(day),
            "month": lambda: UncertainDate.month(day.year, day.month),
            "year": lambda: UncertainDate.year(day.year),
            "range": lambda: UncertainDate.span(day, day + timedelta(days=3)),
        }[form]()
        return value.edtf + ("~" if approximate else "")

    return st.builds(write, days, forms, st.booleans())


# Formats of our own in the schema: what a valid value looks like.
schemathesis.openapi.format("edtf", edtf_dates())
schemathesis.openapi.format(
    "date-expression",
    st.one_of(
        edtf_dates().filter(lambda v: not v.endswith("~")),
        # Hypothesis takes naive bounds and adds the time zone.
        st.datetimes(datetime(2, 1, 1), datetime(9998, 12, 31), timezones=st.just(UTC)).map(  # noqa: DTZ001
            datetime.isoformat
        ),
        st.sampled_from(["last month", "yesterday", "30 janvier 2026", "13 февраля 2026"]),
    ),
)


@pytest.fixture
def seeded(db: None, keep_connection: None, settings: Any) -> None:
    """A small register, so that positive cases can name rows that exist."""
    settings.ALLOWED_HOSTS = [WSGI_HOST]
    # ignored_auth sends wrong tokens on purpose; a lockout after a few of them (main's
    # django-axes token lockout, tested on its own) would refuse the editor's next ones.
    settings.AXES_FAILURE_LIMIT = 1_000_000
    actors = [make_actor(name=f"Actor {i}", country="FRA") for i in range(3)]
    topic = make_topic(name="Security")
    source = make_source(text=QUOTED)
    events = []
    for i, status in enumerate([Status.PUBLISHED, Status.RETRACTED, Status.DRAFT] * 2):
        event = make_event(when=f"2026-02-{i + 1:02d}", actors=actors[: i % 3 + 1], status=status)
        event.topics.add(topic)
        cite(event, source, "A quote")
        events.append(event)
    EventLink.objects.create(from_event=events[0], to_event=events[1], kind=LinkKind.FOLLOWS_UP)


def pick(options: list[Any], seed: Any) -> Any:
    """One of `options`, chosen by the generated value so shrinking stays meaningful."""
    return options[len(str(seed)) % len(options)]


def positive(case: schemathesis.Case, location: ParameterLocation) -> bool:
    return case.meta is None or not case.meta.is_negative_at(location)


def agree_with_the_register(case: schemathesis.Case, *, keep_ids: bool = False) -> None:
    """Positive parts of a case name what exists (see the module docstring).

    Done in the test, not in a map_case hook: schemathesis builds its coverage
    cases when it collects the tests, before the database exists. `keep_ids`
    in workflows, whose ids come from earlier answers.
    """
    if positive(case, ParameterLocation.PATH) and not keep_ids:
        _existing_ids(case)
    if positive(case, ParameterLocation.QUERY) and case.query:
        _agreeing_query(case.query)
    if positive(case, ParameterLocation.BODY) and isinstance(case.body, dict):
        _agreeing_body(case, case.body)
    if case.method in {"PUT", "PATCH", "DELETE"}:
        _current_version(case)


MODELS = {"events": Event, "actors": Actor, "topics": Topic, "sources": Source}
DEFAULTS = {"role": "mentioned"}  # what the server assumes for a missing key
DATE_PARAMETERS = ("start", "end", "updated_since", "since")


def _path_id(case: schemathesis.Case) -> int | None:
    generated = str(case.path_parameters.get("id", ""))
    return int(generated) if generated.isascii() and generated.isdigit() else None


def _existing_ids(case: schemathesis.Case) -> None:
    generated = case.path_parameters.get("id")
    model = MODELS.get(case.path.split("/")[2])
    if generated is None or model is None:
        return
    ids = sorted(model.objects.values_list("pk", flat=True))
    # One in four stays as generated: an unknown id must be a 404.
    if ids and len(str(generated)) % 4:
        case.path_parameters["id"] = pick(ids, generated)


def _agreeing_query(query: dict[str, Any]) -> None:
    # A cursor is only valid as the server gave it, in a `next` URL.
    query.pop("cursor", None)
    for name, model in (("actor", Actor), ("topic", Topic)):
        if query.get(name):
            slugs = list(model.objects.values_list("slug", flat=True))
            query[name] = [pick(slugs, value) for value in query[name]]
    # "date-expression" is a language of our own (ISO 8601, EDTF, words): schemathesis'
    # coverage phase cannot know it, so a value it made up becomes a valid one.
    for name in DATE_PARAMETERS:
        if query.get(name) and _span(query[name]) is None:
            query[name] = pick(["2026-02", "2026-W07", "1999", "2026-02-13T10:00:00Z"], query[name])
    start, end = _span(query.get("start")), _span(query.get("end"))
    if start and end and end.end < start.start:
        query["start"], query["end"] = query["end"], query["start"]


def _span(value: Any) -> UncertainDate | None:
    try:
        return parse_span(value) if isinstance(value, str) and value else None
    except DateValueError:
        return None


def _agreeing_body(case: schemathesis.Case, body: dict[str, Any]) -> None:
    if case.path == "/api/sources/":
        # A source URL is unique (once normalised): a second POST of it is refused.
        body["url"] = f"https://example.org/generated/{Source.objects.count()}"
        return
    actors = list(Actor.objects.values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("pk", flat=True))
    others = Event.objects.exclude(pk=_path_id(case))
    targets = list(others.values_list("pk", flat=True))
    if "participants" in body:
        for item in body["participants"]:
            item["actor"] = pick(actors, item.get("actor"))
        body["participants"] = _unique(body["participants"], ("actor", "role"))
    if "citations" in body:
        body["citations"] = [_citation(item) for item in body["citations"]]
    if "topics" in body:
        body["topics"] = [pick(topics, topic) for topic in body["topics"]]
    if "links" in body:
        for link in body["links"]:
            link["to_event"] = pick(targets, link.get("to_event"))
        body["links"] = _unique(body["links"], ("to_event", "kind"))
    _evidence_for_publishing(case, body, actors)


def _evidence_for_publishing(case: schemathesis.Case, body: dict[str, Any], actors: list) -> None:
    """A published event has a participant and a citation (the editing rules): a
    write that would leave one published without them is given them."""
    stored = Event.objects.filter(pk=_path_id(case)).first()
    if body.get("status", stored.status if stored else Status.DRAFT) != Status.PUBLISHED:
        return
    has = {
        "participants": stored is not None and stored.participations.exists(),
        "citations": stored is not None and stored.citations.exists(),
    }
    fillers = {
        "participants": lambda: [{"actor": actors[0], "role": "initiator"}],
        "citations": lambda: [_citation({})],
    }
    for key, filler in fillers.items():
        # A list in the body replaces the stored rows; no list keeps them.
        if not (body[key] if key in body else has[key]):
            body[key] = filler()


def _unique(items: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """One item per key: the same actor twice in one role is refused, like a duplicate link."""
    kept: dict[tuple, dict] = {}
    for item in items:
        kept.setdefault(tuple(item.get(k, DEFAULTS.get(k)) for k in keys), item)
    return list(kept.values())


def _citation(item: dict[str, Any]) -> dict[str, Any]:
    source = Source.objects.order_by("pk").first()
    assert source is not None
    if "source_url" in item:
        item["source_url"] = source.url
    if "source" in item or "source_url" not in item:
        item["source"] = source.pk
    # A quote is words of its source, at its offsets when both are given.
    item["quote"] = QUOTED[:7]
    if item.get("start_offset") is not None and item.get("end_offset") is not None:
        item.update(start_offset=0, end_offset=7)
    return item


def _current_version(case: schemathesis.Case) -> None:
    """A write names the version it edits: the current one, in If-Match and any body version."""
    version = Event.objects.filter(pk=_path_id(case)).values_list("version", flat=True).first()
    if version is None:
        return
    if positive(case, ParameterLocation.HEADER):
        case.headers = case.headers or {}
        case.headers["If-Match"] = f'"v{version}-0"'  # only the version part is compared
    body = case.body if positive(case, ParameterLocation.BODY) else None
    if isinstance(body, dict) and "version" in body:
        body["version"] = version


EVERY_CHECK = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
]


def test_every_check_of_schemathesis_is_on() -> None:
    for name in EVERY_CHECK:
        assert getattr(schema.config.checks, name).enabled, name
    # No time limit: the machine is shared, so a slow answer says little.
    assert not schema.config.checks.max_response_time.enabled
    assert set(schema.config.generation.modes) == {"positive", "negative"}
    for phase in ("coverage", "fuzzing", "stateful"):
        assert getattr(schema.config.phases, phase).enabled, phase


@pytest.mark.slow
@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@HYPOTHESIS
def test_anonymous_requests_pass_every_check(case: schemathesis.Case) -> None:
    agree_with_the_register(case)
    case.call_and_validate(headers=PLAIN)


@pytest.mark.slow
@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@HYPOTHESIS
def test_an_editors_requests_pass_every_check(case: schemathesis.Case, editor: User) -> None:
    key = Token.objects.get_or_create(user=editor)[0].key
    agree_with_the_register(case)
    case.call_and_validate(headers={**PLAIN, "Authorization": f"Token {key}"})


class EditorWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences schemathesis links from the schema: create, read, change, delete.

    What only a sequence can show: a created event can be read back
    (ensure_resource_availability), a deleted one is gone (use_after_free).
    """

    token = ""

    def before_call(self, case: schemathesis.Case) -> None:
        agree_with_the_register(case, keep_ids=True)

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return {"headers": {**PLAIN, "Authorization": f"Token {self.token}"}}

    def validate_response(
        self, response: Any, case: schemathesis.Case, additional_checks: Any = None, **kwargs: Any
    ) -> None:
        # Name the headers as ours, as call_and_validate does: ignored_auth then knows
        # the token is a real one to take away, not a generated one to distrust.
        case.validate_response(
            response,
            additional_checks=additional_checks,
            headers=kwargs.get("headers"),
            transport_kwargs=kwargs,
            recorder=self.recorder,
        )


@pytest.mark.slow
@pytest.mark.usefixtures("seeded")
def test_an_editors_workflows_pass_every_check(editor: User) -> None:
    EditorWorkflow.token = Token.objects.get_or_create(user=editor)[0].key
    EditorWorkflow.run(
        settings=hypothesis_settings(
            HYPOTHESIS,
            max_examples=int(os.environ.get("SCHEMATHESIS_WORKFLOWS", "15")),
            stateful_step_count=6,
            database=None,
        )
    )
