"""A person's role as the article words it: "French President" before the
name, or an apposition after it ("Kirill Dmitriev, head of the Russian Direct
Investment Fund, ...")."""

from __future__ import annotations

import itertools
import re

from events.ingest.tokens import Token, wordset

# The nouns a title is built on. A run of capitalised words before a name is
# only a title when one of these is in it ("French President", not "Paris").
HEADS = wordset(
    """president minister premier chancellor secretary envoy ambassador spokesman spokeswoman
    spokesperson chief head leader general commander king queen prince princess senator
    governor mayor commissioner chairman chairwoman chair director ceo representative adviser
    advisor lawmaker speaker judge pope emir sheikh ayatollah sultan colonel captain admiral
    marshal counterpart diplomat negotiator official analyst analysist
    président présidente ministre chancelier chancelière secrétaire envoyé ambassadeur
    porte-parole chef dirigeant dirigeante général roi reine maire commissaire directeur
    präsident präsidentin kanzler kanzlerin bundeskanzler minister ministerin außenminister
    außenministerin premierminister ministerpräsident botschafter sprecher sprecherin
    generalsekretär staatschef regierungschef könig
    президент министр премьер глава канцлер посол спикер представитель председатель секретарь
    генсек директор мэр губернатор король генерал"""
)
# Lower-case words a title may hold besides its head ("foreign", "affaires").
MODIFIERS = wordset(
    """prime foreign defence defense interior finance economy trade special presidential deputy
    vice acting former state affairs of for the envoy general
    premier ministre affaires étrangères des de du la adjoint
    des der für auswärtigen
    иностранных дел обороны финансов по вице"""
)
_STOP = re.compile(r"[,;:()\[\]\"“”«»—–]|\s-\s")
_MAX_TITLE_WORDS = 8
_MAX_APPOSITION = 200


def role_before(
    text: str, tokens: list[Token], first: int, language: str
) -> tuple[int, int] | None:
    """The title right before the name at token `first`: (start, end) or None."""
    chain: list[Token] = []
    j = first - 1
    while j >= 0 and len(chain) < _MAX_TITLE_WORDS:
        token = tokens[j]
        gap = text[token.end : (chain[-1] if chain else tokens[first]).start]
        if _STOP.search(gap) or "\n" in gap:
            break
        if not (_title_word(token) or _before_head(text, tokens, j)):
            break
        chain.append(token)
        j -= 1
    chain.reverse()
    # Leading articles and prepositions are not part of the title.
    while chain and chain[0].text.lower() in MODIFIERS and not chain[0].capitalised:
        chain.pop(0)
    heads = [k for k, t in enumerate(chain) if t.text.lower() in HEADS]
    if not heads:
        return None
    chain = _from_sentence_word(chain)
    if not chain:
        return None
    return chain[0].start, chain[-1].end


def _title_word(token: Token) -> bool:
    lower = token.text.lower()
    return token.capitalised or lower in HEADS or lower in MODIFIERS


def _before_head(text: str, tokens: list[Token], j: int) -> bool:
    """A lower-case word right after a title's head: "président français"."""
    for k in (j - 1, j - 2):
        if k < 0 or _STOP.search(text[tokens[k].end : tokens[j].start]):
            return False
        if tokens[k].text.lower() in HEADS:
            return True
    return False


def _from_sentence_word(chain: list[Token]) -> list[Token]:
    """Drop a leading determiner written with a capital at a sentence start."""
    while chain and chain[0].text.lower() in {"the", "le", "la", "der", "die", "das"}:
        chain = chain[1:]
    return chain


def role_after(text: str, end: int, language: str) -> tuple[int, int] | None:
    """An apposition right after the name that starts with a title noun."""
    match = re.match(r",\s+", text[end:])
    if match is None:
        return None
    start = end + match.end()
    stop = _apposition_end(text, start)
    if stop is None:
        return None
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[start:stop])
    if not any(w.lower() in HEADS for w in words[:4]):
        return None
    # "Macron, Finnish President Alexander Stubb and ..." lists another person.
    for word, nxt in itertools.pairwise(words):
        if word.lower() in HEADS and nxt[:1].isupper():
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
