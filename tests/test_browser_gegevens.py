"""In Debian's chromium: upload a stock list on Gegevens, see the Overzicht change, undo it."""

from __future__ import annotations

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from prestatie import dashboard  # noqa: E402
from tests.browser import choose, new_page, streamlit_server, wait_for_app  # noqa: E402
from tests.test_page_gegevens import STOCK  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("upload") / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    with streamlit_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(chromium):
    page = new_page(chromium)
    yield page
    page.context.close()


def behaald(page, server) -> None:
    page.goto(server)
    expect(page.get_by_role("heading", name="Overzicht prestatieafspraken")).to_be_visible()
    return (
        page.get_by_test_id("stMetric")
        .filter(has_text="behaald")
        .filter(has_not_text="niet")
        .get_by_test_id("stMetricValue")
    )


def test_upload_changes_the_overzicht_and_undo_restores_it(page, server, tmp_path):
    expect(behaald(page, server)).to_have_text("0")

    file = tmp_path / "Woonservice voorraad.csv"
    file.write_bytes(STOCK.encode("cp1252"))
    page.goto(f"{server}/gegevens")
    wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(page.get_by_text("10 rijen", exact=False)).to_be_visible()
    wait_for_app(page)
    page.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_text("1 bestand ingelezen")).to_be_visible()

    expect(behaald(page, server)).to_have_text("1")  # A1 Woonservice 2023: 90,0%

    page.goto(f"{server}/gegevens")
    wait_for_app(page)
    choose(page, "Import ongedaan maken", "1: Woonservice voorraad.csv")
    wait_for_app(page)
    page.get_by_role("button", name="Ongedaan maken").click()
    page.get_by_role("button", name="Ja, ongedaan maken").click()
    expect(page.get_by_text("Import 1 is ongedaan gemaakt.")).to_be_visible()
    expect(behaald(page, server)).to_have_text("0")
