"""A look-ahead for the characters a pattern can start with.

Python's `re` tries a pattern that opens with an optional group at every
position of the text; checking the first character first makes the scan
several times faster. The characters come from the fragments that may open a
match: lexicon regular expressions of a simple shape, or plain characters.
"""

from __future__ import annotations

import re

NEVER = re.compile(r"(?!)")
DIGITS = "0123456789"


def starting(body: str, *alternatives: str, flags: int = 0) -> re.Pattern[str]:
    """Compile `body` behind a look-ahead for the characters a match can start with.

    Python's `re` tries a pattern that opens with an optional group at every
    position of the text; checking the first character first makes the scan
    several times faster. The characters come from the fragments that may open
    a match (regular expressions or, for DIGITS, plain characters).
    """
    first: set[str] = set()
    for fragment in alternatives or (body,):
        found = set(fragment) if fragment == DIGITS else _initials(fragment)
        if found is None:
            return re.compile(body, flags)
        first |= found
    if not first:
        return NEVER  # nothing can open a match: no cue words in this language
    return re.compile(rf"(?=[{''.join(sorted(re.escape(c) for c in first))}]){body}", flags)


def _initials(regex: str) -> set[str] | None:
    """The characters a match of `regex` can start with, or None when unsure.

    Understands what lexicon fragments hold: alternatives opening with a
    letter, a class of letters ("[sS]ince") or a group ("(?:the\\s+)?" is
    optional and makes the answer unsure).
    """
    if not regex:
        return set()
    first: set[str] = set()
    for alternative in _top_level_alternatives(regex):
        found = _initials_of_alternative(alternative)
        if found is None:
            return None
        first |= found
    return first


def _initials_of_alternative(alternative: str) -> set[str] | None:
    if alternative.startswith("(?!)"):
        return set()
    if alternative.startswith(("(?:", "(?P<", "(?i:")):
        close = _closing(alternative)
        if close + 1 < len(alternative) and alternative[close + 1] in "?*":
            return None
        inner = alternative[alternative.index(":" if alternative[2] != "P" else ">") + 1 : close]
        found = _initials(inner)
        if found is not None and alternative.startswith("(?i:"):
            found |= {c.swapcase() for c in found}
        return found
    if alternative.startswith(r"\d"):
        return set(DIGITS)
    if alternative.startswith("["):
        members = alternative[1 : alternative.index("]")]
        return None if "-" in members or "\\" in members else set(members)
    if alternative[:1].isalnum() and alternative[1:2] not in ("?", "*"):
        return {alternative[0]}
    return None


def _top_level_alternatives(regex: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth, in_class = 0, False
    for index, char in enumerate(regex):
        escaped = index > 0 and regex[index - 1] == "\\"
        if char == "[" and not escaped:
            in_class = True
        elif char == "]" and not escaped:
            in_class = False
        elif not in_class and not escaped and char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0 and not in_class and not escaped:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _closing(text: str) -> int:
    depth = 0
    for index, char in enumerate(text):
        if char in "()" and (index == 0 or text[index - 1] != "\\"):
            depth += 1 if char == "(" else -1
            if depth == 0:
                return index
    return len(text) - 1
