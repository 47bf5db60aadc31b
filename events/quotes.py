"""Finding a quote in its source's text, as an editor would read it.

A quote typed or pasted by hand rarely matches the source byte for byte: line
breaks become spaces, typographic quotation marks become straight ones and
dashes become hyphens. So quote and text are compared after folding those
differences away, and the match is reported as offsets into the *source's*
text, whose words are then the citation's words. Pure Python, no database.
"""

from __future__ import annotations

from dataclasses import dataclass

# Quotation marks and dashes that editors and newsrooms use interchangeably.
# Single and double marks fold together too: house styles swap them ('...' in
# British news, "..." in American), and apostrophes ride along harmlessly.
_QUOTES = "\"“”„‟«»〝〞＂'‘’‚‛‹›`´＇"
_DASHES = "-‐‑‒–—―−﹘﹣－"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(ord, _QUOTES), '"'),
        **dict.fromkeys(map(ord, _DASHES), "-"),
        0x00A0: " ",  # no-break space
        0x2009: " ",  # thin space
        0x202F: " ",  # narrow no-break space
        # A soft hyphen is invisible to a reader: dropped (marked NUL here so that
        # the folded text's offsets still map back to the source's).
        0x00AD: "\0",
    }
)


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets [start, end) into a source's text."""

    start: int
    end: int


class _Folded:
    """`text` with whitespace runs collapsed and marks folded, and for each
    folded character the offset of the original character it came from."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for offset, char in enumerate(text.translate(_FOLD)):
            if char == "\0":
                continue
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            origin.append(offset)
        self.text = "".join(chars)
        self.origin = origin

    def span(self, start: int, length: int) -> Span:
        return Span(self.origin[start], self.origin[start + length - 1] + 1)


def fold_quote(quote: str) -> str:
    """The quote as it is compared: marks folded, whitespace collapsed and trimmed."""
    return _Folded(quote).text.strip()


def locate_quote(text: str, quote: str, *, near: int | None = None) -> Span | None:
    """Where `quote` occurs in `text` (compared after folding), or None.

    When it occurs several times, the occurrence nearest to `near` (a character
    offset, e.g. the one a client sent) is chosen, else the first.
    """
    needle = fold_quote(quote)
    if not needle:
        return None
    folded = _Folded(text)
    found = []
    at = folded.text.find(needle)
    while at != -1:
        found.append(at)
        if near is None:
            break
        at = folded.text.find(needle, at + 1)
    if not found:
        return None
    spans = [folded.span(at, len(needle)) for at in found]
    if near is None:
        return spans[0]
    return min(spans, key=lambda span: abs(span.start - near))


def quote_at(text: str, quote: str, start: int, end: int) -> bool:
    """Whether text[start:end] is `quote`, compared after folding."""
    if not 0 <= start < end <= len(text):
        return False
    return fold_quote(text[start:end]) == fold_quote(quote)
