"""What the rent tests share (test_huurregel, test_huuraandelen, test_huurverdeling,
test_betaalbaarheid): a rent target, a small typed stock, and its judged rows and trend."""

from __future__ import annotations

import pandas as pd

from prestatie.afspraken.schema import Doel, Periode
from prestatie.beoordeling.huurregel import INDEXED
from prestatie.betaalbaarheid import huuraandelen


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


def judged_trend(rows, d, lezing=INDEXED, scopes=None):
    scopes = scopes or huuraandelen.scopes(d, rows)
    judged = huuraandelen.judged_rows(rows, d, scopes, lezing)
    return judged, huuraandelen.trend(judged, d)
