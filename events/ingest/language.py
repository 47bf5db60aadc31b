"""The language of an article: given, or detected offline with py3langid.

Detection takes about a millisecond per article. It is trusted only when it
is confident and names a language ingestion reads (its verb and title lists);
otherwise the article fails with "unknown language" and the caller can give
the language explicitly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED_LANGUAGES = ("en", "fr", "de", "ru")
MIN_CONFIDENCE = 0.7  # two short English sentences score about 0.85
_SAMPLE = 3000  # characters: enough to decide, cheap on long articles


class UnknownLanguage(ValueError):
    """The language is missing and cannot be detected, or is not supported."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 code of `text` and the probability of it."""
    code, probability = _identifier().classify(text[:_SAMPLE])
    return str(code), float(probability)


def resolve_language(given: str, text: str) -> str:
    """The given language, normalised, or the detected one; UnknownLanguage if neither."""
    if given.strip():
        code = given.strip().lower().replace("_", "-").split("-")[0]
        if code not in SUPPORTED_LANGUAGES:
            raise UnknownLanguage(
                f"unknown language: {given!r} is not supported ({', '.join(SUPPORTED_LANGUAGES)})"
            )
        return code
    code, probability = detect_language(text)
    if code not in SUPPORTED_LANGUAGES or probability < MIN_CONFIDENCE:
        raise UnknownLanguage(
            f"unknown language: detected {code!r} with confidence {probability:.2f}; "
            f"give the language ({', '.join(SUPPORTED_LANGUAGES)})"
        )
    return code
