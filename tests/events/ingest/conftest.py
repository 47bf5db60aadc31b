"""Shared fixtures for the ingestion tests: the seed register and seed article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from events.ingest.actors import ActorIndex
from events.ingest.articles import Article, parse_seed
from events.register import load_actor_register

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SEED_ARTICLE = SEEDS / "000_26626691e5079d56.txt"


@pytest.fixture
def register(db: None) -> None:
    load_actor_register(json.loads((SEEDS / "actors.json").read_text(encoding="utf-8")))


@pytest.fixture
def index(register: None) -> ActorIndex:
    return ActorIndex.from_register()


@pytest.fixture
def seed_article() -> Article:
    return parse_seed(SEED_ARTICLE.read_bytes(), str(SEED_ARTICLE))


def _article(text: str, *, url: str = "https://news.example.org/a", **fields: object) -> Article:
    fields.setdefault("published", date(2026, 2, 14))
    fields.setdefault("title", "A title")
    fields.setdefault("language", "en")
    return Article(url=url, text=text, **fields)  # type: ignore[arg-type]


@pytest.fixture
def make_article() -> object:
    """Build an English article published on Saturday 14 February 2026."""
    return _article
