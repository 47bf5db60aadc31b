"""From an article's text to a plan: the drafts, undated candidates and actor
suggestions it yields. Pure: reads nothing from the database but the actor
index it is given, so a dry run and the benchmark can use it as is."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from events.edtf import UncertainDate
from events.ingest.actors import ActorIndex, Mention, link_actors
from events.ingest.categories import suggest_category
from events.ingest.dateline import Dateline, find_dateline
from events.ingest.dates import DateMention, tag_dates
from events.ingest.lang import get_language
from events.ingest.lang.language import SPEECH
from events.ingest.names import suggest_names
from events.ingest.sentences import Sentence, split_sentences
from events.ingest.statements import Statement, date_from_article, find_statements
from events.ingest.tokens import Token, tokenize
from events.models.text import fold
from events.vocab import ActorKind, DateBasis, Role

if TYPE_CHECKING:
    from events.ingest.limits import Budget

_TITLE_LENGTH = 110


@dataclass(frozen=True)
class _TitleWords:
    """Where a working title starts and stops, in one language."""

    leading: re.Pattern[str]  # quotation marks and "that" before the reported words
    clause_end: re.Pattern[str]  # "..., but warned", "..., arguing that", "; ..."


@lru_cache(maxsize=16)
def _title_words(code: str) -> _TitleWords:
    lang = get_language(code)
    return _TitleWords(
        leading=re.compile(
            rf"^[\s,:;\"“”«»'‘’]*(?:{_alternation(lang.complementizers)})?\s*", re.IGNORECASE
        ),
        clause_end=re.compile(rf",\s+(?:{_alternation(lang.title_stops)})\b|;|\s[—–]\s"),
    )


def _alternation(words: frozenset[str]) -> str:
    """Words as alternatives, longest first; an apostrophe stands for ' or ’ ("qu'")."""
    escaped = (re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped) or "(?!)"


@dataclass(frozen=True)
class ParticipantPlan:
    actor_id: int
    role: str
    role_words: str = ""


@dataclass
class DraftPlan:
    key: str
    title: str
    value: UncertainDate
    date_text: str
    date_resolution: str
    quote: str
    start: int
    end: int
    participants: list[ParticipantPlan]
    category: str = ""
    category_reason: str = ""
    place_name: str = ""
    date_basis: str = DateBasis.WORDS
    planned: bool = False


@dataclass
class CandidatePlan:
    key: str
    quote: str
    start: int
    end: int
    speaker_id: int | None
    actor_ids: list[int]
    reason: str
    category: str = ""
    category_reason: str = ""


@dataclass
class SuggestionPlan:
    name: str
    kind: str
    role_words: str
    context: str


@dataclass
class ArticlePlan:
    drafts: list[DraftPlan] = field(default_factory=list)
    candidates: list[CandidatePlan] = field(default_factory=list)
    suggestions: list[SuggestionPlan] = field(default_factory=list)


def plan_article(
    text: str,
    published: date,
    language: str,
    index: ActorIndex,
    *,
    budget: Budget | None = None,
) -> ArticlePlan:
    """What ingestion would make of `text`: drafts, undated candidates, suggestions.

    Raises OverBudget, checked between sentences, once `budget` is spent."""
    check_time = budget.check if budget is not None else _unlimited
    dateline = find_dateline(text)
    sentences = split_sentences(text, language)
    if dateline is not None:
        sentences = dateline.trim(sentences)
    tokens = tokenize(text)
    mentions = link_actors(text, index, language, tokens)
    dates = [
        d for d in tag_dates(text, published, language) if not dateline or d.start >= dateline.end
    ]

    def is_person(actor_id: int) -> bool:
        return index.kinds.get(actor_id) == ActorKind.PERSON

    def is_organisation(actor_id: int) -> bool:
        return index.kinds.get(actor_id) == ActorKind.ORGANIZATION

    statements = find_statements(
        text, sentences, mentions, dates, language, is_person, tokens, check_time, is_organisation
    )
    date_from_article(statements, _article_date(published, dateline))
    roles = _article_roles(mentions)
    plan = ArticlePlan()
    keys: dict[str, int] = {}
    for statement in _first_copies(text, statements):
        check_time(statement.index, len(sentences))
        key = _key(text[statement.sentence.start : statement.sentence.end], keys)
        if statement.date is not None and statement.initiators:
            plan.drafts.append(_draft(text, statement, key, index, roles, language))
        else:
            plan.candidates.append(_candidate(text, statement, key, language))
    plan.candidates.extend(_unread(text, sentences, statements, mentions, keys))
    plan.suggestions = _suggestions(text, mentions, language, sentences, tokens)
    return plan


