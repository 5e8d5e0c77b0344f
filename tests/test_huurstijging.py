"""Rent increase against inflation: the CPI table, the huursomstijging DuckDB counts over the
homes on both peildata, and the target judged per year and over a 5-year average.

Hand rows (Lefier, Emmen; peildata 31 December):
  2021: v1 € 500, v2 € 600, v3 € 700 (sold in 2022), v4 no rent
  2022: v1 € 540, v2 € 615, v4 € 650, v5 € 800 (new)
  2023: v1 € 550, v2 € 620, v4 € 660, v5 € 800
2022: v1 and v2 on both dates with a rent: 1.100 -> 1.155, +5,0%; v4 without a rent in 2021,
      v3 gone, v5 new. 2023: all four: 2.605 -> 2.630, +25/2.605 = 0,9597%.
Inflation (CBS): 2021 2,7%, 2022 10,0%, the years before the increases of 2022 and 2023.
"""

from __future__ import annotations

from datetime import date

import pytest

from prestatie.beoordeling import monitor
from prestatie.opslag import huurstijging
from prestatie.referentie import inflatie
from tests import counting
from tests.test_monitor import doel, vhe

ROWS = {
    2021: [("v1", 500, "C"), ("v2", 600, "C"), ("v3", 700, "C"), ("v4", None, "C")],
    2022: [("v1", 540, "C"), ("v2", 615, "C"), ("v4", 650, "C"), ("v5", 800, "A")],
    2023: [("v1", 550, "C"), ("v2", 620, "C"), ("v4", 660, "C"), ("v5", 800, "A")],
}


def stock():
    return [vhe("Lefier", date(jaar, 12, 31), rows) for jaar, rows in ROWS.items()]


def test_cpi_table_as_cbs_publishes_it():
    # CBS jaarmutatie CPI: 2021 2,7%; 2022 10,0%; 2023 3,8%; 2024 3,3%
    assert [inflatie.in_jaar(j).waarde for j in (2021, 2022, 2023, 2024)] == pytest.approx(
        [0.027, 0.10, 0.038, 0.033]
    )
    assert inflatie.in_jaar(2023).gemeten_tot == "2023-12"
    assert inflatie.voor_verhoging(2023).jaar == 2022  # the increase of 1 July 2023
    assert inflatie.in_jaar(2099) is None
    assert inflatie.jaren()[0] == 2015


def test_huursom_of_the_homes_on_both_peildata():
    con = counting.database(stock())
    table = huurstijging.huursom(con).set_index("jaar")
    assert list(table.index) == [2022, 2023]  # 2021 has no year before it
    r = table.loc[2022]
    assert (r.woningen, r.huursom_van, r.huursom_naar) == (2, 110000, 115500)
    assert r.stijging == pytest.approx(0.05)
    assert (r.nieuw, r.weg, r.zonder_huur) == (1, 1, 1)  # v5; v3; v4 (no rent in 2021)
    r = table.loc[2023]
    assert (r.woningen, r.huursom_van, r.huursom_naar) == (4, 260500, 263000)
    assert r.stijging == pytest.approx(25 / 2605)
    assert (r.nieuw, r.weg, r.zonder_huur) == (0, 0, 0)


def test_largest_increases_are_the_homes_behind_it():
    con = counting.database(stock())
    rows, total = huurstijging.largest_increases(con, "Emmen", ["Lefier"], 2022)
    assert total == 2
    assert rows["vhe_id"].tolist() == ["v1", "v2"]  # +8,0% (500 -> 540), +2,5% (600 -> 615)
    assert rows["stijging"].tolist() == pytest.approx([0.08, 0.025])
    assert rows[["huur_van", "huur_naar"]].values.tolist() == [[500, 540], [600, 615]]


BODY = """soort = "huurstijging"
corporaties = ["Lefier"]
per_corporatie = true
richting = "max"
norm = { "2021" = 0.0, "2022" = 0.0, "2023" = 0.0 }
"""


def judged(body: str) -> dict[int, object]:
    f = counting.facts(stock(), today=date(2025, 6, 1))
    return {e.jaar: e for e in monitor.evaluate([doel(body)], f)}


def test_each_year_against_the_inflation_of_the_year_before():
    result = judged(BODY + "jaren = 1\n")
    assert result[2021].status == "geen gegevens"  # no stock of 2020
    # 2022: +5,0% against 2,7% (2021) -> niet behaald; 2023: +0,96% against 10,0% -> behaald
    assert (result[2022].waarde, result[2022].norm, result[2022].status) == (
        pytest.approx(0.05),
        0.027,
        "niet behaald",
    )
    assert (result[2023].norm, result[2023].status) == (0.10, "behaald")
    assert result[2022].basis == 2  # the homes measured, said on screen
    assert "2 woningen op beide peildata in 2022" in result[2022].uitleg


def test_a_five_year_average_over_the_years_that_have_data():
    result = judged(BODY + "jaren = 5\n")
    # 2022: only 2022 in the window: 5,0% against 2,7% -> niet behaald
    assert result[2022].status == "niet behaald"
    # 2023: (5,0% + 0,9597%) / 2 = 2,98% against (2,7% + 10,0%) / 2 = 6,35% -> behaald
    e = result[2023]
    assert e.waarde == pytest.approx((0.05 + 25 / 2605) / 2)
    assert e.norm == pytest.approx(0.0635)
    assert e.status == "behaald"
    assert "over 2 van de 5 jaar" in e.uitleg and "zonder gegevens: 2019, 2020, 2021" in e.uitleg


def test_a_margin_above_inflation():
    # norm 0.03: inflation + 3%: 2022 5,0% against 2,7% + 3% = 5,7% -> behaald
    result = judged(BODY.replace('"2022" = 0.0', '"2022" = 0.03') + "jaren = 1\n")
    assert (result[2022].norm, result[2022].status) == (pytest.approx(0.057), "behaald")


def test_both_documents_judge_the_rent_increase(tmp_path):
    from prestatie.afspraken import toml_reader

    folder = toml_reader.default_folder()
    a2 = toml_reader.load_agreement(folder / "borger-odoorn-2023.toml").doel("A2-huurstijging")
    bb23 = toml_reader.load_agreement(folder / "emmen-2019-2024.toml").doel("BB-23-huursom")
    assert (a2.soort, a2.params["jaren"], a2.richting) == ("huurstijging", 5, "max")
    assert "5-jaars gemiddelde" in a2.tekst and "CBS" in a2.toelichting
    assert (bb23.soort, bb23.params["jaren"]) == ("huurstijging", 1)
    assert "huursom" in bb23.tekst
