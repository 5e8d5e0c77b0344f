"""Een melding van :mod:`prestatie.afspraken.toml_reader` over de TOML uit het sjabloon, terug
op zijn plek: blad, rij zoals Excel hem toont, kolom en waarde.

targets noemt een afspraak of doel bij nummer of id (``doel "A1": …``) of bij volgnummer
(``afspraak nr. 3: …``), en de sleutel tussen aanhalingstekens of als eerste woord. Uit het
sjabloon weten we welke rij elk nummer had; de kolom is die met de naam van de sleutel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prestatie.afspraken.sjabloon_cells import tekst
from prestatie.afspraken.sjabloon_layout import (
    AFSPRAKEN,
    DOCUMENT,
    DOELEN,
    KOLOMMEN,
    Raster,
    letter,
)
from prestatie.inlezen.errors import Problem

_WAAR = re.compile(r'(?:\[document\]|(afspraak|doel) (?:"(.*?)"|nr\. (\d+))): (.*)', re.DOTALL)
_ALIAS = {"partijen": "partij", "themas": "thema", "corporatie": "corporaties"}
_DOCUMENTVELDEN = ("id", "titel", "gemeente", "partij", "periode", "bron", "ondertekend", "thema")


@dataclass
class Plaatsen:
    """Where each agreement and target of the TOML came from, to place targets' messages."""

    bestand: str
    velden: dict[str, int]  # sheet Document: the row of each veld
    afspraken: list[tuple[int, dict[str, object]]]  # (Excel row, cells by column)
    doelen: list[tuple[int, dict[str, object]]]
    rasters: dict[str, Raster]

    def probleem(self, melding: str, tomlnaam: str) -> Problem:
        """The message of targets about file ``tomlnaam`` as a Problem in the workbook."""
        reden = melding.removeprefix(f"{tomlnaam}, ").removeprefix(f"{tomlnaam}: ")
        waar = _WAAR.fullmatch(reden)
        if not waar:
            return Problem(self.bestand, reden)
        soort, sleutel, index, reden = waar.groups()
        if soort is None:
            veld = _kolom(reden, _DOCUMENTVELDEN)
            return Problem(
                self.bestand,
                reden,
                DOCUMENT,
                self.velden.get(veld or ""),
                "B (waarde)" if veld else None,
            )
        blad, rijen, naam = (
            (AFSPRAKEN, self.afspraken, "nummer")
            if soort == "afspraak"
            else (DOELEN, self.doelen, "id")
        )
        if index:
            rij = rijen[int(index) - 1][0] if int(index) <= len(rijen) else None
        else:
            rij = next((r for r, cellen in rijen if cellen.get(naam) == sleutel), None)
        return self._cel(blad, rij, _kolom(reden, KOLOMMEN[blad]), reden)

    def _cel(self, blad: str, rij: int | None, kolom: str | None, reden: str) -> Problem:
        kop = [tekst(c).lower() for c in self.rasters[blad][0]]
        if kolom is None or kolom not in kop or rij is None:
            return Problem(self.bestand, reden, blad, rij)
        c = kop.index(kolom)
        cellen = self.rasters[blad][rij - 1]
        waarde = cellen[c] if c < len(cellen) else None
        return Problem(self.bestand, reden, blad, rij, f"{letter(c)} ({kolom})", waarde)


def _kolom(reden: str, kolommen: tuple[str, ...]) -> str | None:
    """The column a message of targets is about: the first quoted, else the first word."""
    kandidaten = re.findall(r'"([^"]*)"', reden) + re.findall(r"[a-z_]+", reden)
    for kandidaat in kandidaten:
        naam = _ALIAS.get(kandidaat, kandidaat)
        if naam in kolommen:
            return naam
    return None
