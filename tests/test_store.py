"""The store's promise: per corporatie × gemeente × peildatum (production: × jaar) the rows of
one import count, the newest; replacing part of an older file never loses or doubles a home."""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie.inlezen.records import Batch
from prestatie.opslag import queries, store

P1, P2 = date(2023, 12, 31), date(2024, 12, 31)


def stock(rows):
    """rows: (gemeente, peildatum, vhe_id)."""
    return pd.DataFrame(
        [
            {
                "bron_rij": i + 2,
                "corporatie": "Lefier",
                "gemeente": g,
                "peildatum": p,
                "vhe_id": v,
                "huur_cent": 50000,
                "label": "B",
                "aantal": 1.0,
            }
            for i, (g, p, v) in enumerate(rows)
        ]
    )


def batch(name, soort="voorraad", gemeente=None, peildatum=None, jaren=(None, None), rows=0):
    return Batch(name, f"sha-{name}", soort, "Lefier", gemeente, peildatum, *jaren, rows)


def counts(con):
    return dict(
        con.execute(
            "SELECT gemeente || ' ' || peildatum, count(*) FROM actieve_vhe GROUP BY 1 ORDER BY 1"
        ).fetchall()
    )


def test_a_newer_file_for_one_gemeente_replaces_only_that_part(con):
    both = stock([("Emmen", P1, "E1"), ("Emmen", P1, "E2"), ("Borger-Odoorn", P1, "B1")])
    store.write_batch(con, batch("beide.xlsx", peildatum=P1, rows=3), both)
    emmen = stock([("Emmen", P1, "E1"), ("Emmen", P1, "E2"), ("Emmen", P1, "E3")])
    second = store.write_batch(con, batch("emmen.xlsx", "voorraad", "Emmen", P1, rows=3), emmen)
    assert counts(con) == {"Borger-Odoorn 2023-12-31": 1, "Emmen 2023-12-31": 3}
    store.undo_batch(con, second.batch_id)
    assert counts(con) == {"Borger-Odoorn 2023-12-31": 1, "Emmen 2023-12-31": 2}


def test_a_newer_file_for_one_peildatum_replaces_only_that_peildatum(con):
    two = stock([("Emmen", P1, "E1"), ("Emmen", P2, "E1"), ("Emmen", P2, "E2")])
    store.write_batch(con, batch("twee.xlsx", gemeente="Emmen", rows=3), two)
    store.write_batch(
        con, batch("p2.xlsx", gemeente="Emmen", peildatum=P2, rows=1), stock([("Emmen", P2, "E9")])
    )
    assert counts(con) == {"Emmen 2023-12-31": 1, "Emmen 2024-12-31": 1}


def test_a_stock_list_wins_over_an_older_or_newer_bezitstabel(con):
    store.write_batch(
        con,
        batch("lijst.xlsx", gemeente="Emmen", peildatum=P1, rows=2),
        stock([("Emmen", P1, "E1"), ("Emmen", P1, "E2")]),
    )
    store.write_batch(
        con,
        batch("woz.csv", soort="woz", peildatum=P1, rows=3),
        stock([("Emmen", P1, "E1"), ("Emmen", P1, "E2"), ("Borger-Odoorn", P1, "B")]),
    )
    assert counts(con) == {"Borger-Odoorn 2023-12-31": 1, "Emmen 2023-12-31": 2}


def production(rows):
    """rows: (jaar, soort, aantal)."""
    return pd.DataFrame(
        [
            {
                "bron_rij": i + 2,
                "corporatie": "Lefier",
                "gemeente": "Emmen",
                "soort": s,
                "jaar": j,
                "aantal": n,
            }
            for i, (j, s, n) in enumerate(rows)
        ]
    )


def realised(con):
    return dict(
        con.execute(
            "SELECT jaar || ' ' || soort, sum(aantal)::INT FROM actieve_productie "
            "GROUP BY 1 ORDER BY 1"
        ).fetchall()
    )


def test_production_per_year_from_the_newest_list_that_reports_on_it(con):
    store.write_batch(
        con,
        batch("2021-2023.xlsx", "productie", "Emmen", jaren=(2021, 2023), rows=3),
        productie=production([(2021, "sloop", 4), (2022, "sloop", 5), (2023, "sloop", 6)]),
    )
    # the newer list reports on 2023 only (with nieuwbouw, no sloop: so no sloop in 2023)
    store.write_batch(
        con,
        batch("2023.xlsx", "productie", "Emmen", jaren=(2023, 2023), rows=1),
        productie=production([(2023, "nieuwbouw", 8)]),
    )
    store.write_batch(
        con,
        batch("woz.csv", "woz", jaren=(2024, 2024), rows=2),
        productie=production([(2023, "sloop", 99), (2024, "sloop", 2)]),
    )
    assert realised(con) == {"2021 sloop": 4, "2022 sloop": 5, "2023 nieuwbouw": 8, "2024 sloop": 2}


def lettings(rows):
    """rows: (gemeente, jaar, vhe_id)."""
    return pd.DataFrame(
        [
            {
                "bron_rij": i + 2,
                "corporatie": "Lefier",
                "gemeente": g,
                "datum": date(j, 3, 1),
                "jaar": j,
                "vhe_id": v,
                "route": "regulier",
                "aantal": 1,
            }
            for i, (g, j, v) in enumerate(rows)
        ]
    )


def let(con):
    return dict(
        con.execute(
            "SELECT gemeente || ' ' || jaar, string_agg(vhe_id, ',' ORDER BY vhe_id) "
            "FROM actieve_verhuring GROUP BY 1 ORDER BY 1"
        ).fetchall()
    )


def test_lettings_per_gemeente_and_year_from_the_newest_list_that_reports_on_it(con):
    two_years = lettings(
        [("Emmen", 2022, "E1"), ("Emmen", 2023, "E2"), ("Borger-Odoorn", 2023, "B1")]
    )
    store.write_batch(
        con, batch("2022-2023.xlsx", "verhuur", jaren=(2022, 2023), rows=3), verhuring=two_years
    )
    # a newer list for Emmen 2023 replaces exactly that part; the same vhe twice is two lettings
    newer = store.write_batch(
        con,
        batch("emmen 2023.xlsx", "verhuur", "Emmen", jaren=(2023, 2023), rows=2),
        verhuring=lettings([("Emmen", 2023, "E3"), ("Emmen", 2023, "E3")]),
    )
    assert newer.vervangen == ()  # another scope: the older list stays in force for the rest
    assert let(con) == {"Borger-Odoorn 2023": "B1", "Emmen 2022": "E1", "Emmen 2023": "E3,E3"}
    store.undo_batch(con, newer.batch_id)
    assert let(con) == {"Borger-Odoorn 2023": "B1", "Emmen 2022": "E1", "Emmen 2023": "E2"}


def test_a_lettings_list_is_no_production_coverage(con):
    store.write_batch(
        con,
        batch("verhuringen.xlsx", "verhuur", "Emmen", jaren=(2023, 2023), rows=1),
        verhuring=lettings([("Emmen", 2023, "E1")]),
    )
    assert queries.productie_dekking(con).empty  # so the monitor sees no production years
