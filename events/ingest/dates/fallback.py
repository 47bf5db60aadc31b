"""A date lexicon for a language outside the registry, from dateparser's locale
data: month and weekday names and the usual day-month-year order. Enough to find
explicit dates ("13 de fevereiro de 2026") in a language nobody has curated;
relative words, tense and ranges need a curated lexicon (events/ingest/lang/).
"""

from __future__ import annotations

from functools import lru_cache

from events.ingest.lang.lexicon import Lexicon


@lru_cache(maxsize=64)
def from_dateparser(code: str) -> Lexicon:
    """A lexicon of month and weekday names for a language we have not curated."""
    # Imported here: dateparser costs a tenth of a second to import and is only
    # needed for languages outside the registry.
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(code).info
    except (KeyError, ValueError) as exc:
        raise ValueError(f"unsupported language {code!r}") from exc
    months, abbreviations = _names(info, _MONTH_KEYS, start=1)
    weekdays, _ = _names(info, _WEEKDAY_KEYS, start=0)
    pertain = "|".join(sorted(info.get("pertain", []), key=len, reverse=True))
    joiner = rf"\s+(?:(?:{pertain})\s+)?" if pertain else r"\s+"
    order = info.get("date_order", "DMY")
    return Lexicon(
        code=code,
        months=months,
        month_abbreviations=abbreviations,
        weekdays=weekdays,
        capitalised=False,
        date_order=order,
        month_day=order == "MDY",
        day_suffix_re=r"\.?",
        day_month_joiner_re=joiner,
        month_year_joiner_re=joiner.replace(r"\s+(", r",?\s+(", 1),
    )


_MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _names(info: dict, keys: list[str], start: int) -> tuple[dict[str, int], dict[str, int]]:
    # Words of four letters or more are names; shorter ones ("fr", "mo", "dic")
    # are abbreviations, accepted only next to a day number.
    full: dict[str, int] = {}
    short: dict[str, int] = {}
    for number, key in enumerate(keys, start=start):
        for word in info.get(key, []):
            target = full if len(word) >= 4 else short
            target[word.lower()] = number
    return full, short
