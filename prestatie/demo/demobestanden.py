"""Write the demonstration data set as the files corporations send, and load it for real.

``write_files`` produces xlsx and CSV files in a folder; ``load`` imports them through
:mod:`prestatie.inlezen.ingest` with the demo flag on their batches, so every page can say that it
shows demonstration data, and a user can remove it all at once.
"""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook

from prestatie import fmt
from prestatie.demo import leefbaarheid
from prestatie.demo.simulatie import (
    CBS,
    simulate,
    simulate_lettings,
    verduurzaming_per_home,
    verkooplabel,
)
from prestatie.inlezen import column_names
from prestatie.opslag import store
from prestatie.referentie import labels

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"


def write_files(folder: Path = DEMO_DIR) -> list[Path]:
    """Every demo file, written anew; returns their paths in import order."""
    folder.mkdir(parents=True, exist_ok=True)
    stock, production = simulate()
    production = verduurzaming_per_home(stock, production)
    paths = []
    for (corporatie, gemeente, year), rows in sorted(stock.items()):
        writer = _STOCK_WRITERS[corporatie]
        if (corporatie, gemeente, year) == ("Lefier", "Borger-Odoorn", 2024):
            writer = _woz
        paths.append(writer(folder, gemeente, year, rows))
    for (corporatie, gemeente), rows in sorted(production.items()):
        paths.append(_PRODUCTION_WRITERS[corporatie](folder, corporatie, gemeente, rows))
    # one lettings list per corporatie and year, over its gemeenten; after the others, so the
    # stock and production imports keep their batch numbers
    lettings: dict[tuple[str, int], list[dict]] = {}
    for (corporatie, gemeente, year), rows in sorted(simulate_lettings(stock).items()):
        lettings.setdefault((corporatie, year), []).extend(
            {**r, "gemeente": gemeente} for r in rows
        )
    for (corporatie, year), rows in sorted(lettings.items()):
        paths.append(_LETTING_WRITERS[corporatie](folder, year, rows))
    paths.append(_leefbaarometer(folder))  # public scores per wijk, last: no batch moves
    return paths


