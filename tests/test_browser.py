"""Real-browser tests in Debian's chromium: every page shows a plotly chart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = {
    "": "Overzicht prestatieafspraken",
    "betaalbaarheid": "Betaalbaarheid",
    "duurzaamheid": "Duurzaamheid",
    "voorraad": "Voorraadontwikkeling",
    "afspraken": "Afspraken",
    "gegevens": "Gegevens",
}


@pytest.fixture(scope="module")
def server(demo_db_file, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (zie .ci/run)")
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db_file, db)
    with streamlit_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.mark.parametrize(("path", "title"), PAGES.items())
def test_every_page_shows_a_plotly_chart(server, page, path, title):
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart).to_be_visible()
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(page.get_by_text("Demonstratiegegevens.", exact=False).first).to_be_visible()


def test_filter_is_kept_in_the_link(server, page):
    page.goto(f"{server}/?gemeente=Emmen")
    expect(page.get_by_role("heading", name="Overzicht prestatieafspraken")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_match_aria_snapshot('- combobox "Gemeente": Emmen')
    page.get_by_role("link", name="Betaalbaarheid").click()
    expect(page.get_by_role("heading", name="Betaalbaarheid")).to_be_visible()
    expect(page).to_have_url(f"{server}/betaalbaarheid?gemeente=Emmen")
