"""The roles as data: who is beheerder, invoerder, gemeente or lezer.

The rules are TOML (``data/rollen.toml`` until a beheerder saves a version in the app, then
the latest version in the database), one ``[[gebruiker]]`` table per rule::

    onbekend = "lezer"            # a logged-in user no rule names: "lezer" or "geen" (no access)

    [[gebruiker]]
    wie = "anna@lefier.nl"        # an e-mail address, or a whole domain: "@emmen.nl"
    rol = "invoerder"             # beheerder | invoerder | gemeente | lezer (default lezer)
    corporaties = ["Lefier"]      # invoerder: whose files this user may read in and undo
    gemeente = "Emmen"            # gemeente: whose register (statuses, notes) this user keeps

A user matches the rule of their own address first, else the rule of their domain, else
``onbekend``. A domain rule with only a gemeente (``wie = "@emmen.nl"``, ``gemeente =
"Emmen"``) makes everyone there a lezer of that gemeente; a gemeente role needs ``rol =
"gemeente"``. Names of corporations and gemeenten are written as prestatie writes them (an
alias is accepted and stored by its proper name). Without login configured there are no users:
everyone is the local beheerder (:func:`lokaal`).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from prestatie.referentie import partijen

BEHEERDER = "beheerder"
INVOERDER = "invoerder"
GEMEENTE = "gemeente"
LEZER = "lezer"
GEEN = "geen"  # no access at all (only as ``onbekend``)
ROLLEN = (BEHEERDER, INVOERDER, GEMEENTE, LEZER)
LOKAAL = "lokaal"  # how the log names the local user who gave no name

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^@[^@\s]+\.[^@\s]+$")
TABLE_COLUMNS = ("wie", "rol", "corporaties", "gemeente")


class InvalidRoles(ValueError):
    """Rules that cannot be used; the message says, in Dutch, which rule and why."""


@dataclass(frozen=True)
class Regel:
    """One rule: an address or domain and the role it gives."""

    wie: str
    rol: str = LEZER
    corporaties: tuple[str, ...] = ()
    gemeente: str | None = None


@dataclass(frozen=True)
class Rollen:
    """Every rule, and what a logged-in user no rule names gets."""

    regels: tuple[Regel, ...] = ()
    onbekend: str = LEZER


@dataclass(frozen=True)
class Gebruiker:
    """The user a write is done by: a logged-in e-mail address with its role, or the local
    user (no login configured: beheerder, named by what they typed, if anything)."""

    email: str | None
    naam: str
    rol: str
    corporaties: tuple[str, ...] = ()
    gemeente: str | None = None
    lokaal: bool = False

    @property
    def wie(self) -> str:
        """How the log and the refusals name the user: the e-mail address, else the name."""
        return self.email or self.naam


def lokaal(naam: str | None = None) -> Gebruiker:
    """The user without login configured: beheerder (everyone who can open the page)."""
    naam = " ".join((naam or "").split())
    return Gebruiker(None, naam or LOKAAL, BEHEERDER, lokaal=True)


def read_rules(text: str, source: str = "rollen.toml") -> Rollen:
    """The rules of a TOML text; raises InvalidRoles naming the source and the rule."""
    try:
        content = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidRoles(f"{source}: geen geldige TOML ({exc})") from None
    unknown = set(content) - {"onbekend", "gebruiker"}
    if unknown:
        raise InvalidRoles(f"{source}: onbekende sleutel {', '.join(sorted(unknown))}")
    onbekend = content.get("onbekend", LEZER)
    if onbekend not in (LEZER, GEEN):
        raise InvalidRoles(f"{source}: onbekend moet 'lezer' of 'geen' zijn, niet '{onbekend}'")
    rows = content.get("gebruiker", [])
    if not isinstance(rows, list):
        raise InvalidRoles(f"{source}: schrijf elke regel als [[gebruiker]]")
    rules = [_rule(row, f"{source}, regel {n}") for n, row in enumerate(rows, start=1)]
    return Rollen(_checked(rules), onbekend)


def _rule(row: object, where: str) -> Regel:
    if not isinstance(row, dict):
        raise InvalidRoles(f"{where}: geen tabel")
    unknown = set(row) - set(TABLE_COLUMNS)
    if unknown:
        raise InvalidRoles(f"{where}: onbekende sleutel {', '.join(sorted(unknown))}")
    corporaties = row.get("corporaties", ())
    if isinstance(corporaties, str):
        corporaties = [corporaties]
    return make_rule(
        str(row.get("wie", "")),
        str(row.get("rol") or LEZER),
        [str(c) for c in corporaties],
        None if row.get("gemeente") in (None, "") else str(row["gemeente"]),
        where,
    )


def make_rule(
    wie: str, rol: str, corporaties: Iterable[str], gemeente: str | None, where: str
) -> Regel:
    """One checked rule, names made proper; raises InvalidRoles saying ``where`` and why."""
    wie = wie.strip().lower()
    if not (_EMAIL.match(wie) or _DOMAIN.match(wie)):
        raise InvalidRoles(
            f"{where}: '{wie}' is geen e-mailadres (naam@domein.nl) of domein (@domein.nl)"
        )
    rol = rol.strip().lower() or LEZER
    if rol not in ROLLEN:
        raise InvalidRoles(f"{where} ({wie}): onbekende rol '{rol}'; kies uit {', '.join(ROLLEN)}")
    names = []
    for name in corporaties:
        if not name.strip():
            continue
        proper = partijen.corporatie(name)
        if proper is None:
            raise InvalidRoles(f"{where} ({wie}): " + partijen.unknown_text("corporatie", name))
        names.append(proper)
    if gemeente is not None and gemeente.strip():
        proper_gemeente = partijen.gemeente(gemeente)
        if proper_gemeente is None:
            raise InvalidRoles(f"{where} ({wie}): " + partijen.unknown_text("gemeente", gemeente))
    else:
        proper_gemeente = None
    if rol == INVOERDER and not names:
        raise InvalidRoles(f"{where} ({wie}): een invoerder heeft corporaties nodig")
    if rol != INVOERDER and names:
        raise InvalidRoles(f"{where} ({wie}): alleen een invoerder heeft corporaties")
    if rol == GEMEENTE and proper_gemeente is None:
        raise InvalidRoles(f"{where} ({wie}): de rol gemeente heeft een gemeente nodig")
    return Regel(wie, rol, tuple(dict.fromkeys(names)), proper_gemeente)


def _checked(rules: list[Regel]) -> tuple[Regel, ...]:
    seen: set[str] = set()
    for rule in rules:
        if rule.wie in seen:
            raise InvalidRoles(f"'{rule.wie}' staat twee keer in de rollen")
        seen.add(rule.wie)
    return tuple(rules)


def rules_toml(rollen: Rollen) -> str:
    """The rules as TOML that :func:`read_rules` reads back to the same rules."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string

    lines = [f"onbekend = {q(rollen.onbekend)}"]
    for rule in rollen.regels:
        lines += ["", "[[gebruiker]]", f"wie = {q(rule.wie)}", f"rol = {q(rule.rol)}"]
        if rule.corporaties:
            lines.append(f"corporaties = [{', '.join(q(c) for c in rule.corporaties)}]")
        if rule.gemeente:
            lines.append(f"gemeente = {q(rule.gemeente)}")
    return "\n".join(lines) + "\n"


