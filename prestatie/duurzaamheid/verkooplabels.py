"""Homes sold with at least a label (Borger-Odoorn B2a/B2b): the targets of kind
``verkoop_label`` in a selection, their evaluations, and the table of the sales behind them.

The linking itself is :mod:`prestatie.opslag.koppeling`; the judging
:mod:`prestatie.beoordeling.koppeldoelen`.
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Doel
from prestatie.beoordeling.status import Evaluation
from prestatie.referentie import labels

KIND = "verkoop_label"
SALE_COLUMNS = {
    "jaar": "Jaar",
    "datum": "Datum",
    "corporatie": "Corporatie",
    "vhe_id": "Eenheidnummer",
    "adres": "Adres",
    "kern": "Kern",
    "project": "Project",
    "label_voor": "Label vóór verkoop",
    "peildatum_voor": "Uit voorraad van",
    "koppeling": "Koppeling",
    "bestand": "Bronbestand",
    "bron_rij": "Rij in bestand",
}


def targets(doelen: list[Doel], gemeente: str | None, corporatie: str | None) -> list[Doel]:
    """The sales-label targets of the selection (every gemeente / corporatie when None)."""
    return [
        d
        for d in doelen
        if d.soort == KIND
        and gemeente in (None, d.gemeente)
        and (corporatie is None or not d.corporaties or corporatie in d.corporaties)
    ]


def years(doel: Doel) -> list[int]:
    return sorted({y for p, _ in doel.norm for y in range(p.van, p.tot + 1)})


def below(doel: Doel) -> tuple[str, ...]:
    """The labels below the doel's minimum (a sale with one of them is below the norm)."""
    return labels.classes_below(doel.params["label"])


def of_target(doel: Doel, evaluations: list[Evaluation]) -> list[Evaluation]:
    return [e for e in evaluations if (e.document, e.doel) == (doel.document, doel.id)]


def sales_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The sales as the page shows them: dates the Dutch way, Dutch column names."""
    out = rows.copy()
    for column in ("datum", "peildatum_voor"):
        out[column] = [fmt.datum(d) if pd.notna(d) else "" for d in out[column]]
    for column in ("label_voor", "vhe_id", "adres", "kern", "project", "bestand"):
        out[column] = out[column].astype(object).where(out[column].notna(), "")
    out["bron_rij"] = [fmt.num(r) for r in out["bron_rij"]]
    return out[list(SALE_COLUMNS)].rename(columns=SALE_COLUMNS)
