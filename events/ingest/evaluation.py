"""Scoring draft events against gold events (MEANTIME's JSON Lines with `gold`).

The corpus: one article per line with `published`, `text`, `annotated_end`
(only text before it is annotated) and `gold` items, each an `agent` (a slug of
the actor register), the `date` (YYYY-MM-DD) the event happened on, and the
sentence it is told in (`sentence_start`, `sentence_end`). See the corpus
README (events-meantime-dev.jsonl) for how it was built.

Matching rule: a draft matches a gold item when
- its initiators include the gold agent ("any role": its participants do),
- its date is the gold day at day precision (relaxed: its bounds contain it),
- and its quote overlaps the gold sentence.

precision = drafts that match some gold item / drafts that start inside the
annotated part; recall = gold items matched by some draft / gold items; F1 is
their harmonic mean. A draft matching two gold items (two agents of one
sentence) counts once for precision and twice for recall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from events.ingest.drafts import ArticlePlan, DraftPlan
from events.vocab import Precision, Role

STRICT, RELAXED, ANY_ROLE = "strict", "relaxed", "any role"
RULES = (STRICT, RELAXED, ANY_ROLE)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    agent: str  # actor slug
    day: date
    start: int  # the sentence
    end: int
    anchor: str  # "text": dated by the sentence's words; "dct": by the article's date

    @classmethod
    def from_record(cls, item: dict[str, Any]) -> GoldEvent:
        return cls(
            agent=item["agent"],
            day=date.fromisoformat(item["date"]),
            start=item["sentence_start"],
            end=item["sentence_end"],
            anchor=item.get("anchor", ""),
        )


@dataclass
class Score:
    """Counts for one matching rule over a corpus."""

    gold: int = 0
    drafts: int = 0  # drafts starting inside the annotated part
    matched_gold: int = 0
    matched_drafts: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched_drafts, self.drafts)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)


@dataclass
class Report:
    """Scores by rule, with the misses and false drafts of the strict rule."""

    articles: int = 0
    drafts_total: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {r: Score() for r in RULES})
    missed: list[str] = field(default_factory=list)  # one line per unmatched gold item
    false: list[str] = field(default_factory=list)  # one line per unmatched draft
    miss_kinds: Counter[str] = field(default_factory=Counter)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def matches(draft: DraftPlan, gold: GoldEvent, slugs: dict[int, str], rule: str) -> bool:
    """Whether `draft` matches `gold` under `rule` (STRICT, RELAXED or ANY_ROLE)."""
    if not (draft.start < gold.end and gold.start < draft.end):
        return False
    roles = {p.role for p in draft.participants if slugs.get(p.actor_id) == gold.agent}
    if Role.INITIATOR not in roles and not (rule == ANY_ROLE and roles):
        return False
    value = draft.value
    if rule == RELAXED:
        return value.start <= gold.day <= value.end
    return value.precision == Precision.DAY and value.start == gold.day


def score_article(
    report: Report,
    text: str,
    plan: ArticlePlan,
    gold: list[GoldEvent],
    annotated_end: int,
    slugs: dict[int, str],
) -> None:
    """Add one article's drafts and gold items to `report`."""
    report.articles += 1
    report.drafts_total += len(plan.drafts)
    judged = [d for d in plan.drafts if d.start < annotated_end]
    for rule in RULES:
        score = report.scores[rule]
        score.gold += len(gold)
        score.drafts += len(judged)
        score.matched_gold += sum(any(matches(d, g, slugs, rule) for d in judged) for g in gold)
        score.matched_drafts += sum(any(matches(d, g, slugs, rule) for g in gold) for d in judged)
    for g in gold:
        if not any(matches(d, g, slugs, STRICT) for d in judged):
            kind = miss_kind(plan, g, slugs)
            report.miss_kinds[kind] += 1
            report.missed.append(
                f"{kind}: {g.agent} on {g.day} ({g.anchor}) in “{_clip(text[g.start : g.end])}”"
                + _drafts_there(plan.drafts, g, slugs)
            )
    for d in judged:
        if not any(matches(d, g, slugs, STRICT) for g in gold):
            report.false.append(_describe(d, slugs))


