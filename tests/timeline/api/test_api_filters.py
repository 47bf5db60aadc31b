from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from events.edtf import UncertainDate
from events.models import Actor, ActorAlias, Event, Topic
from tests.factories import cite, make_actor, make_event, make_source, make_topic

pytestmark = pytest.mark.django_db


def titles(client: APIClient, query: str) -> list[str]:
    response = client.get(f"/api/events/?{query}")
    assert response.status_code == 200, response.content
    return [event["title"] for event in response.json()["results"]]


def errors(client: APIClient, query: str, url: str = "/api/events/") -> dict[str, list[str]]:
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400, response.content
    return response.json()


@pytest.fixture
def lavrov() -> Actor:
    actor = make_actor(name="Sergey Lavrov", slug="sergey-lavrov", country="RUS")
    ActorAlias.objects.create(actor=actor, name="Сергей Лавров", language="ru")
    return actor


@pytest.fixture
def macron() -> Actor:
    return make_actor(name="Emmanuel Macron", slug="emmanuel-macron", country="FRA")


@pytest.fixture
def france() -> Actor:
    return make_actor(name="France", slug="france", kind="state", country="FRA")


@pytest.fixture
def arms() -> Topic:
    return make_topic(name="Arms control", slug="arms-control")


@pytest.fixture
def register(lavrov: Actor, macron: Actor, france: Actor, arms: Topic) -> None:
    make_event(title="Month", when="2026-02", actors=[lavrov], category="CONSULT")
    speech = make_event(
        title="Speech",
        when="2026-02-13",
        actors=[macron, france],
        category="DEMAND",
        summary="Macron calls for a European security architecture.",
        place_name="Munich",
        place_country="DEU",
    )
    speech.topics.add(arms)
    reply = make_event(title="Reply", when="2026-02-14", actors=[lavrov, macron], category="REJECT")
    source = make_source(text="Lavrov answered that Europe has no say in the talks.")
    cite(reply, source, "Europe has no say")
    make_event(title="January", when="2026-01-30", actors=[france], category="AGREE")


@pytest.mark.usefixtures("register")
class TestWindow:
    def test_a_month_overlaps_a_window_of_days_inside_it(self, api: APIClient) -> None:
        assert titles(api, "start=2026-02-10&end=2026-02-12") == ["Month"]

    def test_within_keeps_only_events_inside_the_window(self, api: APIClient) -> None:
        assert titles(api, "start=2026-02-10&end=2026-02-20&within=true") == ["Speech", "Reply"]

    def test_an_edtf_month_as_end_counts_to_its_last_day(self, api: APIClient) -> None:
        assert titles(api, "start=2026-02-14&end=2026-02") == ["Month", "Reply"]

    def test_start_alone_is_open_ended(self, api: APIClient) -> None:
        assert titles(api, "start=2026-02-14") == ["Month", "Reply"]

    def test_end_alone_is_open_ended(self, api: APIClient) -> None:
        assert titles(api, "end=2026-01-31") == ["January"]

    def test_a_french_date_in_words(self, api: APIClient) -> None:
        assert titles(api, "start=30 janvier 2026&end=30 janvier 2026") == ["January"]

    def test_an_iso_datetime_is_its_day(self, api: APIClient) -> None:
        assert titles(api, "start=2026-01-30T23:00:00Z&end=2026-01-30T23:30:00Z") == ["January"]

    def test_a_reversed_window_is_a_400_naming_end(self, api: APIClient) -> None:
        assert "before it starts" in errors(api, "start=2026-03-01&end=2026-02-01")["end"][0]

    def test_an_unparseable_date_is_a_400_naming_the_parameter(self, api: APIClient) -> None:
        body = errors(api, "start=the day after never&end=2026-02")
        assert list(body) == ["start"]
        assert "is not a date" in body["start"][0]

    def test_within_must_be_a_boolean(self, api: APIClient) -> None:
        assert "within" in errors(api, "within=perhaps")


def test_last_month_in_words_is_the_whole_previous_month(api: APIClient) -> None:
    today = datetime.now(UTC).date()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=15)
    inside = UncertainDate.day(last_month)
    make_event(title="Last month", when=inside)
    make_event(title="Today", when=UncertainDate.day(today))
    assert titles(api, "start=last month&end=last month") == ["Last month"]


@pytest.mark.usefixtures("register")
class TestActors:
    def test_an_actor_by_slug(self, api: APIClient, lavrov: Actor) -> None:
        assert titles(api, "actor=sergey-lavrov") == ["Month", "Reply"]

    def test_several_actors_match_any_by_default(self, api: APIClient, lavrov: Actor) -> None:
        assert titles(api, f"actor={lavrov.pk}&actor=france") == [
            "January",
            "Month",
            "Speech",
            "Reply",
        ]

    def test_actor_mode_all_needs_every_actor(self, api: APIClient, lavrov: Actor) -> None:
        query = f"actor={lavrov.pk},emmanuel-macron&actor_mode=all"
        assert titles(api, query) == ["Reply"]

    def test_an_unknown_actor_is_a_400_naming_it(self, api: APIClient) -> None:
        body = errors(api, "actor=sergey-lavrov&actor=nobody-at-all")
        assert body["actor"] == ["Unknown actor: nobody-at-all."]

    def test_actor_kind(self, api: APIClient) -> None:
        assert titles(api, "actor_kind=state") == ["January", "Speech"]

    def test_country_covers_the_place_and_the_actors(self, api: APIClient) -> None:
        assert titles(api, "country=deu") == ["Speech"]
        assert titles(api, "country=RUS") == ["Month", "Reply"]

    def test_a_null_character_is_a_400_not_a_database_error(self, api: APIClient) -> None:
        assert errors(api, "actor=lav%00rov")["actor"] == ["Null characters are not allowed."]

    def test_a_malformed_country_is_a_400(self, api: APIClient) -> None:
        assert "alpha-3" in errors(api, "country=FR")["country"][0]


