"""What the rent tests share (test_huurregel, test_huuraandelen, test_huurverdeling,
test_betaalbaarheid): a rent target, a small typed stock, and its judged rows and trend."""

from __future__ import annotations

import pandas as pd

from prestatie import dashboard
from prestatie.afspraken.schema import Doel, Periode
from prestatie.beoordeling.huurregel import FIXED, INDEXED, KALE_HUUR
from prestatie.betaalbaarheid import huuraandelen
from tests import counting


def doel(
    *,
    grens="tweede_aftoppingsgrens",
    inclusief=False,
    bedrag=678.66,
    prijspeil=2022,
    norm=0.9,
    years=(2021, 2022, 2023, 2024),
    corporaties=("Lefier", "Woonservice"),
    per_corporatie=True,
    gemeente="Borger-Odoorn",
    richting="min",
) -> Doel:
    return Doel(
        document="test",
        id="A1",
        afspraak="A1",
        omschrijving="Minimaal 90% tot de 2e aftoppingsgrens",
        tekst="< € 678,66 prijspeil 2022",
        soort="aandeel_huur",
        corporaties=corporaties,
        per_corporatie=per_corporatie,
        gemeente=gemeente,
        kern=None,
        richting=richting,
        norm=tuple((Periode(y, y), norm) for y in years),
        params={"grens": grens, "inclusief": inclusief, "prijspeil": prijspeil, "bedrag": bedrag},
        toelichting="",
    )


def stock(rows: list[tuple]) -> pd.DataFrame:
    """(corporatie, peildatum, jaar, huur in euro or None, kern[, aantal]) -> stock rows."""
    records = []
    for i, row in enumerate(rows):
        corp, peil, jaar, huur, kern, *rest = row
        records.append(
            {
                "corporatie": corp,
                "gemeente": "Borger-Odoorn" if corp != "Domesta" else "Emmen",
                "peildatum": pd.Timestamp(peil),
                "jaar": jaar,
                "vhe_id": f"V{i:03d}",
                "adres": f"Dorpsstraat {i}",
                "kern": kern,
                "huur_cent": None if huur is None else round(huur * 100),
                "huur": huur,
                "label": "B",
                "bestand": "lijst.csv",
                "aantal": float(rest[0]) if rest else 1.0,
            }
        )
    out = pd.DataFrame(records)
    out["huur_cent"] = out["huur_cent"].astype("Int64")
    return out


def counted(rows: pd.DataFrame, d: Doel, lezing=INDEXED) -> pd.DataFrame:
    """The rows through the real store, read back as counts (with the document's own amount
    for the FIXED reading), as the page reads them."""
    con = counting.database(rows)
    counts = dashboard.stock(con)
    if lezing == FIXED:
        counts = dashboard.with_fixed_amounts(con, counts, [d], KALE_HUUR)
    return counts


def judged_trend(rows, d, lezing=INDEXED, scopes=None):
    stock_counts = counted(rows, d, lezing)
    scopes = scopes or huuraandelen.scopes(d, stock_counts)
    judged = huuraandelen.judged_rows(stock_counts, d, scopes, lezing)
    return judged, huuraandelen.trend(judged, d)


def bins(rents: list[float | None], aantal: list[float] | None = None) -> pd.DataFrame:
    """Homes per rent in whole cents, as :func:`prestatie.opslag.counts.rent_bins` gives them."""
    cents = [None if r is None else round(r * 100) for r in rents]
    weights = aantal or [1.0] * len(rents)
    frame = pd.DataFrame({"van_cent": pd.array(cents, dtype="Int64"), "aantal": weights})
    return frame.groupby("van_cent", dropna=False, as_index=False)["aantal"].sum()
