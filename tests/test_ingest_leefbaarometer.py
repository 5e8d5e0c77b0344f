"""The import of Leefbaarometer downloads (scores per wijk or buurt): the long layout as
published, a wide one with a column per year, the refused file; stored per area × jaar with
replace and undo. The expected figures are counted by hand (tests/data/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from prestatie.inlezen import column_names, ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import queries, store
from prestatie.referentie import leefbaarheid
from tests.ingest_helpers import DATA, LBM_BUURTEN, LBM_FOUT, LBM_WIJKEN, parse, problem_texts


def test_long_layout_as_published_per_wijk():
    parsed = parse(LBM_WIJKEN)
    table = parsed.leefbaarheid
    assert parsed.kind == column_names.LEEFBAARHEID
    assert parsed.vhe is None and parsed.productie is None and parsed.verhuring is None
    assert table["bron_rij"].tolist() == list(range(2, 14))
    assert parsed.skipped == [
        (14, "score van de hele gemeente, geen wijk of buurt"),
        (15, "geen score en geen klasse (de Leefbaarometer geeft die niet voor gebieden met "
             "weinig woningen)"),
    ]  # fmt: skip
    assert set(table["gemeente"]) == {"Emmen"} and set(table["niveau"]) == {"wijk"}
    assert table["code"].tolist()[::3] == ["WK011401", "WK011402", "WK011403", "WK011404"]
    assert table["naam"].tolist()[::3] == ["Emmen-Centrum", "Emmerhout", "Angelslo", "Klazienaveen"]
    assert table["jaar"].tolist()[:3] == [2018, 2020, 2022]
    assert table["klasse"].tolist() == [5, 5, 6, 4, 3, 3, 6, 6, 5, 7, 7, 7]
    assert table["score"].tolist()[3:6] == [3.95, 3.88, 3.86]  # decimal commas
    assert parsed.warnings == []
    batch = parsed.batch()
    assert (batch.soort, batch.corporatie, batch.gemeente) == ("leefbaarheid", None, "Emmen")
    assert (batch.jaar_van, batch.jaar_tot, batch.rijen) == (2018, 2022, 12)


def test_wide_layout_a_column_per_year_with_classes_as_names_and_numbers():
    parsed = parse(LBM_BUURTEN)
    table = parsed.leefbaarheid.sort_values(["code", "jaar"])
    assert parsed.kind == column_names.LEEFBAARHEID
    assert parsed.layout.header_index + 1 == 2
    assert parsed.skipped == [(7, "totaalregel, geen wijk of buurt")]
    assert len(table) == 7  # row 6 has no measurement in 2020
    assert list(zip(table["code"], table["jaar"], table["klasse"], strict=True)) == [
        ("BU01140101", 2020, 5),
        ("BU01140101", 2022, 6),
        ("BU01140102", 2020, 5),  # written 'bu0114 0102'
        ("BU01140102", 2022, 4),
        ("BU01140201", 2020, 2),
        ("BU01140201", 2022, 3),
        ("BU01140202", 2022, 4),
    ]
    assert set(table["niveau"]) == {"buurt"}
    assert table.set_index("code")["wijk_code"].to_dict() == {
        "BU01140101": "WK011401",
        "BU01140102": "WK011401",
        "BU01140201": "WK011402",
        "BU01140202": "WK011402",
    }
    assert table["score"].isna().all()
    assert set(table["bron_kolom"]) == {"C (2020)", "D (2022)"}


def test_bad_codes_classes_scores_and_years_are_refused_with_row_column_and_value():
    with pytest.raises(ImportRefused) as refused:
        parse(LBM_FOUT)
    text = problem_texts(refused.value.problems)
    assert (
        "bestand Leefbaarometer fout.csv, rij 3, kolom A (wk_code): geen wijk- of buurtcode" in text
    )
    assert "(waarde: 0114-01)" in text
    assert "rij 4, kolom A (wk_code): de gemeentecode in deze CBS-code" in text
    assert "(waarde: WK999901)" in text
    assert "rij 5, kolom E (kscore): onleesbare klasse" in text and "(waarde: 12)" in text
    assert "rij 6, kolom D (lbm): onleesbare score" in text and "(waarde: hoog)" in text
    assert "rij 7, kolom C (jaar): onleesbaar jaar (waarde: twintig)" in text
    assert len(refused.value.problems) == 5


def test_the_same_area_and_year_twice_is_refused():
    data = b"bu_code,jaar,kscore\nBU01140101,2022,5\nBU01140101,2022,6\n"
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("dubbel.csv", data)
    assert (
        "rij 3, kolom A (bu_code): BU01140101 staat voor 2022 twee keer in het bestand "
        "(ook in rij 2)" in str(refused.value)
    )


def test_classes_read_as_the_leefbaarometer_names_them():
    assert leefbaarheid.KLASSEN[1] == "zeer onvoldoende" and leefbaarheid.KLASSEN[9] == "uitstekend"
    assert leefbaarheid.ONVOLDOENDE == (1, 2, 3)
    assert leefbaarheid.MINIMUM == 4  # zwak is not onvoldoende
    assert [leefbaarheid.klasse(v) for v in (3, 3.0, "3", "Ruim voldoende", "7 goed")] == [
        3,
        3,
        3,
        6,
        7,
    ]
    assert [leefbaarheid.klasse(v) for v in (0, 10, 2.5, "hoog", "5 goed", True)] == [None] * 6


def test_a_stock_list_with_a_wijk_column_stays_a_stock_list():
    data = b"Eenheidnummer;Wijkcode;Kale huur;Energielabel\n1;WK011401;600;B\n"
    assert ingest.parse("Lefier voorraad Emmen 31-12-2023.csv", data).kind == "voorraad"


def _import(con, name: str) -> store.WriteResult:
    [(_, result)] = store.import_paths(con, [DATA / name])
    return result


def test_stored_per_area_and_year_a_newer_file_counts_undo_brings_the_older_back():
    con = store.connect(":memory:")
    first = _import(con, LBM_WIJKEN)
    rows = queries.leefbaarheid_rows(con, "Emmen")
    assert len(rows) == 12 and set(rows["bestand"]) == {LBM_WIJKEN}
    assert rows.loc[rows["code"] == "WK011402", "klasse"].tolist() == [4, 3, 3]
    # a correction of one wijk in 2022 only: that area and year from the new file, the rest stays
    fix = b"wk_code;jaar;kscore\nWK011402;2022;4\n"
    parsed = ingest.parse("correctie.csv", fix)
    [newer] = store.save(con, [parsed])
    assert newer.vervangen == ()  # other years: the first file stays in force for the rest
    rows = queries.leefbaarheid_rows(con, "Emmen")
    assert len(rows) == 12
    assert rows.loc[rows["code"] == "WK011402", "klasse"].tolist() == [4, 3, 4]
    assert rows.loc[(rows["code"] == "WK011402") & (rows["jaar"] == 2022), "bestand"].item() == (
        "correctie.csv"
    )
    store.undo_batch(con, newer.batch_id)
    rows = queries.leefbaarheid_rows(con, "Emmen")
    assert rows.loc[rows["code"] == "WK011402", "klasse"].tolist() == [4, 3, 3]
    # the same file again changes nothing; undone, nothing is left
    assert _import(con, LBM_WIJKEN).nieuw is False
    store.undo_batch(con, first.batch_id)
    assert queries.leefbaarheid_rows(con).empty


def test_the_same_years_again_replace_the_older_import():
    con = store.connect(":memory:")
    first = _import(con, LBM_WIJKEN)
    changed = (DATA / LBM_WIJKEN).read_bytes().replace(b";3,86;", b";3,90;")
    [second] = store.save(con, [ingest.parse(LBM_WIJKEN, changed)])
    assert second.vervangen == (first.batch_id,)
    rows = queries.leefbaarheid_rows(con, "Emmen")
    assert len(rows) == 12 and set(rows["batch_id"]) == {second.batch_id}
    batches = queries.batches(con).set_index("id")
    assert batches.loc[first.batch_id, "stand"] == f"vervangen door import {second.batch_id}"


def test_a_refused_file_writes_nothing():
    con = store.connect(":memory:")
    with pytest.raises(ImportRefused):
        store.import_paths(con, [DATA / LBM_WIJKEN, DATA / LBM_FOUT])
    assert queries.leefbaarheid_rows(con).empty
    assert queries.batches(con).empty
    assert isinstance(queries.leefbaarheid_rows(con), pd.DataFrame)
