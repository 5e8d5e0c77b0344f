"""The Betaalbaarheid page in Debian's chromium: the charts draw the limits and the norm."""

from __future__ import annotations

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser
WAIT = 60_000  # ms; expect() has its own timeout, apart from the page's


def test_charts_show_the_limits_of_the_peildatum_and_the_norm(demo_server, page):
    page.goto(f"{demo_server}/?gemeente=Borger-Odoorn")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_match_aria_snapshot('- combobox "Gemeente": Borger-Odoorn', timeout=WAIT)
    page.get_by_role("link", name="Betaalbaarheid").click()
    expect(page.get_by_role("heading", name="Betaalbaarheid", exact=True)).to_be_visible(
        timeout=WAIT
    )
    charts = page.get_by_test_id("stPlotlyChart")

    # the distribution on 31-12-2024 in Borger-Odoorn: a labelled line at each limit in force
    distribution = charts.filter(has_text="Huurverdeling op 31-12-2024: alle corporaties, Borger")
    expect(distribution.locator(".main-svg").first).to_be_attached(timeout=WAIT)
    for amount in ("€ 454,47", "€ 650,43", "€ 697,07", "€ 879,66"):
        expect(distribution.locator("g.annotation", has_text=amount)).to_have_count(1, timeout=WAIT)
    expect(distribution.locator("g.annotation", has_text="DAEB-huurgrens")).to_be_visible(
        timeout=WAIT
    )
    expect(distribution.get_by_text("kale/netto huur", exact=False)).to_be_visible(timeout=WAIT)

    # A1 per corporatie: the norm line's label and the gap in homes written on the bar
    stand = charts.filter(has_text="A1: aandeel onder de 2e aftoppingsgrens, 2024")
    expect(stand.locator("g.annotation", has_text="norm ≥ 90%")).to_be_visible(timeout=WAIT)
    expect(stand.get_by_text("boven de grens om de norm te halen", exact=False)).to_be_visible(
        timeout=WAIT
    )

    # the trend over every peildatum, with the norm in the legend
    page.get_by_role("tab", name="Ontwikkeling").first.click()
    trend = charts.filter(has_text="A1: aandeel onder de 2e aftoppingsgrens, alle peildata")
    expect(trend.locator(".legendtext", has_text="norm")).to_be_visible(timeout=WAIT)
    expect(trend.locator(".legendtext", has_text="niet behaald")).to_be_visible(timeout=WAIT)
