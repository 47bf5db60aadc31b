"""Words with their character offsets, and the keys names are matched by.

Matching works on tokens rather than on raw strings so that offsets into the
source text stay exact (folding can change a string's length: "ß" → "ss")
and so that "Macron's", "d'Emmanuel Macron" and "Jean-Michel" split the same
way in the text and in the register.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from events.ingest.lang import LANGUAGES
from events.models.text import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A register name may appear in an article of any language, so every
# language's name inflection applies to every word (each leaves words of other
# scripts unchanged): "Лаврова" in a French article is still Lavrov.
_INFLECTIONS = tuple(
    language.name_inflection for language in LANGUAGES.values() if language.name_inflection
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str

    @property
    def lower(self) -> str:
        """The word in lower case, as a language's word lists hold it ("après", "которая");
        the key is for names only: folding makes "à" the verb "a"."""
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end], with offsets into `text`."""
    return [
        Token(m.group(), m.start(), m.end(), word_key(m.group()))
        for m in _WORD.finditer(text, start, len(text) if end is None else end)
    ]


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The form a word is matched by: folded, and without its case ending where
    names inflect (Russian)."""
    key = fold(word)
    for inflect in _INFLECTIONS:
        key = inflect(key)
    return key


def name_keys(name: str) -> tuple[str, ...]:
    """The keys of a register name, as the text's tokens would give them."""
    return tuple(word_key(m.group()) for m in _WORD.finditer(name))


def tokens_within(tokens: list[Token], starts: list[int], start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], sliced from the article's tokens (`starts` are theirs)."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return [t for t in tokens[first:last] if t.end <= end]
