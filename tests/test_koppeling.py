"""Links through the vhe number, on hand rows: a sale or a verduurzaming joined to the home's last
label in the stock before its date; the rows that cannot be linked counted, never guessed; the
verkoopvijver column of a stock list recognised and counted in a labelsprong.

Lefier, Borger-Odoorn, stock on 31 December:
  2022: v1 D, v2 B, v3 F, v4 C      2023: v1 D, v2 B, v4 C      2024: v4 C
Sales: 2023-06-01 v3 (F before: below C); 2023-09-01 v9 (not in any stock); 2023 a project row
of 2 without a number; 2024-03-01 v1 (D at 31-12-2023: below C); 2024-05-01 v2 (B: at least C).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.beoordeling import monitor
from prestatie.inlezen import ingest
from prestatie.inlezen.records import Batch
from prestatie.opslag import koppeling, store
from tests import counting
from tests.test_monitor import doel, vhe


def stock_rows(corporatie, gemeente, per_year):
    frames = []
    for jaar, rows in per_year.items():
        f = vhe(corporatie, date(jaar, 12, 31), [(v, 500, label) for v, label in rows])
        f["gemeente"] = gemeente
        frames.append(f)
    return frames


def with_production(con, corporatie, gemeente, rows, years):
    """rows: (soort, datum or None, jaar, aantal, vhe_id or None)."""
    frame = pd.DataFrame(
        [
            {
                "bron_rij": i + 2,
                "corporatie": corporatie,
                "gemeente": gemeente,
                "kern": "Borger",
                "project": f"project {i}",
                "soort": soort,
                "jaar": jaar,
                "datum": datum,
                "aantal": aantal,
                "vhe_id": vid,
            }
            for i, (soort, datum, jaar, aantal, vid) in enumerate(rows)
        ]
    )
    name = f"productie {corporatie} {gemeente}.xlsx"
    batch = Batch(name, f"p{corporatie}{gemeente}", "productie", corporatie, gemeente, None,
                  min(years), max(years), len(frame))  # fmt: skip
    store.write_batch(con, batch, None, frame)
    return con


SALES = [
    ("verkoop", date(2023, 6, 1), 2023, 1, "v3"),
    ("verkoop", date(2023, 9, 1), 2023, 1, "v9"),
    ("verkoop", None, 2023, 2, None),
    ("verkoop", date(2024, 3, 1), 2024, 1, "v1"),
    ("verkoop", date(2024, 5, 1), 2024, 1, "v2"),
]


@pytest.fixture
def sales_db():
    stock = stock_rows(
        "Lefier",
        "Borger-Odoorn",
        {
            2022: [("v1", "D"), ("v2", "B"), ("v3", "F"), ("v4", "C")],
            2023: [("v1", "D"), ("v2", "B"), ("v4", "C")],
            2024: [("v4", "C")],
        },
    )
    return with_production(counting.database(stock), "Lefier", "Borger-Odoorn", SALES, (2023, 2024))


def test_each_sale_gets_the_last_label_before_it(sales_db):
    links = koppeling.productie_labels(sales_db)
    got = {
        (r.jaar, r.label_voor if isinstance(r.label_voor, str) else None, r.koppeling): r.aantal
        for r in links.itertuples()
    }
    assert got == {
        (2023, "F", koppeling.GEKOPPELD): 1,
        (2023, None, koppeling.NIET_IN_VOORRAAD): 1,
        (2023, None, koppeling.ZONDER_NUMMER): 2,
        (2024, "D", koppeling.GEKOPPELD): 1,
        (2024, "B", koppeling.GEKOPPELD): 1,
    }
    rows, total = koppeling.linked_rows(
        sales_db, "Borger-Odoorn", ["Lefier"], "verkoop", [2023, 2024], ["D", "E", "F", "G"]
    )
    assert total == 2 and rows["vhe_id"].tolist() == ["v3", "v1"]  # sold below C
    assert rows["peildatum_voor"].dt.date.tolist() == [date(2022, 12, 31), date(2023, 12, 31)]


SOLD = """soort = "verkoop_label"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2023" = 1.0, "2024" = 1.0 }
label = "C"
"""


def bo_doel(body):
    return doel(body).__class__(**{**doel(body).__dict__, "gemeente": "Borger-Odoorn"})


def test_homes_sold_with_at_least_label_c(sales_db):
    facts = dashboard.facts(sales_db, date(2025, 6, 1))
    result = {e.periode: e for e in monitor.evaluate([bo_doel(SOLD)], facts)}
    # 2023: v3 (F) is the one linked sale: 0 of 1 at least C; v9 and the project row said
    e = result["2023"]
    assert (e.waarde, e.status, e.tekort, e.basis) == (0.0, "niet behaald", 1, 1)
    assert "1 nummer niet in de voorraad vóór de datum" in e.uitleg
    assert "2 geen eenheidnummer" in e.uitleg
    # 2024: v1 (D) and v2 (B): 1 of 2
    e = result["2024"]
    assert (e.waarde, e.status, e.tekort) == (0.5, "niet behaald", 1)


def test_sales_without_numbers_are_not_judged(sales_db):
    con = with_production(
        counting.database(stock_rows("Woonservice", "Borger-Odoorn", {2022: [("w1", "A")]})),
        "Woonservice",
        "Borger-Odoorn",
        [("verkoop", date(2023, 5, 1), 2023, 4, None)],
        (2023, 2023),
    )
    d = bo_doel(SOLD.replace('["Lefier"]', '["Woonservice"]').replace(', "2024" = 1.0', ""))
    [e] = monitor.evaluate([d], dashboard.facts(con, date(2025, 6, 1)))
    assert e.status == "geen gegevens" and "4 geen eenheidnummer" in e.uitleg


# ---- DZ-8: verduurzaming of homes with a poor label, on average ------------------------------
# Lefier, Emmen, stock on 31 December: 2021 w1 E, w2 G, w3 B, w4 F; 2022 w1 C, w2 D, w3 A, w4 F.
# Works: 2021-06-01 w2 (no stock before it: cannot be linked); 2022-05-01 w1 (E: poor), w3 (B),
# and a project row of 3 without numbers; 2023-04-01 w2 (D at 31-12-2022: not poor), w4 (F).

WORKS = [
    ("verduurzaming", date(2021, 6, 1), 2021, 1, "w2"),
    ("verduurzaming", date(2022, 5, 1), 2022, 1, "w1"),
    ("verduurzaming", date(2022, 5, 1), 2022, 1, "w3"),
    ("verduurzaming", date(2022, 8, 1), 2022, 3, None),
    ("verduurzaming", date(2023, 4, 1), 2023, 1, "w2"),
    ("verduurzaming", date(2023, 4, 1), 2023, 1, "w4"),
]

POOR = """soort = "jaarschijf"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2021" = 1, "2022" = 1, "2023" = 1 }
activiteiten = ["verduurzaming"]
gemiddeld = true
"""


@pytest.fixture
def works_db():
    stock = stock_rows(
        "Lefier",
        "Emmen",
        {
            2021: [("w1", "E"), ("w2", "G"), ("w3", "B"), ("w4", "F")],
            2022: [("w1", "C"), ("w2", "D"), ("w3", "A"), ("w4", "F")],
        },
    )
    return with_production(counting.database(stock), "Lefier", "Emmen", WORKS, (2021, 2023))


def test_only_homes_with_a_poor_label_before_the_work_count(works_db):
    facts = dashboard.facts(works_db, date(2025, 6, 1))
    d = doel(POOR + 'slechte_labels = ["E", "F", "G"]\n')
    result = {e.periode: e for e in monitor.evaluate([d], facts)}
    # 2021 has no row that links: not judged; the average starts in 2022
    assert result["2021"].status == "geen gegevens"
    # 2022: w1 (E) of the 2 linked (w1, w3); the 3 without a number said
    assert (result["2022"].waarde, result["2022"].status) == (1, "behaald")
    assert "1 van 2 gekoppelde woningen" in result["2022"].uitleg
    assert "3 geen eenheidnummer" in result["2022"].uitleg
    # 2022-2023: w1 and w4 (F); w2 had D by then: 2 against 2 x 1
    assert (result["2022-2023"].waarde, result["2022-2023"].norm) == (2, 2)
    assert result["2022-2023"].status == "behaald"


def test_without_poor_labels_every_verduurzaming_counts(works_db):
    facts = dashboard.facts(works_db, date(2025, 6, 1))
    result = {e.periode: e for e in monitor.evaluate([doel(POOR)], facts)}
    # from 2021 (a production list reports on it): 1 + 5 + 2
    assert result["2021-2023"].waarde == 8


# ---- B1a: the verkoopvijver column of a stock list -----------------------------------------


def test_a_verkoopvijver_column_is_read_from_a_stock_list():
    text = (
        "VHE;Netto huur;Label;Verkoopvijver\r\n"
        "s1;500,00;E;ja\r\ns2;510,00;D;ja\r\ns3;520,00;E;nee\r\ns4;530,00;B;\r\n"
    )
    parsed = ingest.parse(
        "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv",
        text.encode("cp1252"),
        ingest.Hints(corporatie="Lefier", gemeente="Borger-Odoorn"),
    )
    assert parsed.vhe["verkooplabel"].tolist() == [True, True, False, pd.NA] or (
        parsed.vhe["verkooplabel"].iloc[:3].tolist() == [True, True, False]
        and pd.isna(parsed.vhe["verkooplabel"].iloc[3])
    )


SPRONG = """soort = "labelsprong"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2024" = 2 }
label = "C"
"""


def marked(peildatum, rows):
    frame = vhe("Lefier", peildatum, [(v, 500, label) for v, label, _ in rows])
    frame["verkooplabel"] = pd.array([m for _, _, m in rows], dtype="boolean")
    return frame


def test_labelsprong_of_homes_with_a_verkooplabel():
    # s1 E -> C with a verkooplabel: counts; s3 E -> C without: only without the filter
    before = marked(date(2023, 12, 31), [("s1", "E", True), ("s2", "D", True),
                                          ("s3", "E", False), ("s4", "B", True)])  # fmt: skip
    after = marked(date(2024, 12, 31), [("s1", "C", True), ("s2", "D", True),
                                         ("s3", "C", False), ("s4", "B", True)])  # fmt: skip
    facts = counting.facts([before, after])
    [sale] = monitor.evaluate([doel(SPRONG + "verkooplabel = true\n")], facts)
    [every] = monitor.evaluate([doel(SPRONG)], facts)
    assert (sale.waarde, sale.status, sale.tekort) == (1, "niet behaald", 1)
    assert every.waarde == 2


def test_labelsprong_on_sales_labels_needs_the_column():
    before = vhe("Lefier", date(2023, 12, 31), [("s1", 500, "E")])
    after = vhe("Lefier", date(2024, 12, 31), [("s1", 500, "C")])
    [e] = monitor.evaluate(
        [doel(SPRONG + "verkooplabel = true\n")], counting.facts([before, after])
    )
    assert e.status == "geen gegevens" and "Verkooplabel" in e.uitleg
