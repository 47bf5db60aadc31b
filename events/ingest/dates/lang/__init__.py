"""The curated lexicons: English, French, German and Russian.

Keys are lower-case words or phrases (a space stands for any run of white
space; an apostrophe for ' or ’). Tense patterns only need to be good enough to
tell "said on January 30" from "will meet on April 7": the nearest marker to a
date in its sentence wins, so a marker list that misses a verb form costs
little, while one that matches nouns would cost more.
"""

from __future__ import annotations

from events.ingest.dates.lang.de import GERMAN
from events.ingest.dates.lang.en import ENGLISH
from events.ingest.dates.lang.fr import FRENCH
from events.ingest.dates.lang.ru import RUSSIAN
from events.ingest.dates.lexicon import Lexicon

CURATED: dict[str, Lexicon] = {lex.code: lex for lex in (ENGLISH, FRENCH, GERMAN, RUSSIAN)}
