"""Voorraadontwikkeling on small hand-computed cases: jaarschijven per year and cumulative, a
running year's prognose, a band, the stock waterfall, and no home counted twice when a
production list and a WOZ-bezitstabel describe the same year."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.afspraken import schema, toml_reader
from prestatie.beoordeling import monitor
from prestatie.beoordeling.selectie import Filters
from prestatie.opslag import queries, store
from prestatie.voorraad import bandbreedtes, jaarschijven, voorraadverloop
from tests import counting

HEAD = """
[document]
id = "proef"
titel = "Proef"
gemeente = "{gemeente}"
partijen = ["Lefier", "Woonservice"]
periode = [2021, 2026]
bron = "test"
themas = {{ A = "Wonen" }}

[[afspraak]]
nummer = "A1"
thema = "A"
tekst = "Afspraak"
resultaat = ""
tijd = ""
trekker = ""
jaarschijf = ""
status = "loopt"
"""


def doel(gemeente: str = "Borger-Odoorn", **kw) -> schema.Doel:
    """One [[doel]] of a tiny agreement file, read by the real loader."""
    fields = {
        "id": '"d"',
        "afspraak": '"A1"',
        "omschrijving": '"Doel"',
        "tekst": '"Doel"',
        "corporaties": '["Lefier"]',
        "per_corporatie": "true",
        "richting": '"min"',
        **kw,
    }
    body = "\n".join(f"{k} = {v}" for k, v in fields.items())
    text = f"{HEAD.format(gemeente=gemeente)}\n[[doel]]\n{body}\n"
    return toml_reader.parse_agreement(text, "proef.toml").doelen[0]


def jaarschijf(norm: str, activiteit: str = "nieuwbouw", **kw) -> schema.Doel:
    return doel(soort='"jaarschijf"', norm=norm, activiteiten=f'["{activiteit}"]', **kw)


def productie(rows: list[tuple]) -> pd.DataFrame:
    """(corporatie, gemeente, kern, soort, jaar, aantal) -> production rows in force."""
    frame = pd.DataFrame(
        rows, columns=["corporatie", "gemeente", "kern", "soort", "jaar", "aantal"]
    )
    return frame.assign(
        batch_id=1, bron_rij=range(2, len(frame) + 2), project="p", datum=None, bestand="f.csv"
    )


def dekking(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["corporatie", "gemeente", "jaar"])


def no_stock() -> pd.DataFrame:
    return pd.DataFrame(columns=["corporatie", "gemeente", "peildatum", "aantal", "jaar"])


LF, WS, BO = "Lefier", "Woonservice", "Borger-Odoorn"


# ---- the pace of a running year ---------------------------------------------------------------


def test_year_passed_counts_today_and_leap_years():
    assert jaarschijven.year_passed(date(2025, 4, 10)) == Fraction(100, 365)  # 31 + 28 + 31 + 10
    assert jaarschijven.year_passed(date(2024, 3, 1)) == Fraction(61, 366)  # 31 + 29 + 1
    assert jaarschijven.year_passed(date(2024, 12, 31)) == 1


def test_projection_to_year_end_at_the_pace_so_far():
    assert jaarschijven.projection(8, date(2025, 4, 10)) == pytest.approx(29.2)  # 8 × 365 / 100
    assert jaarschijven.projection(0, date(2025, 4, 10)) == 0
    assert jaarschijven.projection(5, date(2024, 12, 31)) == 5


def test_covered_years_need_every_corporatie():
    cov = dekking([(LF, BO, 2021), (LF, BO, 2022), (LF, BO, 2023), (WS, BO, 2022), (WS, BO, 2024)])
    assert jaarschijven.covered_years(cov, BO, (LF, WS)) == {2022}
    assert jaarschijven.covered_years(cov, BO, (LF,)) == {2021, 2022, 2023}
    assert jaarschijven.covered_years(cov, BO, (LF, "Domesta")) == set()
    assert jaarschijven.covered_years(cov, "Emmen", (LF,)) == set()


# ---- jaarschijven -----------------------------------------------------------------------------


@pytest.fixture
def nieuwbouw_facts() -> monitor.Facts:
    """Lefier, Borger-Odoorn: 4 + 5 new homes in 2023, none in 2024, 6 by 10 April 2025.

    Rows that must not count: a sale, another corporatie, another gemeente.
    """
    prod = productie(
        [
            (LF, BO, "Borger", "nieuwbouw", 2023, 4),
            (LF, BO, "Exloo", "nieuwbouw", 2023, 5),
            (LF, BO, "Exloo", "verkoop", 2024, 7),
            (WS, BO, "Exloo", "nieuwbouw", 2024, 30),
            (LF, "Emmen", "Emmen", "nieuwbouw", 2024, 11),
            (LF, BO, "Borger", "nieuwbouw", 2025, 6),
        ]
    )
    cov = dekking([(LF, BO, 2023), (LF, BO, 2024), (LF, BO, 2025), (WS, BO, 2024)])
    return monitor.Facts(no_stock(), prod, cov, date(2025, 4, 10))


def series(d: schema.Doel, facts: monitor.Facts, statuses=None) -> pd.DataFrame:
    scope = monitor.scopes(d, facts)[0]
    return jaarschijven.jaarschijf_series(d, scope, facts, statuses or {}).set_index("jaar")


def test_jaarschijf_per_year_with_a_year_without_anything_realised(nieuwbouw_facts):
    d = jaarschijf('{ "2023" = 10, "2024" = 12, "2025" = 8, "2026" = 5 }')
    rows = series(d, nieuwbouw_facts)
    assert rows["plan_laag"].tolist() == [10, 12, 8, 5]
    assert rows.loc[2023, "gerealiseerd"] == 9  # 4 + 5
    assert rows.loc[2024, "gerealiseerd"] == 0  # reported on, nothing built: 0, not missing
    assert rows.loc[2025, "gerealiseerd"] == 6
    assert math.isnan(rows.loc[2026, "gerealiseerd"])  # the future: plan only
    assert rows.loc[2026, "status"] == jaarschijven.PLAN
    assert rows["lopend"].tolist() == [False, False, True, False]
    assert rows.loc[2025, "prognose"] == pytest.approx(21.9)  # 6 × 365 / 100
    assert rows["cum_plan_laag"].tolist() == [10, 22, 30, 35]
    assert rows["cum_gerealiseerd"].tolist()[:3] == [9, 9, 15]
    assert math.isnan(rows.loc[2026, "cum_gerealiseerd"])
    assert rows.loc[2025, "cum_prognose"] == pytest.approx(30.9)  # 9 + 0 + 21,9
    assert rows["cum_prognose"].isna().tolist() == [True, True, False, True]


def test_jaarschijf_takes_the_status_of_its_year_from_the_monitor(nieuwbouw_facts):
    d = jaarschijf('{ "2023" = 10, "2024" = 12, "2025" = 8, "2026" = 5 }')
    evaluations = monitor.evaluate([d], nieuwbouw_facts)
    # 9 < 10 and 0 < 12: niet behaald; 2025: 6 by 10 April is past 8 × 99/364 = 2,2: op koers
    assert [(e.periode, e.status) for e in evaluations] == [
        ("2023", "niet behaald"),
        ("2024", "niet behaald"),
        ("2025", "op koers"),
    ]
    rows = series(d, nieuwbouw_facts, jaarschijven.status_lookup(evaluations))
    assert rows["status"].tolist() == ["niet behaald", "niet behaald", "op koers", "plan"]
    assert rows.loc[2023, "gerealiseerd"] == evaluations[0].waarde


def test_years_before_the_data_are_missing_and_the_cumulative_starts_with_the_data():
    facts = monitor.Facts(
        no_stock(),
        productie(
            [(LF, BO, "Borger", "nieuwbouw", 2022, 3), (LF, BO, "Borger", "nieuwbouw", 2024, 2)]
        ),
        dekking([(LF, BO, 2022), (LF, BO, 2024)]),  # 2023 not reported on
        date(2026, 11, 21),
    )
    rows = series(jaarschijf('{ "2021" = 2, "2022" = 2, "2023" = 2, "2024" = 2 }'), facts)
    assert rows["gerealiseerd"].isna().tolist() == [True, False, True, False]
    assert rows["status"].tolist() == ["geen gegevens"] * 4  # no evaluations given
    assert set(rows["cum_vanaf"]) == {2022}
    assert rows["cum_plan_laag"].isna().tolist() == [True, False, False, False]
    assert rows.loc[2022, "cum_plan_laag"] == 2 and rows.loc[2024, "cum_plan_laag"] == 6
    # the cumulative stops at the first year without data
    assert rows.loc[2022, "cum_gerealiseerd"] == 3
    assert rows.loc[[2023, 2024], "cum_gerealiseerd"].isna().all()


def test_a_target_range_per_year_stays_a_range():
    facts = monitor.Facts(
        no_stock(),
        productie([(LF, BO, None, "verkoop", y, n) for y, n in ((2022, 7), (2023, 3), (2024, 2))]),
        dekking([(LF, BO, y) for y in (2022, 2023, 2024)]),
        date(2026, 11, 21),
    )
    d = jaarschijf(
        '{ "2022" = [6, 8], "2023" = [6, 8], "2024" = [6, 8] }', "verkoop", richting='"band"'
    )
    rows = series(d, facts)
    assert rows[["plan_laag", "plan_hoog"]].values.tolist() == [[6, 8]] * 3
    assert rows["gerealiseerd"].tolist() == [7, 3, 2]
    assert rows[["cum_plan_laag", "cum_plan_hoog"]].values.tolist() == [[6, 8], [12, 16], [18, 24]]
    assert rows["cum_gerealiseerd"].tolist() == [7, 10, 12]
    statuses = [e.status for e in monitor.evaluate([d], facts)]
    assert statuses == ["behaald", "niet behaald", "niet behaald"]  # 7 in 6-8; 3 and 2 not


def test_a_norm_over_several_years_has_no_plan_per_year_and_a_straight_cumulative_path():
    d = jaarschijf('{ "2021-2024" = 22 }', "sloop", kern='"Nieuw-Buinen"')
    facts = monitor.Facts(
        no_stock(),
        productie(
            [
                (LF, BO, "Nieuw-Buinen", "sloop", 2021, 12),
                (LF, BO, "Nieuw-Buinen", "sloop", 2022, 10),
                (LF, BO, "Borger", "sloop", 2022, 5),  # another kern
            ]
        ),
        dekking([(LF, BO, y) for y in range(2021, 2026)]),
        date(2026, 11, 21),
    )
    rows = series(d, facts)
    assert rows["plan_laag"].isna().all()
    assert rows["periode"].tolist() == ["2021-2024"] * 4
    assert rows["cum_plan_laag"].tolist() == [5.5, 11, 16.5, 22]  # 22 × 1/4, 2/4, 3/4, 4/4
    assert rows["gerealiseerd"].tolist() == [12, 10, 0, 0]
    assert rows["cum_gerealiseerd"].tolist() == [12, 22, 22, 22]
    # from a later start: 3 of 4 years
    assert jaarschijven.cumulative_plan(d, 2022, 2024) == (16.5, 16.5)


def test_groups_follow_the_selection(nieuwbouw_facts):
    lf = jaarschijf('{ "2023" = 10 }', id='"lf"')
    ws = jaarschijf('{ "2024" = 20 }', id='"ws"', corporaties='["Woonservice"]')
    both = [lf, ws]
    groepen = jaarschijven.groepen(both, nieuwbouw_facts, [])
    assert [g.label for g in groepen] == ["Lefier · Borger-Odoorn", "Woonservice · Borger-Odoorn"]
    assert groepen[1].rijen["gerealiseerd"].tolist() == [30]
    assert groepen[1].projecten["aantal"].tolist() == [30]
    assert groepen[0].projecten["aantal"].tolist() == [4, 5]  # 2023 only, not 2025's 6
    only_ws = jaarschijven.groepen(both, nieuwbouw_facts, [], Filters(corporatie=WS))
    assert [g.label for g in only_ws] == ["Woonservice · Borger-Odoorn"]
    assert jaarschijven.groepen(both, nieuwbouw_facts, [], Filters(gemeente="Emmen")) == []
    assert [
        g.label for g in jaarschijven.groepen(both, nieuwbouw_facts, [], Filters(jaar=2024))
    ] == ["Woonservice · Borger-Odoorn"]


# ---- the waterfall ----------------------------------------------------------------------------


@pytest.fixture
def stock_facts() -> monitor.Facts:
    """Lefier: 100 homes end 2022, 103 counted on 1 January 2024 (reports on 2023).
    2023: + 8 − 3 − 1 = 104, so one home is not explained; 2024 runs: + 2.
    Woonservice: 50 and 50, 2023 only: + 1 − 1."""
    vhe = pd.DataFrame(
        [
            (LF, BO, date(2022, 12, 31), 60.0),
            (LF, BO, date(2022, 12, 31), 40.0),  # a bezitstabel row may weigh more than 1
            (LF, BO, date(2023, 6, 30), 999.0),  # an earlier peildatum of 2023: not the last
            (LF, BO, date(2024, 1, 1), 103.0),
            (WS, BO, date(2022, 12, 31), 50.0),
            (WS, BO, date(2023, 12, 31), 50.0),
        ],
        columns=["corporatie", "gemeente", "peildatum", "aantal"],
    )
    prod = productie(
        [
            (LF, BO, None, "nieuwbouw", 2023, 8),
            (LF, BO, None, "sloop", 2023, 3),
            (LF, BO, None, "verkoop", 2023, 1),
            (LF, BO, None, "verduurzaming", 2023, 40),  # does not change the stock
            (LF, BO, None, "nieuwbouw", 2024, 2),
            (WS, BO, None, "nieuwbouw", 2023, 1),
            (WS, BO, None, "sloop", 2023, 1),
        ]
    )
    cov = dekking([(LF, BO, 2022), (LF, BO, 2023), (LF, BO, 2024), (WS, BO, 2023)])
    return counting.facts(vhe, prod, cov, date(2024, 6, 1))


def test_waterfall_adds_production_to_the_stock_and_keeps_a_difference(stock_facts):
    rows = voorraadverloop.waterfall(stock_facts).set_index(["corporatie", "jaar"])
    lf23 = rows.loc[(LF, 2023)]
    assert (lf23.begin, lf23.nieuwbouw, lf23.sloop, lf23.verkoop) == (100, 8, 3, 1)
    assert (lf23.berekend, lf23.eind, lf23.verschil) == (104, 103, -1)
    lf24 = rows.loc[(LF, 2024)]
    assert (lf24.begin, lf24.nieuwbouw, lf24.berekend, lf24.lopend) == (103, 2, 105, True)
    assert math.isnan(lf24.eind) and math.isnan(lf24.verschil)  # no peildatum yet
    assert (LF, 2022) not in rows.index  # no stock at the end of 2021
    ws23 = rows.loc[(WS, 2023)]
    assert (ws23.begin, ws23.berekend, ws23.eind, ws23.verschil) == (50, 50, 50, 0)


def test_a_difference_is_said_in_words(stock_facts):
    assert voorraadverloop.mismatches(voorraadverloop.waterfall(stock_facts)) == [
        "Lefier, Borger-Odoorn, 2023: op de peildatum 01-01-2024 zijn 103 woningen geteld; "
        "begin 100 + nieuwbouw 8 − sloop 3 − verkoop 1 = 104: verschil −1."
    ]


def test_gemeente_totals_only_for_years_every_corporatie_has(stock_facts):
    totals = voorraadverloop.gemeente_totals(voorraadverloop.waterfall(stock_facts))
    assert totals["corporatie"].tolist() == ["Lefier + Woonservice"]
    row = totals.iloc[0]
    assert (row.jaar, row.begin, row.nieuwbouw, row.sloop, row.verkoop) == (2023, 150, 9, 4, 1)
    assert (row.berekend, row.eind, row.verschil) == (154, 153, -1)


def test_waterfall_choices_follow_the_selection(stock_facts):
    both = voorraadverloop.waterfalls(stock_facts)
    assert voorraadverloop.waterfall_choices(both) == [
        "Lefier + Woonservice · Borger-Odoorn",
        "Lefier · Borger-Odoorn",
        "Woonservice · Borger-Odoorn",
    ]
    assert voorraadverloop.waterfall_choices(both, Filters(corporatie=WS)) == [
        "Woonservice · Borger-Odoorn"
    ]
    assert voorraadverloop.waterfall_choices(both, Filters(gemeente="Emmen")) == []
    table = voorraadverloop.waterfall_table(
        voorraadverloop.waterfall_of(both, "Lefier · Borger-Odoorn")
    )
    assert table["Eind geteld"].tolist() == [103, pd.NA]
    assert table["Verschil"].tolist() == [-1, pd.NA]
    assert table["Peildatum"].tolist() == ["01-01-2024", "–"]


# ---- bandwidths -------------------------------------------------------------------------------


def stock_rows(spec: list[tuple[str, int, int, int]]) -> pd.DataFrame:
    """(corporatie, year, levensloopgeschikt EGW, other EGW) -> one row per home at 31-12."""
    rows = []
    for corp, year, levensloop, eengezins in spec:
        rows += [(corp, "Emmen", date(year, 12, 31), "EGW", True, 1.0)] * levensloop
        rows += [(corp, "Emmen", date(year, 12, 31), "EGW", False, 1.0)] * eengezins
    columns = ["corporatie", "gemeente", "peildatum", "woningtype", "levensloopgeschikt", "aantal"]
    return pd.DataFrame(rows, columns=columns).assign(kern=None)


@pytest.fixture
def band_facts() -> monitor.Facts:
    """Emmen: levensloopgeschikt 3 + 1 = 4 (2021), 5 + 2 = 7 (2022); 2023 only Lefier."""
    vhe = stock_rows([(LF, 2021, 3, 10), (WS, 2021, 1, 4), (LF, 2022, 5, 7), (WS, 2022, 2, 4)])
    vhe = pd.concat([vhe, stock_rows([(LF, 2023, 9, 0)])], ignore_index=True)
    empty = productie([])
    return counting.facts(vhe, empty, dekking([]), date(2026, 11, 21))


def bandbreedte(norm: str, maat: str, richting: str = "band", **kw) -> schema.Doel:
    return doel(
        "Emmen",
        soort='"bandbreedte"',
        corporaties="[]",
        per_corporatie="false",
        richting=f'"{richting}"',
        norm=norm,
        maat=f'"{maat}"',
        **kw,
    )


def test_band_path_measures_from_the_first_year_every_corporatie_reported(band_facts):
    d = bandbreedte('{ "2021" = [1, 2], "2026" = [10, 20] }', "levensloopgeschikt")
    pad = bandbreedtes.band_path(d, monitor.scopes(d, band_facts)[0], band_facts)
    assert (pad.corporatie, pad.basis, pad.indicatief) == ("alle corporaties", 2021, False)
    assert pad.pad.values.tolist() == [[2021, 4, 0], [2022, 7, 3]]  # 2023: Woonservice missing
    assert pad.normen.values.tolist() == [[2026, 10, 20]]  # 2021 is the base itself
    eengezins = bandbreedte('{ "2026" = [-30, -1] }', "eengezins")
    pad = bandbreedtes.band_path(eengezins, monitor.scopes(eengezins, band_facts)[0], band_facts)
    assert pad.pad["verandering"].tolist() == [0, -3]  # 14 -> 11


def test_band_without_its_base_year_is_compared_per_year_from_the_first_data(band_facts):
    norm = '{ "2019" = [15, 35], "2020" = [30, 70], "2021" = [45, 105], "2022" = [60, 140] }'
    d = bandbreedte(norm, "levensloopgeschikt", basisjaar="2018")
    pad = bandbreedtes.band_path(d, monitor.scopes(d, band_facts)[0], band_facts)
    assert (pad.basis, pad.indicatief) == (2021, True)
    assert pad.normen.values.tolist() == [[2022, 15, 35]]  # 60 − 45 and 140 − 105


def test_a_maximum_has_only_an_upper_edge(band_facts):
    d = bandbreedte('{ "2024" = 0 }', "vhe", richting="max")
    pad = bandbreedtes.band_path(d, monitor.scopes(d, band_facts)[0], band_facts)
    row = pad.normen.iloc[0]
    assert row.jaar == 2024 and math.isnan(row.laag) and row.hoog == 0


# ---- a production list and a WOZ-bezitstabel for the same year ------------------------------

WOZ_HEADERS = (
    "Onderdeel;Eenheidscode;Bag-postcode NL;Bag-huisnummer NL;Bag-huisletter NL;"
    "Bag-huisnummertoevoeging;Bag-verblijfsobject-id;Corporatie-adrestoevoeging;"
    "Aantal primo verslagjaar;Aantal ultimo verslagjaar;Tak primo verslagjaar;"
    "Tak ultimo verslagjaar;Eenheidssoort;Soort woonruimte;Is de woonruimte zelfstandig?;"
    "Lift aanwezig?;Mutatie verslagjaar;Nettohuur per maand ultimo verslagjaar;"
    "Aantal WWS punten ultimo verslagjaar;Energielabel;Bouwjaar;Renovatiejaar;m2;"
    "WOZ-waarde verslagjaar;Marktwaarde ultimo verslagjaar;Onderpand WSW inzet verslagjaar;"
    "Naam zekerheidsnemer;Type zekerheid;Eigendomspercentage"
)


def woz_row(i: int, primo: int, ultimo: int, mutatie: str) -> str:
    return (
        f"2.1A;LF{i};7881AB;{i};;;168101000000{i:04d};;{primo};{ultimo};DAEB TI;DAEB TI;"
        f"Woonruimte;EGW;Ja;Nee;{mutatie};650,00;140;B;1980;;80,00;150000;90000;Ja;WSW;"
        "Hypotheek;1"
    )


def test_production_list_and_bezitstabel_of_one_year_do_not_add_up_twice(tmp_path: Path):
    assert len(WOZ_HEADERS.split(";")) == 29
    lijst = tmp_path / "Productie Lefier Borger-Odoorn 2024.csv"
    lijst.write_text(
        "Projectnaam;Woonplaats;Type activiteit;Aantal;Datum gereed\n"
        "Nieuwbouw Borger 2024;Borger;nieuwbouw;3;01-05-2024\n"
        "Verkoop Exloo 2024;Exloo;verkoop;1;01-09-2024\n",
        encoding="utf-8",
    )
    tabel = tmp_path / "Lefier WOZ-bezitstabel 2024 Borger-Odoorn.csv"
    rows = [woz_row(i, 1, 1, "Geen mutatie") for i in range(1, 5)]
    rows += [
        woz_row(5, 0, 1, "Nieuwbouw"),
        woz_row(6, 1, 0, "Verkoop aan overigen"),
        woz_row(7, 1, 0, "Sloop"),
    ]
    tabel.write_text("\n".join([WOZ_HEADERS, *rows]) + "\n", encoding="utf-8")

    con = store.connect(":memory:")
    imported = {p.kind: p for p, _ in store.import_paths(con, [lijst, tabel])}
    # the bezitstabel's mutations were read (1 nieuwbouw, 1 verkoop, 1 sloop) ...
    assert sorted(imported["woz"].productie["soort"]) == ["nieuwbouw", "sloop", "verkoop"]
    # ... but for 2024 the production list counts, and only it
    rows = queries.productie_rows(con)
    assert set(rows["bestand"]) == {lijst.name}
    facts = dashboard.stock_flow_facts(con, date(2025, 6, 1))
    moved = voorraadverloop.mutations(facts.productie).set_index(["corporatie", "gemeente", "jaar"])
    assert moved.loc[(LF, BO, 2024)].tolist() == [3, 0, 1]  # nieuwbouw, sloop, verkoop
    # the stock at the end of 2024 comes from the bezitstabel: 4 kept + 1 new
    assert voorraadverloop.stock_counts(facts.vhe)["vhe"].tolist() == [5]
    con.close()
    # on its own, the bezitstabel's mutations do count: 1 nieuwbouw, 1 sloop, 1 verkoop
    alone = store.connect(":memory:")
    store.import_paths(alone, [tabel])
    moved = voorraadverloop.mutations(queries.productie_rows(alone)).set_index(
        ["corporatie", "gemeente", "jaar"]
    )
    assert moved.loc[(LF, BO, 2024)].tolist() == [1, 1, 1]
    alone.close()


def test_a_small_jaarschijf_axis_steps_by_whole_homes(nieuwbouw_facts):
    from prestatie.voorraad import jaarschijven_chart

    d = jaarschijf('{ "2023" = 1, "2024" = 1 }')
    rows = series(d, nieuwbouw_facts).reset_index()
    rows["doel"], rows["omschrijving"], rows["cum_vanaf"] = d.id, d.omschrijving, 2023
    rows = rows[rows["jaar"] == 2024].assign(gerealiseerd=0.0, cum_gerealiseerd=0.0)
    rows["plan_hoog"], rows["cum_plan_hoog"] = 1.0, 1.0
    fig = jaarschijven_chart.jaarschijven(rows, "Nieuwbouw")
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == ",d"
