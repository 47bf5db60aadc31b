"""Limits on one article: a repeated sentence makes one draft, an article over
the size limit or the time budget fails with a message and stores nothing.

Found by a tester: a 2 MB paste of one article repeated made 4,208 drafts and
ran past the worker's timeout."""

from __future__ import annotations

import io
import itertools
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.ingest.articles import Article
from events.ingest.limits import Budget
from events.ingest.service import ingest_article
from events.models import ActorSuggestion, Event, Source, UndatedCandidate

pytestmark = pytest.mark.django_db

IMPORT = "admin:events_ingesteddraft_import"


def stored() -> dict[str, int]:
    return {
        "sources": Source.objects.count(),
        "events": Event.objects.count(),
        "candidates": UndatedCandidate.objects.count(),
        "suggestions": ActorSuggestion.objects.count(),
    }


NOTHING = {"sources": 0, "events": 0, "candidates": 0, "suggestions": 0}


def drafts_of(source_id: int) -> list[tuple[str, str, str]]:
    events = Event.objects.filter(citations__source_id=source_id)
    return sorted((e.edtf, e.title, e.citations.get().quote) for e in events)


def candidates_of(source_id: int) -> list[str]:
    return sorted(
        UndatedCandidate.objects.filter(source_id=source_id).values_list("quote", flat=True)
    )


class TestRepeatedSentences:
    def test_a_repeated_article_makes_the_same_drafts_as_one_copy(
        self, register, seed_article: Article
    ) -> None:
        once = ingest_article(article=seed_article)
        # Pasted three times, the last copy with its lines joined differently.
        copies = [seed_article.text, seed_article.text, " ".join(seed_article.text.split())]
        repeated = replace(
            seed_article, url="https://news.example.org/again", text="\n\n".join(copies)
        )
        thrice = ingest_article(article=repeated)
        assert len(thrice.counts.created) == len(once.counts.created) > 2
        assert thrice.counts.candidates == once.counts.candidates
        assert drafts_of(thrice.source_id) == drafts_of(once.source_id)
        assert candidates_of(thrice.source_id) == candidates_of(once.source_id)

    def test_a_sentence_said_twice_makes_one_draft_where_it_first_stands(
        self, register, make_article
    ) -> None:
        said = "Emmanuel Macron said on Friday that he wanted talks with Russia."
        other = "Sergey Lavrov said on Thursday that talks were over."
        spaced = said.replace(" ", "  ").replace("  that", "\tthat")
        text = f"{said} {other}\n\n{spaced}"
        result = ingest_article(article=make_article(text))
        quotes = [quote for _, _, quote in drafts_of(result.source_id)]
        assert sorted(quotes) == sorted([said, other])
        assert len(result.counts.created) == 2
        event = Event.objects.get(citations__quote=said)
        assert event.citations.get().start_offset == 0  # the first copy is cited

    def test_an_undated_sentence_said_twice_is_one_candidate(self, register, make_article) -> None:
        # A plan without a date stays undated however often it is repeated.
        undated = "Emmanuel Macron will travel to Russia."
        text = f"{undated} Sergey Lavrov said on Thursday that talks were over. {undated}"
        result = ingest_article(article=make_article(text))
        assert candidates_of(result.source_id) == [undated]

    def test_sentences_that_differ_by_a_word_stay_two(self, register, make_article) -> None:
        text = (
            "Emmanuel Macron said on Friday that he wanted talks with Russia. "
            "Emmanuel Macron said on Friday that he wanted talks with Ukraine."
        )
        result = ingest_article(article=make_article(text))
        assert len(result.counts.created) == 2


