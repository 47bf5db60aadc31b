"""Finders for calendar dates: numeric dates, day and month names, ranges,
months and years.

A finder refuses a match (yields nothing) when the words around it show it is
not a date, for instance an amount ("May 20 million"). Overlaps between
finders are settled by the tagger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from events.edtf import UncertainDate
from events.ingest.dates import anchor
from events.ingest.dates.context import Context, Found, amount_after, day_number, month_number
from events.ingest.dates.patterns import key
from events.ingest.lang.lexicon import BARE


def find_numeric(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.numeric.finditer(ctx.text):
        found = _numeric_day(ctx, m)
        if found:
            day, how = found
            value = UncertainDate.day(day)
            how = f"numeric date {how}"
            yield Found(m.start(), m.end(), value, how, "day", "day", year_given=True)


def _numeric_day(ctx: Context, m: re.Match[str]) -> tuple[date, str] | None:
    if m["iy"]:
        day = anchor.valid_day(int(m["iy"]), int(m["im"]), int(m["id"]))
        return (day, "written year-month-day") if day else None
    if m["sep"] == ".":
        # Dotted dates are day-first wherever they are used; with a two-digit
        # year "1.2.10" would be a version number as much as a date.
        if len(m["y"]) != 4:
            return None
        day = anchor.valid_day(int(m["y"]), int(m["b"]), int(m["a"]))
        return (day, "written day.month.year") if day else None
    lexicon = ctx.grammar.lexicon
    # English is written month-first in the US and day-first elsewhere.
    order = ctx.date_order or (None if lexicon.code == "en" else lexicon.date_order)
    year = anchor.full_year(m["y"], ctx.published)
    return anchor.numeric_date(int(m["a"]), int(m["b"]), year, order, ctx.published)


def _calendar_day(ctx: Context, m: re.Match[str], day_group: str = "d") -> Found | None:
    """A day from a month name and a day number, with the year written or inferred."""
    month, day = month_number(ctx.grammar, m["mon"]), day_number(ctx.grammar, m[day_group])
    if m["y"] or m["yref"]:
        year, how = _written_year(ctx, m)
        found = anchor.valid_day(year, month, day)
    else:
        tense = ctx.tense(m.start(), m.end())
        chosen = anchor.month_day_date(month, day, ctx.published, tense)
        found, how = chosen if chosen else (None, "")
        how = f"no year written: {how} {ctx.published.isoformat()}{_tense_note(tense)}"
    if not found:
        return None
    value = UncertainDate.day(found)
    return Found(
        m.start(),
        m.end(),
        value,
        how,
        kind="day",
        prefix="day",
        month=month,
        day=day,
        year_given=bool(m["y"] or m["yref"]),
    )


def _written_year(ctx: Context, m: re.Match[str]) -> tuple[int, str]:
    """The year written after a month: "2026", or "last year" counted from publication."""
    if year := m.groupdict().get("y"):
        return int(year), "the year as written"
    year = ctx.published.year + ctx.grammar.lexicon.year_refs[key(m["yref"])]
    return year, f"the year from '{m['yref']}' and the publication date"


def _tense_note(tense: str | None) -> str:
    return f" ({tense} tense)" if tense else ""


def find_day_month(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.day_month.finditer(ctx.text):
        if found := _calendar_day(ctx, m):
            yield found


def find_month_day(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.month_day.finditer(ctx.text):
        if not m["y"] and amount_after(ctx, m.end()):
            continue  # "May 20 million"
        if found := _calendar_day(ctx, m):
            yield found


def find_ranges(ctx: Context) -> Iterator[Found]:
    for pattern in (ctx.grammar.day_range, ctx.grammar.month_day_range):
        for m in pattern.finditer(ctx.text):
            if found := _range(ctx, m):
                yield found


def _range(ctx: Context, m: re.Match[str]) -> Found | None:
    g = ctx.grammar
    needs_open = g.range_and.fullmatch(m["join"]) is not None
    if (needs_open and not m["open"]) or (m["open"] and _change_verb_before(ctx, m.start())):
        return None
    first = _calendar_day(ctx, m, "d1")
    if not first or not first.value:
        return None
    end = anchor.valid_day(first.value.start.year, first.month, day_number(g, m["d2"]))
    if not end or end <= first.value.start:
        return None
    value = UncertainDate.span(first.value.start, end)
    return Found(
        m.start(),
        m.end(),
        value,
        f"range of days from its first day, {first.resolution}",
        kind="range",
        prefix="" if m["open"] else "day",
    )


def _change_verb_before(ctx: Context, start: int) -> bool:
    return ctx.grammar.change_verbs.search(ctx.text, max(0, start - 50), start) is not None


def find_month_year(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.month_year.finditer(ctx.text):
        year, how = _written_year(ctx, m)
        value = UncertainDate.month(year, month_number(ctx.grammar, m["mon"]))
        yield Found(m.start(), m.end(), value, f"month, {how}", prefix="period")


def find_month_only(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.month_only.finditer(ctx.text):
        month = month_number(ctx.grammar, m["mon"])
        start = m.start("body") if m["out"] else m.start()
        year, how = _written_year(ctx, m) if m["yref"] else _year_of_month(ctx, m, start, month)
        value = UncertainDate.month(year, month)
        yield Found(start, m.end(), value, f"month, {how}", prefix="" if m["cue"] else "period")


def _year_of_month(ctx: Context, m: re.Match[str], start: int, month: int) -> tuple[int, str]:
    lex = ctx.grammar.lexicon
    after = lex.month_modifiers_after.get(key(m["after"] or ""))
    direction = after or lex.month_cues.get(key(m["cue"] or ""), BARE)
    tense = ctx.tense(start, m.end()) if direction == BARE else None
    year, how = anchor.month_of(month, ctx.published, direction, tense)
    return year, f"no year written: {how} {ctx.published.isoformat()}{_tense_note(tense)}"


def find_years(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.year.finditer(ctx.text):
        start = m.start("body") if m["out"] else m.start()
        for index, (year_start, year_end) in enumerate(_year_spans(ctx, m)):
            year = int(ctx.text[year_start : year_start + 4])
            if (
                not 1800 <= year <= 2199
                or amount_after(ctx, year_end)
                or _decade(ctx, year, year_end)
            ):
                break
            span_start = start if index == 0 else year_start
            yield Found(
                span_start,
                year_end,
                UncertainDate.year(year),
                "a year as written",
                prefix="" if (m["cue"] and index == 0) else "period",
            )


def _decade(ctx: Context, year: int, end: int) -> bool:
    """ "the late 1980's" is a decade, not the year 1980."""
    return year % 10 == 0 and ctx.text.startswith(("'s", "’s"), end)


def _year_spans(ctx: Context, m: re.Match[str]) -> list[tuple[int, int]]:
    """Each year of "in 2010, 2011 and 2012", with its year word if it has one."""
    tail = ctx.grammar.lexicon.year_word_re
    spans = []
    for found in re.finditer(r"[12]\d{3}", m["body"]):
        begin = m.start("body") + found.start()
        end = begin + 4
        if tail and (word := re.match(tail, ctx.text[end : m.end("body")])):
            end += word.end()
        spans.append((begin, end))
    return spans


def find_year_words(ctx: Context) -> Iterator[Found]:
    for m in ctx.grammar.year_word.finditer(ctx.text):
        year = int(m["y"])
        yield Found(
            m.start(), m.end(), UncertainDate.year(year), "a year as written", prefix="period"
        )
