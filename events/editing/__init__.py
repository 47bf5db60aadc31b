"""The editing rules: every change to the register's events goes through here.

The API, the admin, the review queue and the commands call these functions
(keyword-only, each one transaction) and only translate what they raise:

- ``django.core.exceptions.ValidationError``: the change breaks a rule; its
  message dict is keyed by the writer's field names (400, or form errors);
- ``django.core.exceptions.PermissionDenied``: the user may not do this (403);
- ``StaleVersion``: someone saved the event after the writer read it (412, or
  a form error); nothing was changed.
"""

from events.editing.events import (
    EventData,
    change_status,
    check_event,
    create_event,
    delete_event,
    lock_event,
    save_event,
    touch_events,
    update_event,
)
from events.editing.merges import merge_actors, merge_events, reject_drafts
from events.editing.rules import (
    EDITORS_ONLY,
    StaleVersion,
    can_change_source,
    can_delete_events,
    can_edit_event,
    can_merge_actors,
    can_merge_events,
    can_publish,
    can_reject_drafts,
    messages_by_field,
)
from events.editing.sources import reanchor_citations, save_source

__all__ = [
    "EDITORS_ONLY",
    "EventData",
    "StaleVersion",
    "can_change_source",
    "can_delete_events",
    "can_edit_event",
    "can_merge_actors",
    "can_merge_events",
    "can_publish",
    "can_reject_drafts",
    "change_status",
    "check_event",
    "create_event",
    "delete_event",
    "lock_event",
    "merge_actors",
    "merge_events",
    "messages_by_field",
    "reanchor_citations",
    "reject_drafts",
    "save_event",
    "save_source",
    "touch_events",
    "update_event",
]
