"""Admin pages whose saves go through the editing rules (events.editing).

The rules that need the saved rows (a stale version under the row lock, a
published event without a citation once the inlines are saved) can only
refuse after Django's forms have validated. The admin's change view runs in a
transaction, so such a refusal rolls everything back; the page is then shown
again with the editor's input kept and the refusal as form errors, as any
other validation error would be.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from events.editing import StaleVersion, messages_by_field

Refusal = ValidationError | StaleVersion
_REFUSAL = "_editing_refusal"


class RefusalsAsFormErrors:
    """Mix into a ModelAdmin (before it) whose save_model/save_related call the
    editing rules: its change form and django-simple-history's revert form."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        view = super().changeform_view  # type: ignore[misc]
        return _refusals_shown(view, request, object_id, form_url, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        return _refusals_shown(self._revert, request, object_id, version_id, extra_context)

    def _revert(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # django-simple-history's revert saves with no transaction of its own, and
        # without the inlines (whose rules after_revert checks).
        view = super().history_form_view  # type: ignore[misc]
        with transaction.atomic():
            response: HttpResponse = view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                self.after_revert(object_id)
        return response

    def after_revert(self, object_id: str) -> None:
        """The rules that span rows, for the reverted object (in the transaction)."""

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        refusal = getattr(request, _REFUSAL, None)
        if refusal is None:
            return form
        return type(form.__name__, (_Refused, form), {"refusal": refusal})


def _refusals_shown(view: Any, request: HttpRequest, *arguments: Any) -> HttpResponse:
    try:
        return view(request, *arguments)
    except (ValidationError, StaleVersion) as refusal:
        # The view's transaction has rolled back: nothing was saved. The same
        # view again, its form now carrying the refusal as errors.
        setattr(request, _REFUSAL, refusal)
        return view(request, *arguments)


class _Refused(forms.BaseForm):
    """A form that shows the refusal of its first submission as its errors."""

    refusal: Refusal

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for field, messages in messages_by_field(self.refusal).items():
            self.add_error(field if field in self.fields else None, messages)
        return cleaned
