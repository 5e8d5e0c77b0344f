"""In Debian's chromium: set a status on Afspraken and see it on the Overzicht; download the
template, change a norm, upload it, store it as a new version and undo it."""

from __future__ import annotations

import re

import openpyxl
import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser import new_page  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(chromium):
    page = new_page(chromium)
    yield page
    page.context.close()


def choose(page, box: str, option: str | re.Pattern, typed: str = "") -> None:
    """Open a select box, type to narrow its (virtualised) list, click the option."""
    page.get_by_role("combobox", name=box).click()
    if typed:
        page.keyboard.type(typed)
    page.get_by_role("option", name=option).click()


def open_afspraken(page, demo_server) -> None:
    page.goto(f"{demo_server}/afspraken")
    expect(page.get_by_role("heading", name="Afspraken", exact=True)).to_be_visible()


def test_status_set_on_afspraken_shows_on_the_overzicht(page, demo_server):
    # the Lokaal Akkoord runs 2019-2024: after 2024 the form opens on 2024, its last year
    open_afspraken(page, demo_server)
    choose(page, "Document", "Lokaal Akkoord Emmen 2019-2024")
    page.get_by_role("tab", name="Voortgang bijhouden").click()
    choose(page, "Afspraak", re.compile(r"^SW-4: "), typed="SW-4")
    choose(page, "Nieuwe status", re.compile(r"^gereed$"))
    page.get_by_label("Notitie").fill("Ondertekend in het bestuurlijk overleg")
    page.get_by_label("Uw naam").fill("Anna")
    page.get_by_role("button", name="Status 2024 opslaan").click()
    expect(page.get_by_text("Afspraak SW-4: status in 2024 is nu “gereed”.")).to_be_visible()

    page.goto(f"{demo_server}/?jaar=2024")
    expect(page.get_by_role("heading", name="Laatste notities")).to_be_visible()
    # Every seed agreement starts as "loopt" or "niet gestart": one gereed is this one.
    expect(page.get_by_text(re.compile(r"Afspraken in 2024: .*· 1 gereed"))).to_be_visible()


def test_template_download_edit_upload_and_undo(page, demo_server, tmp_path):
    open_afspraken(page, demo_server)
    choose(page, "Document", "Prestatieafspraken 2023 Borger-Odoorn")
    page.get_by_role("tab", name="Document aanpassen").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Sjabloon met dit document downloaden (Excel)").click()
    file = tmp_path / "borger-odoorn-2023.xlsx"
    download.value.save_as(file)

    book = openpyxl.load_workbook(file)
    assert book["Doelen"]["A2"].value == "A1" and book["Doelen"]["J1"].value == "norm"
    book["Doelen"]["J2"] = "2021=80%; 2022=80%; 2023=80%; 2024=80%"
    book.save(file)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(page.get_by_text("doel A1 gewijzigd: norm")).to_be_visible()
    page.get_by_label("Uw naam (komt bij de versie)").fill("Carla")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(
        page.get_by_text("Prestatieafspraken 2023 Borger-Odoorn: versie 2 geldt nu.")
    ).to_be_visible()

    page.get_by_role("tab", name="Document aanpassen").click()
    page.get_by_role("button", name="Laatste wijziging ongedaan maken").click()
    page.get_by_role("button", name="Ja, ongedaan maken").click()
    expect(page.get_by_text("Versie 1 geldt weer.")).to_be_visible()


def test_two_users_saving_one_status_each_get_theirs_or_a_clear_refusal(chromium, demo_server):
    """Two browsers on the same agreement: the first save counts, the second is refused with
    what the first one set, and keeps its own choice on the screen."""

    def status_form(who: str):
        page = new_page(chromium)
        open_afspraken(page, demo_server)
        choose(page, "Document", "Prestatieafspraken 2023 Borger-Odoorn")
        page.get_by_role("tab", name="Voortgang bijhouden").click()
        choose(page, "Afspraak", re.compile(r"^A6: "), typed="A6")
        page.get_by_label("Uw naam").fill(who)
        return page

    ann, bert = status_form("Ann"), status_form("Bert")  # both see the stand before either saves
    choose(ann, "Nieuwe status", re.compile(r"^gereed$"))
    ann.get_by_role("button", name="Status 2024 opslaan").click()
    expect(ann.get_by_text("Afspraak A6: status in 2024 is nu “gereed”.")).to_be_visible()

    choose(bert, "Nieuwe status", re.compile(r"^vervallen$"))
    bert.get_by_role("button", name="Status 2024 opslaan").click()
    expect(bert.get_by_text(re.compile(r"Inmiddels gezet op “gereed” door Ann"))).to_be_visible()
    expect(bert.get_by_text("U koos “vervallen”.", exact=False)).to_be_visible()
    # the choice stays on the screen
    expect(bert.get_by_test_id("stMain")).to_match_aria_snapshot(
        '- combobox "Nieuwe status": vervallen'
    )
    for page in (ann, bert):
        page.context.close()
