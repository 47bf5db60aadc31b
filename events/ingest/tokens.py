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

from events.models.text import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists read better so)."""
    return frozenset(words.split())


# Russian case endings, longest first. Stripping them (twice at most, keeping
# a stem of four letters) makes "Лаврова", "Лавровым" and "Лавров" one key, and
# "России" and "Россия" another. It over-stems common words, which is harmless
# here: keys are only compared with the register's names.
_RU_ENDINGS = sorted(
    wordset(
        "ого его ому ему ыми ими ами ями ией иям иях ой ей ий ый ая яя ое ее ую юю ым им "
        "ом ем ам ям ах ях ов ев ию ии ия еи ои ыи а я у ю е ы и о ь й"
    ),
    key=len,
    reverse=True,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str

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
    """The form a word is matched by: folded, and for Russian without its case ending."""
    key = fold(word)
    if _CYRILLIC.search(key):
        key = _ru_stem(key)
    return key


def _ru_stem(word: str) -> str:
    for _ in range(2):
        for ending in _RU_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


def name_keys(name: str) -> tuple[str, ...]:
    """The keys of a register name, as the text's tokens would give them."""
    return tuple(word_key(m.group()) for m in _WORD.finditer(name))


def tokens_within(tokens: list[Token], starts: list[int], start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], sliced from the article's tokens (`starts` are theirs)."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return [t for t in tokens[first:last] if t.end <= end]
