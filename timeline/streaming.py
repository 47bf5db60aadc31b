"""Pages sent in parts: the first part (the <head>) leaves at once, so the browser
starts fetching plotly.js and the style sheet while the server still reads the
page's data. The timeline's first chart waits on plotly.js (4.8 MB to download
and compile), so every millisecond the preload starts earlier counts.

A page is not started unless it can be finished: DatabaseUnavailableMiddleware
(timeline/errors.py) reaches the database before any streamed answer leaves, so
an unavailable one is a 503 rather than a 200 cut off after its head. Should
reading fail anyway once the head has left, the page ends with a visible message
in its own look, and the failure is logged.

Compression is gzip flushed after every part: Django's GZipMiddleware and
gzip_page compress a stream without flushing, which would hold the head back
until the end of the page.
"""

from __future__ import annotations

import gzip
import logging
import re
import secrets
from collections.abc import Callable, Iterator

from django.http import HttpRequest, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.text import StreamingBuffer

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# As Django's GZipMiddleware does against BREACH: a random-length file name in the
# gzip header, so the compressed length does not reveal the page's content.
MAX_RANDOM_BYTES = GZipMiddleware.max_random_bytes

logger = logging.getLogger(__name__)


def streamed_page(
    request: HttpRequest,
    head: str,
    rest: Callable[[], str],
    *,
    failed: str,
    status: int = 200,
) -> StreamingHttpResponse:
    """`head` is sent first; `rest()` is called (and its database reads made) after.

    `failed` ends the page instead of `rest()` if that fails after the head."""

    def parts() -> Iterator[bytes]:
        yield head.encode()
        yield _rest_or_failed(request, rest, failed).encode()

    gzipped = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
    response = StreamingHttpResponse(
        gzip_flushed(parts()) if gzipped else parts(),
        status=status,
        content_type="text/html; charset=utf-8",
    )
    patch_vary_headers(response, ("Accept-Encoding",))
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    return response


def _rest_or_failed(request: HttpRequest, rest: Callable[[], str], failed: str) -> str:
    try:
        return rest()
    except Exception:
        # The status line (200) and the head have left: all that is left to do
        # is to end the page visibly and say why in the log.
        logger.exception("%s failed after its head was sent", request.path)
        return failed


def gzip_flushed(parts: Iterator[bytes]) -> Iterator[bytes]:
    """One gzip stream; each part is flushed as soon as it is compressed."""
    buffer = StreamingBuffer()  # Django's own, as compress_sequence uses: read() empties it
    name = secrets.token_hex(secrets.randbelow(MAX_RANDOM_BYTES // 2) + 1)
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=0) as stream:
        for part in parts:
            stream.write(part)
            stream.flush()  # a zlib sync flush: the bytes so far decompress on their own
            yield buffer.read()
    yield buffer.read()
