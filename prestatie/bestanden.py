"""Uploaded bytes -> sheets of raw cells, with the work bounded before any parsing.

Reads xlsx/xlsm/xls through python-calamine and CSV (`;`, `,` or tab; UTF-8 with or without
BOM, or Windows-1252) through the csv module. Refuses, with a message that says what to do:
files over the size limit, workbooks whose parts unpack to far more than they should (zip
bombs), sheets larger than any corporation's stock (checked in the sheet's XML *before*
calamine builds its grid, which would otherwise claim memory for every cell up to the last
one), password-protected workbooks, and files that are not what their name says.

A workbook written by a program rather than by Excel may hold formulas without a calculated
value; calamine reads those as empty cells. The sheet XML is scanned for them (alongside
calamine's own reading) so the importer can say so instead of importing empties.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from xml.etree import ElementTree

import python_calamine

from prestatie.errors import refuse

MAX_BYTES = 60 * 1024 * 1024  # a 100.000-row stock list is about 5 MB as xlsx
MAX_UNPACKED = 600 * 1024 * 1024
MAX_RATIO = 150  # honest xlsx parts compress about 5-20 times
MAX_ROWS = 400_000  # the largest corporation has about 80.000 vhe
MAX_CELLS = 10_000_000  # rows x columns of the grid calamine builds (and Python holds)
MAX_PARTS = 10_000  # an xlsx has a few parts per sheet
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = (*EXCEL_SUFFIXES, ".csv", ".txt")

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 4 * 1024 * 1024
_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relations are a few kB


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
    ):
        self.name = name
        self._rows = rows
        self._loader = loader
        self.uncached = uncached

    @property
    def rows(self) -> list[list[object]]:
        if self._rows is None:
            if self._loader is None:
                raise RuntimeError(f"blad {self.name}: de cellen zijn al vrijgegeven")
            self._rows = self._loader(None)
            self._loader = None
        return self._rows

    def head(self, count: int) -> list[list[object]]:
        """The first ``count`` rows, without converting the rest of the sheet."""
        if self._rows is not None or self._loader is None:
            return self.rows[:count]
        return self._loader(count)

    def release(self) -> None:
        """Let go of the cells (a parsed upload keeps its layout, not the whole sheet)."""
        self._rows, self._loader = None, None

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
            f"het bestand is {_mb(len(data))}; de grens is {_mb(MAX_BYTES)}. "
            "Splits het bestand of verwijder kolommen en bladen die niet nodig zijn.",
        )
    if suffix not in SUFFIXES:
        raise refuse(
            file,
            f"bestanden van het type '{suffix or 'zonder extensie'}' kan "
            "prestatie niet lezen; gebruik .xlsx, .xlsm, .xls of .csv.",
        )
    if data[:5] == b"%PDF-":
        raise refuse(
            file,
            "dit is een PDF, geen spreadsheet. Vraag de corporatie om de Excel- of CSV-export.",
        )
    if data.startswith(_ZIP):
        return _read_xlsx(file, data)
    if data.startswith(_OLE):
        _check_ole(file, data)
        return _read_calamine(file, data, {})
    if suffix in EXCEL_SUFFIXES:
        raise refuse(
            file,
            f"het bestand heet {suffix} maar is geen Excel-werkmap (misschien een "
            "HTML- of tekstbestand met een andere naam). Open het in Excel en sla het opnieuw "
            "op als Excel-werkmap (.xlsx).",
        )
    return [Sheet(None, _read_csv(file, data))]


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB".replace(".", ",")


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# --- xlsx: the zip container --------------------------------------------------------------


def _read_xlsx(file: str, data: bytes) -> list[Sheet]:
    archive = _open_zip(file, data)
    parts = _sheet_parts(file, archive)
    # The grid size must be known before calamine builds it. Excel writes it in the sheet's
    # <dimension> element; a sheet without one, or with a larger one, is scanned first.
    scans: dict[str, _Scan] = {}
    for name, part in parts.items():
        size = _dimension(archive, part)
        if size is None or not _fits(*size):
            scans[name] = _scan(file, archive, part)
            size = scans[name].size
        _check_size(file, name, *size)
    rest = {name: part for name, part in parts.items() if name not in scans}
    if not rest:
        return _read_calamine(file, data, {n: s.uncached for n, s in scans.items()})
    # Formulas without a value in the other sheets: scanned while calamine reads the
    # workbook (zlib and calamine both let go of the GIL, so this costs little extra time).
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(lambda: {n: _scan(file, archive, p) for n, p in rest.items()})
        try:
            sheets = _read_calamine(file, data, {})
        finally:
            found = future.result()
    uncached = {name: scan.uncached for name, scan in (scans | found).items()}
    for sheet in sheets:
        sheet.uncached = frozenset(uncached.get(sheet.name, ()))
    return sheets


def _open_zip(file: str, data: bytes) -> zipfile.ZipFile:
    if _zip_entries(data) > MAX_PARTS:
        raise refuse(
            file,
            f"de werkmap bestaat uit meer dan {_thousands(MAX_PARTS)} onderdelen; zo ziet geen "
            "export eruit. Bestand geweigerd; vraag een nieuwe export aan.",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
        raise refuse(
            file,
            "het bestand is beschadigd: het lijkt een Excel-werkmap maar kan niet "
            "worden geopend. Sla het opnieuw op in Excel.",
        ) from None
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if unpacked > MAX_UNPACKED or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise refuse(
            file,
            f"de werkmap pakt uit tot {_mb(unpacked)} uit {_mb(packed)}; dat is veel meer "
            "dan een echte export (mogelijk een 'zip-bom'). Bestand geweigerd; vraag een "
            "nieuwe export aan.",
        )
    _check_contents(file, archive, {info.filename for info in infos})
    return archive


def _zip_entries(data: bytes) -> int:
    """The number of parts a zip says it has (its end record), before Python lists them."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 66_000))
    if end < 0 or end + 22 > len(data):
        return 0  # no end record: zipfile will call the file damaged
    return struct.unpack_from("<H", data, end + 10)[0]


