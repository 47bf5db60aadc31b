"""The editors' workplace: one module per part of the register."""

from events.admin import actors, candidates, events, review, sources, topics  # noqa: F401
