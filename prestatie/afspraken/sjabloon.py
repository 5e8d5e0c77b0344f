"""Het sjabloon van afspraken en doelen: een Excel-werkmap heen, TOML-tekst terug.

Een beleidsmedewerker past een afsprakendocument aan zonder code: de app biedt het sjabloon
aan, gevuld met het document zoals het nu geldt (:func:`schrijf`); de ingevulde werkmap komt
terug via :func:`lees`. De bladen en kolommen: :mod:`prestatie.afspraken.sjabloon_layout`; één
cel heen en terug: :mod:`prestatie.afspraken.sjabloon_cells`.

Lezen zet de cellen om in de structuur van een afsprakenbestand, schrijft die als TOML
(:mod:`prestatie.afspraken.toml_writer`) en laat
:func:`prestatie.afspraken.toml_reader.parse_agreement` het controleren, zoals bij de bestanden in
data/afspraken. Elke fout wordt een :class:`~prestatie.inlezen.errors.Problem` met blad, rij zoals
Excel hem toont, kolom en waarde (:mod:`prestatie.afspraken.sjabloon_errors`); er wordt nooit iets
opgeslagen (dat doet de pagina, na een klik, met
:func:`prestatie.opslag.register_store.save_version`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from prestatie.afspraken import schema, toml_reader
from prestatie.afspraken.schema import Agreement, Doel
from prestatie.afspraken.sjabloon_cells import (
    CelFout,
    cel,
    celwaarde,
    getal_tekst,
    ja_nee,
    normtekst,
    tekst,
)
from prestatie.afspraken.sjabloon_errors import Plaatsen
from prestatie.afspraken.sjabloon_layout import (
    AFSPRAAK_KOLOMMEN,
    AFSPRAKEN,
    BLADEN,
    DOCUMENT,
    DOEL_KOLOMMEN,
    DOELEN,
    KOLOMMEN,
    PARAM_KOLOMMEN,
    UITLEG,
    Raster,
    letter,
    uitleg,
)
from prestatie.afspraken.toml_writer import toml_text
from prestatie.inlezen import uploads
from prestatie.inlezen.errors import ImportRefused, Problem


@dataclass(frozen=True)
class Ingelezen:
    """A valid agreement document from a template, with the TOML text to store."""

    agreement: Agreement
    toml: str


# --- Agreement -> cells ----------------------------------------------------------------------


def bladen(agreement: Agreement) -> dict[str, Raster]:
    """The cells of the sheets Document, Afspraken and Doelen for an agreement."""
    doc = agreement.document
    document: Raster = [
        ["veld", "waarde"],
        ["id", doc.id],
        ["titel", doc.titel],
        ["gemeente", doc.gemeente],
        *[["partij", partij] for partij in doc.partijen],
        ["periode", f"{doc.periode[0]}-{doc.periode[1]}"],
        ["bron", doc.bron],
        ["ondertekend", doc.ondertekend],
        *[[f"thema {code}", naam] for code, naam in doc.themas.items()],
    ]
    afspraken: Raster = [list(AFSPRAAK_KOLOMMEN)]
    afspraken += [[getattr(a, k) for k in AFSPRAAK_KOLOMMEN] for a in agreement.afspraken]
    doelen: Raster = [list(DOEL_KOLOMMEN)] + [_doelrij(d) for d in agreement.doelen]
    return {DOCUMENT: document, AFSPRAKEN: afspraken, DOELEN: doelen}


def _doelrij(doel: Doel) -> list[object]:
    waarden = {
        "corporaties": ", ".join(doel.corporaties),
        "per_corporatie": ja_nee(doel.per_corporatie),
        "kern": doel.kern or "",
        "norm": normtekst(doel),
        **{k: celwaarde(v) for k, v in doel.params.items()},
    }
    return [waarden.get(k, getattr(doel, k, "")) for k in DOEL_KOLOMMEN]


# --- the workbook ------------------------------------------------------------------------------


def schrijf(agreement: Agreement) -> bytes:
    """The template as an xlsx, filled with the agreement; text cells stay text (no formulas)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for naam, raster in bladen(agreement).items():
        _vul(workbook.create_sheet(naam), raster)
    _keuzelijsten(workbook)
    _vul(workbook.create_sheet(UITLEG), uitleg())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_BREED = {"tekst": 70, "resultaat": 40, "toelichting": 50, "omschrijving": 40, "waarde": 70}


