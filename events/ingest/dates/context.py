"""What the finders share: the found span and the text being tagged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from events.edtf import UncertainDate
from events.ingest.dates.patterns import Grammar, key
from events.ingest.dates.tense import Sentences, tense_near
from events.ingest.lang.lexicon import FUTURE, PAST, PERFECT

Prefix = Literal["day", "period", ""]


@dataclass(slots=True)
class Found:
    """A dated span; the tagger may still widen it, merge it or drop it."""

    start: int
    end: int
    value: UncertainDate | None
    resolution: str
    # "day" (a calendar date: may join a range), "range", "weekday", "period"
    # (a month or a year), "relative" or "anaphora" (its value comes later).
    kind: str = "period"
    prefix: Prefix = ""  # which span prefixes may be taken in: "on" (day), "in" (period)
    month: int = 0
    day: int = 0
    year_given: bool = False
    offset: int = 0


@dataclass
class Context:
    text: str
    published: date
    grammar: Grammar
    date_order: str | None
    sentences: Sentences = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = Sentences(
            self.text, self.grammar.abbreviations, dotted_days=self.grammar.lexicon.dotted_days
        )

    def tense(self, start: int, end: int) -> str | None:
        """PAST, FUTURE or None for the sentence around a span."""
        until = self.before(self.grammar.until, start, 40)
        first = until.start() if until else start
        g = self.grammar
        tense = tense_near(self.text, first, end, self.sentences, g.tense, g.clause_boundary)
        if until and tense != PAST:
            # "closed until Friday", "has continued to hold markets closed until
            # Friday": a state lasting until then, so then is ahead. "was
            # closed until Friday" is told in the past and stays behind.
            return FUTURE
        return PAST if tense == PERFECT else tense

    def before(self, pattern: re.Pattern[str], start: int, reach: int = 40) -> re.Match[str] | None:
        return pattern.search(self.text, max(0, start - reach), start)


def day_number(grammar: Grammar, written: str) -> int:
    """The day of the month as written: "13" or a word ("primero")."""
    if written.isdigit():
        return int(written)
    return grammar.lexicon.day_words[key(written)]


def month_number(grammar: Grammar, name: str) -> int:
    word = key(name).rstrip(".")
    lex = grammar.lexicon
    return lex.months.get(word) or lex.month_abbreviations.get(word, 0)


def amount_after(ctx: Context, end: int) -> bool:
    return ctx.grammar.amount_after.match(ctx.text, end) is not None
