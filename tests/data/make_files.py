# ruff: noqa: E501  (the test tables read best one row per line)
"""Write the test files in this folder: `python tests/data/make_files.py`; the copies saved by
LibreOffice Calc with `python tests/data/make_files.py --libreoffice` (needs `soffice`).

Every file is small and written by hand here, row by row, so the expected counts in README.md
can be checked against the rows below without running the importer. The zip bomb is not
here: tests build it on the fly in a temporary folder.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
_FIXED = datetime(2024, 1, 1)


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    book.properties.created = book.properties.modified = _FIXED
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list], delimiter: str, encoding: str, bom: bool = False) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + out.getvalue().encode(encoding))
    return path


def _ods_cell(value) -> str:
    """One cell as LibreOffice Calc writes it: a typed value and its text."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d-%m-%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        text = f"{value:.2f}".replace(".", ",") if isinstance(value, float) else str(value)
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{text}</text:p></table:table-cell>"
        )
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def _ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A minimal OpenDocument spreadsheet, as Calc stores one: the mimetype first and unpacked,
    a manifest, and content.xml in which every row ends with the rest of the row as one
    repeated empty cell and the sheet with the rest of the rows as one repeated empty row."""
    tables = []
    for name, rows in sheets.items():
        body = "".join(
            "<table:table-row>"
            + "".join(_ods_cell(v) for v in row)
            + '<table:table-cell table:number-columns-repeated="1015"/></table:table-row>'
            for row in rows
        )
        body += (
            '<table:table-row table:number-rows-repeated="1048560">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        )
        tables.append(f'<table:table table:name="{name}">{body}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, text, method in (
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
            ("content.xml", content, zipfile.ZIP_DEFLATED),
            ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
        ):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, text)
    return path


# --- stock lists -----------------------------------------------------------------------------

DOMESTA_HEADER = [
    "Eenheidnummer",
    "Adres",
    "Postcode",
    "Plaats",
    "Woningtype",
    "Levensloopgeschikt",
    "Kale huur",
    "Rekenhuur",
    "Energielabel",
    "Energie-index",
    "Bouwjaar",
]
# Excel rows 5..24 under the header in row 4. None is an empty cell.
# fmt: off
DOMESTA_ROWS = [
    [10001, "Hoofdstraat 1", "7811 AA", "Emmen", "Eengezinswoning", "ja", 612.5, 640, "A", None, 1975],
    [10002, "Hoofdstraat 2", "7811 AA", "emmen", "Appartement", "nee", "€ 612,50", 640, "B", None, 1980],
    [10003, "Kerkstraat 3", "7881 AB", "Klazienaveen", "Eengezinswoning", "nee", "612,5", 640, "Label c", None, 1990],
    [10004, "Kerkstraat 4", "7881 AB", "Nieuw-Amsterdam", "Seniorenwoning", "ja", "1.234,56", 1300, "a+", None, 2010],
    [],
    [10005, "Dorpsstraat 5", "7812 AC", "Emmen", "Appartement", "nee", 0, 0, "D", None, 1965],
    [10006, "Dorpsstraat 6", "7812 AC", "Emmen", "Appartement", "nee", 3100, 3150, "E", None, 2020],
    [10007, "Dorpsstraat 7", "7812 AC", "Emmen", "Eengezinswoning", "ja", None, None, "F", None, 1930],
    [10008, "Julianastraat 8", "7813 AD", "Emmen", "Eengezinswoning", "nee", 700, 720, None, 1.35, 1970],
    [10009, "Julianastraat 9", "7813 AD", "Emmen", "Eengezinswoning", "nee", 710, 720, "onbekend", 2.5, 1960],
    [10010, "Julianastraat 10", "7813 AD", "Emmen", "Eengezinswoning", "nee", 720, 740, "H", None, 1955],
    [10011, "Weg 11", "7814 AE", "Emmen", "Appartement", "nee", 650, 660, "G", None, 1850],
    [10012, "Weg 12", "7814 AE", "Emmen", "Appartement", "nee", 655.55, 660, "A++", None, 2022],
    [10013, "Weg 13", "7814 AE", "Emmen", "Appartement", "ja", 660, 680, "C", None, 2000],
    [10014, "Weg 14", "7814 AE", "Emmen", "Appartement", "nee", 665, 680, "C", None, 2001],
    [10015, "Weg 15", "7814 AE", "Emmen", "Appartement", "nee", 670, 680, None, None, 2002],
    [10016, "Weg 16", "7814 AE", "Emmen", "Appartement", "nee", 675, 680, "B", None, 2003],
    [],
    ["Totaal", None, None, None, None, None, "=SUM(G5:G21)"],  # a formula Excel never computed
    ["Eindtotaal", None, None, None, None, None, 12277.61],
]
# fmt: on


def domesta_stock(name: str = "Domesta_woningbezit_Emmen_31-12-2023.xlsx", correctie=False):
    """Domesta's stock in Emmen: title rows, two rent columns, labels in many spellings."""
    rows = [list(r) for r in DOMESTA_ROWS]
    if correctie:  # the corrected export: vhe 10016 sold before the peildatum, 10015 re-let
        rows = [r for r in rows if not r or r[0] != 10016]
        for r in rows:
            if r and r[0] == 10015:
                r[6] = 690
    table = [
        ["Domesta - Overzicht woningbezit gemeente Emmen"],
        ["Peildatum: 31-12-2023"],
        [],
        DOMESTA_HEADER,
        *rows,
    ]
    notes = [
        ["Toelichting"],
        ["Kale huur per maand op de peildatum; rekenhuur incl. servicekosten."],
    ]
    return _xlsx(HERE / name, {"Bezit": table, "Toelichting": notes})


