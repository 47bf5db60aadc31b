"""Controlled vocabularies: actor kinds, date precision, workflow status, roles, PLOVER."""

from __future__ import annotations

from django.db import models


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    STATE = "state", "State"
    ORGANIZATION = "organization", "Organization"
    GROUP = "group", "Group"


class Precision(models.TextChoices):
    """How precisely an event's date is known.

    DAY is one day (earliest == latest). RANGE is a span of whole days known at
    both ends ("from 13 to 15 February"). WEEK, MONTH and YEAR are the calendar
    unit the sources name, stored as that unit's first and last day so that a
    month is never mistaken for its 1st.
    """

    DAY = "day", "Day"
    RANGE = "range", "Range of days"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"


# What anonymous readers see: a retraction stays listed, marked, so it is public too.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.RETRACTED)


class Role(models.TextChoices):
    INITIATOR = "initiator", "Initiator"
    RECIPIENT = "recipient", "Recipient"
    MENTIONED = "mentioned", "Mentioned"


class DateBasis(models.TextChoices):
    """What an event's date rests on."""

    WORDS = "words", "The sentence's own date words"
    CONTEXT = "context", "The date of the statement it continues"
    PUBLICATION = "publication", "The article's publication date"
    EDITOR = "editor", "Set by an editor"


class Origin(models.TextChoices):
    EDITOR = "editor", "Entered by an editor"
    INGEST = "ingest", "Extracted from an article"
    API = "api", "Created through the API"
    SYNTHETIC = "synthetic", "Synthetic (demo data)"


class QuadClass(models.TextChoices):
    VERBAL_COOPERATION = "verbal_cooperation", "Verbal cooperation"
    MATERIAL_COOPERATION = "material_cooperation", "Material cooperation"
    VERBAL_CONFLICT = "verbal_conflict", "Verbal conflict"
    MATERIAL_CONFLICT = "material_conflict", "Material conflict"


class Category(models.TextChoices):
    """PLOVER event categories (openeventdata/PLOVER)."""

    AGREE = "AGREE", "Agree"
    CONSULT = "CONSULT", "Consult"
    SUPPORT = "SUPPORT", "Support"
    CONCEDE = "CONCEDE", "Concede"
    COOPERATE = "COOPERATE", "Cooperate"
    AID = "AID", "Aid"
    RETREAT = "RETREAT", "Retreat"
    INVESTIGATE = "INVESTIGATE", "Investigate"
    DEMAND = "DEMAND", "Demand"
    DISAPPROVE = "DISAPPROVE", "Disapprove"
    REJECT = "REJECT", "Reject"
    THREATEN = "THREATEN", "Threaten"
    SANCTION = "SANCTION", "Sanction"
    PROTEST = "PROTEST", "Protest"
    CRIME = "CRIME", "Crime"
    MOBILIZE = "MOBILIZE", "Mobilize"
    COERCE = "COERCE", "Coerce"
    ASSAULT = "ASSAULT", "Assault"
    FIGHT = "FIGHT", "Fight"


# The quad classes as PLOVER's README defines them.
QUAD_OF_CATEGORY: dict[str, str] = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], QuadClass.VERBAL_COOPERATION),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT", "INVESTIGATE"], QuadClass.MATERIAL_COOPERATION),
    **dict.fromkeys(
        ["DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"], QuadClass.VERBAL_CONFLICT
    ),
    **dict.fromkeys(
        ["PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"], QuadClass.MATERIAL_CONFLICT
    ),
}


def quad_class_of(category: str) -> str:
    """The PLOVER quad class of a category, or "" when no category is set."""
    return str(QUAD_OF_CATEGORY.get(category, ""))


class LinkKind(models.TextChoices):
    RESPONDS_TO = "responds_to", "responds to"
    FOLLOWS_UP = "follows_up", "follows up"
    PART_OF = "part_of", "is part of"
