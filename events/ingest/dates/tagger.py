"""tag_dates: find the temporal expressions of a news text and resolve them
against its publication date.

The finders propose spans; here overlaps are settled (the longest span wins:
"Friday, February 13" over "Friday"), two dates joined by "to" or "and" become
a range, anaphora ("the same day") take the last day mentioned, and words such
as "on" or "in" right before a date are taken into its span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from events.edtf import OutOfRange, UncertainDate
from events.ingest.dates import absolute, relative
from events.ingest.dates.context import Context, Found
from events.ingest.dates.patterns import Grammar, grammar_for
from events.ingest.lang import SUPPORTED
from events.ingest.language import guess_language
from events.vocab import Precision

FINDERS = (
    absolute.find_numeric,
    absolute.find_ranges,
    absolute.find_day_month,
    absolute.find_month_day,
    absolute.find_month_year,
    absolute.find_month_only,
    absolute.find_years,
    absolute.find_year_words,
    relative.find_weekdays,
    relative.find_relative_days,
    relative.find_relative_units,
    relative.find_ago,
    relative.find_anaphora,
)
# An anaphor ("the same day") takes the last day named before it, if that day
# is near: in the same paragraph and at most this many characters back.
ANAPHORA_REACH = 600
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DATE_ORDERS = ("DMY", "MDY", "YMD")
_COARSENESS: dict[str, int] = {Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str  # the exact words, == input[start:end]
    start: int
    end: int
    value: UncertainDate
    resolution: str  # how it was resolved, in one short sentence

    @property
    def precision(self) -> str:
        return str(self.value.precision)

    @property
    def edtf(self) -> str:
        return self.value.edtf


def tag_dates(
    text: str, published: date, language: str | None = None, *, date_order: str | None = None
) -> list[DateMention]:
    """Temporal expressions in `text`, resolved against `published`, in text order.

    `language` is an ISO 639-1 code; None means the language detected in the
    text when it is clearly one of the registry's, else English. `date_order`
    ("DMY" or "MDY") says how the source writes numeric dates such as
    03/02/2026; without it, such a date is taken only when one reading is
    impossible or alone lies near the publication date (day-first outside
    English).
    """
    if date_order is not None and date_order not in _DATE_ORDERS:
        raise ValueError(f"date_order must be one of {', '.join(_DATE_ORDERS)}, got {date_order!r}")
    published = date(published.year, published.month, published.day)
    grammar = grammar_for((language or guess_language(text)).lower())
    context = Context(text, published, grammar, date_order)
    found = [item for finder in FINDERS for item in _within_calendar(finder, context)]
    chosen = _merge_ranges(_without_overlaps(found), context)
    chosen = _resolve_anaphora(chosen, text)
    return [_mention(text, item, grammar) for item in _with_prefixes(chosen, text, grammar)]


def _within_calendar(finder: Callable[[Context], Iterable[Found]], context: Context) -> list[Found]:
    """What `finder` finds until a mention would resolve past the calendar's ends.

    Only an article dated within days or years of 0001-01-01 or 9999-12-31 gets
    there ("on Friday" before year 1): such a mention has no date to give, and
    the article's other mentions are still read.
    """
    found: list[Found] = []
    try:
        for item in finder(context):
            found.append(item)
    except (OverflowError, OutOfRange):
        pass
    except ValueError as exc:
        # datetime's own words for a year past the ends: "year 10000 is out of range".
        if "is out of range" not in str(exc):
            raise
    return found


def warm_up(languages: tuple[str, ...] = SUPPORTED) -> None:
    """Compile the patterns of `languages` now rather than on the first article."""
    for code in languages:
        tag_dates("on Friday 13 February 2026", date(2026, 2, 14), code)


def _without_overlaps(found: list[Found]) -> list[Found]:
    """The longest spans first; a span that overlaps one already kept is dropped.

    Between spans of equal length the more precise wins: in "in November 17
    municipal elections" the day "November 17", not the month "in November".
    """
    starts: list[int] = []
    kept: list[Found] = []  # in text order, parallel to `starts`
    for item in sorted(found, key=lambda f: (f.start - f.end, _coarseness(f), f.start)):
        index = bisect_left(starts, item.start)
        after_previous = index == 0 or kept[index - 1].end <= item.start
        before_next = index == len(kept) or item.end <= kept[index].start
        if after_previous and before_next:
            starts.insert(index, item.start)
            kept.insert(index, item)
    return kept


def _coarseness(item: Found) -> int:
    precision = item.value.precision if item.value else Precision.DAY
    return _COARSENESS.get(precision, 0)


def _merge_ranges(items: list[Found], ctx: Context) -> list[Found]:
    """ "between January 30 and February 2", "from 13 January to 2 February"."""
    merged: list[Found] = []
    for item in items:
        previous = merged[-1] if merged else None
        joined = _range_of(previous, item, ctx) if previous else None
        if joined:
            merged[-1] = joined
        else:
            merged.append(item)
    return merged


def _range_of(first: Found, second: Found, ctx: Context) -> Found | None:
    if first.kind != "day" or second.kind != "day" or not (first.value and second.value):
        return None
    g: Grammar = ctx.grammar
    gap = ctx.text[first.end : second.start]
    if not g.range_join.fullmatch(gap):
        return None
    opening = ctx.before(g.range_open, first.start, 25)
    if g.range_and.fullmatch(gap) and not opening:
        return None
    start = opening.start() if opening else first.start
    if opening and g.change_verbs.search(ctx.text, max(0, start - 50), start):
        return None  # "postponed from January 30 to February 2": two dates
    begin, end = first.value.start, second.value.start
    wraps = (first.month, first.day) > (second.month, second.day)
    if not first.year_given and second.year_given:
        # "from 30 December to 2 January 2026" starts in 2025.
        begin = date(end.year - 1 if wraps else end.year, first.month, first.day)
    elif not second.year_given:
        # Without a year the range is one stretch of time: its end follows its start.
        end = date(begin.year + 1 if wraps else begin.year, second.month, second.day)
    if begin >= end:
        return None
    value = UncertainDate.span(begin, end)
    return Found(start, second.end, value, f"range of days: {first.resolution}", kind="range")


def _resolve_anaphora(items: list[Found], text: str) -> list[Found]:
    resolved: list[Found] = []
    antecedent: Found | None = None
    for item in items:
        if item.kind == "anaphora":
            if antecedent is None or not _near(antecedent, item, text):
                continue
            assert antecedent.value is not None
            try:
                day = antecedent.value.start + timedelta(days=item.offset)
            except OverflowError:
                continue  # "the next day" after 31 Dec 9999
            words = text[antecedent.start : antecedent.end]
            item.value = UncertainDate.day(day)
            item.resolution = f"refers back to '{words}' ({antecedent.value.edtf})"
            if item.offset:
                item.resolution += f", {item.offset:+d} day"
        resolved.append(item)
        if item.value and item.value.precision == Precision.DAY:
            antecedent = item
    return resolved


def _near(antecedent: Found, anaphor: Found, text: str) -> bool:
    if anaphor.start - antecedent.end > ANAPHORA_REACH:
        return False
    return not _PARAGRAPH_BREAK.search(text, antecedent.end, anaphor.start)


def _with_prefixes(items: list[Found], text: str, grammar: Grammar) -> list[Found]:
    """Take "on" into "on Friday" and "in" into "in February" when they stand before."""
    previous_end = 0
    for item in items:
        pattern = {"day": grammar.span_prefix_day, "period": grammar.span_prefix_period}.get(
            item.prefix
        )
        if pattern:
            found = pattern.search(text, max(previous_end, item.start - 8), item.start)
            if found:
                item.start = found.start()
        previous_end = item.end
    return items


def _mention(text: str, item: Found, grammar: Grammar) -> DateMention:
    assert item.value is not None
    return DateMention(
        text[item.start : item.end], item.start, item.end, item.value, item.resolution
    )
