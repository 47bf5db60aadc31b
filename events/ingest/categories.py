"""Suggest a PLOVER category from the words of a statement, with the reason.

Each category has cue patterns in each language (verbs and the nouns news uses
for them: "agreed", "talks", "imposed sanctions"; events/ingest/lang/<code>.py),
and only the article's language's cues are read. The earliest cue in the sentence wins,
the longest at equal position ("lifted sanctions" is CONCEDE, not SANCTION).
Cues in the reporting clause ("X warned that ...") come before cues in the
reported words. A suggestion is only a suggestion: the reason shows the words
so that an editor can judge it at a glance. Measured against the PLOVER gold
sentences by tests/bench/bench_ingest.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from events.ingest.lang import get_language


@dataclass(frozen=True, slots=True)
class Suggestion:
    category: str
    words: str
    start: int  # offset of the cue within the text searched

    @property
    def reason(self) -> str:
        return f"the words “{self.words}” suggest {self.category}"


@lru_cache(maxsize=16)
def _patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    cues = get_language(language).category_cues
    return [
        (category, re.compile(rf"(?<!\w)(?:{'|'.join(pats)})(?!\w)", re.IGNORECASE))
        for category, pats in cues.items()
    ]


def suggest_category(
    text: str, language: str, *, main: tuple[int, int] | None = None
) -> Suggestion | None:
    """The category the words of `text` suggest; cues within `main` (the
    reporting clause) first."""
    found = [
        Suggestion(category, match.group(), match.start())
        for category, pattern in _patterns(language)
        for match in pattern.finditer(text)
        # A capitalised word inside a sentence is a name ("Economic Cooperation").
        if not (match.group()[:1].isupper() and _inside_sentence(text, match.start()))
    ]
    if not found:
        return None
    if main is not None:
        in_main = [s for s in found if main[0] <= s.start < main[1]]
        found = in_main or found
    return min(found, key=lambda s: (s.start, -len(s.words)))


def _inside_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(' "“«')
    return bool(before) and before[-1] not in ".!?:"
