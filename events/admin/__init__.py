"""The editors' workplace: one module per part of the register."""

from events.admin import actors, candidates, events, review, sources, topics  # noqa: F401
from events.admin.installed import safeguard_installed_admins

# The apps before `events` in INSTALLED_APPS have registered their admins by now.
safeguard_installed_admins()
