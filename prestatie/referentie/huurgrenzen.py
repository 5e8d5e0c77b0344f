"""The official huurgrenzen (rent limits, € per month) 2015-2026.

Each year's values apply from 1 January of that year. The table lives in
`prestatie/referentie/data/huurgrenzen.csv`; its source is named in
`prestatie/referentie/data/README.md`.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from prestatie.referentie.tables import InvalidTable, read_table

GRENZEN = (
    "kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens",
    "tweede_aftoppingsgrens",
    "liberalisatiegrens",
)
NAMEN: dict[str, str] = {
    "kwaliteitskortingsgrens": "kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens": "1e aftoppingsgrens",
    "tweede_aftoppingsgrens": "2e aftoppingsgrens",
    "liberalisatiegrens": "liberalisatiegrens",
}
EERSTE_JAAR_DAEB_HUURGRENS = 2024
CENT = Decimal("0.01")


class UnknownYear(LookupError):
    """The huurgrenzen table has no row for this year."""

    def __init__(self, jaar: int) -> None:
        eerste, laatste = min(_tabel()), max(_tabel())
        super().__init__(
            f"Geen huurgrenzen bekend voor {jaar} (tabel loopt van {eerste} t/m {laatste})"
        )
        self.jaar = jaar


class UnknownLimit(LookupError):
    """The name is not one of GRENZEN."""

    def __init__(self, grens: str) -> None:
        super().__init__(f"Onbekende huurgrens '{grens}' (kies uit: {', '.join(GRENZEN)})")
        self.grens = grens


@cache
def _tabel() -> dict[int, dict[str, Decimal]]:
    tabel: dict[int, dict[str, Decimal]] = {}
    for rij in read_table("huurgrenzen.csv", ("jaar", *GRENZEN)):
        jaar = int(rij["jaar"])
        if jaar in tabel:
            raise InvalidTable(f"huurgrenzen.csv: jaar {jaar} staat er meer dan eens in")
        tabel[jaar] = {grens: Decimal(rij[grens]) for grens in GRENZEN}
    if sorted(tabel) != list(range(min(tabel), max(tabel) + 1)):
        raise InvalidTable(f"huurgrenzen.csv: de jaren {sorted(tabel)} sluiten niet aan")
    return tabel


def jaren() -> range:
    """The years the table covers."""
    return range(min(_tabel()), max(_tabel()) + 1)


def naam(grens: str, jaar: int | None = None) -> str:
    """Dutch display name; the liberalisatiegrens is called DAEB-huurgrens from 2024 on."""
    _controleer(grens)
    if grens == "liberalisatiegrens" and jaar is not None and jaar >= EERSTE_JAAR_DAEB_HUURGRENS:
        return "DAEB-huurgrens"
    return NAMEN[grens]


def grenzen_in_jaar(jaar: int) -> dict[str, Decimal]:
    """All four limits in force during `jaar`."""
    try:
        return dict(_tabel()[jaar])
    except KeyError:
        raise UnknownYear(jaar) from None


def in_force(datum: date) -> dict[str, Decimal] | None:
    """The four limits in force on `datum`, or None when the table has no row for its year.

    The one question every figure asks; a year beyond the table (a peildatum 1-1-2027 before
    the 2027 limits are added) is then shown as :func:`unknown_text`, never as an exception."""
    limits = _tabel().get(datum.year)
    return None if limits is None else dict(limits)


def unknown_text(jaar: int) -> str:
    """'geen huurgrenzen bekend voor 2027 (de tabel loopt van 2015 t/m 2026)'."""
    return (
        f"geen huurgrenzen bekend voor {jaar} (de tabel loopt van {min(_tabel())} t/m "
        f"{max(_tabel())}; een nieuw jaar is één regel in huurgrenzen.csv)"
    )


def in_cents(bedrag: Decimal | float | int) -> int:
    """An amount in whole cents, rounded half up: the unit every rent comparison uses."""
    return int(_in_centen(bedrag) * 100)


def grens_op(datum: date, grens: str) -> Decimal:
    """The limit in force on `datum`: each year's values apply from 1 January."""
    _controleer(grens)
    return grenzen_in_jaar(datum.year)[grens]


def tabel() -> list[dict[str, int | Decimal]]:
    """One row per year for display: `jaar` and the four limits (label columns with NAMEN)."""
    return [{"jaar": jaar, **grenzen} for jaar, grenzen in sorted(_tabel().items())]


def _in_centen(bedrag: Decimal | float | int) -> Decimal:
    # str() first, so the float 678.66 becomes Decimal("678.66") and not 678.659999...
    exact = bedrag if isinstance(bedrag, Decimal) else Decimal(str(bedrag))
    return exact.quantize(CENT, rounding=ROUND_HALF_UP)


def _controleer(grens: str) -> None:
    if grens not in GRENZEN:
        raise UnknownLimit(grens)
