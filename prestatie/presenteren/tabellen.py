"""Tables as a person reads them on screen: Dutch column names, amounts in euros (`€ 555,90`, not
55590 cents), dates as `31-12-2025`, ja/nee, `–` for an empty cell. Used for the upload preview
and the list of imports on the page *Gegevens*; the figures themselves come from `inlezen`
(the parsed rows) and `opslag.queries.batches` (the imports), unchanged."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from prestatie import fmt
from prestatie.inlezen import column_names

SOORT_NAMEN = {
    column_names.VOORRAAD: "voorraadlijst",
    column_names.PRODUCTIE: "productielijst",
    column_names.VERHUUR: "verhuringenlijst",
    column_names.WOZ: "WOZ-bezitstabel",
    column_names.LEEFBAARHEID: "Leefbaarometer",
}

# the columns of a parsed file in the order shown, with the name a user reads
PREVIEW_COLUMNS = {
    "bron_rij": "Rij in bestand",
    "vhe_id": "Eenheidnummer",
    "corporatie": "Corporatie",
    "gemeente": "Gemeente",
    "kern": "Kern",
    "adres": "Adres",
    "postcode": "Postcode",
    "peildatum": "Peildatum",
    "datum": "Datum",
    "jaar": "Jaar",
    "project": "Project",
    "soort": "Soort",
    "aantal": "Aantal",
    "huur_cent": "Huur",
    "rekenhuur_cent": "Rekenhuur",
    "label": "Label",
    "label_bron": "Label (zoals in bestand)",
    "energie_index": "Energie-index",
    "woningtype": "Type",
    "levensloopgeschikt": "Levensloopgeschikt",
    "bouwjaar": "Bouwjaar",
    "route": "Route",
    "route_bron": "Route (zoals in bestand)",
    "zoekduur_maanden": "Zoekduur (maanden)",
    "zoekduur_soort": "Gemeten als",
    "huishouden": "Huishouden (personen)",
    "inkomensklasse": "Inkomensklasse",
    "passend": "Passend toegewezen",
    "bron_kolom": "Kolom in bestand",
    "niveau": "Niveau",
    "code": "CBS-code",
    "naam": "Naam",
    "wijk_code": "In wijk",
    "score": "Score (lbm)",
    "klasse": "Klasse (1-9)",
}
_CENTS = ("huur_cent", "rekenhuur_cent")
_DATES = ("peildatum", "datum")
_YES_NO = ("levensloopgeschikt", "passend")
_COUNTS = ("bron_rij", "aantal", "huishouden")
_DECIMALS = {"energie_index": 2, "zoekduur_maanden": 1, "score": 2}


def _euros(cents) -> Decimal | None:
    return None if fmt.is_missing(cents) else Decimal(int(cents)) / 100


def preview(table: pd.DataFrame, rows: int = 8) -> pd.DataFrame:
    """The first ``rows`` rows of a parsed file as the user checks them before *Inlezen*."""
    head = table.head(rows).copy()
    for column in _CENTS:
        if column in head.columns:
            head[column] = [_euros(c) for c in head[column].tolist()]
    for column, decimals in _DECIMALS.items():
        if column in head.columns:
            head[column] = [fmt.num(v, decimals) for v in head[column].tolist()]
    shown = fmt.readable(head, euros=_CENTS, dates=_DATES, yes_no=_YES_NO, counts=_COUNTS)
    shown = shown[[c for c in PREVIEW_COLUMNS if c in shown.columns]]
    as_text = {c: [fmt.MISSING if fmt.is_missing(v) else str(v) for v in shown[c].tolist()]
               for c in shown.columns}  # fmt: skip
    return pd.DataFrame(as_text, index=shown.index).rename(columns=PREVIEW_COLUMNS)


def _periode(row) -> str:
    if not fmt.is_missing(row["peildatum"]):
        return fmt.datum(fmt.as_day(row["peildatum"]))
    van, tot = row["jaar_van"], row["jaar_tot"]
    if fmt.is_missing(van):
        return fmt.MISSING
    return str(int(van)) if fmt.is_missing(tot) or tot == van else f"{int(van)}–{int(tot)}"


def _or(value, instead: str) -> str:
    return instead if fmt.is_missing(value) or value == "" else str(value)


def _moment(value) -> str:
    if fmt.is_missing(value):
        return fmt.MISSING
    return pd.Timestamp(value).strftime("%d-%m-%Y %H:%M")


def import_list(batches: pd.DataFrame) -> pd.DataFrame:
    """Every import, its state first: what a user needs to decide what to undo."""
    if batches.empty:
        return pd.DataFrame(
            columns=[
                "Stand",
                "Import",
                "Bestand",
                "Soort",
                "Corporatie",
                "Gemeente",
                "Peildatum of jaren",
                "Rijen",
                "Waarschuwingen",
                "Demo",
                "Door",
                "Ingelezen op",
            ]  # fmt: skip
        )
    records = batches.to_dict("records")
    return pd.DataFrame(
        {
            "Stand": [r["stand"] for r in records],
            "Import": [int(r["id"]) for r in records],
            "Bestand": [r["bestand"] for r in records],
            "Soort": [SOORT_NAMEN.get(r["soort"], r["soort"]) for r in records],
            "Corporatie": [_or(r["corporatie"], fmt.MISSING) for r in records],
            "Gemeente": [_or(r["gemeente"], "per rij") for r in records],
            "Peildatum of jaren": [_periode(r) for r in records],
            "Rijen": [fmt.num(r["rijen"]) for r in records],
            "Waarschuwingen": [fmt.num(r["waarschuwingen"]) for r in records],
            "Demo": ["ja" if r["demo"] else "nee" for r in records],
            "Door": [_or(r["gebruiker"], fmt.MISSING) for r in records],
            "Ingelezen op": [_moment(r["ingelezen"]) for r in records],
        }
    )


LOG_COLUMNS = ("Tijd", "Gebruiker", "Rol", "Handeling", "Corporatie", "Gemeente", "Wat",
               "Geweigerd")  # fmt: skip


def log_table(entries: pd.DataFrame) -> pd.DataFrame:
    """The log of writes as the Gegevens page and its CSV show it, newest first."""
    records = entries.to_dict("records")
    return pd.DataFrame(
        {
            "Tijd": [_moment(r["tijd"]) for r in records],
            "Gebruiker": [r["gebruiker"] for r in records],
            "Rol": [r["rol"] for r in records],
            "Handeling": [r["handeling"] for r in records],
            "Corporatie": [_or(r["corporatie"], "") for r in records],
            "Gemeente": [_or(r["gemeente"], "") for r in records],
            "Wat": [r["omschrijving"] for r in records],
            "Geweigerd": ["ja" if r["geweigerd"] else "nee" for r in records],
        },
        columns=list(LOG_COLUMNS),
    )
