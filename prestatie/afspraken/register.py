"""Het afsprakenregister: elke afspraak met haar stand per jaar, de geschiedenis en het
jaaroverzicht.

Pure functions over what the store returns: the agreements (:class:`targets.Agreement`), the
monitor's evaluations and the status history (``store_register.status_history``: one row per
entry, oldest first). The stand of an agreement in a year is the latest entry for (document,
nummer, jaar); without one it is the initial status of the document (``status`` in the TOML).
Earlier entries stay in the history: nothing is overwritten.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from prestatie import fmt
from prestatie.afspraken import jaaragenda
from prestatie.afspraken.schema import AFSPRAAK_STATUSES, Afspraak, Agreement
from prestatie.beoordeling import scorecard, status
from prestatie.export import neutralise
from prestatie.referentie import partijen

GEMEENTE, HUURDERS = "Gemeente", "Huurdersorganisaties"
KOLOMMEN = (
    "document",
    "gemeente",
    "nummer",
    "thema",
    "tekst",
    "resultaat",
    "tijd",
    "trekker",
    "partijen",
    "jaarschijf",
    "status",
    "notitie",
    "door",
    "gezet",
    "gemeten",
    "toelichting",
)

Sleutel = tuple[str, str, int]  # document, nummer, jaar


@dataclass(frozen=True)
class Stand:
    """The status of an agreement in a year; ``gezet`` None: the document's initial status."""

    status: str
    notitie: str = ""
    door: str | None = None
    gezet: datetime | None = None


def laatste(history: pd.DataFrame) -> dict[Sleutel, Stand]:
    """The latest entry per (document, nummer, jaar): the highest id wins."""
    result: dict[Sleutel, Stand] = {}
    for rij in history.sort_values("id").itertuples(index=False):
        result[(rij.document, rij.nummer, int(rij.jaar))] = Stand(
            rij.status, _tekst(rij.notitie), _tekst(rij.door) or None, _tijd(rij.gezet)
        )
    return result


def stand(afspraak: Afspraak, standen: dict[Sleutel, Stand], jaar: int) -> Stand:
    return standen.get((afspraak.document, afspraak.nummer, jaar), Stand(afspraak.status))


def status_jaar(gekozen: int | None, today: date) -> int:
    """The year whose progress is shown: the year chosen in the sidebar, else this year."""
    return gekozen or today.year


def jaren(agreements: list[Agreement], today: date, gekozen: int | None = None) -> list[int]:
    """Every year of every document's period, this year and the year chosen in the sidebar."""
    alle = {j for a in agreements for j in range(a.document.periode[0], a.document.periode[1] + 1)}
    return sorted(alle | {status_jaar(gekozen, today)} | {today.year})


def documenten(agreements: list[Agreement], gemeente: str | None) -> dict[str, Agreement]:
    """The documents of a gemeente (None: all), by id."""
    return {a.document.id: a for a in agreements if not gemeente or a.document.gemeente == gemeente}


def corporaties(agreement: Agreement) -> tuple[str, ...]:
    """The corporations among the parties of a document, by their canonical name."""
    namen = (partijen.corporatie(p) for p in agreement.document.partijen)
    return tuple(dict.fromkeys(n for n in namen if n))


def trekkers(trekker: str, corporaties: tuple[str, ...]) -> tuple[str, ...]:
    """The parties a trekker text names: "LF,WS gemeente" -> Gemeente, Lefier, Woonservice.

    "allen" is every party; "corporaties" every corporation of the document.
    """
    woorden = re.findall(r"\w+", trekker.lower())
    gevonden = {partijen.corporatie(w) for w in woorden} - {None}
    if "corporaties" in woorden or "allen" in woorden:
        gevonden |= set(corporaties)
    if "gemeente" in woorden or "allen" in woorden:
        gevonden.add(GEMEENTE)
    if "allen" in woorden or any(w.startswith("huurder") for w in woorden):
        gevonden.add(HUURDERS)
    volgorde = (GEMEENTE, *corporaties, HUURDERS)
    return tuple(p for p in volgorde if p in gevonden) + tuple(sorted(gevonden - set(volgorde)))


