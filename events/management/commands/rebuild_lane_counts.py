"""python manage.py rebuild_lane_counts"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from events.lane_counts import rebuild_lane_counts


class Command(BaseCommand):
    help = (
        "Rebuild the timeline's precomputed lane counts from the events (after bulk writes "
        "that bypass the change history; edits through the admin and the API need nothing)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        counted = rebuild_lane_counts()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Lane counts rebuilt for {counted} public events in {elapsed:.1f} s.")
