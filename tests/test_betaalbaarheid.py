"""Betaalbaarheid: shares, gaps, trend, split per kern and the figures, on hand-computed cases.

Every expected figure below is worked out by hand in the comment beside it. The limits used
(prestatie/data/huurgrenzen.csv): 2e aftoppingsgrens 2023 € 693,60, 2024 € 697,07;
1e aftoppingsgrens 2024 € 650,43; kwaliteitskortingsgrens 2024 € 454,47; DAEB-huurgrens 2024
€ 879,66; liberalisatiegrens 2023 € 808,06.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import betaalbaarheid as bb
from prestatie import dashboard, huurregel, monitor
from prestatie import huuraandelen as aandelen
from prestatie import huurverdeling as verdeling
from prestatie.charts import betaalbaarheid as charts
from prestatie.monitor import FIXED, INDEXED, STATUS_KLEUREN, Evaluation, Scope
from prestatie.targets import Doel, Periode


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
    scopes = scopes or aandelen.scopes(d, rows)
    judged = aandelen.judged_rows(rows, d, scopes, lezing)
    return judged, aandelen.trend(judged, d)


# ---- shares: a rent exactly on the limit, missing rents, peildatum 1 January ----------------


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
    assert aandelen.gap(900, 1000, 0.9, "min") == 0  # 90% of 1.000 is exactly 900
    assert aandelen.gap(8, 10, 0.9, "min") == 1  # 9 needed, 8 under
    assert aandelen.gap(8, 10, None, "min") is None
    assert bb.gap_text(37) == "nog 37 woningen boven de grens om de norm te halen"
    assert bb.gap_text(1) == "nog 1 woning boven de grens om de norm te halen"
    assert bb.gap_text(0) == ""


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
    assert aandelen.scopes(d, rows) == [Scope("alle corporaties", ("Domesta", "Lefier"))]
    _, trend = judged_trend(rows, d)
    # 2022: only Domesta reported -> left out; 2023: 452,20 counts (t/m), 452,21 not -> 1 of 3
    assert trend["jaar"].tolist() == [2023]
    assert trend[["scope", "deel", "totaal"]].values.tolist() == [["alle corporaties", 1.0, 3.0]]
    assert trend["tekort"].tolist() == [0]  # 10% of 3 = 0,3 -> 1 needed, 1 under


def test_per_corporatie_target_has_a_scope_per_corporatie_and_the_sidebar_narrows_them():
    d = doel()
    scopes = aandelen.scopes(d, stock([("Lefier", "2024-12-31", 2024, 500.0, "Borger")]))
    assert [s.corporatie for s in scopes] == ["Lefier", "Woonservice"]
    assert [s.corporatie for s in aandelen.visible(scopes, "Woonservice")] == ["Woonservice"]
    assert aandelen.visible(scopes, None) == scopes


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
        evaluation("Lefier", 2022, monitor.BEHAALD, date(2022, 12, 31)),
        evaluation("Lefier", 2023, monitor.NIET_BEHAALD, date(2024, 1, 1)),  # reports on 2023
        evaluation("Lefier", 2024, monitor.ACHTER, date(2024, 1, 1)),  # 2024 judged on 2023
    ]
    with_status = aandelen.with_status(trend, doel(), evaluations)
    assert with_status[["jaar", "status"]].values.tolist() == [
        [2022, "behaald"],
        [2023, "niet behaald"],
    ]


def test_stand_lists_a_scope_without_data_as_geen_gegevens():
    rows = stock([("Lefier", "2024-12-31", 2024, 500.0, "Borger")])
    _, trend = judged_trend(rows, doel())
    stand = aandelen.stand(trend, ["Lefier", "Woonservice"], 2024, doel())
    assert stand["scope"].tolist() == ["Lefier", "Woonservice"]
    assert stand["waarde"].tolist()[0] == 1.0 and pd.isna(stand["waarde"].tolist()[1])
    assert stand["status"].tolist()[1] == monitor.GEEN_GEGEVENS
    assert aandelen.measured(stand) == ["Lefier"]


def test_norm_of_a_year_and_the_norm_line():
    d = doel(years=(2023, 2024))
    assert huurregel.norm_in(d, 2023) == 0.9 and huurregel.norm_in(d, 2025) is None
    assert huurregel.norms(d).values.tolist() == [[2023, 0.9], [2024, 0.9]]


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
    kernen = aandelen.per_kern(judged, d)
    # Exloo 1/3 = 33,3% (2,7 -> 3 needed: 2 short); Odoorn 3/4 = 75% (3,6 -> 4: 1 short);
    # Borger 2/2 = 100% (0 short)
    assert kernen["naam"].tolist() == ["Exloo", "Odoorn", "Borger"]
    assert kernen["deel"].tolist() == [1.0, 3.0, 2.0]
    assert kernen["totaal"].tolist() == [3.0, 4.0, 2.0]
    assert kernen["tekort"].tolist() == [2, 1, 0]
    assert kernen["haalt_norm"].tolist() == [False, False, True]
    assert aandelen.without_kern(judged) == 1.0


def test_per_kern_names_the_corporatie_when_several_are_shown():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 500.0, "Exloo"),
            ("Woonservice", "2024-12-31", 2024, 800.0, "Exloo"),
        ]
    )
    d = doel()
    judged, _ = judged_trend(rows, d)
    assert aandelen.per_kern(judged, d)["naam"].tolist() == [
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
    above = aandelen.rows_above(judged, 2024)
    assert above["huur"].tolist()[1:] == [750.00, 697.07] and pd.isna(above["huur"].iloc[0])
    assert set(above["onder_grens"]) == {"nee"} and set(above["grens"]) == {697.07}
    title = bb.above_title(doel(), ["Lefier"], date(2024, 12, 31))
    assert title == "woningen op of boven de 2e aftoppingsgrens, Lefier, 31-12-2024"
    inclusive = doel(grens="eerste_aftoppingsgrens", inclusief=True)
    assert bb.above_title(inclusive, ["Lefier"], date(2024, 12, 31)).startswith(
        "woningen boven de 1e aftoppingsgrens"
    )


# ---- the distribution and its limits ----------------------------------------------------------


def test_histogram_bands_in_whole_cents_weighted():
    huur = pd.Series([699.99, 700.00, 724.99, 725.00, None])
    aantal = pd.Series([1, 1, 2, 1, 1])
    bands = verdeling.histogram(huur, aantal, 25)
    # [675,700): 699,99 -> 1; [700,725): 700,00 + 724,99 (x2) -> 3; [725,750): 725,00 -> 1
    assert bands.values.tolist() == [[675, 700, 1.0], [700, 725, 3.0], [725, 750, 1.0]]


def test_cumulative_share_keeps_missing_rents_in_the_total():
    curve = verdeling.cumulative(pd.Series([500.0, 600.0, 600.0, None]), None)
    assert curve.values.tolist() == [[500.0, 0.25], [600.0, 0.75]]  # 1/4, 3/4


def test_limit_lines_of_a_1_january_peildatum_with_the_share_up_to_each():
    huur = pd.Series([454.47, 650.44, 697.07, 900.00])
    lines = verdeling.grenslijnen(huur, None, date(2024, 1, 1))
    assert [(x.naam, str(x.bedrag)) for x in lines] == [
        ("kwaliteitskortingsgrens", "454.47"),
        ("1e aftoppingsgrens", "650.43"),
        ("2e aftoppingsgrens", "697.07"),
        ("DAEB-huurgrens", "879.66"),
    ]
    # t/m: 454,47 -> 1/4; 650,43 -> still 1/4 (650,44 is above); 697,07 -> 3/4; 879,66 -> 3/4
    assert [x.aandeel for x in lines] == [0.25, 0.25, 0.75, 0.75]
    assert lines[2].tekst == "2e aftoppingsgrens<br>€ 697,07 · 75,0% t/m"
    before = verdeling.grenslijnen(huur, None, date(2023, 12, 31))
    assert (before[-1].naam, str(before[-1].bedrag)) == ("liberalisatiegrens", "808.06")


def test_document_amounts_join_the_lines_in_the_fixed_reading():
    amounts = verdeling.document_amounts([doel()])
    assert amounts == (("A1: 2e aftoppingsgrens (prijspeil 2022)", 678.66),)
    lines = verdeling.grenslijnen(pd.Series([678.66, 700.0]), None, date(2024, 12, 31), amounts)
    doc = [x for x in lines if x.document]
    assert [(str(x.bedrag), x.aandeel) for x in doc] == [("678.66", 0.5)]
    assert [x.naam for x in lines].index(doc[0].naam) == 2  # between 1e (650,43) and 2e


def test_shares_per_limit_per_corporatie():
    rows = stock(
        [
            ("Lefier", "2024-12-31", 2024, 454.47, "Borger"),
            ("Lefier", "2024-12-31", 2024, 700.00, "Borger"),
            ("Woonservice", "2024-12-31", 2024, 650.43, "Exloo"),
            ("Woonservice", "2024-12-31", 2024, None, "Exloo"),
        ]
    )
    long = verdeling.shares_per_limit(rows, date(2024, 12, 31))
    lefier = long[long["corporatie"] == "Lefier"].set_index("grens")["deel"].to_dict()
    woonservice = long[long["corporatie"] == "Woonservice"].set_index("grens")["deel"]
    # Lefier: 454,47 t/m kwk; 700,00 above the 2e (697,07) but under DAEB (879,66)
    assert lefier == {
        "kwaliteitskortingsgrens": 1.0,
        "eerste_aftoppingsgrens": 1.0,
        "tweede_aftoppingsgrens": 1.0,
        "liberalisatiegrens": 2.0,
    }
    # Woonservice: 650,43 exactly the 1e -> counts from the 1e on; the missing rent never
    assert woonservice.tolist() == [0.0, 1.0, 1.0, 1.0]
    table = verdeling.shares_per_limit_table(long)
    assert table.loc[1, "t/m 1e aftoppingsgrens (€ 650,43)"] == "50,0% (1)"
    assert table.loc[1, "Zonder huur"] == "1"


def test_limit_amounts_show_both_readings_and_the_official_prijspeil_amount():
    emmen = doel(grens="eerste_aftoppingsgrens", inclusief=True, bedrag=596.0, prijspeil=2018)
    table = verdeling.limit_amounts([doel(), emmen], date(2024, 12, 31))
    assert table["Geïndexeerd: grens 2024"].tolist() == ["€ 697,07", "€ 650,43"]
    assert table["Vast: bedrag in het document"].tolist() == [
        "€ 678,66 (prijspeil 2022)",
        "€ 596,00 (prijspeil 2018)",
    ]
    assert table["Officiële grens in het prijspeiljaar"].tolist() == ["€ 678,66", "€ 597,30"]


def test_rule_text_names_the_limit_used():
    rows = stock([("Lefier", "2024-01-01", 2023, 500.0, "Borger")])
    judged, _ = judged_trend(rows, doel())
    regel = huurregel.Regel.van(doel())
    assert bb.rule_text(regel, judged, 2023, INDEXED) == "onder € 697,07 (2e aftoppingsgrens 2024)"
    judged_fixed, _ = judged_trend(rows, doel(), FIXED)
    assert bb.rule_text(regel, judged_fixed, 2023, FIXED) == (
        "onder € 678,66 (vast bedrag uit het document, prijspeil 2022)"
    )


# ---- figures --------------------------------------------------------------------------------


def test_rent_distribution_draws_the_bands_the_limits_and_names_the_rent_column():
    huur = pd.Series([690.00, 700.00, 724.99, 725.00])
    lines = verdeling.grenslijnen(huur, None, date(2024, 12, 31))
    fig = charts.rent_distribution(huur, None, lines, "Huurverdeling", "kale huur (test)")
    bars = fig.data[0]
    assert list(bars.y) == [1.0, 2.0, 1.0]  # [675,700), [700,725), [725,750)
    assert list(bars.x) == [687.5, 712.5, 737.5]
    assert [s.x0 for s in fig.layout.shapes] == [454.47, 650.43, 697.07, 879.66]
    texts = [a.text for a in fig.layout.annotations]
    assert "2e aftoppingsgrens<br>€ 697,07 · 25,0% t/m" in texts  # only 690,00: 1 of 4
    assert "kale huur (test)" in fig.layout.xaxis.title.text
    cumulative = charts.rent_distribution(huur, None, lines, "c", cumulatief=True)
    assert list(cumulative.data[0].y) == [0.25, 0.5, 0.75, 1.0]
    assert bb.HUURKOLOM in cumulative.layout.xaxis.title.text


def test_share_against_norm_colours_by_status_and_writes_the_gap():
    stand = pd.DataFrame(
        {
            "scope": ["Lefier", "Woonservice"],
            "waarde": [0.8, 0.95],
            "deel": [8.0, 19.0],
            "totaal": [10.0, 20.0],
            "norm": [0.9, 0.9],
            "tekort": [1, 0],
            "status": [monitor.NIET_BEHAALD, monitor.BEHAALD],
        }
    )
    fig = charts.share_against_norm(stand, "min", "A1")
    assert list(fig.data[0].marker.color) == [
        STATUS_KLEUREN["niet behaald"],
        STATUS_KLEUREN["behaald"],
    ]
    assert list(fig.data[0].x) == [0.8, 0.95]
    assert [s.x0 for s in fig.layout.shapes] == [0.9]
    texts = [a.text for a in fig.layout.annotations]
    assert "norm ≥ 90%" in texts
    assert "<b>80,0%</b> · 8 van 10<br>nog 1 woning boven de grens om de norm te halen" in texts
    assert "<b>95,0%</b> · 19 van 20" in texts


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
            "status": [monitor.BEHAALD, None],
        }
    )
    norms = pd.DataFrame({"jaar": [2023, 2024], "norm": [0.9, 0.9]})
    fig = charts.trend(trend, norms, "A1")
    by_name = {t.name: t for t in fig.data if t.name}
    assert list(by_name["norm"].x) == [2023, 2024] and list(by_name["norm"].y) == [0.9, 0.9]
    points = next(t for t in fig.data if t.mode == "markers+text")
    assert list(points.marker.color) == [STATUS_KLEUREN["behaald"], charts.NEUTRAL]
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
    fig = charts.per_kern(kernen, 0.9, "min", "A1 per kern")
    assert list(fig.data[0].y) == ["Exloo", "Borger"]
    assert fig.layout.yaxis.autorange == "reversed"
    assert list(fig.data[0].marker.color) == [
        STATUS_KLEUREN["niet behaald"],
        STATUS_KLEUREN["behaald"],
    ]
    assert list(fig.data[0].text) == ["33,3% (1 van 3)", "100,0% (2 van 2)"]


def test_empty_inputs_give_figures_that_say_so():
    empty = pd.DataFrame(columns=list(aandelen.TREND_COLUMNS))
    assert "geen gegevens" in charts.trend(empty, huurregel.norms(doel()), "A1").layout.title.text
    assert "geen gegevens" in charts.share_against_norm(empty, "min", "A1").layout.title.text
    assert "geen kernen" in charts.per_kern(aandelen.per_kern(empty.assign(kern=[]), doel()), 0.9,
                                            "min", "A1").layout.title.text  # fmt: skip


# ---- the page's numbers are the scorecard's ----------------------------------------------------


@pytest.mark.parametrize("lezing", [INDEXED, FIXED])
def test_trend_on_the_demo_equals_every_monitor_evaluation(demo_db, lezing):
    """An independent route: the monitor's own evaluations of the demo database."""
    con = dashboard.open_database(demo_db)
    try:
        rows = dashboard.stock(con)
        evaluations = [
            e
            for e in dashboard.evaluations(con, date(2026, 11, 21), lezing)
            if e.soort == "aandeel_huur" and e.waarde is not None
        ]
        doelen = bb.rent_targets([d for a in dashboard.agreements(con) for d in a.doelen], None)
    finally:
        con.close()
    points = {}
    for d in doelen:
        judged = aandelen.judged_rows(rows, d, aandelen.scopes(d, rows), lezing)
        for r in aandelen.trend(judged, d).itertuples():
            points[(d.id, r.scope, r.jaar)] = (r.waarde, r.tekort, r.totaal)
    # measured years 2021-2024: A1 2 corporaties, BB-25 1e 3 corporaties, kwk 1 joint scope
    assert len(evaluations) == (2 + 3 + 1) * 4
    for e in evaluations:
        assert points[(e.doel, e.corporatie, e.jaar)] == (e.waarde, e.tekort, e.basis), e