def miss_kind(plan: ArticlePlan, gold: GoldEvent, slugs: dict[int, str]) -> str:
    """Why no draft matches a gold item, in a few words."""
    here = [d for d in plan.drafts if d.start < gold.end and gold.start < d.end]
    if not here:
        candidates = [c for c in plan.candidates if c.start < gold.end and gold.start < c.end]
        if not candidates:
            return "no draft nor candidate"
        with_agent = [c for c in candidates if gold.agent in {slugs.get(a) for a in c.actor_ids}]
        return "undated candidate" if with_agent else "candidate without the agent"
    if any(matches(d, gold, slugs, ANY_ROLE) for d in here):
        return "agent not initiator"
    agent_there = [d for d in here if gold.agent in {slugs.get(p.actor_id) for p in d.participants}]
    if agent_there:
        return "wrong date"
    return "agent not in the draft"


def _drafts_there(drafts: Iterable[DraftPlan], gold: GoldEvent, slugs: dict[int, str]) -> str:
    here = [_describe(d, slugs) for d in drafts if d.start < gold.end and gold.start < d.end]
    return "".join(f"\n      draft: {line}" for line in here)


def _describe(draft: DraftPlan, slugs: dict[int, str]) -> str:
    roles = ", ".join(f"{slugs.get(p.actor_id, '?')}:{p.role[:4]}" for p in draft.participants)
    return f"{draft.value.edtf} [{roles}] {draft.title[:90]!r}"


def _clip(text: str, length: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def score_corpus(
    records: Iterable[dict[str, Any]],
    plan: Callable[[dict[str, Any]], ArticlePlan],
    slugs: dict[int, str],
) -> Report:
    """Score `plan(record)` for every article of a gold corpus."""
    report = Report()
    for record in records:
        gold = [GoldEvent.from_record(item) for item in record["gold"]]
        score_article(report, record["text"], plan(record), gold, record["annotated_end"], slugs)
    return report


@dataclass
class RoleScore:
    """Who acts on whom in coded sentences (PLOVER's gold standard): one
    sentence each, its `source` actors the initiators, `target` the recipients."""

    sentences: int = 0
    with_statement: int = 0  # a draft or an undated candidate
    initiator_right: int = 0  # its initiators include a source actor
    with_target: int = 0
    recipient_right: int = 0  # a draft's recipients include a target actor
    drafts: int = 0  # dated, so a draft
    wrong: list[str] = field(default_factory=list)

    def line(self) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} ({_ratio(part, whole):.0%})"

        return (
            f"statements {share(self.with_statement, self.sentences)}, initiator right "
            f"{share(self.initiator_right, self.sentences)}, recipient right "
            f"{share(self.recipient_right, self.with_target)}, dated drafts "
            f"{share(self.drafts, self.sentences)}"
        )


def score_roles(
    text: str, plan: ArticlePlan, sources: set[int], targets: set[int], score: RoleScore
) -> None:
    """Add one coded sentence to `score`."""
    score.sentences += 1
    score.with_target += bool(targets)
    initiators = {
        p.actor_id for d in plan.drafts for p in d.participants if p.role == Role.INITIATOR
    }
    initiators |= {c.speaker_id for c in plan.candidates if c.speaker_id is not None}
    recipients = {
        p.actor_id for d in plan.drafts for p in d.participants if p.role == Role.RECIPIENT
    }
    score.with_statement += bool(plan.drafts or plan.candidates)
    score.drafts += bool(plan.drafts)
    right = bool(initiators & sources)
    score.initiator_right += right
    score.recipient_right += bool(recipients & targets)
    if not right:
        score.wrong.append(_clip(text, 160))
