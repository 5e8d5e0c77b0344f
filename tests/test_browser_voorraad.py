"""In Debian's chromium: the Voorraadontwikkeling page's tabs, waterfall choice and download."""

from __future__ import annotations

import duckdb
import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser import new_page, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def projects(browser_db) -> int:
    """Production rows in force in Borger-Odoorn, counted before the server locks the file."""
    con = duckdb.connect(str(browser_db))
    try:
        sql = "SELECT count(*) FROM actieve_productie WHERE gemeente = 'Borger-Odoorn'"
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def page(projects, demo_server, chromium):
    page = new_page(chromium)
    page.goto(f"{demo_server}/voorraad?gemeente=Borger-Odoorn")
    expect(page.get_by_role("heading", name="Voorraadontwikkeling")).to_be_visible()
    yield page
    page.context.close()


def test_tabs_waterfall_and_project_download(page, projects, tmp_path):
    # every corporatie's jaarschijven in its own tab, drawn as a plotly chart
    wait_for_app(page)
    tab = page.get_by_role("tab", name="Woonservice · Borger-Odoorn")
    tab.click()
    panel = page.get_by_role("tabpanel", name="Woonservice · Borger-Odoorn")
    chart = panel.get_by_test_id("stPlotlyChart")
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(chart.get_by_text("Jaarschijf Woonservice: nieuwbouw")).to_be_visible()

    # the waterfall follows the choice, and says the counts close
    choice = page.get_by_test_id("stSelectbox").filter(has_text="Corporatie en gemeente")
    choice.scroll_into_view_if_needed()
    choice.click()
    page.get_by_role("option", name="Woonservice · Borger-Odoorn", exact=True).click()
    expect(
        page.locator(".gtitle", has_text="Huurvoorraad Woonservice · Borger-Odoorn")
    ).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="sluiten precies aan")).to_be_visible()
    wait_for_app(page)

    # the projects behind the numbers: open, download, and the file holds every row
    page.get_by_test_id("stExpander").filter(has_text="Projecten in de selectie").click()
    button = page.get_by_role("button", name="Download deze rijen (CSV)").last
    expect(button).to_be_visible()
    with page.expect_download() as download:
        button.click()
    target = tmp_path / "projecten.csv"
    download.value.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").strip().splitlines()
    assert lines[0].split(";")[:4] == ["Project", "Kern", "Activiteit", "Aantal"]
    assert len(lines) - 1 == projects
