"""The import of lettings lists (verhuringenlijsten): dates, routes as people write them,
zoekduur and inschrijfduur in days, months or from a registration date, rents, households,
passend; the lists that are refused; and that a lettings list is not taken for a stock list.
The expected figures are counted by hand (tests/data/README.md)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from prestatie.inlezen import column_names, ingest, toewijzingen
from prestatie.inlezen.errors import ImportRefused
from tests.ingest_helpers import (
    VERHUUR_DOMESTA,
    VERHUUR_HUUR_ONLEESBAAR,
    VERHUUR_LEFIER,
    VERHUUR_WOONSERVICE,
    VERHUUR_ZONDER_DATUM,
    parse,
    problem_texts,
)


def dates(column: pd.Series) -> list[date]:
    return [d.date() for d in column]


def months(column: pd.Series) -> list[float | None]:
    return [None if math.isnan(v) else v for v in column]


def nullable(column: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in column]


# --- the accepted lists ----------------------------------------------------------------------


def test_domesta_xlsx_title_rows_both_dates_and_inschrijfduur_in_months():
    parsed = parse(VERHUUR_DOMESTA)
    table = parsed.verhuring
    assert parsed.kind == "verhuur"
    assert parsed.vhe is None and parsed.productie is None
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Domesta", "Emmen")
    assert (parsed.layout.sheet_name, parsed.layout.header_index + 1) == ("Verhuringen", 4)
    assert table["bron_rij"].tolist() == [5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17]
    assert parsed.skipped == [(19, "totaalregel, geen verhuring")]
    assert parsed.blank_rows == 2
    assert table["route"].tolist() == [
        "regulier",
        "statushouder",
        "statushouder",
        "statushouder",
        "urgent",
        "urgent",
        "bemiddeling",
        "doorstroming",
        "regulier",
        "overig",
        "overig",
        "overig",
    ]
    assert nullable(table["route_bron"]) == [
        "Regulier",
        "Statushouder",
        "VG - statushouder",
        "Vergunninghouder",
        "urgentie",
        "Urgent",
        "Directe bemiddeling",
        "Doorstromer",
        "Regulier",
        "Kamerverhuur",
        "Overig",
        None,
    ]
    # the contract's start; row 11 has none and takes its toewijzing (15-06-2023)
    assert dates(table["datum"]) == [
        date(2023, 3, 15),
        date(2023, 4, 1),
        date(2023, 5, 1),
        date(2023, 6, 1),
        date(2023, 7, 1),
        date(2023, 6, 15),
        date(2023, 8, 1),
        date(2023, 9, 1),
        date(2023, 10, 15),
        date(2023, 11, 1),
        date(2023, 12, 1),
        date(2023, 12, 15),
    ]
    assert set(table["jaar"]) == {2023}
    assert months(table["zoekduur_maanden"]) == [
        37.0, 2.0, 0.0, 1.0, 5.0, 8.0, None, 120.0, 24.0, None, 15.0, 18.0
    ]  # fmt: skip
    assert set(table["zoekduur_soort"]) == {"inschrijfduur"}
    assert nullable(table["huur_cent"]) == [
        61250, 64719, 58000, 69000, 70000, 55000, 62500, 80000, 61250, None, 0, 64000
    ]  # fmt: skip
    assert table["rekenhuur_cent"].isna().all()
    assert table["huishouden"].tolist() == [1, 4, 1, 3, 2, 1, 1, 2, 2, 2, 1, 1]
    assert nullable(table["passend"]) == [
        True, True, True, True, False, False, True, False, True, True, None, True
    ]  # fmt: skip
    assert nullable(table["inkomensklasse"])[9:11] == ["primaire doelgroep", None]
    assert table["kern"].value_counts().to_dict() == {
        "Emmen": 10,
        "Klazienaveen": 1,
        "Nieuw-Amsterdam": 1,
    }
    # the same home let twice in one year: two lettings, no error
    assert table["vhe_id"].tolist().count("10001") == 2
    assert table["aantal"].tolist() == [1] * 12
    batch = parsed.batch()
    assert (batch.soort, batch.jaar_van, batch.jaar_tot, batch.peildatum) == (
        "verhuur",
        2023,
        2023,
        None,
    )
    assert batch.huur_kolom == "H (Kale huur)"


def test_domesta_warnings_name_row_column_and_value():
    where = "bestand Domesta verhuringen Emmen 2023.xlsx, blad Verhuringen"
    assert problem_texts(parse(VERHUUR_DOMESTA).warnings).splitlines() == [
        f"{where}, rij 15, kolom H (Kale huur): huur ontbreekt; deze woning telt niet mee als "
        "'onder de grens'",
        f"{where}, rij 16, kolom H (Kale huur): huur is 0; klopt dat? (waarde: 0)",
        f"{where}, rij 15, kolom F (Toewijzingsroute): toewijzingsroute niet herkend; telt als "
        "'overig' (herkend worden regulier, urgent, statushouder, bemiddeling en doorstroming) "
        "(waarde: Kamerverhuur)",
        f"{where}, rij 17, kolom F (Toewijzingsroute): toewijzingsroute ontbreekt; telt als "
        "'overig'",
        f"{where}, rij 15, kolom G (Inschrijfduur (mnd)): onleesbare inschrijfduur; telt als "
        "onbekend (waarde: onbekend)",
        f"{where}, rij 16, kolom K (Passend toegewezen): verwacht ja of nee; telt als onbekend "
        "(waarde: misschien)",
    ]


def test_lefier_csv_cp1252_zoekduur_in_days():
    parsed = parse(VERHUUR_LEFIER)
    table = parsed.verhuring
    assert parsed.kind == "verhuur"
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Lefier", "Borger-Odoorn")
    assert parsed.skipped == [(13, "totaalregel, geen verhuring")]
    # 365, 30, 0, 45, empty, 1826, "drie maanden", 730 days / 30,4375
    assert months(table["zoekduur_maanden"]) == [12.0, 1.0, 0.0, 1.5, None, 60.0, None, 24.0]
    assert set(table["zoekduur_soort"]) == {"zoekduur"}  # the Inschrijfdatum is not used
    assert table["route"].tolist() == [
        "regulier",
        "statushouder",
        "statushouder",
        "urgent",
        "bemiddeling",
        "doorstroming",
        "urgent",
        "regulier",
    ]
    assert table["huur_cent"].tolist() == [61250, 65043, 59800, 70000, 58000, 72000, 61000, 123456]
    assert nullable(table["rekenhuur_cent"]) == [64025, 67500, None, None, None, None, None, None]
    assert table["kern"].tolist() == [
        "Borger",
        "2e Exloërmond",
        "Exloo",
        "2e Exloërmond",  # written as Tweede Exloërmond
        "Valthermond",
        "Borger",
        "Borger",
        "Exloo",
    ]
    assert table["adres"].tolist()[:2] == ["Brink 1", "Brink 2"]
    assert dates(table["datum"])[3] == date(2024, 4, 1)  # 1-4-2024
    assert table["passend"].tolist() == [True, True, True, False, True, False, True, False]
    assert table["huishouden"].tolist() == [1, 5, 2, 1, 1, 2, 3, 2]
    assert problem_texts(parsed.warnings) == (
        "bestand Lefier verhuringen Borger-Odoorn 2024.csv, rij 11, kolom G (Zoekduur (dagen)): "
        "onleesbare zoekduur; telt als onbekend (waarde: drie maanden)"
    )
    assert parsed.notes == [
        "Huur bij verhuring gelezen uit kolom I (Netto huur); rekenhuur uit kolom J (Rekenhuur).",
        "Zoekduur gelezen uit kolom G (Zoekduur (dagen)), in dagen. Niet gebruikt: "
        "H (Inschrijfdatum).",
    ]


def test_woonservice_csv_inschrijfdatum_to_the_date_of_toewijzing():
    parsed = parse(VERHUUR_WOONSERVICE)
    table = parsed.verhuring
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Emmen")
    assert dates(table["datum"]) == [
        date(2022, 3, 15),
        date(2022, 6, 1),
        date(2022, 9, 10),
        date(2022, 11, 1),
        date(2022, 12, 1),
    ]
    # 15-03-2020 -> 15-03-2022: 24 months; 01-05 -> 01-06: 1; 25-12-2021 -> 10-09-2022:
    # 9 months less 15 days (15 / 30,4375 = 0,49): 8,5; an impossible date and a later one
    assert months(table["zoekduur_maanden"]) == [24.0, 1.0, 8.5, None, None]
    assert set(table["zoekduur_soort"]) == {"inschrijfduur"}
    assert table["route"].tolist() == [
        "regulier",
        "statushouder",
        "regulier",
        "bemiddeling",
        "doorstroming",
    ]
    assert table["passend"].tolist() == [True, True, False, True, False]  # a column of marks
    assert table["huur_cent"].tolist() == [59800, 63325, 64500, 70000, 58000]
    assert problem_texts(parsed.warnings).splitlines() == [
        "bestand Woonservice verhuringen Emmen 2022.csv, rij 5, kolom F (Inschrijfdatum): "
        "onleesbare inschrijfdatum; inschrijfduur onbekend (waarde: 31-13-2021)",
        "bestand Woonservice verhuringen Emmen 2022.csv, rij 6, kolom F (Inschrijfdatum): "
        "inschrijfdatum ligt na de datum van de verhuring; inschrijfduur onbekend "
        "(waarde: 01-02-2023)",
    ]


# --- refused ---------------------------------------------------------------------------------


def refusal(name: str) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        parse(name)
    return [str(p) for p in refused.value.problems]


def test_a_letting_without_a_date_or_with_an_impossible_one_is_refused():
    where = "bestand Domesta verhuringen Emmen zonder datum.xlsx, blad Verhuringen"
    assert refusal(VERHUUR_ZONDER_DATUM) == [
        f"{where}, rij 4, kolom B (Datum ingang contract): onleesbare datum (waarde: 31-02-2023)",
        f"{where}, rij 3, kolom B (Datum ingang contract): datum ontbreekt; de verhuring kan "
        "niet aan een jaar worden toegekend",
    ]


def test_an_unreadable_or_negative_rent_is_refused_a_repeated_vhe_is_not():
    where = "bestand Lefier verhuringen Emmen huur onleesbaar.csv"
    assert refusal(VERHUUR_HUUR_ONLEESBAAR) == [
        f"{where}, rij 3, kolom D (Kale huur): onleesbaar huurbedrag (waarde: zeshonderd)",
        f"{where}, rij 4, kolom D (Kale huur): negatieve huur (waarde: -5,00)",
    ]


def csv_list(name: str, text: str, hints: ingest.Hints | None = None) -> ingest.Parsed:
    return ingest.parse(name, text.encode("utf-8"), hints)


def test_a_few_lettings_in_another_year_are_a_warning():
    rows = "".join(f"D{i};{i + 1:02d}-03-2023;Regulier\n" for i in range(10))
    parsed = csv_list(
        "Domesta verhuringen Emmen 2023.csv",
        "Eenheidnummer;Datum ingang contract;Toewijzingsroute\n" + rows + "D99;28-12-2022;Urgent\n",
    )
    assert (parsed.batch().jaar_van, parsed.batch().jaar_tot) == (2022, 2023)
    assert problem_texts(parsed.warnings) == (
        "bestand Domesta verhuringen Emmen 2023.csv, rij 12, kolom B (Datum ingang contract): "
        "verhuring in 2022, terwijl de lijst over 2023 gaat (1 tegen 10); zo vervangt deze lijst "
        "ook de verhuringen van 2022 uit eerdere lijsten. Klopt de datum? (waarde: 28-12-2022)"
    )


# --- what kind of list -------------------------------------------------------------------------


def test_a_lettings_list_with_vhe_rent_and_label_is_no_stock_list():
    parsed = csv_list(
        "Lefier verhuringen Emmen 2023.csv",
        "Eenheidnummer;Kale huur;Energielabel;Woningtype;Bouwjaar;Ingangsdatum huurcontract;"
        "Toewijzingsroute\nL1;612,50;B;EGW;1975;01-03-2023;Statushouder\n",
    )
    assert parsed.kind == "verhuur"
    assert parsed.verhuring["route"].tolist() == ["statushouder"]


def test_a_stock_list_with_a_date_column_stays_a_stock_list():
    parsed = csv_list(
        "Lefier voorraad Emmen.csv",
        "Eenheidnummer;Datum;Kale huur;Energielabel\nL1;31-12-2023;612,50;B\n",
    )
    assert parsed.kind == "voorraad"


def test_chosen_as_lettings_list_a_date_is_enough():
    text = "Eenheidnummer;Datum ingang contract;Kale huur\nL1;01-03-2023;612,50\n"
    hints = ingest.Hints(kind=column_names.VERHUUR)
    parsed = csv_list("Lefier verhuringen Emmen 2023.csv", text, hints)
    assert parsed.kind == "verhuur"
    assert nullable(parsed.verhuring["route"]) == [None]  # no route column: unknown
    assert nullable(parsed.verhuring["zoekduur_soort"]) == [None]
    assert "Het bestand heeft geen zoekduur of inschrijfduur." in parsed.notes


def test_a_lettings_list_without_any_date_column_chosen_is_refused():
    text = "Eenheidnummer;Datum ingang contract;Toewijzingsroute\nL1;01-03-2023;Regulier\n"
    hints = ingest.Hints(mapping={"datum": None})
    with pytest.raises(ImportRefused) as refused:
        csv_list("Lefier verhuringen Emmen 2023.csv", text, hints)
    assert "geen kolom met de ingangsdatum van het huurcontract of de datum van toewijzing" in str(
        refused.value
    )


# --- the words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Datum ingang contract", "datum"),
        ("Ingangsdatum huurcontract", "datum"),
        ("Datum toewijzing", "datum_toewijzing"),
        ("Toewijzingsroute", "route"),
        ("Toewijzing", "route"),
        ("Inschrijfduur (mnd)", "inschrijfduur"),
        ("Inschrijfduur", "inschrijfduur"),
        ("Zoekduur (dagen)", "zoekduur"),
        ("Inschrijfdatum", "inschrijfdatum"),
        ("Huishoudgrootte", "huishouden"),
        ("Inkomensklasse", "inkomensklasse"),
        ("Inkomen (passendheid)", "inkomensklasse"),
        ("Passend toegewezen", "passend"),
        ("Kale huur", "huur"),
        ("Netto huur", "huur"),
        ("Eenheidnummer", "vhe_id"),
        ("Energielabel", None),
    ],
)
def test_lettings_column_spellings(header, field):
    assert column_names.field_of(header, column_names.VERHUUR) == field


@pytest.mark.parametrize(
    ("word", "route"),
    [
        ("Statushouder", "statushouder"),
        ("VG - statushouder", "statushouder"),
        ("Vergunninghouder", "statushouder"),
        ("VG", "statushouder"),
        ("Urgentie statushouder", "statushouder"),
        ("urgentie", "urgent"),
        ("Urgent", "urgent"),
        ("Medische urgentie", "urgent"),
        ("Directe bemiddeling", "bemiddeling"),
        ("Bemiddeling", "bemiddeling"),
        ("Doorstromer", "doorstroming"),
        ("Doorstroming", "doorstroming"),
        ("Regulier", "regulier"),
        ("Reguliere toewijzing", "regulier"),
        ("Loting", "regulier"),
        ("Aanbodmodel", "regulier"),
        ("Overig", "overig"),
        ("Kamerverhuur", None),
        ("", None),
    ],
)
def test_route_words(word, route):
    assert toewijzingen.route(word) == route


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (37, "maanden", 37.0),
        ("24", "maanden", 24.0),
        ("12,5", "maanden", 12.5),
        (730, "dagen", 24.0),  # 730 / 30,4375 = 23,98
        ("1.826", "dagen", 60.0),
        (2, "jaren", 24.0),
        ("2 jaar en 3 maanden", "dagen", 27.0),  # the text's own units
        ("3j 4m", "maanden", 40.0),
        ("drie maanden", "maanden", None),
        (-3, "maanden", None),
    ],
)
def test_durations_in_months(value, unit, expected):
    assert toewijzingen.months(value, unit) == expected


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Zoekduur (dagen)", "dagen"),
        ("Inschrijfduur (mnd)", "maanden"),
        ("Inschrijfduur", "maanden"),
        ("Inschrijfduur in jaren", "jaren"),
        ("Zoektijd (wk)", "weken"),
    ],
)
def test_the_unit_of_a_duration_column(header, unit):
    assert toewijzingen.unit_of(header) == unit


@pytest.mark.parametrize(
    ("value", "size"),
    [(3, 3), (3.0, 3), ("2 personen", 2), ("1-persoons", 1), ("4+", 4), ("Eenpersoons", 1)]
    + [("alleenstaande", 1), ("gezin", None), (0, None), (2.5, None)],
)
def test_household_sizes(value, size):
    assert toewijzingen.huishoudgrootte(value) == size