def woonservice_stock_ods() -> Path:
    """Woonservice's stock in Borger-Odoorn as LibreOffice Calc saves it (.ods): the peildatum a
    date cell beside its label, rents as numbers and one as text, a totals row, a notes sheet."""
    table = [
        ["Woonservice Drenthe", "Voorraadlijst"],
        ["Peildatum:", date(2023, 12, 31)],
        [],
        ["Eenheidnummer", "Plaats", "Kale huur", "Energielabel", "Bouwjaar"],
        ["WS1", "Exloo", 450.0, "A", 1975],
        ["WS2", "Borger", "€ 612,50", "B", 1980],
        ["WS3", "Exloo", 647.19, "B", 1985],
        ["WS4", "Valthermond", 700.0, "C", 1990],
        ["Totaal", "", 2409.69, "", ""],
    ]
    notes = [["Toelichting"], ["Geschreven zoals LibreOffice Calc een .ods opslaat."]]
    return _ods(
        HERE / "Woonservice voorraad Borger-Odoorn.ods", {"Voorraad": table, "Toelichting": notes}
    )


# fmt: off
def lefier_stock() -> Path:
    """Lefier's stock in Borger-Odoorn as Dutch Excel saves CSV: `;`, Windows-1252."""
    rows = [
        ["Lefier", "Voorraadlijst gemeente Borger-Odoorn"],
        ["Peildatum: 31-12-2023"],
        [],
        ["VHE", "Straat", "Huisnummer", "Woonplaats", "Type woning", "Nultredenwoning",
         "Netto huur", "Label", "Bouwjaar"],
        ["LF001", "Brink", "1", "Borger", "eengezinswoning", "J", "€ 612,50", "Label a", "1975"],
        ["LF002", "Brink", "2", "2e Exloërmond", "meergezinswoning", "N", "€ 1.234,56", "Label b", "1980"],
        ["LF003", "Hoofdweg", "3", "Tweede Exloërmond", "meergezinswoning", "N", "€ 0,00", "Label c", "1990"],
        ["LF004", "Hoofdweg", "4", "Exloo", "eengezinswoning", "J", "€ 700,00", "onbekend", "2000"],
        ["LF005", "Hoofdweg", "5", "Exloo", "eengezinswoning", "N", "", "Label d", "2001"],
        ["Totaal", "", "", "", "", "", "€ 2.547,06", "", ""],
    ]
    return _csv(HERE / "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv", rows, ";", "cp1252")


def woonservice_stock() -> Path:
    """Woonservice's stock in Emmen: `,`-CSV in UTF-8 without BOM, peildatum in the file name,
    an energy index where the label is missing."""
    rows = [
        ["OGE", "Straat", "Huisnr", "Dorp", "Soort woonruimte", "Levensloopbestendig",
         "Huurprijs", "Energieklasse", "Energie-index"],
        ["WS1", "Kerkweg", "1", "Schoonebeek", "EGW", "x", "612,50", "A", ""],
        ["WS2", "Kerkweg", "2", "Schoonebeek", "MGW", "", "598,00", "", "1,15"],
        ["WS3", "Kerkweg", "3", "Erica", "MGW", "", "1.100,00", "C", ""],
        ["WS4", "Kerkweg", "4", "Erica", "EGW", "x", "725", "B", ""],
    ]
    return _csv(HERE / "Woonservice bezit Emmen 2023-06-30.csv", rows, ",", "utf-8")
# fmt: on


# --- the dVi WOZ-bezitstabel -------------------------------------------------------------------

