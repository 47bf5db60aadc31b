"""Names in an article that look like people or organisations but are not in
the register: suggestions for an editor, never actors created behind their back.

A run of capitalised words is a person when a title precedes it ("CEO Ron
Sugar"), an apposition with a title follows it, or a reporting verb follows it
("Paul Nesbit said"); it is an organisation when it ends with a word such as
Ministry, Party or Fund (or starts with one: "Ministerio de Defensa"); the words
are the article's language's. Anything else (places, treaties, events) is left
alone: a missed suggestion costs less than an editor's time on noise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from events.ingest.actors import Mention
from events.ingest.lang import Language, get_language
from events.ingest.lang.language import SPEECH, words
from events.ingest.roles import role_after, role_before
from events.ingest.tokens import Token, tokenize

# Particles of personal names, written so in every language's news
# ("Mohammed bin Salman", "Ursula von der Leyen", "Charles de Gaulle").
_PARTICLES = words("al bin van von der de du des la le")


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
    lang = get_language(language)
    tokens = tokenize(text) if tokens is None else tokens
    starts = [t.start for t in tokens]
    taken = _Spans([m.outer for m in mentions])
    found: dict[str, NameSuggestion] = {}
    for run in _capitalised_runs(text, tokens, lang):
        if taken.overlap(run[0].start, run[-1].end):
            continue
        suggestion = _classify(text, tokens, starts, run, lang)
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


def _capitalised_runs(text: str, tokens: list[Token], lang: Language) -> list[list[Token]]:
    connectors = _PARTICLES | lang.name_connectors
    runs: list[list[Token]] = []
    run: list[Token] = []
    for i, token in enumerate(tokens):
        joined = run and re.fullmatch(r"[ \t]|[ \t]?[-'’][ \t]?", text[run[-1].end : token.start])
        connector = (
            run
            and token.text.lower() in connectors
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
    trimmed = (_trim(r, lang, connectors) for r in runs)
    return [run for run in trimmed if run]


def _trim(run: list[Token], lang: Language, connectors: frozenset[str]) -> list[Token]:
    # "Northrop Grumman CEO Ron Sugar": the name is after the title, and a
    # title's complement is not part of it ("Secretary of Defense Robert Gates",
    # "Bürgermeister von Vahrn Andreas Schatzer").
    heads = [k for k, t in enumerate(run) if t.text.lower() in lang.title_heads]
    if heads:
        run = run[heads[-1] + 1 :]
        while len(run) > 2 and run[0].text.lower() in connectors:
            run = run[2:]
    skip = lang.non_name_words
    while run and (run[0].text.lower() in skip or run[0].text.lower() in connectors):
        run = run[1:]
    while run and run[-1].text.lower() in connectors:
        run = run[:-1]
    return run


def _classify(
    text: str, tokens: list[Token], starts: list[int], run: list[Token], lang: Language
) -> NameSuggestion | None:
    lower = [t.text.lower() for t in run]
    if any(w in lang.not_actor_nouns or w in lang.non_name_words for w in lower):
        return None
    start, end = run[0].start, run[-1].end
    name = text[start:end]
    org_heads = lang.organisation_heads
    if (lower[-1] in org_heads or lower[0] in org_heads) and len(run) >= 2:
        return NameSuggestion(name, "organization", "", start, end)
    if not 2 <= len(run) <= 4 or any(t.all_caps or not t.text.isalpha() for t in run):
        return None
    first = bisect_left(starts, run[0].start)
    title = role_before(text, tokens, first, lang.code, name_end=end)
    after = role_after(text, end, lang.code)
    role = text[title[0] : title[1]] if title else (text[after[0] : after[1]] if after else "")
    nxt = tokens[first + len(run)] if first + len(run) < len(tokens) else None
    says = nxt is not None and lang.verb_kind(nxt.text.lower()) == SPEECH
    if role or says:
        return NameSuggestion(name, "person", role[:200], start, end)
    return None
