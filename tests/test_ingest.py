"""The import of the files in tests/data as a whole: every row of every accepted file imported
once or left out, one transaction for all files, the same file twice, a newer file replacing
an older one and undo, and the policy of errors and warnings. The expected figures are counted
by hand (tests/data/README.md)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from prestatie.inlezen.errors import FOUT, WAARSCHUWING, ImportRefused
from prestatie.opslag import queries, store
from tests.ingest_helpers import (
    DATA,
    DOMESTA,
    DOMESTA_V2,
    LEFIER,
    PRODUCTIE,
    REALISATIE,
    VERHUUR_DOMESTA,
    VERHUUR_DOMESTA_V2,
    VERHUUR_LEFIER,
    VERHUUR_WOONSERVICE,
    WOONSERVICE,
    parse,
)


def counts(con) -> tuple[int, int, int, int]:
    """(vhe rows, production rows, lettings, batches): to show that a refusal changed nothing."""
    return tuple(
        con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("vhe", "productie", "verhuring", "batch")
    )


def rows_under_header(name: str, header_row: int) -> int:
    """The rows below the header as the file holds them, read without the importer."""
    path = DATA / name
    if path.suffix == ".xlsx":
        sheet = load_workbook(path, read_only=True).worksheets[0]
        return sheet.max_row - header_row
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    return len(list(csv.reader(text.splitlines(), delimiter=delimiter))) - header_row


# --- every accepted file: rows imported + left out = rows in the file -------------------------

# (file, hints, header row, imported rows, skipped rows, blank rows, warnings)
ACCEPTED = [
    (DOMESTA, None, 4, 16, [23, 24], 2, 6),
    (DOMESTA_V2, None, 4, 15, [22, 23], 2, 6),
    (LEFIER, None, 4, 5, [10], 0, 2),
    (WOONSERVICE, None, 1, 4, [], 0, 1),
    (PRODUCTIE, None, 3, 6, [10], 0, 0),
    (REALISATIE, None, 1, 3, [], 0, 0),
    (VERHUUR_DOMESTA, None, 4, 12, [19], 2, 6),
    (VERHUUR_DOMESTA_V2, None, 4, 11, [18], 2, 5),
    (VERHUUR_LEFIER, None, 4, 8, [13], 0, 1),
    (VERHUUR_WOONSERVICE, None, 1, 5, [], 0, 2),
    # the same as saved by LibreOffice Calc (tests/test_ingest_libreoffice.py for xls and ods)
    ("Domesta_woningbezit_Emmen_31-12-2023 (LibreOffice).xlsx", None, 4, 16, [23, 24], 2, 6),
    ("Productie Domesta Emmen 2021-2023 (LibreOffice).xlsx", None, 3, 6, [10], 0, 0),
    ("Domesta verhuringen Emmen 2023 (LibreOffice).xlsx", None, 4, 12, [19], 2, 6),
]


@pytest.mark.parametrize(
    ("name", "hints", "header", "imported", "skipped", "blank", "warnings"), ACCEPTED
)
def test_no_row_lost_or_counted_twice(con, name, hints, header, imported, skipped, blank, warnings):
    parsed = parse(name, hints)
    assert parsed.rows == imported
    assert [row for row, _ in parsed.skipped] == skipped
    assert parsed.blank_rows == blank
    assert len(parsed.warnings) == warnings
    assert all(w.severity == WAARSCHUWING for w in parsed.warnings)
    in_file = rows_under_header(name, header)
    assert parsed.rows == in_file - len(parsed.skipped) - parsed.blank_rows
    # the source rows are each imported once, and none of them is a skipped row
    [table] = [t for t in parsed.tables if t is not None]
    assert table["bron_rij"].is_unique
    assert not set(table["bron_rij"]) & {row for row, _ in parsed.skipped}

    store.save(con, [parsed])
    if parsed.vhe is not None:
        assert queries.vhe_rows(con)["aantal"].sum() == imported
    elif parsed.verhuring is not None:
        assert queries.verhuring_rows(con)["aantal"].sum() == imported
    else:
        assert len(queries.productie_rows(con)) == imported


# --- the database: one transaction, same file twice, replace, undo -----------------------------


def test_import_paths_writes_every_file(con):
    results = store.import_paths(con, [DATA / DOMESTA, DATA / LEFIER, DATA / PRODUCTIE])
    assert [r.nieuw for _, r in results] == [True, True, True]
    assert counts(con) == (16 + 5, 6, 0, 3)
    batch = queries.batches(con).set_index("bestand").loc[DOMESTA]
    assert (batch["rijen"], batch["waarschuwingen"]) == (16, 6)
    assert batch["peildatum"].date() == date(2023, 12, 31)


def test_same_file_again_changes_nothing(con):
    store.import_paths(con, [DATA / DOMESTA])
    before = counts(con)
    [(_, result)] = store.import_paths(con, [DATA / DOMESTA])
    assert not result.nieuw
    assert counts(con) == before


def test_newer_file_replaces_and_undo_restores(con):
    [(_, first)] = store.import_paths(con, [DATA / DOMESTA])
    [(_, second)] = store.import_paths(con, [DATA / DOMESTA_V2])
    assert second.vervangen == (first.batch_id,)
    rows = queries.vhe_rows(con)
    assert rows["aantal"].sum() == 15
    assert set(rows["bestand"]) == {DOMESTA_V2}
    assert "10016" not in set(rows["vhe_id"])
    assert rows.set_index("vhe_id").loc["10015", "huur"] == 690

    store.undo_batch(con, second.batch_id)
    rows = queries.vhe_rows(con)
    assert rows["aantal"].sum() == 16
    assert set(rows["bestand"]) == {DOMESTA}


def test_a_newer_lettings_list_replaces_and_undo_restores(con):
    [(_, first)] = store.import_paths(con, [DATA / VERHUUR_DOMESTA])
    [(_, second)] = store.import_paths(con, [DATA / VERHUUR_DOMESTA_V2])
    assert second.vervangen == (first.batch_id,)
    rows = queries.verhuring_rows(con)
    assert len(rows) == 11
    assert set(rows["bestand"]) == {VERHUUR_DOMESTA_V2}
    assert "10011" not in set(rows["vhe_id"])
    stand = queries.batches(con).set_index("id")["stand"]
    assert stand[first.batch_id] == f"vervangen door import {second.batch_id}"

    store.undo_batch(con, second.batch_id)
    rows = queries.verhuring_rows(con)
    assert len(rows) == 12
    assert set(rows["bestand"]) == {VERHUUR_DOMESTA}
    # traceable: row 17 of the file is vhe 10011, let on 15-12-2023
    row = rows.set_index("bron_rij").loc[17]
    assert (row["vhe_id"], row["datum"].date()) == ("10011", date(2023, 12, 15))


def test_lettings_of_other_corporations_and_years_stay(con):
    store.import_paths(con, [DATA / VERHUUR_DOMESTA, DATA / VERHUUR_LEFIER])
    store.import_paths(con, [DATA / VERHUUR_WOONSERVICE, DATA / VERHUUR_DOMESTA_V2])
    rows = queries.verhuring_rows(con)
    assert rows.groupby(["corporatie", "jaar"]).size().to_dict() == {
        ("Domesta", 2023): 11,
        ("Lefier", 2024): 8,
        ("Woonservice", 2022): 5,
    }
    assert counts(con) == (0, 0, 12 + 8 + 5 + 11, 4)  # the replaced list is kept, not counted


def test_one_bad_file_writes_nothing(con):
    store.import_paths(con, [DATA / LEFIER])
    before = counts(con)
    with pytest.raises(ImportRefused, match="komt dubbel voor"):
        store.import_paths(con, [DATA / DOMESTA, DATA / "Domesta_Emmen_dubbel.csv"])
    assert counts(con) == before


# --- errors and warnings -------------------------------------------------------------------------


def test_errors_and_warnings_policy():
    """An error stops the import; a warning is counted and the row is imported."""
    with pytest.raises(ImportRefused) as refused:
        parse("Domesta_Emmen_dubbel.csv")
    assert {p.severity for p in refused.value.problems} == {FOUT}
    parsed = parse(DOMESTA)
    assert parsed.batch().waarschuwingen == 6
    assert parsed.rows == 16