WOZ_HEADER = [
    "Onderdeel",
    "Eenheidscode",
    "Bag-postcode",  # " NL" dropped, as some exports do
    "bag-huisnummer nl",  # case changed
    "Bag-huisletter NL",
    "Bag-huisnummertoevoeging",
    "Bag-verblijfsobject-id",
    "Corporatie-adrestoevoeging",
    "Aantal primo verslagjaar",
    "Aantal ultimo verslagjaar",
    "Tak primo verslagjaar",
    "Tak ultimo verslagjaar",
    "Eenheidssoort",
    "Soort woonruimte",
    "Is de woonruimte zelfstandig?",
    "Lift aanwezig?",
    "Mutatie verslagjaar",
    "Nettohuur per maand ultimo verslagjaar",
    "Aantal WWS punten ultimo verslagjaar",
    "Energielabel",
    "Bouwjaar",
    "Renovatiejaar",
    "m2",
    "WOZ-waarde verslagjaar",
    "Marktwaarde ultimo verslagjaar",
    "Onderpand WSW inzet verslagjaar",
    "Naam zekerheidsnemer",
    "Type zekerheid",
    "Eigendomspercentage",
]
# (onderdeel, code, postcode, nr, letter, toev, bag id, primo, ultimo, soort, woonruimte,
#  mutatie, huur, label) for Excel rows 2..16
# fmt: off
WOZ_ROWS = [
    ("2.1A", "LF1001", "7871AA", 1, "", "", "1681010000000001", 1, 1, "Woonruimte", "EGW", "Geen mutatie", 612.5, "A"),
    ("2.1A", "LF1002", "7811AB", 2, "a", "", "0114010000000002", 1, 1, "Woonruimte", "MGW", "Geen mutatie", 598.0, "B"),
    ("2.1A", "LF1003", "7811AB", 3, "", "2", "114010000000003", 1, 1, "Woonruimte", "MGW", "Geen mutatie", 0.0, "C"),
    ("2.1A", "LF1004", "7811AC", 4, "", "", "0114010000000004|0114010000000005", 1, 2, "Woonruimte", "MGW", "Geen mutatie", 1234.56, "A+"),
    ("2.1A", "LF1005", "7811AC", 5, "", "", "", 1, 1, "Woonruimte", "EGW", "Geen mutatie", 700.0, "onbekend"),
    ("2.1A", "LF1006", "7811AD", 6, "", "", "0114010000000006", 0, 1, "Woonruimte", "EGW", "Nieuwbouw", 850.0, "A++"),
    ("2.1A", "LF1007", "7811AD", 7, "", "", "0114010000000007", 1, 0, "Woonruimte", "EGW", "Verkoop aan toekomstige bewoners", None, ""),
    ("2.1A", "LF1008", "7871AB", 8, "", "", "1681010000000008", 1, 0, "Woonruimte", "MGW", "Sloop", None, ""),
    ("2.1A", "LF1009", "7811AE", 9, "", "", "0114010000000009", 1, 0, "Woonruimte", "EGW", "Verkoop aan overigen", None, ""),
    ("2.1A", "LF1010", "7811AE", 10, "", "", "0114010000000010", 1, 1, "Bedrijfsruimte", "", "Geen mutatie", 1500.0, ""),
    ("2.1A", "LFP01", "", None, "", "", "", 1, 1, "Parkeergelegenheid", "", "Geen mutatie", 25.0, ""),
    ("2.1C", "LF1011", "7811AF", 11, "", "", "0114010000000011", 0, 1, "Woonruimte", "EGW", "Geen mutatie", None, ""),
    ("2.1A", "LF1012", "9711AA", 12, "", "", "0014010000000012", 1, 1, "Woonruimte", "MGW", "Geen mutatie", 650.0, "B"),
    ("2.1A", "LF1013", "7811AG", 13, "", "", "0114010000000013", 1, 1, "Woonruimte", "MGW", "Geen mutatie", 3100.0, "X"),
    ("2.1B", "LF1014", "7811AG", 14, "", "", "0114010000000014", 1, 1, "Woonruimte", "MGW", "Geen mutatie", 640.0, "C"),
]
# fmt: on


def _woz_row(r: tuple, excel: bool) -> list:
    onderdeel, code, pc, nr, letter, toev, bag, primo, ultimo, soort, woon, mut, huur, label = r
    if excel:  # numbers stay numbers; Excel drops the leading zero of a numeric BAG id
        bag_cell = int(bag) if bag.isdigit() else bag
        huur_cell = huur
    else:  # a Dutch CSV: decimal commas
        bag_cell = bag
        huur_cell = "" if huur is None else f"{huur:.2f}".replace(".", ",")
    return [
        onderdeel, code, pc, nr, letter, toev, bag_cell, "", primo, ultimo, "DAEB TI", "DAEB TI",
        soort, woon, "Ja", "Nee", mut, huur_cell, 140, label, 1990, "",
        72.5 if excel else "72,50", 165000, 98000, "Ja", "WSW", "Hypotheek", 1,
    ]  # fmt: skip


