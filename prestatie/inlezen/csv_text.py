"""A CSV upload -> rows of text cells: its encoding, its delimiter, a rectangle of cells.

Dutch Excel saves CSV with `;` (a comma is the decimal sign) in Windows-1252; other programs
write UTF-8, with or without BOM, and `,` or tab. Excel's own hint, a first line ``sep=;``,
wins over guessing.
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from prestatie import fmt
from prestatie.inlezen.errors import refuse

_SEP_LINE = re.compile(r"^sep=([;,\t|])\r?\n")


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


def _blank_cells(text: str, delimiter: str) -> str:
    """The text with every cell of only spaces (quoted or not) made empty: one pass of a regular
    expression over the whole text instead of a test of every cell."""
    d = re.escape(delimiter)
    space = "[ ]" if delimiter == "\t" else "[ \t]"
    pattern = re.compile(rf'(?m)(^|{d})(?:{space}+|"{space}*")(?={d}|\r?$)')
    return pattern.sub(r"\1", text)


def read_cells(file: str, data: bytes, max_rows: int) -> np.ndarray | list[list[object]]:
    """The cells, short lines padded with "" (as a sheet is a rectangle), blank cells "": a 2-D
    array of text when every line has the same number of fields (read vectorised, never a
    Python list per line), else a list of rows."""
    text = decode_text(data)
    if "\x00" in text:
        raise refuse(
            file,
            "het bestand is geen tekst- of CSV-bestand. Sla de gegevens op als "
            "CSV of Excel-werkmap.",
        )
    if text.count("\n") > max_rows:
        raise refuse(
            file,
            f"het bestand heeft meer dan {fmt.num(max_rows)} regels; dat is meer dan "
            "welke corporatie ook aan woningen heeft. Klopt het bestand?",
        )
    if sep := _SEP_LINE.match(text):  # Excel's own hint, a first line "sep=;"; Excel hides it
        delimiter, text = sep[1], text[sep.end() :]
    else:
        delimiter = sniff_delimiter(text.split("\n", 50)[:50])  # not a list of every line
    # blank cells (only spaces) are made "" column by column in sheet_rows, not cell by cell
    if (rows := _rectangle(text, delimiter)) is not None:
        return rows
    rows: list[list[object]] = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = max((len(row) for row in rows), default=0)
    for row in rows:  # a rectangle, as a sheet is: short lines padded with empty cells
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _rectangle(text: str, delimiter: str) -> np.ndarray | None:
    """The cells of a file whose lines all have the same number of fields, read by Arrow's CSV
    reader (vectorised, every cell kept as text, the same quoting rules as :mod:`csv`); None
    for any other file (title rows, blank lines, ragged lines), which :mod:`csv` reads."""
    head = list(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter))[:-1]
    if not head or len({len(row) for row in head}) != 1:
        return None
    width = len(head[0])
    names = [f"k{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:  # a line with another number of fields
        return None
    if table.num_rows == 0:
        return None
    columns = [table.column(i).to_numpy(zero_copy_only=False) for i in range(width)]
    return np.column_stack(columns)
