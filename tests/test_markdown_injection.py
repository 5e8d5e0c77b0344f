"""Text from users and files is shown as text, never as markdown: a cell ``![x](http://…)`` in
an upload is no picture the browser fetches, ``[Log opnieuw in](http://…)`` no working link.
One function escapes it (:func:`prestatie.fmt.plain`); a test per entry point checks the
markdown body the page sends: the escaped text is in it and no link or image syntax is.
(Before: a cell, a file name, a template title, an agreement's omschrijving and the name on a
status were rendered, for every later visitor.)"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard, fmt
from prestatie.afspraken import sjabloon, toml_reader
from prestatie.opslag import register_store
from prestatie.toegang import rollen
from ui import context

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BO = "borger-odoorn-2023"
BO_TEXT = (toml_reader.default_folder() / f"{BO}.toml").read_text(encoding="utf-8")
IMAGE = "![x](http://host/label.png)"
LINK = "[Log opnieuw in](http://host/login)"
SAFE_IMAGE = r"\!\[x\](http\://host/label.png)"
SAFE_LINK = r"\[Log opnieuw in\](http\://host/login)"


def unsafe(body: str) -> bool:
    """Link or image syntax markdown would render: ``](`` or ``![`` not escaped."""
    return any(
        body[i - 1 : i] != "\\" and body[i - 1 : i + 1] != "\\]" for i in _all(body, "](")
    ) or any(body[i - 1 : i] != "\\" for i in _all(body, "!["))


def _all(text: str, part: str):
    start = text.find(part)
    while start != -1:
        yield start
        start = text.find(part, start + 1)


# --- the one function ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (IMAGE, SAFE_IMAGE),
        (LINK, SAFE_LINK),
        (
            ":red[rood] $x^2$ **vet** _schuin_ `code`",
            r":red\[rood\] \$x^2\$ \*\*vet\*\* \_schuin\_ \`code\`",
        ),
        ("# kop\n- lijst", r"\# kop - lijst"),
        ("- lijst", r"\- lijst"),  # no heading or list can begin
        ("1. eerste", r"1\. eerste"),
        ("zie www.host.nl of <http://host>", r"zie www\.host.nl of \<http\://host\>"),
        ("Lefier Emmen 31-12-2023.csv", "Lefier Emmen 31-12-2023.csv"),  # plain text stays
        ("kolom D (Netto huur): leeg", "kolom D (Netto huur): leeg"),
        (None, "–"),
    ],
)
def test_plain_escapes_what_markdown_would_render(text, shown):
    assert fmt.plain(text) == shown


def test_plain_text_shows_as_written():
    # what a reader sees: every backslash escape of CommonMark undone gives the text back
    import re

    for text in (IMAGE, LINK, "a_b*c [d] (e) #f !g <h> $i ~j |k :l {m}"):
        assert re.sub(r"\\(.)", r"\1", fmt.plain(text)) == text


# --- entry points through the pages ---------------------------------------------------------


@pytest.fixture
def empty(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    return db


def gegevens(db) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    return at


STOCK = (
    "Woonservice Borger-Odoorn\nPeildatum: 31-12-2023\n\nVHE;Dorp;Huurprijs;Label\n"
    f"WS1;Exloo;€ 500,00;{IMAGE}\n"
    "WS2;Exloo;€ 600,00;B\n"
)


def test_a_cell_value_in_the_upload_warnings_is_text(empty):
    at = gegevens(empty)
    at.file_uploader[0].upload("voorraad.csv", STOCK.encode(), "text/csv").run()
    assert not at.exception, at.exception
    [warning] = [w.value for w in at.warning if "waarschuwingen" in w.value]
    assert SAFE_IMAGE in warning and not unsafe(warning)


def test_a_file_name_is_text(empty):
    name = "[Log opnieuw in](https:host) voorraad.csv"  # a file name has no slash
    at = gegevens(empty)
    at.file_uploader[0].upload(name, STOCK.encode(), "text/csv").run()
    assert not at.exception, at.exception
    recognised = [m.value for m in at.markdown if "rijen" in m.value]
    assert recognised and all(not unsafe(m) for m in recognised)
    assert any(r"\[Log opnieuw in\](https:host) voorraad.csv" in m for m in recognised)


@pytest.fixture
def demo(demo_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    return demo_db


def store_version(db: Path, text: str) -> None:
    con = dashboard.open_database(db, demo=False)
    dashboard.save_agreement_version(con, BO, text, "sjabloon x.xlsx", rollen.lokaal("Ans"))
    con.close()


def test_an_agreements_omschrijving_is_text(demo):
    old = 'omschrijving = "Minimaal 90% van de voorraad tot de 2e aftoppingsgrens"'
    assert old in BO_TEXT
    store_version(demo, BO_TEXT.replace(old, f'omschrijving = "{IMAGE}"'))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/betaalbaarheid.py").run()
    assert not at.exception, at.exception
    titles = [s.value for s in at.subheader if s.value.startswith("A1 ·")]
    assert titles == [f"A1 · {SAFE_IMAGE} (Borger-Odoorn)"]


def test_a_template_title_is_text(demo):
    old = 'titel = "Prestatieafspraken 2023 Borger-Odoorn"'
    assert old in BO_TEXT
    # a period that leaves 2021 out, so the Overzicht names the title in a note for 2021
    text = BO_TEXT.replace(old, f'titel = "{LINK}"').replace(
        "periode = [2021, 2024]", "periode = [2023, 2024]"
    )
    store_version(demo, text)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.query_params["jaar"] = "2021"
    at.run()
    assert not at.exception, at.exception
    notes = [i.value for i in at.info if "loopt van" in i.value]
    assert notes and all(SAFE_LINK in n and not unsafe(n) for n in notes)


def test_a_template_title_in_an_uploaded_template_is_text(demo, monkeypatch):
    monkeypatch.setattr(context, "today", lambda: date(2024, 6, 1))
    agreement = toml_reader.parse_agreement(BO_TEXT, f"{BO}.toml")
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(agreement)))
    rows = {r[0].value: r[1] for r in book["Document"].iter_rows(min_row=2)}
    rows["titel"].value = LINK
    buffer = io.BytesIO()
    book.save(buffer)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/afspraken.py").run()
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].upload("sjabloon.xlsx", buffer.getvalue(), mime).run()
    assert not at.exception, at.exception
    [proposal] = [m.value for m in at.markdown if "), gecontroleerd:" in m.value]
    assert proposal.startswith(f"**{SAFE_LINK}** ({BO})") and not unsafe(proposal)


def test_the_name_on_a_status_is_text(demo, monkeypatch):
    monkeypatch.setattr(context, "today", lambda: date(2024, 6, 1))
    con = dashboard.open_database(demo, demo=False)
    register_store.set_status(con, BO, "A1", 2024, "loopt", "notitie", LINK)
    con.close()
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/afspraken.py").run()
    assert not at.exception, at.exception
    [line] = [m.value for m in at.markdown if m.value.startswith("Status in 2024")]
    assert f"gezet door {SAFE_LINK} op" in line and not unsafe(line)


def test_a_broken_documents_reason_on_gegevens_is_text(demo_db, tmp_path, monkeypatch):
    db = tmp_path / "db.duckdb"
    shutil.copy(demo_db, db)
    con = dashboard.open_database(db, demo=False)
    bad = BO_TEXT.replace("bedrag = 678.66", "bedrag = 1e308").replace(
        'titel = "Prestatieafspraken 2023 Borger-Odoorn"', f'titel = "{IMAGE}"'
    )
    register_store.save_version(con, BO, bad, "oud", None)  # as before the checks
    con.close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = gegevens(db)
    errors = [e.value for e in at.error if "kan niet gelezen worden" in e.value]
    assert errors and all(not unsafe(e) for e in errors)