def _leefbaarometer(folder: Path) -> Path:
    """The Leefbaarometer download per wijk of Emmen, as published: `;`, decimal commas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["wk_code", "wk_naam", "gm_code", "gm_naam", "jaar", "lbm", "kscore"])
    for r in leefbaarheid.rows():
        lbm = f"{r['lbm']:.2f}".replace(".", ",")
        writer.writerow([r["code"], r["naam"], "GM0114", "Emmen", r["jaar"], lbm, r["kscore"]])
    path = folder / "Leefbaarometer 3.0 scores wijken Emmen 2018-2024.csv"
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    return path


def load(con: duckdb.DuckDBPyConnection, folder: Path | None = None) -> int:
    """Write and import the demo files; returns the number of rows imported.

    Without a folder the files are written to a temporary one, so two builds never collide.
    """
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="prestatie-demo-") as tmp:
            return load(con, Path(tmp))
    results = store.import_paths(con, write_files(folder), demo=True)
    return sum(parsed.rows for parsed, _ in results)


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _domesta(folder: Path, gemeente: str, year: int, rows: list[dict]) -> Path:
    header = [
        "Eenheidnummer",
        "Adres",
        "Postcode",
        "Plaats",
        "Woningtype",
        "Levensloopgeschikt",
        "Kale huur",
        "Energielabel",
        "Bouwjaar",
    ]
    body = [
        [
            r["vhe"],
            f"{r['straat']} {r['nummer']}",
            r["postcode"],
            r["kern"],
            r["type"],
            "ja" if r["levensloop"] else "nee",
            r["huur"],
            r["label"],
            r["bouwjaar"],
        ]
        for r in rows
    ]
    table = [
        [f"Domesta - Overzicht woningbezit gemeente {gemeente}"],
        [f"Peildatum: 31-12-{year}"],
        [],
        header,
        *body,
        [],
        ["Totaal", None, None, None, None, None, round(sum(r["huur"] for r in rows), 2)],
    ]
    notes = [
        ["Toelichting"],
        ["Huur is de kale huur per maand op de peildatum."],
        ["Demonstratiegegevens van prestatie: alle cijfers zijn verzonnen."],
    ]
    return _xlsx(
        folder / f"Domesta_woningbezit_{gemeente}_{year}.xlsx",
        {"Bezit": table, "Toelichting": notes},
    )


def _lefier(folder: Path, gemeente: str, year: int, rows: list[dict]) -> Path:
    sale = gemeente == "Borger-Odoorn"  # these lists mark the verkoopvijver (B1a, B2a)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["Lefier", f"Voorraadlijst gemeente {gemeente}"])
    w.writerow([f"Peildatum: 31-12-{year}"])
    w.writerow([])
    w.writerow(
        [
            "VHE",
            "Straat",
            "Huisnummer",
            "Woonplaats",
            "Type woning",
            "Nultredenwoning",
            "Netto huur",
            "Label",
            "Bouwjaar",
        ]
        + (["Verkooplabel"] if sale else [])
    )
    for r in rows:
        label = r["label"] if r["label"] == labels.ONBEKEND else f"Label {r['label'].lower()}"
        w.writerow(
            [
                r["vhe"],
                r["straat"],
                r["nummer"],
                r["kern"],
                "eengezinswoning" if r["type"] == "EGW" else "meergezinswoning",
                "J" if r["levensloop"] else "N",
                fmt.euro(r["huur"]),
                label,
                r["bouwjaar"],
            ]
            + (["ja" if verkooplabel(r) else "nee"] if sale else [])
        )
    path = folder / f"Lefier_{gemeente}_voorraad_31-12-{year}.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def _woonservice(folder: Path, gemeente: str, year: int, rows: list[dict]) -> Path:
    header = [
        "OGE",
        "Straat",
        "Huisnr",
        "Dorp",
        "Soort woonruimte",
        "Levensloopbestendig",
        "Huurprijs",
        "Rekenhuur",
        "Energieklasse",
        "Energie-index",
    ]
    body = []
    for i, r in enumerate(rows):
        label = r["label"]
        index = _index_for(label)
        shown = "" if i % 47 == 0 and index is not None else label  # a few labels left empty
        body.append(
            [
                r["vhe"],
                r["straat"],
                r["nummer"],
                r["kern"],
                r["type"],
                "x" if r["levensloop"] else None,
                r["huur"],
                _rekenhuur(r),
                shown,
                index,
            ]
        )
    notes = [["Bron: ERP-export Woonservice (demonstratiegegevens, verzonnen)"]]
    name = f"Woonservice Drenthe - bezit {gemeente} per 31-12-{year}.xlsx"
    return _xlsx(folder / name, {"Export": [header, *body], "Notities": notes})


def _rekenhuur(row: dict) -> float:
    """Kale huur plus subsidiable service costs: more in flats (lift, cleaning) than houses."""
    return round(row["huur"] + (24.50 if row["type"] == "MGW" else 7.75), 2)


_EI = {
    "A++": 0.55,
    "A+": 0.7,
    "A": 1.0,
    "B": 1.3,
    "C": 1.6,
    "D": 1.95,
    "E": 2.25,
    "F": 2.55,
    "G": 2.9,
}


def _index_for(label: str) -> float | None:
    return _EI.get(label)


def _woz(folder: Path, gemeente: str, year: int, rows: list[dict]) -> Path:
    """Lefier's Borger-Odoorn stock of one year as a dVi WOZ-bezitstabel."""
    header = list(column_names.WOZ_HEADERS)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    for i, r in enumerate(rows):
        bag = f"{CBS[gemeente]}01{i:010d}"
        bag = bag.lstrip("0")  # as Excel leaves it: the leading zero of the CBS code gone
        w.writerow(
            [
                "2.1A",
                r["vhe"],
                r["postcode"].replace(" ", ""),
                r["nummer"],
                "",
                "",
                bag,
                "",
                1,
                1,
                "DAEB TI",
                "DAEB TI",
                "Woonruimte",
                r["type"],
                "Ja",
                "Nee",
                "Geen mutatie",
                f"{r['huur']:.2f}".replace(".", ","),
                140,
                r["label"],
                r["bouwjaar"],
                "",
                "72,50",
                165000,
                98000,
                "Ja",
                "WSW",
                "Hypotheek",
                "1",
            ]
        )
    w.writerow(
        [
            "2.1A",
            "LFP0001",
            "",
            "",
            "",
            "",
            "",
            "",
            1,
            1,
            "DAEB TI",
            "DAEB TI",
            "Parkeergelegenheid",
            "",
            "",
            "",
            "Geen mutatie",
            "25,00",
            "",
            "",
            1990,
            "",
            "12,00",
            9000,
            5000,
            "Nee",
            "",
            "N.v.t.",
            "1",
        ]
    )
    path = folder / f"Lefier WOZ-bezitstabel {year} {gemeente}.csv"
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    return path