def woz_files() -> list[Path]:
    rows = [WOZ_HEADER, *(_woz_row(r, excel=False) for r in WOZ_ROWS)]
    csv_path = _csv(HERE / "Lefier WOZ-bezitstabel 2023.csv", rows, ";", "utf-8", bom=True)
    xlsx_rows = [WOZ_HEADER, *(_woz_row(r, excel=True) for r in WOZ_ROWS)]
    xlsx_path = _xlsx(HERE / "Lefier WOZ-bezitstabel 2023.xlsx", {"Blad1": xlsx_rows})
    return [csv_path, xlsx_path]


# --- production lists --------------------------------------------------------------------------


def domesta_production() -> Path:
    rows = [
        ["Domesta - gerealiseerde productie gemeente Emmen"],
        [],
        ["Project", "Kern", "Activiteit", "Aantal", "Opleverdatum"],
        ["Emmerhout fase 1", "Emmen", "nieuwbouw", 12, date(2021, 3, 15)],
        ["Angelslo", "Emmen", "Renovatie / verduurzaming", 40, 45291],  # Excel serial 31-12-2023
        ["Zonnedak Bargeres", "Emmen", "Zon-PV", 25, "15-11-2023"],
        ["Verkoop Klazienaveen", "Klazienaveen", "Verkoop aan overigen", 3, "2023-06-30"],
        ["Sloop Emmermeer", "Emmen", "Sloop", 8, "2022-02-01"],
        ["Totaalrenovatie Bargeres", "Emmen", "renovatie", 10, "1-9-2022"],
        ["Totaal", None, None, "=SUM(D4:D9)", None],
    ]
    return _xlsx(HERE / "Productie Domesta Emmen 2021-2023.xlsx", {"Productie": rows})


def woonservice_production() -> Path:
    rows = [
        ["Jaar", "Projectnaam", "Dorp", "Soort", "Aantal woningen"],
        ["2022", "Nieuwbouw Borger", "Borger", "Nieuwbouw", "6"],
        ["2022", "Zon op dak", "Exloo", "Zonnepanelen", "12,0"],
        ["2022", "Verduurzaming Valthermond", "Valthermond", "Labelsprong", "5"],
    ]
    return _csv(
        HERE / "Woonservice realisatie Borger-Odoorn 2022.csv", rows, ",", "utf-8", bom=True
    )


# --- lettings lists (verhuringenlijsten) -------------------------------------------------------

DOMESTA_LETTINGS_HEADER = [
    "Eenheidnummer",
    "Adres",
    "Plaats",
    "Datum toewijzing",
    "Ingangsdatum huurcontract",
    "Toewijzingsroute",
    "Inschrijfduur (mnd)",
    "Kale huur",
    "Huishoudgrootte",
    "Inkomensklasse",
    "Passend toegewezen",
]
# Excel rows 5..19 under the header in row 4. None is an empty cell. 647.19 is the 1e
# aftoppingsgrens of 2023; vhe 10001 is let twice (rows 5 and 14), as happens.
# fmt: off
DOMESTA_LETTINGS_ROWS = [
    [10001, "Hoofdstraat 1", "Emmen", "01-02-2023", "15-03-2023", "Regulier", 37, 612.5, 1, "primaire doelgroep", "ja"],
    [10002, "Hoofdstraat 2", "emmen", "20-03-2023", datetime(2023, 4, 1), "Statushouder", 2, 647.19, 4, "primaire doelgroep", "J"],
    [10003, "Kerkstraat 3", "Klazienaveen", "05-04-2023", "01-05-2023", "VG - statushouder", 0, "€ 580,00", 1, "primaire doelgroep", "x"],
    [10004, "Kerkstraat 4", "Nieuw-Amsterdam", "10-05-2023", "01-06-2023", "Vergunninghouder", 1, 690, 3, "primaire doelgroep", "ja"],
    [],
    [10005, "Dorpsstraat 5", "Emmen", "01-06-2023", "01-07-2023", "urgentie", 5, 700, 2, "secundaire doelgroep", "nee"],
    [10006, "Dorpsstraat 6", "Emmen", "15-06-2023", None, "Urgent", 8, 550, 1, "primaire doelgroep", "N"],
    [10007, "Dorpsstraat 7", "Emmen", "01-07-2023", "01-08-2023", "Directe bemiddeling", None, 625, 1, "primaire doelgroep", "ja"],
    [10008, "Julianastraat 8", "Emmen", "01-08-2023", "01-09-2023", "Doorstromer", 120, 800, 2, "middeninkomen", "nee"],
    [10001, "Hoofdstraat 1", "Emmen", "01-10-2023", "15-10-2023", "Regulier", "24", 612.5, 2, "primaire doelgroep", "ja"],
    [10009, "Julianastraat 9", "Emmen", "01-10-2023", "01-11-2023", "Kamerverhuur", "onbekend", None, "2 personen", "primaire doelgroep", "ja"],
    [10010, "Weg 10", "Emmen", "01-11-2023", "01-12-2023", "Overig", 15, 0, 1, None, "misschien"],
    [10011, "Weg 11", "Emmen", "15-11-2023", "15-12-2023", None, 18, 640, "1-persoons", "primaire doelgroep", "J"],
    [],
    ["Totaal", None, None, None, None, 12],
]
# fmt: on


