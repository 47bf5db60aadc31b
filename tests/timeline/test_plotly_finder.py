from __future__ import annotations

from pathlib import Path

import plotly
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

from timeline.staticfiles import PlotlyJsFinder

BUNDLE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def test_it_finds_plotly_js_in_the_plotly_package() -> None:
    assert finders.find("plotly/plotly.min.js") == str(BUNDLE)


def test_it_offers_that_one_file_and_nothing_else_of_the_package() -> None:
    listed = [path for path, _ in PlotlyJsFinder().list(None)]
    assert listed == ["plotly.min.js"]
    assert PlotlyJsFinder().find("plotly/widgetbundle.js") == []


def test_collectstatic_copies_it_under_plotly(tmp_path: Path) -> None:
    with override_settings(STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", verbosity=0)
    copied = tmp_path / "plotly" / "plotly.min.js"
    assert copied.read_bytes() == BUNDLE.read_bytes()
    assert not (tmp_path / "plotly" / "widgetbundle.js").exists()
