"""The import of the files in tests/data: what it reads, what it skips and warns about, and what
ends up in the database. The expected figures are counted by hand (tests/data/README.md)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from prestatie import ingest, labels, store
from prestatie.errors import FOUT, WAARSCHUWING, ImportRefused

DATA = Path(__file__).resolve().parent / "data"
DOMESTA = "Domesta_woningbezit_Emmen_31-12-2023.xlsx"
DOMESTA_V2 = "Domesta_woningbezit_Emmen_31-12-2023_correctie.xlsx"
LEFIER = "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv"
WOONSERVICE = "Woonservice bezit Emmen 2023-06-30.csv"
WOZ_CSV = "Lefier WOZ-bezitstabel 2023.csv"
WOZ_XLSX = "Lefier WOZ-bezitstabel 2023.xlsx"
PRODUCTIE = "Productie Domesta Emmen 2021-2023.xlsx"
REALISATIE = "Woonservice realisatie Borger-Odoorn 2022.csv"
EMMEN = ingest.Hints(gemeente="Emmen")


def parse(name: str, hints: ingest.Hints | None = None) -> ingest.Parsed:
    return ingest.parse(name, (DATA / name).read_bytes(), hints)


def counts(con) -> tuple[int, int, int]:
    """(vhe rows, production rows, batches): to show that a refusal changed nothing."""
    return tuple(
        con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("vhe", "productie", "batch")
    )


def rows_under_header(name: str, header_row: int) -> int:
    """The rows below the header as the file holds them, read without the importer."""
    path = DATA / name
    if path.suffix == ".xlsx":
        sheet = load_workbook(path, read_only=True).worksheets[0]
        return sheet.max_row - header_row
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    return len(list(csv.reader(text.splitlines(), delimiter=delimiter))) - header_row


def problem_texts(problems) -> str:
    return "\n".join(str(p) for p in problems)


# --- every accepted file: rows imported + left out = rows in the file -------------------------

# (file, hints, header row, imported rows, skipped rows, blank rows, warnings)
ACCEPTED = [
    (DOMESTA, None, 4, 16, [23, 24], 2, 6),
    (DOMESTA_V2, None, 4, 15, [22, 23], 2, 6),
    (LEFIER, None, 4, 5, [10], 0, 2),
    (WOONSERVICE, None, 1, 4, [], 0, 1),
    (PRODUCTIE, None, 3, 6, [10], 0, 0),
    (REALISATIE, None, 1, 3, [], 0, 0),
]


@pytest.mark.parametrize(
    ("name", "hints", "header", "imported", "skipped", "blank", "warnings"), ACCEPTED
)
def test_no_row_lost_or_counted_twice(con, name, hints, header, imported, skipped, blank, warnings):
    parsed = parse(name, hints)
    assert parsed.rows == imported
    assert [row for row, _ in parsed.skipped] == skipped
    assert parsed.blank_rows == blank
    assert len(parsed.warnings) == warnings
    assert all(w.severity == WAARSCHUWING for w in parsed.warnings)
    in_file = rows_under_header(name, header)
    assert parsed.rows == in_file - len(parsed.skipped) - parsed.blank_rows
    # the source rows are each imported once, and none of them is a skipped row
    table = parsed.vhe if parsed.vhe is not None else parsed.productie
    assert table["bron_rij"].is_unique
    assert not set(table["bron_rij"]) & {row for row, _ in parsed.skipped}

    ingest.save(con, [parsed])
    if parsed.vhe is not None:
        assert store.vhe_rows(con)["aantal"].sum() == imported
    else:
        assert len(store.productie_rows(con)) == imported


# --- the stock list in xlsx -------------------------------------------------------------------


@pytest.fixture(scope="module")
def domesta() -> ingest.Parsed:
    return parse(DOMESTA)


def test_stock_list_meta_from_title_rows(domesta):
    assert domesta.kind == "voorraad"
    assert (domesta.meta.corporatie, domesta.meta.gemeente) == ("Domesta", "Emmen")
    assert domesta.meta.peildatum == date(2023, 12, 31)
    assert domesta.layout.sheet_name == "Bezit"  # not the notes sheet
    assert domesta.layout.header_index + 1 == 4


def test_stock_list_rents_read_from_numbers_and_text(domesta):
    vhe = domesta.vhe.set_index("vhe_id")
    assert vhe.loc[["10001", "10002", "10003"], "huur_cent"].tolist() == [61250] * 3
    assert vhe.loc["10004", "huur_cent"] == 123456
    assert vhe.loc["10012", "huur_cent"] == 65555
    assert vhe["huur_cent"].isna().sum() == 1
    assert vhe["huur_cent"].sum() == 1_227_761


def test_kale_huur_is_the_rent_and_the_rekenhuur_is_kept_beside_it(domesta):
    assert domesta.huur_kolom == "G (Kale huur)"
    assert "rekenhuur uit kolom H (Rekenhuur)" in domesta.notes[0]
    rekenhuur = domesta.vhe["rekenhuur_cent"]
    # by hand from make_files.DOMESTA_ROWS: 15 filled cells adding up to € 12.590,00
    assert (rekenhuur.notna().sum(), int(rekenhuur.sum())) == (15, 1_259_000)


def test_stock_list_labels(domesta):
    found = domesta.vhe["label"].value_counts().to_dict()
    assert found == {
        "A": 1,
        "A+": 1,
        "A++": 1,
        "B": 3,
        "C": 3,
        "D": 1,
        "E": 1,
        "F": 2,
        "G": 1,
        labels.ONBEKEND: 2,
    }


def test_label_from_old_energy_index_with_a_warning(domesta):
    vhe = domesta.vhe.set_index("vhe_id")
    assert vhe.loc["10008", "label"] == "B"  # energy index 1,35
    assert vhe.loc["10009", "label"] == "F"  # "onbekend", energy index 2,50
    assert vhe.loc["10010", "label"] == labels.ONBEKEND  # "H" and no index
    derived = [w for w in domesta.warnings if "afgeleid uit de energie-index" in w.message]
    assert [(w.row, w.column, w.value) for w in derived] == [
        (13, "J (Energie-index)", 1.35),
        (14, "J (Energie-index)", 2.5),
    ]
    assert "label ontbreekt" in derived[0].message


def test_stock_list_warnings_name_file_sheet_row_column_value(domesta):
    text = problem_texts(domesta.warnings)
    assert (
        f"bestand {DOMESTA}, blad Bezit, rij 10, kolom G (Kale huur): huur is 0; klopt dat? "
        "(waarde: 0)"
    ) in text
    assert "rij 11, kolom G (Kale huur): huur boven € 3.000 per maand" in text
    assert "(waarde: 3100)" in text
    assert "rij 12, kolom G (Kale huur): huur ontbreekt" in text
    assert "rij 15, kolom I (Energielabel): onbekend energielabel; telt als 'onbekend'" in text
    assert "(waarde: H)" in text


def test_stock_list_other_columns(domesta):
    vhe = domesta.vhe.set_index("vhe_id")
    assert vhe["kern"].value_counts().to_dict() == {
        "Emmen": 14,
        "Klazienaveen": 1,
        "Nieuw-Amsterdam": 1,
    }
    assert vhe.loc["10002", "kern"] == "Emmen"  # written "emmen"
    assert vhe["levensloopgeschikt"].sum() == 4
    assert vhe["woningtype"].value_counts().to_dict() == {"MGW": 9, "EGW": 6, "Seniorenwoning": 1}
    assert vhe.loc["10011", "bouwjaar"] == 1850  # an old farmhouse, not an Excel date
    assert vhe.loc["10001", "adres"] == "Hoofdstraat 1"
    assert vhe["bron_rij"].tolist()[:5] == [5, 6, 7, 8, 10]
    assert domesta.skipped == [(23, "totaalregel, geen vhe"), (24, "totaalregel, geen vhe")]


# --- CSV stock lists ----------------------------------------------------------------------------


def test_windows_1252_semicolon_csv():
    parsed = parse(LEFIER)
    vhe = parsed.vhe.set_index("vhe_id")
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Lefier", "Borger-Odoorn")
    assert parsed.meta.peildatum == date(2023, 12, 31)
    assert parsed.huur_kolom == "G (Netto huur)"
    assert vhe["huur_cent"].tolist()[:3] == [61250, 123456, 0]
    assert vhe["label"].tolist() == ["A", "B", "C", labels.ONBEKEND, "D"]
    assert vhe["kern"].value_counts().to_dict() == {"2e Exloërmond": 2, "Exloo": 2, "Borger": 1}
    assert vhe["levensloopgeschikt"].tolist() == [True, False, False, True, False]
    assert vhe.loc["LF001", "adres"] == "Brink 1"
    text = problem_texts(parsed.warnings)
    assert "rij 7, kolom G (Netto huur): huur is 0; klopt dat? (waarde: € 0,00)" in text
    assert "rij 9, kolom G (Netto huur): huur ontbreekt" in text


def test_comma_csv_meta_from_file_name_and_energy_index():
    parsed = parse(WOONSERVICE)
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Emmen")
    assert parsed.meta.peildatum == date(2023, 6, 30)
    vhe = parsed.vhe.set_index("vhe_id")
    assert vhe["huur_cent"].tolist() == [61250, 59800, 110000, 72500]
    assert vhe.loc["WS2", "label"] == "A"  # energy index 1,15
    assert vhe["levensloopgeschikt"].tolist() == [True, False, False, True]
    [warning] = parsed.warnings
    assert (warning.row, warning.column) == (3, "I (Energie-index)")
    assert "label ontbreekt; afgeleid uit de energie-index" in warning.message


# --- the WOZ-bezitstabel ------------------------------------------------------------------------


@pytest.mark.parametrize("name", [WOZ_CSV, WOZ_XLSX])
def test_woz_bezitstabel(name):
    parsed = parse(name, EMMEN)
    assert parsed.kind == "woz"
    assert parsed.meta.corporatie == "Lefier"
    assert parsed.meta.jaar == 2023
    vhe = parsed.vhe
    assert len(vhe) == 7
    assert vhe["aantal"].sum() == 8
    assert set(vhe["peildatum"].dt.date) == {date(2023, 12, 31)}
    assert vhe.groupby("gemeente")["aantal"].sum().to_dict() == {"Borger-Odoorn": 1, "Emmen": 7}
    assert vhe.set_index("vhe_id").loc["LF1004", "aantal"] == 2
    assert sorted(vhe["vhe_id"]) == [f"LF10{n:02d}" for n in (1, 2, 3, 4, 5, 6, 13)]
    prod = parsed.productie
    assert sorted(zip(prod["soort"], prod["gemeente"], prod["aantal"], strict=True)) == [
        ("nieuwbouw", "Emmen", 1),
        ("sloop", "Borger-Odoorn", 1),
        ("verkoop", "Emmen", 1),
        ("verkoop", "Emmen", 1),
    ]
    assert set(prod["jaar"]) == {2023}
    assert parsed.rows == 11
    assert parsed.huur_kolom == "R (Nettohuur per maand ultimo verslagjaar)"
    text = problem_texts(parsed.warnings)
    assert len(parsed.warnings) == 4
    assert "rij 6, kolom G (Bag-verblijfsobject-id): geen BAG verblijfsobject-id; gemeente " in text
    assert "Emmen aangenomen" in text
    assert "rij 4, kolom R (Nettohuur per maand ultimo verslagjaar): huur is 0" in text
    assert "rij 15, kolom T (Energielabel): onbekend energielabel" in text
    notes = " ".join(parsed.notes)
    assert "samen 8 vhe in Borger-Odoorn, Emmen" in notes
    assert "nieuwbouw 1, sloop 1, verkoop 2" in notes
    assert "1 rij woonruimte in een gemeente buiten Drenthe" in notes
    assert "4 rijen zonder betekenis voor de monitor" in notes


@pytest.mark.parametrize("name", [WOZ_CSV, WOZ_XLSX])
def test_woz_without_bag_id_needs_a_gemeente(name):
    with pytest.raises(ImportRefused) as refused:
        parse(name)
    [problem] = refused.value.problems
    assert problem.row == 6
    assert problem.column == "G (Bag-verblijfsobject-id)"
    assert "geen bruikbaar BAG verblijfsobject-id, dus geen gemeente; kies de gemeente" in str(
        problem
    )


def test_woz_verslagjaar_from_the_peildatum_when_the_name_has_none():
    data = (DATA / WOZ_CSV).read_bytes()
    with pytest.raises(ImportRefused, match="geen verslagjaar"):
        ingest.parse("Lefier bezitstabel.csv", data, EMMEN)
    parsed = ingest.parse(
        "Lefier bezitstabel.csv", data, ingest.Hints(gemeente="Emmen", peildatum=date(2022, 12, 31))
    )
    assert set(parsed.vhe["peildatum"].dt.year) == {2022}
    assert set(parsed.productie["jaar"]) == {2022}


# --- production lists ---------------------------------------------------------------------------


def test_production_list_activities_dates_and_totals():
    parsed = parse(PRODUCTIE)
    prod = parsed.productie
    assert parsed.kind == "productie"
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Domesta", "Emmen")
    assert prod["soort"].tolist() == [
        "nieuwbouw",
        "verduurzaming",
        "zonnepanelen",
        "verkoop",
        "sloop",
        "verduurzaming",
    ]
    assert [d.date() for d in prod["datum"]] == [
        date(2021, 3, 15),
        date(2023, 12, 31),  # Excel serial 45291
        date(2023, 11, 15),
        date(2023, 6, 30),
        date(2022, 2, 1),
        date(2022, 9, 1),
    ]
    assert prod.groupby("jaar")["aantal"].sum().to_dict() == {2021: 12, 2022: 18, 2023: 68}
    assert prod.groupby("soort")["aantal"].sum().to_dict() == {
        "nieuwbouw": 12,
        "sloop": 8,
        "verduurzaming": 50,
        "verkoop": 3,
        "zonnepanelen": 25,
    }
    assert "Totaalrenovatie Bargeres" in set(prod["project"])  # a project, not a totals row
    assert parsed.skipped == [(10, "totaalregel, geen activiteit")]
    assert parsed.batch().jaar_van == 2021 and parsed.batch().jaar_tot == 2023


def test_production_csv_with_year_column():
    parsed = parse(REALISATIE)
    prod = parsed.productie
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Borger-Odoorn")
    assert prod["aantal"].tolist() == [6, 12, 5]
    assert prod["soort"].tolist() == ["nieuwbouw", "zonnepanelen", "verduurzaming"]
    assert set(prod["jaar"]) == {2022}
    assert prod["kern"].tolist() == ["Borger", "Exloo", "Valthermond"]


# --- the user's own column choice ---------------------------------------------------------------


def test_user_mapping_overrides_detection_and_is_reported():
    parsed = parse(DOMESTA, ingest.Hints(mapping={"huur": 7}))
    assert parsed.huur_kolom == "H (Rekenhuur)"
    assert parsed.layout.mapping["huur"] == 7
    assert parsed.vhe.set_index("vhe_id").loc["10001", "huur_cent"] == 64000
    assert "niet gebruikt: G (Kale huur)" in parsed.notes[0]


def test_user_mapping_can_unlink_a_field():
    parsed = parse(DOMESTA, ingest.Hints(mapping={"energie_index": None}))
    assert "energie_index" not in parsed.layout.mapping
    assert parsed.vhe["label"].value_counts()[labels.ONBEKEND] == 4


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        ({"huur": 40}, "kolom AO (nummer 40) voor 'Huur per maand' bestaat niet"),
        ({"huur": -1}, "is geen kolomnummer"),
        ({"huurprijs": 6}, "onbekend veld 'huurprijs'"),
        ({"huur": 6, "label": 6}, "kolom G (Kale huur) is aan meer dan één veld gekoppeld"),
        ({"vhe_id": None}, "het veld Eenheidnummer (vhe) is aan geen kolom gekoppeld"),
    ],
)
def test_user_mapping_is_checked(mapping, words):
    with pytest.raises(ImportRefused) as refused:
        parse(DOMESTA, ingest.Hints(mapping=mapping))
    assert words in problem_texts(refused.value.problems)
    assert refused.value.problems[0].row == 4  # the header row


def test_user_mapping_makes_an_unknown_header_usable():
    data = b"Nummer;Huur;Label\nA1;612,50;B\nA2;598,00;C\n"
    name = "Domesta Emmen 31-12-2023.csv"
    with pytest.raises(ImportRefused, match="geen tabel herkend"):
        ingest.parse(name, data)
    parsed = ingest.parse(name, data, ingest.Hints(mapping={"vhe_id": 0}))
    assert parsed.vhe["vhe_id"].tolist() == ["A1", "A2"]


# --- the database: one transaction, same file twice, replace, undo -----------------------------


def test_import_paths_writes_every_file(con):
    results = ingest.import_paths(con, [DATA / DOMESTA, DATA / LEFIER, DATA / PRODUCTIE])
    assert [r.nieuw for _, r in results] == [True, True, True]
    assert counts(con) == (16 + 5, 6, 3)
    batch = store.batches(con).set_index("bestand").loc[DOMESTA]
    assert (batch["rijen"], batch["waarschuwingen"]) == (16, 6)
    assert batch["peildatum"].date() == date(2023, 12, 31)


def test_same_file_again_changes_nothing(con):
    ingest.import_paths(con, [DATA / DOMESTA])
    before = counts(con)
    [(_, result)] = ingest.import_paths(con, [DATA / DOMESTA])
    assert not result.nieuw
    assert counts(con) == before


def test_newer_file_replaces_and_undo_restores(con):
    [(_, first)] = ingest.import_paths(con, [DATA / DOMESTA])
    [(_, second)] = ingest.import_paths(con, [DATA / DOMESTA_V2])
    assert second.vervangen == (first.batch_id,)
    rows = store.vhe_rows(con)
    assert rows["aantal"].sum() == 15
    assert set(rows["bestand"]) == {DOMESTA_V2}
    assert "10016" not in set(rows["vhe_id"])
    assert rows.set_index("vhe_id").loc["10015", "huur"] == 690

    store.undo_batch(con, second.batch_id)
    rows = store.vhe_rows(con)
    assert rows["aantal"].sum() == 16
    assert set(rows["bestand"]) == {DOMESTA}


def test_woz_stock_counts_in_the_database(con):
    [(parsed, _)] = ingest.import_paths(con, [DATA / WOZ_CSV], EMMEN)
    rows = store.vhe_rows(con)
    assert rows["aantal"].sum() == parsed.vhe["aantal"].sum() == 8
    assert rows.groupby("gemeente")["aantal"].sum().to_dict() == {"Borger-Odoorn": 1, "Emmen": 7}
    assert store.productie_rows(con)["aantal"].sum() == 4
    batch = store.batches(con).iloc[0]
    assert (batch["soort"], batch["jaar_van"], batch["jaar_tot"]) == ("woz", 2023, 2023)


def test_one_bad_file_writes_nothing(con):
    ingest.import_paths(con, [DATA / LEFIER])
    before = counts(con)
    with pytest.raises(ImportRefused, match="komt dubbel voor"):
        ingest.import_paths(con, [DATA / DOMESTA, DATA / "Domesta_Emmen_dubbel.csv"])
    assert counts(con) == before


def test_errors_and_warnings_policy():
    """An error stops the import; a warning is counted and the row is imported."""
    with pytest.raises(ImportRefused) as refused:
        parse("Domesta_Emmen_dubbel.csv")
    assert {p.severity for p in refused.value.problems} == {FOUT}
    parsed = parse(DOMESTA)
    assert parsed.batch().waarschuwingen == 6
    assert parsed.rows == 16
