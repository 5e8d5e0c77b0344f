"""Statuses and the evaluation record every page, export and the CLI share.

Statuses, the same on every page:
- behaald: the target's moment has data and the norm is met (for a count in a running period:
  the norm is already reached);
- op koers: the moment lies ahead and the latest data is on the path to the norm (a straight
  line from the previous milestone, the first measurement, or zero for counts);
- achter: the moment lies ahead and the latest data is behind that path;
- niet behaald: the moment has data and the norm is not met;
- geen gegevens: the data needed is not in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prestatie.afspraken.schema import Doel, Periode

BEHAALD, OP_KOERS, ACHTER, NIET_BEHAALD, GEEN_GEGEVENS = (
    "behaald",
    "op koers",
    "achter",
    "niet behaald",
    "geen gegevens",
)
STATUSES = (BEHAALD, OP_KOERS, ACHTER, NIET_BEHAALD, GEEN_GEGEVENS)
STATUS_KLEUREN = {
    BEHAALD: "#1a7f37",
    OP_KOERS: "#6cc24a",
    ACHTER: "#f0a202",
    NIET_BEHAALD: "#c62828",
    GEEN_GEGEVENS: "#9e9e9e",
}


@dataclass(frozen=True)
class Evaluation:
    document: str
    afspraak: str
    doel: str
    omschrijving: str
    soort: str
    corporatie: str
    gemeente: str
    jaar: int
    periode: str
    richting: str
    norm: object
    waarde: object
    status: str
    tekort: int | None = None  # homes short of the norm (or of the path, when on the way)
    basis: float | None = None  # homes the value is measured over
    peildatum: date | None = None
    uitleg: str = ""
    gemeten_op: str = ""  # "verhuringen" when measured on the lettings, else the stock/production
    document_titel: str = ""  # the document's title for people; ``document`` is its id

    @property
    def document_naam(self) -> str:
        """The document as a person names it: its title, else its id."""
        return self.document_titel or self.document


@dataclass(frozen=True)
class Scope:
    corporatie: str  # name shown: one corporatie, "Lefier + Woonservice" or "alle corporaties"
    corporaties: tuple[str, ...]


def evaluation(doel: Doel, scope: Scope, periode: Periode, norm, **kw) -> Evaluation:
    """An evaluation of one target for one scope and period; ``kw`` holds the outcome."""
    return Evaluation(
        doel.document,
        doel.afspraak,
        doel.id,
        doel.omschrijving,
        doel.soort,
        scope.corporatie,
        doel.gemeente,
        periode.tot,
        periode.label,
        doel.richting,
        norm,
        **{"document_titel": doel.document_titel, **kw},
    )


def no_data(
    doel: Doel, scope: Scope, periode: Periode, norm, text: str, peil: date | None = None
) -> Evaluation:
    return evaluation(
        doel, scope, periode, norm, waarde=None, status=GEEN_GEGEVENS, peildatum=peil, uitleg=text
    )
