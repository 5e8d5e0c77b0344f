"""Column names, activity words and title-row facts as corporations write them."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie.inlezen import activiteiten, column_names, detect, ingest


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Eenheidnummer", "vhe_id"),
        ("VHE", "vhe_id"),
        ("OGE", "vhe_id"),
        ("Eenheidscode", "vhe_id"),
        ("eenheids-nummer", "vhe_id"),
        ("Kale huur", "huur"),
        ("KALE_HUUR", "huur"),
        ("Netto huur", "huur"),
        ("Nettohuur per maand", "huur"),
        ("Huurprijs", "huur"),
        ("Rekenhuur", "huur"),
        ("Kale huur (€)", "huur"),
        ("Kale huur in euro's", "huur"),
        ("Kale huur per 01-01-2024", "huur"),
        ("Energielabel", "label"),
        ("Label", "label"),
        ("Energieklasse", "label"),
        ("ÉNERGIELABEL", "label"),
        ("Energie-index", "energie_index"),
        ("EP2", "ep2"),
        ("Plaats", "kern"),
        ("Woonplaats", "kern"),
        ("Kern", "kern"),
        ("Dorp", "kern"),
        ("Wijk", "kern"),
        ("Levensloopbestendig", "levensloopgeschikt"),
        ("Streefhuur", None),
        ("Maximaal redelijke huur", None),
    ],
)
def test_stock_column_spellings(header, field):
    assert column_names.field_of(header, column_names.VOORRAAD) == field


def test_preferred_rent_column_wins_wherever_it_stands():
    headers = ["VHE", "Rekenhuur", "Huur", "Kale huur", "Label"]
    assert column_names.match(headers, column_names.VOORRAAD)["huur"] == 3
    assert column_names.positions(headers, column_names.VOORRAAD, "huur") == [1, 2, 3]
    assert (
        column_names.match(["VHE", "Rekenhuur", "Netto huur"], column_names.VOORRAAD)["huur"] == 2
    )
    assert column_names.match(["VHE", "Rekenhuur", "Label"], column_names.VOORRAAD)["huur"] == 1


def test_preferred_place_column():
    assert (
        column_names.match(["VHE", "Wijk", "Plaats", "Label"], column_names.VOORRAAD)["kern"] == 2
    )


def test_production_column_spellings():
    found = column_names.match(
        ["Projectnaam", "Woonplaats", "Type activiteit", "Aantal woningen", "Datum gereed"],
        column_names.PRODUCTIE,
    )
    assert found == {"project": 0, "kern": 1, "soort": 2, "aantal": 3, "datum": 4}


def test_woz_headers_read_leniently():
    headers = ["ONDERDEEL", "eenheidscode", "Bag-postcode", "Bag-huisnummer", "Bag-huisletter NL"]
    headers += ["Bag-huisnummertoevoeging", "Bag-verblijfsobject-id", "Aantal primo"]
    headers += ["aantal ultimo verslagjaar", "EENHEIDSSOORT", "Nettohuur per maand ultimo"]
    assert column_names.is_woz_header(headers)
    found = column_names.woz_match(headers)
    assert found["postcode"] == 2
    assert found["huisnummer"] == 3  # not the toevoeging in column 5
    assert found["toevoeging"] == 5
    assert found["aantal_ultimo"] == 8
    assert found["huur"] == 10
    assert not column_names.is_woz_header(["Eenheidnummer", "Kale huur", "Label"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("nieuwbouw", "nieuwbouw"),
        ("Renovatie / verduurzaming", "verduurzaming"),
        ("Zon-PV", "zonnepanelen"),
        ("Verkoop aan overigen", "verkoop"),
        ("Verkoop aan toekomstige bewoners", "verkoop"),
        ("Sloop", "sloop"),
        ("NOM-renovatie", "verduurzaming"),
        ("PV-panelen", "zonnepanelen"),
        ("Nieuwbouw met zonnepanelen", "nieuwbouw"),
        ("Nieuwbouw opvangwoningen", "nieuwbouw"),  # "pv" inside a word is not PV
        ("Oplevering", "nieuwbouw"),
        ("Renovatie opgeleverd", "verduurzaming"),
        ("Sloop/nieuwbouw", None),  # two kinds: one row per activity
        ("Aankoop", None),
        ("", None),
    ],
)
def test_activity_words(text, kind):
    assert activiteiten.soort(text) == kind


@pytest.mark.parametrize(
    ("file", "title", "expected"),
    [
        ("bezit.xlsx", "Domesta Peildatum: 01-01-2023", ("Domesta", None, date(2023, 1, 1))),
        (
            "bezit.xlsx",
            "Peildatum 31 december 2023 gemeente Emmen",
            (None, "Emmen", date(2023, 12, 31)),
        ),
        (
            "bezit.xlsx",
            "Bezit ultimo 2022 Woningstichting Domesta",
            ("Domesta", None, date(2022, 12, 31)),
        ),
        ("Lefier_Emmen_voorraad_31-12-2021.csv", "", ("Lefier", "Emmen", date(2021, 12, 31))),
        (
            "Woonservice bezit Borger-Odoorn 2023-06-30.xlsx",
            "",
            ("Woonservice", "Borger-Odoorn", date(2023, 6, 30)),
        ),
        ("export.xlsx", "Peildatum: 45291", (None, None, date(2023, 12, 31))),
        ("export.xlsx", "Peildatum 45291.0", (None, None, date(2023, 12, 31))),
    ],
)
def test_meta_from_title_rows_and_file_name(file, title, expected):
    meta = detect.find_meta(file, title)
    assert (meta.corporatie, meta.gemeente, meta.peildatum) == expected


def test_header_below_title_and_blank_rows_and_on_the_second_sheet():
    data = (
        b"Woonservice Drenthe\n"
        b"Overzicht bezit gemeente Emmen\n"
        b"\n"
        b"Peildatum: 31-12-2023\n"
        b"\n"
        b"OGE;Straat;Huisnr;Dorp;Huurprijs;Energieklasse\n"
        b"W1;Kerkweg;1;Erica;612,50;A\n"
    )
    parsed = ingest.parse("export.csv", data)
    assert parsed.layout.header_index + 1 == 6
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Emmen")
    assert parsed.meta.peildatum == date(2023, 12, 31)
    assert parsed.vhe["adres"].tolist() == ["Kerkweg 1"]


def test_heading_and_note_rows_are_skipped_and_reported():
    data = (
        b"Peildatum: 31-12-2023\n"
        b"VHE;Kale huur;Label;Opmerking\n"
        b"Kern Emmen centrum;;;\n"
        b"V1;612,50;A;\n"
        b";;;alleen een opmerking\n"
        b"V2;598,00;B;\n"
        b"Bron: ERP-export van 5 januari 2024;;;\n"
    )
    parsed = ingest.parse("Domesta Emmen.csv", data)
    assert parsed.vhe["vhe_id"].tolist() == ["V1", "V2"]
    assert parsed.skipped == [
        (3, "tekstregel (kopje of toelichting), geen vhe"),
        (5, "alleen gegevens in kolommen die niet worden gebruikt"),
        (7, "tekstregel (kopje of toelichting), geen vhe"),
    ]


def test_kind_hint_chooses_between_tables():
    data = (
        b"Onderdeel;Eenheidscode;Aantal ultimo verslagjaar;Eenheidssoort;"
        b"Nettohuur per maand ultimo verslagjaar;Energielabel\n"
        b"2.1A;E1;1;Woonruimte;612,50;A\n"
    )
    as_woz = ingest.parse("Lefier bezitstabel 2023.csv", data, ingest.Hints(gemeente="Emmen"))
    assert as_woz.kind == "woz"
    as_stock = ingest.parse(
        "Lefier bezitstabel 2023.csv",
        data,
        ingest.Hints(gemeente="Emmen", kind="voorraad", peildatum=date(2023, 12, 31)),
    )
    assert as_stock.kind == "voorraad"
    assert as_stock.vhe["huur_cent"].tolist() == [61250]


def test_the_official_woz_header_has_the_29_columns_a_to_ac_and_is_recognised():

    assert len(column_names.WOZ_HEADERS) == 29
    assert (
        column_names.WOZ_HEADERS[0],
        column_names.WOZ_HEADERS[17],
        column_names.WOZ_HEADERS[28],
    ) == (
        "Onderdeel",
        "Nettohuur per maand ultimo verslagjaar",
        "Eigendomspercentage",
    )
    assert column_names.is_woz_header(list(column_names.WOZ_HEADERS))
