"""Lanes: which actors get a row on the chart, in which order, under which heading."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from events.models import Actor, ActorKind

if TYPE_CHECKING:
    from timeline.lod.build import Scope

ALL_EVENTS = {"id": 0, "label": "All events", "slug": "", "group": ""}
KIND_LABELS = {str(k.value): str(k.label) for k in ActorKind}


def choose_lanes(activity: Mapping[int, int], scope: Scope) -> list[int]:
    """The pinned actors, then the most active others, up to scope.lanes."""
    pinned = list(scope.pinned)[: scope.lanes]
    others = sorted((a for a in activity if a not in pinned), key=lambda a: (-activity[a], a))
    return pinned + others[: scope.lanes - len(pinned)]


def lanes_payload(
    actor_ids: list[int], activity: Mapping[int, int], scope: Scope, *, all_events: bool
) -> list[dict[str, Any]]:
    """Lane descriptions, top to bottom; grouped by country or kind when asked."""
    rows = Actor.objects.filter(pk__in=actor_ids).values("pk", "name", "slug", "kind", "country")
    info: dict[int, dict[str, Any]] = {a["pk"]: dict(a) for a in rows}
    lanes = [_lane(info[a], scope.group, activity.get(a, 0)) for a in actor_ids if a in info]
    if scope.group:
        # Groups ordered by their busiest lane; lanes by activity within a group.
        best: dict[str, int] = {}
        for lane in lanes:
            best[lane["group"]] = max(best.get(lane["group"], 0), lane["count"])
        lanes.sort(key=lambda lane: (-best[lane["group"]], lane["group"], -lane["count"]))
    return ([dict(ALL_EVENTS, count=0)] if all_events else []) + lanes


def _lane(actor: dict[str, Any], group: str, count: int) -> dict[str, Any]:
    if group == "country":
        heading = actor["country"] or "No country"
    elif group == "kind":
        heading = KIND_LABELS.get(actor["kind"], actor["kind"])
    else:
        heading = ""
    return {
        "id": actor["pk"],
        "label": actor["name"],
        "slug": actor["slug"],
        "group": heading,
        "count": count,
    }
