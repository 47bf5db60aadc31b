"""Small text helpers the models need: folding names for matching, slugs, URLs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.text import slugify

# Query parameters that identify a campaign or a visitor, never the document.
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref_src|cmpid)$")


def fold(text: str) -> str:
    """Casefold and strip diacritics, so "Stübb", "STUBB" and "stubb" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def make_slug(text: str, max_length: int = 80) -> str:
    """An ASCII slug where the text allows one, else a Unicode slug ("лавров")."""
    slug = slugify(fold(text))[:max_length].strip("-")
    return slug or slugify(text, allow_unicode=True)[:max_length].strip("-") or "item"


class InvalidURL(ValueError):
    """A URL that cannot be stored: a port out of range, a broken IPv6 host."""


def normalize_url(url: str) -> str:
    """One spelling per document: lowercase scheme and host, no default port,
    no fragment, no tracking parameters, remaining parameters sorted.

    Raises InvalidURL (a ValueError) for URLs that have no such spelling.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"{url[:200]!r} is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal: hostname drops the brackets
        host = f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.match(key.lower())
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def unix_newlines(text: str) -> str:
    """Line breaks as "\n": browsers send a textarea's as "\r\n", and a text's
    offsets (citations) must not depend on who typed it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """SHA-256 of the text with line endings and surrounding space normalised."""
    canonical = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
