"""No address answers 5xx, whatever its variable parts hold: every URL pattern
(the admin's, for every registered model, the reader pages and the API) with
hostile values, as a superuser and anonymously. Under /api/ errors are JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.admin import site
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.models import Token

from events.ingest.articles import parse_seed
from events.ingest.service import ingest_article
from events.models import ActorSuggestion, Event, Status
from events.register import load_actor_register
from tests.factories import make_topic
from timeline.api.filters import EventFilterSet
from timeline.views import FORM_FIELDS

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# What a tester (or a crawler, or an attacker) puts where an id or a slug goes.
HOSTILE = [
    "abc",
    "99999999999999999999",  # past any integer column
    "9223372036854775808",  # one past PostgreSQL's bigint
    "-1",
    "0",
    "1.5",
    "²",  # a digit to str.isdigit(), not to int()
    "\x00",  # PostgreSQL refuses NUL in text
    "a\x00b",
    "é中文🙂",
    "x" * 2000,
    "..",
    "%",
    "{valid}/junk",  # a real id or slug with a trailing segment
    "{valid}/junk/more",
]

# A query parameter's value has no slashes to play with.
QUERY_VALUES = ["\x00", "99999999999999999999", "9999", "-1", "²", "abc", "é中文🙂", "x" * 2000]
PAGINATION = ["cursor", "page_size"]
# What the reader pages read, by URL name; the API's views say it themselves.
PAGE_PARAMETERS = {
    "home": [*EventFilterSet.base_filters, *FORM_FIELDS, "lanes"],
    "actor": ["page"],
}
# How the streamed timeline page ends when reading its data failed after its head.
FAILED_PAGE = b'id="page-failed"'
METHODS = {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "BREW"}
# What the admin's pages other than its lists read.
ADMIN_PARAMETERS = ["_to_field", "_changelist_filters", "next"]
AUTOCOMPLETE_PARAMETERS = ["app_label", "model_name", "field_name", "term"]

_GROUP = re.compile(r"\((\?P<(?P<name>\w+)>)?")


@dataclass
class Slot:
    name: str  # the group's name, or "1", "2" for unnamed groups
    regex: str


@dataclass
class Route:
    pieces: list[str | Slot]
    model: type[models.Model] | None
    pattern: URLPattern

    @property
    def slots(self) -> list[Slot]:
        return [piece for piece in self.pieces if isinstance(piece, Slot)]

    def url(self, values: dict[str, str]) -> str:
        parts = [
            piece if isinstance(piece, str) else quote(values[piece.name], safe="/")
            for piece in self.pieces
        ]
        return "/" + "".join(parts)


def _routes() -> Iterator[Route]:
    for regex, pattern in _flatten(get_resolver()):
        yield Route(_pieces(regex), _model_of(regex, pattern), pattern)


def _flatten(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for item in resolver.url_patterns:
        regex = prefix + item.pattern.regex.pattern.lstrip("^")
        if isinstance(item, URLResolver):
            yield from _flatten(item, regex)
        else:
            yield regex, item


def _pieces(regex: str) -> list[str | Slot]:
    """The regex as literal text and the groups that take values."""
    pieces: list[str | Slot] = []
    literal, i, unnamed = "", 0, 0
    while i < len(regex):
        if regex[i] == "\\":
            literal += regex[i + 1] if regex[i + 1] != "Z" else ""
            i += 2
        elif regex[i] in "^$":
            i += 1
        elif regex[i] == "(":
            match = _GROUP.match(regex, i)
            assert match is not None
            end = _closing(regex, i)
            unnamed += match["name"] is None
            pieces += [literal, Slot(match["name"] or str(unnamed), regex[match.end() : end])]
            literal, i = "", end + 1
        else:
            literal += regex[i]
            i += 1
    return [*pieces, literal]


def _closing(regex: str, start: int) -> int:
    depth, i = 0, start
    while True:
        if regex[i] == "\\":
            i += 1
        elif regex[i] == "(":
            depth += 1
        elif regex[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1


def _model_of(regex: str, pattern: URLPattern) -> type[models.Model] | None:
    admin_path = re.match(r"admin/(\w+)/(\w+)/", regex)
    if admin_path:
        try:
            return apps.get_model(admin_path[1], admin_path[2])
        except LookupError:
            return None
    view_class = getattr(pattern.callback, "cls", None)
    queryset = getattr(view_class, "queryset", None)
    return queryset.model if queryset is not None else None


@pytest.fixture
def register() -> dict[str, Any]:
    """A row of every kind an address can name: drafts, candidates, suggestions..."""
    load_actor_register(json.loads((SEEDS / "actors.json").read_text(encoding="utf-8")))
    article = parse_seed((SEEDS / "000_26626691e5079d56.txt").read_bytes(), "seed")
    ingest_article(article=article)
    published = Event.objects.filter(participations__isnull=False).first()
    assert published is not None
    Event.objects.filter(pk=published.pk).update(status=Status.PUBLISHED)
    published.refresh_from_db()
    published.save()  # a history row
    make_topic(name="European security")
    ActorSuggestion.objects.create(name="Jane Roe", kind="person")
    boss = User.objects.create_superuser("boss", password=None)
    Token.objects.create(user=boss)
    return {"event": published, "superuser": boss}


def test_no_address_answers_a_server_error(register):
    """GET every pattern with each hostile value in each of its slots."""
    failures = []
    for client in _clients(register):
        for route in _routes():
            for url in _urls(route, register):
                failures += _problems(client, url)
    assert not failures, "\n".join(failures)


def test_no_query_parameter_answers_a_server_error(register):
    """Every parameter a list, page or export reads, and every admin list filter,
    with each hostile value."""
    failures = []
    anonymous, superuser = _clients(register)
    for route in _routes():
        if any(route.slots) and route.model is not None:
            continue  # an object's own page in the admin or the API: its lists are enough
        url = route.url({slot.name: _valid_value(slot, route, register) for slot in route.slots})
        client = superuser if url.startswith("/admin/") else anonymous
        for name in _parameters(route, url, register["superuser"]):
            for value in QUERY_VALUES:
                failures += _problems(client, url, {name: value})
    assert not failures, "\n".join(failures)


def test_a_method_an_api_address_does_not_allow_is_a_json_405(register):
    _anonymous, superuser = _clients(register)
    for route in _routes():
        url = route.url({slot.name: _valid_value(slot, route, register) for slot in route.slots})
        if not url.startswith("/api/") or route.pattern.name == "not-found":
            continue  # the catch-all answers "no such address" to every method
        options = superuser.options(url)
        assert options.status_code in (200, 405), url
        allowed = set(options["Allow"].replace(" ", "").split(","))
        for method in sorted(METHODS - allowed):
            response = superuser.generic(method, url)
            assert response.status_code == 405, (method, url)
            assert response["Content-Type"] == "application/json", (method, url)
            assert f'"{method}" not allowed' in response.json()["detail"]


def test_an_admin_action_on_ids_that_cannot_exist_changes_nothing(register):
    """A tampered selection (the checkboxes' values) is refused like an empty one."""
    _anonymous, superuser = _clients(register)
    request = RequestFactory().get("/admin/")
    request.user = register["superuser"]
    before = Event.objects.values_list("pk", "status", "version").order_by("pk")
    ours = [(m, a) for m, a in site._registry.items() if m._meta.app_label == "events"]
    for model, model_admin in ours:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for action in model_admin.get_actions(request):
            for value in ["abc", "99999999999999999999", "1/junk", "\x00"]:
                data = {"action": action, "_selected_action": [value], "index": "0"}
                response = superuser.post(url, data)
                assert response.status_code in (302, 400), (url, action, value)
    assert list(Event.objects.values_list("pk", "status", "version").order_by("pk")) == list(before)


def _clients(register: dict[str, Any]) -> tuple[Client, Client]:
    anonymous = Client(raise_request_exception=False)
    superuser = Client(raise_request_exception=False)
    superuser.force_login(register["superuser"])
    return anonymous, superuser


def _urls(route: Route, register: dict[str, Any]) -> Iterator[str]:
    valid = {slot.name: _valid_value(slot, route, register) for slot in route.slots}
    yield route.url(valid)
    for slot in route.slots:
        for value in HOSTILE:
            yield route.url({**valid, slot.name: value.format(valid=valid[slot.name])})


def _valid_value(slot: Slot, route: Route, register: dict[str, Any]) -> str:
    event: Event = register["event"]
    literal = "".join(piece for piece in route.pieces if isinstance(piece, str))
    if slot.name == "app_label":
        return "events"
    if slot.name == "content_type_id":
        return str(ContentType.objects.get_for_model(Event).pk)
    if slot.name == "slug":
        actor = event.participations.first().actor  # type: ignore[union-attr]
        return actor.slug if literal.startswith("actors/") else event.slug
    if slot.name == "url":
        return "nothing-here/"
    if route.model is None:  # a reader page: only published events have one
        return str(event.pk)
    model = route.model
    row = model._default_manager.order_by("pk").first()
    if slot.name == "2":  # simple_history's history_id
        history = getattr(model, "history", None)
        record = history.filter(pk=row.pk).first() if history and row else None
        return str(record.history_id) if record else "1"
    return str(row.pk) if row is not None else "1"


def _parameters(route: Route, url: str, superuser: User) -> list[str]:
    """The query parameters the view behind `route` reads."""
    if url.startswith("/admin/"):
        return _admin_parameters(route, url, superuser)
    view_class = getattr(route.pattern.callback, "cls", None)
    if view_class is None:
        return PAGE_PARAMETERS.get(route.pattern.name or "", [])
    if issubclass(view_class, SpectacularAPIView | SpectacularSwaggerView):
        return ["format", "lang"]
    actions = getattr(route.pattern.callback, "actions", {})
    if actions.get("get") == "deleted":
        return ["since", *PAGINATION]
    filterset = getattr(view_class, "filterset_class", None)
    names = [*(filterset.base_filters if filterset else []), *PAGINATION]
    return [*names, "lanes", "group"] if route.pattern.name == "timeline" else names


def _admin_parameters(route: Route, url: str, superuser: User) -> list[str]:
    if url == "/admin/autocomplete/":
        return AUTOCOMPLETE_PARAMETERS
    opts = route.model._meta if route.model else None
    if opts is None or url != f"/admin/{opts.app_label}/{opts.model_name}/":
        return ADMIN_PARAMETERS
    request = RequestFactory().get(url)
    request.user = superuser
    changelist = site._registry[route.model].get_changelist_instance(request)
    names = [name for spec in changelist.filter_specs for name in spec.expected_parameters()]
    if changelist.date_hierarchy:
        names += [f"{changelist.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return [*names, "q", "o", "p", "e", "_to_field", "_popup"]


def _problems(client: Client, url: str, query: dict[str, str] | None = None) -> list[str]:
    response = client.get(url, query)
    who = "superuser" if "_auth_user_id" in client.session else "anonymous"
    where = f"{who} GET {url[:100]}{'?' + str(query)[:100] if query else ''}"
    if response.status_code >= 500:
        exc = getattr(response, "exc_info", None)
        return [f"{where}: {response.status_code} {exc[1]!r}" if exc else where]
    if response.streaming and FAILED_PAGE in b"".join(response.streaming_content):
        return [f"{where}: the page ended with its failure message (see the log)"]
    content_type = response.get("Content-Type", "")
    if (
        url.startswith("/api/")
        and response.status_code >= 400
        and content_type != "application/json"
    ):
        return [f"{where}: {response.status_code} as {content_type}"]
    return []
