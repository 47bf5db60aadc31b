"""A quote is found in its source's text as a reader would see it."""

from __future__ import annotations

import pytest

from events.quotes import Span, fold_quote, locate_quote, quote_at

TEXT = (
    "Macron said:\n“Europe’s  security — is decided\nby Europeans.” "
    "Lavrov answered «c’est la guerre» – and left. Europe’s security again."
)


def found(quote: str, **kwargs: int) -> str | None:
    span = locate_quote(TEXT, quote, **kwargs)
    return None if span is None else TEXT[span.start : span.end]


@pytest.mark.parametrize(
    ("typed", "source_words"),
    [
        # straight quotes and a hyphen for typographic ones and an em dash
        (
            '"Europe\'s security - is decided by Europeans."',
            "“Europe’s  security — is decided\nby Europeans.”",
        ),
        # line breaks and runs of spaces in the source, single spaces typed
        ("security — is decided by Europeans", "security — is decided\nby Europeans"),
        # French guillemets and an en dash typed as plain marks
        ('"c\'est la guerre" - and left', "«c’est la guerre» – and left"),
        # single marks for double ones, as British style writes them
        ("'c'est la guerre'", "«c’est la guerre»"),
        # surrounding space in what was pasted
        ("  Lavrov answered  ", "Lavrov answered"),
    ],
)
def test_it_finds_a_quote_typed_with_other_marks_and_spaces(typed: str, source_words: str) -> None:
    assert found(typed) == source_words


def test_it_reports_the_source_words_offsets() -> None:
    span = locate_quote(TEXT, "Lavrov answered")
    assert span == Span(TEXT.index("Lavrov"), TEXT.index("Lavrov") + len("Lavrov answered"))


def test_a_quote_that_is_not_in_the_text_is_not_found() -> None:
    assert found("Europe must decide alone") is None
    assert found("") is None
    assert found("   ") is None


def test_of_several_occurrences_the_nearest_to_a_hint_is_chosen() -> None:
    text = "Paris said no. Berlin said no. Rome said no."
    starts = [i for i in range(len(text)) if text.startswith("said no", i)]
    assert locate_quote(text, "said no").start == starts[0]
    assert locate_quote(text, "said no", near=20).start == starts[1]
    assert locate_quote(text, "said no", near=len(text)).start == starts[2]


def test_a_soft_hyphen_in_the_source_is_invisible() -> None:
    text = "the Bundes\u00adkanzler said"
    span = locate_quote(text, "Bundeskanzler said")
    assert span is not None
    assert text[span.start : span.end] == "Bundes\u00adkanzler said"


def test_quote_at_compares_after_folding() -> None:
    start = TEXT.index("«")
    end = TEXT.index("»") + 1
    assert quote_at(TEXT, '"c\'est la guerre"', start, end)
    assert not quote_at(TEXT, "la guerre", start, end)
    assert not quote_at(TEXT, "anything", 10, 5)
    assert not quote_at(TEXT, "anything", 0, len(TEXT) + 1)


def test_fold_quote_collapses_space_and_marks() -> None:
    assert fold_quote("  «Oui»\n—\tl’an ") == '"Oui" - l"an'
