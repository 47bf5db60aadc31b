"""Statements and actions in an article: who said or did what, to whom, and when.

For each sentence: the predicate (a reporting or action verb of the
language's lists, or a verb found by its place right after a named subject;
those of the main clause first), its subject (the names right before it, a
pronoun or title for the last person named, "the company" for the last
organisation, a passive agent after "by", the name right after "said"), its
object or addressee, and the date that belongs to it. A date inside the
reported words or another clause dates those, not the statement. A sentence
without its own date takes the date of the statement it continues ("he
said", "added", "after the meeting", a quote before its attribution), or,
when it is news of the day (reported speech, the present perfect, the
present, a time of day), the article's date, marked as such (dating.py).
Every word looked up is the article's language's (events/ingest/lang/).

Modules: text (the sentence under analysis, shared helpers), verbs,
clauses, participants, dating, statement (the result). Names with a leading
underscore are private to this package; only those in __all__ are for others.
"""

from __future__ import annotations

from collections.abc import Callable

from events.ingest.actors import Mention
from events.ingest.dates import DateMention
from events.ingest.lang import get_language
from events.ingest.sentences import Sentence, quoted_spans
from events.ingest.statements.clauses import _subordinate_clauses
from events.ingest.statements.dating import _own_date, _tie_undated, date_from_article
from events.ingest.statements.participants import _Memory, _patient, _recipients, _subject
from events.ingest.statements.statement import Statement
from events.ingest.statements.text import _ByStart, _outermost, _patterns, _Sent
from events.ingest.statements.verbs import (
    FUTURE,
    PAST,
    PERFECT,
    PLUPERFECT,
    PRESENT,
    Predicate,
    _predicates,
)
from events.ingest.tokens import Token, tokenize, tokens_within
from events.vocab import DateBasis

__all__ = [
    "FUTURE",
    "PAST",
    "PERFECT",
    "PLUPERFECT",
    "PRESENT",
    "Predicate",
    "Statement",
    "date_from_article",
    "find_statements",
]


def find_statements(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateMention],
    language: str,
    is_person: Callable[[int], bool],
    tokens: list[Token] | None = None,
    check_time: Callable[[int, int], None] = lambda done, total: None,
    is_organisation: Callable[[int], bool] = lambda actor_id: False,
) -> list[Statement]:
    """The statements and actions of an article, dated where the text allows.

    `check_time(done, total)` is called before each sentence; it may raise to
    stop (the ingestion's time budget)."""
    lang = get_language(language)
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    mentions_at, dates_at = _ByStart(mentions), _ByStart(dates)
    statements: list[Statement] = []
    memory = _Memory()
    for index, sentence in enumerate(sentences):
        check_time(index, len(sentences))
        sent = _Sent(
            lang,
            text,
            sentence,
            tokens_within(tokens, starts, sentence.start, sentence.end),
            quoted_spans(text, sentence.start, sentence.end),
            mentions_at.within(sentence.start, sentence.end),
            [d for d in dates_at.within(sentence.start, sentence.end) if d.end <= sentence.end],
        )
        sent.clauses = _subordinate_clauses(sent)
        statement = _analyse(sent, index, memory)
        persons = [a for a in (statement.initiators if statement else []) if is_person(a)]
        memory.last_speaker = persons[0] if persons else _last_of(sent, is_person)
        organisations = [
            a for a in (statement.initiators if statement else []) if is_organisation(a)
        ]
        memory.last_organisation = (
            organisations[0] if organisations else _last_of(sent, is_organisation)
        ) or memory.last_organisation
        if statement is not None and statement.actors:
            statements.append(statement)
    _tie_undated(statements, is_person)
    return statements


def _last_of(sent: _Sent, wanted: Callable[[int], bool]) -> int | None:
    found = [m.actor_id for m in sent.mentions if wanted(m.actor_id)]
    return found[-1] if found else None


