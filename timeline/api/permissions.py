"""Who may write: the model permissions the admin uses, so both doors have one lock.

Reading is open (each view narrows what a user sees with `visible_to`);
creating needs `add_*`, updating `change_*`, deleting `delete_*`. Editors hold
all of them for events; contributors add and change but do not delete, and the
status rules (drafts only, no publishing) are the editing rules' (events.editing).
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request


class EditorialPermission(DjangoModelPermissionsOrAnonReadOnly):
    message = (
        "Your account may not do this: contributors create and edit drafts, "
        "editors also publish, retract and delete."
    )


class MethodBeforeCredentials:
    """Mix into an API view: a method the address does not allow is a 405 before
    credentials are looked at (DRF checks them first, so an anonymous PUT on a
    list was a 401 "credentials were not provided", as if a token would help)."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        method = request.method.lower() if request.method else ""
        if method not in self.http_method_names or not hasattr(self, method):  # type: ignore[attr-defined]
            raise MethodNotAllowed(request.method or "")
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
