"""The date tagger: temporal expressions in news text, resolved against the
publication date. A pure module (no database, no settings) so that it can be
tested and benchmarked on its own.
"""

from events.ingest.dates.tagger import DateMention, tag_dates, warm_up

__all__ = ["DateMention", "tag_dates", "warm_up"]
