"""How a rent target reads a rent: a rent on an exclusive limit, a missing rent, the limit of a
1 January peildatum, the document's fixed amount, and the norm of a year.

Every expected figure below is worked out by hand in the comment beside it. The limits used
(prestatie/referentie/data/huurgrenzen.csv): 2e aftoppingsgrens 2023 € 693,60, 2024 € 697,07.
"""

from __future__ import annotations

from datetime import date

from prestatie.beoordeling import huurregel
from prestatie.beoordeling.huurregel import FIXED, INDEXED
from tests.betaalbaarheid_helpers import doel, judged_trend, stock

# ---- the limit: a rent on it, a missing rent, peildatum 1 January, the fixed amount -------


def test_rent_exactly_on_an_exclusive_limit_does_not_count_and_a_missing_rent_never_does():
    rows = stock(
        [
            ("Lefier", "2023-12-31", 2023, 693.59, "Borger"),
            ("Lefier", "2023-12-31", 2023, 693.60, "Borger"),  # exactly the 2023 limit
            ("Lefier", "2023-12-31", 2023, 693.61, "Borger"),
            ("Lefier", "2023-12-31", 2023, None, "Borger"),
        ]
    )
    _, exclusive = judged_trend(rows, doel(inclusief=False))
    _, inclusive = judged_trend(rows, doel(inclusief=True))
    # "<": only 693,59 -> 1 of 4; "tot en met": 693,59 and 693,60 -> 2 of 4
    assert exclusive[["deel", "totaal", "waarde"]].values.tolist() == [[1.0, 4.0, 0.25]]
    assert inclusive[["deel", "totaal", "waarde"]].values.tolist() == [[2.0, 4.0, 0.5]]
    assert exclusive["grens_cent"].tolist() == [69360]
    # norm 90% of 4 = 3,6 -> 4 homes needed; 1 under -> 3 short; inclusive 2 under -> 2 short
    assert exclusive["tekort"].tolist() == [3] and inclusive["tekort"].tolist() == [2]


def test_peildatum_1_january_reports_on_the_year_before_with_the_limit_of_its_own_date():
    rows = stock(
        [
            ("Lefier", "2024-01-01", 2023, 600.00, "Borger"),
            ("Lefier", "2024-01-01", 2023, 695.00, "Borger"),  # above 693,60, below 697,07
            ("Lefier", "2024-01-01", 2023, 697.07, "Borger"),  # exactly the 2024 limit
            ("Lefier", "2024-01-01", 2023, 697.08, "Borger"),
        ]
    )
    _, trend = judged_trend(rows, doel())
    row = trend.iloc[0]
    # verslagjaar 2023, limit in force on 1-1-2024 = € 697,07; "<" -> 600 and 695 -> 2 of 4
    assert (row.jaar, row.peildatum, row.grens_cent) == (2023, date(2024, 1, 1), 69707)
    assert (row.deel, row.totaal, row.waarde) == (2.0, 4.0, 0.5)
    assert row.norm == 0.9 and row.tekort == 2  # 3,6 -> 4 needed, 2 under


def test_fixed_reading_uses_the_documents_amount():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 678.65, "Borger"),
            ("Lefier", "2024-12-31", 2024, 678.66, "Borger"),  # exactly the document's amount
            ("Lefier", "2024-12-31", 2024, 690.00, "Borger"),
        ]
    )
    _, indexed = judged_trend(rows, doel(), INDEXED)
    _, fixed = judged_trend(rows, doel(), FIXED)
    assert indexed[["grens_cent", "deel"]].values.tolist() == [[69707, 3.0]]  # all < 697,07
    assert fixed[["grens_cent", "deel"]].values.tolist() == [[67866, 1.0]]  # only 678,65


# ---- the norm -------------------------------------------------------------------------------


def test_norm_of_a_year_and_the_norm_line():
    d = doel(years=(2023, 2024))
    assert huurregel.norm_in(d, 2023) == 0.9 and huurregel.norm_in(d, 2025) is None
    assert huurregel.norms(d).values.tolist() == [[2023, 0.9], [2024, 0.9]]
