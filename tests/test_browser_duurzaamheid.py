"""The Duurzaamheid page in Debian's chromium: the fasering's bars and target markers are drawn.

Expected counts come from the demo database by plain SQL and from the agreement file by tomllib.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import duckdb
import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from prestatie.beoordeling.status import STATUS_KLEUREN  # noqa: E402
from tests.browser import ROOT  # noqa: E402

pytestmark = pytest.mark.browser

FASERING = ("DZ-9-fasering-A", "DZ-9-fasering-B", "DZ-9-fasering-C", "DZ-9-fasering-DEFG")


def rgb(colour: str) -> str:
    """'#1a7f37' -> 'rgb(26, 127, 55)', as the browser writes a style."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def expected_counts(db: Path) -> tuple[int, int]:
    """(bars, target markers) of the Domesta fasering: groups x years, and the norms."""
    con = duckdb.connect(str(db))
    try:
        [(years,)] = con.execute(
            "SELECT count(DISTINCT year(peildatum)) FROM actieve_vhe "
            "WHERE corporatie = 'Domesta' AND gemeente = 'Emmen'"
        ).fetchall()
    finally:
        con.close()
    toml = tomllib.loads((ROOT / "data/afspraken/emmen-2019-2024.toml").read_text("utf-8"))
    norms = sum(len(d["norm"]) for d in toml["doel"] if d["id"] in FASERING)
    return len(FASERING) * years, norms


def test_fasering_bars_and_target_markers_are_in_the_svg(demo_server, browser_db, page):
    bars, markers = expected_counts(browser_db)
    assert (bars, markers) == (16, 12)  # the demo: 4 groups x 2021-2024; 3 norms per group
    page.goto(f"{demo_server}/duurzaamheid")
    expect(page.get_by_role("heading", name="Duurzaamheid", exact=True)).to_be_visible()
    chart = page.locator(".st-key-aandeel_0")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".gtitle")).to_contain_text("Domesta in Emmen")
    expect(chart.locator(".barlayer .point")).to_have_count(bars)
    # target line across each milestone year, and a triangle beside it (min/max)
    targets = chart.locator('.scatterlayer .point[style*="stroke-width: 5px"]')
    expect(targets).to_have_count(markers)
    triangles = chart.locator('.scatterlayer .point[style*="stroke-width: 1.5px"]')
    expect(triangles).to_have_count(markers)
    strokes = {
        style.split("stroke: ")[1].split(";")[0]
        for style in targets.evaluate_all("els => els.map(e => e.getAttribute('style'))")
    }
    assert strokes <= {rgb(c) for c in STATUS_KLEUREN.values()}
    expect(chart.locator(".legend")).to_contain_text("doel minimaal")
    expect(chart.locator(".legend")).to_contain_text("doel maximaal")
    labels = page.locator(".st-key-labelverdeling")
    expect(labels.locator(".barlayer .point").first).to_be_attached()
    expect(labels.locator(".legend")).to_contain_text("onbekend (apart)")
