"""The languages ingestion reads: one Language per module, one registry.

Everything that depends on the language of a text (the detector, the date
tagger, statements, roles, categories, names, the import form, the API's date
filters) reads this registry. Adding a language is one module here, listed
below, and its tests (tests/events/ingest/lang/test_<code>.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from events.ingest.lang.de import GERMAN
from events.ingest.lang.en import ENGLISH
from events.ingest.lang.es import SPANISH
from events.ingest.lang.fr import FRENCH
from events.ingest.lang.it import ITALIAN
from events.ingest.lang.language import Language
from events.ingest.lang.ru import RUSSIAN

LANGUAGES: Mapping[str, Language] = MappingProxyType(
    {language.code: language for language in (ENGLISH, FRENCH, GERMAN, RUSSIAN, SPANISH, ITALIAN)}
)
SUPPORTED: tuple[str, ...] = tuple(LANGUAGES)


class UnknownLanguage(ValueError):
    """A language that is missing, cannot be detected, or is not in the registry."""


def get_language(code: str) -> Language:
    """The Language of an ISO 639-1 code; UnknownLanguage naming the supported ones."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise UnknownLanguage(
            f"unknown language: {code!r} is not supported ({', '.join(SUPPORTED)})"
        ) from None


__all__ = ["LANGUAGES", "SUPPORTED", "Language", "UnknownLanguage", "get_language"]