def _analyse(sent: _Sent, index: int, memory: _Memory) -> Statement | None:
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    chosen: tuple[Predicate, list[int], str] | None = None
    for predicate in _predicates(sent):
        verb = sent.tokens[predicate.index]
        initiators, via = _subject(sent, predicate, memory)
        if initiators:
            chosen = (predicate, initiators, via)
            break
        if chosen is None and sent.clause_of(verb.start) is None:
            chosen = (predicate, [], "")
    if chosen is None:
        return None
    predicate, initiators, via = chosen
    verb = sent.tokens[predicate.index]
    statement = Statement(sent.sentence, index, predicate, initiators, via)
    statement.content, statement.main = _regions(sent, verb, predicate.speech)
    statement.cuts = [c for c in sent.clauses if not c[0] <= verb.start < c[1]]
    statement.verb = (verb.start, verb.end)
    if via == "agent" and verb.lower in lang.event_nouns:
        # "the announcement by Apple": the title says "Apple's announcement"
        by = next(t for t in sent.tokens if t.start >= verb.end)
        agent = next(m for m in _outermost(sent.mentions) if m.outer[0] >= by.end)
        statement.cuts.append((by.start, agent.outer[1]))
        statement.nominal = True
    elif via == "agent":
        statement.patient = _patient(sent, predicate)
    statement.recipients = _recipients(sent, predicate, initiators, statement.content)
    taken = {*initiators, *statement.recipients}
    for mention in sent.mentions:
        if mention.actor_id not in taken:
            statement.mentioned.append(mention.actor_id)
            taken.add(mention.actor_id)
        if mention.role_words and mention.via != "title":
            statement.roles.setdefault(mention.actor_id, mention.role_words)
    statement.date, statement.undated_reason = _own_date(sent, verb, predicate)
    if statement.date is not None:
        statement.date_note = statement.date.resolution
        statement.date_basis = DateBasis.WORDS
    outside = _outside_quotes(sent)
    leading_quote = predicate.speech and statement.content[0] == sent.sentence.start
    statement.same_occasion = bool(patterns.same_occasion.search(outside))
    statement.says = predicate.speech or any(
        t.lower in lang.speech_participles and sent.clause_of(t.start) is not None
        for t in sent.tokens
    )
    statement.continues = (
        via == "pronoun"
        or leading_quote  # "“…,” Macron told reporters" right after Macron spoke
        or any(m.via == "title" and m.actor_id in initiators for m in sent.mentions)
        or predicate.word in lang.continuation_verbs
        or (
            predicate.index > 0
            and sent.tokens[predicate.index - 1].lower in lang.continuation_adverbs
        )
        or statement.same_occasion
    )
    main_words = _main_clause_words(sent, verb, statement)
    statement.other_time = bool({t.lower for t in main_words} & lang.tense_cues)
    statement.planned = predicate.tense == FUTURE
    clock = patterns.time_of_day.search(
        sent.text,
        statement.main[0] if predicate.speech else sent.sentence.start,
        statement.main[1] if predicate.speech else sent.sentence.end,
    )
    statement.time_of_day = (
        clock.group().strip() if clock and not sent.quoted(clock.start()) else ""
    )
    place = patterns.venue.search(outside)
    statement.place = place.group(1) if place else ""
    return statement


def _main_clause_words(sent: _Sent, verb: Token, statement: Statement) -> list[Token]:
    """The words that tell the statement's own time: outside quotes, outside
    other clauses, and for a reporting verb outside the reported words."""
    own = sent.clause_of(verb.start)
    content = statement.content if statement.predicate.speech else (0, 0)
    return [
        t
        for t in sent.tokens
        if not sent.quoted(t.start)
        and sent.clause_of(t.start) == own
        and not content[0] <= t.start < content[1]
    ]


def _outside_quotes(sent: _Sent) -> str:
    text, (start, end) = sent.text, (sent.sentence.start, sent.sentence.end)
    pieces, cursor = [], start
    for s, e in sent.quotes:
        pieces.append(text[cursor:s])
        cursor = e
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _regions(sent: _Sent, verb: Token, speech: bool) -> tuple[tuple[int, int], tuple[int, int]]:
    """(content, main): what was said or done, and the clause that reports it."""
    start, end = sent.sentence.start, sent.sentence.end
    leading = [q for q in sent.quotes if q[1] <= verb.start]
    if speech and leading and sent.text[start : leading[0][0]].strip() == "":
        return (leading[0][0], leading[-1][1]), (leading[-1][1], end)
    return ((verb.end if speech else verb.start), end), (start, verb.end)
