"""Uploaded bytes -> sheets of raw cells, with the work bounded before any parsing.

Reads xlsx/xlsm/xls through python-calamine and CSV (`;`, `,` or tab; UTF-8 with or without
BOM, or Windows-1252) through :mod:`prestatie.inlezen.csv_text`. Refuses, with a message that says
what to do: files over the size limit, workbooks whose parts unpack to far more than they
should (zip bombs), sheets larger than any corporation's stock (checked in the sheet's XML
*before* calamine builds its grid, which would otherwise claim memory for every cell up to the
last one), password-protected workbooks, and files that are not what their name says. The
limits are set here; the checks on a workbook are in :mod:`prestatie.inlezen.workbook_checks`.

A workbook written by a program rather than by Excel may hold formulas without a calculated
value; calamine reads those as empty cells. The sheet XML is scanned for them (alongside
calamine's own reading) so the importer can say so instead of importing empties.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import python_calamine

from prestatie.inlezen.csv_text import read_cells
from prestatie.inlezen.errors import refuse
from prestatie.inlezen.workbook_checks import (
    Limits,
    check_ole,
    check_size,
    column_number,
    dimension,
    encrypted,
    megabytes,
    open_zip,
    sheet_parts,
)

MAX_BYTES = 60 * 1024 * 1024  # a 100.000-row stock list is about 5 MB as xlsx
MAX_UNPACKED = 600 * 1024 * 1024
MAX_RATIO = 150  # honest xlsx parts compress about 5-20 times
MAX_ROWS = 400_000  # the largest corporation has about 80.000 vhe
MAX_CELLS = 10_000_000  # rows x columns of the grid calamine builds (and Python holds)
MAX_PARTS = 10_000  # an xlsx has a few parts per sheet
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
ODS_SUFFIX = ".ods"  # LibreOffice Calc's own format (OpenDocument), read by calamine too
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SUFFIXES = (*EXCEL_SUFFIXES, ODS_SUFFIX, ".csv", ".txt")

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 4 * 1024 * 1024


class Sheet:
    """One sheet's cells; ``rows[0]`` is row 1 as Excel shows it. CSV files have name None.

    An empty cell is "" (as calamine gives it); numbers are floats, dates date or datetime.

    Excel sheets are converted to Python values only when their rows are asked for, so a
    workbook's notes sheets and other tables cost little. ``uncached`` holds the cells
    (Excel row, column position) that have a formula but no calculated value.
    """

    def __init__(
        self,
        name: str | None,
        rows: list[list[object]] | None = None,
        *,
        loader: Callable[[int | None], list[list[object]]] | None = None,
        uncached: frozenset[tuple[int, int]] = frozenset(),
        grid: np.ndarray | None = None,
    ):
        self.name = name
        self._rows = rows
        self._loader = loader
        self._grid = grid  # a CSV read as a rectangle: the cells as a 2-D array
        self.uncached = uncached

    @property
    def rows(self) -> list[list[object]]:
        if self._rows is None and self._grid is not None:
            self._rows = self._grid.tolist()
        if self._rows is None:
            if self._loader is None:
                raise RuntimeError(f"blad {self.name}: de cellen zijn al vrijgegeven")
            self._rows = self._loader(None)
            self._loader = None
        return self._rows

    def head(self, count: int) -> list[list[object]]:
        """The first ``count`` rows, without converting the rest of the sheet."""
        if self._rows is None and self._grid is not None:
            return self._grid[:count].tolist()
        if self._rows is not None or self._loader is None:
            return self.rows[:count]
        return self._loader(count)

    def cells_from(self, start: int) -> np.ndarray:
        """The rows from ``start`` (0-based) as a 2-D object array, not to be changed (it may
        be the sheet's own); a short row (never from calamine) is padded with ""."""
        if self._rows is None and self._grid is not None:
            return self._grid[start:]
        data = self.rows[start:]
        widths = set(map(len, data))
        width = max(widths, default=0)
        grid = np.empty((len(data), width), dtype=object)
        if len(widths) == 1:
            grid[:] = data
            return grid
        grid[:] = ""
        for i, row in enumerate(data):
            grid[i, : len(row)] = row
        return grid

    def release(self) -> None:
        """Let go of the cells (a parsed upload keeps its layout, not the whole sheet)."""
        self._rows, self._loader, self._grid = None, None, None

    def __repr__(self) -> str:
        return f"Sheet({self.name!r})"


def read_sheets(file: str, data: bytes) -> list[Sheet]:
    """Every sheet of an upload, after the bounds checks."""
    suffix = "." + file.rsplit(".", 1)[-1].lower() if "." in file else ""
    if not data:
        raise refuse(file, "het bestand is leeg (0 bytes). Stuur het bestand opnieuw.")
    if len(data) > MAX_BYTES:
        raise refuse(
            file,
            f"het bestand is {megabytes(len(data))}; de grens is {megabytes(MAX_BYTES)}. "
            "Splits het bestand of verwijder kolommen en bladen die niet nodig zijn.",
        )
    if suffix not in SUFFIXES:
        raise refuse(
            file,
            f"bestanden van het type '{suffix or 'zonder extensie'}' kan "
            "prestatie niet lezen; gebruik .xlsx, .xlsm, .xls, .ods of .csv.",
        )
    if data[:5] == b"%PDF-":
        raise refuse(
            file,
            "dit is een PDF, geen spreadsheet. Vraag de corporatie om de Excel- of CSV-export.",
        )
    if suffix == ODS_SUFFIX:
        return _read_ods(file, data)
    if data.startswith(_ZIP) or data.startswith(_OLE):
        try:
            return _read_workbook(file, data)
        except _DAMAGED:
            raise refuse(
                file,
                "het bestand is beschadigd: delen van de werkmap kunnen niet worden uitgepakt. "
                "Open het in Excel, sla het opnieuw op en stuur het nog eens.",
            ) from None
    if suffix in EXCEL_SUFFIXES:
        raise refuse(
            file,
            f"het bestand heet {suffix} maar is geen Excel-werkmap (misschien een "
            "HTML- of tekstbestand met een andere naam). Open het in Excel en sla het opnieuw "
            "op als Excel-werkmap (.xlsx).",
        )
    cells = read_cells(file, data, MAX_ROWS)
    if isinstance(cells, np.ndarray):  # a rectangle of text: the grid itself, no list per line
        if not (cells != "").any():
            raise refuse(file, "het bestand is leeg: er staan geen gegevens in.")
        return [Sheet(None, grid=cells)]
    if not _has_cells(cells):
        raise refuse(file, "het bestand is leeg: er staan geen gegevens in.")
    return [Sheet(None, cells)]


def _read_ods(file: str, data: bytes) -> list[Sheet]:
    """An OpenDocument spreadsheet (.ods): a zip with the mimetype first; the bounds on its
    size checked before calamine reads it, the grid's size after (calamine keeps the repeated
    empty rows and columns Calc writes out of the grid)."""
    limits = _limits()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        mimetype = archive.read("mimetype") if "mimetype" in archive.namelist() else b""
    except (*_DAMAGED, ValueError, KeyError):
        raise refuse(
            file,
            "het bestand heet .ods maar is geen OpenDocument-rekenblad, of het is beschadigd. "
            "Open het in LibreOffice Calc en sla het opnieuw op (.ods of .xlsx).",
        ) from None
    if mimetype.strip() != ODS_MIMETYPE:
        raise refuse(
            file,
            "het bestand heet .ods maar is geen OpenDocument-rekenblad (misschien een tekst- of "
            "presentatiebestand). Sla het in LibreOffice Calc op als rekenblad (.ods of .xlsx).",
        )
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if (
        len(infos) > limits.parts
        or unpacked > limits.unpacked
        or (unpacked > 20 * 1024 * 1024 and unpacked / packed > limits.ratio)
    ):
        raise refuse(
            file,
            f"het rekenblad pakt uit tot {megabytes(unpacked)} uit {megabytes(packed)}; dat is "
            "veel meer dan een echte export (mogelijk een 'zip-bom'). Bestand geweigerd; vraag "
            "een nieuwe export aan.",
        )
    return _read_calamine(file, data, {}, limits)


# What a damaged (truncated, bit-flipped) zip or OLE container raises from deep in the readers.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error)


def _read_workbook(file: str, data: bytes) -> list[Sheet]:
    if data.startswith(_ZIP):
        return _read_xlsx(file, data)
    check_ole(file, data)
    return _read_calamine(file, data, {}, _limits())


def _limits() -> Limits:
    """The limits above, read when a file is read (so a test may lower one)."""
    return Limits(
        rows=MAX_ROWS, cells=MAX_CELLS, parts=MAX_PARTS, unpacked=MAX_UNPACKED, ratio=MAX_RATIO
    )


def _has_cells(rows: list[list[object]]) -> bool:
    """Whether any cell holds something; 0 and False count, None and "" do not."""
    return any(any(row) or any(c is not None and c != "" for c in row) for row in rows)


# --- xlsx: the bounds first, then calamine -------------------------------------------------


def _read_xlsx(file: str, data: bytes) -> list[Sheet]:
    limits = _limits()
    archive = open_zip(file, data, limits)
    parts = sheet_parts(file, archive)
    # The grid size must be known before calamine builds it. Excel writes it in the sheet's
    # <dimension> element; a sheet without one, or with a larger one, is scanned first.
    scans: dict[str, _Scan] = {}
    for name, part in parts.items():
        size = dimension(archive, part)
        if size is None or not limits.fits(*size):
            scans[name] = _scan(file, archive, part)
            size = scans[name].size
        check_size(file, name, *size, limits)
    rest = {name: part for name, part in parts.items() if name not in scans}
    if not rest:
        return _read_calamine(file, data, {n: s.uncached for n, s in scans.items()}, limits)
    # Formulas without a value in the other sheets: scanned while calamine reads the
    # workbook (zlib and calamine both let go of the GIL, so this costs little extra time).
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(lambda: {n: _scan(file, archive, p) for n, p in rest.items()})
        try:
            sheets = _read_calamine(file, data, {}, limits)
        finally:
            found = future.result()
    uncached = {name: scan.uncached for name, scan in (scans | found).items()}
    for sheet in sheets:
        sheet.uncached = frozenset(uncached.get(sheet.name, ()))
    return sheets


# --- the sheet XML: its extent and its formulas without a value ----------------------------


class _Scan:
    """What one pass over a sheet's XML found: its extent and formulas without a value."""

    def __init__(self) -> None:
        self.rows = 0
        self.columns = 0
        self.uncached: set[tuple[int, int]] = set()

    @property
    def size(self) -> tuple[int, int]:
        return self.rows, self.columns


_ROOT = re.compile(rb"<(\w+:)?worksheet\b")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_WIDE_REF = re.compile(rb' r="([A-Z]{2,3})\d')
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_TYPE = re.compile(rb'\bt="(\w+)"')


def _scan(file: str, archive: zipfile.ZipFile, part: str) -> _Scan:
    try:
        return _scan_sheet(archive, part)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise refuse(
            file,
            "het bestand is beschadigd: een blad van de werkmap kan niet worden uitgepakt. "
            "Sla het opnieuw op in Excel.",
        ) from None


def _scan_sheet(archive: zipfile.ZipFile, part: str) -> _Scan:
    """Stream the sheet XML once, in whole rows, noting what calamine would build."""
    scan = _Scan()
    prefix: bytes | None = None
    rest = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = rest + chunk
            if prefix is None:
                root = _ROOT.search(text)
                prefix = (root[1] or b"") if root else None
                if prefix is None:
                    rest = text
                    continue
            cut = max(text.rfind(b"</" + prefix + b"row>"), text.rfind(b"<" + prefix + b"row/>"))
            if cut < 0:
                rest = text
                continue
            cut = text.index(b">", cut) + 1
            _scan_rows(text[:cut], prefix, scan)
            rest = text[cut:]
    _scan_rows(rest, prefix or b"", scan)
    return scan


def _scan_rows(xml: bytes, prefix: bytes, scan: _Scan) -> None:
    last_row = xml.rfind(b"<" + prefix + b"row ")
    if last_row >= 0 and (number := _ROW_NUMBER.search(xml, last_row, last_row + 200)):
        scan.rows = max(scan.rows, int(number[1]))
    # Columns A-Z are not looked at one by one: 26 is bound enough for the grid check.
    wide = {column_number(c.decode()) for c in set(_WIDE_REF.findall(xml))}
    scan.columns = max(scan.columns, 26, *wide)
    if re.search(b"<" + prefix + rb"f[\s>/]", xml):
        _find_uncached(xml, prefix, scan)


def _find_uncached(xml: bytes, prefix: bytes, scan: _Scan) -> None:
    """The cells whose formula has no calculated value (<v/> empty or missing)."""
    cell_open, cell_close = b"<" + prefix + b"c ", b"</" + prefix + b"c>"
    value = re.compile(b"<" + prefix + rb"v>([^<]*)</" + prefix + b"v>")
    for formula in re.finditer(b"<" + prefix + rb"f[\s>/]", xml):
        start = xml.rfind(cell_open, 0, formula.start())
        end = xml.find(cell_close, formula.start())
        if start < 0 or end < 0:
            continue
        tag = xml[start : xml.index(b">", start)]
        ref = _REF.search(tag)
        if not ref:
            continue
        cached = value.search(xml, formula.start(), end)
        kind = _TYPE.search(tag)
        # Excel writes an empty <v></v> for a formula whose result is the empty text.
        if cached and (cached[1] or (kind and kind[1] == b"str")):
            continue
        scan.uncached.add((int(ref[2]), column_number(ref[1].decode()) - 1))


# --- calamine ------------------------------------------------------------------------------


def _read_calamine(
    file: str, data: bytes, uncached: dict[str, set[tuple[int, int]]], limits: Limits
) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [
            m.name
            for m in workbook.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        loaded = [(name, workbook.get_sheet_by_name(name)) for name in names]
    except python_calamine.PasswordError:
        raise encrypted(file) from None
    except Exception as exc:  # calamine raises several types for unreadable files
        raise refuse(
            file,
            f"de werkmap kan niet worden gelezen ({type(exc).__name__}). Open "
            "hem in Excel en sla hem opnieuw op als .xlsx.",
        ) from None
    sheets = []
    for name, sheet in loaded:
        check_size(file, name, sheet.total_height, sheet.total_width, limits)
        sheets.append(
            Sheet(name, loader=_loader(sheet), uncached=frozenset(uncached.get(name, ())))
        )
    if not any(_has_cells(s.head(50)) or _has_cells(s.rows) for s in sheets):
        raise refuse(file, "de werkmap is leeg: geen enkel blad bevat gegevens.")
    return sheets


def _loader(sheet) -> Callable[[int | None], list[list[object]]]:
    def load(count: int | None) -> list[list[object]]:
        return sheet.to_python(skip_empty_area=False, nrows=count)

    return load
