"""OpenAPI details drf-spectacular does not infer: the error responses every operation has.

Without them the schema would promise only 200s, and a client (or schemathesis)
would meet undocumented 400s, 401s, 404s, 412s and 429s.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from timeline.api.serializers import ErrorSerializer

ERRORS = {
    "400": "Bad input: the message names the parameter or field at fault.",
    "401": "Credentials were given but are not valid, or writing needs them.",
    "403": "Your account may not do this.",
    "404": "No such object, or not visible to you.",
    "412": "Stale version: someone saved the event after you read it; nothing changed.",
    "413": "The request body is larger than the limit.",
    "428": "Send the version you read (If-Match or a `version` field).",
    "429": "Too many wrong tokens from your address: tokens are refused until Retry-After.",
    "503": "The database is unavailable: try again after the Retry-After header's seconds.",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class AutoSchema(SpectacularAutoSchema):
    """Adds the documented error responses by method and path."""

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
        return responses

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "429", "503"]
        if "{" in self.path:
            codes.append("404")
        if self.method in UNSAFE - {"DELETE"}:
            codes.append("413")
        if self.method in {"PUT", "PATCH", "DELETE"} and getattr(self.view, "versioned", False):
            codes += ["412", "428"] if self.method != "DELETE" else ["412"]
        return codes
