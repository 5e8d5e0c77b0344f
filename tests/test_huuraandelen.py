"""The share of homes under a rent target's limit: weights, the gap in homes, scopes, trend and
status, the stand per scope, per kern and the rows above the limit.

Every expected figure below is worked out by hand in the comment beside it. The limits used
(prestatie/referentie/data/huurgrenzen.csv): 2e aftoppingsgrens 2024 € 697,07;
kwaliteitskortingsgrens 2023 € 452,20.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie import dashboard
from prestatie.beoordeling import scorecard, status
from prestatie.beoordeling.status import Evaluation, Scope
from prestatie.betaalbaarheid import huuraandelen, texts
from tests import counting
from tests.betaalbaarheid_helpers import doel, judged_trend, stock

# ---- weights and the gap --------------------------------------------------------------------


def test_weights_of_a_bezitstabel_count_as_homes():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 500.00, None, 3),
            ("Lefier", "2024-12-31", 2024, 800.00, None, 1),
        ]
    )
    _, trend = judged_trend(rows, doel())
    # 3 of 4 homes under; 90% of 4 = 3,6 -> 1 short
    assert trend[["deel", "totaal", "waarde", "tekort"]].values.tolist() == [[3.0, 4.0, 0.75, 1]]


def test_gap_is_exact_at_the_norm_and_the_text_speaks_of_homes_above_the_limit():
    assert huuraandelen.gap(900, 1000, 0.9, "min") == 0  # 90% of 1.000 is exactly 900
    assert huuraandelen.gap(8, 10, 0.9, "min") == 1  # 9 needed, 8 under
    assert huuraandelen.gap(8, 10, None, "min") is None
    assert (
        scorecard.gap_sentence("aandeel_huur", 37)
        == "nog 37 woningen boven de grens om de norm te halen"
    )
    assert (
        scorecard.gap_sentence("aandeel_huur", 1)
        == "nog 1 woning boven de grens om de norm te halen"
    )
    assert scorecard.gap_sentence("aandeel_huur", 0) == ""


# ---- scopes, trend and status ---------------------------------------------------------------


def test_joint_target_counts_only_years_every_corporatie_reported():
    d = doel(
        grens="kwaliteitskortingsgrens",
        inclusief=True,
        bedrag=417.0,
        prijspeil=2018,
        norm=0.1,
        corporaties=(),
        per_corporatie=False,
        gemeente="Emmen",
    )
    rows = stock(
        [
            ("Domesta", "2022-12-31", 2022, 400.00, "Erica"),
            ("Domesta", "2023-12-31", 2023, 452.20, "Erica"),  # exactly the 2023 kwk-grens
            ("Domesta", "2023-12-31", 2023, 600.00, "Erica"),
            ("Lefier", "2023-12-31", 2023, 452.21, "Emmen"),
        ]
    )
    rows["gemeente"] = "Emmen"
    assert huuraandelen.scopes(d, rows) == [Scope("alle corporaties", ("Domesta", "Lefier"))]
    _, trend = judged_trend(rows, d)
    # 2022: only Domesta reported -> left out; 2023: 452,20 counts (t/m), 452,21 not -> 1 of 3
    assert trend["jaar"].tolist() == [2023]
    assert trend[["scope", "deel", "totaal"]].values.tolist() == [["alle corporaties", 1.0, 3.0]]
    assert trend["tekort"].tolist() == [0]  # 10% of 3 = 0,3 -> 1 needed, 1 under


def test_per_corporatie_target_has_a_scope_per_corporatie_and_the_sidebar_narrows_them():
    d = doel()
    scopes = huuraandelen.scopes(d, stock([("Lefier", "2024-12-31", 2024, 500.0, "Borger")]))
    assert [s.corporatie for s in scopes] == ["Lefier", "Woonservice"]
    assert [s.corporatie for s in huuraandelen.visible(scopes, "Woonservice")] == ["Woonservice"]
    assert huuraandelen.visible(scopes, None) == scopes


def evaluation(corporatie, jaar, status, peildatum) -> Evaluation:
    return Evaluation(
        "test", "A1", "A1", "", "aandeel_huur", corporatie, "Borger-Odoorn", jaar, str(jaar),
        "min", 0.9, 0.5, status, peildatum=peildatum,
    )  # fmt: skip


def test_status_comes_from_the_monitor_only_for_points_judged_on_their_own_year():
    rows = stock(
        [
            ("Lefier", "2022-12-31", 2022, 500.0, "Borger"),
            ("Lefier", "2024-01-01", 2023, 500.0, "Borger"),
        ]
    )
    _, trend = judged_trend(rows, doel())
    evaluations = [
        evaluation("Lefier", 2022, status.BEHAALD, date(2022, 12, 31)),
        evaluation("Lefier", 2023, status.NIET_BEHAALD, date(2024, 1, 1)),  # reports on 2023
        evaluation("Lefier", 2024, status.ACHTER, date(2024, 1, 1)),  # 2024 judged on 2023
    ]
    with_status = huuraandelen.with_status(trend, doel(), evaluations)
    assert with_status[["jaar", "status"]].values.tolist() == [
        [2022, "behaald"],
        [2023, "niet behaald"],
    ]


def test_stand_lists_a_scope_without_data_as_geen_gegevens():
    rows = stock([("Lefier", "2024-12-31", 2024, 500.0, "Borger")])
    _, trend = judged_trend(rows, doel())
    stand = huuraandelen.stand(trend, ["Lefier", "Woonservice"], 2024, doel())
    assert stand["scope"].tolist() == ["Lefier", "Woonservice"]
    assert stand["waarde"].tolist()[0] == 1.0 and pd.isna(stand["waarde"].tolist()[1])
    assert stand["status"].tolist()[1] == status.GEEN_GEGEVENS
    assert huuraandelen.measured(stand) == ["Lefier"]


# ---- per kern ---------------------------------------------------------------------------------


def test_per_kern_weakest_first_with_gaps_and_rows_without_kern_apart():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 500.0, "Exloo"),
            ("Lefier", "2024-12-31", 2024, 700.0, "Exloo"),
            ("Lefier", "2024-12-31", 2024, 710.0, "Exloo"),
            ("Lefier", "2024-12-31", 2024, 500.0, "Borger"),
            ("Lefier", "2024-12-31", 2024, 510.0, "Borger"),
            ("Lefier", "2024-12-31", 2024, 500.0, "Odoorn"),
            ("Lefier", "2024-12-31", 2024, 510.0, "Odoorn"),
            ("Lefier", "2024-12-31", 2024, 520.0, "Odoorn"),
            ("Lefier", "2024-12-31", 2024, 697.07, "Odoorn"),  # on the limit: not under
            ("Lefier", "2024-12-31", 2024, 300.0, None),
        ]
    )
    d = doel()
    judged, _ = judged_trend(rows, d, scopes=[Scope("Lefier", ("Lefier",))])
    kernen = huuraandelen.per_kern(judged, d)
    # Exloo 1/3 = 33,3% (2,7 -> 3 needed: 2 short); Odoorn 3/4 = 75% (3,6 -> 4: 1 short);
    # Borger 2/2 = 100% (0 short)
    assert kernen["naam"].tolist() == ["Exloo", "Odoorn", "Borger"]
    assert kernen["deel"].tolist() == [1.0, 3.0, 2.0]
    assert kernen["totaal"].tolist() == [3.0, 4.0, 2.0]
    assert kernen["tekort"].tolist() == [2, 1, 0]
    assert kernen["haalt_norm"].tolist() == [False, False, True]
    assert huuraandelen.without_kern(judged) == 1.0


def test_per_kern_names_the_corporatie_when_several_are_shown():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 500.0, "Exloo"),
            ("Woonservice", "2024-12-31", 2024, 800.0, "Exloo"),
        ]
    )
    d = doel()
    judged, _ = judged_trend(rows, d)
    assert huuraandelen.per_kern(judged, d)["naam"].tolist() == [
        "Exloo (Woonservice)",
        "Exloo (Lefier)",
    ]


# ---- the rows behind a figure -----------------------------------------------------------------


def test_rows_above_hold_the_rent_on_an_exclusive_limit_and_missing_rents_highest_first():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 500.00, "Borger"),
            ("Lefier", "2024-12-31", 2024, 697.07, "Borger"),
            ("Lefier", "2024-12-31", 2024, 750.00, "Borger"),
            ("Lefier", "2024-12-31", 2024, None, "Borger"),
        ]
    )
    judged, _ = judged_trend(rows, doel())
    specs = huuraandelen.rows_above(judged, doel(), 2024)
    assert [(s.boven_cent, s.inclusief, s.jaren) for s in specs] == [(69707, False, (2024,))]
    above, total = dashboard.vhe_rows(counting.database(rows), specs, order="hoogste_huur")
    assert total == 3
    assert above["huur"].tolist()[1:] == [750.00, 697.07] and pd.isna(above["huur"].iloc[0])
    title = texts.above_title(doel(), ["Lefier"], date(2024, 12, 31))
    assert title == "woningen op of boven de 2e aftoppingsgrens, Lefier, 31-12-2024"
    inclusive = doel(grens="eerste_aftoppingsgrens", inclusief=True)
    assert texts.above_title(inclusive, ["Lefier"], date(2024, 12, 31)).startswith(
        "woningen boven de 1e aftoppingsgrens"
    )
