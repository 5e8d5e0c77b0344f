"""The demonstration lettings: one list per corporatie and year, imported through the real import
without a warning, each letting a home of that year's demo stock, in the proportions the
simulation promises (a range each, not figures computed by the code under test)."""

from __future__ import annotations

import duckdb
import pytest

from prestatie.opslag import queries


@pytest.fixture(scope="module")
def con(demo_db_file):
    connection = duckdb.connect(str(demo_db_file), read_only=True)
    yield connection
    connection.close()


def test_one_lettings_list_per_corporatie_and_year_without_warnings(con):
    batches = queries.batches(con)
    lists = batches[batches["soort"] == "verhuur"]
    assert sorted(zip(lists["corporatie"], lists["jaar_van"], strict=True)) == [
        (c, y) for c in ("Domesta", "Lefier", "Woonservice") for y in (2021, 2022, 2023, 2024)
    ]
    assert (lists["jaar_van"] == lists["jaar_tot"]).all()
    assert lists["demo"].all() and (lists["waarschuwingen"] == 0).all()
    assert lists["stand"].eq("actief").all()
    assert set(lists["bestand"]) >= {"Lefier verhuringen 2023.csv"}  # the `;`-CSV in cp1252


def test_every_letting_is_a_home_of_that_years_stock(con):
    missing = con.execute(
        "SELECT count(*) FROM actieve_verhuring l WHERE NOT EXISTS (SELECT 1 FROM actieve_vhe v "
        "WHERE v.corporatie = l.corporatie AND v.gemeente = l.gemeente AND v.vhe_id = l.vhe_id "
        "AND v.peildatum = make_date(l.jaar, 12, 31))"
    ).fetchone()[0]
    assert missing == 0


def test_proportions_per_corporatie_gemeente_and_year(con):
    rows = con.execute(
        "SELECT l.corporatie, l.gemeente, l.jaar, count(*) AS n, "
        "count(*) FILTER (WHERE route = 'statushouder') AS statushouders, "
        "median(zoekduur_maanden) AS mediaan, "
        "(SELECT count(*) FROM actieve_vhe v WHERE v.corporatie = l.corporatie "
        " AND v.gemeente = l.gemeente AND v.peildatum = make_date(l.jaar, 12, 31)) AS vhe "
        "FROM actieve_verhuring l GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert len(rows) == 5 * 4  # five corporatie × gemeente pairs, four years
    for corporatie, gemeente, jaar, n, statushouders, mediaan, vhe in rows:
        where = f"{corporatie} {gemeente} {jaar}"
        assert 0.05 - 1 / vhe <= n / vhe <= 0.08 + 1 / vhe, where  # a whole number of lettings
        assert 0.08 <= statushouders / n <= 0.15, where
        assert 10 <= mediaan <= 30, where


def test_rents_at_letting_mostly_under_the_first_aftoppingsgrens(con):
    # the 1e aftoppingsgrens 2021-2024 in cents (prestatie/referentie/data/huurgrenzen.csv)
    shares = con.execute(
        "SELECT jaar, avg((huur_cent <= CASE jaar WHEN 2021 THEN 63325 WHEN 2022 THEN 63325 "
        "WHEN 2023 THEN 64719 ELSE 65043 END)::INT) FROM actieve_verhuring GROUP BY jaar"
    ).fetchall()
    assert all(share > 0.6 for _, share in shares)