def domesta_lettings(correctie: bool = False) -> Path:
    """Domesta's lettings in Emmen 2023: title rows, both dates, inschrijfduur in months."""
    rows = [list(r) for r in DOMESTA_LETTINGS_ROWS]
    name = "Domesta verhuringen Emmen 2023.xlsx"
    if correctie:  # the corrected export: the letting of vhe 10011 was withdrawn
        rows = [r for r in rows if not r or r[0] != 10011]
        name = "Domesta verhuringen Emmen 2023 correctie.xlsx"
    table = [
        ["Domesta - Verhuringen gemeente Emmen"],
        ["Verslagjaar 2023"],
        [],
        DOMESTA_LETTINGS_HEADER,
        *rows,
    ]
    notes = [["Toelichting"], ["Kale huur bij ingang van het huurcontract."]]
    return _xlsx(HERE / name, {"Verhuringen": table, "Toelichting": notes})


# fmt: off
def lefier_lettings() -> Path:
    """Lefier's lettings in Borger-Odoorn 2024 as Dutch Excel saves CSV: `;`, Windows-1252;
    zoekduur in days beside an Inschrijfdatum (the zoekduur is read). € 650,43 is the 1e
    aftoppingsgrens of 2024."""
    rows = [
        ["Lefier", "Overzicht verhuringen"],
        ["Gemeente: Borger-Odoorn", "Jaar 2024"],
        [],
        ["VHE", "Straat", "Huisnummer", "Woonplaats", "Datum ingang contract", "Toewijzing",
         "Zoekduur (dagen)", "Inschrijfdatum", "Netto huur", "Rekenhuur", "Huishoudgrootte",
         "Inkomen (passendheid)", "Passend"],
        ["LF101", "Brink", "1", "Borger", "03-01-2024", "Regulier", "365", "01-01-2022", "€ 612,50", "€ 640,25", "1", "Primaire doelgroep", "J"],
        ["LF102", "Brink", "2", "2e Exloërmond", "15-02-2024", "VG - statushouder", "30", "", "€ 650,43", "€ 675,00", "5", "Primaire doelgroep", "J"],
        ["LF103", "Hoofdweg", "3", "Exloo", "01-03-2024", "Statushouder", "0", "", "€ 598,00", "", "2", "Primaire doelgroep", "J"],
        ["LF104", "Hoofdweg", "4", "Tweede Exloërmond", "1-4-2024", "Urgent", "45", "15-06-2023", "€ 700,00", "", "1", "Secundaire doelgroep", "N"],
        ["LF105", "Hoofdweg", "5", "Valthermond", "01-05-2024", "Bemiddeling", "", "", "€ 580,00", "", "1", "Primaire doelgroep", "J"],
        ["LF106", "Dorpsstraat", "6", "Borger", "01-06-2024", "Doorstroming", "1826", "01-06-2019", "€ 720,00", "", "2", "Middeninkomen", "N"],
        ["LF107", "Dorpsstraat", "7", "Borger", "01-07-2024", "Urgentie", "drie maanden", "", "€ 610,00", "", "3", "Primaire doelgroep", "J"],
        ["LF108", "Dorpsstraat", "8", "Exloo", "01-08-2024", "Regulier", "730", "", "€ 1.234,56", "", "2", "Boven inkomensgrens", "N"],
        ["Totaal", "", "", "", "", "", "", "", "€ 5.705,49", "", "", "", ""],
    ]
    return _csv(HERE / "Lefier verhuringen Borger-Odoorn 2024.csv", rows, ";", "cp1252")


