"""The distribution of rents against the limits: bands, the cumulative share, the limit lines
with the share up to each, the shares per limit and the limit amounts in both readings.

Every expected figure below is worked out by hand in the comment beside it. The limits used
(prestatie/referentie/data/huurgrenzen.csv): 1e aftoppingsgrens 2024 € 650,43; 2e aftoppingsgrens
2024 € 697,07; kwaliteitskortingsgrens 2024 € 454,47; DAEB-huurgrens 2024 € 879,66;
liberalisatiegrens 2023 € 808,06.
"""

from __future__ import annotations

from datetime import date

from prestatie.betaalbaarheid import huurverdeling
from tests.betaalbaarheid_helpers import bins, counted, doel, stock

# ---- the distribution and its limits ----------------------------------------------------------


def test_histogram_bands_in_whole_cents_weighted():
    bands = huurverdeling.histogram(
        bins([699.99, 700.00, 724.99, 725.00, None], [1, 1, 2, 1, 1]), 25
    )
    # [675,700): 699,99 -> 1; [700,725): 700,00 + 724,99 (x2) -> 3; [725,750): 725,00 -> 1
    assert bands.values.tolist() == [[675, 700, 1.0], [700, 725, 3.0], [725, 750, 1.0]]


def test_cumulative_share_keeps_missing_rents_in_the_total():
    curve = huurverdeling.cumulative(bins([500.0, 600.0, 600.0, None]))
    assert curve.values.tolist() == [[500.0, 0.25], [600.0, 0.75]]  # 1/4, 3/4


def test_limit_lines_of_a_1_january_peildatum_with_the_share_up_to_each():
    huur = bins([454.47, 650.44, 697.07, 900.00])
    lines = huurverdeling.grenslijnen(huur, date(2024, 1, 1))
    assert [(x.naam, str(x.bedrag)) for x in lines] == [
        ("kwaliteitskortingsgrens", "454.47"),
        ("1e aftoppingsgrens", "650.43"),
        ("2e aftoppingsgrens", "697.07"),
        ("DAEB-huurgrens", "879.66"),
    ]
    # t/m: 454,47 -> 1/4; 650,43 -> still 1/4 (650,44 is above); 697,07 -> 3/4; 879,66 -> 3/4
    assert [x.aandeel for x in lines] == [0.25, 0.25, 0.75, 0.75]
    assert lines[2].tekst == "2e aftoppingsgrens<br>€ 697,07 · 75,0% t/m"
    before = huurverdeling.grenslijnen(huur, date(2023, 12, 31))
    assert (before[-1].naam, str(before[-1].bedrag)) == ("liberalisatiegrens", "808.06")


def test_document_amounts_join_the_lines_in_the_fixed_reading():
    amounts = huurverdeling.document_amounts([doel()])
    assert amounts == (("A1: 2e aftoppingsgrens (prijspeil 2022)", 678.66),)
    lines = huurverdeling.grenslijnen(bins([678.66, 700.0]), date(2024, 12, 31), amounts)
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
    long = huurverdeling.shares_per_limit(counted(rows, doel()), date(2024, 12, 31))
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
    table = huurverdeling.shares_per_limit_table(long)
    assert table.loc[1, "t/m 1e aftoppingsgrens (€ 650,43)"] == "50,0% (1)"
    assert table.loc[1, "Zonder huur"] == "1"


def test_limit_amounts_show_both_readings_and_the_official_prijspeil_amount():
    emmen = doel(grens="eerste_aftoppingsgrens", inclusief=True, bedrag=596.0, prijspeil=2018)
    table = huurverdeling.limit_amounts([doel(), emmen], date(2024, 12, 31))
    assert table["Geïndexeerd: grens 2024"].tolist() == ["€ 697,07", "€ 650,43"]
    assert table["Vast: bedrag in het document"].tolist() == [
        "€ 678,66 (prijspeil 2022)",
        "€ 596,00 (prijspeil 2018)",
    ]
    assert table["Officiële grens in het prijspeiljaar"].tolist() == ["€ 678,66", "€ 597,30"]
