"""Uploaded bytes -> sheets of raw cells, with the work bounded before any parsing.

Reads xlsx/xlsm/xls through python-calamine and CSV (`;`, `,` or tab; UTF-8 with or without
BOM, or Windows-1252) through the csv module. Refuses, with a message that says what to do:
files over the size limit, workbooks whose parts unpack to far more than they should (zip
bombs), password-protected workbooks, files that are not what their name says, and sheets with
more rows than any corporation has.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import python_calamine

from prestatie.errors import refuse

MAX_BYTES = 60 * 1024 * 1024  # a 100.000-row stock list is about 6 MB as xlsx
MAX_UNPACKED = 600 * 1024 * 1024
MAX_RATIO = 150  # honest xlsx parts compress about 5-20 times
MAX_ROWS = 400_000  # the largest corporation has about 80.000 vhe
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = (*EXCEL_SUFFIXES, ".csv", ".txt")

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells; ``rows[0]`` is row 1 as Excel shows it. CSV files have name None."""

    name: str | None
    rows: list[list[object]]


def read_sheets(file: str, data: bytes) -> list[Sheet]:
    """Every sheet of an upload, after the bounds checks."""
    suffix = "." + file.rsplit(".", 1)[-1].lower() if "." in file else ""
    if not data:
        raise refuse(file, "het bestand is leeg (0 bytes). Stuur het bestand opnieuw.")
    if len(data) > MAX_BYTES:
        raise refuse(
            file,
            f"het bestand is {len(data) / 1e6:.0f} MB; de grens is {MAX_BYTES / 1e6:.0f} MB. "
            "Splits het bestand of verwijder kolommen en bladen die niet nodig zijn.",
        )
    if suffix not in SUFFIXES:
        raise refuse(
            file,
            f"bestanden van het type '{suffix or 'zonder extensie'}' kan "
            "prestatie niet lezen; gebruik .xlsx, .xlsm, .xls of .csv.",
        )
    if data[:4] == b"%PDF":
        raise refuse(
            file,
            "dit is een PDF, geen spreadsheet. Vraag de corporatie om de Excel- of CSV-export.",
        )
    if data.startswith(_ZIP):
        _check_zip(file, data)
        return _read_excel(file, data)
    if data.startswith(_OLE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise _encrypted(file)
        return _read_excel(file, data)
    if suffix in EXCEL_SUFFIXES:
        raise refuse(
            file,
            f"het bestand heet {suffix} maar is geen Excel-werkmap. Open het in "
            "Excel en sla het opnieuw op als Excel-werkmap (.xlsx).",
        )
    return [Sheet(None, _read_csv(file, data))]


def _encrypted(file: str):
    return refuse(
        file,
        "de werkmap is met een wachtwoord beveiligd. Open hem in Excel, haal "
        "de beveiliging eraf (Bestand > Info > Werkmap beveiligen) en sla hem opnieuw op.",
    )


def _check_zip(file: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise refuse(
            file,
            "het bestand is beschadigd: het lijkt een Excel-werkmap maar kan niet "
            "worden geopend. Sla het opnieuw op in Excel.",
        ) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise refuse(
            file,
            "het bestand is een zip-archief maar geen Excel-werkmap. Pak het uit "
            "en upload de spreadsheet zelf.",
        )
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if unpacked > MAX_UNPACKED or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise refuse(
            file,
            f"de werkmap pakt uit tot {unpacked / 1e6:.0f} MB uit "
            f"{packed / 1e6:.1f} MB; dat is veel meer dan een echte export (mogelijk een "
            "'zip-bom'). Bestand geweigerd; vraag een nieuwe export aan.",
        )


def _read_excel(file: str, data: bytes) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise _encrypted(file) from None
    except Exception as exc:  # calamine raises several types for unreadable files
        raise refuse(
            file,
            f"de werkmap kan niet worden gelezen ({type(exc).__name__}). Open "
            "hem in Excel en sla hem opnieuw op als .xlsx.",
        ) from None
    sheets = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.total_height > MAX_ROWS:
            raise refuse(
                file,
                f"blad {name} heeft {sheet.total_height:,} rijen; de grens is "
                f"{MAX_ROWS:,}. Klopt het blad? Verwijder lege of overbodige rijen.".replace(
                    ",", "."
                ),
                sheet=name,
            )
        sheets.append(Sheet(name, sheet.to_python(skip_empty_area=False)))
    if not any(_has_cells(s.rows) for s in sheets):
        raise refuse(file, "de werkmap is leeg: geen enkel blad bevat gegevens.")
    return sheets


def _has_cells(rows: list[list[object]]) -> bool:
    return any(cell not in (None, "") for row in rows for cell in row)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Dutch Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits most lines into the same number (> 1) of fields.

    Counting characters is not enough: a `;`-file with decimal commas has more commas.
    """

    def consistency(delimiter: str) -> int:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        wide = [c for c in counts if c > 1]
        return max((wide.count(c) * c for c in set(wide)), default=0)

    return max((";", ",", "\t"), key=consistency)


def _read_csv(file: str, data: bytes) -> list[list[object]]:
    text = decode_text(data)
    if "\x00" in text:
        raise refuse(
            file,
            "het bestand is geen tekst- of CSV-bestand. Sla de gegevens op als "
            "CSV of Excel-werkmap.",
        )
    delimiter = sniff_delimiter(text.splitlines()[:50])
    rows = [
        [cell if cell.strip() else None for cell in row]
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    if len(rows) > MAX_ROWS:
        raise refuse(file, f"het bestand heeft {len(rows)} regels; de grens is {MAX_ROWS}.")
    if not _has_cells(rows):
        raise refuse(file, "het bestand is leeg: er staan geen gegevens in.")
    return rows