def tabel(
    agreements: list[Agreement],
    evaluations: list[status.Evaluation],
    standen: dict[Sleutel, Stand],
    jaar: int,
    gemeente: str | None = None,
) -> pd.DataFrame:
    """Every agreement (of the gemeente's documents) with its stand in ``jaar``, and the
    measured statuses of the quantitative ones."""
    gemeten: dict[tuple[str, str], list[str]] = {}
    for e in evaluations:
        gemeten.setdefault((e.document, e.afspraak), []).append(e.status)
    rijen = []
    for agreement in agreements:
        doc = agreement.document
        if gemeente and doc.gemeente != gemeente:
            continue
        corps = corporaties(agreement)
        for a in agreement.afspraken:
            nu = stand(a, standen, jaar)
            rijen.append(
                {
                    "document": doc.id,
                    "gemeente": doc.gemeente,
                    "nummer": a.nummer,
                    "thema": doc.themas.get(a.thema, a.thema),
                    "tekst": a.tekst,
                    "resultaat": a.resultaat,
                    "tijd": a.tijd,
                    "trekker": a.trekker,
                    "partijen": ", ".join(trekkers(a.trekker, corps)),
                    "jaarschijf": a.jaarschijf,
                    "status": nu.status,
                    "notitie": nu.notitie,
                    "door": nu.door or "",
                    "gezet": fmt.datum(nu.gezet.date()) if nu.gezet else "",
                    "gemeten": samenvatting(gemeten.get((doc.id, a.nummer), []))
                    if a.kwantitatief
                    else "niet meetbaar",
                    "toelichting": a.toelichting,
                }
            )
    return pd.DataFrame(rijen, columns=list(KOLOMMEN))


def samenvatting(statuses: list[str]) -> str:
    """["behaald", "achter", "behaald"] -> "2× behaald, 1× achter"; [] -> "geen gegevens"."""
    if not statuses:
        return "geen gegevens"
    counts = {s: statuses.count(s) for s in status.STATUSES if s in statuses}
    return ", ".join(f"{n}× {s}" for s, n in counts.items())


def selectie(
    register: pd.DataFrame,
    document: str | None = None,
    themas: list[str] | None = None,
    partijen: list[str] | None = None,
    statussen: list[str] | None = None,
    zoek: str = "",
) -> pd.DataFrame:
    """The rows of one document, themes, parties and statuses, containing the search words."""
    keep = pd.Series(True, index=register.index)
    if document:
        keep &= register["document"] == document
    if themas:
        keep &= register["thema"].isin(themas)
    if statussen:
        keep &= register["status"].isin(statussen)
    if partijen:
        named = register["partijen"].map(lambda p: bool(set(p.split(", ")) & set(partijen)))
        keep &= named.astype(bool)  # an empty register maps to an empty str column
    if zoek.strip():
        tekst = register[["nummer", "tekst", "resultaat", "trekker", "notitie"]].agg(
            " ".join, axis=1
        )
        keep &= tekst.str.contains(zoek.strip(), case=False, regex=False)
    return register[keep]


def per_status(register: pd.DataFrame) -> dict[str, int]:
    """How many agreements have each status, in the order niet gestart … vervallen."""
    return {s: int((register["status"] == s).sum()) for s in AFSPRAAK_STATUSES}


def stand_tekst(aantallen: dict[str, int], jaar: int) -> str:
    """{"loopt": 3, "gereed": 1, ...} -> "Afspraken in 2026: 3 loopt · 1 gereed" (no zeros)."""
    delen = [f"{fmt.num(n)} {s}" for s, n in aantallen.items() if n]
    return f"Afspraken in {jaar}: " + (" · ".join(delen) if delen else "geen")


def label(nummer: str, tekst: str, lengte: int = 90) -> str:
    """ "A1: Minimaal 90% van de …" for a select box."""
    kort = tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"
    return f"{nummer}: {kort}"


def geschiedenis(history: pd.DataFrame, document: str, nummer: str) -> pd.DataFrame:
    """Every entry for one agreement, newest first, with Dutch headers."""
    rijen = history[(history["document"] == document) & (history["nummer"] == nummer)]
    rijen = rijen.sort_values("id", ascending=False)
    return pd.DataFrame(
        {
            "Jaar": rijen["jaar"].astype(int).astype(str),
            "Status": rijen["status"],
            "Notitie": rijen["notitie"].map(_tekst),
            "Door": rijen["door"].map(_tekst),
            "Gezet op": rijen["gezet"].map(lambda t: _tijd(t).strftime("%d-%m-%Y %H:%M")),
        }
    )


# --- komende termijnen (Overzicht) -------------------------------------------------------------


@dataclass(frozen=True)
class Termijnenblok:
    """What the Overzicht shows under *Komende termijnen*."""

    termijnen: pd.DataFrame
    stand: str


