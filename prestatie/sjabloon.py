"""Het sjabloon van afspraken en doelen: een Excel-werkmap heen, TOML-tekst terug.

Een beleidsmedewerker past een afsprakendocument aan zonder code: de app biedt het sjabloon
aan, gevuld met het document zoals het nu geldt (:func:`schrijf`); de ingevulde werkmap komt
terug via :func:`lees`. Bladen: *Document* (veld | waarde), *Afspraken* en *Doelen* (kopregel in
rij 1, één afspraak of doel per rij) en *Uitleg* (elke kolom beschreven; wordt niet gelezen).

Lezen zet de cellen om in de structuur van een afsprakenbestand, schrijft die als TOML
(:func:`toml_tekst`, een kleine schrijver voor precies dit schema) en laat
:func:`prestatie.targets.parse_agreement` het controleren, zoals bij de bestanden in
data/afspraken. Elke fout wordt een :class:`~prestatie.errors.Problem` met blad, rij zoals
Excel hem toont, kolom en waarde; er wordt nooit iets opgeslagen (dat doet de pagina, na een
klik, met :func:`prestatie.store_register.save_version`).

Celwaarden: lijsten als "Lefier, Woonservice"; ja/nee voor waar/onwaar; een norm als
"2023=30; 2024=20", een bandbreedte als "2021=[-60, -10]", een aandeel als "90%" of "0,9".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from prestatie import bestanden, targets
from prestatie.errors import ImportRefused, Problem
from prestatie.targets import Agreement, Doel

DOCUMENT, AFSPRAKEN, DOELEN, UITLEG = "Document", "Afspraken", "Doelen", "Uitleg"
BLADEN = (DOCUMENT, AFSPRAKEN, DOELEN)
AFSPRAAK_KOLOMMEN = (
    "nummer",
    "thema",
    "tekst",
    "resultaat",
    "tijd",
    "trekker",
    "jaarschijf",
    "status",
    "toelichting",
)
PARAM_KOLOMMEN = (
    "grens",
    "inclusief",
    "prijspeil",
    "bedrag",
    "basis",
    "labels",
    "groepnaam",
    "activiteiten",
    "maat",
    "basisjaar",
    "label",
)
DOEL_KOLOMMEN = (
    "id",
    "afspraak",
    "omschrijving",
    "tekst",
    "soort",
    "corporaties",
    "per_corporatie",
    "kern",
    "richting",
    "norm",
    *PARAM_KOLOMMEN,
    "toelichting",
)
KOLOMMEN = {AFSPRAKEN: AFSPRAAK_KOLOMMEN, DOELEN: DOEL_KOLOMMEN}
_JA_NEE = ("per_corporatie", "inclusief")
_GEHEEL = ("prijspeil", "basisjaar")
_GETAL = ("bedrag",)
_LIJST = ("corporaties", "labels", "activiteiten")
_AANDELEN = ("aandeel_huur", "aandeel_label")
_JA = ("ja", "j", "waar", "true", "1")
_NEE = ("nee", "n", "onwaar", "false", "0")

Raster = list[list[object]]  # a sheet's cells; raster[0] is row 1 (the header)


@dataclass(frozen=True)
class Ingelezen:
    """A valid agreement document from a template, with the TOML text to store."""

    agreement: Agreement
    toml: str


class _Fout(Exception):
    """A cell that cannot be read; the caller adds sheet, row and column."""


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
        "per_corporatie": _ja_nee(doel.per_corporatie),
        "kern": doel.kern or "",
        "norm": normtekst(doel),
        **{k: _celwaarde(v) for k, v in doel.params.items()},
    }
    return [waarden.get(k, getattr(doel, k, "")) for k in DOEL_KOLOMMEN]


def _celwaarde(waarde: object) -> object:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return _ja_nee(waarde)
    if isinstance(waarde, tuple):
        return ", ".join(waarde)
    return waarde


def _ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def normtekst(doel: Doel) -> str:
    """The norm as a cell: "2023=30; 2024=20", "2021=[-60, -10]", "2023=90%"."""
    return "; ".join(
        f"{periode.label}={_normwaarde_tekst(norm, doel.soort)}" for periode, norm in doel.norm
    )


def _normwaarde_tekst(norm: object, soort: str) -> str:
    if isinstance(norm, tuple):
        return f"[{_getal_tekst(norm[0], soort)}, {_getal_tekst(norm[1], soort)}]"
    return _getal_tekst(norm, soort)


def _getal_tekst(waarde: object, soort: str) -> str:
    if isinstance(waarde, str | int):
        return str(waarde)
    exact = Decimal(repr(waarde)) * (100 if soort in _AANDELEN else 1)
    tekst = format(exact.normalize(), "f").replace(".", ",")
    return tekst + "%" if soort in _AANDELEN else tekst


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
            cel = blad.cell(r, c)
            if isinstance(waarde, str):
                cel.value = ILLEGAL_CHARACTERS_RE.sub("", waarde)
                cel.data_type = "s"  # "=..." is text here, never a formula
                cel.quotePrefix = waarde.startswith(("=", "+", "-", "@"))
            else:
                cel.value = waarde
    for c, kop in enumerate(raster[0], start=1):
        blad.cell(1, c).font = Font(bold=True)
        letter = blad.cell(1, c).column_letter
        blad.column_dimensions[letter].width = _BREED.get(str(kop), 16)
        if str(kop) in _BREED:
            for cel in blad[letter][1:]:
                cel.alignment = Alignment(wrap_text=True, vertical="top")
    blad.freeze_panes = "A2"


def _keuzelijsten(workbook: Workbook) -> None:
    """Drop-down lists for the columns with a fixed set of values."""
    lijsten = {
        (AFSPRAKEN, "status"): targets.STATUSSEN,
        (DOELEN, "soort"): targets.KINDS,
        (DOELEN, "richting"): targets.RICHTINGEN,
        (DOELEN, "per_corporatie"): ("ja", "nee"),
        (DOELEN, "inclusief"): ("ja", "nee"),
    }
    for (blad, kolom), keuzes in lijsten.items():
        letter = _letter(KOLOMMEN[blad].index(kolom))
        lijst = DataValidation(type="list", formula1=f'"{",".join(keuzes)}"', allow_blank=True)
        workbook[blad].add_data_validation(lijst)
        lijst.add(f"{letter}2:{letter}2000")


def _letter(positie: int) -> str:
    tekst, n = "", positie + 1
    while n:
        n, rest = divmod(n - 1, 26)
        tekst = chr(65 + rest) + tekst
    return tekst


def uitleg() -> Raster:
    """The Uitleg sheet: what every field and column means."""
    k = ", ".join
    return [
        ["blad", "kolom of veld", "betekenis"],
        [
            DOCUMENT,
            "id",
            "Korte naam van het document, kleine letters en streepjes "
            "(bv. emmen-2019-2024). Hetzelfde id als een bestaand document: een nieuwe versie.",
        ],
        [
            DOCUMENT,
            "titel, gemeente, bron, ondertekend",
            "Kop van het document; ondertekend mag leeg (bv. 2022-12).",
        ],
        [DOCUMENT, "partij", "Eén rij per ondertekenende partij."],
        [DOCUMENT, "periode", "Eerste en laatste jaar, bv. 2021-2024."],
        [
            DOCUMENT,
            "thema <code>",
            "Eén rij per thema: code na 'thema ', naam als waarde (bv. 'thema A' | Duurzaamheid).",
        ],
        [AFSPRAKEN, "nummer", "Uniek nummer van de afspraak (bv. A1, BB-3)."],
        [AFSPRAKEN, "thema", "Een themacode van blad Document."],
        [
            AFSPRAKEN,
            "tekst, resultaat, tijd, trekker, jaarschijf",
            "Zoals in het document; alleen tekst is verplicht.",
        ],
        [
            AFSPRAKEN,
            "status",
            f"Beginstatus: {k(targets.STATUSSEN)}. De voortgang per jaar "
            "houdt u bij op de pagina Afspraken.",
        ],
        [AFSPRAKEN, "toelichting", "Vrije tekst, mag leeg."],
        [DOELEN, "id", "Uniek id van het meetbare doel (bv. A1-aftopping)."],
        [DOELEN, "afspraak", "Het nummer van de afspraak op blad Afspraken."],
        [DOELEN, "omschrijving, tekst", "Korte omschrijving en de woorden van het document."],
        [DOELEN, "soort", f"Wat de monitor meet: {k(targets.KINDS)}."],
        [
            DOELEN,
            "corporaties",
            f"Leeg (alle) of een lijst: {k(targets.CORPORATIES)}, gescheiden door komma's.",
        ],
        [DOELEN, "per_corporatie", "ja: elke corporatie apart beoordelen; nee: samen."],
        [DOELEN, "kern", "Leeg (hele gemeente) of de naam van een kern."],
        [DOELEN, "richting", f"{k(targets.RICHTINGEN)}: minimaal, maximaal of een bandbreedte."],
        [
            DOELEN,
            "norm",
            "Per jaar of reeks: 2023=30; 2024=20. Bandbreedte: 2021=[-60, -10]. "
            "Aandeel: 2023=90% (of 0,9). Gemiddeld label: 2026=B.",
        ],
        [
            DOELEN,
            "grens, inclusief, prijspeil, bedrag, basis",
            "Alleen bij aandeel_huur: "
            f"grens ({k(targets.GRENZEN)}), inclusief (ja/nee: telt een huur precies op de grens "
            "mee), prijspeil (jaar van het bedrag), bedrag (euro), basis "
            f"({k(targets.BASISSEN)}).",
        ],
        [
            DOELEN,
            "labels, groepnaam",
            "labels bij aandeel_label en naar_nul (bv. A++, A+, A); groepnaam bij aandeel_label.",
        ],
        [DOELEN, "activiteiten", f"Bij jaarschijf: {k(targets.ACTIVITEITEN)}."],
        [
            DOELEN,
            "maat, basisjaar",
            f"Bij bandbreedte: maat ({k(targets.MATEN)}), basisjaar (mag leeg).",
        ],
        [DOELEN, "label", "Bij labelsprong: het label dat woningen minstens halen."],
        [DOELEN, "toelichting", "Vrije tekst, mag leeg."],
        ["", "", "Laat kolommen die niet bij de soort horen leeg. Formules worden niet gelezen."],
    ]


# --- cells -> Agreement ----------------------------------------------------------------------


def lees(bestand: str, data: bytes) -> Ingelezen:
    """A filled-in template -> a checked agreement; ImportRefused names sheet, row, column."""
    sheets = {s.name: s for s in bestanden.read_sheets(bestand, data)}
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
            bestand, "een formule zonder berekende waarde; typ de waarde zelf", naam, r, _letter(c)
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
        return _getal_tekst(waarde, "")
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
    tekst = toml_tekst(
        {
            "document": document,
            "afspraak": [_afspraak(rij) for _, rij in afspraken],
            "doel": [_doel(rij) for _, rij in doelen],
        }
    )
    try:
        agreement = targets.parse_agreement(tekst, f"{document['id']}.toml")
    except targets.TargetFileError as fout:
        plaats = _Plaatsen(bestand, velden, afspraken, doelen, rasters)
        raise ImportRefused([plaats.probleem(str(fout), f"{document['id']}.toml")]) from None
    return Ingelezen(agreement, tekst)


_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_DOCUMENT_VOLGORDE = (
    "id",
    "titel",
    "gemeente",
    "partijen",
    "periode",
    "bron",
    "ondertekend",
    "themas",
)


def _document(
    bestand: str, raster: Raster, problemen: list[Problem]
) -> tuple[dict[str, object], dict[str, int]]:
    """Sheet Document (veld | waarde) -> the [document] table, and the row of each veld."""
    document: dict[str, object] = {"partijen": [], "themas": {}}
    velden: dict[str, int] = {}
    for r, rij in enumerate(raster[1:], start=2):
        veld = _tekst(rij[0] if rij else "")
        waarde = _tekst(rij[1]) if len(rij) > 1 else ""
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
    kop = [_tekst(c).lower() for c in (raster[0] if raster else [])]
    bekend = KOLOMMEN[blad]
    verplicht = bekend if blad == AFSPRAKEN else DOEL_KOLOMMEN[:10]
    koppen = [
        Problem(bestand, f'onbekende kolom "{naam}"', blad, 1, _letter(c))
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
                    rij[naam] = _cel(naam, waarde)
                except _Fout as fout:
                    problemen.append(
                        Problem(bestand, str(fout), blad, r, f"{_letter(c)} ({naam})", waarde)
                    )
        id_ = str(rij.get(sleutel, ""))
        plek = f"{_letter(kop.index(sleutel))} ({sleutel})"
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


def _cel(kolom: str, waarde: object) -> object:
    """One cell in the type its column needs; empty -> None (text columns: "")."""
    if isinstance(waarde, str):
        waarde = waarde.strip()
    if waarde is None or waarde == "":
        return {} if kolom == "norm" else ("" if _is_tekstkolom(kolom) else None)
    if kolom in _JA_NEE:
        return _ja_nee_lezen(waarde)
    if kolom in _GEHEEL:
        return _geheel_lezen(waarde)
    if kolom in _GETAL:
        return _getal_lezen(waarde)
    if kolom in _LIJST:
        return [deel.strip() for deel in re.split(r"[,;]", _tekst(waarde)) if deel.strip()]
    if kolom == "norm":
        return norm_lezen(_tekst(waarde))
    return _tekst(waarde)


def _is_tekstkolom(kolom: str) -> bool:
    return kolom not in (*_JA_NEE, *_GEHEEL, *_GETAL, *_LIJST)


def _tekst(waarde: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> "2022-12-01", empty -> ""."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return _ja_nee(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, date):
        return waarde.isoformat()[:10]
    return str(waarde).strip()


def _ja_nee_lezen(waarde: object) -> bool:
    if isinstance(waarde, bool):
        return waarde
    tekst = _tekst(waarde).lower()
    if tekst in _JA or tekst in _NEE:
        return tekst in _JA
    raise _Fout('verwacht "ja" of "nee"')


def _geheel_lezen(waarde: object) -> int:
    try:
        getal = _getal_lezen(waarde)
    except _Fout:
        getal = None
    if getal is None or not float(getal).is_integer():
        raise _Fout("verwacht een geheel getal (een jaar)")
    return int(getal)


def _getal_lezen(waarde: object) -> int | float:
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return waarde
    tekst = _tekst(waarde).replace("€", "").replace(" ", "")
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    try:
        getal = Decimal(tekst)
    except InvalidOperation:
        raise _Fout("verwacht een getal, zoals 678,66") from None
    return int(getal) if getal == getal.to_integral_value() and "." not in tekst else float(getal)


_NORMGETAL = r"-?\d+(?:[.,]\d+)?%?"
_BAND = re.compile(rf"\[\s*({_NORMGETAL})\s*,\s*({_NORMGETAL})\s*\]")


def norm_lezen(tekst: str) -> dict[str, object]:
    """ "2023=30; 2024=20" -> {"2023": 30, "2024": 20}; "2021=[-60, -10]"; "2023=90%" -> 0.9."""
    normen: dict[str, object] = {}
    for deel in re.split(r"[;\n]", tekst):
        if not deel.strip():
            continue
        sleutel, is_, waarde = (s.strip() for s in deel.partition("="))
        if not is_ or not sleutel or not waarde:
            raise _Fout(
                f'kan "{deel.strip()}" niet lezen; schrijf jaar=waarde, bijvoorbeeld '
                '"2023=30; 2024=20" of "2021=[-60, -10]"'
            )
        if sleutel in normen:
            raise _Fout(f"jaar {sleutel} staat twee keer in de norm")
        normen[sleutel] = _normwaarde(waarde)
    return normen


def _normwaarde(waarde: str) -> object:
    if waarde.startswith("["):
        band = _BAND.fullmatch(waarde)
        if not band:
            raise _Fout(f'kan "{waarde}" niet lezen; schrijf een bandbreedte als [laag, hoog]')
        return [_normgetal(band[1]), _normgetal(band[2])]
    if re.fullmatch(_NORMGETAL, waarde):
        return _normgetal(waarde)
    return waarde  # a label such as "B"; targets checks it


def _normgetal(tekst: str) -> int | float:
    procent = tekst.endswith("%")
    tekst = tekst.rstrip("%").replace(",", ".")
    if not procent and "." not in tekst:
        return int(tekst)
    return float(Decimal(tekst) / 100 if procent else Decimal(tekst))


# --- errors of targets -> sheet, row, column ---------------------------------------------------

_WAAR = re.compile(r'(?:\[document\]|(afspraak|doel) (?:"(.*?)"|nr\. (\d+))): (.*)', re.DOTALL)
_ALIAS = {"partijen": "partij", "themas": "thema", "corporatie": "corporaties"}


@dataclass
class _Plaatsen:
    """Where each agreement and target of the TOML came from, to place targets' messages."""

    bestand: str
    velden: dict[str, int]
    afspraken: list[tuple[int, dict[str, object]]]
    doelen: list[tuple[int, dict[str, object]]]
    rasters: dict[str, Raster]

    def probleem(self, melding: str, tomlnaam: str) -> Problem:
        reden = melding.removeprefix(f"{tomlnaam}, ").removeprefix(f"{tomlnaam}: ")
        waar = _WAAR.fullmatch(reden)
        if not waar:
            return Problem(self.bestand, reden)
        soort, sleutel, index, reden = waar.groups()
        if soort is None:
            veld = _kolom(
                reden,
                ("id", "titel", "gemeente", "partij", "periode", "bron", "ondertekend", "thema"),
            )
            return Problem(
                self.bestand,
                reden,
                DOCUMENT,
                self.velden.get(veld or ""),
                "B (waarde)" if veld else None,
            )
        blad, rijen, naam = (
            (AFSPRAKEN, self.afspraken, "nummer")
            if soort == "afspraak"
            else (DOELEN, self.doelen, "id")
        )
        if index:
            rij = rijen[int(index) - 1][0] if int(index) <= len(rijen) else None
        else:
            rij = next((r for r, cellen in rijen if cellen.get(naam) == sleutel), None)
        return self._cel(blad, rij, _kolom(reden, KOLOMMEN[blad]), reden)

    def _cel(self, blad: str, rij: int | None, kolom: str | None, reden: str) -> Problem:
        kop = [_tekst(c).lower() for c in self.rasters[blad][0]]
        if kolom is None or kolom not in kop or rij is None:
            return Problem(self.bestand, reden, blad, rij)
        c = kop.index(kolom)
        cellen = self.rasters[blad][rij - 1]
        waarde = cellen[c] if c < len(cellen) else None
        return Problem(self.bestand, reden, blad, rij, f"{_letter(c)} ({kolom})", waarde)


