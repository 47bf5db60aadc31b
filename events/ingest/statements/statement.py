"""A statement or action found in a sentence: what a draft or candidate is made of."""

from __future__ import annotations

from dataclasses import dataclass, field

from events.ingest.dates import DateMention
from events.ingest.sentences import Sentence
from events.ingest.statements.verbs import (
    Predicate,
)


@dataclass
class Statement:
    sentence: Sentence
    index: int  # of the sentence in the article
    predicate: Predicate
    initiators: list[int]
    via: str  # how the subject was found: "name", "pronoun", "after", "agent", "reference" or ""
    recipients: list[int] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    date: DateMention | None = None
    date_note: str = ""
    date_basis: str = ""  # a DateBasis value once dated
    undated_reason: str = ""
    content: tuple[int, int] = (0, 0)  # the reported words or the action's clause
    main: tuple[int, int] = (0, 0)  # the reporting clause, for category cues
    place: str = ""
    continues: bool = False  # "he said", "added", "at the same meeting"
    same_occasion: bool = False  # "at the same meeting", "after the talks": any statement
    other_time: bool = False  # words of another time than the news ("earlier", "last year")
    time_of_day: str = ""  # "at 0800 UTC": the day of the article
    planned: bool = False  # "will travel", "is expected to visit"
    cuts: list[tuple[int, int]] = field(default_factory=list)  # other clauses, for a title
    says: bool = False  # reports speech: a reporting verb, or "…, saying"
    patient: tuple[int, int] | None = None  # "a conference" in "a conference held by Apple"
    verb: tuple[int, int] | None = None  # the predicate's word in the text
    nominal: bool = False  # a noun stands for the verb: "the announcement by Apple"

    @property
    def actors(self) -> list[int]:
        return [*self.initiators, *self.recipients, *self.mentioned]
