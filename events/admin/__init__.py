"""The editors' workplace: one module per part of the register."""

from events.admin import actors, events, sources, topics  # noqa: F401
