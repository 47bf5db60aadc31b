"""OpenAPI details drf-spectacular does not infer, so the schema says what the server does.

- The error responses every operation has: without them the schema would promise
  only 200s, and a client (or schemathesis) would meet undocumented 400s, 401s,
  404s, 412s, 429s and 503s.
- Who may call: reads are open to anonymous readers (`{}` next to token and cookie).
- Every limit the server enforces on a query parameter (lengths, counts, ranges),
  read from the filter's own form field so the two cannot drift apart.
- An empty query value means "not given" everywhere (`?ordering=`, as a plain HTML
  form sends it): declared as allowEmptyValue, so a client knows it is no error.
- Write bodies refuse unknown properties (additionalProperties: false) but accept the
  read-only names of a GET, so that GET, change, PUT works: those are listed too.
- What a 201 created is linked (OpenAPI links) to the operations on it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from timeline.api.dates import MAX_LENGTH as DATE_MAX_LENGTH
from timeline.api.filters import (
    MAX_VALUES,
    CountriesField,
    DateSpanField,
    MomentField,
    RepeatableField,
)
from timeline.api.serializers import ErrorSerializer

ERRORS = {
    "400": "Bad input: the message names the parameter or field at fault.",
    "401": "Credentials were given but are not valid, or writing needs them.",
    "403": "Your account may not do this.",
    "404": "No such object, or not visible to you.",
    "412": "Stale version, or an If-Match that cannot match (a weak ETag); nothing changed.",
    "413": "The request body is larger than the limit.",
    "428": "Send the version you read (If-Match or a `version` field).",
    "429": "Too many wrong tokens from your address: tokens are refused until Retry-After.",
    "503": "The database is unavailable: try again after the Retry-After header's seconds.",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
DETAIL_ACTIONS = ("retrieve", "update", "partial_update", "destroy")
# Dates and instants in any accepted form: parse_span refuses longer values.
DATE_FIELDS = (DateSpanField, MomentField)
# A string format of our own (OpenAPI allows any name): ISO 8601, EDTF, or words.
DATE_EXPRESSION = "date-expression"
# CountriesField upper-cases a code before checking it.
COUNTRY_CODE = "^[A-Za-z]{3}$"
# What str.strip() removes (all of it below U+3001): DRF trims a string before it checks
# that it is not blank, so a required text needs one character outside this set.
SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
NOT_BLANK = f"[^{SPACES}]"
READ_ONLY_NOTE = (
    "Read-only, as a GET gives it: accepted and ignored, so a GET body can be sent back."
)


class AutoSchema(SpectacularAutoSchema):
    """Adds the documented error responses, anonymous reads and parameter limits."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, ["application/json"], direction
                )
                responses[code]["description"] = ERRORS[code]
        if self.method == "GET" and getattr(self.view, "conditional", False):
            responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
        if "201" in responses and getattr(self.view, "action", None) == "create":
            responses["201"]["links"] = self._links_to_the_created()
        return responses

    def _links_to_the_created(self) -> dict[str, Any]:
        """OpenAPI links: the `id` of a 201 is the id of the detail operations."""
        prefix = self.get_operation_id().removesuffix("_create")
        return {
            action: {
                "operationId": f"{prefix}_{action}",
                "parameters": {"id": "$response.body#/id"},
                "description": f"The created object's {action.replace('_', ' ')}.",
            }
            for action in DETAIL_ACTIONS
            if hasattr(self.view, action)
        }

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "429", "503"]
        if "{" in self.path:
            codes.append("404")
        if self.method in UNSAFE - {"DELETE"}:
            codes.append("413")
        if self.method in {"PUT", "PATCH", "DELETE"} and getattr(self.view, "versioned", False):
            codes += ["412", "428"] if self.method != "DELETE" else ["412"]
        return codes

    def get_auth(self) -> list[dict[str, Any]]:
        auths: list[dict[str, Any]] = super().get_auth()
        # drf-spectacular knows AllowAny and IsAuthenticatedOrReadOnly, not the model
        # permissions' anonymous read-only variant our register views use.
        if self.method in SAFE_METHODS and {} not in auths and self._reads_are_open():
            auths.append({})
        return auths

    def _reads_are_open(self) -> bool:
        permissions = self.view.get_permissions()
        return all(isinstance(p, DjangoModelPermissionsOrAnonReadOnly) for p in permissions)

    def _get_parameters(self) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query" and not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        return parameters

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        declared = filterset.base_filters if filterset is not None else {}
        for parameter in parameters:
            filter_ = declared.get(parameter["name"])
            if filter_ is not None:
                _declare_limits(parameter["schema"], filter_.field)
        return parameters


def _declare_limits(schema: dict[str, Any], field: forms.Field) -> None:
    """The limits the form field enforces, in the parameter's schema."""
    if isinstance(field, RepeatableField):
        schema["maxItems"] = MAX_VALUES
        if isinstance(field, CountriesField):
            schema["items"]["pattern"] = COUNTRY_CODE
        return
    if isinstance(field, DATE_FIELDS):
        schema.update(format=DATE_EXPRESSION, maxLength=DATE_MAX_LENGTH)
    elif getattr(field, "max_length", None) and schema.get("type") == "string":
        schema["maxLength"] = field.max_length  # type: ignore[attr-defined]


class StrictSerializerExtension(OpenApiSerializerExtension):
    """Write bodies (timeline.api.inputs.StrictSerializer): unknown properties are refused."""

    target_class = "timeline.api.inputs.StrictSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        serializer = self.target
        schema: dict[str, Any] = auto_schema._map_serializer(
            serializer, direction, bypass_extensions=True
        )
        properties = schema.setdefault("properties", {})
        for name, field in serializer.fields.items():
            if name not in properties:
                continue  # read-only: listed below with the other read-only names
            _declare_not_blank(properties[name], field)
            # DRF refuses longer lists of nested bodies; drf-spectacular leaves it out.
            max_items = getattr(field, "max_length", None)  # the stubs lack it (DRF >= 3.14)
            if isinstance(field, serializers.ListSerializer) and max_items is not None:
                properties[name]["maxItems"] = max_items
        for name in sorted(serializer.read_only_names):
            properties.setdefault(name, {"description": READ_ONLY_NOTE})
        schema.update(serializer.schema_constraints)
        schema["additionalProperties"] = False
        return schema


def _declare_not_blank(schema: dict[str, Any], field: serializers.Field) -> None:
    if not isinstance(field, serializers.CharField) or field.allow_blank:
        return
    if field.trim_whitespace and not {"pattern", "format"} & set(schema):
        schema["pattern"] = NOT_BLANK
