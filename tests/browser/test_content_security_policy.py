"""In Chromium, under the site's Content-Security-Policy: the pages load without one
violation and still work (the chart draws, in WebGL too; the admin's autocomplete
and inlines work; Swagger UI lists the operations)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AbstractUser
from playwright.sync_api import ConsoleMessage, Page, expect

from events.models import Actor
from tests.browser.chart import wait_drawn
from tests.timeline.seedlike import make_seed_events

pytestmark = pytest.mark.browser

# Runs in every document before its own scripts: records what the policy blocks.
WATCH_JS = """(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    const what = e.blockedURI || "inline";
    const where = `${e.sourceFile}:${e.lineNumber}`;
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${what} at ${where}`);
  });
})()"""
# Chromium's console words for a blocked resource and for a policy header it rejects.
POLICY_WORDS = re.compile(r"Content Security Policy|Permissions-Policy|Refused to", re.IGNORECASE)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def violations(page: Page) -> Callable[[], list[str]]:
    """What the policies blocked or rejected on the current page, so far."""
    console: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if POLICY_WORDS.search(message.text):
            console.append(message.text)

    page.add_init_script(WATCH_JS)
    page.on("console", record)
    return lambda: [*page.evaluate("() => window.__cspViolations || []"), *console]


def test_the_timeline_draws_in_svg_and_webgl_with_no_violation(
    page: Page, site: str, violations: Callable[[], list[str]]
) -> None:
    make_seed_events()
    page.goto(site + "/")
    wait_drawn(page)
    # Once idle the page prepares WebGL (main.js, warmGl): plotly.js compiles its
    # shaders' code with Function(), which needs the chart pages' 'unsafe-eval'.
    expect(page.locator("#chart")).to_have_attribute("data-gl", "ready")
    expect(page.locator("#chart .gl-canvas").first).to_be_attached()
    assert page.locator("#chart .point").count() > 0
    # The camera button's PNG: plotly.js draws the SVG into a canvas through data: URLs.
    png = page.evaluate("() => Plotly.toImage(document.getElementById('chart'), {format: 'png'})")
    assert png.startswith("data:image/png;base64,")
    assert violations() == []


def test_an_actor_page_draws_its_small_chart_with_no_violation(
    page: Page, site: str, violations: Callable[[], list[str]]
) -> None:
    make_seed_events()
    page.goto(site + Actor.objects.get(name="Emmanuel Macron").get_absolute_url())
    wait_drawn(page)
    assert violations() == []


def test_an_event_page_loads_with_no_violation(
    page: Page, site: str, violations: Callable[[], list[str]]
) -> None:
    seeds = make_seed_events()
    page.goto(site + seeds.speech.get_absolute_url())
    expect(page.locator("h1")).to_have_text(seeds.speech.title)
    assert violations() == []


def test_the_admin_event_form_works_with_no_violation(
    page: Page,
    site: str,
    violations: Callable[[], list[str]],
    django_user_model: type[AbstractUser],
) -> None:
    seeds = make_seed_events()
    django_user_model.objects.create_superuser("admin", email="", password=PASSWORD)
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("admin")

    page.goto(site + f"/admin/events/event/{seeds.speech.pk}/change/")
    # Autocomplete (select2, fed by the admin's JSON view): open it and search.
    page.locator(".field-actor .select2-selection").first.click()
    page.locator(".select2-dropdown .select2-search__field").fill("Lavrov")
    expect(page.locator(".select2-results__option")).to_have_text(["Sergey Lavrov"])
    page.keyboard.press("Escape")
    # Inlines: "Add another" adds a row.
    rows = page.locator("#participations-group tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#participations-group .add-row a").click()
    expect(rows).to_have_count(before + 1)
    assert violations() == []

    # Date widgets (the admin's calendar JS; its Today is the server's, UTC).
    source = seeds.speech.citations.get().source
    page.goto(site + f"/admin/events/source/{source.pk}/change/")
    page.locator(".field-published .datetimeshortcuts a", has_text="Today").click()
    expect(page.locator("#id_published")).to_have_value(datetime.now(UTC).date().isoformat())
    page.locator(".field-published .date-icon").click()
    expect(page.locator(".calendarbox").first).to_be_visible()
    assert violations() == []


def test_swagger_ui_lists_the_operations_with_no_violation(
    page: Page, site: str, violations: Callable[[], list[str]]
) -> None:
    page.goto(site + "/api/docs/")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() > 10
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    assert violations() == []


def test_the_admin_lockout_page_says_why_with_no_violation(
    page: Page,
    site: str,
    violations: Callable[[], list[str]],
    django_user_model: type[AbstractUser],
) -> None:
    django_user_model.objects.create_superuser("admin", email="", password=PASSWORD)
    for _ in range(5):  # AXES_FAILURE_LIMIT
        page.goto(site + "/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "not the password")
        page.click("input[type=submit]")
    expect(page.locator(".errornote")).to_contain_text("Too many failed logins as “admin”")
    page.click("text=Back to the login page")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator(".errornote")).to_contain_text("even with the right password")
    assert violations() == []
