"""Helpers for the per-language tests: a plan's drafts as a reader sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from events.ingest.actors import ActorIndex
from events.ingest.drafts import ArticlePlan, DraftPlan, plan_article


@dataclass
class Planner:
    index: ActorIndex

    def plan(self, text: str, published: date, language: str) -> ArticlePlan:
        return plan_article(text, published, language, self.index)

    def roles(self, draft: DraftPlan) -> list[tuple[str, str, str]]:
        """(actor, role, role words) of each participant."""
        return [(self.index.labels[p.actor_id], p.role, p.role_words) for p in draft.participants]


@pytest.fixture
def planner(index: ActorIndex) -> Planner:
    return Planner(index)
