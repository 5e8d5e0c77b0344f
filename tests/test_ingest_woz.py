"""The import of the dVi WOZ-bezitstabel (CSV and xlsx): stock and production per gemeente from
the BAG id, the gemeente to choose when a row has none, the verslagjaar, and the counts in the
database. The expected figures are counted by hand (tests/data/README.md)."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import queries, store
from tests.ingest_helpers import DATA, EMMEN, WOZ_CSV, WOZ_XLSX, parse, problem_texts

# --- the WOZ-bezitstabel ------------------------------------------------------------------------


@pytest.mark.parametrize("name", [WOZ_CSV, WOZ_XLSX])
def test_woz_bezitstabel(name):
    parsed = parse(name, EMMEN)
    assert parsed.kind == "woz"
    assert parsed.meta.corporatie == "Lefier"
    assert parsed.meta.jaar == 2023
    vhe = parsed.vhe
    assert len(vhe) == 8
    assert vhe["aantal"].sum() == 9
    assert set(vhe["peildatum"].dt.date) == {date(2023, 12, 31)}
    assert vhe.groupby("gemeente")["aantal"].sum().to_dict() == {
        "Borger-Odoorn": 1,
        "Emmen": 7,
        "Groningen": 1,
    }
    assert vhe.set_index("vhe_id").loc["LF1004", "aantal"] == 2
    assert sorted(vhe["vhe_id"]) == [f"LF10{n:02d}" for n in (1, 2, 3, 4, 5, 6, 12, 13)]
    prod = parsed.productie
    assert sorted(zip(prod["soort"], prod["gemeente"], prod["aantal"], strict=True)) == [
        ("nieuwbouw", "Emmen", 1),
        ("sloop", "Borger-Odoorn", 1),
        ("verkoop", "Emmen", 1),
        ("verkoop", "Emmen", 1),
    ]
    assert set(prod["jaar"]) == {2023}
    assert parsed.rows == 12
    assert parsed.huur_kolom == "R (Nettohuur per maand ultimo verslagjaar)"
    text = problem_texts(parsed.warnings)
    assert len(parsed.warnings) == 4
    assert "rij 6, kolom G (Bag-verblijfsobject-id): geen BAG verblijfsobject-id; gemeente " in text
    assert "Emmen aangenomen" in text
    assert "rij 4, kolom R (Nettohuur per maand ultimo verslagjaar): huur is 0" in text
    assert "rij 15, kolom T (Energielabel): onbekend energielabel" in text
    notes = " ".join(parsed.notes)
    assert "samen 9 vhe in Borger-Odoorn, Emmen, Groningen" in notes
    assert "nieuwbouw 1, sloop 1, verkoop 2" in notes
    assert "buiten Drenthe" not in notes  # row 14 lies in Groningen and is read
    assert "4 rijen zonder betekenis voor de monitor" in notes


@pytest.mark.parametrize("name", [WOZ_CSV, WOZ_XLSX])
def test_woz_without_bag_id_needs_a_gemeente(name):
    with pytest.raises(ImportRefused) as refused:
        parse(name)
    [problem] = refused.value.problems
    assert problem.row == 6
    assert problem.column == "G (Bag-verblijfsobject-id)"
    assert "geen bruikbaar BAG verblijfsobject-id, dus geen gemeente; kies de gemeente" in str(
        problem
    )


def test_woz_verslagjaar_from_the_peildatum_when_the_name_has_none():
    data = (DATA / WOZ_CSV).read_bytes()
    with pytest.raises(ImportRefused, match="geen verslagjaar"):
        ingest.parse("Lefier bezitstabel.csv", data, EMMEN)
    parsed = ingest.parse(
        "Lefier bezitstabel.csv", data, ingest.Hints(gemeente="Emmen", peildatum=date(2022, 12, 31))
    )
    assert set(parsed.vhe["peildatum"].dt.year) == {2022}
    assert set(parsed.productie["jaar"]) == {2022}


# --- in the database ----------------------------------------------------------------------------


def test_woz_stock_counts_in_the_database(con):
    [(parsed, _)] = store.import_paths(con, [DATA / WOZ_CSV], EMMEN)
    rows = queries.vhe_rows(con)
    assert rows["aantal"].sum() == parsed.vhe["aantal"].sum() == 9
    assert rows.groupby("gemeente")["aantal"].sum().to_dict() == {
        "Borger-Odoorn": 1,
        "Emmen": 7,
        "Groningen": 1,
    }
    assert queries.productie_rows(con)["aantal"].sum() == 4
    batch = queries.batches(con).iloc[0]
    assert (batch["soort"], batch["jaar_van"], batch["jaar_tot"]) == ("woz", 2023, 2023)
