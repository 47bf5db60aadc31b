"""What the date tagger needs to know about a language, as plain data.

Word lists map lower-cased words or phrases to what they mean; fields ending in
``_re`` are regular-expression fragments, because word order and inflection
differ too much between languages to be captured by word lists alone. Keys are
lower-case words or phrases (a space stands for any run of white space; an
apostrophe for ' or ’). Each curated language's lexicon is the `dates` part of
its Language (events/ingest/lang/<code>.py); for any other language the tagger
builds a smaller one from dateparser's locale data (events/ingest/dates/fallback.py).

Tense patterns only need to be good enough to tell "said on January 30" from
"will meet on April 7": the nearest marker to a date in its sentence wins, so a
marker list that misses a verb form costs little, while one that matches nouns
would cost more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Directions a modifier gives a weekday or a month: "last Friday" is before the
# publication day, "next Friday" after, "this Friday" in the current week and
# a bare "Friday" is decided by the tense of its sentence.
PAST, FUTURE, THIS, BARE = "past", "future", "this", "bare"
# A tense only: "has continued" is in the past but its state may last until now.
PERFECT = "perfect"


@dataclass(frozen=True)
class Lexicon:
    code: str
    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]  # Monday is 0, as in datetime.date.weekday()
    # English and German capitalise month and weekday names, so "may be" and
    # "march on" are not dates there; French and Russian write them lower-case.
    capitalised: bool
    date_order: str = "DMY"  # how numeric dates are written: DMY, MDY or YMD
    month_day: bool = False  # "February 13" as well as "13 February"
    day_suffix_re: str = ""  # after the day number: "13th", "1er", "13."
    day_article_re: str = ""  # before the day number: "the 13th of", "dem 13."
    day_month_joiner_re: str = r"\s+"
    month_year_joiner_re: str = r",?\s+"
    year_word_re: str = ""  # "2026 года": the word alone makes a number a year
    # Words taken into a mention when they stand right before it: "on Friday",
    # "On January 30" (days), "in February", "in 2025" (months and years).
    span_prefix_day_re: str = ""
    span_prefix_period_re: str = ""
    weekday_modifiers_before: Mapping[str, str] = field(default_factory=dict)
    weekday_modifiers_after: Mapping[str, str] = field(default_factory=dict)
    weekday_tail_re: str = ""  # "Friday night", "Freitagabend"
    # Words before a weekday that make it a habit or a name, not a date.
    weekday_refusal_re: str = ""
    # Words right after a weekday that make it a name: "lunes negro", "Viernes Santo".
    weekday_refusal_after_re: str = ""
    month_cues: Mapping[str, str] = field(default_factory=dict)  # kept in the span
    month_cue_outside_re: str = ""  # "since February": a cue left out of the span
    month_modifiers_after: Mapping[str, str] = field(default_factory=dict)  # "février dernier"
    year_cues_re: str = ""  # kept in the span: "in 2025", "early 2025"
    year_cue_outside_re: str = ""  # "since 2025"
    list_join_re: str = r"\s*,\s*"  # "in 2010 and 2011"
    year_refs: Mapping[str, int] = field(default_factory=dict)  # "February last year": -1
    relative_days: Mapping[str, int] = field(default_factory=dict)  # "yesterday": -1
    # Words before a relative day that make it something else: "por la mañana"
    # is in the morning, "mañana" alone is tomorrow.
    relative_day_refusal_re: str = ""
    lowercase_only: frozenset[str] = frozenset()  # phrases never capitalised
    relative_units: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    relative_unit_refusal_re: str = ""  # "the last year" is a duration
    ago_re: str = ""  # groups `n` and `unit`; {num} and {unit} are filled in
    numbers: Mapping[str, int] = field(default_factory=dict)
    # Days of the month written as words: "el primero de mayo".
    day_words: Mapping[str, int] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)  # "weeks": "week"
    range_open_re: str = ""  # "from", "between the"
    range_join_re: str = r"[-–—]"
    range_and_re: str = ""  # joiners that need an opening word: "between ... and"
    change_verbs_re: str = ""  # "moved from X to Y" is two dates, not a range
    anaphora: Mapping[str, int] = field(default_factory=dict)  # "the next day": +1
    anaphora_verbs_re: str = ""  # "to end the day": verbs that make "the day" anaphoric
    anaphora_day_re: str = r"the\s+day"  # "the day" after those verbs: "la jornada"
    anaphora_refusal_after_re: str = ""  # "le lendemain de l'élection"
    tense_re: str = ""  # named groups `future`, `past`, `present`
    # Words that open a subordinate clause: a tense marker in one that follows
    # a date does not speak for it ("in October after doctors advised him").
    clause_boundary_re: str = "(?!)"
    # Words right after a number that make it an amount, not a day or a year
    # ("2000 euros", "1990 Prozent"); signs and units such as % and km are
    # understood in every language.
    amount_words_re: str = ""
    # "until": "closed until Friday" is a state lasting until then, so then is ahead.
    until_re: str = ""
    # Unit words that mean one without a number: "неделю назад" (a week ago).
    singular_units: frozenset[str] = frozenset()

    @property
    def dotted_days(self) -> bool:
        """Day numbers are written with a period ("am 13. Februar"): not a sentence end."""
        return self.day_suffix_re == r"\."


def numbered(words: str, start: int = 1) -> dict[str, int]:
    """ "jan feb" -> {"jan": 1, "feb": 2}; "/" separates forms of one number, "-" skips one."""
    table: dict[str, int] = {}
    for number, forms in enumerate(words.split(), start=start):
        for form in forms.split("/"):
            if form != "-":
                table[form] = number
    return table


def units(**forms: str) -> dict[str, str]:
    """units(day="day days") -> {"day": "day", "days": "day"}."""
    return {form: unit for unit, words in forms.items() for form in words.split()}


def relative(**units: dict[str, int]) -> dict[str, tuple[str, int]]:
    """relative(week={"last week": -1}) -> {"last week": ("week", -1)}."""
    return {phrase: (unit, n) for unit, phrases in units.items() for phrase, n in phrases.items()}
