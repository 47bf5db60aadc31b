"""The codes the timeline payload uses: quad classes and roles, by position."""

from __future__ import annotations

from events.models import QuadClass, Role

# Position in this list is the quad code in the payload; "" is "no category yet".
QUADS: list[dict[str, str]] = [
    *({"key": str(q.value), "label": str(q.label)} for q in QuadClass),
    {"key": "", "label": "Not categorised"},
]
QUAD_INDEX = {q["key"]: i for i, q in enumerate(QUADS)}
ROLES: list[dict[str, str]] = [{"key": str(r.value), "label": str(r.label)} for r in Role]
ROLE_INDEX = {r["key"]: i for i, r in enumerate(ROLES)}
