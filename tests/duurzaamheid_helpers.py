"""What the label tests share (test_labelverdeling, test_labelpaden, test_energie_index,
test_labelovergangen): a small stock of vhe rows typed by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd


def stock(rows: list[tuple], corporatie: str = "X", gemeente: str = "G") -> pd.DataFrame:
    """(peildatum, vhe_id, label[, aantal[, energie_index]]) -> vhe rows as dashboard.stock."""
    out = []
    for row in rows:
        peil, vhe_id, label, *rest = row
        out.append(
            {
                "corporatie": corporatie,
                "gemeente": gemeente,
                "peildatum": pd.Timestamp(peil),
                "vhe_id": vhe_id,
                "label": label,
                "aantal": float(rest[0]) if rest else 1.0,
                "energie_index": rest[1] if len(rest) > 1 else None,
                "kern": None,
                "jaar": date.fromisoformat(peil).year,
            }
        )
    return pd.DataFrame(out)
