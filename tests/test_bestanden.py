"""Reading uploads into sheets of cells: encodings, delimiters, formulas, OLE files, limits."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from prestatie.inlezen import uploads, workbook_checks
from prestatie.inlezen.errors import ImportRefused

DATA = Path(__file__).resolve().parent / "data"
ROWS = [["Eenheidnummer", "Kale huur", "Plaats"], ["E1", "612,50", "Exloërmond"]]


def rows_of(name: str, data: bytes) -> list[list[object]]:
    [sheet] = uploads.read_sheets(name, data)
    return sheet.rows


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Eenheidnummer;Kale huur;Plaats\r\nE1;612,50;Exloërmond\r\n", "utf-8"),
        ("\ufeffEenheidnummer;Kale huur;Plaats\nE1;612,50;Exloërmond\n", "utf-8"),
        ("Eenheidnummer;Kale huur;Plaats\r\nE1;612,50;Exloërmond\r\n", "cp1252"),
        ('Eenheidnummer,Kale huur,Plaats\nE1,"612,50",Exloërmond\n', "utf-8"),
        ("Eenheidnummer\tKale huur\tPlaats\nE1\t612,50\tExloërmond\n", "utf-8"),
        ("sep=;\nEenheidnummer;Kale huur;Plaats\nE1;612,50;Exloërmond\n", "utf-8"),
    ],
)
def test_csv_delimiters_and_encodings(text, encoding):
    assert rows_of("lijst.csv", text.encode(encoding)) == ROWS


def test_csv_short_lines_are_padded_with_empty_cells():
    rows = rows_of("lijst.csv", b"Titel\nA;B;C\n1;2\n")
    assert rows == [["Titel", "", ""], ["A", "B", "C"], ["1", "2", ""]]


def test_excel_sheets_are_read_lazily():
    sheets = uploads.read_sheets(
        "bezit.xlsx", (DATA / "Domesta_woningbezit_Emmen_31-12-2023.xlsx").read_bytes()
    )
    assert [s.name for s in sheets] == ["Bezit", "Toelichting"]
    bezit = sheets[0]
    assert bezit.head(2) == [["Domesta - Overzicht woningbezit gemeente Emmen"] + [""] * 10] + [
        ["Peildatum: 31-12-2023"] + [""] * 10
    ]
    assert len(bezit.rows) == 24
    assert bezit.rows[4][:2] == [10001.0, "Hoofdstraat 1"]
    bezit.release()
    with pytest.raises(RuntimeError):
        _ = bezit.rows


def test_formulas_without_a_value_are_found():
    sheets = uploads.read_sheets("f.xlsx", (DATA / "Domesta_Emmen_formules.xlsx").read_bytes())
    assert sheets[0].uncached == {(3, 1), (4, 1), (5, 1)}


def test_formulas_with_a_value_are_fine():
    """Excel stores the last result of a formula; such cells read as the value."""
    book = Workbook()
    book.active.append(["Eenheidnummer", "Kale huur"])
    book.active.append(["E1", "=600+12.5"])
    buffer = io.BytesIO()
    book.save(buffer)
    # what Excel writes after calculating: <c><f>600+12.5</f><v>612.5</v></c>
    data = _calculated(buffer.getvalue(), b"612.5")
    [sheet] = uploads.read_sheets("f.xlsx", data)
    assert sheet.uncached == frozenset()
    assert sheet.rows[1] == ["E1", 612.5]


def _calculated(data: bytes, value: bytes) -> bytes:
    """The workbook with its empty formula results filled in, as Excel would save it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"<v\s*/>|<v></v>", b"<v>" + value + b"</v>", content)
            target.writestr(info.filename, content)
    return out.getvalue()


def test_ole_directory_is_read():
    streams = workbook_checks.ole_streams((DATA / "beveiligd.xlsx").read_bytes())
    assert {"Root Entry", "EncryptedInfo", "EncryptedPackage"} <= streams


def test_word_document_in_ole_is_named():
    sys.path.insert(0, str(DATA))
    try:
        from make_files import ole_file
    finally:
        sys.path.remove(str(DATA))
    with pytest.raises(ImportRefused, match="dit is een Word-document"):
        uploads.read_sheets("bezit.xls", ole_file({"WordDocument": b"\x00" * 600}))


def test_column_numbers():
    assert [workbook_checks.column_number(c) for c in ("A", "Z", "AA", "AC", "XFD")] == [
        1,
        26,
        27,
        29,
        16384,
    ]


PREFIXED_SHEET = (
    b'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><x:sheetData>'
    b'<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>1+1</x:f></x:c></x:row>'
    b'<x:row r="7"><x:c r="AC7"><x:f>SUM(A1)</x:f><x:v>2</x:v></x:c>'
    b'<x:c r="AD7" t="str"><x:f>""</x:f><x:v></x:v></x:c>'
    b'<x:c r="C7"><x:f t="shared" si="0"/><x:v/></x:c></x:row>'
    b"</x:sheetData></x:worksheet>"
)


@pytest.mark.parametrize("chunk", [uploads._CHUNK, 40])  # 40: rows split over chunks
def test_sheet_scan_with_namespace_prefix(monkeypatch, chunk):
    monkeypatch.setattr(uploads, "_CHUNK", chunk)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", PREFIXED_SHEET)
    scan = uploads._scan_sheet(zipfile.ZipFile(buffer), "xl/worksheets/sheet1.xml")
    assert scan.size == (7, 30)  # row 7, column AD
    # B1 has no value, C7 an empty one; AD7's empty text is a calculated ""
    assert scan.uncached == {(1, 1), (7, 2)}
