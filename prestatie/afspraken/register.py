"""The afsprakenregister: every afspraak with its stand per year, the history and the year
overview.

Pure functions over what the store returns: the agreements
(:class:`prestatie.afspraken.schema.Agreement`), the monitor's evaluations and the status
history (:func:`prestatie.opslag.register_store.status_history`: one row per entry, oldest
first). The stand of an agreement in a year is the latest entry for (document, nummer, jaar);
without one it is the initial status of the document (``status`` in the TOML). Earlier entries
stay in the history: nothing is overwritten.
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
COLUMNS = (
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

# the register as the page shows it: the stand beside the number, then the text
SHOWN_COLUMNS = ("nummer", "status", "gemeten", "tekst", "trekker", "tijd", "notitie",
                 "door", "gezet", "thema", "resultaat", "partijen", "jaarschijf",
                 "toelichting")  # fmt: skip
COLUMN_LABELS = {
    "nummer": "Nr.",
    "status": "Status",
    "gemeten": "Gemeten (monitor)",
    "tekst": "Afspraak",
    "trekker": "Trekker",
    "tijd": "Wanneer",
    "notitie": "Notitie",
    "door": "Gezet door",
    "gezet": "Gezet op",
    "thema": "Thema",
    "resultaat": "Beoogd resultaat",
    "partijen": "Partijen",
    "jaarschijf": "Jaarschijf",
    "toelichting": "Toelichting",
}
WIDE = {"tekst": "large", "notitie": "medium", "resultaat": "medium"}

Key = tuple[str, str, int]  # document, nummer, year


@dataclass(frozen=True)
class Stand:
    """The status of an agreement in a year; ``gezet`` None: the document's initial status."""

    status: str
    notitie: str = ""
    door: str | None = None
    gezet: datetime | None = None


def latest(history: pd.DataFrame) -> dict[Key, Stand]:
    """The latest entry per (document, nummer, jaar): the highest id wins."""
    result: dict[Key, Stand] = {}
    for row in history.sort_values("id").itertuples(index=False):
        result[(row.document, row.nummer, int(row.jaar))] = Stand(
            row.status, _text(row.notitie), _text(row.door) or None, _time(row.gezet)
        )
    return result


def stand(afspraak: Afspraak, standen: dict[Key, Stand], year: int) -> Stand:
    return standen.get((afspraak.document, afspraak.nummer, year), Stand(afspraak.status))


def status_year(chosen: int | None, today: date, periode: tuple[int, int] | None = None) -> int:
    """The year whose progress is shown: the year chosen in the sidebar, else this year; with
    a document's ``periode``, this year within it (a document that ended in 2024 opens on 2024,
    the last year a status can be set for)."""
    if chosen:
        return chosen
    if periode is None:
        return today.year
    return min(max(today.year, periode[0]), periode[1])


def years(agreements: list[Agreement], today: date, chosen: int | None = None) -> list[int]:
    """Every year of every document's period, this year and the year chosen in the sidebar."""
    all_years = {
        j for a in agreements for j in range(a.document.periode[0], a.document.periode[1] + 1)
    }
    return sorted(all_years | {status_year(chosen, today)} | {today.year})


def documents(agreements: list[Agreement], gemeente: str | None) -> dict[str, Agreement]:
    """The documents of a gemeente (None: all), by id."""
    return {a.document.id: a for a in agreements if not gemeente or a.document.gemeente == gemeente}


def corporaties(agreement: Agreement) -> tuple[str, ...]:
    """The corporations among the parties of a document, by their canonical name."""
    names = (partijen.corporatie(p) for p in agreement.document.partijen)
    return tuple(dict.fromkeys(n for n in names if n))


