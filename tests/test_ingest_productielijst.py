"""The import of production lists: activities, dates in every form, counts per year and kind, a
project that is not a totals row, and a CSV with a year column. The expected figures are counted
by hand (tests/data/README.md)."""

from __future__ import annotations

from datetime import date

from tests.ingest_helpers import PRODUCTIE, REALISATIE, parse

# --- production lists ---------------------------------------------------------------------------


def test_production_list_activities_dates_and_totals():
    parsed = parse(PRODUCTIE)
    prod = parsed.productie
    assert parsed.kind == "productie"
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Domesta", "Emmen")
    assert prod["soort"].tolist() == [
        "nieuwbouw",
        "verduurzaming",
        "zonnepanelen",
        "verkoop",
        "sloop",
        "verduurzaming",
    ]
    assert [d.date() for d in prod["datum"]] == [
        date(2021, 3, 15),
        date(2023, 12, 31),  # Excel serial 45291
        date(2023, 11, 15),
        date(2023, 6, 30),
        date(2022, 2, 1),
        date(2022, 9, 1),
    ]
    assert prod.groupby("jaar")["aantal"].sum().to_dict() == {2021: 12, 2022: 18, 2023: 68}
    assert prod.groupby("soort")["aantal"].sum().to_dict() == {
        "nieuwbouw": 12,
        "sloop": 8,
        "verduurzaming": 50,
        "verkoop": 3,
        "zonnepanelen": 25,
    }
    assert "Totaalrenovatie Bargeres" in set(prod["project"])  # a project, not a totals row
    assert parsed.skipped == [(10, "totaalregel, geen activiteit")]
    assert parsed.batch().jaar_van == 2021 and parsed.batch().jaar_tot == 2023


def test_production_csv_with_year_column():
    parsed = parse(REALISATIE)
    prod = parsed.productie
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Borger-Odoorn")
    assert prod["aantal"].tolist() == [6, 12, 5]
    assert prod["soort"].tolist() == ["nieuwbouw", "zonnepanelen", "verduurzaming"]
    assert set(prod["jaar"]) == {2022}
    assert prod["kern"].tolist() == ["Borger", "Exloo", "Valthermond"]
