"""Compiled regular expressions for one language, built once per process.

Each pattern finds one kind of candidate span; the tagger decides what a span
means. Patterns are case-sensitive: where a language capitalises month and
weekday names, only capitalised forms are accepted, which is what keeps "may
be", "march on" and "we" out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from events.ingest.dates.fallback import from_dateparser
from events.ingest.dates.lookahead import DIGITS, NEVER, starting
from events.ingest.lang import LANGUAGES
from events.ingest.lang.lexicon import Lexicon

# A day number: not part of a larger number, an amount, a decimal or a time.
_DAY_START = r"(?<![\w$€£¥#№.,:/-])"
# After a number, signs and units that make it an amount in every language.
_AMOUNT_SIGNS = r"%|‰|km\b|kg\b|m\b"


@dataclass(frozen=True)
class Grammar:
    lexicon: Lexicon
    numeric: re.Pattern[str]
    day_range: re.Pattern[str]
    month_day_range: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    year: re.Pattern[str]
    year_word: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    relative_unit: re.Pattern[str]
    ago: re.Pattern[str]
    anaphora: re.Pattern[str]
    tense: re.Pattern[str]
    clause_boundary: re.Pattern[str]
    span_prefix_day: re.Pattern[str]
    span_prefix_period: re.Pattern[str]
    weekday_refusal: re.Pattern[str]
    weekday_refusal_after: re.Pattern[str]
    relative_unit_refusal: re.Pattern[str]
    relative_day_refusal: re.Pattern[str]
    anaphora_refusal_after: re.Pattern[str]
    range_open: re.Pattern[str]
    range_join: re.Pattern[str]
    range_and: re.Pattern[str]
    change_verbs: re.Pattern[str]
    list_join: re.Pattern[str]
    amount_after: re.Pattern[str]
    until: re.Pattern[str]
    # Words written with a period that does not end a sentence ("Sept.", "Mr.").
    abbreviations: frozenset[str]


@lru_cache(maxsize=32)
def grammar_for(code: str) -> Grammar:
    """The grammar of a language (ISO 639-1 code); ValueError if dateparser knows none.

    A language of the registry brings its curated lexicon; any other gets month
    and weekday names from dateparser."""
    language = LANGUAGES.get(code)
    if language is not None:
        return _compile(language.dates, language.all_abbreviations)
    lexicon = from_dateparser(code)
    return _compile(lexicon, frozenset(lexicon.month_abbreviations))


def key(text: str) -> str:
    """How a matched phrase is looked up in a lexicon table."""
    return " ".join(text.lower().replace("’", "'").split())


def _compile(lex: Lexicon, abbreviations: frozenset[str]) -> Grammar:
    parts = _Parts.of(lex)
    return Grammar(
        lexicon=lex,
        numeric=_numeric(),
        day_range=_day_range(parts),
        month_day_range=_month_day_range(parts) if lex.month_day else NEVER,
        day_month=_day_month(parts),
        month_day=_month_day(parts) if lex.month_day else NEVER,
        month_year=_month_year(parts),
        month_only=_month_only(parts),
        year=_year(parts),
        year_word=_year_word(parts),
        weekday=_weekday(parts),
        relative_day=_phrase_pattern(lex.relative_days, lex.lowercase_only),
        relative_unit=_phrase_pattern(lex.relative_units, lex.lowercase_only),
        ago=_ago(lex),
        anaphora=_anaphora(lex),
        tense=re.compile(lex.tense_re or "(?!)"),
        clause_boundary=re.compile(lex.clause_boundary_re),
        span_prefix_day=_before(lex.span_prefix_day_re),
        span_prefix_period=_before(lex.span_prefix_period_re),
        weekday_refusal=_before(lex.weekday_refusal_re),
        weekday_refusal_after=_after(lex.weekday_refusal_after_re),
        relative_unit_refusal=_before(lex.relative_unit_refusal_re),
        relative_day_refusal=_before(lex.relative_day_refusal_re),
        anaphora_refusal_after=re.compile(lex.anaphora_refusal_after_re or "(?!)"),
        range_open=_before(lex.range_open_re),
        # "Dec. 31, 2025, to Jan. 2, 2026": a comma may close the first date.
        range_join=re.compile(rf",?\s*(?:{lex.range_join_re})\s*"),
        range_and=re.compile(rf"\s*(?:{lex.range_and_re or '(?!)'})\s*"),
        change_verbs=re.compile(rf"\b(?:{lex.change_verbs_re or '(?!)'})\b"),
        list_join=re.compile(lex.list_join_re),
        amount_after=re.compile(
            rf"\s*(?:{_AMOUNT_SIGNS}{'|' if lex.amount_words_re else ''}{lex.amount_words_re})"
        ),
        # "until" with the word before it: in "closed until Friday" that word
        # is a state (a participle), not the tense of the sentence.
        until=re.compile(rf"(?<!\w)(?:[^\W\d]+\s+)?(?:{lex.until_re or '(?!)'})\s+\Z"),
        abbreviations=abbreviations,
    )


@dataclass(frozen=True)
class _Parts:
    """Fragments shared by several patterns of one language."""

    lex: Lexicon
    months: str  # month names and abbreviations, group `mon`
    months_plain: str  # the same without a group, for look-aheads
    full_months: str  # names only, as written without a day ("in February")
    weekdays: str
    year_tail: str  # the optional year word: "2026 года"
    year_refs: str  # "last year"
    article: str  # the optional article before a day number: "the 13th"
    day_words: str  # days written as words ("primero"), "" where there are none

    @classmethod
    def of(cls, lex: Lexicon) -> _Parts:
        return cls(
            lex=lex,
            months=_month_names(lex),
            months_plain=_month_names(lex, "?:"),
            full_months=_names(lex.months, lex.capitalised, lowercase=not lex.capitalised),
            weekdays=_names(lex.weekdays, lex.capitalised),
            year_tail=rf"(?:{lex.year_word_re})?" if lex.year_word_re else "",
            year_refs=_phrases(lex.year_refs) or "(?!)",
            article=rf"(?:{lex.day_article_re})?" if lex.day_article_re else "",
            day_words=_phrases(lex.day_words),
        )

    def after_month(self) -> str:
        """What may follow a month name: a year ("2026 года") or "last year"."""
        year = rf"{self.lex.month_year_joiner_re}{_YEAR}{self.year_tail}"
        return rf"(?:{year}|\s+(?P<yref>{self.year_refs}))?"

    def weekday_prefix(self) -> str:
        # "Friday, February 13", on one line: a title ending in "Friday" is not
        # part of the dateline below it.
        return rf"(?:(?P<wd>{self.weekdays})\b[^\S\n]*,?[^\S\n]+)?"


# A year: not part of a longer number, an amount ("2000%"), a season ("2010-11")
# or a decade ("the 1990s").
_YEAR = r"(?P<y>[12]\d{3})(?![\d%]|[-–/.,]\d|s\b)"


def _numeric() -> re.Pattern[str]:
    return re.compile(
        r"(?=\d)(?<![\w./-])(?:(?P<iy>[12]\d{3})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)"
        r"(?P<id>\d{1,2})|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}))"
        r"(?![\w/]|[.-]\d)"
    )


def _day_range(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    body = (
        rf"(?:(?P<open>{lex.range_open_re})\s+)?{p.article}{_day(lex, 'd1')}\s*"
        rf"(?P<join>{lex.range_join_re})\s*{p.article}{_day(lex, 'd2', boundary='')}"
        rf"{lex.day_month_joiner_re}{p.months}{p.after_month()}"
    )
    return starting(body, lex.range_open_re, lex.day_article_re, p.day_words, DIGITS)


def _month_day_range(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    not_a_month_next = rf"(?!{lex.day_month_joiner_re}{p.months_plain})"
    body = (
        rf"(?:(?P<open>{lex.range_open_re})\s+)?{p.months}\s+{_day(lex, 'd1')}\s*"
        rf"(?P<join>{lex.range_join_re})\s*{_day(lex, 'd2', boundary='')}\b{not_a_month_next}"
        rf"(?:{lex.month_year_joiner_re}{_YEAR})?"
    )
    return starting(body, lex.range_open_re, p.months_plain)


def _day_month(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    body = (
        rf"{p.weekday_prefix()}{p.article}{_day(lex, 'd')}{lex.day_month_joiner_re}{p.months}"
        rf"{p.after_month()}"
    )
    return starting(body, p.weekdays, lex.day_article_re, p.day_words, DIGITS)


def _month_day(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    body = (
        rf"{p.weekday_prefix()}{p.months}\s+{_day(lex, 'd')}\b(?!\s*[-–]\s*\d)"
        rf"(?:{lex.month_year_joiner_re}{_YEAR}|\s*,?\s+(?P<yref>{p.year_refs}))?"
    )
    return starting(body, p.weekdays, p.months_plain)


def _month_year(p: _Parts) -> re.Pattern[str]:
    body = (
        rf"{p.months}{p.lex.month_year_joiner_re}(?:{_YEAR}{p.year_tail}|(?P<yref>{p.year_refs}))"
    )
    return starting(body, p.months_plain)


def _month_only(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    cues, outside = _phrases(lex.month_cues) or "(?!)", lex.month_cue_outside_re or "(?!)"
    after = _phrases(lex.month_modifiers_after) or "(?!)"
    body = (
        rf"(?:\b(?P<cue>{cues})(?:\s+|(?<=-))|\b(?P<out>{outside})\s+)"
        rf"(?P<body>(?P<mon>{p.full_months})\b(?:\s+(?P<after>{after})\b)?"
        rf"(?:\s+(?P<yref>{p.year_refs}))?)"
    )
    return starting(body, cues, outside)


def _year(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    cues, outside = lex.year_cues_re or "(?!)", lex.year_cue_outside_re or "(?!)"
    more = rf"(?:{lex.list_join_re})[12]\d{{3}}(?![\d%]|[-–/.,]\d){p.year_tail}"
    body = (
        rf"(?:\b(?P<cue>{cues})(?:\s+|(?<=-))|\b(?P<out>{outside})\s+)"
        rf"(?P<body>{_YEAR}{p.year_tail}(?P<more>(?:{more})*))"
    )
    return starting(body, cues, outside)


def _year_word(p: _Parts) -> re.Pattern[str]:
    if not p.lex.year_word_re:
        return NEVER
    return re.compile(rf"(?=\d)(?<![\w.,-]){_YEAR}(?P<word>{p.lex.year_word_re})")


def _weekday(p: _Parts) -> re.Pattern[str]:
    lex = p.lex
    before = _phrases(lex.weekday_modifiers_before) or "(?!)"
    after = _phrases(lex.weekday_modifiers_after) or "(?!)"
    body = (
        rf"(?:\b(?P<pre>{before})\s+)?\b(?P<wd>{p.weekdays}){lex.weekday_tail_re}(?!\w)"
        rf"(?:\s+(?P<post>{after})\b)?"
    )
    return starting(body, before, p.weekdays)


def _day(lex: Lexicon, name: str, boundary: str = _DAY_START) -> str:
    words = rf"|(?:{_phrases(lex.day_words)})(?!\w)" if lex.day_words else ""
    return rf"{boundary}(?P<{name}>[0-3]?\d(?!\d){words}){lex.day_suffix_re}"


def _month_names(lex: Lexicon, group: str = "?P<mon>") -> str:
    full = _names(lex.months, lex.capitalised)
    short = _names(lex.month_abbreviations, lex.capitalised)
    if not short:
        return rf"({group}{full})\b"
    return rf"({group}(?:{full})\b|(?:{short})(?:\.|\b))"


def _names(table: Mapping[str, int], capitalised: bool, lowercase: bool = False) -> str:
    """Alternation of the names in `table` as they are written in running text."""
    forms: set[str] = set()
    for word in table:
        if lowercase:
            forms.add(word)
            continue
        forms.update({word[:1].upper() + word[1:], word.upper()})
        if not capitalised:
            forms.add(word)
    return _alternation(forms) or "(?!)"


def _phrases(phrases: Iterable[str], lowercase_only: frozenset[str] = frozenset()) -> str:
    """Alternation of lexicon phrases, longest first.

    A phrase may start with a capital (it may open a sentence) and is matched
    case-insensitively after its first letter, with any run of spaces for a
    space and either apostrophe for one.
    """
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = re.escape(phrase[1:]).replace(r"\ ", r"\s+").replace("'", "['’]")
        head = phrase[0]
        first = re.escape(head) if phrase in lowercase_only else f"[{head}{head.upper()}]"
        alternatives.append(f"{first}(?i:{rest})" if rest else first)
    return "|".join(alternatives)


def _phrase_pattern(table: Mapping[str, object], lowercase_only: frozenset[str]) -> re.Pattern[str]:
    if not table:
        return NEVER
    phrases = _phrases(table, lowercase_only)
    return starting(rf"(?<![\w-])(?:{phrases})(?![\w-])", phrases)


def _ago(lex: Lexicon) -> re.Pattern[str]:
    if not lex.ago_re:
        return NEVER
    numbers = rf"\d{{1,3}}|{_phrases(lex.numbers)}"
    body = lex.ago_re.format(num=numbers, unit=_phrases(lex.units))
    return starting(rf"(?<![\w-]){body}(?!\w)", f"(?i:{body})", flags=re.IGNORECASE)


def _anaphora(lex: Lexicon) -> re.Pattern[str]:
    parts, openings = [], []
    if lex.anaphora:
        phrases = _phrases(lex.anaphora)
        parts.append(rf"(?<![\w-])(?P<phrase>{phrases})(?![\w-])")
        openings.append(phrases)
    if lex.anaphora_verbs_re:
        # Python's look-behind needs a fixed width, so the verb is matched
        # and left out of the span by the tagger.
        day = lex.anaphora_day_re
        parts.append(rf"\b(?:{lex.anaphora_verbs_re})\s+(?P<the_day>{day})\b(?!['’])")
        openings.append(lex.anaphora_verbs_re)
    return starting("|".join(parts), *openings) if parts else NEVER


def _after(words_re: str) -> re.Pattern[str]:
    """Matches `words_re` right after a position (matched there)."""
    if not words_re:
        return NEVER
    return re.compile(rf"\s+(?:{words_re})(?![\w-])")


def _before(words_re: str) -> re.Pattern[str]:
    """Matches `words_re` ending right before a position (searched with endpos);
    a word elided with an apostrophe needs no space ("l'8 marzo")."""
    if not words_re:
        return NEVER
    return re.compile(rf"(?<![\w'’-])(?:{words_re})(?:\s+|(?<=['’]))\Z")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
