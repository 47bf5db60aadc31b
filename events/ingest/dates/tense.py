"""The tense around a date: "said on January 30" looks back, "will meet on
April 7" looks ahead. The nearest tense marker in the same sentence decides;
no marker, or a present one, leaves the choice to the date rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from events.ingest.lang.lexicon import FUTURE, PAST, PERFECT
from events.ingest.sentences import leaves_sentence_open

# A sentence ends at ., ! or ? followed by space and a capital or digit, maybe
# behind an opening quote ("« Vendredi" has a space inside), and at a line break.
_END = re.compile(r"[.!?]+[\"'”’»)]*\s+(?=[\"'“‘«(]*\s?[A-ZА-ЯЁÀ-ÖØ-Þ0-9])|\n\s*")
# Signs that end a clause whichever side of a date they stand.
_HARD_BOUNDARY = re.compile(r"[();]|\s[–—]\s")
_WORD_BEFORE_DOT = re.compile(r"(\w+)\.?[.!?]*[\"'”’»)]*\s*\Z")


class Sentences:
    """Sentence boundaries of one text, found on first use.

    `abbreviations` are the words of the text's language that end with a
    period without ending a sentence ("Sept. 27", "Mr. Smith"); the rule is
    ingestion's (events.ingest.sentences.leaves_sentence_open)."""

    def __init__(
        self, text: str, abbreviations: frozenset[str], *, dotted_days: bool = False
    ) -> None:
        self.text = text
        self.abbreviations = abbreviations
        self.dotted_days = dotted_days

    @cached_property
    def _starts(self) -> list[int]:
        starts = [0]
        for match in _END.finditer(self.text):
            if match.group().startswith("\n") or not self._is_abbreviation(match.start()):
                starts.append(match.end())
        return starts

    def _is_abbreviation(self, dot: int) -> bool:
        found = _WORD_BEFORE_DOT.search(self.text, max(0, dot - 20), dot + 1)
        if not found:
            return False
        return leaves_sentence_open(found.group(1), self.abbreviations, self.dotted_days)

    def around(self, start: int, end: int) -> tuple[int, int]:
        starts = self._starts
        index = bisect_right(starts, start) - 1
        stop = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], max(stop, end)


def tense_near(
    text: str,
    start: int,
    end: int,
    sentences: Sentences,
    markers: re.Pattern[str],
    subordinators: re.Pattern[str],
) -> str | None:
    """The tense marker that speaks for a span: "past", "perfect", "future" or None.

    The nearest marker in the span's clause wins; one after the span counts
    as three times as far, because a date mostly follows the verb it belongs
    to ("announced on Feb. 3, will focus"), unless it opens the sentence ("On
    Friday, he said"). "perfect" ("has continued") is a past event whose state
    may last until now. Markers in the group `neutral` (a participle after
    "be": "will be held") are skipped, so that the auxiliary before them
    decides. A semicolon, a bracket or a dash ends a clause both ways. A
    subordinate clause after the span does not speak for it ("cancels talks in
    October after doctors advised him"); a main clause before it may, when
    nothing nearer does ("losses are expected when markets reopen Tuesday").
    """
    first, last = sentences.around(start, end)
    candidates = []
    for match in markers.finditer(text, first, last):
        if (match.end() > start and match.start() < end) or match.lastgroup == "neutral":
            continue
        before = match.end() <= start
        gap = (match.end(), start) if before else (end, match.start())
        if _HARD_BOUNDARY.search(text, *gap):
            continue
        subordinate = subordinators.search(text, *gap) is not None
        if subordinate and not before:
            continue
        distance = gap[1] - gap[0] if before else 3 * (gap[1] - gap[0])
        candidates.append((subordinate, distance, match.lastgroup))
    if not candidates:
        return None
    tense = min(candidates)[2]
    return tense if tense in (PAST, PERFECT, FUTURE) else None