def _kolom(reden: str, kolommen: tuple[str, ...]) -> str | None:
    """The column a message of targets is about: the first quoted, else the first word."""
    kandidaten = re.findall(r'"([^"]*)"', reden) + re.findall(r"[a-z_]+", reden)
    for kandidaat in kandidaten:
        naam = _ALIAS.get(kandidaat, kandidaat)
        if naam in kolommen:
            return naam
    return None


# --- TOML ------------------------------------------------------------------------------------


def toml_tekst(inhoud: dict[str, object]) -> str:
    """{document: {...}, afspraak: [...], doel: [...]} as TOML, in the schema of targets."""
    regels = ["# Afsprakendocument, geschreven door prestatie uit het sjabloon.", "", "[document]"]
    regels += [f"{k} = {_toml(v)}" for k, v in inhoud["document"].items()]
    for naam in ("afspraak", "doel"):
        for tabel in inhoud[naam]:
            regels += ["", f"[[{naam}]]", *(f"{k} = {_toml(v)}" for k, v in tabel.items())]
    return "\n".join(regels) + "\n"


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml(waarde: object) -> str:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, int | float):
        return repr(waarde)
    if isinstance(waarde, str):
        return _toml_string(waarde)
    if isinstance(waarde, list | tuple):
        return "[" + ", ".join(_toml(v) for v in waarde) + "]"
    if isinstance(waarde, dict):
        paren = ", ".join(f"{_toml_string(str(k))} = {_toml(v)}" for k, v in waarde.items())
        return "{ " + paren + " }" if paren else "{}"
    raise TypeError(f"kan {waarde!r} niet als TOML schrijven")