def komende_termijnen(
    agreements: list[Agreement],
    history: pd.DataFrame,
    today: date,
    jaar: int | None = None,
    gemeente: str | None = None,
    termijnen: tuple[jaaragenda.Termijn, ...] = jaaragenda.TERMIJNEN,
) -> Termijnenblok:
    """The next deadlines of the jaaragenda with the stand of their agreement in the
    deadline's year, and the agreements per status in the chosen year."""
    docs = [a for a in agreements if not gemeente or a.document.gemeente == gemeente]
    standen = laatste(history)
    afspraken = {(a.document, a.nummer): a for doc in docs for a in doc.afspraken}
    rijen = []
    for k in jaaragenda.komende(termijnen, today, {a.document.id for a in docs}):
        afspraak = afspraken.get((k.termijn.document, k.termijn.afspraak))
        rijen.append(
            {
                "Datum": fmt.datum(k.datum),
                "Wanneer": jaaragenda.over(k.dagen),
                "Termijn": k.termijn.termijn,
                "Afspraak": k.termijn.afspraak,
                "Status": stand(afspraak, standen, k.datum.year).status if afspraak else "–",
            }
        )
    gekozen = status_jaar(jaar, today)
    register = tabel(docs, [], standen, gekozen)
    frame = pd.DataFrame(rijen, columns=["Datum", "Wanneer", "Termijn", "Afspraak", "Status"])
    return Termijnenblok(frame, stand_tekst(per_status(register), gekozen))


# --- jaaroverzicht (Excel) -----------------------------------------------------------------


def jaaroverzicht(
    agreement: Agreement,
    evaluations: list[status.Evaluation],
    standen: dict[Sleutel, Stand],
    jaar: int,
) -> pd.DataFrame:
    """Every agreement of a document with its status, note and measured values in ``jaar``."""
    doc = agreement.document
    metingen: dict[str, list[str]] = {}
    for e in evaluations:
        if e.document == doc.id and e.jaar == jaar:
            metingen.setdefault(e.afspraak, []).append(_meting(e))
    rijen = []
    for a in agreement.afspraken:
        nu = stand(a, standen, jaar)
        if a.kwantitatief:
            gemeten = "; ".join(metingen.get(a.nummer, [])) or f"geen meting in {jaar}"
        else:
            gemeten = "niet meetbaar"
        rijen.append(
            {
                "Nummer": a.nummer,
                "Thema": doc.themas.get(a.thema, a.thema),
                "Afspraak": a.tekst,
                "Resultaat": a.resultaat,
                "Trekker": a.trekker,
                f"Status {jaar}": nu.status,
                "Notitie": nu.notitie,
                "Gezet door": nu.door or "",
                "Gezet op": fmt.datum(nu.gezet.date()) if nu.gezet else "",
                "Gemeten": gemeten,
            }
        )
    return pd.DataFrame(rijen)


def metingen(evaluations: list[status.Evaluation], document: str, jaar: int) -> pd.DataFrame:
    """The scorecard rows of one document in one year."""
    return scorecard.table([e for e in evaluations if e.document == document and e.jaar == jaar])


def _meting(e: status.Evaluation) -> str:
    """One measurement in words: doel – corporatie: waarde (norm …), status."""
    return (
        f"{e.omschrijving} – {e.corporatie}: {scorecard.value_text(e)} "
        f"(norm {scorecard.norm_text(e)}), {e.status}"
    )


def jaaroverzicht_xlsx(
    titel: str, overzicht: pd.DataFrame, metingen: pd.DataFrame, jaar: int
) -> bytes:
    """The overview as a workbook: sheet Afspraken (one row per agreement) and Metingen (the
    scorecard of the year). Text that a spreadsheet would run as a formula is neutralised."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _blad(workbook, f"Afspraken {jaar}", f"Jaaroverzicht {jaar}: {titel}", overzicht)
    _blad(workbook, f"Metingen {jaar}", f"Metingen {jaar}: {titel}", metingen)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_BREED = {"Afspraak": 70, "Resultaat": 40, "Notitie": 40, "Gemeten": 60, "Berekening": 60}


def _blad(workbook: Workbook, naam: str, titel: str, frame: pd.DataFrame) -> None:
    blad = workbook.create_sheet(naam)
    blad.append([_cel(titel)])
    blad["A1"].font = Font(bold=True, size=14)
    blad.append([])
    blad.append([_cel(k) for k in frame.columns])
    for rij in frame.itertuples(index=False):
        blad.append([_cel(v) for v in rij])
    for c, kop in enumerate(frame.columns, start=1):
        cel = blad.cell(3, c)
        cel.font = Font(bold=True)
        blad.column_dimensions[cel.column_letter].width = _BREED.get(kop, 16)
        for rij in blad.iter_rows(min_row=4, min_col=c, max_col=c):
            rij[0].alignment = Alignment(wrap_text=True, vertical="top")
    blad.freeze_panes = "A4"


def _cel(waarde: object) -> object:
    if isinstance(waarde, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", waarde))
    return waarde


def _tekst(waarde: object) -> str:
    return "" if waarde is None or pd.isna(waarde) else str(waarde)


def _tijd(waarde: object) -> datetime:
    return waarde.to_pydatetime() if isinstance(waarde, pd.Timestamp) else waarde
