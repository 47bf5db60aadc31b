"""A source with thousands of citations still opens and saves in the admin;
its citations are listed, read only, page by page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from events.models import Citation, Event, Source
from tests.factories import cite, make_event, make_source

pytestmark = pytest.mark.django_db

MANY = 3_200  # past DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) once an inline sends its fields


@pytest.fixture
def cited_source() -> Source:
    """A source cited MANY times, by ten events."""
    source = make_source(text="Lavrov said the talks were over. " * 100)
    events = [make_event(title=f"Event {n}") for n in range(10)]
    Citation.objects.bulk_create(
        Citation(
            event=events[n % 10],
            source=source,
            quote="the talks were over",
            start_offset=33 * (n % 100) + 12,
            end_offset=33 * (n % 100) + 31,
        )
        for n in range(MANY)
    )
    return source


def change_form(source: Source, **changes: str) -> dict[str, str]:
    data = {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "language": source.language,
        "published": source.published.isoformat(),
        "text": source.text,
        "_save": "Save",
    }
    return {**data, **changes}


def test_a_source_with_thousands_of_citations_opens_quickly(
    editor_client: Client, cited_source: Source, django_assert_max_num_queries
) -> None:
    url = reverse("admin:events_source_change", args=[cited_source.pk])
    with django_assert_max_num_queries(20):
        response = editor_client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="citations-' not in page  # no inline rows, no form fields per citation
    assert page.count('<mark class="gt-quote">the talks were over</mark>') == 100
    assert page.count('<li>“the talks were over” — <a href="/admin/events/event/') == 10
    assert f'?source={cited_source.pk}">See all 3,200 in the list of citations</a>' in page


def test_and_its_change_form_saves(editor_client: Client, cited_source: Source) -> None:
    data = change_form(cited_source, title="Lavrov on the talks")
    assert len(data) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    url = reverse("admin:events_source_change", args=[cited_source.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Source.objects.get(pk=cited_source.pk).title == "Lavrov on the talks"
    assert cited_source.citations.count() == MANY


def test_the_citation_list_shows_one_source_s_citations_page_by_page(
    editor_client: Client, cited_source: Source
) -> None:
    other = make_source(text="Macron wanted a channel.")
    cite(make_event(title="Macron"), other, "wanted a channel")
    url = reverse("admin:events_citation_changelist")
    response = editor_client.get(url, {"source": cited_source.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "3200 citations" in page
    assert page.count("“the talks were over”") == 0  # quotes as they are, in a table
    assert page.count(">the talks were over<") == 100  # one page of 100
    assert "wanted a channel" not in page
    assert str(cited_source)[:60] in page  # the filter names the source
    everything = editor_client.get(url).content.decode()
    assert "3201 citations" in everything


def test_the_citation_list_is_read_only(editor_client: Client, cited_source: Source) -> None:
    citation = cited_source.citations.first()
    assert citation is not None
    list_page = editor_client.get(reverse("admin:events_citation_changelist")).content.decode()
    assert reverse("admin:events_citation_add") not in list_page
    change = reverse("admin:events_citation_change", args=[citation.pk])
    assert editor_client.post(change, {"quote": "changed"}).status_code == 403
    assert Citation.objects.get(pk=citation.pk).quote == "the talks were over"
    assert Event.objects.count() == 10


def test_contributors_see_it_too(contributor_client: Client, cited_source: Source) -> None:
    url = reverse("admin:events_citation_changelist")
    assert contributor_client.get(url, {"source": cited_source.pk}).status_code == 200


def test_a_source_without_citations_says_so(editor_client: Client) -> None:
    source = make_source()
    page = editor_client.get(reverse("admin:events_source_change", args=[source.pk]))
    assert "None yet." in page.content.decode()
    assert editor_client.get(reverse("admin:events_source_add")).status_code == 200