def _toml_string(tekst: str) -> str:
    """A TOML basic string: quote, backslash and control characters escaped."""
    tekens = (
        _ESCAPES.get(t) or (f"\\u{ord(t):04X}" if ord(t) < 0x20 or ord(t) == 0x7F else t)
        for t in tekst
    )
    return '"' + "".join(tekens) + '"'


# --- what changed ------------------------------------------------------------------------------


def wijzigingen(oud: Agreement | None, nieuw: Agreement) -> list[str]:
    """In words, what a new version changes: added, removed and changed agreements and targets."""
    if oud is None:
        return [
            f"nieuw document met {len(nieuw.afspraken)} afspraken en {len(nieuw.doelen)} doelen"
        ]
    regels = []
    if oud.document != nieuw.document:
        regels.append("kop van het document gewijzigd: " + _velden(oud.document, nieuw.document))
    for soort, sleutel, oude, nieuwe in (
        ("afspraak", "nummer", oud.afspraken, nieuw.afspraken),
        ("doel", "id", oud.doelen, nieuw.doelen),
    ):
        voor = {getattr(x, sleutel): x for x in oude}
        na = {getattr(x, sleutel): x for x in nieuwe}
        regels += [f"{soort} {k} toegevoegd" for k in na if k not in voor]
        regels += [f"{soort} {k} verwijderd" for k in voor if k not in na]
        regels += [
            f"{soort} {k} gewijzigd: {_velden(voor[k], na[k])}"
            for k in na
            if k in voor and voor[k] != na[k]
        ]
    return regels


def _velden(oud: object, nieuw: object) -> str:
    return ", ".join(f.name for f in fields(oud) if getattr(oud, f.name) != getattr(nieuw, f.name))
