"""The conclusion lines, on hand-made evaluations and stocks; every expected line typed by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie.beoordeling import scorecard
from prestatie.beoordeling.status import Evaluation
from prestatie.presenteren import conclusies
from tests import counting


def ev(corporatie="Lefier", jaar=2024, status="behaald", **kw) -> Evaluation:
    fields = {
        "document": "doc",
        "afspraak": "A1",
        "doel": "A1",
        "omschrijving": "Minimaal 90% tot de 2e aftoppingsgrens",
        "soort": "aandeel_huur",
        "corporatie": corporatie,
        "gemeente": "Borger-Odoorn",
        "jaar": jaar,
        "periode": str(jaar),
        "richting": "min",
        "norm": 0.9,
        "waarde": None,
        "status": status,
    }
    fields.update(kw)
    return Evaluation(**fields)


# ---- aandeel: one share target ----------------------------------------------------------------


def test_share_met_and_not_met_with_change_since_last_year():
    # Woonservice 2023: 917 of 990 under the limit -> 73 above; 2024: 913 of 1.000 -> 87 above:
    # 14 more above. Lefier 2024: 530 of 600 = 88,33%; 90% of 600 = 540 -> 10 short.
    lefier = ev(
        "Lefier",
        2024,
        "niet behaald",
        waarde=530 / 600,
        basis=600.0,
        tekort=10,
        peildatum=date(2024, 12, 31),
    )
    evaluations = [
        ev("Woonservice", 2023, waarde=917 / 990, basis=990.0, peildatum=date(2023, 12, 31)),
        ev("Woonservice", 2024, waarde=0.913, basis=1000.0, peildatum=date(2024, 12, 31)),
        lefier,
    ]
    # the words of the gap are the scorecard's (the same on every page); the number is ours
    gap = scorecard.gap_text(lefier)
    assert "10 woningen" in gap
    assert conclusies.aandeel(evaluations) == (
        "Stand 2024: Woonservice haalt met 91,3% de norm van 90% "
        "(14 woningen boven de grens meer dan vorig jaar); "
        f"Lefier haalt met 88,3% de norm van 90% niet ({gap})."
    )


def test_share_behind_for_a_joint_scope_compared_with_two_years_before():
    # Peildata on 1 January report on the year before: 01-01-2025 -> 2024, 01-01-2023 -> 2022.
    # 464 of 1.000 in the group now, 456 of 1.000 then: 8 more.
    common = {
        "soort": "aandeel_label",
        "corporatie": "alle corporaties",
        "norm": 0.5,
        "basis": 1000.0,
    }
    now = ev(
        jaar=2026, status="achter", waarde=0.464, tekort=23, peildatum=date(2025, 1, 1), **common
    )
    evaluations = [
        ev(jaar=2023, status="behaald", waarde=0.456, peildatum=date(2023, 1, 1), **common),
        now,
    ]
    gap = scorecard.gap_text(now)
    assert "23 woningen" in gap
    assert conclusies.aandeel(evaluations) == (
        "Stand 2024: de corporaties samen liggen met 46,4% achter op de weg naar 50% in 2026 "
        f"({gap}, 8 woningen in deze labelgroep meer dan in 2022)."
    )


def test_share_years_named_per_scope_when_they_differ():
    common = {"soort": "aandeel_label", "norm": 0.475}
    evaluations = [
        ev(
            "Domesta",
            2026,
            "op koers",
            waarde=0.354,
            basis=1000.0,
            peildatum=date(2024, 12, 31),
            **common,
        ),
        ev(
            "Lefier",
            2023,
            "behaald",
            waarde=0.5,
            basis=200.0,
            peildatum=date(2023, 12, 31),
            **common,
        ),
    ]
    assert conclusies.aandeel(evaluations) == (
        "Domesta (2024) ligt met 35,4% op koers naar 47,5% in 2026; "
        "Lefier (2023) haalt met 50,0% de norm van 47,5%."
    )


def test_share_of_two_deadlines_on_the_same_data_speaks_of_the_nearest():
    common = {"soort": "aandeel_label", "waarde": 0.3, "basis": 100.0}
    evaluations = [
        ev(jaar=2026, status="op koers", norm=0.3, peildatum=date(2024, 12, 31), **common),
        ev(jaar=2025, status="op koers", norm=0.25, peildatum=date(2024, 12, 31), **common),
    ]
    assert conclusies.aandeel(evaluations) == (
        "Stand 2024: Lefier ligt met 30,0% op koers naar 25% in 2025."
    )


def test_share_fewer_above_the_limit_and_unchanged():
    # 2023: 80 of 100 under -> 20 above; 2024: 85 of 100 -> 15 above: 5 fewer.
    # Woonservice: 45 of 50 both years -> 5 above both years.
    evaluations = [
        ev(jaar=2023, waarde=0.8, basis=100.0, peildatum=date(2023, 12, 31), norm=0.8),
        ev(jaar=2024, waarde=0.85, basis=100.0, peildatum=date(2024, 12, 31), norm=0.8),
        ev("Woonservice", 2023, waarde=0.9, basis=50.0, peildatum=date(2023, 12, 31)),
        ev("Woonservice", 2024, waarde=0.9, basis=50.0, peildatum=date(2024, 12, 31)),
    ]
    assert conclusies.aandeel(evaluations) == (
        "Stand 2024: Lefier haalt met 85,0% de norm van 80% "
        "(5 woningen boven de grens minder dan vorig jaar); "
        "Woonservice haalt met 90,0% de norm van 90% "
        "(evenveel woningen boven de grens als vorig jaar)."
    )


def test_share_without_any_measurement():
    evaluations = [ev(status="geen gegevens"), ev(jaar=2023, status="geen gegevens")]
    assert conclusies.aandeel(evaluations) == (
        "Geen gegevens om te beoordelen: Minimaal 90% tot de 2e aftoppingsgrens."
    )


def test_norm_written_as_people_write_it():
    assert conclusies.norm_pct(0.9) == "90%"
    assert conclusies.norm_pct(0.475) == "47,5%"
    assert conclusies.norm_pct(0.0) == "0%"
    assert conclusies.enumeration(["a", "b", "c"]) == "a, b en c"
    assert conclusies.who("Lefier + Woonservice") == "Lefier en Woonservice samen"


# ---- stand: all targets -----------------------------------------------------------------------


def test_state_counts_each_status_and_names_the_most_missed():
    evaluations = [
        ev("Lefier", status="behaald"),
        ev("Lefier", status="behaald"),
        ev("Lefier", status="niet behaald"),
        ev("Lefier", status="niet behaald"),
        ev("Woonservice", status="niet behaald"),
        ev("Woonservice", status="niet behaald"),
        ev("Woonservice", status="geen gegevens"),
        ev("Domesta", status="op koers"),
    ]
    assert conclusies.stand(evaluations) == (
        "Van 8 doelen: 2 behaald, 1 op koers, 4 niet behaald en 1 zonder gegevens; "
        "de meeste niet behaald bij Lefier en Woonservice (elk 2)."
    )


def test_state_of_one_corporatie_names_no_one():
    evaluations = [ev(status="behaald"), ev(status="achter"), ev(status="niet behaald")]
    assert conclusies.stand(evaluations) == "Van 3 doelen: 1 behaald, 1 achter en 1 niet behaald."
    assert conclusies.stand([]) == "Geen doelen om te beoordelen in deze selectie."


# ---- jaarschijven -----------------------------------------------------------------------------


def test_jaarschijven_count_met_and_name_the_largest_shortfall():
    common = {"soort": "jaarschijf", "jaar": 2024}
    evaluations = [
        ev(omschrijving="Jaarschijf Lefier: nieuwbouw", norm=25, waarde=30, **common),
        ev(
            omschrijving="Jaarschijf Lefier: verduurzaming",
            norm=78,
            waarde=60,
            tekort=18,
            status="niet behaald",
            **common,
        ),
        ev(
            "Woonservice",
            omschrijving="Jaarschijf Woonservice: verkoop",
            norm=6,
            waarde=3,
            tekort=3,
            status="niet behaald",
            **common,
        ),
        ev(
            "Woonservice",
            omschrijving="Jaarschijf Woonservice: sloop",
            norm=4,
            status="geen gegevens",
            **common,
        ),
    ]
    assert conclusies.jaarschijven(evaluations) == (
        "2024: 1 van 3 jaarschijven behaald, 2 niet behaald; grootste tekort: "
        "Jaarschijf Lefier: verduurzaming (2024), 60 van 78, 18 woningen te weinig; "
        "1 zonder gegevens."
    )


def test_jaarschijven_without_judgement():
    evaluations = [ev(soort="jaarschijf", status="geen gegevens", norm=10)]
    assert conclusies.jaarschijven(evaluations) == (
        "Nog geen gerealiseerde aantallen om met de jaarschijven te vergelijken."
    )


# ---- the stock --------------------------------------------------------------------------------


def stock(rows: list[tuple[str, int | None, str]]) -> pd.DataFrame:
    """(peildatum, rent in cents, label) per home of Lefier in Borger-Odoorn, through the real
    store, read back as the counts the conclusions read."""
    peil = [pd.Timestamp(p) for p, _, _ in rows]
    return counting.stock(_rows(rows, peil))


def _rows(rows, peil) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "corporatie": "Lefier",
            "gemeente": "Borger-Odoorn",
            "peildatum": peil,
            "jaar": [p.year - 1 if (p.month, p.day) == (1, 1) else p.year for p in peil],
            "huur_cent": pd.array([c for _, c, _ in rows], dtype="Int64"),
            "label": [label for _, _, label in rows],
            "aantal": 1.0,
        }
    )


def test_labels_of_the_latest_year_against_the_year_before():
    # 2024: A, A+, A++ of 10 are A or better (30,0%); E and G (20,0%); 1 onbekend.
    # 2023: only A of 8 (12,5%).
    now = ["A", "A+", "B", "B", "C", "E", "G", "onbekend", "A++", "D"]
    before = ["A", "B", "C", "D", "E", "F", "G", "onbekend"]
    frame = stock(
        [("2024-12-31", 50000, label) for label in now]
        + [("2023-12-31", 50000, label) for label in before]
    )
    assert conclusies.labelverdeling(frame) == (
        "Eind 2024 heeft 30,0% van 10 woningen label A of beter (2023: 12,5%); "
        "20,0% heeft label E, F of G; van 1 woning is het label onbekend."
    )


def test_rents_up_to_the_limit_in_force_on_each_peildatum():
    # 2e aftoppingsgrens € 697,07 in 2024 and € 693,60 in 2023 (huurgrenzen.md).
    # 2024: 697,07 (on it, counts), 500,00 and 600,00 under; 697,08, 700,00 and a missing rent
    # not: 3 of 6. 2023: 693,60 and 400,00 under, 693,61 not: 1 above. 3 - 1 = 2 more above.
    frame = stock(
        [
            ("2024-12-31", 69707, "A"),
            ("2024-12-31", 69708, "A"),
            ("2024-12-31", 50000, "A"),
            ("2024-12-31", 70000, "A"),
            ("2024-12-31", None, "A"),
            ("2024-12-31", 60000, "A"),
            ("2023-12-31", 69360, "A"),
            ("2023-12-31", 69361, "A"),
            ("2023-12-31", 40000, "A"),
        ]
    )
    assert conclusies.huurverdeling(frame) == (
        "Eind 2024 hebben 3 van 6 woningen (50,0%) een huur tot en met de "
        "2e aftoppingsgrens van € 697,07; 2 woningen boven de grens meer dan vorig jaar."
    )


def test_rents_on_1_january_use_that_days_limit_and_report_on_the_year_before():
    # 01-01-2025 reports on 2024 with the 2025 limit € 731,93: 731,93 counts, 731,94 does not.
    frame = stock([("2025-01-01", 73193, "B"), ("2025-01-01", 73194, "B")])
    assert conclusies.huurverdeling(frame) == (
        "Eind 2024 heeft 1 van 2 woningen (50,0%) een huur tot en met de "
        "2e aftoppingsgrens van € 731,93."
    )
    assert conclusies.huurverdeling(frame.iloc[0:0]) == "Geen voorraadgegevens in deze selectie."


def test_a_year_one_corporatie_reported_says_who_is_missing():
    # 2025: only Lefier delivered a list; Domesta and Woonservice have 2024 only.
    rows = []
    for corporatie, peil in (
        ("Lefier", "2024-12-31"),
        ("Lefier", "2025-12-31"),
        ("Domesta", "2024-12-31"),
        ("Woonservice", "2024-12-31"),
    ):
        frame = _rows([(peil, 50000, "A")], [pd.Timestamp(peil)])
        rows.append(frame.assign(corporatie=corporatie, gemeente="Emmen", vhe_id=corporatie))
    stock = counting.stock(pd.concat(rows, ignore_index=True))
    assert conclusies.huurverdeling(stock).startswith(
        "Alleen Lefier; Domesta en Woonservice ontbreken voor 2025. Eind 2025 heeft 1 van 1 woning"
    )
    assert conclusies.completeness(stock[stock["jaar"] == 2024]) == ""
