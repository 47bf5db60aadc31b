"""The editorial groups and what each may do.

Kept in one place so that the data migration, the tests and the docs agree.
"""

from __future__ import annotations

EDITORS = "Editors"
CONTRIBUTORS = "Contributors"

EDITORIAL_MODELS = [
    "actor",
    "actoralias",
    "affiliation",
    "topic",
    "event",
    "participation",
    "eventlink",
    "source",
    "citation",
]

# Editors: everything editorial, including publishing and managing API tokens,
# but no user administration.
EDITOR_PERMISSIONS = [
    *(
        f"events.{action}_{model}"
        for model in EDITORIAL_MODELS
        for action in ("add", "change", "delete", "view")
    ),
    "events.publish_event",
    "authtoken.add_tokenproxy",
    "authtoken.change_tokenproxy",
    "authtoken.delete_tokenproxy",
    "authtoken.view_tokenproxy",
]

# Contributors: create and edit drafts and what a draft needs; no publishing,
# no deleting, and the register of actors is read-only to them.
CONTRIBUTOR_PERMISSIONS = [
    *(
        f"events.{action}_{model}"
        for model in ("event", "participation", "eventlink", "citation", "source")
        for action in ("add", "change", "view")
    ),
    *(f"events.view_{model}" for model in ("actor", "actoralias", "affiliation", "topic")),
]
