"""Statements and actions in an article: who said or did what, and when.

For each sentence: the predicate (the first finite reporting or action verb
outside quotation marks), its subject (the actors right before it, a pronoun
that refers back to the previous speaker, or the name right after "said"),
and the date that belongs to the predicate. A date inside the reported words
("said that talks would start on March 3") dates those words, not the
statement. A sentence without its own date takes the date of the previous
statement only when the text ties the two together: the same speaker, right
after it, with "he said", "added" or "at the same meeting", and no word of
another time. Otherwise it stays undated. Every word looked up (verbs,
pronouns, clause openers) is the article's language's.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from events.ingest.actors import Mention
from events.ingest.dates import DateMention
from events.ingest.lang import Language, get_language
from events.ingest.lang.language import SPEECH
from events.ingest.sentences import Sentence, quoted_spans
from events.ingest.tokens import Token, tokenize, tokens_within

_MAX_SUBJECT_GAP = 4


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Located)
_MAX_ACTION_DATE_GAP = 6


@dataclass(frozen=True, slots=True)
class Predicate:
    index: int  # token index in the sentence
    word: str
    speech: bool  # a reporting verb: what follows is what was said


@dataclass(frozen=True)
class _Patterns:
    """A language's phrases, compiled once."""

    same_occasion: re.Pattern[str]  # "at the same meeting"
    venue: re.Pattern[str]  # "at the Munich Security Conference"
    coordination: re.Pattern[str]  # between coordinated subjects: ", ", " and "


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lang = get_language(code)
    joiners = "|".join(re.escape(w) for w in sorted(lang.coordinators, key=len, reverse=True))
    return _Patterns(
        same_occasion=re.compile(lang.same_occasion_re, re.IGNORECASE),
        venue=re.compile(lang.venue_re or "(?!)"),
        coordination=re.compile(rf"\s*(?:,|,?\s*(?:{joiners}|&))?\s*", re.IGNORECASE),
    )


@dataclass
class Statement:
    sentence: Sentence
    index: int  # of the sentence in the article
    predicate: Predicate
    initiators: list[int]
    via: str  # how the subject was found: "name", "pronoun", "after" or ""
    recipients: list[int] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    date: DateMention | None = None
    date_note: str = ""
    undated_reason: str = ""
    content: tuple[int, int] = (0, 0)  # the reported words or the action's clause
    main: tuple[int, int] = (0, 0)  # the reporting clause, for category cues
    place: str = ""
    continues: bool = False  # "he said", "added", "at the same meeting"
    other_time: bool = False

    @property
    def actors(self) -> list[int]:
        return [*self.initiators, *self.recipients, *self.mentioned]


@dataclass
class _Sent:
    lang: Language
    text: str
    sentence: Sentence
    tokens: list[Token]
    quotes: list[tuple[int, int]]
    mentions: list[Mention]
    dates: list[DateMention]

    def quoted(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def words_between(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if start <= t.start and t.end <= end]


def find_statements(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateMention],
    language: str,
    is_person: Callable[[int], bool],
    tokens: list[Token] | None = None,
    check_time: Callable[[int, int], None] = lambda done, total: None,
) -> list[Statement]:
    """The statements and actions of an article, dated where the text allows.

    `check_time(done, total)` is called before each sentence; it may raise to
    stop (the ingestion's time budget)."""
    lang = get_language(language)
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    mentions_at, dates_at = _ByStart(mentions), _ByStart(dates)
    statements: list[Statement] = []
    last_speaker: int | None = None
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
        statement = _analyse(sent, index, last_speaker)
        persons = [a for a in (statement.initiators if statement else []) if is_person(a)]
        last_speaker = persons[0] if persons else _last_person(sent, is_person)
        if statement is not None and statement.actors:
            statements.append(statement)
    _tie_undated(statements, is_person)
    return statements


