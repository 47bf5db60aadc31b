"""The dateline that opens a wire story: "PARIS, March 12 (Example Wire) -".

It says where the story was filed and on which day; it is not part of the
first sentence, so it never enters a quote or a working title. It is evidence:
for the day of statements that carry no date of their own, and for their
place. Recognised when the place is written in capitals ("NEW YORK", "МОСКВА")
or an agency follows in brackets ("Madrid, 12 mar (EFE).-"); otherwise an
opening "Paris - " is too often a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.ingest.sentences import Sentence

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё"
_DATELINE = re.compile(
    rf"(?P<place>[{_UPPER}][{_LETTER}'’.\- ]{{1,40}}?)"
    rf"(?:\s*/\s*[{_LETTER} ]{{1,30}})?"  # "KYIV/MOSCOW"
    r"(?:\s*,\s*(?P<date>[^()\n\-–—:]{1,30}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*\.?\s*(?:-{1,2}|–|—|:)\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # "PARIS, March 12 (Example Wire)"
    place: str  # "Paris"
    end: int  # where the story's first sentence starts

    def trim(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences with the dateline cut off the one it opens."""
        return [
            Sentence(self.end, s.end, s.paragraph) if s.start < self.end < s.end else s
            for s in sentences
            if s.end > self.end
        ]


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text`, or None."""
    start = len(text) - len(text.lstrip())
    match = _DATELINE.match(text, start)
    if match is None:
        return None
    place = match["place"].strip(" .")
    capitals = sum(ch.isupper() for ch in place) >= max(2, len(place.replace(" ", "")) - 1)
    if not (capitals or match["agency"]):
        return None
    words = text[start : match.end()].rstrip(" -–—:.")
    return Dateline(words.strip(), _place_name(place), match.end())


def _place_name(place: str) -> str:
    """ "NEW YORK" -> "New York"; a place written in mixed case stays as it is."""
    return place.title() if place.isupper() else place