def _production_xlsx(folder: Path, corporatie: str, gemeente: str, rows: list[dict]) -> Path:
    with_units = any(r["Eenheid"] for r in rows)
    header = ["Project", "Kern", "Activiteit", "Aantal", "Opleverdatum"]
    header += ["Eenheidnummer"] if with_units else []
    body = [
        [r["Project"], r["Kern"], r["Activiteit"], r["Aantal"], r["Opleverdatum"]]
        + ([r["Eenheid"]] if with_units else [])
        for r in rows
    ]
    title = [[f"{corporatie} - gerealiseerde productie {gemeente} 2021-2025"], []]
    return _xlsx(
        folder / f"Productie {corporatie} {gemeente} 2021-2025.xlsx",
        {"Productie": [*title, header, *body]},
    )


def _production_domesta(folder: Path, corporatie: str, gemeente: str, rows: list[dict]) -> Path:
    header = ["Jaar", "Projectnaam", "Dorp", "Soort", "Aantal woningen"]
    body = [
        [r["Opleverdatum"].year, r["Project"], r["Kern"], r["Activiteit"], r["Aantal"]]
        for r in rows
    ]
    return _xlsx(
        folder / f"Domesta activiteitenoverzicht {gemeente} realisatie.xlsx",
        {"Realisatie": [header, *body]},
    )


def _production_csv(folder: Path, corporatie: str, gemeente: str, rows: list[dict]) -> Path:
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(["Projectnaam", "Woonplaats", "Type activiteit", "Aantal", "Datum gereed"])
    for r in rows:
        d: date = r["Opleverdatum"]
        w.writerow([r["Project"], r["Kern"], r["Activiteit"], r["Aantal"], d.strftime("%d-%m-%Y")])
    path = folder / f"Woonservice realisatie {gemeente} 2021-2025.csv"
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    return path


# --- lettings lists ----------------------------------------------------------------------------

ROUTE_WORDS = {
    "Domesta": {
        "regulier": "Regulier",
        "urgent": "Urgent",
        "statushouder": "Statushouder",
        "bemiddeling": "Directe bemiddeling",
        "doorstroming": "Doorstromer",
        "overig": "Overig",
    },
    "Lefier": {
        "regulier": "Regulier",
        "urgent": "Urgentie",
        "statushouder": "VG - statushouder",
        "bemiddeling": "Bemiddeling",
        "doorstroming": "Doorstroming",
        "overig": "Overig",
    },
    "Woonservice": {
        "regulier": "Reguliere toewijzing",
        "urgent": "urgentie",
        "statushouder": "Vergunninghouder",
        "bemiddeling": "Bemiddeling",
        "doorstroming": "Doorstroming",
        "overig": "Overig",
    },
}


