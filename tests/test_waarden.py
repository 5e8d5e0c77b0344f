"""Cell values as people type them, one at a time and as whole columns."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from prestatie.inlezen import cell_values


@pytest.mark.parametrize(
    ("cell", "cents"),
    [
        (612.5, 61250),
        ("€ 612,50", 61250),
        ("612,5", 61250),
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("€1.234", 123400),
        ("612.50", 61250),
        ("EUR 700", 70000),
        ("(12,50)", -1250),
        (0.125, 13),  # half a cent rounds away from zero
        ("zeshonderd", None),
        (True, None),
    ],
)
def test_amount_to_cents(cell, cents):
    assert cell_values.amount_to_cents(cell) == cents


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        (date(2023, 6, 30), date(2023, 6, 30)),
        (datetime(2023, 6, 30, 0, 0), date(2023, 6, 30)),
        (45291, date(2023, 12, 31)),
        (45291.0, date(2023, 12, 31)),
        ("45291", date(2023, 12, 31)),
        ("15-11-2023", date(2023, 11, 15)),
        ("15/11/2023", date(2023, 11, 15)),
        ("15-11-23", date(2023, 11, 15)),
        ("2023-06-30", date(2023, 6, 30)),
        ("2023-06-30 00:00:00", date(2023, 6, 30)),
        ("31 december 2023", date(2023, 12, 31)),
        ("1 jan. 2024", date(2024, 1, 1)),
        ("31-02-2023", None),
        ("1-1-2300", None),  # a typo, not a date
        ("gisteren", None),
    ],
)
def test_to_date(cell, day):
    assert cell_values.to_date(cell) == day


@pytest.mark.parametrize(
    ("cell", "year"),
    [(2023, 2023), (2023.0, 2023), ("1850", 1850), (1850.0, 1850), (45291, 2023), (12.5, None)],
)
def test_to_year(cell, year):
    assert cell_values.to_year(cell) == year


def column(*cells) -> pd.Series:
    return pd.Series(list(cells), dtype=object)


def test_amounts_of_numbers_and_of_text_agree():
    numbers = column(612.5, 0.125, None, 1234.56, -3.0)
    texts = column("612,50", "0,125", None, "1.234,56", "-3")
    for cells in (numbers, texts):
        cents, bad = cell_values.amounts_to_cents(cells)
        assert cents.tolist() == [61250, 13, pd.NA, 123456, -300]
        assert not bad.any()


def test_unreadable_cells_are_marked_not_dropped():
    cents, bad = cell_values.amounts_to_cents(column(612.5, "n.v.t.", None, "  "))
    assert bad.tolist() == [False, True, False, False]
    assert cents.isna().tolist() == [False, True, True, True]
    years, bad = cell_values.years(column(1975.0, "onbekend", None))
    assert years.tolist() == [1975, pd.NA, pd.NA]
    assert bad.tolist() == [False, True, False]


def test_texts_of_numbers_keep_no_decimal_point():
    assert cell_values.texts(column(10001.0, None, 10003.0)).tolist() == ["10001", None, "10003"]
    assert cell_values.texts(column(" V1 ", "", None, "V2")).tolist() == ["V1", None, None, "V2"]
    assert cell_values.texts(column(10001.0, "V2", 12.5)).tolist() == ["10001", "V2", "12.5"]


def test_whole_numbers_and_bools():
    counts, bad = cell_values.whole_numbers(column("12,0", 3.0, "2,5", None))
    assert counts.tolist() == [12, 3, pd.NA, pd.NA]
    assert bad.tolist() == [False, False, True, False]
    flags, bad = cell_values.bools(column("ja", "Nee", "J", "x", None, "misschien", 1.0))
    assert flags.tolist() == [True, False, True, True, pd.NA, pd.NA, True]
    assert bad.tolist() == [False, False, False, False, False, True, False]


def test_per_value_parses_each_distinct_value_once():
    calls = []

    def parse(value):
        calls.append(value)
        return value.upper()

    cells = column(*(["a", "b", None] * 1000))
    parsed, empty = cell_values.per_value(cells, parse)
    assert sorted(calls) == ["a", "b"]
    assert parsed.tolist()[:3] == ["A", "B", None]
    assert empty.sum() == 1000


def test_datetimes_for_the_database():
    stamps = cell_values.datetimes(column(date(2023, 12, 31), None, date(2023, 12, 31)))
    assert stamps.dtype == np.dtype("datetime64[s]")
    assert stamps.isna().tolist() == [False, True, False]