def _vul(blad, raster: Raster) -> None:
    for r, rij in enumerate(raster, start=1):
        for c, waarde in enumerate(rij, start=1):
            cell = blad.cell(r, c)
            if isinstance(waarde, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", waarde)
                cell.data_type = "s"  # "=..." is text here, never a formula
                cell.quotePrefix = waarde.startswith(("=", "+", "-", "@"))
            else:
                cell.value = waarde
    for c, kop in enumerate(raster[0], start=1):
        blad.cell(1, c).font = Font(bold=True)
        kolom = blad.cell(1, c).column_letter
        blad.column_dimensions[kolom].width = _BREED.get(str(kop), 16)
        if str(kop) in _BREED:
            for cell in blad[kolom][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    blad.freeze_panes = "A2"


def _keuzelijsten(workbook: Workbook) -> None:
    """Drop-down lists for the columns with a fixed set of values."""
    lijsten = {
        (AFSPRAKEN, "status"): schema.AFSPRAAK_STATUSES,
        (DOELEN, "soort"): schema.KINDS,
        (DOELEN, "richting"): schema.DIRECTIONS,
        (DOELEN, "per_corporatie"): ("ja", "nee"),
        (DOELEN, "inclusief"): ("ja", "nee"),
    }
    for (blad, kolom), keuzes in lijsten.items():
        kolomletter = letter(KOLOMMEN[blad].index(kolom))
        lijst = DataValidation(type="list", formula1=f'"{",".join(keuzes)}"', allow_blank=True)
        workbook[blad].add_data_validation(lijst)
        lijst.add(f"{kolomletter}2:{kolomletter}2000")


# --- cells -> Agreement ----------------------------------------------------------------------


def lees(bestand: str, data: bytes) -> Ingelezen:
    """A filled-in template -> a checked agreement; ImportRefused names sheet, row, column."""
    sheets = {s.name: s for s in uploads.read_sheets(bestand, data)}
    ontbreekt = [naam for naam in BLADEN if naam not in sheets]
    if ontbreekt:
        raise ImportRefused(
            [
                Problem(bestand, f'blad "{naam}" ontbreekt; gebruik het sjabloon van de app')
                for naam in ontbreekt
            ]
        )
    problemen = [
        Problem(
            bestand, "een formule zonder berekende waarde; typ de waarde zelf", naam, r, letter(c)
        )
        for naam in BLADEN
        for r, c in sorted(sheets[naam].uncached)
    ]
    if problemen:
        raise ImportRefused(problemen)
    return uit_bladen(bestand, {naam: sheets[naam].rows for naam in BLADEN})


def tabel(agreement: Agreement, blad: str) -> pd.DataFrame:
    """Sheet Afspraken or Doelen as text columns, for editing in the app; index = Excel row."""
    raster = bladen(agreement)[blad]
    frame = pd.DataFrame([[_als_tekst(c) for c in rij] for rij in raster[1:]], columns=raster[0])
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="rij")
    return frame


def met_tabel(agreement: Agreement, blad: str, frame: pd.DataFrame) -> Ingelezen:
    """The agreement with sheet ``blad`` replaced by an edited :func:`tabel`, checked."""
    rasters = bladen(agreement)
    rijen = frame.astype(object).where(frame.notna(), "").values.tolist()
    rasters[blad] = [list(frame.columns), *rijen]
    return uit_bladen(f"tabel {blad}", rasters)


def _als_tekst(waarde: object) -> str:
    if isinstance(waarde, float):
        return getal_tekst(waarde, "")
    return str(waarde)


def uit_bladen(bestand: str, rasters: dict[str, Raster]) -> Ingelezen:
    """Cells of the three sheets -> TOML text -> targets.parse_agreement; ImportRefused."""
    problemen: list[Problem] = []
    gelezen, velden = _document(bestand, rasters[DOCUMENT], problemen)
    document = {k: gelezen[k] for k in _DOCUMENT_VOLGORDE if k in gelezen}
    afspraken = _tabel(bestand, AFSPRAKEN, rasters[AFSPRAKEN], "nummer", problemen)
    doelen = _tabel(bestand, DOELEN, rasters[DOELEN], "id", problemen)
    if problemen:
        raise ImportRefused(problemen)
    toml = toml_text(
        {
            "document": document,
            "afspraak": [_afspraak(rij) for _, rij in afspraken],
            "doel": [_doel(rij) for _, rij in doelen],
        }
    )
    try:
        agreement = toml_reader.parse_agreement(toml, f"{document['id']}.toml")
    except toml_reader.TargetFileError as fout:
        plaats = Plaatsen(bestand, velden, afspraken, doelen, rasters)
        raise ImportRefused([plaats.probleem(str(fout), f"{document['id']}.toml")]) from None
    return Ingelezen(agreement, toml)


_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_DOCUMENT_VOLGORDE = tuple(f.name for f in fields(schema.Document))  # the keys of [document]


def _document(
    bestand: str, raster: Raster, problemen: list[Problem]
) -> tuple[dict[str, object], dict[str, int]]:
    """Sheet Document (veld | waarde) -> the [document] table, and the row of each veld."""
    document: dict[str, object] = {"partijen": [], "themas": {}}
    velden: dict[str, int] = {}
    for r, rij in enumerate(raster[1:], start=2):
        veld = tekst(rij[0] if rij else "")
        waarde = tekst(rij[1]) if len(rij) > 1 else ""
        if not veld:
            continue
        fout = _documentveld(document, veld, waarde)
        veld = veld.lower()
        if fout:
            problemen.append(Problem(bestand, fout, DOCUMENT, r, "B (waarde)", waarde))
        velden.setdefault(veld.split()[0], r)
    if not _ID.fullmatch(str(document.get("id", ""))):
        problemen.append(
            Problem(
                bestand,
                "id ontbreekt of is ongeldig: kleine letters, cijfers en streepjes",
                DOCUMENT,
                velden.get("id"),
                "B (waarde)",
                document.get("id"),
            )
        )
    return document, velden


def _documentveld(document: dict[str, object], veld: str, waarde: str) -> str | None:
    """Puts one row of sheet Document in place; returns what is wrong with it, if anything."""
    code = veld[len("thema ") :].strip()
    veld = veld.lower()
    if veld == "partij":
        document["partijen"].append(waarde)
    elif veld.startswith("thema ") and code:
        document["themas"][code] = waarde
    elif veld == "periode":
        jaren = re.fullmatch(r"(\d{4})(?:\s*-\s*(\d{4}))?", waarde)
        if not jaren:
            return "periode: schrijf eerste en laatste jaar, bijvoorbeeld 2021-2024"
        document["periode"] = [int(jaren[1]), int(jaren[2] or jaren[1])]
    elif veld in ("id", "titel", "gemeente", "bron", "ondertekend"):
        document[veld] = waarde
    else:
        return f'onbekend veld "{veld}" in kolom A'
    return None


def _tabel(
    bestand: str, blad: str, raster: Raster, sleutel: str, problemen: list[Problem]
) -> list[tuple[int, dict[str, object]]]:
    """Sheet Afspraken or Doelen -> (Excel row, {kolom: value}) per non-empty row."""
    kop = [tekst(c).lower() for c in (raster[0] if raster else [])]
    bekend = KOLOMMEN[blad]
    verplicht = bekend if blad == AFSPRAKEN else DOEL_KOLOMMEN[:10]
    koppen = [
        Problem(bestand, f'onbekende kolom "{naam}"', blad, 1, letter(c))
        for c, naam in enumerate(kop)
        if naam and naam not in bekend
    ] + [
        Problem(bestand, f'kolom "{naam}" ontbreekt', blad, 1)
        for naam in verplicht
        if naam not in kop
    ]
    if koppen:
        problemen.extend(koppen)
        return []
    rijen, gezien = [], {}
    for r, cellen in enumerate(raster[1:], start=2):
        if all(c is None or c == "" for c in cellen):
            continue
        rij = {}
        for c, naam in enumerate(kop):
            if naam:
                waarde = cellen[c] if c < len(cellen) else ""
                try:
                    rij[naam] = cel(naam, waarde)
                except CelFout as fout:
                    problemen.append(
                        Problem(bestand, str(fout), blad, r, f"{letter(c)} ({naam})", waarde)
                    )
        id_ = str(rij.get(sleutel, ""))
        plek = f"{letter(kop.index(sleutel))} ({sleutel})"
        if not id_:
            problemen.append(Problem(bestand, f"{sleutel} is leeg", blad, r, plek))
        elif id_ in gezien:
            problemen.append(
                Problem(
                    bestand, f"{sleutel} {id_} staat ook in rij {gezien[id_]}", blad, r, plek, id_
                )
            )
        gezien.setdefault(id_, r)
        rijen.append((r, rij))
    return rijen


def _afspraak(rij: dict[str, object]) -> dict[str, object]:
    return {k: rij.get(k, "") for k in AFSPRAAK_KOLOMMEN}


def _doel(rij: dict[str, object]) -> dict[str, object]:
    """A row of Doelen as a [[doel]] table; an empty per_corporatie or parameter is left out,
    so targets reports it when the soort needs it."""
    doel: dict[str, object] = {}
    for kolom in DOEL_KOLOMMEN:
        waarde = rij.get(kolom)
        if kolom == "corporaties":
            doel[kolom] = waarde or []
        elif kolom == "norm":
            doel[kolom] = {} if waarde is None else waarde
        elif waarde not in (None, ""):
            doel[kolom] = waarde
        elif kolom not in (*PARAM_KOLOMMEN, "per_corporatie"):
            doel[kolom] = ""
    return doel