class _ByStart(Generic[_Spanned]):
    """Items found in the text (mentions, dates), by where they start: the ones
    of a sentence by bisection (a scan per sentence was quadratic on long texts)."""

    def __init__(self, items: list[_Spanned]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[_Spanned]:
        """The items starting in [start, end), in the text's order."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _last_person(sent: _Sent, is_person: Callable[[int], bool]) -> int | None:
    persons = [m.actor_id for m in sent.mentions if is_person(m.actor_id)]
    return persons[-1] if persons else None


def _analyse(sent: _Sent, index: int, last_speaker: int | None) -> Statement | None:
    predicate = _predicate(sent)
    if predicate is None:
        return None
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    verb = sent.tokens[predicate.index]
    initiators, via = _subject(sent, verb, last_speaker, predicate.speech)
    statement = Statement(sent.sentence, index, predicate, initiators, via)
    statement.content, statement.main = _regions(sent, verb, predicate.speech)
    statement.recipients = _recipients(sent, verb, initiators, statement.content)
    taken = {*initiators, *statement.recipients}
    for mention in sent.mentions:
        if mention.actor_id not in taken:
            statement.mentioned.append(mention.actor_id)
            taken.add(mention.actor_id)
        if mention.role_words and mention.via != "title":
            statement.roles.setdefault(mention.actor_id, mention.role_words)
    statement.date, statement.undated_reason = _own_date(sent, verb, predicate.speech)
    if statement.date is not None:
        statement.date_note = statement.date.resolution
    outside = _outside_quotes(sent)
    statement.continues = (
        via == "pronoun"
        or predicate.word in lang.continuation_verbs
        or (
            predicate.index > 0
            and sent.tokens[predicate.index - 1].lower in lang.continuation_adverbs
        )
        or bool(patterns.same_occasion.search(outside))
    )
    statement.other_time = bool(
        {t.lower for t in sent.tokens if not sent.quoted(t.start)} & lang.tense_cues
    )
    place = patterns.venue.search(outside)
    statement.place = place.group(1) if place else ""
    return statement


def _outside_quotes(sent: _Sent) -> str:
    text, (start, end) = sent.text, (sent.sentence.start, sent.sentence.end)
    pieces, cursor = [], start
    for s, e in sent.quotes:
        pieces.append(text[cursor:s])
        cursor = e
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _predicate(sent: _Sent) -> Predicate | None:
    spans = [m.outer for m in sent.mentions]
    lang = sent.lang
    for i, token in enumerate(sent.tokens):
        if sent.quoted(token.start) or any(s <= token.start < e for s, e in spans):
            continue
        kind = lang.verb_kind(token.text.lower())
        if not kind or (i > 0 and sent.tokens[i - 1].lower in lang.infinitive_markers):
            continue
        return Predicate(i, token.text.lower(), kind == SPEECH)
    return None


def _subject(
    sent: _Sent, verb: Token, last_speaker: int | None, speech: bool
) -> tuple[list[int], str]:
    before = [
        m
        for m in _outermost(sent.mentions)
        if m.outer[1] <= verb.start and not sent.quoted(m.start)
    ]
    if before:
        last = before[-1]
        gap = sent.words_between(last.outer[1], verb.start)
        if len(gap) <= _MAX_SUBJECT_GAP and not _breaks(sent, gap, last.outer[1], verb.start):
            chain = [last]
            coordination = _patterns(sent.lang.code).coordination
            for mention in reversed(before[:-1]):
                between = sent.text[mention.outer[1] : chain[-1].outer[0]]
                if coordination.fullmatch(between) is None:
                    break
                chain.append(mention)
            return _unique(m.actor_id for m in reversed(chain)), "name"
    pronouns = sent.lang.pronouns
    near = [t for t in sent.words_between(verb.start - 40, verb.start) if not sent.quoted(t.start)]
    near = near[-2:]
    if last_speaker is not None and any(t.lower in pronouns for t in near):
        return [last_speaker], "pronoun"
    if speech:
        after = [m for m in sent.mentions if m.outer[0] >= verb.end and not sent.quoted(m.start)]
        if after and len(sent.words_between(verb.end, after[0].outer[0])) <= 1:
            return [after[0].actor_id], "after"
    if speech and last_speaker is not None and _unsaid_subject(sent, verb):
        return [last_speaker], "pronoun"
    return [], ""


def _unsaid_subject(sent: _Sent, verb: Token) -> bool:
    """Whether a language that leaves subjects unsaid does so here: nothing but
    auxiliaries, clitics and sentence adverbs before the verb ("Además, ha
    añadido que"). Speech only: an action verb often comes before its subject
    in these languages ("Llegó la delegación")."""
    allowed = sent.lang.implicit_subject_words
    words = [t for t in sent.tokens if t.start < verb.start and not sent.quoted(t.start)]
    return bool(allowed) and all(t.lower in allowed for t in words)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside another's title or apposition ("head of the RDIF")."""
    return [
        m
        for m in mentions
        if not any(o is not m and o.outer[0] <= m.start and m.end <= o.outer[1] for o in mentions)
    ]


def _breaks(sent: _Sent, gap: list[Token], start: int, end: int) -> bool:
    """Whether a clause boundary or a quotation lies between two offsets."""
    return any(t.lower in sent.lang.clause_openers for t in gap) or any(
        start <= s < end for s, _ in sent.quotes
    )


def _regions(sent: _Sent, verb: Token, speech: bool) -> tuple[tuple[int, int], tuple[int, int]]:
    """(content, main): what was said or done, and the clause that reports it."""
    start, end = sent.sentence.start, sent.sentence.end
    leading = [q for q in sent.quotes if q[1] <= verb.start]
    if speech and leading and sent.text[start : leading[0][0]].strip() == "":
        return (leading[0][0], leading[-1][1]), (leading[-1][1], end)
    return ((verb.end if speech else verb.start), end), (start, verb.end)


def _recipients(
    sent: _Sent, verb: Token, initiators: list[int], content: tuple[int, int]
) -> list[int]:
    """The addressee or object: right after the verb, or after "with", "to", "against"."""
    venue = _venue_span(sent)
    for mention in _outermost(sent.mentions):
        in_content = content[0] <= mention.start < content[1]
        if (mention.start < verb.end and not in_content) or mention.actor_id in initiators:
            continue
        if venue[0] <= mention.start < venue[1]:
            continue  # "ha detto alla Conferenza di Monaco": where, not to whom
        # A date between the verb and its object does not part them: "a
        # rencontré vendredi Giorgia Meloni", "ha incontrato ieri il presidente".
        gap = [
            t
            for t in sent.words_between(verb.end, mention.outer[0])
            if not any(d.start <= t.start < d.end for d in sent.dates)
        ]
        direct = len(gap) <= 1 and not _breaks(sent, gap, verb.end, mention.outer[0])
        # Before the title too: "con el presidente finlandés, Alexander Stubb".
        before = sent.words_between(mention.outer[0] - 12, mention.outer[0])[-2:]
        by_preposition = any(t.lower in sent.lang.prepositions for t in before)
        if direct or by_preposition:
            return [mention.actor_id]
    return []


def _venue_span(sent: _Sent) -> tuple[int, int]:
    """Where the sentence names the place of a statement, or an empty span."""
    found = _patterns(sent.lang.code).venue.search(
        sent.text, sent.sentence.start, sent.sentence.end
    )
    return found.span(1) if found else (0, 0)


def _own_date(sent: _Sent, verb: Token, speech: bool) -> tuple[DateMention | None, str]:
    """The date of the predicate, or None with the reason."""
    best: tuple[int, DateMention] | None = None
    reported: DateMention | None = None
    for mention in sent.dates:
        distance = _date_distance(sent, mention, verb, speech)
        if distance is None:
            reported = reported or mention
        elif best is None or distance < best[0]:
            best = (distance, mention)
    if best is not None:
        return best[1], ""
    if reported is not None:
        return None, f"the date “{reported.text}” belongs to the reported words, not the statement"
    return None, "no date in the sentence"


def _date_distance(sent: _Sent, date: DateMention, verb: Token, speech: bool) -> int | None:
    """Words between a date and the predicate, or None if it is not the predicate's."""
    if sent.quoted(date.start):
        return None
    if date.end <= verb.start:
        segment_start = max(sent.text.rfind(",", sent.sentence.start, date.start) + 1, 0)
        segment = sent.words_between(max(segment_start, sent.sentence.start), date.start)
        if any(t.lower in sent.lang.clause_openers for t in segment):
            return None
        return len(sent.words_between(date.end, verb.start))
    gap = sent.words_between(verb.end, date.start)
    limit = 1 if speech else _MAX_ACTION_DATE_GAP
    if len(gap) > limit or _breaks(sent, gap, verb.end, date.start):
        return None
    return len(gap)


def _tie_undated(statements: list[Statement], is_person: Callable[[int], bool]) -> None:
    """Give an undated statement the date of the one it unmistakably continues."""
    for previous, statement in itertools.pairwise(statements):
        if statement.date is not None or previous.date is None:
            continue
        speakers = {a for a in previous.initiators if is_person(a)}
        if not (
            statement.continues
            and not statement.other_time
            and statement.predicate.speech
            and previous.predicate.speech
            and statement.index - previous.index <= 2
            and speakers & set(statement.initiators)
        ):
            continue
        statement.date = previous.date
        statement.date_note = (
            f"same occasion as the statement before it (“{previous.date.text}”: "
            f"{previous.date_note})"
        )
        statement.undated_reason = ""


def _unique(ids: Iterable[int]) -> list[int]:
    seen: list[int] = []
    for actor_id in ids:
        if actor_id not in seen:
            seen.append(actor_id)
    return seen
