"""De jaaragenda: de termijnen die elk jaar terugkomen, en welke de eerstvolgende zijn.

De data staan in `prestatie/afspraken/data/jaaragenda.csv` (bron in
`prestatie/afspraken/data/README.md`): per termijn het document, de afspraak waar hij bij hoort,
maand en dag (leeg: de laatste dag van de maand) en de tekst. :func:`komende` krijgt de datum van
vandaag mee en rekent de volgende keer van elke termijn uit: vandaag telt nog mee (0 dagen), een
termijn die dit jaar al voorbij is komt volgend jaar terug.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from prestatie.referentie.tables import read_table

KOLOMMEN = ("document", "afspraak", "maand", "dag", "termijn")


@dataclass(frozen=True)
class Termijn:
    """Een jaarlijkse termijn: op dag ``dag`` van maand ``maand`` (None: de laatste dag)."""

    document: str
    afspraak: str
    maand: int
    dag: int | None
    termijn: str

    def in_jaar(self, jaar: int) -> date:
        """De datum in ``jaar``; de laatste dag van februari volgt de schrikkeljaren."""
        laatste = calendar.monthrange(jaar, self.maand)[1]
        return date(jaar, self.maand, laatste if self.dag is None else self.dag)


@dataclass(frozen=True)
class Komend:
    """De eerstvolgende keer van een termijn, gezien vanaf een dag."""

    datum: date
    dagen: int  # 0: vandaag
    termijn: Termijn


def termijnen() -> tuple[Termijn, ...]:
    """Alle termijnen uit `prestatie/afspraken/data/jaaragenda.csv`."""
    return tuple(
        Termijn(
            document=rij["document"],
            afspraak=rij["afspraak"],
            maand=int(rij["maand"]),
            dag=int(rij["dag"]) if rij["dag"] else None,
            termijn=rij["termijn"],
        )
        for rij in read_table("jaaragenda.csv", KOLOMMEN, "prestatie.afspraken")
    )


TERMIJNEN = termijnen()


def volgende(termijn: Termijn, today: date) -> date:
    """De eerste datum van de termijn op of na ``today``."""
    dit_jaar = termijn.in_jaar(today.year)
    return dit_jaar if dit_jaar >= today else termijn.in_jaar(today.year + 1)


def komende(
    alle: tuple[Termijn, ...], today: date, documenten: set[str] | None = None
) -> list[Komend]:
    """Elke termijn (van ``documenten``; None: alle) op zijn eerstvolgende datum, vroegste eerst."""
    gekozen = [t for t in alle if documenten is None or t.document in documenten]
    komend = [Komend(d, (d - today).days, t) for t in gekozen for d in [volgende(t, today)]]
    return sorted(komend, key=lambda k: (k.datum, k.termijn.afspraak))


def over(dagen: int) -> str:
    """0 -> "vandaag", 1 -> "morgen", 24 -> "over 24 dagen"."""
    if dagen == 0:
        return "vandaag"
    if dagen == 1:
        return "morgen"
    return f"over {dagen} dagen"
