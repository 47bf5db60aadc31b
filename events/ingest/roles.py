"""A person's role as the article words it: "French President" before the
name, or an apposition after it ("Kirill Dmitriev, head of the Russian Direct
Investment Fund, ...").

A title is built on a head noun of the article's language ("President",
"ministre", "Kanzler"), with the words its language puts around it.
"""

from __future__ import annotations

import itertools
import re

from events.ingest.lang import Language, get_language
from events.ingest.sentences import leaves_sentence_open
from events.ingest.tokens import Token

_STOP = re.compile(r"[,;:()\[\]\"“”«»—–]|\s-\s")
_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")
_SENTENCE_END = re.compile(r"[.!?…]")
_MAX_TITLE_WORDS = 8
_MAX_APPOSITION = 200


def role_before(
    text: str, tokens: list[Token], first: int, language: str, *, name_end: int | None = None
) -> tuple[int, int] | None:
    """The title right before the name at token `first`: (start, end) or None.

    Given where the name ends, a title set off by commas counts too: "el
    ministro ruso, Serguéi Lavrov, dijo", "the French president, Emmanuel
    Macron, said"."""
    lang = get_language(language)
    bracketed = name_end is not None and _COMMA.match(text, name_end) is not None
    chain: list[Token] = []
    j = first - 1
    while j >= 0 and len(chain) < _MAX_TITLE_WORDS:
        token = tokens[j]
        gap = text[token.end : (chain[-1] if chain else tokens[first]).start]
        opening_comma = bracketed and not chain and _COMMA.fullmatch(gap) is not None
        if not opening_comma and (_STOP.search(gap) or "\n" in gap):
            break
        if _SENTENCE_END.match(gap) and not _open(token, lang):
            break  # "... la Unión Europea. La primera ministra italiana, Giorgia Meloni"
        if not (_title_word(token, lang) or _before_head(text, tokens, j, lang)):
            break
        chain.append(token)
        j -= 1
    chain.reverse()
    # Leading articles and prepositions are not part of the title.
    while chain and chain[0].text.lower() in lang.title_modifiers and not chain[0].capitalised:
        chain.pop(0)
    heads = [k for k, t in enumerate(chain) if t.text.lower() in lang.title_heads]
    if not heads:
        return None
    chain = _from_sentence_word(chain, lang)
    if not chain:
        return None
    return chain[0].start, chain[-1].end


def _open(token: Token, lang: Language) -> bool:
    """Whether a period after `token` leaves the sentence open ("U.S. President")."""
    return leaves_sentence_open(token.text, lang.all_abbreviations, lang.dates.dotted_days)


def _title_word(token: Token, lang: Language) -> bool:
    lower = token.text.lower()
    return token.capitalised or lower in lang.title_heads or lower in lang.title_modifiers


def _before_head(text: str, tokens: list[Token], j: int, lang: Language) -> bool:
    """A lower-case word right after a title's head: "président français"."""
    for k in (j - 1, j - 2):
        if k < 0 or _STOP.search(text[tokens[k].end : tokens[j].start]):
            return False
        if tokens[k].text.lower() in lang.title_heads:
            return True
    return False


def _from_sentence_word(chain: list[Token], lang: Language) -> list[Token]:
    """Drop a leading determiner written with a capital at a sentence start."""
    while chain and chain[0].text.lower() in lang.determiners:
        chain = chain[1:]
    return chain


def role_after(text: str, end: int, language: str) -> tuple[int, int] | None:
    """An apposition right after the name that starts with a title noun."""
    heads = get_language(language).title_heads
    match = re.match(r",\s+", text[end:])
    if match is None:
        return None
    start = end + match.end()
    stop = _apposition_end(text, start)
    if stop is None:
        return None
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[start:stop])
    if not any(w.lower() in heads for w in words[:4]):
        return None
    # "Macron, Finnish President Alexander Stubb and ..." lists another person.
    for word, nxt in itertools.pairwise(words):
        if word.lower() in heads and nxt[:1].isupper():
            return None
    return start, stop


def _apposition_end(text: str, start: int) -> int | None:
    """The end of an apposition: the next comma outside parentheses."""
    depth = 0
    for i in range(start, min(len(text), start + _MAX_APPOSITION)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in '.;:\n"“”' and depth == 0:
            return None
        elif ch == "," and depth == 0:
            return i
    return None
