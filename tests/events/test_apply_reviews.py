"""Replaying editorial decisions on ingested drafts: what `make run` does with the seeds."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import AbstractUser
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from events.models import Event

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REVIEWS = SEEDS / "reviews.json"
URL = json.loads(REVIEWS.read_text(encoding="utf-8"))["decisions"][0]["source"]


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seed_drafts() -> list[Event]:
    run("load_actors", str(SEEDS / "actors.json"))
    run("ingest", str(SEEDS))
    return list(Event.objects.drafts())


def test_the_seed_review_publishes_the_lavrov_and_macron_events(
    seed_drafts: list[Event], editor: AbstractUser, client: Client
) -> None:
    assert len(seed_drafts) == 8
    assert "2 published, 4 merged" in run("apply_reviews", str(REVIEWS), "--as", editor.username)
    events = list(Event.objects.public().order_by("date_start"))
    assert [(e.date_start.isoformat(), e.precision) for e in events] == [
        ("2026-01-30", "day"),
        ("2026-02-13", "day"),
    ]
    lavrov, macron = events
    assert lavrov.participations.get(role="initiator").actor.name == "Sergey Lavrov"
    assert "would never abandon attempts to negotiate" in lavrov.citations.get().quote
    assert macron.participations.get(role="initiator").actor.name == "Emmanuel Macron"
    assert macron.title == "Macron plans a direct communication channel with Russia"
    assert macron.category == "CONSULT"  # set on review: ingestion suggested none
    assert macron.slug == "macron-plans-a-direct-communication-channel-with-russia"
    quotes = " ".join(macron.citations.values_list("quote", flat=True))
    assert "direct channel of communication with Russia" in quotes
    assert macron.place_name == "Munich Security Conference"  # from the merged draft
    # Left for an editor: Dmitriev's comment and the three leaders' stance, dated
    # from the article, are events of their own that the review did not decide.
    left = sorted(Event.objects.drafts().values_list("date_basis", "title"))
    assert [basis for basis, _ in left] == ["publication", "publication"]
    assert any(title.startswith("Kirill Dmitriev commented") for _, title in left)
    assert macron.history.first().history_user == editor
    page = b"".join(client.get(reverse("timeline:home")).streaming_content).decode()
    assert lavrov.title in page
    assert macron.title in page


def test_replaying_the_review_changes_nothing(seed_drafts: list[Event], editor) -> None:
    run("apply_reviews", str(REVIEWS), "--as", editor.username)
    versions = sorted(Event.objects.values_list("pk", "version"))
    assert "0 published, 0 merged, 6 already done" in run(
        "apply_reviews", str(REVIEWS), "--as", editor.username
    )
    assert sorted(Event.objects.values_list("pk", "version")) == versions


def test_a_bad_decision_names_itself_and_changes_nothing(
    seed_drafts: list[Event], editor, tmp_path: Path
) -> None:
    decisions = json.loads(REVIEWS.read_text(encoding="utf-8"))["decisions"]
    bad = tmp_path / "reviews.json"
    unknown = {"action": "publish", "source": URL, "quote": "no such words"}
    bad.write_text(json.dumps({"decisions": [*decisions, unknown]}), encoding="utf-8")
    with pytest.raises(CommandError, match=r'decision 7: no event cites "no such words"'):
        run("apply_reviews", str(bad), "--as", editor.username)
    assert Event.objects.drafts().count() == 8  # the first six were rolled back
    assert not Event.objects.public().exists()
    bad.write_text(json.dumps({"decisions": [{"action": "approve"}]}), encoding="utf-8")
    with pytest.raises(CommandError, match="decision 1: action must be one of publish, merge"):
        run("apply_reviews", str(bad), "--as", editor.username)
    lavrov = {"action": "publish", "source": URL, "quote": "would never abandon attempts"}
    for changes, message in (
        ({"category": "NOPE"}, "decision 1: category: Value 'NOPE' is not a valid choice"),
        ({"status": "published"}, 'decision 1: "set" may change only title, category'),
    ):
        bad.write_text(json.dumps({"decisions": [{**lavrov, "set": changes}]}), encoding="utf-8")
        with pytest.raises(CommandError, match=re.escape(message)):
            run("apply_reviews", str(bad), "--as", editor.username)
    assert Event.objects.drafts().count() == 8


def test_only_an_editor_may_review(seed_drafts: list[Event], contributor) -> None:
    with pytest.raises(CommandError, match="Only editors"):
        run("apply_reviews", str(REVIEWS), "--as", contributor.username)
    with pytest.raises(CommandError, match="no user 'nobody'"):
        run("apply_reviews", str(REVIEWS), "--as", "nobody")
    assert Event.objects.drafts().count() == 8