def _check_contents(file: str, archive: zipfile.ZipFile, names: set[str]) -> None:
    """A zip that is not a workbook: say what it is."""
    if "mimetype" in names:
        with archive.open("mimetype") as stream:
            if b"opendocument.spreadsheet" in stream.read(100):
                raise refuse(
                    file,
                    "dit is een OpenDocument-werkblad (.ods), geen Excel-werkmap. Sla het op als "
                    "Excel-werkmap (.xlsx) en probeer het opnieuw.",
                )
    if "[Content_Types].xml" not in names:
        raise refuse(
            file,
            "het bestand is een zip-archief maar geen Excel-werkmap. Pak het uit "
            "en upload de spreadsheet zelf.",
        )
    if "xl/workbook.xml" not in names:
        what = (
            "een Word-document"
            if "word/document.xml" in names
            else "een PowerPoint-presentatie"
            if any(n.startswith("ppt/") for n in names)
            else "een Office-bestand zonder werkmap"
        )
        raise refuse(
            file,
            f"dit is {what}, geen Excel-werkmap. Upload de spreadsheet (.xlsx of .csv).",
        )


_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_parts(file: str, archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip part holding its XML (xl/worksheets/sheet1.xml)."""
    try:
        workbook = ElementTree.fromstring(_small_part(archive, "xl/workbook.xml"))
        rels = ElementTree.fromstring(_small_part(archive, "xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError):
        raise refuse(
            file,
            "de werkmap is beschadigd (de bladenlijst is onleesbaar). Open hem in Excel en "
            "sla hem opnieuw op.",
        ) from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in workbook.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        target = targets.get(sheet.get(_REL_NS), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part in archive.NameToInfo:
            parts[sheet.get("name", "")] = part
    return parts


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > _SMALL_PART:
        raise ValueError(name)
    return archive.read(name)


_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"'
)


def _dimension(archive: zipfile.ZipFile, part: str) -> tuple[int, int] | None:
    """(rows, columns) from the sheet's <dimension ref="A1:I1004"/>, None when absent."""
    with archive.open(part) as stream:
        start = stream.read(64 * 1024)
    found = _DIMENSION.search(start)
    if not found:
        return None
    column, row = (found[3], found[4]) if found[3] else (found[1], found[2])
    return int(row), column_number(column.decode())


def column_number(letters: str) -> int:
    """A -> 1, Z -> 26, AA -> 27, XFD -> 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _fits(rows: int, columns: int) -> bool:
    return rows <= MAX_ROWS and rows * columns <= MAX_CELLS


def _check_size(file: str, sheet: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise refuse(
            file,
            f"blad {sheet} loopt tot rij {_thousands(rows)}; de grens is "
            f"{_thousands(MAX_ROWS)} rijen (de grootste corporatie heeft zo'n 80.000 "
            "woningen). Verwijder lege of overbodige rijen onder de tabel en sla opnieuw op.",
            sheet=sheet,
        )
    if rows * columns > MAX_CELLS:
        raise refuse(
            file,
            f"blad {sheet} loopt tot rij {_thousands(rows)} en kolom {columns}: "
            f"{_thousands(rows * columns)} cellen, meer dan de grens van "
            f"{_thousands(MAX_CELLS)}. Verwijder lege of overbodige kolommen en rijen "
            "(ook ver rechts of onderaan) en sla opnieuw op.",
            sheet=sheet,
        )


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


# --- xls: the OLE compound file -----------------------------------------------------------


def _check_ole(file: str, data: bytes) -> None:
    streams = ole_streams(data)
    if streams is None:  # an unreadable directory: look for the stream name itself
        streams = {"EncryptedPackage"} if "EncryptedPackage".encode("utf-16-le") in data else set()
    if "EncryptedPackage" in streams:
        raise _encrypted(file)
    if streams is not None and "WordDocument" in streams:
        raise refuse(file, "dit is een Word-document, geen Excel-werkmap.")


def ole_streams(data: bytes) -> set[str] | None:
    """The stream and storage names in an OLE compound file's directory; None if unreadable.

    A password-protected xlsx is such a file with an ``EncryptedPackage`` stream; an old
    .xls has ``Workbook`` (or ``Book``); a .doc has ``WordDocument``.
    """
    try:
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            return None
        size = 1 << shift
        fat_sectors = struct.unpack_from("<109I", data, 76)
        fat: list[int] = []
        for sector in fat_sectors[: struct.unpack_from("<I", data, 44)[0]]:
            offset = (sector + 1) * size
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
        names: set[str] = set()
        sector, seen = struct.unpack_from("<I", data, 48)[0], 0
        while sector < 0xFFFFFFFA and seen < 4096:
            offset = (sector + 1) * size
            for entry in range(offset, offset + size, 128):
                length = struct.unpack_from("<H", data, entry + 64)[0]
                if 2 <= length <= 64:
                    names.add(data[entry : entry + length - 2].decode("utf-16-le", "replace"))
            sector, seen = fat[sector] if sector < len(fat) else 0xFFFFFFFE, seen + 1
        return names
    except (struct.error, IndexError):
        return None


def _encrypted(file: str):
    return refuse(
        file,
        "de werkmap is met een wachtwoord beveiligd. Open hem in Excel, haal "
        "de beveiliging eraf (Bestand > Info > Werkmap beveiligen) en sla hem opnieuw op.",
    )


# --- calamine ------------------------------------------------------------------------------


def _read_calamine(file: str, data: bytes, uncached: dict[str, set[tuple[int, int]]]):
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [
            m.name
            for m in workbook.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        loaded = [(name, workbook.get_sheet_by_name(name)) for name in names]
    except python_calamine.PasswordError:
        raise _encrypted(file) from None
    except Exception as exc:  # calamine raises several types for unreadable files
        raise refuse(
            file,
            f"de werkmap kan niet worden gelezen ({type(exc).__name__}). Open "
            "hem in Excel en sla hem opnieuw op als .xlsx.",
        ) from None
    sheets = []
    for name, sheet in loaded:
        _check_size(file, name, sheet.total_height, sheet.total_width)
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


def _has_cells(rows: list[list[object]]) -> bool:
    """Whether any cell holds something; 0 and False count, None and "" do not."""
    return any(any(row) or any(c is not None and c != "" for c in row) for row in rows)


# --- CSV -----------------------------------------------------------------------------------


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


_SEP_LINE = re.compile(r"^sep=([;,\t|])\r?\n")


def _read_csv(file: str, data: bytes) -> list[list[object]]:
    text = decode_text(data)
    if "\x00" in text:
        raise refuse(
            file,
            "het bestand is geen tekst- of CSV-bestand. Sla de gegevens op als "
            "CSV of Excel-werkmap.",
        )
    if text.count("\n") > MAX_ROWS:
        raise refuse(
            file,
            f"het bestand heeft meer dan {_thousands(MAX_ROWS)} regels; dat is meer dan "
            "welke corporatie ook aan woningen heeft. Klopt het bestand?",
        )
    if sep := _SEP_LINE.match(text):  # Excel's own hint, a first line "sep=;"; Excel hides it
        delimiter, text = sep[1], text[sep.end() :]
    else:
        delimiter = sniff_delimiter(text.splitlines()[:50])
    rows = [
        [cell if cell.strip() else "" for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]
    width = max((len(row) for row in rows), default=0)
    for row in rows:  # a rectangle, as a sheet is: short lines padded with empty cells
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    if not _has_cells(rows):
        raise refuse(file, "het bestand is leeg: er staan geen gegevens in.")
    return rows
