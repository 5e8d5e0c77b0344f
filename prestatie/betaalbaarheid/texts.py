"""Betaalbaarheid: what the page selects and the words it shows.

The page puts rents against the limits and against the agreed shares. The numbers come from
:mod:`prestatie.betaalbaarheid.huuraandelen` (share under a target's limit per scope, year and kern,
the gap in homes, the rows behind them) and :mod:`prestatie.betaalbaarheid.huurverdeling` (the
distribution of rents and the limit lines); how a target reads a rent is
:mod:`prestatie.beoordeling.huurregel`. Here: the targets and peildata of the selection, and the
Dutch texts and tables of the page and its figures.

The rent is the one column the store keeps per vhe (``huur_cent``): the rent as read from the
file, kale/netto huur. Functions take the rent as a parameter where a choice among several rent
columns could later be made.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import scorecard
from prestatie.beoordeling.huurregel import FIXED, KALE_HUUR, Regel
from prestatie.beoordeling.scorecard import STATUS_TEKEN
from prestatie.referentie import huurgrenzen
from prestatie.referentie.peildatum import as_date

HUURKOLOM = "huur zoals ingelezen: kale/netto huur"


def has_rekenhuur(stock: pd.DataFrame) -> bool:
    """Whether any home in the stock counts came with a rekenhuur beside its kale/netto huur."""
    return "rekenhuur_rijen" in stock.columns and bool(stock["rekenhuur_rijen"].sum() > 0)


def rent_text(keuze: str, stock: pd.DataFrame) -> str:
    """Which rent the figures use, in words, with how many homes had a rekenhuur."""
    if keuze == KALE_HUUR or not has_rekenhuur(stock):
        return HUURKOLOM
    with_it = int(stock["rekenhuur_rijen"].sum())
    return (
        f"rekenhuur waar het bestand die had ({fmt.num(with_it)} van "
        f"{fmt.num(int(stock['rijen'].sum()))} woningen), anders de kale/netto huur"
    )


STAND_COLUMNS = (
    "Corporatie",
    "Peildatum",
    "Aandeel",
    "Woningen onder de grens",
    "Norm",
    "Status",
    "Verschil",
)


# ---- the selection on the page --------------------------------------------------------------


def rent_targets(doelen: list[Doel], gemeente: str | None) -> list[Doel]:
    """The rent-share targets of the gemeente (every gemeente when None)."""
    return [d for d in doelen if d.soort == "aandeel_huur" and gemeente in (None, d.gemeente)]


def peildata(stock: pd.DataFrame, corporatie: str | None, jaar: int | None) -> list[date]:
    """The peildata of the selection, latest first."""
    rows = _of_corporatie(stock, corporatie)
    if jaar is not None:
        rows = rows[rows["jaar"] == jaar]
    return sorted({as_date(d) for d in rows["peildatum"]}, reverse=True)


def at_peildatum(stock: pd.DataFrame, corporatie: str | None, peildatum: date) -> pd.DataFrame:
    """The stock of the corporatie (all when None) on one peildatum."""
    rows = _of_corporatie(stock, corporatie)
    return rows[pd.to_datetime(rows["peildatum"]) == pd.Timestamp(peildatum)]


def _of_corporatie(stock: pd.DataFrame, corporatie: str | None) -> pd.DataFrame:
    return stock if corporatie is None else stock[stock["corporatie"] == corporatie]


# ---- the limit in words ---------------------------------------------------------------------


def grens_tekst(regel: Regel, cents: int, peildatum: date, lezing: str) -> str:
    """'onder € 697,07 (2e aftoppingsgrens 2024)' or 'tot en met € 596,00 (document, …)'."""
    if lezing == FIXED and regel.bedrag is not None:
        bron = f"vast bedrag uit het document, prijspeil {regel.prijspeil}"
    else:
        bron = f"{huurgrenzen.naam(regel.grens, peildatum.year)} {peildatum.year}"
    return f"{regel.woord} {fmt.euro(cents / 100)} ({bron})"


def rule_text(regel: Regel, judged: pd.DataFrame, jaar: int, lezing: str) -> str:
    """The limit a target was measured with in a year, e.g. 'onder € 697,07 (2e
    aftoppingsgrens 2024)'; several when the scopes' peildata fall in different years."""
    used = judged.loc[judged["jaar"] == jaar, ["grens_peildatum", "grens_cent"]]
    used = used.drop_duplicates().sort_values("grens_cent")
    if used.empty:
        return f"{regel.woord} de {huurgrenzen.naam(regel.grens)} (geen gegevens over {jaar})"
    return " / ".join(
        grens_tekst(regel, int(c), as_date(p), lezing) for p, c in used.itertuples(index=False)
    )


def limits_missing(peildatum: date) -> str | None:
    """Why rents on a peildatum cannot be put against the limits, or None when they can."""
    if huurgrenzen.in_force(peildatum) is not None:
        return None
    return (
        f"Op {fmt.datum(peildatum)} zijn geen huurgrenzen bekend: "
        f"{huurgrenzen.unknown_text(peildatum.year)}. De huren van deze peildatum worden niet "
        "getoetst en de grenslijnen ontbreken."
    )


def share_title(doel: Doel) -> str:
    """'aandeel onder de 2e aftoppingsgrens' / 'aandeel tot en met de 1e aftoppingsgrens'."""
    regel = Regel.van(doel)
    return f"aandeel {regel.woord} de {huurgrenzen.naam(regel.grens)}"


def above_title(doel: Doel, names: list[str], peildatum: date | None = None) -> str:
    """'woningen boven de 2e aftoppingsgrens, Lefier, 31-12-2024' (a rent exactly on an
    exclusive limit does not count, so then: 'op of boven')."""
    regel = Regel.van(doel)
    waar = "boven" if regel.inclusief else "op of boven"
    year = peildatum.year if peildatum else None
    parts = [f"woningen {waar} de {huurgrenzen.naam(regel.grens, year)}", ", ".join(names)]
    if peildatum:
        parts.append(fmt.datum(peildatum))
    return ", ".join(p for p in parts if p)


# ---- the stand in words ---------------------------------------------------------------------


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def norm_text(norm: float | None, richting: str) -> str:
    """'≥ 90%', '≤ 10%', or 'geen norm'."""
    if _missing(norm):
        return "geen norm"
    return f"{ {'min': '≥', 'max': '≤'}.get(richting, '') } {fmt.pct(norm, 0)}".strip()


def status_text(status: str | None, norm: float | None) -> str:
    """'🔴 niet behaald' (the scorecard's sign), or why a point has no status."""
    if not _missing(status):
        return f"{STATUS_TEKEN[status]} {status}"
    return "geen norm dit jaar" if _missing(norm) else "niet beoordeeld"


def stand_table(stand_: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """The stand (:func:`prestatie.betaalbaarheid.huuraandelen.stand`) as Dutch text, one row per
    scope."""
    rows = [
        {
            "Corporatie": r.scope,
            "Peildatum": fmt.datum(r.peildatum),
            "Aandeel": fmt.pct(r.waarde),
            "Woningen onder de grens": _of(r.deel, r.totaal),
            "Norm": norm_text(r.norm, doel.richting),
            "Status": status_text(r.status, r.norm),
            "Verschil": scorecard.gap_sentence("aandeel_huur", r.tekort, doel.richting),
        }
        for r in stand_.itertuples()
    ]
    return pd.DataFrame(rows, columns=list(STAND_COLUMNS))


def _of(deel: float, totaal: float) -> str:
    if pd.isna(totaal):
        return fmt.MISSING
    return f"{fmt.num(deel)} van {fmt.num(totaal)}"


def overview_table(items: list[tuple[Doel, pd.DataFrame]]) -> pd.DataFrame:
    """The stand of every target in view, one row per target and scope."""
    parts = [
        stand_table(stand_, doel).assign(
            Afspraak=doel.afspraak, Doel=doel.omschrijving, Gemeente=doel.gemeente
        )
        for doel, stand_ in items
    ]
    if not parts:
        return pd.DataFrame()
    table = pd.concat(parts, ignore_index=True)
    first = ["Afspraak", "Doel", "Gemeente"]
    return table[first + [c for c in table.columns if c not in first]]
