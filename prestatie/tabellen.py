"""Reading the reference tables shipped as CSV package data in `prestatie/data/`."""

import csv
import io
from importlib.resources import files


class OngeldigeTabel(ValueError):
    """A reference table in prestatie/data does not have the columns the code expects."""


def lees_tabel(bestand: str, kolommen: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of `prestatie/data/<bestand>` as dicts, after checking the header is `kolommen`."""
    tekst = files("prestatie").joinpath("data", bestand).read_text(encoding="utf-8")
    lezer = csv.DictReader(io.StringIO(tekst))
    if tuple(lezer.fieldnames or ()) != kolommen:
        raise OngeldigeTabel(
            f"{bestand}: kolommen {lezer.fieldnames} wijken af van de verwachte {list(kolommen)}"
        )
    return [dict(rij) for rij in lezer]
