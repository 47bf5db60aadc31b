"""Finders for dates counted from the publication date: weekdays ("on
Friday"), "yesterday", "last week", "two days ago", and anaphora ("the same
day") whose day comes from the date named before them.

A finder refuses a match when the words around it show it is not a date: a
habit ("every Friday"), a name ("Black Monday", "USA Today"), a duration ("the
last year").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from events.edtf import UncertainDate
from events.ingest.dates import anchor
from events.ingest.dates.context import Context, Found
from events.ingest.dates.patterns import key
from events.ingest.lang.lexicon import BARE, THIS

_SENTENCE_OPENERS = frozenset(".!?:;\"'“‘«(`\n—–-")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_FUNCTION_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "and",
        "or",
        "but",
        "the",
        "a",
        "to",
        "for",
        "when",
        "that",
        "which",
        "with",
        "by",
    ]
)
_INDEFINITE = re.compile(r"(?<!\w)[aA]n?\s+\Z")
_DEFINITE = re.compile(r"(?<!\w)[tT]he\s+\Z")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_WEEK_AFTER = re.compile(r"\s+week\b")


def find_weekdays(ctx: Context) -> Iterator[Found]:
    lex = ctx.grammar.lexicon
    for m in ctx.grammar.weekday.finditer(ctx.text):
        if _refused_weekday(ctx, m):
            continue
        after = lex.weekday_modifiers_after.get(key(m["post"] or ""))
        direction = after or lex.weekday_modifiers_before.get(key(m["pre"] or ""), BARE)
        tense = ctx.tense(m.start(), m.end()) if direction in (BARE, THIS) else None
        weekday = lex.weekdays[key(m["wd"])]
        day, side = anchor.weekday_date(ctx.published, weekday, direction, tense)
        how = f"weekday '{m['wd']}' {side} the publication date {ctx.published.isoformat()}"
        how += f" ({tense} tense)" if tense else ""
        value = UncertainDate.day(day)
        yield Found(m.start(), m.end(), value, how, "weekday", "" if m["pre"] else "day")


def _refused_weekday(ctx: Context, m: re.Match[str]) -> bool:
    """A habit ("every Friday") or a name ("Black Monday", "Welt am Sonntag", "lunes negro")."""
    if ctx.before(ctx.grammar.weekday_refusal, m.start()):
        return True
    if ctx.grammar.weekday_refusal_after.match(ctx.text, m.end()):
        return True
    if m["pre"]:
        return False
    capitalised = m["wd"][0].isupper()
    if not ctx.grammar.lexicon.capitalised and capitalised:
        # French and Russian write weekdays lower-case: "Dimanche" inside a
        # sentence is a name ("le Journal du Dimanche").
        return not _sentence_start(ctx.text, m.start())
    return ctx.grammar.lexicon.code == "en" and _english_non_date(ctx.text, m.start(), m.end())


def _english_non_date(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 5) : start]
    if _WEEK_AFTER.match(text, end):
        return True  # "Wednesday week" is a week after Wednesday: the text does not say which
    if _INDEFINITE.search(before):
        # "a Friday" is any Friday, except before a noun: "a Wednesday media event".
        word = _NEXT_WORD.match(text, end)
        return not word or word.group(1) in _FUNCTION_WORDS
    # "the Sunday Times" is a newspaper.
    return bool(_DEFINITE.search(before)) and bool(_CAPITAL_NEXT.match(text, end))


def find_relative_days(ctx: Context) -> Iterator[Found]:
    table = ctx.grammar.lexicon.relative_days
    for m in ctx.grammar.relative_day.finditer(ctx.text):
        # Capitalised inside a sentence, "Today" is a name: "USA Today".
        if m.group()[0].isupper() and not _sentence_start(ctx.text, m.start()):
            continue
        if ctx.before(ctx.grammar.relative_day_refusal, m.start(), 12):
            continue  # "por la mañana" is in the morning, not tomorrow
        day = ctx.published + timedelta(days=table[key(m.group())])
        how = f"'{m.group()}' counted from the publication date {ctx.published.isoformat()}"
        yield Found(m.start(), m.end(), UncertainDate.day(day), how, "relative")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 10) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


def find_relative_units(ctx: Context) -> Iterator[Found]:
    table = ctx.grammar.lexicon.relative_units
    for m in ctx.grammar.relative_unit.finditer(ctx.text):
        if ctx.before(ctx.grammar.relative_unit_refusal, m.start(), 12):
            continue  # "over the last week" is a duration
        unit, offset = table[key(m.group())]
        value = anchor.relative_unit(unit, offset, ctx.published)
        how = f"'{m.group()}': the calendar {unit} counted from the publication date"
        yield Found(m.start(), m.end(), value, f"{how} {ctx.published.isoformat()}", "relative")


def find_ago(ctx: Context) -> Iterator[Found]:
    lex = ctx.grammar.lexicon
    for m in ctx.grammar.ago.finditer(ctx.text):
        unit_word, number = key(m["unit"]), m["n"]
        if number is None and unit_word not in lex.singular_units:
            continue  # "дней назад" needs a number
        count = (
            1 if number is None else int(number) if number.isdigit() else lex.numbers[key(number)]
        )
        unit = lex.units[unit_word]
        value = anchor.units_ago(unit, count, ctx.published)
        how = f"{count} {unit}(s) before the publication date {ctx.published.isoformat()}"
        yield Found(m.start(), m.end(), value, how, "relative")


def find_anaphora(ctx: Context) -> Iterator[Found]:
    """Anaphora get their day later, from the day named before them."""
    table = ctx.grammar.lexicon.anaphora
    for m in ctx.grammar.anaphora.finditer(ctx.text):
        phrase = m.groupdict().get("phrase")
        if not phrase:
            yield Found(m.start("the_day"), m.end("the_day"), None, "", "anaphora")
        elif not ctx.grammar.anaphora_refusal_after.match(ctx.text, m.end()):
            yield Found(m.start(), m.end(), None, "", "anaphora", offset=table[key(phrase)])