def trekkers(trekker: str, corporaties: tuple[str, ...]) -> tuple[str, ...]:
    """The parties a trekker text names: "LF,WS gemeente" -> Gemeente, Lefier, Woonservice.

    "allen" is every party; "corporaties" every corporation of the document.
    """
    words = re.findall(r"\w+", trekker.lower())
    found = {partijen.corporatie(w) for w in words} - {None}
    if "corporaties" in words or "allen" in words:
        found |= set(corporaties)
    if "gemeente" in words or "allen" in words:
        found.add(GEMEENTE)
    if "allen" in words or any(w.startswith("huurder") for w in words):
        found.add(HUURDERS)
    order = (GEMEENTE, *corporaties, HUURDERS)
    return tuple(p for p in order if p in found) + tuple(sorted(found - set(order)))


def table(
    agreements: list[Agreement],
    evaluations: list[status.Evaluation],
    standen: dict[Key, Stand],
    year: int,
    gemeente: str | None = None,
) -> pd.DataFrame:
    """Every agreement (of the gemeente's documents) with its stand in ``year``, and the
    measured statuses of the quantitative ones."""
    measured: dict[tuple[str, str], list[str]] = {}
    for e in evaluations:
        measured.setdefault((e.document, e.afspraak), []).append(e.status)
    rows = []
    for agreement in agreements:
        doc = agreement.document
        if gemeente and doc.gemeente != gemeente:
            continue
        corps = corporaties(agreement)
        for a in agreement.afspraken:
            current = stand(a, standen, year)
            rows.append(
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
                    "status": current.status,
                    "notitie": current.notitie,
                    "door": current.door or "",
                    "gezet": fmt.datum(current.gezet.date()) if current.gezet else "",
                    "gemeten": summary(measured.get((doc.id, a.nummer), []))
                    if a.kwantitatief
                    else "niet meetbaar",
                    "toelichting": a.toelichting,
                }
            )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def summary(statuses: list[str]) -> str:
    """["behaald", "achter", "behaald"] -> "2× behaald, 1× achter"; [] -> "geen gegevens"."""
    if not statuses:
        return "geen gegevens"
    counts = {s: statuses.count(s) for s in status.STATUSES if s in statuses}
    return ", ".join(f"{n}× {s}" for s, n in counts.items())


def selection(
    register: pd.DataFrame,
    document: str | None = None,
    themas: list[str] | None = None,
    partijen: list[str] | None = None,
    statuses: list[str] | None = None,
    search: str = "",
) -> pd.DataFrame:
    """The rows of one document, themes, parties and statuses, containing the search words."""
    keep = pd.Series(True, index=register.index)
    if document:
        keep &= register["document"] == document
    if themas:
        keep &= register["thema"].isin(themas)
    if statuses:
        keep &= register["status"].isin(statuses)
    if partijen:
        named = register["partijen"].map(lambda p: bool(set(p.split(", ")) & set(partijen)))
        keep &= named.astype(bool)  # an empty register maps to an empty str column
    if search.strip():
        text = register[["nummer", "tekst", "resultaat", "trekker", "notitie"]].agg(
            " ".join, axis=1
        )
        keep &= text.str.contains(search.strip(), case=False, regex=False)
    return register[keep]


def per_status(register: pd.DataFrame) -> dict[str, int]:
    """How many agreements have each status, in the order niet gestart … vervallen."""
    return {s: int((register["status"] == s).sum()) for s in AFSPRAAK_STATUSES}


def stand_text(counts: dict[str, int], year: int) -> str:
    """{"loopt": 3, "gereed": 1, ...} -> "Afspraken in 2026: 3 loopt · 1 gereed" (no zeros)."""
    parts = [f"{fmt.num(n)} {s}" for s, n in counts.items() if n]
    return f"Afspraken in {year}: " + (" · ".join(parts) if parts else "geen")


def label(nummer: str, text: str, length: int = 90) -> str:
    """ "A1: Minimaal 90% van de …" for a select box."""
    short = text if len(text) <= length else text[: length - 1].rstrip() + "…"
    return f"{nummer}: {short}"