def woonservice_lettings() -> Path:
    """Woonservice's lettings in Emmen 2022 as a letting portal exports them: `;`-CSV in UTF-8
    with BOM, no title rows, only the date of toewijzing, an Inschrijfdatum, passend marked
    with x. € 633,25 is the 1e aftoppingsgrens of 2022."""
    rows = [
        ["Eenheid", "Adres", "Kern", "Datum toewijzing", "Toewijzingsroute", "Inschrijfdatum",
         "Huurprijs", "Huishoudgrootte", "Passend toegewezen"],
        ["WS201", "Kerkweg 1", "Schoonebeek", "15-03-2022", "Reguliere toewijzing", "15-03-2020", "598,00", "2", "x"],
        ["WS202", "Kerkweg 2", "Erica", "01-06-2022", "Statushouder", "01-05-2022", "633,25", "3", "x"],
        ["WS203", "Kerkweg 3", "Erica", "10-09-2022", "Loting", "25-12-2021", "645,00", "1", ""],
        ["WS204", "Kerkweg 4", "Emmen", "01-11-2022", "Directe bemiddeling", "31-13-2021", "700,00", "1", "x"],
        ["WS205", "Kerkweg 5", "Emmen", "01-12-2022", "Doorstroming", "01-02-2023", "580,00", "2", ""],
    ]
    return _csv(HERE / "Woonservice verhuringen Emmen 2022.csv", rows, ";", "utf-8", bom=True)


def lettings_without_date() -> Path:
    """A letting without any date (row 3) and one with a date that does not exist (row 4)."""
    rows = [
        ["Eenheidnummer", "Datum ingang contract", "Toewijzingsroute", "Kale huur"],
        ["D1", "01-03-2023", "Regulier", 600],
        ["D2", None, "Urgent", 610],
        ["D3", "31-02-2023", "Statushouder", 620],
    ]
    return _xlsx(HERE / "Domesta verhuringen Emmen zonder datum.xlsx", {"Verhuringen": rows})


def lettings_bad_rent() -> Path:
    """An unreadable rent (row 3) and a negative one (row 4); vhe LF1 let twice is fine."""
    rows = [
        ["VHE", "Datum toewijzing", "Route", "Kale huur"],
        ["LF1", "01-02-2023", "Regulier", "€ 612,50"],
        ["LF2", "02-02-2023", "Urgent", "zeshonderd"],
        ["LF1", "03-03-2023", "Regulier", "-5,00"],
    ]
    return _csv(HERE / "Lefier verhuringen Emmen huur onleesbaar.csv", rows, ";", "cp1252")
# fmt: on


# --- Leefbaarometer downloads ------------------------------------------------------------------
# fmt: off
LBM_HEADER = ["wk_code", "wk_naam", "gm_code", "gm_naam", "jaar", "lbm", "afw", "fys", "onv", "soc", "vrz", "won", "kscore"]


def leefbaarometer_wijken() -> Path:
    """The long layout of the Leefbaarometer 3.0 open data per wijk: `;`, decimal commas,
    UTF-8 with BOM; four wijken of Emmen over 2018, 2020 and 2022 (rows 2-13), the gemeente
    itself (row 14) and a wijk without score or class (row 15). Codes are invented."""
    rows = [
        LBM_HEADER,
        ["WK011401", "Emmen-Centrum", "GM0114", "Emmen", 2018, "4,12", "0,02", "0,01", "-0,01", "0,00", "0,03", "-0,01", 5],
        ["WK011401", "Emmen-Centrum", "GM0114", "Emmen", 2020, "4,10", "0,00", "0,01", "-0,02", "0,00", "0,02", "-0,01", 5],
        ["WK011401", "Emmen-Centrum", "GM0114", "Emmen", 2022, "4,20", "0,10", "0,03", "0,01", "0,02", "0,03", "0,01", 6],
        ["WK011402", "Emmerhout", "GM0114", "Emmen", 2018, "3,95", "-0,15", "-0,02", "-0,06", "-0,05", "0,00", "-0,02", 4],
        ["WK011402", "Emmerhout", "GM0114", "Emmen", 2020, "3,88", "-0,22", "-0,03", "-0,09", "-0,07", "0,00", "-0,03", 3],
        ["WK011402", "Emmerhout", "GM0114", "Emmen", 2022, "3,86", "-0,24", "-0,03", "-0,10", "-0,08", "0,00", "-0,03", 3],
        ["WK011403", "Angelslo", "GM0114", "Emmen", 2018, "4,25", "0,15", "0,03", "0,04", "0,03", "0,02", "0,03", 6],
        ["WK011403", "Angelslo", "GM0114", "Emmen", 2020, "4,24", "0,14", "0,03", "0,04", "0,03", "0,02", "0,02", 6],
        ["WK011403", "Angelslo", "GM0114", "Emmen", 2022, "4,15", "0,05", "0,01", "0,01", "0,01", "0,01", "0,01", 5],
        ["WK011404", "Klazienaveen", "GM0114", "Emmen", 2018, "4,40", "0,30", "0,08", "0,08", "0,06", "0,02", "0,06", 7],
        ["WK011404", "Klazienaveen", "GM0114", "Emmen", 2020, "4,41", "0,31", "0,08", "0,08", "0,07", "0,02", "0,06", 7],
        ["WK011404", "Klazienaveen", "GM0114", "Emmen", 2022, "4,42", "0,32", "0,08", "0,09", "0,07", "0,02", "0,06", 7],
        ["GM0114", "Emmen", "GM0114", "Emmen", 2022, "4,18", "0,08", "0,02", "0,02", "0,02", "0,01", "0,01", 5],
        ["WK011405", "Nieuw-Dordrecht", "GM0114", "Emmen", 2022, "", "", "", "", "", "", "", ""],
    ]
    return _csv(HERE / "Leefbaarometer 3.0 wijken Emmen 2018-2022.csv", rows, ";", "utf-8", bom=True)


