"""A WOZ-bezitstabel of a corporation with homes all over the country: every row lands in the
gemeente of its BAG id, a merged gemeente's code in today's gemeente, a split one's with a
warning, and a code no gemeente has is a warning and a row not read. The expected counts per
gemeente are counted by hand from the rows below; the codes are typed from SOURCES.md's spot
checks and the CBS list of Drenthe (shared/reference/woz-bezitstabel.md)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from prestatie.inlezen import cell_values, ingest, woz
from prestatie.opslag import queries, store

HEADER = [
    "Onderdeel",
    "Eenheidscode",
    "Bag-verblijfsobject-id",
    "Aantal primo verslagjaar",
    "Aantal ultimo verslagjaar",
    "Eenheidssoort",
    "Mutatie verslagjaar",
    "Nettohuur per maand ultimo verslagjaar",
    "Energielabel",
]
# (gemeentecode in the BAG id, number of rows); every row one woonruimte in exploitatie.
ROWS = [
    ("0014", 3),  # Groningen
    ("0017", 1),  # Haren, merged into Groningen in 2019
    ("0114", 2),  # Emmen
    ("1681", 1),  # Borger-Odoorn
    ("0363", 3),  # Amsterdam
    ("0457", 1),  # Weesp, merged into Amsterdam on 24-3-2022
    ("0599", 3),  # Rotterdam
    ("0344", 2),  # Utrecht
    ("0193", 2),  # Zwolle
    ("0518", 2),  # 's-Gravenhage
    ("1900", 1),  # Súdwest-Fryslân
    ("1970", 1),  # Noardeast-Fryslân
    ("0373", 1),  # Bergen (NH.)
    ("0893", 1),  # Bergen (L.)
    ("1992", 1),  # Voorne aan Zee
    ("1979", 1),  # Eemsdelta
    ("1982", 1),  # Land van Cuijk
    ("1991", 1),  # Maashorst
    ("1980", 1),  # Dijk en Waard
    ("0164", 1),  # Hengelo (O.)
    ("0796", 1),  # 's-Hertogenbosch
    ("1966", 1),  # Het Hogeland
    ("0106", 1),  # Assen
    ("0109", 1),  # Coevorden
    ("0118", 1),  # Hoogeveen
    ("0119", 1),  # Meppel
    ("0034", 2),  # Almere
    ("0202", 1),  # Arnhem
    ("0268", 1),  # Nijmegen
    ("0687", 1),  # Middelburg (Z.)
    ("0718", 1),  # Vlissingen
    ("0935", 1),  # Maastricht
    ("0007", 1),  # Bellingwedde, merged into Westerwolde in 2018
    ("0788", 1),  # Haaren, split in 2021; the largest part went to Oisterwijk
    ("9999", 1),  # no gemeente has this code
]
# Counted by hand: 46 rows, 45 of them read, in 32 gemeenten (the 30 of the list and
# Westerwolde and Oisterwijk); the row of 9999 (the last, Excel row 47) is not read.
EXPECTED = {
    "Groningen": 4,
    "Emmen": 2,
    "Borger-Odoorn": 1,
    "Amsterdam": 4,
    "Rotterdam": 3,
    "Utrecht": 2,
    "Zwolle": 2,
    "'s-Gravenhage": 2,
    "Súdwest-Fryslân": 1,
    "Noardeast-Fryslân": 1,
    "Bergen (NH.)": 1,
    "Bergen (L.)": 1,
    "Voorne aan Zee": 1,
    "Eemsdelta": 1,
    "Land van Cuijk": 1,
    "Maashorst": 1,
    "Dijk en Waard": 1,
    "Hengelo (O.)": 1,
    "'s-Hertogenbosch": 1,
    "Het Hogeland": 1,
    "Assen": 1,
    "Coevorden": 1,
    "Hoogeveen": 1,
    "Meppel": 1,
    "Almere": 2,
    "Arnhem": 1,
    "Nijmegen": 1,
    "Middelburg (Z.)": 1,
    "Vlissingen": 1,
    "Maastricht": 1,
    "Westerwolde": 1,
    "Oisterwijk": 1,
}
NAME = "Ymere WOZ-bezitstabel 2023"


def _cells() -> list[list[object]]:
    rows, n = [], 0
    for code, count in ROWS:
        for _ in range(count):
            n += 1
            bag = f"{code}01{n:010d}"
            rows.append(["2.1A", f"V{n:03d}", bag, 1, 1, "Woonruimte", "Geen mutatie", 650, "B"])
    return rows


def _csv() -> bytes:
    lines = [";".join(HEADER), *(";".join(str(c) for c in row) for row in _cells())]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xlsx() -> bytes:
    """As Excel keeps it: the BAG ids are numbers, their leading zeros gone (13 digits for
    0007, 14 for 0014)."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in _cells():
        row[2] = int(row[2])
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(params=["csv", "xlsx"])
def parsed(request) -> ingest.Parsed:
    data = _csv() if request.param == "csv" else _xlsx()
    return ingest.parse(f"{NAME}.{request.param}", data)


