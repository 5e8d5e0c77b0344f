"""Reading the reference tables shipped as CSV package data (a ``data/`` folder beside the code)."""

import csv
import io
from importlib.resources import files


class OngeldigeTabel(ValueError):
    """A reference table does not have the columns the code expects."""


def lees_tabel(
    bestand: str, kolommen: tuple[str, ...], package: str = "prestatie.referentie"
) -> list[dict[str, str]]:
    """The rows of ``<package>/data/<bestand>`` as dicts, after checking the header is
    `kolommen`."""
    tekst = files(package).joinpath("data", bestand).read_text(encoding="utf-8")
    lezer = csv.DictReader(io.StringIO(tekst))
    if tuple(lezer.fieldnames or ()) != kolommen:
        raise OngeldigeTabel(
            f"{bestand}: kolommen {lezer.fieldnames} wijken af van de verwachte {list(kolommen)}"
        )
    return [dict(rij) for rij in lezer]
