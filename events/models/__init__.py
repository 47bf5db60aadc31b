from events.models.actors import Actor, ActorAlias, ActorQuerySet, Affiliation
from events.models.events import Event, EventLink, EventQuerySet, Participation, Topic
from events.models.ingest import (
    ActorSuggestion,
    DraftOrigin,
    IngestedDraft,
    SourceIngestion,
    UndatedCandidate,
)
from events.models.sources import Citation, Source
from events.models.stats import Grain, LaneCountsState, LaneEntry, LaneSeries
from events.vocab import (
    ActorKind,
    Category,
    DateBasis,
    LinkKind,
    Origin,
    Precision,
    QuadClass,
    Role,
    Status,
)

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorKind",
    "ActorQuerySet",
    "ActorSuggestion",
    "Affiliation",
    "Category",
    "Citation",
    "DateBasis",
    "DraftOrigin",
    "Event",
    "EventLink",
    "EventQuerySet",
    "Grain",
    "IngestedDraft",
    "LaneCountsState",
    "LaneEntry",
    "LaneSeries",
    "LinkKind",
    "Origin",
    "Participation",
    "Precision",
    "QuadClass",
    "Role",
    "Source",
    "SourceIngestion",
    "Status",
    "Topic",
    "UndatedCandidate",
]