def rule_for(rollen: Rollen, email: str) -> Regel | None:
    """The rule of an address: its own, else its domain's, else None."""
    email = email.strip().lower()
    by_wie = {r.wie: r for r in rollen.regels}
    domain = "@" + email.rpartition("@")[2]
    return by_wie.get(email) or by_wie.get(domain)


def user_for(rollen: Rollen, email: str, naam: str | None = None) -> Gebruiker:
    """The logged-in user of an address, with the role the rules give (``onbekend`` when none
    names them: lezer, or geen)."""
    email = email.strip().lower()
    rule = rule_for(rollen, email)
    if rule is None:
        return Gebruiker(email, naam or email, rollen.onbekend)
    return Gebruiker(email, naam or email, rule.rol, rule.corporaties, rule.gemeente)


def describe(user: Gebruiker) -> str:
    """The role in words: 'beheerder', 'invoerder voor Lefier en Domesta', 'gemeente Emmen',
    'lezer'."""
    if user.rol == INVOERDER:
        return f"invoerder voor {_and(user.corporaties)}"
    if user.rol == GEMEENTE:
        return f"gemeente {user.gemeente}"
    if user.rol == LEZER and user.gemeente:
        return f"lezer (gemeente {user.gemeente})"
    if user.rol == GEEN:
        return "zonder toegang"
    return user.rol


def _and(names: Iterable[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def rules_table(rollen: Rollen) -> pd.DataFrame:
    """The rules as a table to edit (corporaties written with commas)."""
    return pd.DataFrame(
        [
            {
                "wie": r.wie,
                "rol": r.rol,
                "corporaties": ", ".join(r.corporaties),
                "gemeente": r.gemeente or "",
            }
            for r in rollen.regels
        ],
        columns=list(TABLE_COLUMNS),
    ).astype("string")


def rules_from_table(frame: pd.DataFrame, onbekend: str = LEZER) -> Rollen:
    """The rules of an edited table (empty rows left out); raises InvalidRoles naming the row."""
    rules = []
    for n, row in enumerate(frame.to_dict("records"), start=1):
        cells = {c: "" if pd.isna(row.get(c)) else str(row.get(c)).strip() for c in TABLE_COLUMNS}
        if not any(cells.values()):
            continue
        rules.append(
            make_rule(
                cells["wie"],
                cells["rol"],
                cells["corporaties"].split(","),
                cells["gemeente"] or None,
                f"rij {n}",
            )
        )
    if onbekend not in (LEZER, GEEN):
        raise InvalidRoles(f"onbekend moet 'lezer' of 'geen' zijn, niet '{onbekend}'")
    return Rollen(_checked(rules), onbekend)


def changes(old: Rollen, new: Rollen) -> str:
    """What a new version of the roles changes, in words for the log."""
    before = {r.wie: r for r in old.regels}
    after = {r.wie: r for r in new.regels}

    def said(rule: Regel) -> str:
        return describe(Gebruiker(rule.wie, rule.wie, rule.rol, rule.corporaties, rule.gemeente))

    parts = [f"{w} nieuw ({said(r)})" for w, r in after.items() if w not in before]
    parts += [
        f"{w}: {said(before[w])} → {said(r)}"
        for w, r in after.items()
        if w in before and before[w] != r
    ]
    parts += [f"{w} verwijderd" for w in before if w not in after]
    if old.onbekend != new.onbekend:
        parts.append(f"onbekende gebruikers: {old.onbekend} → {new.onbekend}")
    return "; ".join(parts) or "geen wijzigingen"
