"""Find the register's actors in an article.

The index is built once per run from every actor name and alias. Matching is
on word keys (see tokens.py), so it ignores case, diacritics and possessives
("Macron's"), and, for Russian, the usual case endings ("Лаврова"). Acronyms
("EU", "USA", "U.S.") match only in capitals, so "us" is not the United States.
Within an article, a person's surname alone refers back to the person after a
full mention ("Macron added"), and the title words of a person ("French
President") refer back to them too ("The French president called on ...").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from events.ingest.lang import get_language
from events.ingest.roles import role_after, role_before
from events.ingest.tokens import Token, name_keys, tokenize
from events.models import Actor, ActorAlias, ActorKind


@dataclass(frozen=True, slots=True)
class _Name:
    keys: tuple[str, ...]
    actor_id: int
    acronym: bool


@dataclass(frozen=True, slots=True)
class Mention:
    actor_id: int
    start: int  # the name in the text
    end: int
    via: str  # "name", "surname" or "title"
    role_words: str = ""
    # The name with its title and apposition: "French President Emmanuel Macron".
    span_start: int = -1
    span_end: int = -1

    @property
    def outer(self) -> tuple[int, int]:
        return (min(self.start, self.span_start), max(self.end, self.span_end))


@dataclass
class ActorIndex:
    """Every register name by its first word key; build once per run."""

    names: dict[str, list[_Name]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)

    @classmethod
    def from_register(cls) -> ActorIndex:
        """The index of every actor and alias in the database."""
        actors = Actor.objects.values_list("pk", "name", "kind")
        aliases = ActorAlias.objects.values_list("actor_id", "name")
        return cls.build(actors, aliases)

    @classmethod
    def build(
        cls, actors: Iterable[tuple[int, str, str]], aliases: Iterable[tuple[int, str]]
    ) -> ActorIndex:
        index = cls()
        by_first: dict[str, set[_Name]] = defaultdict(set)
        for pk, name, kind in actors:
            index.labels[pk], index.kinds[pk] = name, kind
            index._add(by_first, pk, name)
        for pk, name in aliases:
            index._add(by_first, pk, name)
        # Longest names first: "Russian Direct Investment Fund" before "Russia".
        index.names = {
            key: sorted(names, key=lambda n: -len(n.keys)) for key, names in by_first.items()
        }
        return index

    def _add(self, by_first: dict[str, set[_Name]], pk: int, name: str) -> None:
        keys = name_keys(name)
        if keys:
            acronym = sum(ch.isupper() for ch in name) >= 2 and name.upper() == name
            by_first[keys[0]].add(_Name(keys, pk, acronym))

    def match_at(self, tokens: list[Token], i: int) -> _Name | None:
        """The longest register name starting at token i."""
        for name in self.names.get(tokens[i].key, ()):
            n = len(name.keys)
            window = tokens[i : i + n]
            if len(window) < n or any(t.key != k for t, k in zip(window, name.keys, strict=True)):
                continue
            if name.acronym and not all(t.text.isupper() for t in window):
                continue
            # Names are capitalised in every language we read: a lower-case
            # "union" is a word, not the actor.
            if not window[0].capitalised:
                continue
            return name
        return None


def link_actors(
    text: str, index: ActorIndex, language: str = "en", tokens: list[Token] | None = None
) -> list[Mention]:
    """Every mention of a register actor in `text`, in order."""
    tokens = tokenize(text) if tokens is None else tokens
    mentions: list[Mention] = []
    surnames: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        name = index.match_at(tokens, i)
        if name is not None:
            n = len(name.keys)
            person = index.kinds.get(name.actor_id) == ActorKind.PERSON
            mention = _with_role(text, tokens, i, i + n, name.actor_id, "name", language, person)
            mentions.append(mention)
            if person and n >= 2:
                surnames[name.keys[-1]] = name.actor_id
            i += n
            continue
        actor_id = surnames.get(tokens[i].key)
        if actor_id is not None and tokens[i].capitalised:
            mentions.append(_with_role(text, tokens, i, i + 1, actor_id, "surname", language, True))
        i += 1
    determiners = get_language(language).determiners
    mentions.extend(_title_references(text, tokens, mentions, determiners))
    return sorted(mentions, key=lambda m: m.start)


def _with_role(
    text: str,
    tokens: list[Token],
    first: int,
    stop: int,
    actor_id: int,
    via: str,
    language: str,
    person: bool,
) -> Mention:
    start, end = tokens[first].start, tokens[stop - 1].end
    if not person:  # titles and appositions describe people here
        return Mention(actor_id, start, end, via, "", start, end)
    before = role_before(text, tokens, first, language, name_end=end)
    after = role_after(text, end, language) if before is None else None
    role, span_start, span_end = "", start, end
    if before is not None:
        role, span_start = text[before[0] : before[1]], before[0]
    elif after is not None:
        role, span_end = text[after[0] : after[1]], after[1]
    return Mention(actor_id, start, end, via, role, span_start, span_end)


def _title_references(
    text: str, tokens: list[Token], mentions: list[Mention], determiners: frozenset[str]
) -> list[Mention]:
    """ "The French president" after "French President Emmanuel Macron"."""
    titles: dict[tuple[str, ...], tuple[int, int]] = {}  # keys -> (actor, from offset)
    for mention in mentions:
        if mention.role_words and mention.span_start < mention.start:
            keys = name_keys(mention.role_words)
            titles.setdefault(keys, (mention.actor_id, mention.end))
    if not titles:
        return []
    taken = [m.outer for m in mentions]
    found = []
    for i, token in enumerate(tokens):
        if token.lower not in determiners:
            continue
        for keys, (actor_id, after) in titles.items():
            window = tokens[i + 1 : i + 1 + len(keys)]
            if token.start < after or tuple(t.key for t in window) != keys:
                continue
            nxt = tokens[i + 1 + len(keys)] if i + 1 + len(keys) < len(tokens) else None
            start, end = window[0].start, window[-1].end
            followed_by_name = (
                nxt is not None and nxt.capitalised and text[end : nxt.start].strip() == ""
            )
            if followed_by_name or any(s < end and start < e for s, e in taken):
                continue
            found.append(Mention(actor_id, start, end, "title", text[start:end], start, end))
    return found
