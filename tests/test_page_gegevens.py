"""The Gegevens page through AppTest: upload, see what was recognised, confirm, see the
Overzicht change, undo and see it restored; a bad file is refused and nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.opslag import store

APP = str(Path(__file__).resolve().parents[1] / "app.py")

# Woonservice, Borger-Odoorn, 31-12-2023; the 2e aftoppingsgrens 2023 is € 693,60 and A1 counts
# rents strictly below it: 9 of these 10 are (one is exactly € 693,60), so 90,0%: behaald.
STOCK = (
    "Woonservice Borger-Odoorn\nPeildatum: 31-12-2023\n\nVHE;Dorp;Huurprijs;Label\n"
    + "".join(f"WS{i};Exloo;€ {500 + i:d},00;B\n" for i in range(9))
    + "WS9;Exloo;693,60;C\n"
)


@pytest.fixture
def at(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page("views/gegevens.py").run()
    return app


def a1_woonservice_2023(at: AppTest) -> dict:
    at.switch_page("views/overzicht.py").run()
    table = at.dataframe[0].value
    row = table[
        (table["Afspraak"] == "A1")
        & (table["Corporatie"] == "Woonservice")
        & (table["Jaar"] == "2023")
    ]
    return row.iloc[0].to_dict()


def button(at: AppTest, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def test_upload_confirm_then_undo(at):
    assert a1_woonservice_2023(at)["Status"] == "⚪ geen gegevens"
    at.switch_page("views/gegevens.py").run()
    at.file_uploader[0].upload("voorraad.csv", STOCK.encode("cp1252"), "text/csv").run()
    assert not at.exception
    recognised = " ".join(m.value for m in at.markdown)
    assert (
        "Woonservice" in recognised and "Borger-Odoorn" in recognised and "10 rijen" in recognised
    )
    button(at, "Inlezen").click().run()
    assert any(
        "1 bestand ingelezen: 10 rijen, 0 waarschuwingen, 0 rijen overgeslagen" in s.value
        for s in at.success
    )
    row = a1_woonservice_2023(at)
    assert (row["Status"], row["Gerealiseerd"]) == ("🟢 behaald", "90,0%")

    at.switch_page("views/gegevens.py").run()
    undo = next(s for s in at.selectbox if s.label == "Import ongedaan maken")
    assert undo.options == ["1: voorraad.csv"]
    undo.select_index(0).run()
    button(at, "Ongedaan maken").click().run()
    assert any("Import 1 (voorraad.csv) ongedaan maken?" in w.value for w in at.warning)
    button(at, "Annuleren").click().run()
    assert a1_woonservice_2023(at)["Status"] == "🟢 behaald"  # cancelled: nothing undone
    at.switch_page("views/gegevens.py").run()
    next(s for s in at.selectbox if s.label == "Import ongedaan maken").select_index(0).run()
    button(at, "Ongedaan maken").click().run()
    button(at, "Ja, ongedaan maken").click().run()
    assert any("Import 1 is ongedaan gemaakt." in s.value for s in at.success)
    assert a1_woonservice_2023(at)["Status"] == "⚪ geen gegevens"


def test_bad_file_is_refused_and_nothing_is_written(at, tmp_path):
    at.file_uploader[0].upload("export.xlsx", b"%PDF-1.7 rapport", "application/pdf").run()
    assert any("Geweigerd" in e.value and "PDF" in e.value for e in at.error)
    assert not [b for b in at.button if b.label.startswith("Inlezen")]
    con = store.connect(tmp_path / "leeg.duckdb")
    assert con.execute("SELECT count(*) FROM batch").fetchone() == (0,)


def test_a_column_the_page_did_not_recognise_can_be_chosen(at):
    odd = "Woonservice Borger-Odoorn\nPeildatum: 31-12-2023\n\nVHE;Maandbedrag;Label\nW1;512,25;B\n"
    at.file_uploader[0].upload("odd.csv", odd.encode(), "text/csv").run()
    assert any("geen huurkolom" in c.value for c in at.caption)
    rent = next(s for s in at.selectbox if s.label == "Huur per maand")
    assert rent.value == "(geen)"
    rent.select("B (Maandbedrag)")  # inside a form: sent with the submit, in one run
    next(b for b in at.button if b.label == "Opnieuw lezen met deze keuzes").click().run()
    assert not at.exception
    assert any("Huur gelezen uit kolom B (Maandbedrag)" in c.value for c in at.caption)
    assert at.dataframe[0].value["Huur"].tolist() == ["€ 512,25"]


def test_a_lettings_list_is_recognised_as_verhuringenlijst(at, tmp_path):
    name = "Domesta verhuringen Emmen 2023.xlsx"
    data = (Path(__file__).resolve().parent / "data" / name).read_bytes()
    at.file_uploader[0].upload(name, data, "application/vnd.ms-excel").run()
    assert not at.exception
    recognised = " ".join(m.value for m in at.markdown)
    assert f"**{name}**: verhuringenlijst · corporatie **Domesta** · gemeente **Emmen**" in (
        recognised
    )
    assert "12 rijen" in recognised
    kind = next(s for s in at.selectbox if s.label == "Soort lijst")
    assert "verhuringenlijst" in kind.options
    columns = {s.label: s.value for s in at.selectbox}
    assert columns["Datum ingang contract"] == "E (Ingangsdatum huurcontract)"
    assert columns["Datum toewijzing"] == "D (Datum toewijzing)"
    assert columns["Toewijzingsroute"] == "F (Toewijzingsroute)"
    assert columns["Inschrijfduur"] == "G (Inschrijfduur (mnd))"
    assert columns["Zoekduur"] == "(geen)"
    assert at.dataframe[0].value["Route"].tolist()[:3] == [
        "regulier",
        "statushouder",
        "statushouder",
    ]
    button(at, "Inlezen").click().run()
    assert any(
        "1 bestand ingelezen: 12 rijen, 6 waarschuwingen, 1 rij overgeslagen" in s.value
        for s in at.success
    )
    con = store.connect(tmp_path / "leeg.duckdb")
    assert con.execute("SELECT soort, rijen FROM batch").fetchall() == [("verhuur", 12)]
    assert con.execute("SELECT count(*) FROM verhuring").fetchone() == (12,)


# A corporation prestatie does not know: Zwolle, 31-12-2023, three homes.
NEW = "Zwolse Woonmaatschappij Zwolle\nPeildatum: 31-12-2023\n\nVHE;Huurprijs;Label\n" + "".join(
    f"ZW{i};€ {600 + i:d},00;B\n" for i in range(3)
)


def test_a_corporation_not_in_the_list_is_added_and_the_file_read_as_hers(at, tmp_path):
    at.file_uploader[0].upload("voorraad.csv", NEW.encode(), "text/csv").run()
    assert any("geen corporatie gevonden" in e.value for e in at.error)
    name = next(t for t in at.text_input if t.label == "Nieuwe corporatie")
    name.input("Zwolse Woonmaatschappij")
    next(t for t in at.text_input if t.label.startswith("Andere schrijfwijzen")).input("ZWM")
    button(at, "Corporatie toevoegen").click().run()
    assert not at.exception
    assert any("Corporatie Zwolse Woonmaatschappij toegevoegd." in s.value for s in at.success)
    recognised = " ".join(m.value for m in at.markdown)
    assert "Zwolse Woonmaatschappij" in recognised and "Zwolle" in recognised
    assert "3 rijen" in recognised
    button(at, "Inlezen").click().run()
    con = store.connect(tmp_path / "leeg.duckdb")
    assert con.execute(
        "SELECT corporatie, gemeente, count(*) FROM vhe GROUP BY ALL"
    ).fetchall() == [("Zwolse Woonmaatschappij", "Zwolle", 3)]
    assert con.execute("SELECT corporatie, alias FROM corporatie_toegevoegd").fetchall() == [
        ("Zwolse Woonmaatschappij", "Zwolse Woonmaatschappij"),
        ("Zwolse Woonmaatschappij", "ZWM"),
    ]


def test_an_unknown_name_in_the_file_is_offered_to_add(at):
    listed = "VHE;Corporatie;Gemeente;Huurprijs;Label\nX1;Woonbron Nieuw;Rotterdam;600,00;B\n"
    at.file_uploader[0].upload("voorraad 31-12-2023.csv", listed.encode(), "text/csv").run()
    assert any("onbekende corporatie (bedoelt u Woonbron?)" in e.value for e in at.error)
    name = next(t for t in at.text_input if t.label == "Nieuwe corporatie")
    assert name.value == "Woonbron Nieuw"
    button(at, "Corporatie toevoegen").click().run()
    assert not at.exception
    assert not at.error
    assert at.dataframe[0].value["Corporatie"].tolist() == ["Woonbron Nieuw"]


def test_a_name_of_another_corporation_is_not_added(at):
    at.file_uploader[0].upload("voorraad.csv", NEW.encode(), "text/csv").run()
    next(t for t in at.text_input if t.label == "Nieuwe corporatie").input("Stichting Lefier")
    button(at, "Corporatie toevoegen").click().run()
    assert any(
        "Niet toegevoegd: 'Stichting Lefier' is al bekend als corporatie Lefier." in e.value
        for e in at.error
    )


def test_preview_and_import_list_read_as_a_person_reads_them(at):
    at.file_uploader[0].upload("voorraad.csv", STOCK.encode("cp1252"), "text/csv").run()
    preview = at.dataframe[0].value
    assert not {"bron_rij", "vhe_id", "huur_cent", "label_bron"} & set(preview.columns)
    assert {"Eenheidnummer", "Huur", "Peildatum", "Rij in bestand"} <= set(preview.columns)
    assert all(h.startswith("€ ") and "," in h for h in preview["Huur"] if h != "–")
    assert set(preview["Peildatum"]) == {"31-12-2023"}
    assert "None" not in preview.to_string() and "00:00:00" not in preview.to_string()
    button(at, "Inlezen (1 bestand)").click().run()
    assert any(s.value.startswith("1 bestand ingelezen: 10 rijen") for s in at.success)
    imports = at.dataframe[0].value
    assert imports.columns[0] == "Stand"
    first = imports.iloc[0]
    assert (first["Stand"], first["Soort"], first["Corporatie"], first["Peildatum of jaren"]) == (
        "actief",
        "voorraadlijst",
        "Woonservice",
        "31-12-2023",
    )
    assert first["Rijen"] == "10" and first["Demo"] == "nee"


def test_removing_the_demo_asks_first(demo_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    button(at, "Demonstratiegegevens verwijderen").click().run()
    assert any("Uw eigen imports blijven" in w.value for w in at.warning)
    con = store.connect(demo_db)
    assert dashboard.has_demo_data(con)  # asked, not yet done
    con.close()
    button(at, "Ja, verwijderen").click().run()
    assert any("demonstratie-imports verwijderd" in s.value for s in at.success)
    con = store.connect(demo_db)
    assert not dashboard.has_demo_data(con)
    con.close()


def test_a_leefbaarometer_download_is_recognised_read_in_and_judged(at):
    source = (
        Path(__file__).resolve().parent / "data" / "Leefbaarometer 3.0 wijken Emmen 2018-2022.csv"
    )
    at.file_uploader[0].upload(source.name, source.read_bytes(), "text/csv").run()
    assert not at.exception
    recognised = " ".join(m.value for m in at.markdown)
    assert "Leefbaarometer (scores per wijk of buurt)" in recognised and "12 rijen" in recognised
    assert "corporatie **–**" in recognised
    preview = at.dataframe[0].value
    assert list(preview.columns)[:4] == ["Rij in bestand", "Gemeente", "Jaar", "Kolom in bestand"]
    assert preview["Klasse (1-9)"].tolist()[:3] == ["5", "5", "6"]
    skipped = " ".join(c.value for c in at.caption)
    assert "rij 14: score van de hele gemeente, geen wijk of buurt" in skipped
    button(at, "Inlezen").click().run()
    assert any("1 bestand ingelezen: 12 rijen" in s.value for s in at.success)
    at.switch_page("views/overzicht.py").run()
    table = at.dataframe[0].value
    row = table[table["Afspraak"] == "LW-2"].iloc[0]
    assert row["Status"] == "🔴 niet behaald" and row["Gerealiseerd"] == "2"
