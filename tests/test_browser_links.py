"""A shared link is the first thing a freshly started server sees, and it must still open the
right page, with the navigation and the filters of the link."""

from __future__ import annotations

import shutil

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser


def test_a_link_to_a_page_works_as_the_first_request(demo_db_file, tmp_path):
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_file, db)
    with streamlit_server(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/voorraad?gemeente=Emmen&corporatie=Lefier")
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Voorraadontwikkeling", exact=True)).to_be_visible()
        navigation = page.get_by_test_id("stSidebarNav")
        expect(navigation.get_by_role("link", name="Overzicht")).to_be_visible()
        expect(navigation).not_to_contain_text("app")  # the old mode lists file names
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_match_aria_snapshot('- combobox "Gemeente": Emmen')
        expect(sidebar).to_match_aria_snapshot('- combobox "Corporatie": Lefier')
        browser.close()
