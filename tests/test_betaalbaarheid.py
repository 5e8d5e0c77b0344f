"""Betaalbaarheid: the page's words and figures, and its numbers against the scorecard's.

Every expected figure below is worked out by hand in the comment beside it. The limits used
(prestatie/referentie/data/huurgrenzen.csv): 2e aftoppingsgrens 2024 € 697,07; 1e aftoppingsgrens
2024 € 650,43; kwaliteitskortingsgrens 2024 € 454,47; DAEB-huurgrens 2024 € 879,66.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.beoordeling import huurregel, status
from prestatie.beoordeling.huurregel import FIXED, INDEXED, KALE_HUUR
from prestatie.beoordeling.status import STATUS_KLEUREN
from prestatie.betaalbaarheid import huren_chart, huuraandelen, huurverdeling, texts
from tests.betaalbaarheid_helpers import bins, doel, judged_trend, stock

# ---- the rule in words ----------------------------------------------------------------------


def test_rule_text_names_the_limit_used():
    rows = stock([("Lefier", "2024-01-01", 2023, 500.0, "Borger")])
    judged, _ = judged_trend(rows, doel())
    regel = huurregel.Regel.van(doel())
    assert (
        texts.rule_text(regel, judged, 2023, INDEXED) == "onder € 697,07 (2e aftoppingsgrens 2024)"
    )
    judged_fixed, _ = judged_trend(rows, doel(), FIXED)
    assert texts.rule_text(regel, judged_fixed, 2023, FIXED) == (
        "onder € 678,66 (vast bedrag uit het document, prijspeil 2022)"
    )


# ---- figures --------------------------------------------------------------------------------


def test_rent_distribution_draws_the_bands_the_limits_and_names_the_rent_column():
    huur = bins([690.00, 700.00, 724.99, 725.00])
    lines = huurverdeling.grenslijnen(huur, date(2024, 12, 31))
    fig = huren_chart.rent_distribution(huur, lines, "Huurverdeling", "kale huur (test)")
    bars = fig.data[0]
    assert list(bars.y) == [1.0, 2.0, 1.0]  # [675,700), [700,725), [725,750)
    assert list(bars.x) == [687.5, 712.5, 737.5]
    assert [s.x0 for s in fig.layout.shapes] == [454.47, 650.43, 697.07, 879.66]
    notes = [a.text for a in fig.layout.annotations]
    assert "2e aftoppingsgrens<br>€ 697,07 · 25,0% t/m" in notes  # only 690,00: 1 of 4
    assert "kale huur (test)" in fig.layout.xaxis.title.text
    cumulative = huren_chart.rent_distribution(huur, lines, "c", cumulatief=True)
    assert list(cumulative.data[0].y) == [0.25, 0.5, 0.75, 1.0]
    assert texts.HUURKOLOM in cumulative.layout.xaxis.title.text


def test_share_against_norm_colours_by_status_and_writes_the_gap():
    stand = pd.DataFrame(
        {
            "scope": ["Lefier", "Woonservice"],
            "waarde": [0.8, 0.95],
            "deel": [8.0, 19.0],
            "totaal": [10.0, 20.0],
            "norm": [0.9, 0.9],
            "tekort": [1, 0],
            "status": [status.NIET_BEHAALD, status.BEHAALD],
        }
    )
    fig = huren_chart.share_against_norm(stand, "min", "A1")
    assert list(fig.data[0].marker.color) == [
        STATUS_KLEUREN["niet behaald"],
        STATUS_KLEUREN["behaald"],
    ]
    assert list(fig.data[0].x) == [0.8, 0.95]
    assert [s.x0 for s in fig.layout.shapes] == [0.9]
    notes = [a.text for a in fig.layout.annotations]
    assert "norm ≥ 90%" in notes
    assert "<b>80,0%</b> · 8 van 10<br>nog 1 woning boven de grens om de norm te halen" in notes
    assert "<b>95,0%</b> · 19 van 20" in notes


def test_trend_has_a_norm_line_and_status_coloured_points():
    trend = pd.DataFrame(
        {
            "scope": ["Lefier", "Lefier"],
            "jaar": [2023, 2025],
            "peildatum": [date(2023, 12, 31), date(2025, 12, 31)],
            "grens_cent": [69360, 73193],
            "deel": [9.0, 8.0],
            "totaal": [10.0, 10.0],
            "waarde": [0.9, 0.8],
            "norm": [0.9, None],
            "tekort": [0, None],
            "status": [status.BEHAALD, None],
        }
    )
    norms = pd.DataFrame({"jaar": [2023, 2024], "norm": [0.9, 0.9]})
    fig = huren_chart.trend(trend, norms, "A1")
    by_name = {t.name: t for t in fig.data if t.name}
    assert list(by_name["norm"].x) == [2023, 2024] and list(by_name["norm"].y) == [0.9, 0.9]
    points = next(t for t in fig.data if t.mode == "markers+text")
    assert list(points.marker.color) == [STATUS_KLEUREN["behaald"], huren_chart.NEUTRAL]
    assert list(points.text) == ["90,0%", "80,0%"]
    assert list(fig.layout.xaxis.tickvals) == [2023, 2024, 2025]
    assert "behaald" in by_name and "niet behaald" not in by_name


def test_per_kern_figure_keeps_the_weakest_on_top():
    kernen = pd.DataFrame(
        {
            "scope": ["Lefier"] * 2,
            "kern": ["Exloo", "Borger"],
            "naam": ["Exloo", "Borger"],
            "deel": [1.0, 2.0],
            "totaal": [3.0, 2.0],
            "waarde": [1 / 3, 1.0],
            "tekort": [2, 0],
            "haalt_norm": [False, True],
        }
    )
    fig = huren_chart.per_kern(kernen, 0.9, "min", "A1 per kern")
    assert list(fig.data[0].y) == ["Exloo", "Borger"]
    assert fig.layout.yaxis.autorange == "reversed"
    assert list(fig.data[0].marker.color) == [
        STATUS_KLEUREN["niet behaald"],
        STATUS_KLEUREN["behaald"],
    ]
    assert list(fig.data[0].text) == ["33,3% (1 van 3)", "100,0% (2 van 2)"]


def test_empty_inputs_give_figures_that_say_so():
    empty = pd.DataFrame(columns=list(huuraandelen.TREND_COLUMNS))
    assert (
        "geen gegevens" in huren_chart.trend(empty, huurregel.norms(doel()), "A1").layout.title.text
    )
    assert "geen gegevens" in huren_chart.share_against_norm(empty, "min", "A1").layout.title.text
    kernen = huuraandelen.per_kern(empty.assign(kern=[]), doel())
    assert "geen kernen" in huren_chart.per_kern(kernen, 0.9, "min", "A1").layout.title.text


# ---- the page's numbers are the scorecard's ----------------------------------------------------


@pytest.mark.parametrize("lezing", [INDEXED, FIXED])
def test_trend_on_the_demo_equals_every_monitor_evaluation(demo_db, lezing):
    """An independent route: the monitor's own evaluations of the demo database."""
    con = dashboard.open_database(demo_db)
    try:
        rows = dashboard.stock(con)
        doelen_all = [d for a in dashboard.agreements(con) for d in a.doelen]
        if lezing == FIXED:
            rows = dashboard.with_fixed_amounts(con, rows, doelen_all, KALE_HUUR)
        evaluations = [
            e
            for e in dashboard.evaluations(con, date(2026, 11, 21), lezing)
            if e.soort == "aandeel_huur" and e.waarde is not None
        ]
        # BB-25 1e measures the offer: on the demo's lettings, not on this page's stock
        on_lettings = [e for e in evaluations if e.gemeten_op == "verhuringen"]
        evaluations = [e for e in evaluations if e.gemeten_op != "verhuringen"]
        doelen = texts.rent_targets([d for a in dashboard.agreements(con) for d in a.doelen], None)
    finally:
        con.close()
    points = {}
    for d in doelen:
        judged = huuraandelen.judged_rows(rows, d, huuraandelen.scopes(d, rows), lezing)
        for r in huuraandelen.trend(judged, d).itertuples():
            points[(d.id, r.scope, r.jaar)] = (r.waarde, r.tekort, r.totaal)
    # measured years 2021-2024 on the stock: A1 2 corporaties, kwk 1 joint scope; on the
    # lettings BB-25 1e, 3 corporaties
    assert len(evaluations) == (2 + 1) * 4
    assert {(e.doel, len(on_lettings)) for e in on_lettings} == {
        ("BB-25-eerste-aftoppingsgrens", 3 * 4)
    }
    for e in evaluations:
        assert points[(e.doel, e.corporatie, e.jaar)] == (e.waarde, e.tekort, e.basis), e
