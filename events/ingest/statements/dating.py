"""The date of a statement: its own date words, the statement it continues, or
the article's date for what is news of the day."""

from __future__ import annotations

from collections.abc import Callable

from events.ingest.dates import DateMention
from events.ingest.statements.statement import (
    Statement,
)
from events.ingest.statements.text import (
    _HARD,
    _phrase_length,
    _plain_verb,
    _Sent,
)
from events.ingest.statements.verbs import (
    FUTURE,
    PAST,
    PERFECT,
    PLUPERFECT,
    PRESENT,
    Predicate,
)
from events.ingest.tokens import Token
from events.vocab import DateBasis

_MAX_DATE_AFTER = 16  # words between a verb and a date after it that is still the verb's


def _own_date(sent: _Sent, verb: Token, predicate: Predicate) -> tuple[DateMention | None, str]:
    """The date of the predicate, or None with the reason."""
    best: tuple[int, DateMention] | None = None
    reported: DateMention | None = None
    elsewhere: DateMention | None = None
    own = sent.clause_of(verb.start)
    for mention in sent.dates:
        if sent.text.startswith(("'s", "’s"), mention.end):
            continue  # "this year's conference": the date of a thing, not of the verb
        if sent.clause_of(mention.start) != own and not sent.quoted(mention.start):
            elsewhere = elsewhere or mention
            continue
        distance = _date_distance(sent, mention, verb, predicate)
        if distance is None:
            reported = reported or mention
        elif best is None or distance < best[0]:
            best = (distance, mention)
    if best is not None:
        return best[1], ""
    if reported is not None and predicate.speech:
        return None, f"the date “{reported.text}” belongs to the reported words, not the statement"
    if reported is not None or elsewhere is not None:
        other = reported or elsewhere
        return None, f"the date “{other.text}” belongs to another clause, not the statement"  # type: ignore[union-attr]
    return None, "no date in the sentence"


def _date_distance(sent: _Sent, date: DateMention, verb: Token, predicate: Predicate) -> int | None:
    """Words between a date and the predicate, or None if it is not the predicate's."""
    if sent.quoted(date.start):
        return None
    if date.end <= verb.start:
        if _HARD.search(sent.text, date.end, verb.start):
            return None
        return len(sent.words_between(date.end, verb.start))
    own = sent.clause_of(verb.start)
    gap = [t for t in sent.words_between(verb.end, date.start) if sent.clause_of(t.start) == own]
    if _phrase_length(gap) > _MAX_DATE_AFTER or _HARD.search(sent.text, verb.end, date.start):
        return None
    lang = sent.lang
    for token in gap:
        low = token.lower
        if low in lang.clause_openers or low in lang.complementizers:
            return None  # "said that talks would start on March 3"
        if low in lang.auxiliaries or _plain_verb(sent, token):
            return None  # "said the talks would start on March 3"
    if predicate.speech and "," in sent.text[verb.end : date.start] and len(gap) > 1:
        return None
    return len(gap)


def _tie_undated(statements: list[Statement], is_person: Callable[[int], bool]) -> None:
    """Give an undated statement the date of the one it unmistakably continues:
    the same person's last dated statement, at most two sentences before the
    statement just before it, along a chain of continuations ("he said",
    "the French president called on", "added")."""
    last: dict[int, Statement] = {}  # person -> their last dated statement
    latest: dict[int, int] = {}  # person -> the sentence of their latest statement
    before: list[int] = []  # the initiators of the statement just before
    for statement in statements:
        speakers = [a for a in statement.initiators if is_person(a)]
        if statement.date is None and statement.predicate.speech and statement.continues:
            for person in speakers:
                previous = last.get(person)
                if (
                    previous is not None
                    and (previous.predicate.speech or statement.same_occasion)
                    and not statement.other_time
                    and person in before  # another speaker in between breaks the chain
                    and statement.index - latest[person] <= 2
                ):
                    _take_date(statement, previous)
                    break
        before = statement.initiators
        for person in speakers:
            latest[person] = statement.index
            if statement.date is not None:
                last[person] = statement
            elif not statement.continues:
                last.pop(person, None)  # a new occasion: no earlier date carries over


def _take_date(statement: Statement, previous: Statement) -> None:
    date = previous.date
    if date is None:
        return
    statement.date = date
    statement.date_note = (
        f"same occasion as the statement before it (“{date.text}”: {previous.date_note})"
    )
    statement.undated_reason = ""
    statement.date_basis = DateBasis.CONTEXT


def date_from_article(statements: list[Statement], published: DateMention) -> None:
    """Date by the article the undated statements that are news of its day.

    News tells what was said and what has just happened without a date: "X
    said", "X has agreed", "X plans", "at 0800 UTC". The article's date is
    then the evidence (annotators anchor such events there too), marked as
    such. Not dated so: what the text sets at another time (the pluperfect,
    "earlier", "last year"), a past action told without a date ("X signed the
    deal"), a plan without a date, and a statement without an actor doing it."""
    for statement in statements:
        if statement.date is not None or not statement.initiators:
            continue
        reason = _not_news_of_the_day(statement)
        if reason:
            statement.undated_reason = reason
            continue
        statement.date = published
        statement.date_basis = DateBasis.PUBLICATION
        how = (
            f"the time of day “{statement.time_of_day}” without a day"
            if statement.time_of_day
            else _TENSE_NEWS.get(statement.predicate.tense, "told as news")
        )
        statement.date_note = (
            f"dated from the article: no date words in the sentence, {how}; "
            f"the article is dated {published.resolution}"
        )
        statement.undated_reason = ""


_TENSE_NEWS = {
    PERFECT: "told in the present perfect (news of the day)",
    PRESENT: "told in the present",
    PAST: "reported speech of the day",
    "": "reported speech of the day",
}


def _not_news_of_the_day(statement: Statement) -> str:
    """Why an undated statement is not the article's news of the day, or ""."""
    tense = statement.predicate.tense
    if tense == PLUPERFECT:
        return "told in the pluperfect, as background: no date"
    if tense == FUTURE:
        return "a plan or expectation the sentence does not date"
    if statement.other_time and tense != PRESENT:
        return "the sentence speaks of another time without a date"
    if statement.time_of_day:
        return ""
    if statement.says or tense in (PERFECT, PRESENT):
        return ""
    return "a past action the sentence does not date"
