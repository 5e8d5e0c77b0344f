"""Real-browser tests in Debian's chromium: every page shows a plotly chart."""

from __future__ import annotations

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = {
    "": "Overzicht prestatieafspraken",
    "betaalbaarheid": "Betaalbaarheid",
    "duurzaamheid": "Duurzaamheid",
    "voorraad": "Voorraadontwikkeling",
    "afspraken": "Afspraken",
    "gegevens": "Gegevens",
}


@pytest.mark.parametrize(("path", "title"), PAGES.items())
def test_every_page_shows_a_plotly_chart(demo_server, page, path, title):
    page.goto(f"{demo_server}/{path}")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart).to_be_visible()
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(page.get_by_text("Demonstratiegegevens.", exact=False).first).to_be_visible()


def test_filter_is_kept_in_the_link(demo_server, page):
    page.goto(f"{demo_server}/?gemeente=Emmen")
    expect(page.get_by_role("heading", name="Overzicht prestatieafspraken")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_match_aria_snapshot('- combobox "Gemeente": Emmen')
    page.get_by_role("link", name="Betaalbaarheid").click()
    expect(page.get_by_role("heading", name="Betaalbaarheid")).to_be_visible()
    expect(page).to_have_url(f"{demo_server}/betaalbaarheid?gemeente=Emmen")
