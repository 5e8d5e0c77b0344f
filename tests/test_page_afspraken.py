"""The Afspraken page through AppTest against the demo database: the register of a document,
setting a status (history kept, latest wins, visible on the Overzicht), a template upload that
is checked, stored as a new version and undone, and a refused upload that stores nothing.
Counts come from the agreement text in the database, not from the register code."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.afspraken import register, sjabloon, toml_reader
from prestatie.opslag import queries, register_store, store
from ui import context

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BO = "borger-odoorn-2023"
TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def db(demo_db_file, tmp_path_factory):
    """One copy for the module, so the evaluations are computed once (cached per path and
    version). Tests that write use different agreements, and the upload test undoes itself."""
    copy = tmp_path_factory.mktemp("afspraken") / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy


@pytest.fixture
def at(db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    monkeypatch.setattr(context, "today", lambda: TODAY)  # the status year is TODAY's year
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page("views/afspraken.py").run()
    assert not app.exception, app.exception
    return app


def document_text(db: Path, doc: str = BO) -> str:
    con = store.connect(db)
    try:
        return queries.documents(con)[doc]
    finally:
        con.close()


def register_table(at: AppTest):
    return next(d for d in at.dataframe if "nummer" in d.value.columns and "gemeten" in d.value)


def widget(items, label: str):
    return next(w for w in items if w.label == label)


def overzicht_stand(at: AppTest) -> str:
    at.switch_page("views/overzicht.py").run()
    assert not at.exception, at.exception
    return next(m.value for m in at.markdown if "Afspraken in " in m.value)


def set_status(at: AppTest, nummer: str, status: str, note: str, name: str) -> None:
    at.selectbox(key="status_afspraak").set_value(nummer).run()
    widget(at.selectbox, "Nieuwe status").set_value(status)
    widget(at.text_area, "Notitie").input(note)
    widget(at.text_input, "Uw naam").input(name)
    next(b for b in at.button if b.label.startswith("Status ")).click().run()
    assert not at.exception, at.exception


def test_register_lists_every_agreement_of_the_document(at, db):
    text = document_text(db)
    table = register_table(at).value
    assert len(table) == len(re.findall(r"^\[\[afspraak\]\]$", text, re.M))  # 42 in the seed
    assert set(table["nummer"]) == set(re.findall(r'^nummer = "([^"]+)"', text, re.M))
    a1 = table[table["nummer"] == "A1"].iloc[0]
    assert a1["gemeten"] != "niet meetbaar"  # A1 has a target; the demo data measures it
    assert len(at.get("plotly_chart")) == 1
    labels = [b.label for b in at.get("download_button")]
    assert labels == [
        "Jaaroverzicht 2024 downloaden (Excel)",  # the document ends in 2024: its last year
        "Sjabloon met dit document downloaden (Excel)",
    ]


def test_sidebar_year_outside_the_periods_is_the_progress_year(db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    monkeypatch.setattr(context, "today", lambda: TODAY)
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["jaar"] = "2025"  # a production year; both documents end in 2024
    app.run()
    app.switch_page("views/afspraken.py").run()
    assert not app.exception, app.exception
    assert widget(app.selectbox, "Voortgang in jaar").value == 2025
    assert any("42 van 42 afspraken · status in 2025" in c.value for c in app.caption)


def test_filter_on_theme_and_search(at, db):
    text = document_text(db)
    widget(at.multiselect, "Thema").set_value(["Duurzaamheid"]).run()
    table = register_table(at).value
    assert len(table) == text.count('\nthema = "B"')  # B = Duurzaamheid in the document
    assert set(table["thema"]) == {"Duurzaamheid"}
    widget(at.multiselect, "Thema").set_value([]).run()
    widget(at.text_input, "Zoeken").input("zonnepanelen").run()
    table = register_table(at).value
    assert len(table) >= 1
    assert all(
        "zonnepanelen" in " ".join(r).lower()
        for r in table[["nummer", "tekst", "resultaat", "trekker", "notitie"]].values
    )


def test_status_history_is_kept_and_the_latest_shows_on_the_overzicht(at, db):
    before = overzicht_stand(at)
    assert (
        "gereed" not in before and "vertraagd" not in before
    )  # every seed status is loopt/niet gestart

    at.switch_page("views/afspraken.py").run()
    set_status(at, "A2", "gereed", "Huurbeleid vastgesteld", "Anna")
    assert any("Afspraak A2: status in 2024 is nu “gereed”." in s.value for s in at.success)
    a2 = register_table(at).value.set_index("nummer").loc["A2"]
    assert (a2["status"], a2["notitie"], a2["door"]) == ("gereed", "Huurbeleid vastgesteld", "Anna")
    assert "1 gereed" in overzicht_stand(at)

    at.switch_page("views/afspraken.py").run()
    set_status(at, "A2", "vertraagd", "Toch uitgesteld", "Bert")
    stand = overzicht_stand(at)
    assert "1 vertraagd" in stand and "gereed" not in stand

    con = store.connect(db)
    history = register_store.status_history(con, BO, "A2")
    con.close()
    assert list(zip(history["status"], history["door"], strict=True)) == [
        ("gereed", "Anna"),
        ("vertraagd", "Bert"),
    ]


def test_status_without_a_name_is_not_stored(at, db):
    set_status(at, "A3", "gereed", "", "")
    assert any("Vul uw naam in" in e.value for e in at.error)
    con = store.connect(db)
    assert register_store.status_history(con, BO, "A3").empty
    con.close()


def test_template_upload_new_version_then_undo(at, db):
    original = document_text(db)
    book = openpyxl.load_workbook(
        io.BytesIO(sjabloon.write(toml_reader.parse_agreement(original, f"{BO}.toml")))
    )
    book["Doelen"]["J2"] = "2021=80%; 2022=80%; 2023=80%; 2024=80%"  # doel A1, column norm
    buffer = io.BytesIO()
    book.save(buffer)

    at.file_uploader[0].upload("sjabloon.xlsx", buffer.getvalue(), sjabloon_mime()).run()
    assert not at.exception, at.exception
    assert any("doel A1 gewijzigd: norm" in m.value for m in at.markdown)
    widget(at.text_input, "Uw naam (komt bij de versie)").input("Carla")
    widget(at.button, "Opslaan als nieuwe versie").click().run()
    assert any(
        "Prestatieafspraken 2023 Borger-Odoorn: versie 2 geldt nu." in s.value for s in at.success
    )
    stored = toml_reader.parse_agreement(document_text(db), f"{BO}.toml")
    assert [n for _, n in stored.doel("A1").norm] == [0.8, 0.8, 0.8, 0.8]

    at.switch_page("views/overzicht.py").run()
    scorecard = at.dataframe[0].value
    assert set(scorecard[scorecard["Afspraak"] == "A1"]["Norm"]) == {"≥ 80,0%"}

    at.switch_page("views/afspraken.py").run()
    widget(at.button, "Laatste wijziging ongedaan maken").click().run()
    assert document_text(db) != original  # it asks first
    assert any("De versie ervoor geldt dan weer" in w.value for w in at.warning)
    widget(at.button, "Ja, ongedaan maken").click().run()
    assert any("Versie 1 geldt weer." in s.value for s in at.success)
    assert document_text(db) == original


def test_refused_template_stores_nothing(at, db):
    original = document_text(db)
    book = openpyxl.load_workbook(
        io.BytesIO(sjabloon.write(toml_reader.parse_agreement(original, f"{BO}.toml")))
    )
    book["Afspraken"]["H2"] = "klaar"  # A1, column status
    buffer = io.BytesIO()
    book.save(buffer)
    at.file_uploader[0].upload("fout.xlsx", buffer.getvalue(), sjabloon_mime()).run()
    (error,) = [e.value for e in at.error]
    assert "Geweigerd; er is niets opgeslagen." in error
    assert "blad Afspraken, rij 2, kolom H (status)" in error
    assert not [b for b in at.button if b.label == "Opslaan als nieuwe versie"]
    assert document_text(db) == original


def sjabloon_mime() -> str:
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_two_people_saving_a_status_at_once_each_get_their_choice_or_a_refusal(db, monkeypatch):
    """A and B open the form; B saves first; A's save crosses it and is refused, naming B's
    status, and stores nothing; A's choice stays in the form; saved again, A's choice counts."""
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    monkeypatch.setattr(context, "today", lambda: TODAY)

    def session() -> AppTest:
        app = AppTest.from_file(APP, default_timeout=120)
        app.run()
        app.switch_page("views/afspraken.py").run()
        app.selectbox(key="status_afspraak").set_value("B3").run()
        return app

    a, b = session(), session()
    set_status(b, "B3", "vervallen", "van B", "Bea")
    widget(a.selectbox, "Nieuwe status").set_value("niet gestart")
    widget(a.text_input, "Uw naam").input("Ad")
    next(x for x in a.button if x.label.startswith("Status ")).click().run()
    assert not a.exception, a.exception
    [refusal] = [e.value for e in a.error]
    assert refusal.startswith("Inmiddels gezet op “vervallen” door Bea")
    assert refusal.endswith("U koos “niet gestart”.")
    assert widget(a.selectbox, "Nieuwe status").value == "niet gestart"  # the choice is kept
    con = store.connect(db)
    rows = register_store.status_history(con, BO, "B3")
    con.close()
    assert rows[rows["jaar"] == 2024]["door"].tolist()[-1] == "Bea"
    next(x for x in a.button if x.label.startswith("Status ")).click().run()  # deliberately again
    con = store.connect(db)
    latest = register_store.status_history(con, BO, "B3").iloc[-1]
    con.close()
    assert (latest["status"], latest["door"]) == ("niet gestart", "Ad")


def test_a_note_reaches_the_overzicht(at):
    set_status(at, "B4", "loopt", "Eerste pilot in Exloo gestart", "Noor")
    at.switch_page("views/overzicht.py").run()
    assert not at.exception, at.exception
    notes = next(d.value for d in at.dataframe if "Notitie" in d.value.columns)
    first = notes.iloc[0]
    assert (first["Notitie"], first["Door"], first["Status"]) == (
        "Eerste pilot in Exloo gestart",
        "Noor",
        "loopt",
    )
    assert first["Afspraak"].startswith("B4: ")


def test_no_status_for_a_year_outside_the_document(db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    monkeypatch.setattr(context, "today", lambda: TODAY)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page("views/afspraken.py").run()
    widget(app.selectbox, "Voortgang in jaar").set_value(2026).run()
    assert not [b for b in app.button if b.label.startswith("Status ")]  # no form
    assert any(
        "loopt van 2021 tot en met 2024: voor 2026 kan geen status worden gezet" in i.value
        for i in app.info
    )
    con = store.connect(db)
    try:
        with pytest.raises(register.YearOutsidePeriod, match="voor 2026 kan geen status"):
            dashboard.set_status(con, BO, "A2", 2026, "gereed", "", None)
        assert register_store.latest_status_id(con, BO, "A2", 2026) is None
    finally:
        con.close()


def test_documents_are_named_by_their_title_not_their_id(at, db):
    titles = {
        re.search(r'^titel = "([^"]+)"', document_text(db, doc), re.M).group(1)
        for doc in (BO, "emmen-2019-2024")
    }
    figure = at.get("plotly_chart")[0].proto.spec
    assert "Prestatieafspraken 2023 Borger-Odoorn" in figure and f'"{BO}"' not in figure
    at.switch_page("views/overzicht.py").run()
    scorecard = next(d.value for d in at.dataframe if "Document" in d.value.columns)
    assert set(scorecard["Document"]) <= titles and len(set(scorecard["Document"])) == 2
