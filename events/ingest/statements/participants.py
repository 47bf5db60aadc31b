"""Who acts and on whom: the subject of the verb (a name, a pronoun, "the
company", a passive agent) and its object or addressee."""

from __future__ import annotations

from dataclasses import dataclass

from events.ingest.actors import Mention
from events.ingest.statements.text import (
    _PUNCTUATION,
    _after_preposition,
    _breaks,
    _outermost,
    _passive_agent,
    _patterns,
    _plain_verb,
    _Sent,
    _unique,
)
from events.ingest.statements.verbs import (
    Predicate,
    _between_commas,
    _verb_after,
)
from events.ingest.tokens import Token

_MAX_SUBJECT_GAP = 4


@dataclass
class _Memory:
    """What earlier sentences tell about later ones."""

    last_speaker: int | None = None  # the last person named: "he"
    last_organisation: int | None = None  # "the company"


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
    after = _verb_after(sent, end)
    if after is not None and after[0] == predicate.index:
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


def _recipients(
    sent: _Sent, predicate: Predicate, initiators: list[int], content: tuple[int, int]
) -> list[int]:
    """The addressee or object: the first actor right after the verb or after an
    article ("give Tanzania", "support a U.N. resolution"), or after "with", "to",
    "against" and up to two more words ("aid to war-torn Mozambique"); in reported
    words, the object of what was said ("says it will withdraw from Lebanon").
    Actors coordinated with it are recipients too ("between Syria and Arafat")."""
    verb = sent.tokens[predicate.index]
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
        if _object_of(sent, verb, mention, reported and predicate.speech):
            chain = [mention]
            coordination = _patterns(sent.lang.code).coordination
            for other in candidates[n + 1 :]:
                if coordination.fullmatch(sent.text[chain[-1].outer[1] : other.outer[0]]) is None:
                    break
                chain.append(other)
            return _unique(m.actor_id for m in chain if m.actor_id not in initiators)
    return []


_MAX_OBJECT_GAP = 3


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
