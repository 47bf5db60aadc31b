"""Limits on one article: its size, and the time reading it may take.

A 2 MB paste (one article repeated) made 4,208 drafts and ran past the web
worker's timeout. Both limits make such an article fail cleanly, with a message
that says which limit and by how much, before anything is stored. They are set
by INGEST_MAX_ARTICLE_BYTES and INGEST_TIME_BUDGET_SECONDS (config/settings.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings


class OverBudget(Exception):
    """Reading the article took longer than its time budget."""

    def __init__(self, seconds: float, done: int, total: int) -> None:
        self.seconds, self.done, self.total = seconds, done, total
        super().__init__(
            f"reading it took longer than the time budget of {seconds:g} s "
            f"(INGEST_TIME_BUDGET_SECONDS), at sentence {done:,} of {total:,}: "
            "nothing was stored; split the article, or raise the budget"
        )


@dataclass
class Budget:
    """A deadline checked between sentences: no signals, no threads, so it
    works in any worker and leaves nothing half done behind it."""

    seconds: float
    clock: Callable[[], float] = time.monotonic
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    @classmethod
    def from_settings(cls) -> Budget:
        return cls(float(settings.INGEST_TIME_BUDGET_SECONDS))

    def check(self, done: int, total: int) -> None:
        """Raise OverBudget if the time is spent; `done` of `total` sentences are read."""
        if self.clock() - self.started > self.seconds:
            raise OverBudget(self.seconds, done, total)


def size_error(text: str) -> str:
    """Why `text` is too large to ingest, or "" if it is not."""
    size, limit = len(text.encode()), settings.INGEST_MAX_ARTICLE_BYTES
    if size <= limit:
        return ""
    return (
        f"the text is {_human(size)} ({size:,} bytes), over the limit of {_human(limit)} "
        f"({limit:,} bytes, INGEST_MAX_ARTICLE_BYTES): nothing was stored; "
        "split the article, or raise the limit"
    )


def _human(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"
