"""The import of stock lists: the xlsx with title rows (meta, rents as numbers and text, the kale
huur beside the rekenhuur, labels, the energy index, warnings, other columns) and the CSVs as
Dutch Excel and other programs save them. The expected figures are counted by hand
(tests/data/README.md)."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie.inlezen import ingest
from prestatie.referentie import labels
from tests.ingest_helpers import DOMESTA, LEFIER, WOONSERVICE, parse, problem_texts

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


def test_a_gemeente_column_decides_per_row_and_the_file_fills_its_blanks():
    text = (
        "Eenheidnummer;Gemeente;Kale huur;Energielabel\n"
        "L1;Emmen;612,50;B\nL2;borger odoorn;600;C\nL3;;598;A\n"
    )
    parsed = ingest.parse("Lefier voorraad Emmen 31-12-2023.csv", text.encode("utf-8"))
    assert parsed.vhe["gemeente"].tolist() == ["Emmen", "Borger-Odoorn", "Emmen"]
    full = "Eenheidnummer;Gemeente;Kale huur;Energielabel\nL1;Emmen;612,50;B\n"
    parsed = ingest.parse("Lefier voorraad 31-12-2023.csv", full.encode("utf-8"))
    assert parsed.vhe["gemeente"].tolist() == ["Emmen"]


# --- a list with a Corporatie and a Gemeente column, all over the country -------------------


def test_corporatie_and_gemeente_columns_anywhere_in_the_country():
    data = (
        b"Eenheidnummer;Corporatie;Gemeente;Woonplaats;Kale huur;Energielabel\n"
        b"1;Woonstad;Rotterdam;Rotterdam;500;A\n"
        b"2;Stichting Ymere;Weesp;Weesp;510;B\n"  # Weesp: part of Amsterdam since 2022
        b"3;Ymere;Amsterdam;Amsterdam;520;C\n"
        b"4;Portaal;Den Haag;'s-Gravenhage;530;A\n"
        b"5;;Groningen;Haren;540;B\n"  # corporatie from the file name; Haren is Haren Gn there
    )
    parsed = ingest.parse("Portaal voorraad 31-12-2023.csv", data)
    rows = parsed.vhe.set_index("vhe_id")
    assert rows["corporatie"].to_dict() == {
        "1": "Woonstad Rotterdam",
        "2": "Ymere",
        "3": "Ymere",
        "4": "Portaal",
        "5": "Portaal",
    }
    assert rows["gemeente"].to_dict() == {
        "1": "Rotterdam",
        "2": "Amsterdam",
        "3": "Amsterdam",
        "4": "'s-Gravenhage",
        "5": "Groningen",
    }
    assert rows.loc["5", "kern"] == "Haren Gn"
