"""The rent increase against inflation on the Betaalbaarheid page (AppTest, demo database): the
bars are the huursomstijging counted straight from the rows with SQL of its own, the target is
judged against the CBS inflation, the homes used are said, the drill-down lists the largest."""

from __future__ import annotations

import shutil
from pathlib import Path

import plotly.io
import pytest

from prestatie import fmt
from prestatie.opslag import store
from tests.test_page_betaalbaarheid import numbers, page


@pytest.fixture(scope="module")
def demo_copy(demo_db_file, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("huurstijging") / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy


def increase(db: Path, corporatie: str, gemeente: str, jaar: int) -> tuple[float, int, float]:
    """(huursomstijging, homes, largest single increase) of the homes with the same vhe number
    on the last peildatum of ``jaar - 1`` and of ``jaar``, from actieve_vhe."""
    con = store.connect(db)
    try:
        return con.execute(
            "WITH p AS (SELECT corporatie, gemeente, vhe_id, huur_cent, year(peildatum) AS j "
            "FROM actieve_vhe WHERE corporatie = ? AND gemeente = ? AND month(peildatum) = 12) "
            "SELECT sum(n.huur_cent) / sum(o.huur_cent) - 1, count(*), "
            "max(n.huur_cent / o.huur_cent - 1) "
            "FROM p n JOIN p o ON o.vhe_id = n.vhe_id AND o.j = n.j - 1 "
            "WHERE n.j = ? AND o.huur_cent > 0 AND n.huur_cent IS NOT NULL",
            [corporatie, gemeente, jaar],
        ).fetchone()
    finally:
        con.close()


def chart(at, key: str):
    found = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}"))
    return plotly.io.from_json(found.proto.spec)


def test_rent_increase_against_inflation_on_the_demo(demo_copy, monkeypatch):
    stijging, homes, largest = increase(demo_copy, "Lefier", "Borger-Odoorn", 2024)
    at = page(demo_copy, monkeypatch, gemeente="Borger-Odoorn", corporatie="Lefier")
    assert not at.exception, at.exception
    assert "Huurstijging tegen inflatie" in [h.value for h in at.header]
    fig = chart(at, "stijging_borger-odoorn-2023_A2-huurstijging_Lefier")
    bars = next(t for t in fig.data if t.name == "huursomstijging")
    values = dict(zip(numbers(bars.x), numbers(bars.y), strict=True))
    assert values[2024] == pytest.approx(stijging)
    inflation = next(t for t in fig.data if t.name == "inflatie (CPI, jaar ervoor)")
    # CBS: 2021 2,7%, 2022 10,0%, 2023 3,8% against the increases of 2022, 2023, 2024
    assert numbers(inflation.y) == pytest.approx([0.027, 0.10, 0.038])
    assert any(f"2024: {fmt.num(homes)} " in c.value for c in at.caption)
    tables = [df.value for df in at.dataframe if "Berekening" in df.value.columns]
    a2 = next(t for t in tables if (t["Afspraak"] == "A2").any())
    row = a2[a2["Jaar"] == "2024"].iloc[0]
    # the 5-year window 2020-2024 has increases for 2022-2024: (the three increases) / 3
    # against (2,7% + 10,0% + 3,8%) / 3 = 5,5%
    assert row["Norm"] == "≤ 5,5%"
    assert "over 3 van de 5 jaar" in row["Berekening"]
    three = [increase(demo_copy, "Lefier", "Borger-Odoorn", j)[0] for j in (2022, 2023, 2024)]
    assert row["Gerealiseerd"] == fmt.pct(sum(three) / 3)
    assert row["Status"] == "🟢 behaald" and sum(three) / 3 <= 0.055
    top = next(df.value for df in at.dataframe if "Stijging" in df.value.columns)
    assert top["Stijging"].iloc[0] == fmt.pct(largest)
