"""Level of detail for the timeline: the events of a window, or counts when there are too many.

``build_timeline(queryset, scope)`` answers one window. Under THRESHOLD events
it returns the events themselves (columnar arrays, as Plotly takes them);
over it, counts per actor lane and time bucket. Counts come from the
precomputed lane counts (events.models.stats) when the filters allow it, else
from the filtered events themselves.
"""

from __future__ import annotations

from timeline.lod.build import (
    DEFAULT_LANES,
    MAX_BUCKETS,
    MAX_LANES,
    THRESHOLD,
    Scope,
    build_timeline,
)

__all__ = ["DEFAULT_LANES", "MAX_BUCKETS", "MAX_LANES", "THRESHOLD", "Scope", "build_timeline"]
