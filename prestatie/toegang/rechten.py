"""Which role may do which write: the one rule book, asked by every write of
:mod:`prestatie.dashboard` (the server checks; the pages only hide what a role may not use).

- *beheerder*: everything (agreements, all data, the demo, the roles, new corporations);
- *invoerder* for corporations: read in files of those corporations, undo their imports;
- *gemeente*: statuses and notes in the register of its own gemeente;
- *lezer*: nothing that writes (every page and every export).

A refusal names both sides: "anna@lefier.nl is invoerder voor Lefier en mag geen bestand van
Domesta inlezen". A write without a user is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from prestatie.toegang.rollen import BEHEERDER, GEMEENTE, INVOERDER, Gebruiker, describe

# The kinds of write (what the log calls them).
IMPORT = "import"
ONGEDAAN = "import ongedaan"
STATUS = "status"
AFSPRAKEN = "afspraakversie"
DEMO = "demo verwijderen"
DEMO_INLEZEN = "demo ingelezen"
ROLLEN = "rollen"
CORPORATIE = "corporatie toegevoegd"
LEEG = "database leeggemaakt"
VERVANGING = "vervanging"  # only in the log: an import that replaced older ones (checked as IMPORT)
AANGEMELD = "aangemeld"  # only in the log: a logged-in user opened the app (a new session)
SOORTEN = (IMPORT, VERVANGING, ONGEDAAN, STATUS, AFSPRAKEN, DEMO, DEMO_INLEZEN, ROLLEN, CORPORATIE,
           LEEG)  # fmt: skip

# What a user who may not is refused, after "… is lezer en mag ".
_NOT = {
    IMPORT: "geen bestanden inlezen",
    ONGEDAAN: "geen imports ongedaan maken",
    STATUS: "geen status zetten in het register",
    AFSPRAKEN: "geen afspraken wijzigen",
    DEMO: "de demonstratiegegevens niet verwijderen",
    DEMO_INLEZEN: "de demonstratiegegevens niet inlezen",
    ROLLEN: "geen rollen wijzigen",
    CORPORATIE: "geen corporaties toevoegen",
    LEEG: "de database niet leegmaken",
}
NO_USER = (
    "Geweigerd: geen gebruiker. Alleen een aangemelde gebruiker met een rol die het toestaat "
    "mag gegevens wijzigen."
)


class NotPermitted(PermissionError):
    """A write the user's role does not allow; the message says who, what and why, in Dutch."""


@dataclass(frozen=True)
class Handeling:
    """A write someone wants to do: its kind, whose data (corporatie) or which register
    (gemeente) it touches, and what it is about (``onderwerp``, as the log and refusal say it:
    a file name, 'import 12', 'A2 in 2024')."""

    soort: str
    corporatie: str | None = None
    gemeente: str | None = None
    onderwerp: str = ""


def refusal(user: Gebruiker | None, write: Handeling) -> str | None:
    """Why ``user`` may not do ``write`` (Dutch), or None when the role allows it."""
    if user is None:
        return NO_USER
    if user.rol == BEHEERDER:
        return None
    who = f"{user.wie} is {describe(user)}"
    if user.rol == INVOERDER and write.soort in (IMPORT, ONGEDAAN):
        if write.corporatie is not None and write.corporatie in user.corporaties:
            return None
        whose = write.corporatie or "een onbekende corporatie"
        if write.soort == IMPORT:
            return f"{who} en mag geen bestand van {whose} inlezen"
        return f"{who} en mag {write.onderwerp or 'een import'} van {whose} niet ongedaan maken"
    if user.rol == GEMEENTE and write.soort == STATUS:
        if write.gemeente is not None and write.gemeente == user.gemeente:
            return None
        return f"{who} en mag geen status zetten in het register van {write.gemeente or '–'}"
    return f"{who} en mag {_NOT.get(write.soort, 'dit niet')}"


def may(user: Gebruiker | None, write: Handeling) -> bool:
    return refusal(user, write) is None


def check(user: Gebruiker | None, write: Handeling) -> None:
    """Raise NotPermitted with the Dutch reason unless ``user`` may do ``write``."""
    if (reason := refusal(user, write)) is not None:
        raise NotPermitted(reason if reason.endswith(".") else reason + ".")


def may_some(user: Gebruiker | None, soort: str) -> bool:
    """Whether ``user`` may do this kind of write for anything at all: what decides whether a
    page shows its widgets (each write is checked again with what it touches)."""
    if user is None:
        return False
    if user.rol == BEHEERDER:
        return True
    if user.rol == INVOERDER:
        return soort in (IMPORT, ONGEDAAN) and bool(user.corporaties)
    if user.rol == GEMEENTE:
        return soort == STATUS and user.gemeente is not None
    return False
