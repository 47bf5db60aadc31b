"""Names in an article that look like people or organisations but are not in
the register: suggestions for an editor, never actors created behind their back.

A run of capitalised words is a person when a title precedes it ("CEO Ron
Sugar"), an apposition with a title follows it, or a reporting verb follows it
("Paul Nesbit said"); it is an organisation when it ends with a word such as
Ministry, Party or Fund. Anything else (places, treaties, events) is left
alone: a missed suggestion costs less than an editor's time on noise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from events.ingest.actors import Mention
from events.ingest.roles import HEADS, role_after, role_before
from events.ingest.tokens import Token, tokenize, wordset
from events.ingest.verbs import predicate_kind

_ORG_HEADS = wordset(
    """ministry party fund council committee agency bank union organization organisation
    corporation company group army court parliament commission association institute university
    front movement office department service alliance league federation senate congress inc
    corp ltd airlines brigade guard police navy government cabinet"""
)
_NOT_ACTORS = wordset(
    """treaty agreement act accord convention conference summit games cup day war crisis
    accords law bill resolution plan programme program initiative"""
)
_CONNECTORS = wordset("of for de du des für der al bin van von la le")
_SKIP = wordset(
    """the a an this that these those it he she they we i in on at but and or if when while
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december le la les un une der die das ein"""
)


@dataclass(frozen=True, slots=True)
class NameSuggestion:
    name: str
    kind: str  # "person" or "organization"
    role_words: str
    start: int
    end: int


def suggest_names(
    text: str, mentions: list[Mention], language: str, tokens: list[Token] | None = None
) -> list[NameSuggestion]:
    """Unregistered names that look like people or organisations, once each."""
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    taken = _Spans([m.outer for m in mentions])
    found: dict[str, NameSuggestion] = {}
    for run in _capitalised_runs(text, tokens):
        if taken.overlap(run[0].start, run[-1].end):
            continue
        suggestion = _classify(text, tokens, starts, run, language)
        if suggestion is not None:
            found.setdefault(suggestion.name.casefold(), suggestion)
    return list(found.values())


class _Spans:
    """Spans of text, merged and sorted, to ask whether a range touches one:
    a bisection rather than a scan (a scan per name was quadratic on long texts)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlap(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps one of the spans."""
        i = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.ends[i] > start


def _capitalised_runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    run: list[Token] = []
    for i, token in enumerate(tokens):
        joined = run and re.fullmatch(r"[ \t]|[ \t]?[-'’][ \t]?", text[run[-1].end : token.start])
        connector = (
            run
            and token.text.lower() in _CONNECTORS
            and i + 1 < len(tokens)
            and tokens[i + 1].capitalised
        )
        if (token.capitalised or connector) and (joined or not run):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = [token] if token.capitalised else []
    if run:
        runs.append(run)
    return [_trim(r) for r in runs if _trim(r)]


def _trim(run: list[Token]) -> list[Token]:
    while run and (run[0].text.lower() in _SKIP or run[0].text.lower() in _CONNECTORS):
        run = run[1:]
    while run and run[-1].text.lower() in _CONNECTORS:
        run = run[:-1]
    # "Northrop Grumman CEO Ron Sugar": the name is after the title.
    heads = [k for k, t in enumerate(run) if t.text.lower() in HEADS]
    return run[heads[-1] + 1 :] if heads else run


def _classify(
    text: str, tokens: list[Token], starts: list[int], run: list[Token], language: str
) -> NameSuggestion | None:
    words = [t.text.lower() for t in run]
    if any(w in _NOT_ACTORS for w in words) or any(w in _SKIP for w in words):
        return None
    start, end = run[0].start, run[-1].end
    name = text[start:end]
    if (words[-1] in _ORG_HEADS or words[0] in _ORG_HEADS) and len(run) >= 2:
        return NameSuggestion(name, "organization", "", start, end)
    if not 2 <= len(run) <= 4 or any(t.all_caps or not t.text.isalpha() for t in run):
        return None
    first = bisect_left(starts, run[0].start)
    title = role_before(text, tokens, first, language)
    after = role_after(text, end, language)
    role = text[title[0] : title[1]] if title else (text[after[0] : after[1]] if after else "")
    nxt = tokens[first + len(run)] if first + len(run) < len(tokens) else None
    says = nxt is not None and predicate_kind(nxt.text.lower(), language) == "speech"
    if role or says:
        return NameSuggestion(name, "person", role[:200], start, end)
    return None
