"""The sentence under analysis: its words, quotes, mentions, dates and clauses,
and the language's patterns compiled once. Shared by the modules of this package."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from events.ingest.actors import Mention
from events.ingest.dates import DateMention
from events.ingest.lang import Language, get_language
from events.ingest.sentences import Sentence
from events.ingest.tokens import Token


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Located)

_HARD = re.compile(r"[;:“”«»\"]|\s[—–]\s")


@dataclass(frozen=True)
class _Patterns:
    """A language's phrases, compiled once."""

    same_occasion: re.Pattern[str]  # "at the same meeting"
    venue: re.Pattern[str]  # "at the Munich Security Conference"
    coordination: re.Pattern[str]  # between coordinated subjects: ", ", " and "
    tense: re.Pattern[str]  # the date lexicon's tense markers
    finite_verb: re.Pattern[str]  # a verb right after its subject
    adverb: re.Pattern[str]
    time_of_day: re.Pattern[str]
    participle: re.Pattern[str]
    ambiguous_verb: re.Pattern[str]


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lang = get_language(code)
    joiners = "|".join(re.escape(w) for w in sorted(lang.coordinators, key=len, reverse=True))
    return _Patterns(
        same_occasion=re.compile(lang.same_occasion_re, re.IGNORECASE),
        venue=re.compile(lang.venue_re or "(?!)"),
        coordination=re.compile(rf"\s*(?:,|,?\s*(?:{joiners}|&))?\s*", re.IGNORECASE),
        tense=re.compile(lang.dates.tense_re or "(?!)", re.IGNORECASE),
        finite_verb=re.compile(lang.finite_verb_re or "(?!)"),
        adverb=re.compile(lang.adverb_re or "(?!)"),
        time_of_day=re.compile(lang.time_of_day_re or "(?!)"),
        participle=re.compile(lang.participle_re or "(?!)"),
        ambiguous_verb=re.compile(lang.ambiguous_verb_re or "(?!)"),
    )


@dataclass
class _Sent:
    lang: Language
    text: str
    sentence: Sentence
    tokens: list[Token]
    quotes: list[tuple[int, int]]
    mentions: list[Mention]
    dates: list[DateMention]
    clauses: list[tuple[int, int]] = field(default_factory=list)  # subordinate clauses

    def quoted(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def clause_of(self, pos: int) -> tuple[int, int] | None:
        """The innermost subordinate clause holding `pos`, or None (the main clause)."""
        holding = [c for c in self.clauses if c[0] <= pos < c[1]]
        return min(holding, key=lambda c: c[1] - c[0]) if holding else None

    def words_between(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if start <= t.start and t.end <= end]

    def in_date(self, pos: int) -> DateMention | None:
        return next((d for d in self.dates if d.start <= pos < d.end), None)


class _ByStart(Generic[_Spanned]):
    """Items found in the text (mentions, dates), by where they start: the ones
    of a sentence by bisection (a scan per sentence was quadratic on long texts)."""

    def __init__(self, items: list[_Spanned]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[_Spanned]:
        """The items starting in [start, end), in the text's order."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


_BRACKETS = re.compile(r"\([^()]*\)")


def _next_comma(sent: _Sent, start: int, end: int) -> int:
    """The next comma outside quotes and brackets, or `end`."""
    depth = 0
    for i in range(start, end):
        ch = sent.text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0 and not sent.quoted(i):
            return i
    return end


def _compound(sent: _Sent, token: Token) -> bool:
    """Whether `token` is the second half of a hyphenated word ("EADS-led")."""
    return token.start > 0 and sent.text[token.start - 1] in "-‑"


_PUNCTUATION = re.compile(r"[,;:()“”«»\"—–]")


def _bracket_end(text: str, start: int, end: int) -> int:
    """The offset after the bracket that opens at or after `start`."""
    opening = text.find("(", start, end)
    closing = text.find(")", opening, end) if opening >= 0 else -1
    return closing + 1 if closing >= 0 else end


@lru_cache(maxsize=16)
def _words_of(code: str) -> frozenset[str]:
    lang = get_language(code)
    return (
        lang.non_name_words
        | lang.prepositions
        | lang.determiners
        | lang.coordinators
        | lang.clause_openers
        | lang.pronouns
    )


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


def _phrase_length(words: list[Token]) -> int:
    """Words, counting a run of capitalised words as one: a name is one unit of
    distance ("at Moscone Center in San Francisco")."""
    return sum(
        1 for k, t in enumerate(words) if not (t.capitalised and k and words[k - 1].capitalised)
    )


def _plain_verb(sent: _Sent, token: Token) -> bool:
    """A word of the verb lists that cannot be a noun ("met", not "talks")."""
    low = token.lower
    return bool(
        sent.lang.verb_kind(low)
        and not _patterns(sent.lang.code).ambiguous_verb.fullmatch(low)
        and not sent.in_date(token.start)
    )


def _unique(ids: Iterable[int]) -> list[int]:
    seen: list[int] = []
    for actor_id in ids:
        if actor_id not in seen:
            seen.append(actor_id)
    return seen


def _after_preposition(sent: _Sent, mention: Mention) -> bool:
    """Whether a preposition governs the name: "by Finland", "with Russia"
    (then it is not a subject)."""
    lang = sent.lang
    before = [t for t in sent.tokens if t.end <= mention.outer[0]][-1:]
    if not before or _PUNCTUATION.search(sent.text, before[0].end, mention.outer[0]):
        return False
    return before[0].lower in lang.prepositions | lang.agent_prepositions


def _passive_agent(sent: _Sent, verb: Token) -> int | None:
    """The actor after "by" right after a participle: "a conference held by Apple"."""
    after = [t for t in sent.tokens if t.start >= verb.end][:1]
    if not after or after[0].lower not in sent.lang.agent_prepositions:
        return None
    if _PUNCTUATION.search(sent.text, verb.end, after[0].start):
        return None
    for mention in _outermost(sent.mentions):
        if mention.outer[0] >= after[0].end:
            gap = sent.words_between(after[0].end, mention.outer[0])
            return mention.actor_id if len(gap) <= 1 else None
    return None
