"""A staticfiles finder that serves plotly.js from the plotly Python package.

Pointing STATICFILES_DIRS at plotly's package_data would also collect a second
4.8 MB bundle and its data sets; this finder exposes one file, as
``plotly/plotly.min.js``, to runserver, the test live server, collectstatic and
whitenoise alike. No CDN: the timeline works with no internet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, overload

from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

PLOTLY_PREFIX = "plotly"
PLOTLY_FILE = "plotly.min.js"
PLOTLY_PATH = f"{PLOTLY_PREFIX}/{PLOTLY_FILE}"


def plotly_bundle_dir() -> Path:
    """The folder of the plotly package that holds its bundled plotly.min.js."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data"


class PlotlyJsFinder(BaseFinder):
    """Finds ``plotly/plotly.min.js`` and nothing else."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(plotly_bundle_dir()))
        # collectstatic writes a file listed with a prefixed storage under the prefix.
        self.storage.prefix = PLOTLY_PREFIX  # type: ignore[attr-defined]

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        if not (plotly_bundle_dir() / PLOTLY_FILE).is_file():
            return [
                Error(
                    f"plotly's bundled {PLOTLY_FILE} is missing from {plotly_bundle_dir()}.",
                    hint="Reinstall the plotly package (make install).",
                    id="timeline.E001",
                )
            ]
        return []

    @overload
    def find(self, path: str, find_all: Literal[False] = False) -> str | None: ...
    @overload
    def find(self, path: str, find_all: Literal[True]) -> list[str]: ...
    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        """The absolute path of plotly.min.js when asked for it, else nothing."""
        found = self.storage.path(PLOTLY_FILE) if path == PLOTLY_PATH else None
        if find_all or kwargs.get("all"):
            return [found] if found else []
        # Django's own finders answer [] (not None) for "not here".
        return found or []

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        """Yield the one file, relative to its prefixed storage."""
        if self.storage.exists(PLOTLY_FILE):
            yield PLOTLY_FILE, self.storage
