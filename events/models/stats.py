"""Precomputed lane counts for the zoomed-out timeline.

A GROUP BY over a million events costs seconds, far beyond the 100 ms a
timeline window may take, so the counts per actor lane and time bucket are kept
here and maintained incrementally by ``events.lane_counts`` (derived data: it
can always be rebuilt from the events with ``rebuild_lane_counts``).
"""

from __future__ import annotations

import sys
from array import array

from django.db import models


class Grain(models.TextChoices):
    """The calendar unit of a bucket; the timeline picks one per window width."""

    WEEK = "week", "ISO week"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


def pack(counts: array[int]) -> bytes:
    """Counts as little-endian unsigned 32-bit integers (the same bytes on every machine)."""
    if sys.byteorder == "big":
        counts = array("I", counts)
        counts.byteswap()
    return counts.tobytes()


def unpack(data: bytes | memoryview) -> array[int]:
    counts = array("I")
    counts.frombytes(bytes(data))
    if sys.byteorder == "big":
        counts.byteswap()
    return counts


class LaneSeries(models.Model):
    """How many public events of one lane may fall in each bucket of one grain.

    One row holds a whole time series (one count per bucket, from bucket number
    ``first`` on; see events.buckets.bucket_number), so a window of any width
    reads one row per lane and quad class instead of one row per bucket: 150
    quarters of 20 lanes are 100 rows, not 12,000. ``lane`` is an actor id, or
    0 for all events; ``quad_class`` is a PLOVER quad class or "" for events
    without a category, and counts follow overlap semantics: an event of
    "February 2026" counts in every week of February. ``quad_class`` "*" counts
    each event once, in the bucket where it starts, whatever its class: summed
    over a window it is the number of events starting there, which ranks the
    busiest lanes. ``quad_class`` "cat:<CATEGORY>" (e.g. "cat:FIGHT") counts the
    events of one PLOVER category, for the category filter. ``lane`` is a plain integer, not a
    foreign key: derived data that the sync rewrites when actors merge.
    """

    grain = models.CharField(max_length=8, choices=Grain.choices)
    lane = models.BigIntegerField(help_text="Actor id; 0 for all events.")
    quad_class = models.CharField(max_length=24, blank=True)
    first = models.IntegerField(help_text="Bucket number of the first count.")
    counts = models.BinaryField(help_text="Little-endian uint32 per bucket.")
    total = models.PositiveBigIntegerField(default=0, help_text="Sum of the counts.")

    class Meta:
        verbose_name_plural = "lane series"
        constraints = [
            # The sync upserts by this key; the timeline reads a grain's series by it.
            models.UniqueConstraint(
                fields=["grain", "quad_class", "lane"], name="laneseries_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grain} lane {self.lane} {self.quad_class or '-'}: {self.total}"

    def values(self) -> array[int]:
        return unpack(self.counts)


class LaneEntry(models.Model):
    """A public event as the timeline shows and counts it (see events.lane_entries).

    The timeline reads a window's events from this one table, and the sync
    compares it with the event to update the counts by exact deltas (subtract
    the old cells, add the new), whatever changed: dates, category,
    participants, status or the event's existence. ``event_id`` is not a
    foreign key so that a deleted event's entry survives until the sync
    subtracts it.
    """

    event_id = models.BigIntegerField(primary_key=True)
    date_start = models.DateField()
    date_end = models.DateField()
    precision = models.CharField(max_length=8)
    approximate = models.BooleanField(default=False)
    quad_class = models.CharField(max_length=24, blank=True)
    category = models.CharField(max_length=16, blank=True)
    retracted = models.BooleanField(default=False)
    planned = models.BooleanField(default=False)
    title = models.CharField(max_length=300)
    place_name = models.CharField(max_length=200, blank=True)
    participants = models.TextField(help_text="JSON: [[actor id, role, role words], ...].")
    quote = models.CharField(max_length=200, blank=True, help_text="First quote, shortened.")
    source_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "lane entries"
        indexes = [
            # A window's events in date order: date_start in [start - max span, end].
            models.Index(
                fields=["date_start", "date_end", "event_id"], name="laneentry_window_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"event {self.event_id}: {self.date_start}..{self.date_end} {self.title[:40]}"


class LaneCountsState(models.Model):
    """One row: how far the lane counts have followed the history of changes."""

    event_history_id = models.BigIntegerField(default=0)
    participation_history_id = models.BigIntegerField(default=0)
    citation_history_id = models.BigIntegerField(default=0)
    synced_at = models.DateTimeField(null=True, blank=True)
    # The longest span of any counted event, in days: lets window queries bound
    # date_start from below and use the (status, date_start) index.
    max_span_days = models.PositiveIntegerField(default=0)
    # First and last day of all public events (the timeline's whole extent).
    first_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"lane counts synced at {self.synced_at}"
