"""Reading the reference tables shipped as CSV package data (a ``data/`` folder beside the code)."""

import csv
import io
from importlib.resources import files


class InvalidTable(ValueError):
    """A reference table does not have the columns the code expects."""


def read_table(
    file_name: str, columns: tuple[str, ...], package: str = "prestatie.referentie"
) -> list[dict[str, str]]:
    """The rows of ``<package>/data/<file_name>`` as dicts, after checking the header is
    `columns`."""
    text = files(package).joinpath("data", file_name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise InvalidTable(
            f"{file_name}: kolommen {reader.fieldnames} wijken af van de verwachte {list(columns)}"
        )
    return [dict(row) for row in reader]