def _lettings_domesta(folder: Path, year: int, rows: list[dict]) -> Path:
    """Domesta's lettings in Emmen: xlsx with title rows, Dutch date texts, a totals row."""
    words = ROUTE_WORDS["Domesta"]
    header = [
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
    body = [
        [
            r["vhe"],
            f"{r['straat']} {r['nummer']}",
            r["kern"],
            f"{r['toewijzing']:%d-%m-%Y}",
            "" if i % 37 == 5 else f"{r['contract']:%d-%m-%Y}",  # a few contracts not yet known
            words[r["route"]],
            r["maanden"],
            r["huur"],
            r["huishouden"],
            r["inkomen"],
            "ja" if r["passend"] else "nee",
        ]
        for i, r in enumerate(rows)
    ]
    table = [
        ["Domesta - Verhuringen gemeente Emmen"],
        [f"Verslagjaar {year}"],
        [],
        header,
        *body,
        [],
        ["Totaal", None, None, None, None, f"{len(rows)} verhuringen"],
    ]
    notes = [
        ["Toelichting"],
        ["Kale huur bij ingang van het huurcontract; inschrijfduur op de datum van toewijzing."],
        ["Demonstratiegegevens van prestatie: alle cijfers zijn verzonnen."],
    ]
    return _xlsx(
        folder / f"Domesta verhuringen Emmen {year}.xlsx",
        {"Verhuringen": table, "Toelichting": notes},
    )


def _lettings_lefier(folder: Path, year: int, rows: list[dict]) -> Path:
    """Lefier's lettings in both gemeenten: `;`-CSV in Windows-1252, zoekduur in days."""
    words = ROUTE_WORDS["Lefier"]
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["Lefier", f"Overzicht verhuringen {year}"])
    w.writerow([])
    w.writerow(
        [
            "VHE",
            "Straat",
            "Huisnummer",
            "Woonplaats",
            "Gemeente",
            "Datum ingang contract",
            "Toewijzing",
            "Zoekduur (dagen)",
            "Netto huur",
            "Huishoudgrootte",
            "Inkomen (passendheid)",
            "Passend",
        ]
    )
    for r in rows:
        w.writerow(
            [
                r["vhe"],
                r["straat"],
                r["nummer"],
                r["kern"],
                r["gemeente"],
                f"{r['contract']:%d-%m-%Y}",
                words[r["route"]],
                round(r["maanden"] * 30.4375),
                fmt.euro(r["huur"]),
                r["huishouden"],
                r["inkomen"].capitalize(),
                "J" if r["passend"] else "N",
            ]
        )
    path = folder / f"Lefier verhuringen {year}.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def _lettings_woonservice(folder: Path, year: int, rows: list[dict]) -> Path:
    """Woonservice's lettings as the letting portal exports them: xlsx, date cells, an
    Inschrijfdatum instead of a duration, passend marked with x."""
    words = ROUTE_WORDS["Woonservice"]
    header = [
        "Eenheid",
        "Adres",
        "Kern",
        "Gemeente",
        "Datum toewijzing",
        "Datum ingang contract",
        "Toewijzingsroute",
        "Inschrijfdatum",
        "Huurprijs",
        "Huishoudgrootte",
        "Inkomensklasse",
        "Passend toegewezen",
    ]
    body = [
        [
            r["vhe"],
            f"{r['straat']} {r['nummer']}",
            r["kern"],
            r["gemeente"],
            r["toewijzing"],
            r["contract"],
            words[r["route"]],
            _months_before(r["contract"], r["maanden"]),
            r["huur"],
            r["huishouden"],
            r["inkomen"],
            "x" if r["passend"] else None,
        ]
        for r in rows
    ]
    notes = [["Bron: verhuurportaal (demonstratiegegevens, verzonnen)"]]
    name = f"Woonservice Drenthe - verhuringen {year}.xlsx"
    return _xlsx(folder / name, {"Export": [header, *body], "Notities": notes})


def _months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the 28th at most)."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


_STOCK_WRITERS = {"Domesta": _domesta, "Lefier": _lefier, "Woonservice": _woonservice}
_PRODUCTION_WRITERS = {
    "Domesta": _production_domesta,
    "Lefier": _production_xlsx,
    "Woonservice": _production_csv,
}
_LETTING_WRITERS = {
    "Domesta": _lettings_domesta,
    "Lefier": _lettings_lefier,
    "Woonservice": _lettings_woonservice,
}
