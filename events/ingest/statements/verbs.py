"""The verb of a statement: found in the language's verb lists or by its place
right after a named subject, with its auxiliaries, tense and voice."""

from __future__ import annotations

from dataclasses import dataclass

from events.ingest.lang.language import SPEECH
from events.ingest.statements.text import (
    _PUNCTUATION,
    _after_preposition,
    _bracket_end,
    _compound,
    _next_comma,
    _outermost,
    _passive_agent,
    _patterns,
    _plain_verb,
    _Sent,
    _words_of,
)

# Tenses of a predicate's verb group, as far as dating it goes.
PAST, PERFECT, PRESENT, FUTURE, PLUPERFECT = "past", "perfect", "present", "future", "pluperfect"


@dataclass(frozen=True, slots=True)
class Predicate:
    index: int  # token index in the sentence
    word: str
    speech: bool  # a reporting verb: what follows is what was said
    group_start: int = -1  # where its verb group starts: the first auxiliary ("has", "will")
    tense: str = ""  # PAST, PERFECT, PRESENT, FUTURE, PLUPERFECT or "" (not told)
    passive: bool = False  # "was selected": the subject is acted on


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
