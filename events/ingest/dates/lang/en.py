"""The English lexicon of the date tagger."""

from __future__ import annotations

from events.ingest.dates.lexicon import BARE, FUTURE, PAST, THIS, Lexicon, numbered, relative, units

ENGLISH = Lexicon(
    code="en",
    months=numbered(
        "january february march april may june july august september october november december"
    ),
    month_abbreviations=numbered("jan feb mar apr - jun jul aug sep/sept oct nov dec"),
    weekdays=numbered("monday tuesday wednesday thursday friday saturday sunday", start=0),
    capitalised=True,
    date_order="MDY",
    month_day=True,
    day_suffix_re=r"(?:st|nd|rd|th)?",
    day_article_re=r"the\s+",
    day_month_joiner_re=r"\s+(?:of\s+)?",
    month_year_joiner_re=r",?\s+(?:of\s+)?",
    span_prefix_day_re=r"[oO]n",
    span_prefix_period_re=r"[iI]n",
    weekday_modifiers_before={
        "on": BARE,
        "last": PAST,
        "past": PAST,
        "previous": PAST,
        "this past": PAST,
        "next": FUTURE,
        "coming": FUTURE,
        "this coming": FUTURE,
        "this": THIS,
        "on this": THIS,
    },
    weekday_tail_re=r"(?:\s+(?:morning|afternoon|evening|night))?",
    # "every Friday" is a habit; "Black Monday", "Good Friday", "Super Tuesday"
    # are names of days, not the last Monday, Friday or Tuesday; "The Mail on
    # Sunday" is a newspaper. Matched before the weekday and its modifier.
    weekday_refusal_re=(
        r"[eE]very|[eE]ach|[aA]ny|Black|Good|Holy|Maundy|Easter|Palm|Ash|Shrove|Super|Cyber"
        r"|Bloody|Blue|Giving|Whit|Fat|Great|Man|Girl|Mail"
    ),
    month_cues={
        "in": BARE,
        "early": BARE,
        "mid": BARE,
        "mid-": BARE,
        "late": BARE,
        "in early": BARE,
        "in mid": BARE,
        "in mid-": BARE,
        "in late": BARE,
        "last": PAST,
        "this past": PAST,
        "next": FUTURE,
        "this coming": FUTURE,
        "this": THIS,
    },
    month_cue_outside_re=(
        r"[sS]ince|[uU]ntil|[tT]ill|[bB]y|[dD]uring|[bB]efore|[aA]fter|[fF]rom|[tT]hrough"
        r"|throughout|the\s+(?:end|beginning|start|middle)\s+of|(?:end|beginning|start|middle)\s+of"
    ),
    year_cues_re=r"[iI]n|[eE]arly|[lL]ate|[mM]id-?|in\s+(?:early|late|mid-?)",
    year_cue_outside_re=(
        r"[sS]ince|[uU]ntil|[tT]ill|[bB]y|[dD]uring|[bB]efore|[aA]fter|[fF]rom|[tT]hrough|[bB]etween"
        r"|throughout|spring|summer|autumn|fall|winter|year|fiscal|(?:first|second)\s+half\s+of"
        r"|(?:the\s+)(?:end|beginning|start|middle|rest|course)\s+of"
        r"|(?:end|beginning|start|middle|rest|course)\s+of"
    ),
    list_join_re=r"\s*,\s*|\s+(?:and|or|to)\s+",
    year_refs={"last year": -1, "this year": 0, "next year": 1},
    relative_days={
        "today": 0,
        "tonight": 0,
        "earlier today": 0,
        "later today": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "yesterday morning": -1,
        "yesterday afternoon": -1,
        "yesterday evening": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
        "tomorrow morning": 1,
        "tomorrow afternoon": 1,
        "tomorrow evening": 1,
        "tomorrow night": 1,
        "the day after tomorrow": 2,
    },
    relative_units=relative(
        week={
            "last week": -1,
            "this week": 0,
            "earlier this week": 0,
            "later this week": 0,
            "next week": 1,
        },
        month={
            "last month": -1,
            "this month": 0,
            "earlier this month": 0,
            "later this month": 0,
            "next month": 1,
        },
        year={
            "last year": -1,
            "this year": 0,
            "earlier this year": 0,
            "later this year": 0,
            "next year": 1,
        },
        weekend={"last weekend": -1, "this past weekend": -1, "this weekend": 0, "next weekend": 1},
    ),
    # "over the last week" and "the last year" are durations, not calendar units.
    relative_unit_refusal_re=r"the",
    ago_re=r"(?P<n>{num})\s+(?P<unit>{unit})\s+ago",
    numbers={
        "a": 1,
        "an": 1,
        "one": 1,
        **numbered(
            "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen twenty",
            start=2,
        ),
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "hundred": 100,
    },
    units=units(day="day days", week="week weeks", month="month months", year="year years"),
    range_open_re=r"[fF]rom|[bB]etween",
    range_join_re=r"[-–—]|to|until|till|through|and",
    range_and_re=r"and",
    change_verbs_re=(
        r"moved?|moving|postponed?|postponing|delay(?:ed|ing|s)?|rescheduled?|pushed|brought"
        r"|changed?|shifted|advanced|put\s+(?:off|back)|bumped"
    ),
    anaphora={
        # Not a bare "that day": "if there ever came a day ... that day has come".
        "the same day": 0,
        "that same day": 0,
        "later that day": 0,
        "earlier that day": 0,
        "later in the day": 0,
        "earlier in the day": 0,
        "late in the day": 0,
        "the next day": 1,
        "the following day": 1,
        "the previous day": -1,
    },
    # Market reports: "the Dow fell 3% to end the day at 7,114" is the trading
    # day the report is about.
    anaphora_verbs_re=r"end|ends|ended|ending|finish|finishes|finished|finishing|close|closes|closed|closing",
    clause_boundary_re=(
        r"\b(?:after|before|when|because|since|while|whereas|although|though"
        r"|which|who|whom|whose|that|if|unless)\b"
    ),
    tense_re=(
        # "will be held": "will" decides, "be held" is skipped as neutral.
        r"(?P<future>\b(?:(?:will|shall)(?:\s+not)?(?:\s+have(?=\s+been))?|won['’]t"
        r"|to\s+be\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|wn)|held|made|built|sold|paid|set|put)"
        r"|going\s+to|(?:(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been)"
        r"\s+)?(?:scheduled|slated|planned|expected|due|set\s+(?:to|for)|poised\s+to|likely\s+to)"
        r"|upcoming|(?:intends?|plans?|wants?|aims?|hopes?|seeks?)\s+to|may|might)\b|['’]ll\b)"
        r"|(?P<neutral>\b(?:be|been|being)\s+(?:\w+ly\s+)?[a-z]+\b)"
        # "has said" is a past event; "has a June 1 deadline" is the present.
        r"|(?P<perfect>\b(?:has|have)(?:\s+(?:not|also|already|just|now|since|\w+ly))?\s+"
        r"(?:been|had|[a-z]+(?:ed|en|wn)|said|told|made|met|held|led|found|sent|won|lost|paid"
        r"|sold|bought|built|brought|thought|caught|fought|kept|left|heard|spent|stood|struck"
        r"|become|begun|come|done|gone|seen|run|put|set|cut|hit)\b)"
        r"|(?P<present>\b(?:is|are|am)(?:\s+(?:\w+ly\s+)?[a-z]+ed)?\b|\b(?:has|have|says"
        r"|begins|opens|starts|ends|meets|runs|closes|expires|lasts|continues|falls|comes|goes"
        r"|happens|occurs|arrives|launches|takes\s+place)\b)"
        r"|(?P<past>\b(?:was|were|had|did|said|told|met|went|came|took|gave|made|held"
        r"|began|left|saw|found|sent|won|lost|fell|rose|led|brought|thought|became|got|spoke"
        r"|wrote|struck|ran|paid|sold|bought|built|chose|drew|drove|flew|grew|knew|meant|sought"
        r"|spent|stood|stole|swore|taught|threw|understood|withdrew|broke|caught|fought|felt"
        r"|kept|heard|dealt|froze|hid|blew|fled|sank|shook|slept|stuck|swept|tore|woke|wore"
        r"|ate|fed)\b|\b(?![a-z]*eed\b|hundred\b)[a-z]{2,}ed\b)"
    ),
)