def _unread(
    text: str,
    sentences: list[Sentence],
    statements: list[Statement],
    mentions: list[Mention],
    keys: dict[str, int],
) -> Iterator[CandidatePlan]:
    """Sentences that name actors of the register but gave no statement: listed
    as undated candidates, so that nothing an editor might want goes uncounted."""
    read = {s.sentence.start for s in statements}
    # A copy of a sentence already read (a pasted-twice text) is not unread.
    seen = {" ".join(text[s.sentence.start : s.sentence.end].split()) for s in statements}
    for sentence in sentences:
        named = _unique_ids(
            m.actor_id for m in mentions if sentence.start <= m.start < sentence.end
        )
        words = " ".join(text[sentence.start : sentence.end].split())
        if sentence.start in read or not named or words in seen:
            continue
        seen.add(words)
        yield CandidatePlan(
            key=_key(text[sentence.start : sentence.end], keys),
            quote=text[sentence.start : sentence.end],
            start=sentence.start,
            end=sentence.end,
            speaker_id=None,
            actor_ids=named,
            reason="actors are named, but no verb of theirs was found",
        )


def _unique_ids(ids: Iterator[int]) -> list[int]:
    return list(dict.fromkeys(ids))


def _article_date(published: date, dateline: Dateline | None) -> DateMention:
    """The article's date as the evidence for statements that are news of its day:
    its words are the dateline's, if it has one (the source's own words), else none.
    The dateline's place is where the story was filed, said in the resolution; it
    is not taken as the place of the event."""
    value = UncertainDate.day(published, approximate=True)
    words = dateline.text if dateline else ""
    filed = f" (dateline “{dateline.text}”: filed in {dateline.place})" if dateline else ""
    return DateMention(words, -1, -1, value, f"{published.isoformat()}{filed}")


def _unlimited(done: int, total: int) -> None:
    return None


def _first_copies(text: str, statements: list[Statement]) -> Iterator[Statement]:
    """Each statement whose sentence (whitespace aside) the article has not said
    before: a text pasted twice, or a paragraph repeated, makes one draft of each
    statement, not one per copy."""
    seen: set[str] = set()
    for statement in statements:
        words = " ".join(text[statement.sentence.start : statement.sentence.end].split())
        if words not in seen:
            seen.add(words)
            yield statement


