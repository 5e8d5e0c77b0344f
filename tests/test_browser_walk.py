"""A walk through every page at a projector's 1280×720, as a beleidsmedewerker opens them before
the overleg: no English words from the framework, no raw column names, nothing that is a
developer's value (None, NaN, 00:00:00), and every chart's tool bar in Dutch."""

from __future__ import annotations

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser import new_page, wait_for_app  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "betaalbaarheid",
    "woningzoekenden",
    "duurzaamheid",
    "voorraad",
    "afspraken",
    "gegevens",
    "presenteren",
    "uitleg",
]
# what a user must never read: the framework's English and the code's names
ENGLISH = re.compile(
    r"\b(Choose options?|Upload|Browse files|Press Enter|Drag and drop|Limit \d+MB|No results|"
    r"Deploy|Rerun|Running|Download|Select all|Clear all|Show more|Ask ChatGPT|Fullscreen)\b"
)
RAW = re.compile(
    r"\b(huur_cent|rekenhuur_cent|vhe_id|bron_rij|label_van|label_naar|jaar_van|jaar_tot|"
    r"sha256|batch_id|vervangen_door|None|NaN|NaT|nan)\b|\d{4}-\d{2}-\d{2} 00:00:00"
)


@pytest.fixture(scope="module")
def projector(chromium):
    page = new_page(chromium, width=1280, height=720)
    yield page
    page.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_reads_dutch_at_1280x720(demo_server, projector, path):
    projector.goto(f"{demo_server}/{path}")
    wait_for_app(projector)
    expect(projector.get_by_role("heading").first).to_be_visible()
    projector.wait_for_timeout(500)  # the last charts and tables settle
    text = projector.locator("[data-testid='stMain']").inner_text()
    assert not ENGLISH.findall(text), ENGLISH.findall(text)
    assert not RAW.findall(text), RAW.findall(text)
    # no table or chart runs off the page to the right
    width = projector.evaluate("document.querySelector('[data-testid=stMain]').scrollWidth")
    assert width <= 1280


def test_the_chart_tool_bar_is_dutch_and_saves_a_png(demo_server, projector):
    projector.goto(demo_server)
    wait_for_app(projector)
    chart = projector.get_by_test_id("stPlotlyChart").first
    chart.hover()
    save = chart.locator(".modebar-btn[data-title='Grafiek opslaan (PNG)']")
    expect(save).to_be_attached()
    assert not chart.locator(".modebar-btn[data-title^='Download']").count()
    with projector.expect_download() as download:
        save.click()
    name = download.value.suggested_filename
    assert name.endswith(".png") and name.startswith("stand-van-de-doelen")