def leefbaarometer_buurten_breed() -> Path:
    """A wide layout per buurt as a gemeente keeps it: a title row, a column per year with the
    class as a number or a name; a code in lower case with a space (row 4), an empty cell (row
    6, 2020) and a Totaal row (row 7)."""
    rows = [
        ["Leefbaarometer 3.0, klassen per buurt, gemeente Emmen"],
        ["Buurtcode", "Buurtnaam", "2020", "2022"],
        ["BU01140101", "Centrum", "voldoende", 6],
        ["bu0114 0102", "Noord", 5, "zwak"],
        ["BU01140201", "Emmerhout-Noord", "ruim onvoldoende", "Onvoldoende"],
        ["BU01140202", "Emmerhout-Zuid", None, 4],
        ["Totaal", None, None, None],
    ]
    return _xlsx(HERE / "Leefbaarometer buurten Emmen breed.xlsx", {"Buurten": rows})


def leefbaarometer_fout() -> Path:
    """Refused: a code that is no wijk code (row 3), a gemeentecode no gemeente has (row 4), a
    class 12 (row 5), a score `hoog` (row 6), a year `twintig` (row 7)."""
    rows = [
        ["wk_code", "wk_naam", "jaar", "lbm", "kscore"],
        ["WK011401", "Emmen-Centrum", 2022, "4,20", 6],
        ["0114-01", "Emmerhout", 2022, "3,86", 3],
        ["WK999901", "Nergenshuizen", 2022, "4,00", 5],
        ["WK011403", "Angelslo", 2022, "4,15", 12],
        ["WK011404", "Klazienaveen", 2022, "hoog", 7],
        ["WK011406", "Weerdinge", "twintig", "4,30", 6],
    ]
    return _csv(HERE / "Leefbaarometer fout.csv", rows, ",", "utf-8")
# fmt: on


# --- files that must be refused ----------------------------------------------------------------


def formulas() -> Path:
    """A stock list written by a program: rents as formulas that were never calculated."""
    rows = [
        ["Peildatum: 31-12-2023"],
        ["Eenheidnummer", "Kale huur", "Energielabel"],
        ["D1", "=600+12.5", "A"],
        ["D2", "=600+20", "B"],
        ["D3", "=600+30", "C"],
    ]
    return _xlsx(HERE / "Domesta_Emmen_formules.xlsx", {"Bezit": rows})


def duplicates() -> Path:
    rows = [
        ["Peildatum: 31-12-2023"],
        ["Eenheidnummer", "Kale huur", "Energielabel"],
        ["D100", "612,50", "A"],
        ["D101", "598,00", "B"],
        ["D102", "640,00", "C"],
        ["D100", "655,00", "D"],
    ]
    return _csv(HERE / "Domesta_Emmen_dubbel.csv", rows, ";", "utf-8")


def wrong_columns() -> Path:
    rows = [["Naam", "Telefoon", "E-mail"], ["Jansen", "0591-123456", "jansen@example.nl"]]
    return _xlsx(HERE / "verkeerde_kolommen.xlsx", {"Contacten": rows})


def empty_workbook() -> Path:
    return _xlsx(HERE / "leeg.xlsx", {"Blad1": []})


def far_cell() -> Path:
    """Two cells, A1 and XFD1048576: calamine would claim memory for 17 billion cells."""
    book = Workbook()
    book.properties.created = book.properties.modified = _FIXED
    book.active["A1"] = "Eenheidnummer"
    book.active["XFD1048576"] = "x"
    path = HERE / "ver_weg.xlsx"
    book.save(path)
    return path