def afspraak_history(history: pd.DataFrame, document: str, nummer: str) -> pd.DataFrame:
    """Every entry for one agreement, newest first, with Dutch headers."""
    rows = history[(history["document"] == document) & (history["nummer"] == nummer)]
    rows = rows.sort_values("id", ascending=False)
    return pd.DataFrame(
        {
            "Jaar": rows["jaar"].astype(int).astype(str),
            "Status": rows["status"],
            "Notitie": rows["notitie"].map(_text),
            "Door": rows["door"].map(_text),
            "Gezet op": rows["gezet"].map(lambda t: _time(t).strftime("%d-%m-%Y %H:%M")),
        }
    )


def recent_notes(
    history: pd.DataFrame,
    agreements: list[Agreement],
    jaar: int | None,
    gemeente: str | None,
    count: int = 8,
) -> pd.DataFrame:
    """The newest notes set on agreements of the selection (latest first), for the Overzicht:
    afspraak, year, status, note, who and when. Entries without a note are left out."""
    documents_ = {a.document.id: a for a in agreements if gemeente in (None, a.document.gemeente)}
    rows = history[history["document"].isin(list(documents_))]
    rows = rows[rows["notitie"].map(_text) != ""]
    if jaar is not None:
        rows = rows[rows["jaar"] == jaar]
    rows = rows.sort_values("id", ascending=False).head(count)
    texts = {(a.document.id, x.nummer): x.tekst for a in documents_.values() for x in a.afspraken}
    return pd.DataFrame(
        {
            "Afspraak": [
                label(n, texts.get((d, n), ""))
                for d, n in zip(rows["document"], rows["nummer"], strict=True)
            ],  # fmt: skip
            "Jaar": rows["jaar"].astype(int).astype(str),
            "Status": rows["status"],
            "Notitie": rows["notitie"].map(_text),
            "Door": rows["door"].map(_text),
            "Gezet op": rows["gezet"].map(lambda t: _time(t).strftime("%d-%m-%Y %H:%M")),
        }
    )


# --- upcoming termijnen (Overzicht) ------------------------------------------------------------


@dataclass(frozen=True)
class TermijnenBlock:
    """What the Overzicht shows under *Komende termijnen*."""

    termijnen: pd.DataFrame
    stand: str


