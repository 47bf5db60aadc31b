"""Statements and actions in an article: who said or did what, and when.

For each sentence: the predicate (the first finite reporting or action verb
outside quotation marks), its subject (the actors right before it, a pronoun
that refers back to the previous speaker, or the name right after "said"),
and the date that belongs to the predicate. A date inside the reported words
("said that talks would start on March 3") dates those words, not the
statement. A sentence without its own date takes the date of the previous
statement only when the text ties the two together: the same speaker, right
after it, with "he said", "added" or "at the same meeting", and no word of
another time. Otherwise it stays undated. Every word looked up (verbs,
pronouns, clause openers) is the article's language's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from events.ingest.actors import Mention
from events.ingest.dates import DateMention
from events.ingest.lang import Language, get_language
from events.ingest.lang.language import SPEECH
from events.ingest.sentences import Sentence, quoted_spans
from events.ingest.tokens import Token, tokenize, tokens_within
from events.vocab import DateBasis

_MAX_SUBJECT_GAP = 4


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Located)


# Tenses of a predicate's verb group, as far as dating it goes.
PAST, PERFECT, PRESENT, FUTURE, PLUPERFECT = "past", "perfect", "present", "future", "pluperfect"
_MAX_DATE_AFTER = 16  # words between a verb and a date after it that is still the verb's
_HARD = re.compile(r"[;:“”«»\"]|\s[—–]\s")


@dataclass(frozen=True, slots=True)
class Predicate:
    index: int  # token index in the sentence
    word: str
    speech: bool  # a reporting verb: what follows is what was said
    group_start: int = -1  # where its verb group starts: the first auxiliary ("has", "will")
    tense: str = ""  # PAST, PERFECT, PRESENT, FUTURE, PLUPERFECT or "" (not told)
    passive: bool = False  # "was selected": the subject is acted on


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
class Statement:
    sentence: Sentence
    index: int  # of the sentence in the article
    predicate: Predicate
    initiators: list[int]
    via: str  # how the subject was found: "name", "pronoun", "after", "agent", "reference" or ""
    recipients: list[int] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    date: DateMention | None = None
    date_note: str = ""
    date_basis: str = ""  # a DateBasis value once dated
    undated_reason: str = ""
    content: tuple[int, int] = (0, 0)  # the reported words or the action's clause
    main: tuple[int, int] = (0, 0)  # the reporting clause, for category cues
    place: str = ""
    continues: bool = False  # "he said", "added", "at the same meeting"
    same_occasion: bool = False  # "at the same meeting", "after the talks": any statement
    other_time: bool = False  # words of another time than the news ("earlier", "last year")
    time_of_day: str = ""  # "at 0800 UTC": the day of the article
    planned: bool = False  # "will travel", "is expected to visit"
    cuts: list[tuple[int, int]] = field(default_factory=list)  # other clauses, for a title
    says: bool = False  # reports speech: a reporting verb, or "…, saying"
    patient: tuple[int, int] | None = None  # "a conference" in "a conference held by Apple"
    verb: tuple[int, int] | None = None  # the predicate's word in the text
    nominal: bool = False  # a noun stands for the verb: "the announcement by Apple"

    @property
    def actors(self) -> list[int]:
        return [*self.initiators, *self.recipients, *self.mentioned]


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


@dataclass
class _Memory:
    """What earlier sentences tell about later ones."""

    last_speaker: int | None = None  # the last person named: "he"
    last_organisation: int | None = None  # "the company"


def find_statements(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateMention],
    language: str,
    is_person: Callable[[int], bool],
    tokens: list[Token] | None = None,
    check_time: Callable[[int, int], None] = lambda done, total: None,
    is_organisation: Callable[[int], bool] = lambda actor_id: False,
) -> list[Statement]:
    """The statements and actions of an article, dated where the text allows.

    `check_time(done, total)` is called before each sentence; it may raise to
    stop (the ingestion's time budget)."""
    lang = get_language(language)
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    mentions_at, dates_at = _ByStart(mentions), _ByStart(dates)
    statements: list[Statement] = []
    memory = _Memory()
    for index, sentence in enumerate(sentences):
        check_time(index, len(sentences))
        sent = _Sent(
            lang,
            text,
            sentence,
            tokens_within(tokens, starts, sentence.start, sentence.end),
            quoted_spans(text, sentence.start, sentence.end),
            mentions_at.within(sentence.start, sentence.end),
            [d for d in dates_at.within(sentence.start, sentence.end) if d.end <= sentence.end],
        )
        sent.clauses = _subordinate_clauses(sent)
        statement = _analyse(sent, index, memory)
        persons = [a for a in (statement.initiators if statement else []) if is_person(a)]
        memory.last_speaker = persons[0] if persons else _last_of(sent, is_person)
        organisations = [
            a for a in (statement.initiators if statement else []) if is_organisation(a)
        ]
        memory.last_organisation = (
            organisations[0] if organisations else _last_of(sent, is_organisation)
        ) or memory.last_organisation
        if statement is not None and statement.actors:
            statements.append(statement)
    _tie_undated(statements, is_person)
    return statements


class _ByStart(Generic[_Spanned]):
    """Items found in the text (mentions, dates), by where they start: the ones
    of a sentence by bisection (a scan per sentence was quadratic on long texts)."""

    def __init__(self, items: list[_Spanned]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[_Spanned]:
        """The items starting in [start, end), in the text's order."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _last_of(sent: _Sent, wanted: Callable[[int], bool]) -> int | None:
    found = [m.actor_id for m in sent.mentions if wanted(m.actor_id)]
    return found[-1] if found else None


def _subordinate_clauses(sent: _Sent) -> list[tuple[int, int]]:
    """Brackets, relative clauses ("…, who met Macron in January, …"), an
    opening adverbial clause ("When the Air Force selected …, Boeing …") and a
    trailing participle or coordinated clause (", saying …", ", but warned …").
    A verb, a subject or a date inside one belongs to it, not to the sentence."""
    lang, text = sent.lang, sent.text
    start, end = sent.sentence.start, sent.sentence.end
    clauses = [m.span() for m in _BRACKETS.finditer(text, start, end)]
    words = [t for t in sent.tokens if not sent.quoted(t.start)]
    for k, token in enumerate(words):
        before = text[words[k - 1].end : token.start] if k else text[start : token.start]
        low = token.lower
        if low in lang.relative_words and k and ("," in before or _ends_mention(sent, token)):
            clauses.append((token.start, _next_comma(sent, token.end, end)))
        elif "," in before and low in lang.title_stops:
            clauses.append((token.start, end))
    for mention in _outermost(sent.mentions):
        comma = _name_end(sent, mention.outer[1])
        if text[comma:].lstrip().startswith("("):
            comma = _bracket_end(text, comma, end)
        if text[comma : comma + 1] == ",":
            after = _past_apposition(sent, comma)
            if after != comma:
                clauses.append((comma, after))  # both commas: "Papermaster, 49, had left"
    opener = words[0] if words else None
    if (
        opener is not None
        and opener.lower in lang.clause_openers
        and opener.lower not in lang.coordinators
        and opener.lower not in lang.relative_words
        and opener.lower not in lang.complementizers
    ):
        comma = _next_comma(sent, opener.end, end)
        if comma < end:
            clauses.append((opener.start, comma))
    return clauses


_BRACKETS = re.compile(r"\([^()]*\)")


_NAME_TAIL = re.compile(r"(?:\s+[A-Z][\w&]*\.?){1,3}")


def _name_end(sent: _Sent, position: int) -> int:
    """Past the rest of a name the register knows in part: "AirTanker Ltd."."""
    tail = _NAME_TAIL.match(sent.text, position, sent.sentence.end)
    return tail.end() if tail and sent.text[tail.end() : tail.end() + 1] == "," else position


def _ends_mention(sent: _Sent, token: Token) -> bool:
    return any(0 <= token.start - m.outer[1] <= 1 for m in sent.mentions)


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


def _analyse(sent: _Sent, index: int, memory: _Memory) -> Statement | None:
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    chosen: tuple[Predicate, list[int], str] | None = None
    for predicate in _predicates(sent):
        verb = sent.tokens[predicate.index]
        initiators, via = _subject(sent, predicate, memory)
        if initiators:
            chosen = (predicate, initiators, via)
            break
        if chosen is None and sent.clause_of(verb.start) is None:
            chosen = (predicate, [], "")
    if chosen is None:
        return None
    predicate, initiators, via = chosen
    verb = sent.tokens[predicate.index]
    statement = Statement(sent.sentence, index, predicate, initiators, via)
    statement.content, statement.main = _regions(sent, verb, predicate.speech)
    statement.cuts = [c for c in sent.clauses if not c[0] <= verb.start < c[1]]
    statement.verb = (verb.start, verb.end)
    if via == "agent" and verb.lower in lang.event_nouns:
        # "the announcement by Apple": the title says "Apple's announcement"
        by = next(t for t in sent.tokens if t.start >= verb.end)
        agent = next(m for m in _outermost(sent.mentions) if m.outer[0] >= by.end)
        statement.cuts.append((by.start, agent.outer[1]))
        statement.nominal = True
    elif via == "agent":
        statement.patient = _patient(sent, predicate)
    statement.recipients = _recipients(sent, verb, initiators, statement.content)
    taken = {*initiators, *statement.recipients}
    for mention in sent.mentions:
        if mention.actor_id not in taken:
            statement.mentioned.append(mention.actor_id)
            taken.add(mention.actor_id)
        if mention.role_words and mention.via != "title":
            statement.roles.setdefault(mention.actor_id, mention.role_words)
    statement.date, statement.undated_reason = _own_date(sent, verb, predicate)
    if statement.date is not None:
        statement.date_note = statement.date.resolution
        statement.date_basis = DateBasis.WORDS
    outside = _outside_quotes(sent)
    leading_quote = predicate.speech and statement.content[0] == sent.sentence.start
    statement.same_occasion = bool(patterns.same_occasion.search(outside))
    statement.says = predicate.speech or any(
        t.lower in lang.speech_participles and sent.clause_of(t.start) is not None
        for t in sent.tokens
    )
    statement.continues = (
        via == "pronoun"
        or leading_quote  # "“…,” Macron told reporters" right after Macron spoke
        or any(m.via == "title" and m.actor_id in initiators for m in sent.mentions)
        or predicate.word in lang.continuation_verbs
        or (
            predicate.index > 0
            and sent.tokens[predicate.index - 1].lower in lang.continuation_adverbs
        )
        or statement.same_occasion
    )
    main_words = _main_clause_words(sent, verb, statement)
    statement.other_time = bool({t.lower for t in main_words} & lang.tense_cues)
    statement.planned = predicate.tense == FUTURE
    clock = patterns.time_of_day.search(
        sent.text,
        statement.main[0] if predicate.speech else sent.sentence.start,
        statement.main[1] if predicate.speech else sent.sentence.end,
    )
    statement.time_of_day = (
        clock.group().strip() if clock and not sent.quoted(clock.start()) else ""
    )
    place = patterns.venue.search(outside)
    statement.place = place.group(1) if place else ""
    return statement


def _main_clause_words(sent: _Sent, verb: Token, statement: Statement) -> list[Token]:
    """The words that tell the statement's own time: outside quotes, outside
    other clauses, and for a reporting verb outside the reported words."""
    own = sent.clause_of(verb.start)
    content = statement.content if statement.predicate.speech else (0, 0)
    return [
        t
        for t in sent.tokens
        if not sent.quoted(t.start)
        and sent.clause_of(t.start) == own
        and not content[0] <= t.start < content[1]
    ]


def _outside_quotes(sent: _Sent) -> str:
    text, (start, end) = sent.text, (sent.sentence.start, sent.sentence.end)
    pieces, cursor = [], start
    for s, e in sent.quotes:
        pieces.append(text[cursor:s])
        cursor = e
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _predicates(sent: _Sent) -> list[Predicate]:
    """The sentence's verbs that may be its predicate, best first: verbs of the
    language's lists and verbs found by their place right after a named
    subject; those of the main clause before those of subordinate clauses."""
    lang = sent.lang
    spans = [m.outer for m in sent.mentions]
    found: dict[int, int] = {}  # token index -> verb group start
    for i, token in enumerate(sent.tokens):
        if sent.quoted(token.start) or any(s <= token.start < e for s, e in spans):
            continue
        if not lang.verb_kind(token.lower) or _compound(sent, token):
            continue  # "an EADS-led consortium", "a US-brokered deal": adjectives
        if _patterns(lang.code).ambiguous_verb.fullmatch(token.lower):
            continue  # "firm orders for": a verb only right after its subject (below)
        if i > 0 and sent.tokens[i - 1].lower in lang.infinitive_markers:
            continue
        found[i] = _group_start(sent, i)
    for mention in _outermost(sent.mentions):
        if not sent.quoted(mention.start) and not _after_preposition(sent, mention):
            after = _verb_after(sent, mention.outer[1])
            if after is not None:
                found.setdefault(*after)
    if not found:  # "the announcement by Apple on Friday": the noun stands for the verb
        for i, token in enumerate(sent.tokens):
            if token.lower in lang.event_nouns and _passive_agent(sent, token) is not None:
                found[i] = token.start
                break
    ordered = sorted(found, key=lambda i: (sent.clause_of(sent.tokens[i].start) is not None, i))
    predicates = []
    for i in ordered:
        word = sent.tokens[i].lower
        group = found[i]
        predicates.append(
            Predicate(
                i,
                word,
                lang.verb_kind(word) == SPEECH,
                group,
                _tense(sent, group, i),
                _passive(sent, group, i),
            )
        )
    return predicates


def _compound(sent: _Sent, token: Token) -> bool:
    """Whether `token` is the second half of a hyphenated word ("EADS-led")."""
    return token.start > 0 and sent.text[token.start - 1] in "-‑"


def _group_start(sent: _Sent, i: int) -> int:
    """Where the verb group of the verb at token `i` starts: its auxiliaries and
    the adverbs among them ("has also announced")."""
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    start = sent.tokens[i].start
    j = i - 1
    while j >= 0:
        token = sent.tokens[j]
        if _PUNCTUATION.search(sent.text, token.end, start):
            break
        low = token.lower
        if low in lang.auxiliaries:
            start = token.start
        elif not (low in lang.adverbs or patterns.adverb.fullmatch(low) or low == "not"):
            break
        j -= 1
    return start


_PUNCTUATION = re.compile(r"[,;:()“”«»\"—–]")


def _verb_after(sent: _Sent, position: int) -> tuple[int, int] | None:
    """The verb of a subject ending at `position`: (token index, verb group
    start), past the rest of a name ("Boeing Commercial Airplanes", "EADS
    N.V."), brackets ("(EADS)"), an apposition closed by a comma ("Airbus,
    the European maker, has won"), dates and adverbs; None if the next words
    are not a verb, or if the name is a product's ("the Airbus A380 landed")."""
    lang, patterns, text = sent.lang, _patterns(sent.lang.code), sent.text
    cursor = position
    group, auxiliaries, name_tail, apposition = -1, [], 0, False
    # "Airbus, has won" where the name itself stands between commas.
    comma_allowed = _between_commas(sent, position)
    for i, token in enumerate(sent.tokens):
        if token.start < cursor:
            continue
        gap = text[cursor : token.start].strip()
        if gap.startswith(".") and name_tail:
            gap = gap[1:].lstrip()  # "EADS N.V. (EADS)": the name's own period
        if gap.startswith("(") and group < 0:
            cursor = _bracket_end(text, cursor, sent.sentence.end)
            if cursor > token.start:
                continue
            gap = text[cursor : token.start].strip()
        if gap == "," and group < 0 and not apposition:
            apposition = True
            cursor = text.index(",", cursor)  # past a name's own period: "Ltd.,"
            clause = sent.clause_of(token.start)
            if (
                clause is not None
                and clause[0] == token.start
                and sent.text[clause[1] : clause[1] + 1] == ","
            ):
                cursor = clause[1] + 1  # "Stubb, who met Macron in January, said"
                continue
            after = _past_apposition(sent, cursor)
            if after != cursor:
                cursor = after
                continue
            if not comma_allowed:
                return None
            gap = ""
        low = token.lower
        if gap in ("'", "’") and low == "s" and group < 0:
            cursor = token.end  # "Russia's troops": the troops' verb is Russia's
            continue
        if gap and not (gap == "." and name_tail):
            return None
        date = sent.in_date(token.start)
        if date is not None:
            cursor = date.end
            continue
        if low in lang.adverbs or patterns.adverb.fullmatch(low) or low == "not":
            cursor = token.end
            continue
        if low in lang.auxiliaries:
            group = token.start if group < 0 else group
            auxiliaries.append(low)
            cursor = token.end
            continue
        if sent.quoted(token.start):
            return None
        through = _agent_noun_end(sent, i) if group < 0 and not token.capitalised else None
        if through is not None:
            cursor = through  # "Israeli troops fired": the name acts through them
            continue
        if (token.capitalised or any(ch.isdigit() for ch in low)) and group < 0:
            if any(ch.isdigit() for ch in low):
                return None  # "the Airbus A380 landed": a product, not the company
            if name_tail >= 3 or low in _words_of(lang.code):
                return None
            name_tail += 1  # the rest of a name the register knows in part
            cursor = token.end
            continue
        return _verb_here(sent, i, group, auxiliaries)
    return None


def _agent_noun_end(sent: _Sent, i: int) -> int | None:
    """Where "troops" ends in "Israeli peacekeeping troops", starting at token
    `i`: an agent noun of the language within three words, none of them a verb."""
    lang = sent.lang
    for k in range(i, min(i + 3, len(sent.tokens))):
        token = sent.tokens[k]
        if k > i and _PUNCTUATION.search(sent.text, sent.tokens[k - 1].end, token.start):
            return None
        low = token.lower
        if low in lang.agent_nouns:
            return token.end
        if token.capitalised or low in lang.auxiliaries or _plain_verb(sent, token):
            return None
        patterns = _patterns(lang.code)
        if patterns.finite_verb.fullmatch(low) and not patterns.ambiguous_verb.fullmatch(low):
            return None  # "Apple Corps lost its court case": "lost" is the verb
    return None


def _between_commas(sent: _Sent, position: int) -> bool:
    """Whether the name ending at `position` opened after a comma or closed an
    apposition ("the manufacturer, Airbus, has won"; "Djamal, minister of
    transport, has recommended")."""
    for mention in sent.mentions:
        if mention.outer[1] == position:
            if mention.span_end > mention.end:
                return True
            before = sent.text[sent.sentence.start : mention.outer[0]].rstrip()
            title = sent.text[mention.outer[0] : mention.start].rstrip()
            return before.endswith(",") or title.endswith(",")
    return False


def _bracket_end(text: str, start: int, end: int) -> int:
    """The offset after the bracket that opens at or after `start`."""
    opening = text.find("(", start, end)
    closing = text.find(")", opening, end) if opening >= 0 else -1
    return closing + 1 if closing >= 0 else end


def _verb_here(sent: _Sent, i: int, group: int, auxiliaries: list[str]) -> tuple[int, int] | None:
    """Token `i` as the verb after a subject and its `auxiliaries`, or None."""
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    low = sent.tokens[i].lower
    if low in _words_of(lang.code):
        return None
    if group >= 0:
        after_modal = auxiliaries[-1] in lang.modals
        if after_modal or lang.verb_kind(low) or patterns.participle.fullmatch(low):
            return i, group
        if lang.participle_last:
            last = _closing_participle(sent, i)
            return (last, group) if last is not None else None
        return None  # "have options", "has been the deal's critic"
    if lang.verb_kind(low):
        return i, sent.tokens[i].start
    if low in lang.base_verbs:
        follows = _complement_follows(sent, i, lang.infinitive_markers)
        return (i, sent.tokens[i].start) if follows else None
    if not patterns.finite_verb.fullmatch(low):
        return None
    if patterns.ambiguous_verb.fullmatch(low) and not _complement_follows(sent, i):
        return None  # "Apple engineers at", "Air Canada orders for"
    return i, sent.tokens[i].start


def _closing_participle(sent: _Sent, i: int) -> int | None:
    """The participle that closes a clause from token `i` ("hat am Freitag in
    München erklärt"), before a comma or the sentence's end."""
    patterns = _patterns(sent.lang.code)
    for k in range(i, len(sent.tokens)):
        token = sent.tokens[k]
        if k > i and _PUNCTUATION.search(sent.text, sent.tokens[k - 1].end, token.start):
            return None
        if sent.in_date(token.start) or token.capitalised:
            continue
        if patterns.participle.fullmatch(token.lower) or sent.lang.verb_kind(token.lower):
            return k
    return None


def _complement_follows(sent: _Sent, i: int, also: frozenset[str] = frozenset()) -> bool:
    """Whether a that-clause, a noun phrase or a pronoun follows token `i`."""
    if i + 1 >= len(sent.tokens) or _PUNCTUATION.search(
        sent.text, sent.tokens[i].end, sent.tokens[i + 1].start
    ):
        return False
    lang = sent.lang
    following = sent.tokens[i + 1].lower
    return following in lang.complementizers | lang.determiners | lang.object_openers | also


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


def _past_apposition(sent: _Sent, comma: int) -> int:
    """After "Airbus" in "Airbus, the European maker, has won": the offset after
    the closing comma when a verb follows it, else `comma` unchanged."""
    close = _next_comma(sent, comma + 1, sent.sentence.end)
    if close >= sent.sentence.end or close - comma > 160 or sent.text[close] != ",":
        return comma
    inside = [t for t in sent.tokens if comma < t.start < close]
    if not inside or any(
        (sent.lang.verb_kind(t.lower) and not _compound(sent, t))
        or t.lower in sent.lang.auxiliaries
        for t in inside
    ):
        return comma
    return close + 1 if _verb_after(sent, close + 1) is not None else comma


def _passive(sent: _Sent, group_start: int, i: int) -> bool:
    """Whether the verb group ends in a passive auxiliary and a participle ("was
    selected", "have been delayed"), not a progressive ("is planning")."""
    verb = sent.tokens[i]
    before = [t.lower for t in sent.words_between(group_start, verb.start)]
    auxiliaries = [w for w in before if w in sent.lang.auxiliaries]
    following = [t.lower for t in sent.tokens if t.start >= verb.end][:1]
    return bool(
        auxiliaries
        and auxiliaries[-1] in sent.lang.passive_auxiliaries
        and not verb.lower.endswith("ing")
        # "is expected to visit": the subject is the infinitive's
        and not (following and following[0] in sent.lang.infinitive_markers)
    )


def _tense(sent: _Sent, group_start: int, i: int) -> str:
    """The tense of the verb group from `group_start` to the verb at token `i`."""
    verb = sent.tokens[i]
    words = sent.words_between(group_start, verb.end)
    if any(t.lower in sent.lang.pluperfect_auxiliaries for t in words[:-1]):
        return PLUPERFECT
    auxiliaries = [t.lower for t in words[:-1] if t.lower in sent.lang.auxiliaries]
    if (
        auxiliaries
        and auxiliaries[-1] in sent.lang.perfect_auxiliaries
        and not (verb.lower.endswith("ing"))
    ):
        return PERFECT  # "has won", "a rencontré", "hat erklärt", "ha incontrato"
    found = _patterns(sent.lang.code).tense.search(sent.text, group_start, verb.end)
    while found is not None and found.lastgroup == "neutral":
        found = _patterns(sent.lang.code).tense.search(sent.text, found.end(), verb.end)
    if found is None:
        present = verb.lower in sent.lang.base_verbs or (
            _patterns(sent.lang.code).finite_verb.fullmatch(verb.lower)
            and not verb.lower.endswith("ed")
        )
        return PRESENT if present and not auxiliaries else ""
    return {"future": FUTURE, "perfect": PERFECT, "present": PRESENT, "past": PAST}.get(
        found.lastgroup or "", ""
    )


def _subject(sent: _Sent, predicate: Predicate, memory: _Memory) -> tuple[list[int], str]:
    verb = sent.tokens[predicate.index]
    agent = _passive_agent(sent, verb)
    if agent is not None:
        return [agent], "agent"
    if predicate.passive:
        return [], ""  # "Boeing was defeated": Boeing is acted on
    own = sent.clause_of(verb.start)
    before = [
        m
        for m in _outermost(sent.mentions)
        if m.outer[1] <= predicate.group_start
        and not sent.quoted(m.start)
        and sent.clause_of(m.start) == own
        and not _after_preposition(sent, m)
    ]
    if before:
        last = before[-1]
        if _next_to(sent, last.outer[1], predicate):
            chain = [last]
            coordination = _patterns(sent.lang.code).coordination
            for mention in reversed(before[:-1]):
                between = sent.text[mention.outer[1] : chain[-1].outer[0]]
                if coordination.fullmatch(between) is None:
                    break
                chain.append(mention)
            return _unique(m.actor_id for m in reversed(chain)), "name"
    speech = predicate.speech
    pronouns = sent.lang.pronouns
    near = [t for t in sent.words_between(verb.start - 40, verb.start) if not sent.quoted(t.start)]
    near = near[-2:]
    if memory.last_speaker is not None and any(t.lower in pronouns for t in near):
        return [memory.last_speaker], "pronoun"
    if speech:
        after = [m for m in sent.mentions if m.outer[0] >= verb.end and not sent.quoted(m.start)]
        if after and len(sent.words_between(verb.end, after[0].outer[0])) <= 1:
            return [after[0].actor_id], "after"
    if memory.last_organisation is not None and _refers_back(sent, predicate):
        return [memory.last_organisation], "reference"
    if speech and memory.last_speaker is not None and _unsaid_subject(sent, verb):
        return [memory.last_speaker], "pronoun"
    return [], ""


def _next_to(sent: _Sent, end: int, predicate: Predicate) -> bool:
    """Whether a subject ending at `end` is the verb group's: only adverbs,
    dates, brackets, a title or an apposition closed by a comma between."""
    if _verb_after(sent, end) is not None and _verb_after(sent, end)[0] == predicate.index:  # type: ignore[index]
        return True
    gap = sent.words_between(end, predicate.group_start)
    between = sent.text[end : predicate.group_start]
    if "," in between and not between.rstrip().endswith(",") and not _between_commas(sent, end):
        return False  # "… talks with Ukraine, a Romanian official said"
    lang, patterns = sent.lang, _patterns(sent.lang.code)
    # Only words that stand between a subject and its verb: "Meloni, se reunió",
    # not "the Ukraine case is set".
    small = all(
        t.capitalised
        or sent.in_date(t.start)
        or sent.clause_of(t.start) is not None
        or t.lower in lang.adverbs | lang.implicit_subject_words
        or patterns.adverb.fullmatch(t.lower)
        for t in gap
    )
    return (
        small
        and len(gap) <= _MAX_SUBJECT_GAP
        and not _breaks(sent, gap, end, predicate.group_start)
    )


def _patient(sent: _Sent, predicate: Predicate) -> tuple[int, int] | None:
    """What a passive verb acts on: the noun phrase right before it, back to its
    article ("a rare press conference held by Apple", "the figures were released")."""
    before = [t for t in sent.tokens if t.end <= predicate.group_start][-6:]
    for k in range(len(before) - 1, -1, -1):
        token = before[k]
        nxt = before[k + 1].start if k + 1 < len(before) else predicate.group_start
        if _PUNCTUATION.search(sent.text, token.end, nxt):
            return None
        if token.lower in sent.lang.determiners | sent.lang.object_openers:
            return token.start, before[-1].end
    return None


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


def _refers_back(sent: _Sent, predicate: Predicate) -> bool:
    """ "The company claims …", "The airline, which …, signed": a definite noun
    that names no one stands for the last organisation named."""
    lang = sent.lang
    words = [
        t
        for t in sent.tokens
        if t.end <= predicate.group_start
        and sent.clause_of(t.start) is None
        and not sent.in_date(t.start)
    ]
    if len(words) < 2 or words[-1].lower not in lang.reference_nouns:
        return False
    return words[-2].lower in lang.determiners and len(words) <= 3


def _unsaid_subject(sent: _Sent, verb: Token) -> bool:
    """Whether a language that leaves subjects unsaid does so here: nothing but
    auxiliaries, clitics and sentence adverbs before the verb ("Además, ha
    añadido que"). Speech only: an action verb often comes before its subject
    in these languages ("Llegó la delegación")."""
    allowed = sent.lang.implicit_subject_words
    words = [t for t in sent.tokens if t.start < verb.start and not sent.quoted(t.start)]
    return bool(allowed) and all(t.lower in allowed for t in words)


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


def _regions(sent: _Sent, verb: Token, speech: bool) -> tuple[tuple[int, int], tuple[int, int]]:
    """(content, main): what was said or done, and the clause that reports it."""
    start, end = sent.sentence.start, sent.sentence.end
    leading = [q for q in sent.quotes if q[1] <= verb.start]
    if speech and leading and sent.text[start : leading[0][0]].strip() == "":
        return (leading[0][0], leading[-1][1]), (leading[-1][1], end)
    return ((verb.end if speech else verb.start), end), (start, verb.end)


def _recipients(
    sent: _Sent, verb: Token, initiators: list[int], content: tuple[int, int]
) -> list[int]:
    """The addressee or object: the first actor right after the verb or after an
    article ("give Tanzania", "support a U.N. resolution"), or after "with", "to",
    "against" and up to two more words ("aid to war-torn Mozambique"); in reported
    words, the object of what was said ("says it will withdraw from Lebanon").
    Actors coordinated with it are recipients too ("between Syria and Arafat")."""
    venue = _venue_span(sent)
    own = sent.clause_of(verb.start)
    candidates = [
        m
        for m in _outermost(sent.mentions)
        if (m.start >= verb.end or content[0] <= m.start < content[1])
        and m.actor_id not in initiators
        and not venue[0] <= m.start < venue[1]  # "alla Conferenza di Monaco": where
        and sent.clause_of(m.start) == own
        and not sent.quoted(m.start)
    ]
    for n, mention in enumerate(candidates):
        reported = content[0] <= mention.start < content[1] and content[0] >= verb.end
        if _object_of(sent, verb, mention, reported and _reporting(sent, verb)):
            chain = [mention]
            coordination = _patterns(sent.lang.code).coordination
            for other in candidates[n + 1 :]:
                if coordination.fullmatch(sent.text[chain[-1].outer[1] : other.outer[0]]) is None:
                    break
                chain.append(other)
            return _unique(m.actor_id for m in chain if m.actor_id not in initiators)
    return []


_MAX_OBJECT_GAP = 3


def _reporting(sent: _Sent, verb: Token) -> bool:
    return sent.lang.verb_kind(verb.lower) == SPEECH


def _object_of(sent: _Sent, verb: Token, mention: Mention, reported: bool) -> bool:
    """Whether `mention` is the verb's object or addressee (or, in `reported`
    words, the object of what was said). Not when a verb of its own follows it:
    then it is the subject of the reported words ("said Finland would regret")."""
    lang = sent.lang
    if _verb_after(sent, mention.outer[1]) is not None:
        return False
    # A date between the verb and its object does not part them: "a rencontré
    # vendredi Giorgia Meloni", "ha incontrato ieri il presidente".
    gap = [t for t in sent.words_between(verb.end, mention.outer[0]) if not sent.in_date(t.start)]
    if reported:
        # In the reported words, the object of what was said: "said (that) it
        # will support a U.N. resolution" is about the resolution.
        openers = [k for k, t in enumerate(gap) if t.lower in lang.complementizers]
        gap = gap[openers[-1] + 1 :] if openers else gap
        verbs = [
            k for k, t in enumerate(gap) if t.lower in lang.auxiliaries or _plain_verb(sent, t)
        ]
        if verbs:
            last = verbs[-1] + (1 if gap[verbs[-1]].lower in lang.auxiliaries else 0)
            gap = gap[last + 1 :]
    if _breaks(sent, gap, gap[0].start if gap else mention.outer[0], mention.outer[0]):
        return False
    near = gap[-_MAX_OBJECT_GAP:]
    if len(gap) > _MAX_OBJECT_GAP + 2 and not any(t.lower in lang.prepositions for t in near):
        return False
    for k, token in enumerate(reversed(near)):
        low = token.lower
        if low in lang.prepositions and low not in lang.agent_prepositions:
            return True  # "with", "to", "con el presidente finlandés, Alexander Stubb"
        if low in lang.auxiliaries or _plain_verb(sent, token) or (token.capitalised and k):
            return False
    # A direct object: nothing, or an article and maybe one adjective, between.
    opener = lang.determiners | lang.object_openers
    return not gap or (gap[0].lower in opener and len(gap) <= 2 and not gap[-1].capitalised)


def _venue_span(sent: _Sent) -> tuple[int, int]:
    """Where the sentence names the place of a statement, or an empty span."""
    found = _patterns(sent.lang.code).venue.search(
        sent.text, sent.sentence.start, sent.sentence.end
    )
    return found.span(1) if found else (0, 0)


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


def _unique(ids: Iterable[int]) -> list[int]:
    seen: list[int] = []
    for actor_id in ids:
        if actor_id not in seen:
            seen.append(actor_id)
    return seen