def _article_roles(mentions: list[Mention]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for mention in mentions:
        if mention.role_words and mention.via != "title":
            roles.setdefault(mention.actor_id, mention.role_words)
    return roles


def _key(sentence: str, seen: dict[str, int]) -> str:
    """A stable key for a statement: its words, numbered if the article repeats them."""
    digest = hashlib.sha1(fold(sentence).encode(), usedforsecurity=False).hexdigest()[:20]
    seen[digest] = seen.get(digest, 0) + 1
    return digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


def _draft(
    text: str,
    statement: Statement,
    key: str,
    index: ActorIndex,
    roles: dict[int, str],
    language: str,
) -> DraftPlan:
    s, when = statement.sentence, statement.date
    if when is None:
        raise ValueError("a draft needs a date")
    suggestion = suggest_category(text[s.start : s.end], language, main=_relative(statement))
    return DraftPlan(
        key=key,
        title=_title(text, statement, index, language),
        value=when.value,
        date_text=when.text[:200],
        date_resolution=statement.date_note[:300],
        quote=text[s.start : s.end],
        start=s.start,
        end=s.end,
        participants=_participants(statement, roles),
        category=suggestion.category if suggestion else "",
        category_reason=suggestion.reason[:300] if suggestion else "",
        place_name=statement.place[:200],
        date_basis=statement.date_basis or DateBasis.WORDS,
        planned=statement.planned,
    )


def _relative(statement: Statement) -> tuple[int, int]:
    start = statement.sentence.start
    return statement.main[0] - start, statement.main[1] - start


def _participants(statement: Statement, roles: dict[int, str]) -> list[ParticipantPlan]:
    def words(actor_id: int) -> str:
        return (statement.roles.get(actor_id) or roles.get(actor_id, ""))[:200]

    return [
        *(ParticipantPlan(a, Role.INITIATOR, words(a)) for a in statement.initiators),
        *(ParticipantPlan(a, Role.RECIPIENT, words(a)) for a in statement.recipients),
        *(ParticipantPlan(a, Role.MENTIONED, words(a)) for a in statement.mentioned),
    ]


def _title(text: str, statement: Statement, index: ActorIndex, language: str) -> str:
    """A working title: who, then what they said or did, in the source's words:
    "Sergey Lavrov: Russia would never abandon attempts to negotiate", "Stubb
    has backed the French proposal". Dates, brackets and clauses of their own
    are left out; it stops where the first clause ends."""
    who = [index.labels.get(a, "?") for a in statement.initiators or statement.actors[:1]]
    names = who[0] if len(who) == 1 else f"{', '.join(who[:-1])} and {who[-1]}"
    start, end = statement.content
    cuts = sorted(
        [*statement.cuts, *((d.start, d.end) for d in [statement.date] if d and d.start >= 0)]
    )
    if statement.patient is not None and statement.verb is not None:
        # "Apple held a rare press conference", not "Apple held by Apple"
        verb = text[slice(*statement.verb)]
        patient = " ".join(text[slice(*statement.patient)].split())
        return f"{names} {verb} {patient[:1].lower()}{patient[1:]}"[:300]
    if statement.nominal and statement.verb is not None:
        # "Finland's announcement surprised many"
        what = _without(text, statement.verb[0], end, cuts)
        return f"{names}’s {_clipped(what, language)}"[:300]
    what = _without(text, start, end, cuts)
    speech = statement.predicate.speech and not _takes_object(what, language)
    if not speech and 0 <= statement.predicate.group_start < start:
        what = _without(text, statement.predicate.group_start, end, cuts)
    joiner = ": " if speech else " "
    return f"{names}{joiner}{_clipped(what, language)}"[:300]


def _clipped(what: str, language: str) -> str:
    """A title's words after the actor: without an attribution at the end, a
    leading "that" or quotation mark, or what follows the first clause; at most
    _TITLE_LENGTH characters, cut at a word."""
    words = _title_words(language)
    what = _without_attribution(what, language)
    what = words.leading.sub("", what)
    clause = words.clause_end.search(what, 25)
    what = (what[: clause.start()] if clause else what).rstrip(' .,;"”»')
    if len(what) > _TITLE_LENGTH:
        what = what[:_TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return what


_TRAILING_CLAUSE = re.compile(r",\s+((?:[^\W\d_]+['’]?\s+){0,4})([^\W\d_]+)\W*$")


def _without_attribution(what: str, language: str) -> str:
    """Drop an attribution at the end: "…, her office said", "…, officials told"."""
    found = _TRAILING_CLAUSE.search(what)
    if found is not None and get_language(language).verb_kind(found.group(2).lower()) == SPEECH:
        return what[: found.start()]
    return what


def _without(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> str:
    """text[start:end] without the `cuts` (sorted spans), white space folded."""
    pieces, cursor = [], start
    for s, e in cuts:
        if cursor <= s < end:
            pieces.append(text[cursor:s])
            cursor = max(cursor, e)
    pieces.append(text[cursor:end] if cursor < end else "")
    folded = re.sub(r"\s+([,.;:])", r"\1", " ".join(" ".join(pieces).split()))
    return re.sub(r"([,;:])[,;:]+", r"\1", folded)  # a cut between two commas


def _takes_object(what: str, language: str) -> bool:
    """Whether a reporting verb is followed by an object rather than the reported
    words ("called on European partners", "commented on the speech")."""
    lang = get_language(language)
    following = what[:40].split()
    if not following:
        return False
    word = following[0].strip(',“”"«»').lower()
    if following[0].startswith(","):
        # ", что …", ", dass …" open the reported words; ", to varying degrees" does not.
        after = following[1].lower() if len(following) > 1 and following[0] == "," else word
        return after not in lang.complementizers
    return word in lang.prepositions | lang.determiners


def _candidate(text: str, statement: Statement, key: str, language: str) -> CandidatePlan:
    s = statement.sentence
    suggestion = suggest_category(text[s.start : s.end], language, main=_relative(statement))
    return CandidatePlan(
        key=key,
        quote=text[s.start : s.end],
        start=s.start,
        end=s.end,
        speaker_id=statement.initiators[0] if statement.initiators else None,
        actor_ids=statement.actors,
        reason=_candidate_reason(statement)[:300],
        category=suggestion.category if suggestion else "",
        category_reason=suggestion.reason[:300] if suggestion else "",
    )


def _candidate_reason(statement: Statement) -> str:
    if statement.date is not None and not statement.initiators:
        return f"dated “{statement.date.text}” but no actor of the register does it"
    return statement.undated_reason or "no date in the sentence"


def _suggestions(
    text: str,
    mentions: list[Mention],
    language: str,
    sentences: list[Sentence],
    tokens: list[Token],
) -> list[SuggestionPlan]:
    plans = []
    for name in suggest_names(text, mentions, language, tokens):
        around = next((s for s in sentences if s.start <= name.start < s.end), None)
        context = text[around.start : around.end] if around else ""
        plans.append(SuggestionPlan(name.name[:200], name.kind, name.role_words, context))
    return plans