def not_a_workbook() -> list[Path]:
    pdf = HERE / "pdf_als_werkmap.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    noise = HERE / "willekeurig.xlsx"
    noise.write_bytes(random.Random(3).randbytes(2048))
    bare_zip = HERE / "zip_zonder_inhoudstypen.xlsx"
    with zipfile.ZipFile(bare_zip, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return [pdf, noise, bare_zip]


def encrypted() -> Path:
    """What Excel writes for a password-protected workbook: an OLE compound file holding the
    streams EncryptedInfo and EncryptedPackage (the encrypted xlsx), here with random bytes."""
    path = HERE / "beveiligd.xlsx"
    path.write_bytes(ole_file({"EncryptedInfo": b"\x04\x00\x04\x00" + bytes(220),
                               "EncryptedPackage": random.Random(4).randbytes(4096)}))  # fmt: skip
    return path


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (version 3, 512-byte sectors): header, one FAT sector, one
    directory sector, then each stream in whole sectors (no mini stream)."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sector, end]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for data in streams.values():
        count = max(1, -(-len(data) // 512))
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    entries = [_entry("Root Entry", 5, child=1, start=end, size=0)]
    names = list(streams)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        entries.append(_entry(name, 2, right=right, start=starts[i], size=len(streams[name])))
    directory = b"".join(entries).ljust(512, b"\x00")
    body = b"".join(data.ljust(-(-len(data) // 512) * 512, b"\x00") for data in streams.values())
    return header + struct.pack("<128I", *fat) + directory + body


def _entry(name: str, kind: int, child=0xFFFFFFFF, right=0xFFFFFFFF, start=0, size=0) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", 0xFFFFFFFF, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


# --- files saved by LibreOffice Calc ------------------------------------------------------------

# The files above that LibreOffice Calc opens and saves again as xlsx, xls and ods. The results
# are committed (tests do not need soffice); LibreOffice writes its own way: numbers of an xls
# as whole numbers, dates as numbers with a date style, every formula calculated and its value
# cached (the Totaal rows, the rents of the formulas file), an ods with repeated rows and cells.
LIBREOFFICE_SOURCES = (
    "Domesta_woningbezit_Emmen_31-12-2023.xlsx",
    "Lefier WOZ-bezitstabel 2023.xlsx",
    "Productie Domesta Emmen 2021-2023.xlsx",
    "Domesta verhuringen Emmen 2023.xlsx",
    "Domesta verhuringen Emmen zonder datum.xlsx",
    "Woonservice voorraad Borger-Odoorn.ods",
    "Domesta_Emmen_formules.xlsx",
)
LIBREOFFICE_FORMATS = ("xlsx", "xls", "ods")


def libreoffice_name(source: str, fmt: str) -> str:
    """``Productie Domesta Emmen 2021-2023.xlsx``, xls -> ``… (LibreOffice).xls``."""
    return f"{Path(source).stem} (LibreOffice).{fmt}"


def libreoffice_files(soffice: str = "soffice") -> list[Path]:
    """Each source saved by ``soffice --headless --convert-to FORMAT`` (in a temporary folder
    with its own profile, then copied here under its LibreOffice name)."""
    written = []
    with tempfile.TemporaryDirectory() as temp:
        profile = Path(temp, "profiel").as_uri()
        for source in LIBREOFFICE_SOURCES:
            for fmt in LIBREOFFICE_FORMATS:
                out = Path(temp, fmt)
                subprocess.run(
                    [soffice, f"-env:UserInstallation={profile}", "--headless"]
                    + ["--convert-to", fmt, "--outdir", str(out), str(HERE / source)],
                    check=True,
                    capture_output=True,
                )
                target = HERE / libreoffice_name(source, fmt)
                shutil.copy(out / f"{Path(source).stem}.{fmt}", target)
                written.append(target)
    return written


def main() -> None:
    if sys.argv[1:] == ["--libreoffice"]:
        for path in libreoffice_files():
            print(f"{path.stat().st_size:7d}  {path.name}")
        return
    written = [
        domesta_stock(),
        domesta_stock("Domesta_woningbezit_Emmen_31-12-2023_correctie.xlsx", correctie=True),
        lefier_stock(),
        woonservice_stock(),
        woonservice_stock_ods(),
        *woz_files(),
        domesta_production(),
        woonservice_production(),
        domesta_lettings(),
        domesta_lettings(correctie=True),
        lefier_lettings(),
        woonservice_lettings(),
        lettings_without_date(),
        lettings_bad_rent(),
        leefbaarometer_wijken(),
        leefbaarometer_buurten_breed(),
        leefbaarometer_fout(),
        formulas(),
        duplicates(),
        wrong_columns(),
        empty_workbook(),
        far_cell(),
        *not_a_workbook(),
        encrypted(),
    ]
    for path in written:
        print(f"{path.stat().st_size:7d}  {path.name}")


if __name__ == "__main__":
    main()