class TestSizeLimit:
    def test_the_tester_s_two_megabyte_paste_is_refused_on_the_text_field(
        self, register, editor_client, seed_article: Article
    ) -> None:
        text = "\n\n".join([seed_article.text] * 1100)
        size = len(text.encode())
        assert size > 2_000_000
        form = {"url": "https://news.example.org/paste", "published": "2026-02-14", "text": text}
        response = editor_client.post(reverse(IMPORT), form)
        assert response.status_code == 200
        [message] = response.context["form"].errors["text"]
        assert message.startswith(f"the text is 2.2 MB ({size:,} bytes)")
        assert "over the limit of 500 kB (500,000 bytes, INGEST_MAX_ARTICLE_BYTES)" in message
        assert stored() == NOTHING

    def test_the_limit_counts_bytes_and_includes_its_edge(self, register, make_article, settings):
        settings.INGEST_MAX_ARTICLE_BYTES = 100
        at_limit = "Emmanuel Macron said on Friday that he wanted talks. " + "x" * 47
        assert len(at_limit.encode()) == 100
        assert not ingest_article(article=make_article(at_limit)).failed
        over = make_article(
            "é" * 51, url="https://news.example.org/accents"
        )  # 51 letters, 102 bytes
        result = ingest_article(article=over)
        assert result.failed
        assert result.error_field == "text"
        assert result.error.startswith("the text is 0 kB (102 bytes), over the limit")

    def test_the_command_names_the_file_and_line_and_goes_on(
        self, register, tmp_path, settings
    ) -> None:
        settings.INGEST_MAX_ARTICLE_BYTES = 1000
        big = "Emmanuel Macron said on Friday that he wanted talks with Russia. " * 20
        (tmp_path / "big.txt").write_text(f"date 2026-02-14 https://x.org/big\nA title\n\n{big}\n")
        good = (
            '{"url": "https://x.org/1", "published": "2026-02-14", "language": "en", '
            '"text": "Lavrov said on Thursday that talks were over."}'
        )
        bad = f'{{"url": "https://x.org/2", "published": "2026-02-14", "text": "{big}"}}'
        (tmp_path / "bulk.jsonl").write_text(f"{good}\n{bad}\n")
        err = io.StringIO()
        with pytest.raises(CommandError, match="2 article"):
            call_command("ingest", str(tmp_path), stdout=io.StringIO(), stderr=err)
        lines = err.getvalue().splitlines()
        size = len(big.strip().encode())
        big_txt, bulk = tmp_path / "big.txt", tmp_path / "bulk.jsonl"
        assert lines[0].startswith(f"failed: {big_txt}:4 (text): the text is 1 kB ({size:,} bytes)")
        assert lines[1].startswith(f"failed: {bulk}:2 (text): the text is 1 kB ({size:,} bytes)")
        assert "INGEST_MAX_ARTICLE_BYTES" in lines[1]
        assert list(Source.objects.values_list("url", flat=True)) == ["https://x.org/1"]


class TestTimeBudget:
    def test_it_is_checked_between_sentences_and_stores_nothing(
        self, register, seed_article: Article
    ) -> None:
        ticks = itertools.count(0.0, 0.01)  # a clock that moves 10 ms per reading
        budget = Budget(0.05, clock=lambda: next(ticks))
        result = ingest_article(article=seed_article, budget=budget)
        assert result.failed
        assert result.error_field == "text"
        assert result.error.startswith(
            "reading it took longer than the time budget of 0.05 s (INGEST_TIME_BUDGET_SECONDS), "
            "at sentence 5 of "
        )
        assert stored() == NOTHING

    def test_a_tiny_budget_fails_the_import_page_cleanly(self, register, editor_client, settings):
        settings.INGEST_TIME_BUDGET_SECONDS = 0
        form = {
            "url": "https://news.example.org/import",
            "published": "2026-02-14",
            "text": "On January 30, Russian Foreign Minister Sergey Lavrov said talks were over.",
        }
        response = editor_client.post(reverse(IMPORT), form)
        [message] = response.context["form"].errors["text"]
        assert message.startswith("reading it took longer than the time budget of 0 s")
        assert stored() == NOTHING

    def test_a_tiny_budget_fails_the_command_with_the_file(self, register, tmp_path, settings):
        settings.INGEST_TIME_BUDGET_SECONDS = 0
        (tmp_path / "a.txt").write_text(
            "date 2026-02-14 https://x.org/a\nA title\nLavrov said on Thursday talks were over.\n"
        )
        err = io.StringIO()
        with pytest.raises(CommandError, match="1 article"):
            call_command("ingest", str(tmp_path), stdout=io.StringIO(), stderr=err)
        assert f"failed: {tmp_path / 'a.txt'} (text): reading it took longer" in err.getvalue()
        assert stored() == NOTHING

    def test_the_default_budget_reads_a_long_article_in_time(
        self, register, seed_article: Article
    ) -> None:
        # Just under the size limit: the limits must agree with each other.
        text = "\n\n".join([seed_article.text] * 250)
        assert 450_000 < len(text.encode()) <= 500_000
        result = ingest_article(article=replace(seed_article, text=text), dry_run=True)
        assert not result.failed, result.error
        assert result.plan is not None
        once = ingest_article(article=seed_article, dry_run=True).plan
        assert once is not None
        assert len(result.plan.drafts) == len(once.drafts) > 2