def upcoming_termijnen(
    agreements: list[Agreement],
    history: pd.DataFrame,
    today: date,
    year: int | None = None,
    gemeente: str | None = None,
    termijnen: tuple[jaaragenda.Termijn, ...] = jaaragenda.TERMIJNEN,
) -> TermijnenBlock:
    """The next deadlines of the jaaragenda with the stand of their agreement in the
    deadline's year, and the agreements per status in the chosen year."""
    docs = [a for a in agreements if not gemeente or a.document.gemeente == gemeente]
    standen = latest(history)
    afspraken = {(a.document, a.nummer): a for doc in docs for a in doc.afspraken}
    rows = []
    for k in jaaragenda.upcoming(termijnen, today, {a.document.id for a in docs}):
        afspraak = afspraken.get((k.termijn.document, k.termijn.afspraak))
        rows.append(
            {
                "Datum": fmt.datum(k.when),
                "Wanneer": jaaragenda.in_days(k.days),
                "Termijn": k.termijn.termijn,
                "Afspraak": k.termijn.afspraak,
                "Status": stand(afspraak, standen, k.when.year).status if afspraak else "–",
            }
        )
    periods = [a.document.periode for a in docs]
    span = (min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None
    chosen = status_year(year, today, span)  # the documents' last year once they have ended
    register = table(docs, [], standen, chosen)
    frame = pd.DataFrame(rows, columns=["Datum", "Wanneer", "Termijn", "Afspraak", "Status"])
    return TermijnenBlock(frame, stand_text(per_status(register), chosen))


# --- year overview (Excel) -----------------------------------------------------------------


def year_overview(
    agreement: Agreement,
    evaluations: list[status.Evaluation],
    standen: dict[Key, Stand],
    year: int,
) -> pd.DataFrame:
    """Every agreement of a document with its status, note and measured values in ``year``."""
    doc = agreement.document
    measurements: dict[str, list[str]] = {}
    for e in evaluations:
        if e.document == doc.id and e.jaar == year:
            measurements.setdefault(e.afspraak, []).append(_measurement(e))
    rows = []
    for a in agreement.afspraken:
        current = stand(a, standen, year)
        if a.kwantitatief:
            measured = "; ".join(measurements.get(a.nummer, [])) or f"geen meting in {year}"
        else:
            measured = "niet meetbaar"
        rows.append(
            {
                "Nummer": a.nummer,
                "Thema": doc.themas.get(a.thema, a.thema),
                "Afspraak": a.tekst,
                "Resultaat": a.resultaat,
                "Trekker": a.trekker,
                f"Status {year}": current.status,
                "Notitie": current.notitie,
                "Gezet door": current.door or "",
                "Gezet op": fmt.datum(current.gezet.date()) if current.gezet else "",
                "Gemeten": measured,
            }
        )
    return pd.DataFrame(rows)


def measurements(evaluations: list[status.Evaluation], document: str, year: int) -> pd.DataFrame:
    """The scorecard rows of one document in one year."""
    return scorecard.table([e for e in evaluations if e.document == document and e.jaar == year])


def _measurement(e: status.Evaluation) -> str:
    """One measurement in words: doel – corporatie: value (norm …), status."""
    return (
        f"{e.omschrijving} – {e.corporatie}: {scorecard.value_text(e)} "
        f"(norm {scorecard.norm_text(e)}), {e.status}"
    )


def year_overview_xlsx(
    title: str, overview: pd.DataFrame, measurements: pd.DataFrame, year: int
) -> bytes:
    """The overview as a workbook: sheet Afspraken (one row per agreement) and Metingen (the
    scorecard of the year). Text that a spreadsheet would run as a formula is neutralised."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, f"Afspraken {year}", f"Jaaroverzicht {year}: {title}", overview)
    _sheet(workbook, f"Metingen {year}", f"Metingen {year}: {title}", measurements)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_WIDTHS = {"Afspraak": 70, "Resultaat": 40, "Notitie": 40, "Gemeten": 60, "Berekening": 60}


def _sheet(workbook: Workbook, name: str, title: str, frame: pd.DataFrame) -> None:
    sheet = workbook.create_sheet(name)
    sheet.append([_cell(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append([_cell(k) for k in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for c, header in enumerate(frame.columns, start=1):
        cell = sheet.cell(3, c)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = _WIDTHS.get(header, 16)
        for row in sheet.iter_rows(min_row=4, min_col=c, max_col=c):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"


def _cell(value: object) -> object:
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _time(value: object) -> datetime:
    return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value


class YearOutsidePeriod(ValueError):
    """A status for a year the document does not cover."""


def status_year_refused(agreement: Agreement, jaar: int) -> str | None:
    """Why no status can be set for ``jaar`` on this document (None when it can): a status is
    the stand of an agreement in one of the document's own years."""
    van, tot = agreement.document.periode
    if van <= jaar <= tot:
        return None
    return (
        f"{agreement.document.titel} loopt van {van} tot en met {tot}: voor {jaar} kan geen "
        "status worden gezet. Kies in *Voortgang in jaar* een jaar van het document."
    )


def period_notes(agreements: list[Agreement], jaar: int | None, gemeente: str | None) -> list[str]:
    """A sentence for each document of the selection whose period does not hold ``jaar``:
    'Lokaal Akkoord Emmen 2019-2024 loopt van 2019 tot en met 2024: voor 2025 geen doelen.'"""
    if jaar is None:
        return []
    notes = []
    for a in agreements:
        van, tot = a.document.periode
        if gemeente not in (None, a.document.gemeente) or van <= jaar <= tot:
            continue
        notes.append(
            f"{a.document.titel} loopt van {van} tot en met {tot}: voor {jaar} staan er geen "
            "doelen in."
        )
    return notes
