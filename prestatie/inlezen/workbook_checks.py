"""Checks on an Excel upload before calamine reads it: is it a workbook, and is it small enough?

- the zip container of an xlsx/xlsm: not too many parts, not unpacking to far more than an
  honest export (a zip bomb), and a workbook rather than an .ods, a Word document or a
  PowerPoint presentation under another name;
- the extent of each sheet, from its ``<dimension>`` element, against the limits on rows and
  cells (calamine would claim memory for every cell up to the last one);
- the OLE compound file of an .xls or of a password-protected xlsx: encrypted, or a .doc.

Every refusal says what to do. The limits in force are set in :mod:`prestatie.inlezen.uploads`,
which passes them here as :class:`Limits`.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from prestatie import fmt
from prestatie.inlezen.errors import ImportRefused, refuse

_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relations are a few kB
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class Limits:
    """How large a workbook may be: its sheets (rows, cells) and its zip (parts, unpacked bytes,
    unpacked-to-packed ratio)."""

    rows: int
    cells: int
    parts: int
    unpacked: int
    ratio: int

    def fits(self, rows: int, columns: int) -> bool:
        return rows <= self.rows and rows * columns <= self.cells


def megabytes(size: int) -> str:
    """1_500_000 -> "1,5 MB"."""
    return f"{size / 1e6:.1f} MB".replace(".", ",")


# --- xlsx: the zip container ---------------------------------------------------------------


def open_zip(file: str, data: bytes, limits: Limits) -> zipfile.ZipFile:
    """The workbook's zip, once it is known to be a workbook of a sensible size."""
    if _zip_entries(data) > limits.parts:
        raise refuse(
            file,
            f"de werkmap bestaat uit meer dan {fmt.num(limits.parts)} onderdelen; zo ziet geen "
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
    if unpacked > limits.unpacked or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > limits.ratio
    ):
        raise refuse(
            file,
            f"de werkmap pakt uit tot {megabytes(unpacked)} uit {megabytes(packed)}; dat is "
            "veel meer dan een echte export (mogelijk een 'zip-bom'). Bestand geweigerd; vraag "
            "een nieuwe export aan.",
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


def sheet_parts(file: str, archive: zipfile.ZipFile) -> dict[str, str]:
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


# --- the extent of a sheet -----------------------------------------------------------------

_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"'
)


def dimension(archive: zipfile.ZipFile, part: str) -> tuple[int, int] | None:
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


def check_size(file: str, sheet: str, rows: int, columns: int, limits: Limits) -> None:
    """Refuse a sheet that reaches further than any corporation's stock list."""
    if rows > limits.rows:
        raise refuse(
            file,
            f"blad {sheet} loopt tot rij {fmt.num(rows)}; de grens is "
            f"{fmt.num(limits.rows)} rijen (de grootste corporatie heeft zo'n 80.000 "
            "woningen). Verwijder lege of overbodige rijen onder de tabel en sla opnieuw op.",
            sheet=sheet,
        )
    if rows * columns > limits.cells:
        raise refuse(
            file,
            f"blad {sheet} loopt tot rij {fmt.num(rows)} en kolom {columns}: "
            f"{fmt.num(rows * columns)} cellen, meer dan de grens van "
            f"{fmt.num(limits.cells)}. Verwijder lege of overbodige kolommen en rijen "
            "(ook ver rechts of onderaan) en sla opnieuw op.",
            sheet=sheet,
        )


# --- xls: the OLE compound file ------------------------------------------------------------


def check_ole(file: str, data: bytes) -> None:
    """Refuse a password-protected workbook or a Word document; an .xls passes."""
    streams = ole_streams(data)
    if streams is None:  # an unreadable directory: look for the stream name itself
        streams = {"EncryptedPackage"} if "EncryptedPackage".encode("utf-16-le") in data else set()
    if "EncryptedPackage" in streams:
        raise encrypted(file)
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


def encrypted(file: str) -> ImportRefused:
    """The refusal of a password-protected workbook (found here or by calamine)."""
    return refuse(
        file,
        "de werkmap is met een wachtwoord beveiligd. Open hem in Excel, haal "
        "de beveiliging eraf (Bestand > Info > Werkmap beveiligen) en sla hem opnieuw op.",
    )
