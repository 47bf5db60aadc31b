"""Calendar arithmetic: which real date a partial expression means, given the
publication date and, where it decides, the tense of the sentence.

Functions return the date with a few words on how it was chosen; the finders
make those words into the mention's `resolution`, so an editor can see why.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from events.edtf import FIRST_DAY, LAST_DAY, UncertainDate
from events.ingest.lang.lexicon import BARE, FUTURE, PAST, THIS

# How far from the publication date a numeric date may lie for its closer
# reading to win when month-first and day-first are both possible ("7/8/07"
# in an article of 9 July 2007): news dates what just happened or is about to.
# The other reading must lie four times as far (and at least four weeks) away,
# so 03/02 in mid-February (3 Feb or 2 Mar) stays unresolved.
NUMERIC_PROXIMITY_DAYS = 14


def weekday_date(
    published: date, weekday: int, direction: str, tense: str | None
) -> tuple[date, str]:
    """The day a weekday name refers to, and where it lies: "before", "on or after"..."""
    if direction in (THIS, BARE):
        # "Friday" in a Friday article is that day. A bare weekday is behind
        # unless the sentence speaks of the future ("will meet on Tuesday");
        # "this Friday" is ahead unless the sentence is in the past.
        ahead = tense == FUTURE if direction == BARE else tense != PAST
        side, strict = (FUTURE if ahead else PAST), False
    else:
        side, strict = direction, True
    if side == PAST:
        days = (published.weekday() - weekday) % 7 or (7 if strict else 0)
        return published - timedelta(days=days), "before" if strict else "on or before"
    days = (weekday - published.weekday()) % 7 or (7 if strict else 0)
    return published + timedelta(days=days), "after" if strict else "on or after"


def month_day_date(
    month: int, day: int, published: date, tense: str | None
) -> tuple[date, str] | None:
    """The year of "January 30": past tense looks back, future forward, else the nearest."""
    years = (published.year - 1, published.year, published.year + 1)
    options = [d for year in years if (d := valid_day(year, month, day))]
    if tense == PAST:
        before = [d for d in options if d <= published]
        return (max(before), "the latest on or before the publication date") if before else None
    if tense == FUTURE:
        after = [d for d in options if d >= published]
        return (min(after), "the first on or after the publication date") if after else None
    if not options:
        return None
    nearest = min(options, key=lambda d: (abs((d - published).days), d))
    return nearest, "the one nearest the publication date"


def month_of(month: int, published: date, direction: str, tense: str | None) -> tuple[int, str]:
    """The year of "February", "last February", "next February"."""
    this_year, here = published.year, published.month
    if direction == PAST or (direction == BARE and tense == PAST):
        strict = direction == PAST
        behind = month < here or (month == here and not strict)
        return (this_year if behind else this_year - 1), "the latest before publication"
    if direction == FUTURE or (direction == BARE and tense == FUTURE):
        strict = direction == FUTURE
        ahead = month > here or (month == here and not strict)
        return (this_year if ahead else this_year + 1), "the next after publication"
    if direction == THIS:
        return this_year, "in the year of publication"
    back, forward = (here - month) % 12, (month - here) % 12
    if back <= forward:
        return this_year - (1 if month > here else 0), "the nearest to publication"
    return this_year + (1 if month < here else 0), "the nearest to publication"


def relative_unit(unit: str, offset: int, published: date) -> UncertainDate:
    """The calendar unit of "last week", "this month", "next year", "this weekend"."""
    if unit == "day":
        return UncertainDate.day(published + timedelta(days=offset))
    if unit == "week":
        return UncertainDate.week_of(published + timedelta(weeks=offset))
    if unit == "month":
        return UncertainDate.month(*shift_month(published.year, published.month, offset))
    if unit == "year":
        return UncertainDate.year(published.year + offset)
    # The weekend (Saturday and Sunday) of the publication date's ISO week.
    saturday = published + timedelta(days=5 - published.weekday() + 7 * offset)
    return UncertainDate.span(saturday, saturday + timedelta(days=1))


def units_ago(unit: str, count: int, published: date) -> UncertainDate:
    """ "two days ago" is a day, "three weeks ago" a week, "five years ago" a year."""
    if unit == "day":
        return UncertainDate.day(published - timedelta(days=count))
    if unit == "week":
        return UncertainDate.week_of(published - timedelta(weeks=count))
    if unit == "month":
        return UncertainDate.month(*shift_month(published.year, published.month, -count))
    return UncertainDate.year(published.year - count)


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def full_year(digits: str, published: date) -> int:
    """A two-digit year in the century that puts it nearest: "07" is 2007, "89" 1989."""
    if len(digits) == 4:
        return int(digits)
    year = published.year // 100 * 100 + int(digits)
    return year - 100 if year > published.year + 10 else year


def numeric_date(
    first: int, second: int, year: int, order: str | None, published: date
) -> tuple[date, str] | None:
    """A slashed date such as 7/8/07, month-first or day-first."""
    month_first = valid_day(year, first, second)
    day_first = valid_day(year, second, first)
    if order in ("MDY", "DMY"):
        chosen = month_first if order == "MDY" else day_first
        return (chosen, f"read {order} as the source writes dates") if chosen else None
    if month_first and day_first and month_first != day_first:
        return _nearer_reading(month_first, day_first, published)
    if only := month_first or day_first:
        return only, "the only valid reading"
    return None


def _nearer_reading(month_first: date, day_first: date, published: date) -> tuple[date, str] | None:
    # Both readings are real dates: take one only when it alone lies near the
    # publication date; otherwise the text does not say which it is.
    (near, chosen), (far, _) = sorted(
        (abs((d - published).days), d) for d in (month_first, day_first)
    )
    if near > NUMERIC_PROXIMITY_DAYS or far < 4 * max(near, NUMERIC_PROXIMITY_DAYS // 2):
        return None
    reading = "month-first" if chosen == month_first else "day-first"
    return chosen, f"read {reading}, the only reading near the publication date"


def valid_day(year: int, month: int, day: int) -> date | None:
    """The day, or None where there is none (31 April, year 0 or 10000)."""
    if not (FIRST_DAY.year <= year <= LAST_DAY.year and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)