@pytest.mark.usefixtures("register")
class TestVocabularies:
    def test_category(self, api: APIClient) -> None:
        assert titles(api, "category=DEMAND&category=REJECT") == ["Speech", "Reply"]

    def test_quad_class(self, api: APIClient) -> None:
        assert titles(api, "quad=verbal_conflict") == ["Speech", "Reply"]

    def test_an_unknown_category_is_a_400(self, api: APIClient) -> None:
        assert "category" in errors(api, "category=SHOUT")

    def test_topic_by_slug_or_id(self, api: APIClient, arms: Topic) -> None:
        assert titles(api, "topic=arms-control") == ["Speech"]
        assert titles(api, f"topic={arms.pk}") == ["Speech"]

    def test_an_unknown_topic_is_a_400(self, api: APIClient) -> None:
        assert errors(api, "topic=basket-weaving")["topic"] == ["Unknown topic: basket-weaving."]

    def test_filters_combine(self, api: APIClient) -> None:
        query = "actor=emmanuel-macron&quad=verbal_conflict&start=2026-02-14&country=RUS"
        assert titles(api, query) == ["Reply"]


@pytest.mark.usefixtures("register")
class TestSearch:
    def test_words_of_the_summary(self, api: APIClient) -> None:
        assert titles(api, "q=security architecture") == ["Speech"]

    def test_words_of_a_quote(self, api: APIClient) -> None:
        assert titles(api, "q=say") == ["Reply"]

    def test_an_actor_alias_in_another_script(self, api: APIClient) -> None:
        assert titles(api, "q=Лавров") == ["Month", "Reply"]

    def test_no_match_is_an_empty_list(self, api: APIClient) -> None:
        assert titles(api, "q=zeppelin") == []


@pytest.mark.usefixtures("register")
def test_updated_since_lists_only_recent_changes(api: APIClient) -> None:
    past = datetime(2020, 1, 1, tzinfo=UTC)
    Event.objects.exclude(title="Reply").update(updated_at=past)
    assert titles(api, "updated_since=2025-01-01") == ["Reply"]
    assert titles(api, "updated_since=2025-01-01T00:00:00%2B02:00") == ["Reply"]
    assert "is not a date" in errors(api, "updated_since=whenever")["updated_since"][0]


@pytest.mark.usefixtures("register")
def test_ordering_newest_first(api: APIClient) -> None:
    assert titles(api, "ordering=-date") == ["Reply", "Speech", "Month", "January"]
    assert "ordering" in errors(api, "ordering=title")


@pytest.mark.usefixtures("register")
def test_the_exports_take_the_same_filters(api: APIClient) -> None:
    response = api.get("/api/events/export.jsonl", {"actor": "sergey-lavrov"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2
    assert errors(api, "actor=nobody", "/api/events/export.csv") == {
        "actor": ["Unknown actor: nobody."]
    }


def test_an_event_on_the_window_edge_is_inside(api: APIClient) -> None:
    make_event(title="Edge", when=UncertainDate.day(date(2026, 2, 28)))
    assert titles(api, "start=2026-02-28&end=2026-03-01") == ["Edge"]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A tiny table would be read whole, or through any btree index with a
        # filter: leave the planner only bitmap scans, which need a usable index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
def test_full_text_search_uses_the_gin_indexes_on_postgresql() -> None:
    from django.contrib.postgres.search import SearchQuery

    from events.models import Citation
    from events.models.search import SEARCH_CONFIG, event_words, quote_words

    cite(make_event(title="Sanctions on grain"), make_source(text="grain deal"), "grain deal")
    query = SearchQuery("grain", search_type="websearch", config=SEARCH_CONFIG)
    # Each part of the search on its own: the plan of the whole UNION depends on
    # table statistics, but each part must be able to use its index.
    events = Event.objects.annotate(words=event_words()).filter(words=query)
    quotes = Citation.objects.annotate(words=quote_words()).filter(words=query)
    assert "event_search_gin" in _plan(events.order_by().values("pk"))
    assert "citation_search_gin" in _plan(quotes.order_by().values("event_id"))
    assert [e.title for e in Event.objects.public().search("grain")] == ["Sanctions on grain"]


def test_the_actor_list_finds_actors_by_a_folded_name_or_alias(api: APIClient) -> None:
    stubb = make_actor(name="Alexander Stübb")
    lavrov = make_actor(name="Sergey Lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Сергей Лавров", language="ru")
    make_actor(name="Giorgia Meloni")
    url = reverse("timeline:api:actor-list")
    for query, expected in [("stubb", stubb), ("лавров", lavrov)]:
        response = api.get(url, {"q": query})
        assert response.status_code == 200
        assert [a["name"] for a in response.json()["results"]] == [expected.name]
