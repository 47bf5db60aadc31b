"""Subordinate clauses: brackets, relative clauses, appositions, an opening
adverbial clause and a trailing participle. A verb, a subject or a date in one
belongs to it, not to the sentence."""

from __future__ import annotations

import re

from events.ingest.statements.text import (
    _BRACKETS,
    _bracket_end,
    _next_comma,
    _outermost,
    _Sent,
)
from events.ingest.statements.verbs import (
    _past_apposition,
)
from events.ingest.tokens import Token


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


_NAME_TAIL = re.compile(r"(?:\s+[A-Z][\w&]*\.?){1,3}")


def _name_end(sent: _Sent, position: int) -> int:
    """Past the rest of a name the register knows in part: "AirTanker Ltd."."""
    tail = _NAME_TAIL.match(sent.text, position, sent.sentence.end)
    return tail.end() if tail and sent.text[tail.end() : tail.end() + 1] == "," else position


def _ends_mention(sent: _Sent, token: Token) -> bool:
    return any(0 <= token.start - m.outer[1] <= 1 for m in sent.mentions)
