"""Who may write: the model permissions the admin uses, so both doors have one lock.

Reading is open (each view narrows what a user sees with `visible_to`);
creating needs `add_*`, updating `change_*`, deleting `delete_*`. Editors hold
all of them for events; contributors add and change but do not delete, and the
status rules (drafts only, no publishing) are the editing rules' (events.editing).
"""

from __future__ import annotations

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class EditorialPermission(DjangoModelPermissionsOrAnonReadOnly):
    message = (
        "Your account may not do this: contributors create and edit drafts, "
        "editors also publish, retract and delete."
    )
