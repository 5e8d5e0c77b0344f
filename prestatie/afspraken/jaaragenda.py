"""The jaaragenda: the deadlines (termijnen) that come back every year, and which come next.

The data are in `prestatie/afspraken/data/jaaragenda.csv` (source in
`prestatie/afspraken/data/README.md`): per termijn the document, the afspraak it belongs to,
month and day (empty: the last day of the month) and the text. :func:`upcoming` is given
today's date and works out the next time of every termijn: today still counts (0 days), a
termijn already past this year comes back next year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from prestatie.referentie.tables import read_table

COLUMNS = ("document", "afspraak", "maand", "dag", "termijn")


@dataclass(frozen=True)
class Termijn:
    """A yearly termijn: on day ``dag`` of month ``maand`` (None: the last day)."""

    document: str
    afspraak: str
    maand: int
    dag: int | None
    termijn: str

    def in_year(self, year: int) -> date:
        """The date in ``year``; the last day of February follows the leap years."""
        last_day = calendar.monthrange(year, self.maand)[1]
        return date(year, self.maand, last_day if self.dag is None else self.dag)


@dataclass(frozen=True)
class Upcoming:
    """The next time of a termijn, seen from a day."""

    when: date
    days: int  # 0: today
    termijn: Termijn


def termijnen() -> tuple[Termijn, ...]:
    """Every termijn in `prestatie/afspraken/data/jaaragenda.csv`."""
    return tuple(
        Termijn(
            document=row["document"],
            afspraak=row["afspraak"],
            maand=int(row["maand"]),
            dag=int(row["dag"]) if row["dag"] else None,
            termijn=row["termijn"],
        )
        for row in read_table("jaaragenda.csv", COLUMNS, "prestatie.afspraken")
    )


TERMIJNEN = termijnen()


def next_date(termijn: Termijn, today: date) -> date:
    """The first date of the termijn on or after ``today``."""
    this_year = termijn.in_year(today.year)
    return this_year if this_year >= today else termijn.in_year(today.year + 1)


def upcoming(
    termijnen: tuple[Termijn, ...], today: date, documents: set[str] | None = None
) -> list[Upcoming]:
    """Every termijn (of ``documents``; None: all) on its next date, earliest first."""
    chosen = [t for t in termijnen if documents is None or t.document in documents]
    found = [Upcoming(d, (d - today).days, t) for t in chosen for d in [next_date(t, today)]]
    return sorted(found, key=lambda k: (k.when, k.termijn.afspraak))


def in_days(days: int) -> str:
    """0 -> "vandaag", 1 -> "morgen", 24 -> "over 24 dagen"."""
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    return f"over {days} dagen"
