"""Sentence splitting that keeps a quotation whole.

News quotes several sentences and then names the speaker ("… our American
allies," he said at the Munich Security Conference): the quote and its
attribution are one statement, so the splitter does not cut inside quotation
marks. Abbreviations of the text's language ("Sept.", "Mr.") and initials
("U.S.") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.ingest.lang import get_language

_OPENING = "“«„‹"
_CLOSING = "”»“›"
_END = re.compile(r"[.!?…]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Sentences of `text` as offsets, paragraphs numbered from 0."""
    lang = get_language(language)
    abbreviations = _Abbreviations(lang.all_abbreviations, lang.dates.dotted_days)
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(_paragraphs(text)):
        for s, e in _split_paragraph(text, start, end, abbreviations):
            sentences.append(Sentence(s, e, number))
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    words: frozenset[str]
    dotted_days: bool


def _split_paragraph(
    text: str, start: int, end: int, abbreviations: _Abbreviations
) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    inside = False  # within quotation marks
    i = start
    while i < end:
        ch = text[i]
        closing = inside and (ch == '"' or ch in _CLOSING)
        if closing:
            inside = False
            # A quote that ends its sentence: “... will not change.” Macron added
            stop = _sentence_end(text, i - 1, end, abbreviations) if text[i - 1] in ".!?…" else None
            if stop is not None:
                spans.append((cursor, stop))
                cursor = i = _skip_space(text, stop, end)
                continue
        elif ch == '"' or ch in _OPENING:
            inside = True
        elif not inside and _END.match(ch):
            stop = _sentence_end(text, i, end, abbreviations)
            if stop is not None:
                spans.append((cursor, stop))
                cursor = _skip_space(text, stop, end)
                i = cursor
                continue
        i += 1
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _sentence_end(text: str, i: int, end: int, abbreviations: _Abbreviations) -> int | None:
    """Where the sentence ends if the punctuation at `i` ends it, else None."""
    stop = _END.match(text, i).end()  # type: ignore[union-attr]
    while stop < end and text[stop] in "\"'”»’)":
        stop += 1
    if stop >= end:
        return stop
    if not text[stop].isspace():
        return None
    nxt = _skip_space(text, stop, end)
    if nxt >= end:
        return stop
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in "\"“«„‘'(—-"):
        return None
    if text[i] == "." and _is_abbreviation(text, i, abbreviations):
        return None
    return stop


def _is_abbreviation(text: str, dot: int, abbreviations: _Abbreviations) -> bool:
    match = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    if match is None:
        return False
    return leaves_sentence_open(match.group(1), abbreviations.words, abbreviations.dotted_days)


def leaves_sentence_open(word: str, abbreviations: frozenset[str], dotted_days: bool) -> bool:
    """Whether `word` followed by a period leaves its sentence open: an
    abbreviation of the language, a single letter ("U.S. officials", "e.g.",
    "z.B.", "2026 г.") or, where the language writes days so, a day number
    ("am 13. Februar")."""
    return (
        word.lower() in abbreviations
        or (len(word) == 1 and word.isalpha())
        or (dotted_days and word.isdigit() and len(word) <= 2)
    )


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans inside quotation marks within text[start:end], marks included."""
    spans = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if open_at is None and (ch == '"' or ch in _OPENING):
            open_at = i
        elif open_at is not None and (ch == '"' or ch in _CLOSING):
            spans.append((open_at, i + 1))
            open_at = None
    return spans
