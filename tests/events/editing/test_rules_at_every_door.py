"""The editing rules hold whichever door a change comes through: the API, the
admin's form and actions, the review queue, the replayed review and ingestion."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from events.ingest.articles import Article
from events.ingest.decisions import DecisionError, apply_decisions
from events.ingest.service import ingest_article
from events.models import Citation, Event, Participation, Source, Status
from tests.factories import add_evidence, cite, make_actor, make_event, make_source

pytestmark = pytest.mark.django_db

TEXT = "Macron said on Friday that “Europe’s security is decided by Europeans”."


def _admin_data(event: Event | None = None, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": event.title if event else "Macron speaks in Munich",
        "status": event.status if event else "draft",
        "importance": "3",
        "date_start": "2026-02-13",
        "date_end": "2026-02-13",
        "precision": "day",
    }
    if event is not None:
        data["loaded_version"] = str(event.version)
    for prefix in ("participations", "citations", "links_out"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(fields)
    return data


def _page(response: Any) -> str:
    return response.content.decode()


class TestAPublishedEventHasAParticipantAndACitation:
    def test_the_api_refuses_to_publish_a_bare_draft(self, editor_api: APIClient) -> None:
        draft = make_event(status=Status.DRAFT, title="Bare")
        response = editor_api.patch(
            f"/api/events/{draft.pk}/", {"status": "published", "version": 1}, format="json"
        )
        assert response.status_code == 400
        errors = response.json()
        assert "participant" in errors["participants"][0]
        assert "citation" in errors["citations"][0]
        draft.refresh_from_db()
        assert (draft.status, draft.version, draft.published_at) == ("draft", 1, None)

    def test_the_api_refuses_to_create_a_published_event_without_a_citation(
        self, editor_api: APIClient
    ) -> None:
        actor = make_actor()
        body = {
            "title": "Uncited",
            "date": "2026-02-13",
            "status": "published",
            "participants": [{"actor": actor.pk, "role": "initiator"}],
        }
        response = editor_api.post("/api/events/", body, format="json")
        assert response.status_code == 400
        assert list(response.json()) == ["citations"]
        assert not Event.objects.exists()
        assert not Participation.objects.exists()

    def test_the_api_refuses_to_strip_a_published_event(self, editor_api: APIClient) -> None:
        event = make_event(evidence=True)
        response = editor_api.patch(
            f"/api/events/{event.pk}/",
            {"participants": [], "version": event.version},
            format="json",
        )
        assert response.status_code == 400
        assert "participants" in response.json()
        assert event.participations.count() == 1

    def test_the_admin_form_refuses_and_keeps_the_editors_input(
        self, editor_client: Client
    ) -> None:
        draft = make_event(status=Status.DRAFT, title="Bare")
        url = reverse("admin:events_event_change", args=[draft.pk])
        response = editor_client.post(
            url, _admin_data(draft, status="published", title="Bare but retitled")
        )
        assert response.status_code == 200
        page = _page(response)
        assert "needs at least one participant to be published" in page
        assert "needs at least one citation to be published" in page
        assert 'value="Bare but retitled"' in page  # what the editor typed is still there
        draft.refresh_from_db()
        assert (draft.title, draft.status, draft.version) == ("Bare", "draft", 1)
        assert draft.history.count() == 1

    def test_the_admin_form_refuses_removing_the_last_citation(self, editor_client: Client) -> None:
        event = make_event(evidence=True)
        citation = event.citations.get()
        url = reverse("admin:events_event_change", args=[event.pk])
        data = _admin_data(event)
        data.update(
            {
                "citations-TOTAL_FORMS": "1",
                "citations-INITIAL_FORMS": "1",
                "citations-0-id": str(citation.pk),
                "citations-0-event": str(event.pk),
                "citations-0-source": str(citation.source_id),
                "citations-0-quote": citation.quote,
                "citations-0-DELETE": "on",
            }
        )
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "needs at least one citation to be published" in _page(response)
        assert Citation.objects.filter(pk=citation.pk).exists()

    def test_a_bulk_publish_is_all_or_nothing(self, editor_client: Client) -> None:
        ready = make_event(status=Status.DRAFT, evidence=True, title="Ready")
        bare = make_event(status=Status.DRAFT, title="Bare")
        response = editor_client.post(
            reverse("admin:events_event_changelist"),
            {"action": "publish", ACTION_CHECKBOX_NAME: [ready.pk, bare.pk]},
            follow=True,
        )
        assert "Nothing changed." in _page(response)
        assert "“Bare” needs at least one participant" in _page(response)
        assert set(Event.objects.values_list("status", flat=True)) == {"draft"}

    def test_the_review_queue_refuses_with_a_message(self, editor_client: Client) -> None:
        bare = make_event(status=Status.DRAFT, title="Bare")
        url = reverse("admin:events_ingesteddraft_change", args=[bare.pk])
        response = editor_client.post(url, {"action": "publish"}, follow=True)
        assert "needs at least one citation to be published" in _page(response)
        assert Event.objects.get(pk=bare.pk).status == "draft"

    def test_a_replayed_review_names_the_decision(self, editor: Any) -> None:
        source = make_source(text=TEXT)
        draft = make_event(status=Status.DRAFT, title="Quoted but actorless")
        cite(draft, source, "Macron said on Friday")
        decisions = {
            "decisions": [{"action": "publish", "source": source.url, "quote": "Macron said on"}]
        }
        with pytest.raises(DecisionError, match=r"decision 1: participants: .*participant"):
            apply_decisions(decisions, editor)
        assert Event.objects.get(pk=draft.pk).status == "draft"


class TestAQuoteIsTheSourcesWords:
    @pytest.fixture
    def source(self) -> Source:
        return make_source(text=TEXT)

    def _body(self, source: Source, **citation: Any) -> dict[str, Any]:
        actor = make_actor()
        return {
            "title": "Macron on European security",
            "date": "2026-02-13",
            "participants": [{"actor": actor.pk, "role": "initiator"}],
            "citations": [{"source": source.pk, **citation}],
        }

    def test_a_made_up_quote_is_refused_by_the_api(
        self, editor_api: APIClient, source: Source
    ) -> None:
        body = self._body(source, quote="Europe will never talk to Russia")
        response = editor_api.post("/api/events/", body, format="json")
        assert response.status_code == 400
        assert "is not in the text of" in response.json()["citations"][0]
        assert not Event.objects.exists()

    @pytest.mark.parametrize(
        "typed",
        [
            '"Europe\'s security is decided by Europeans"',
            "“Europe’s security   is decided\nby Europeans”",
            "'Europe's security is decided by Europeans'",
        ],
    )
    def test_a_quote_typed_with_other_marks_is_stored_as_the_source_words(
        self, editor_api: APIClient, source: Source, typed: str
    ) -> None:
        response = editor_api.post("/api/events/", self._body(source, quote=typed), format="json")
        assert response.status_code == 201, response.content
        citation = response.json()["citations"][0]
        assert citation["quote"] == "“Europe’s security is decided by Europeans”"
        assert TEXT[citation["start_offset"] : citation["end_offset"]] == citation["quote"]

    def test_offsets_that_do_not_hold_the_quote_are_refused_with_the_right_ones(
        self, editor_api: APIClient, source: Source
    ) -> None:
        body = self._body(source, quote="Macron said", start_offset=5, end_offset=16)
        response = editor_api.post("/api/events/", body, format="json")
        assert response.status_code == 400
        assert "not at these offsets (5-16)" in response.json()["citations"][0]
        assert "it is at 0-11" in response.json()["citations"][0]

    def test_a_source_without_text_cannot_back_a_quote(self, editor_api: APIClient) -> None:
        empty = make_source(text="")
        response = editor_api.post(
            "/api/events/", self._body(empty, quote="Anything at all"), format="json"
        )
        assert response.status_code == 400
        assert "no text to check the quote against" in response.json()["citations"][0]

    def test_the_admin_inline_refuses_a_made_up_quote_on_its_field(
        self, editor_client: Client, source: Source
    ) -> None:
        data = _admin_data(
            **{
                "citations-TOTAL_FORMS": "1",
                "citations-0-source": str(source.pk),
                "citations-0-quote": "Words nobody wrote",
            }
        )
        response = editor_client.post(reverse("admin:events_event_add"), data)
        assert response.status_code == 200
        assert "is not in the text of" in _page(response)
        assert not Event.objects.exists()

    def test_the_admin_inline_finds_the_offsets(
        self, editor_client: Client, source: Source
    ) -> None:
        data = _admin_data(
            **{
                "citations-TOTAL_FORMS": "1",
                "citations-0-source": str(source.pk),
                "citations-0-quote": "Macron said on  Friday",
            }
        )
        response = editor_client.post(reverse("admin:events_event_add"), data)
        assert response.status_code == 302
        citation = Citation.objects.get()
        assert (citation.quote, citation.start_offset, citation.end_offset) == (
            "Macron said on Friday",
            0,
            21,
        )


class TestSourcesThatPublishedEventsCite:
    @pytest.fixture
    def cited(self) -> Source:
        event = make_event(evidence=True, title="Cited")
        return event.citations.get().source

    def _change(self, client: Client, source: Source, **fields: Any) -> Any:
        data = {
            "url": source.url,
            "title": source.title,
            "publisher": source.publisher,
            "language": source.language,
            "published": source.published.isoformat() if source.published else "",
            "text": source.text,
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            **fields,
        }
        return client.post(reverse("admin:events_source_change", args=[source.pk]), data)

    def test_a_contributor_may_not_change_them(
        self, contributor_client: Client, cited: Source
    ) -> None:
        response = self._change(contributor_client, cited, url="https://evil.example.com/")
        assert response.status_code == 403
        cited.refresh_from_db()
        assert cited.url.startswith("https://news.example.org/")

    def test_a_contributor_may_change_a_source_only_drafts_cite(
        self, contributor_client: Client
    ) -> None:
        draft = make_event(status=Status.DRAFT, evidence=True)
        source = draft.citations.get().source
        response = self._change(contributor_client, source, title="Better title")
        assert response.status_code == 302
        source.refresh_from_db()
        assert source.title == "Better title"

    def test_an_editors_change_is_a_change_of_the_citing_events(
        self, editor_client: Client, editor: Any, cited: Source
    ) -> None:
        event = Event.objects.get(citations__source=cited)
        before = (event.version, event.updated_at)
        response = self._change(editor_client, cited, url="https://news.example.org/moved")
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.version == before[0] + 1
        assert event.updated_at > before[1]
        record = event.history.first()
        assert (record.history_user, record.history_change_reason) == (
            editor,
            f"Source {cited.pk} changed",
        )

    def test_a_new_text_keeps_the_quotes_where_they_now_are(
        self, editor_client: Client, cited: Source
    ) -> None:
        citation = cited.citations.get()
        new_text = f"Updated at noon. {cited.text}"
        assert self._change(editor_client, cited, text=new_text).status_code == 302
        citation.refresh_from_db()
        assert new_text[citation.start_offset : citation.end_offset] == citation.quote

    def test_a_browsers_line_breaks_change_nothing(
        self, editor_client: Client, editor: Any
    ) -> None:
        source = make_source(text="First paragraph.\n\nMacron said it twice.\nThe end.")
        event = make_event(title="Quoted")
        citation = cite(event, source, "Macron said it twice.")
        before = (citation.start_offset, citation.end_offset, event.version)
        # A textarea sends its line breaks as CR LF.
        response = self._change(editor_client, source, text=source.text.replace("\n", "\r\n"))
        assert response.status_code == 302
        source.refresh_from_db()
        citation.refresh_from_db()
        event.refresh_from_db()
        assert "\r" not in source.text
        assert (citation.start_offset, citation.end_offset, event.version) == before

    def test_a_new_text_without_a_cited_quote_is_refused_on_the_text(
        self, editor_client: Client, cited: Source
    ) -> None:
        response = self._change(editor_client, cited, text="Something else entirely.")
        assert response.status_code == 200
        assert "no longer contains the quote of 1 citation(s)" in _page(response)
        assert Source.objects.get(pk=cited.pk).text == cited.text

    def test_a_contributors_import_of_a_changed_text_is_refused(
        self, contributor: Any, cited: Source
    ) -> None:
        article = Article(
            url=cited.url,
            published=date(2026, 2, 14),
            title="T",
            text=f"{cited.text} And more.",
            language="en",
        )
        result = ingest_article(article=article, user=contributor)
        assert result.failed
        assert result.error_field == "url"
        assert "only editors" in result.error
        assert Source.objects.get(pk=cited.pk).text == cited.text


class TestPermissionsAtEveryDoor:
    def test_a_contributor_cannot_merge_reject_or_delete(
        self, contributor_client: Client, contributor_api: APIClient
    ) -> None:
        draft = make_event(status=Status.DRAFT, evidence=True)
        other = make_event(status=Status.DRAFT, evidence=True)
        review = reverse("admin:events_ingesteddraft_change", args=[draft.pk])
        for action, reason in (
            ({"action": "reject"}, "Only editors may reject drafts."),
            ({"action": "merge", "keep": other.pk}, "Only editors may merge events."),
        ):
            response = contributor_client.post(review, action)
            assert response.status_code == 403
            assert reason in _page(response)  # the page says why
        assert contributor_api.delete(f"/api/events/{draft.pk}/").status_code == 403
        assert Event.objects.count() == 2

    def test_an_editor_merges_and_the_kept_event_keeps_its_evidence(
        self, editor_client: Client
    ) -> None:
        keep = make_event(evidence=True, title="Kept")
        duplicate = make_event(status=Status.DRAFT, title="Duplicate")
        add_evidence(duplicate)
        review = reverse("admin:events_ingesteddraft_change", args=[duplicate.pk])
        response = editor_client.post(review, {"action": "merge", "keep": keep.pk})
        assert response.status_code == 302
        assert keep.citations.count() == 2
        assert keep.participations.count() == 2


class TestRevertingFromTheHistory:
    def _revert(self, client: Client, event: Event, version: Any, **fields: Any) -> Any:
        url = reverse("admin:events_event_simple_history", args=[event.pk, version.history_id])
        page = client.get(url)
        assert page.status_code == 200
        loaded = page.context["adminform"].form.fields["loaded_version"].initial
        data = _admin_data(event, title=version.title, loaded_version=str(loaded), **fields)
        return client.post(url, data)

    def test_an_editor_reverts_to_an_older_version(self, editor_client: Client) -> None:
        event = make_event(status=Status.DRAFT, title="First words", evidence=True)
        event.title = "Second words"
        event.save()
        oldest = event.history.order_by("history_id").first()
        response = self._revert(editor_client, event, oldest)
        assert response.status_code == 302
        event.refresh_from_db()
        assert (event.title, event.version) == ("First words", 3)

    def test_a_revert_from_a_stale_page_is_refused_on_the_page(self, editor_client: Client) -> None:
        event = make_event(status=Status.DRAFT, title="First words", evidence=True)
        oldest = event.history.order_by("history_id").first()
        url = reverse("admin:events_event_simple_history", args=[event.pk, oldest.history_id])
        loaded = editor_client.get(url).context["adminform"].form.fields["loaded_version"].initial
        event.title = "Saved by a colleague meanwhile"
        event.save()
        data = _admin_data(event, title="First words", loaded_version=str(loaded))
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "Someone else saved this event" in _page(response)
        event.refresh_from_db()
        assert event.title == "Saved by a colleague meanwhile"


@pytest.mark.parametrize("typed", ["99999", "abc", "", "99999999999999999999999"])
def test_merging_into_an_event_that_does_not_exist_is_a_message(
    editor_client: Client, typed: str
) -> None:
    draft = make_event(status=Status.DRAFT, evidence=True)
    review = reverse("admin:events_ingesteddraft_change", args=[draft.pk])
    response = editor_client.post(review, {"action": "merge", "keep": typed}, follow=True)
    assert response.status_code == 200
    assert "to merge into." in _page(response)
    assert Event.objects.filter(pk=draft.pk).exists()