def test_sums_of_the_hand_count() -> None:
    assert sum(count for _, count in ROWS) == 46
    assert sum(EXPECTED.values()) == 45 and len(EXPECTED) == 32


def test_every_row_lands_in_its_gemeente(parsed) -> None:
    assert parsed.meta.corporatie == "Ymere"
    vhe = parsed.vhe
    assert len(vhe) == 45
    assert vhe.groupby("gemeente")["aantal"].sum().to_dict() == EXPECTED
    assert parsed.rows == 45
    assert parsed.batch().gemeente is None  # many gemeenten


def test_the_unknown_code_is_a_warning_and_not_read(parsed) -> None:
    unknown = [p for p in parsed.warnings if "van geen gemeente" in p.message]
    assert [(p.row, p.column) for p in unknown] == [(47, "C (Bag-verblijfsobject-id)")]
    assert "de rij is niet ingelezen" in unknown[0].message
    notes = " ".join(parsed.notes)
    assert "1 rij woonruimte met een gemeentecode in het BAG-id die van geen gemeente is" in notes


def test_a_split_gemeente_is_a_warning(parsed) -> None:
    [split] = [p for p in parsed.warnings if "verdeeld" in p.message]
    assert split.row == 46
    assert split.message == (
        "BAG verblijfsobject-id van de opgeheven gemeente Haaren (0788), die in 2021 is "
        "verdeeld over Oisterwijk, Vught, Boxtel en Tilburg; gemeente Oisterwijk aangenomen"
    )
    assert len(parsed.warnings) == 2


def test_merged_gemeenten_are_named_in_the_notes(parsed) -> None:
    notes = " ".join(parsed.notes)
    assert (
        "4 rijen met een BAG-id van een opgeheven gemeente, ingelezen bij de gemeente van nu: "
        "Bellingwedde (0007) → Westerwolde 1, Haaren (0788) → Oisterwijk 1, Haren (0017) → "
        "Groningen 1, Weesp (0457) → Amsterdam 1."
    ) in notes


def test_in_the_database(con) -> None:
    parsed = ingest.parse(f"{NAME}.csv", _csv())
    store.save(con, [parsed])
    rows = queries.vhe_rows(con)
    assert rows.groupby("gemeente")["aantal"].sum().to_dict() == EXPECTED
    assert set(rows["corporatie"]) == {"Ymere"}


def test_codes_at_once_read_as_one_by_one() -> None:
    """The vectorised reading of a BAG id column gives what gemeentecode gives per cell."""
    cells = [
        "0114010000123456",
        "114010000123456",
        "0014010000000012",
        14010000000012,
        114010000123456,
        1681010000000001,
        1.14010000123456e14,
        "1.14010000123456E+14",
        "0114010000123456|0114010000123457",
        " 0114010000123456 ",
        7010000012345,  # 0007, three zeros gone
        7050000012345,  # not an object type after the code: unusable
        12345,
        "",
        None,
        float("nan"),
        True,
        1.5,
        "onbekend",
    ]
    column = pd.Series(cells, dtype=object)
    codes, blank = woz.gemeentecodes(column)
    one_by_one, empty = cell_values.per_value(column, woz.gemeentecode)
    assert codes.tolist() == one_by_one.tolist()
    assert np.array_equal(blank.to_numpy(), empty.to_numpy())
    assert codes.tolist()[:3] == ["0114", "0114", "0014"]
