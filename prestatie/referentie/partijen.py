"""The parties of the agreements: gemeenten (CBS codes, provinces), their kernen, corporaties.

Gemeenten: the 342 of 1 January 2026 with code and province, and those merged away since 2015,
whose old code and name lead to the gemeente that holds them now (a BAG id keeps the code of
the gemeente that issued it). Kernen: the BAG woonplaatsen of a gemeente and the few villages
that are no woonplaats; a kern's name is only unique within its gemeente (Haren lies in Oss,
"Haren Gn" in Groningen), so a kern is looked up per gemeente. Corporaties: the toegelaten
instellingen and the spellings people write, plus the corporations a user added (a new or
merged one; kept in the database and handed over with :func:`use_added`).

The tables live in `prestatie/referentie/data/`; their sources are named in that folder's
README. Look-ups ignore case, accents, spaces, hyphens and punctuation and go through indexes
built once; an unknown name is matched to the closest known ones for the Dutch message
(:func:`unknown_text`: "onbekende corporatie 'Woonstadt'; bedoelt u Woonstad Rotterdam?").
"""

import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from prestatie.referentie.namen import closest, did_you_mean, index, key
from prestatie.referentie.tables import InvalidTable, read_table

_GEMEENTE_PREFIXES = ("gemeente ", "gem ")
# "Hengelo (O.)", and the BAG's "Haren Gn", "Hengelo (Gld)", "Bergen L": a name with its province
_GEMEENTE_SUFFIX = re.compile(r"^(.*?)\s*\([^()]*\)$")
_WOONPLAATS_SUFFIX = re.compile(
    r"^(.*?)(?:\s+\([A-Za-z.]{1,4}\)|\s+(?:Gn|Fr|Dr|Ov|Gld|Ut|NB|NH|ZH|Zl|Z|L|Lb|O|Fl))$"
)


class InvalidCorporatie(ValueError):
    """A corporation to add has no name, or a name or spelling of another corporation."""


@dataclass(frozen=True)
class OpgehevenGemeente:
    """A gemeente merged away (or renamed with a new code) since 2015."""

    code: str
    gemeente: str
    opgeheven: date
    opgegaan_in: str  # the gemeente that holds it now (for a split one: the largest part)
    ook_naar: tuple[str, ...]  # the other gemeenten that got a part of a split one


# --- gemeenten -----------------------------------------------------------------------------

_GEMEENTE_ROWS = read_table("gemeenten.csv", ("code", "gemeente", "provincie"))
_OPGEHEVEN_ROWS = read_table(
    "gemeenten_opgeheven.csv",
    ("code", "gemeente", "opgeheven", "opgegaan_in_code", "opgegaan_in", "ook_naar"),
)
_GEMEENTE_ALIAS_ROWS = read_table("gemeente_aliassen.csv", ("gemeente", "alias"))

GEMEENTEN: tuple[str, ...] = tuple(sorted((r["gemeente"] for r in _GEMEENTE_ROWS), key=key))
_PROVINCIE = {row["gemeente"]: row["provincie"] for row in _GEMEENTE_ROWS}
_CODE_OF = {row["gemeente"]: row["code"] for row in _GEMEENTE_ROWS}
_NAME_OF = {row["code"]: row["gemeente"] for row in _GEMEENTE_ROWS}


def _known_gemeente(name: str, file_name: str) -> str:
    if name not in _PROVINCIE:
        raise InvalidTable(f"{file_name}: {name!r} is geen gemeente van gemeenten.csv")
    return name


def _opgeheven(row: dict[str, str]) -> OpgehevenGemeente:
    file_name = "gemeenten_opgeheven.csv"
    now = _NAME_OF.get(row["opgegaan_in_code"])
    if now is None or now != row["opgegaan_in"]:
        raise InvalidTable(
            f"{file_name}: {row['opgegaan_in_code']} {row['opgegaan_in']!r} staat zo niet in "
            "gemeenten.csv"
        )
    parts = tuple(p.strip() for p in row["ook_naar"].split(";") if p.strip())
    return OpgehevenGemeente(
        row["code"],
        row["gemeente"],
        date.fromisoformat(row["opgeheven"]),
        now,
        tuple(_known_gemeente(p, file_name) for p in parts),
    )


_OPGEHEVEN = {row["code"]: _opgeheven(row) for row in _OPGEHEVEN_ROWS}
_GEMEENTE_BY_CODE = {code: o.opgegaan_in for code, o in _OPGEHEVEN.items()} | _NAME_OF


def _short_names(names: Iterable[str], suffix: re.Pattern) -> dict[str, str]:
    """Key of a name without its province -> the name, where only one name has that key."""
    found: dict[str, list[str]] = {}
    for name in names:
        if match := suffix.match(name):
            found.setdefault(key(match[1]), []).append(name)
    return {k: v[0] for k, v in found.items() if len(v) == 1}


def _gemeente_index() -> dict[str, str]:
    """Today's names over aliases over names without province over the names of merged ones."""
    current = index(((g, g) for g in GEMEENTEN), "gemeenten.csv")
    aliases = index(
        (
            (r["alias"], _known_gemeente(r["gemeente"], "gemeente_aliassen.csv"))
            for r in _GEMEENTE_ALIAS_ROWS
        ),
        "gemeente_aliassen.csv",
    )
    merged = {key(o.gemeente): o.opgegaan_in for o in _OPGEHEVEN.values()}
    return merged | _short_names(GEMEENTEN, _GEMEENTE_SUFFIX) | aliases | current


_GEMEENTE_BY_KEY = _gemeente_index()


def gemeente(name: str) -> str | None:
    """Today's name of a gemeente ("gemeente emmen", "Den Haag", "Hengelo", "Bellingwedde"),
    else None; a name of a merged gemeente gives the gemeente that holds it now."""
    return _canonical_gemeente(name)


def _canonical_gemeente(name: object) -> str | None:
    # Separate from gemeente() so functions with a parameter called gemeente can use it.
    if not isinstance(name, str):
        return None
    found = key(name)
    for prefix in _GEMEENTE_PREFIXES:
        found = found.removeprefix(prefix)
    return _GEMEENTE_BY_KEY.get(found)


def provincie(gemeente: str) -> str | None:
    """The province of a gemeente ("Fryslân" as CBS writes it), else None."""
    canonical = _canonical_gemeente(gemeente)
    return _PROVINCIE[canonical] if canonical else None


def gemeente_from_code(code: str | int) -> str | None:
    """The gemeente of a CBS code: "114", 114, "0114" and "GM0114" all give "Emmen"; the code
    of a merged gemeente gives the gemeente that holds it now ("0007" -> "Westerwolde")."""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    text = str(code).strip().upper().removeprefix("GM")
    if not re.fullmatch(r"[0-9]{1,4}", text):
        return None
    return _GEMEENTE_BY_CODE.get(text.zfill(4))


def gemeenten_from_codes(codes: pd.Series) -> pd.Series:
    """The gemeente of every 4-digit code of a column at once (None where unknown): one look-up
    per distinct code, for the millions of BAG ids of a national bezitstabel."""
    positions, distinct = pd.factorize(codes.to_numpy(dtype=object))  # -1: no code
    names = np.array([*(_GEMEENTE_BY_CODE.get(c) for c in distinct), None], dtype=object)
    return pd.Series(names[positions], index=codes.index, dtype=object)


def opgeheven_gemeente(code: str) -> OpgehevenGemeente | None:
    """The merged gemeente of a 4-digit code, else None (also for today's codes)."""
    return _OPGEHEVEN.get(code)


def gemeentecode_from_bag_id(bag_id: str | int | float) -> str | None:
    """The CBS gemeentecode (4 digits) in a BAG id, whether or not the code is known."""
    digits = _bag_digits(bag_id)
    return digits[:4] if digits else None


def gemeente_from_bag_id(bag_id: str | int | float) -> str | None:
    """The gemeente of a BAG verblijfsobject-id (its first four digits), else None.

    Copes with what Excel does to the id: a dropped leading zero (15 digits), a number or a
    float such as 1.14010000123456e+14, and several ids joined by "|" (the first one counts).
    """
    code = gemeentecode_from_bag_id(bag_id)
    return gemeente_from_code(code) if code else None


# --- kernen --------------------------------------------------------------------------------

_WOONPLAATS_ROWS = read_table(
    "woonplaatsen.csv", ("woonplaatscode", "woonplaats", "gemeentecode", "gemeente")
)
_KERN_ROWS = read_table("kernen.csv", ("gemeente", "kern"))


def _kern_rows() -> list[tuple[str, str]]:
    """(gemeente, kern): every BAG woonplaats, then the villages of kernen.csv."""
    rows = []
    for row in _WOONPLAATS_ROWS:
        if _NAME_OF.get(row["gemeentecode"]) != row["gemeente"]:
            raise InvalidTable(
                f"woonplaatsen.csv: {row['woonplaats']!r} ligt in {row['gemeentecode']} "
                f"{row['gemeente']!r}, en die staat zo niet in gemeenten.csv"
            )
        rows.append((row["gemeente"], row["woonplaats"]))
    rows += [(_known_gemeente(r["gemeente"], "kernen.csv"), r["kern"]) for r in _KERN_ROWS]
    return rows


def _kern_indexes():
    per_gemeente: dict[str, dict[str, str]] = {}
    anywhere: dict[str, str] = {}
    for name, kern_name in _kern_rows():
        per_gemeente.setdefault(name, {}).setdefault(key(kern_name), kern_name)
        anywhere.setdefault(key(kern_name), kern_name)
    kernen_of = {g: tuple(sorted(ks.values(), key=key)) for g, ks in per_gemeente.items()}
    for name, kernen_here in kernen_of.items():
        per_gemeente[name] = _short_names(kernen_here, _WOONPLAATS_SUFFIX) | per_gemeente[name]
    return kernen_of, per_gemeente, anywhere


_KERNEN, _KERN_BY_KEY, _ANY_KERN = _kern_indexes()


def kernen(gemeente: str) -> tuple[str, ...]:
    """The kernen of a gemeente (its BAG woonplaatsen and the villages that are none), by name;
    empty for a name that is no gemeente."""
    canonical = _canonical_gemeente(gemeente)
    return _KERNEN.get(canonical, ()) if canonical else ()


def kern(name: str, gemeente: str | None = None) -> str | None:
    """The canonical spelling of a kern ("2e exloermond" -> "2e Exloërmond"), else None.

    With `gemeente` the kern must lie in that gemeente, and a name without its province is
    found too ("Haren" in Groningen is "Haren Gn"); without it any gemeente's kern counts.
    """
    if not isinstance(name, str):
        return None
    if gemeente is None:
        return _ANY_KERN.get(key(name))
    canonical = _canonical_gemeente(gemeente)
    return _KERN_BY_KEY.get(canonical, {}).get(key(name)) if canonical else None


# --- corporaties ---------------------------------------------------------------------------

_CORPORATIE_ROWS = read_table("corporaties.csv", ("corporatie", "l_nummer", "vestigingsplaats"))
_CORPORATIE_ALIAS_ROWS = read_table("corporatie_aliassen.csv", ("corporatie", "alias"))

CORPORATIES: tuple[str, ...] = tuple(row["corporatie"] for row in _CORPORATIE_ROWS)
"""The corporations of the reference list; :func:`corporaties` adds those a user added."""


def _corporatie_index() -> dict[str, str]:
    if len(set(CORPORATIES)) != len(CORPORATIES):
        raise InvalidTable("corporaties.csv: een corporatie staat er twee keer in")
    for row in _CORPORATIE_ALIAS_ROWS:
        if row["corporatie"] not in CORPORATIES:
            raise InvalidTable(
                f"corporatie_aliassen.csv: {row['corporatie']!r} staat niet in corporaties.csv"
            )
    pairs = [(name, name) for name in CORPORATIES]
    pairs += [(row["alias"], row["corporatie"]) for row in _CORPORATIE_ALIAS_ROWS]
    return index(pairs, "corporatie_aliassen.csv")


_CORPORATIE_BY_KEY = _corporatie_index()


@dataclass(frozen=True)
class _Added:
    """The corporations a user added, and every spelling of them (replaced as a whole)."""

    names: tuple[str, ...] = ()
    by_key: dict[str, str] = field(default_factory=dict)


_added = _Added()


def corporatie(name: str) -> str | None:
    """The canonical name of a corporation ("Stichting Lefier", "LF" -> "Lefier"), else None."""
    if not isinstance(name, str):
        return None
    found = key(name)
    return _CORPORATIE_BY_KEY.get(found) or _added.by_key.get(found)


def corporaties() -> tuple[str, ...]:
    """Every corporation known: the reference list and those a user added, by name."""
    return tuple(sorted((*CORPORATIES, *_added.names), key=key))


def use_added(pairs: Iterable[tuple[str, str]]) -> None:
    """Know the corporations a user added: (corporatie, alias) pairs as the database keeps
    them, replacing those handed over before. A spelling the reference list knows keeps the
    meaning it has there; a name the list has come to know counts as the list's."""
    global _added
    by_key: dict[str, str] = {}
    for name, alias in pairs:
        target = _CORPORATIE_BY_KEY.get(key(name), name)
        for spelling in (name, alias):
            found = key(spelling)
            if found and found not in _CORPORATIE_BY_KEY:
                by_key.setdefault(found, target)
    names = tuple(n for n in dict.fromkeys(by_key.values()) if n not in CORPORATIES)
    _added = _Added(names, by_key)


def new_corporatie(name: str, aliases: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The (corporatie, alias) pairs that add a corporation and its spellings, for the database.

    A name already known as such (in the list or added before) gets only its new spellings; an
    empty list means nothing is new. Raises InvalidCorporatie for an empty name, or a name or
    spelling that belongs to another corporation.
    """
    name = " ".join(str(name).split())
    if not key(name):
        raise InvalidCorporatie("geef de naam van de corporatie")
    known = corporatie(name)
    if known is not None and known != name:
        raise InvalidCorporatie(f"'{name}' is al bekend als corporatie {known}")
    pairs = [] if known else [(name, name)]
    seen = {key(name)}
    for alias in aliases:
        alias = " ".join(str(alias).split())
        if not key(alias) or key(alias) in seen:
            continue
        seen.add(key(alias))
        owner = corporatie(alias)
        if owner is not None and owner != name:
            raise InvalidCorporatie(f"de schrijfwijze '{alias}' hoort al bij corporatie {owner}")
        if owner is None:
            pairs.append((name, alias))
    return pairs


# --- unknown names -------------------------------------------------------------------------


def close_corporaties(name: str) -> tuple[str, ...]:
    """Known corporations close to a name: the one it spells ("Stichting Lefier" -> Lefier),
    else similar ones ("Woonstadt" -> Woonstad Rotterdam); at most three."""
    exact = corporatie(name)
    return (exact,) if exact else closest(name, _added.by_key | _CORPORATIE_BY_KEY)


def close_gemeenten(name: str) -> tuple[str, ...]:
    """Gemeenten close to a name: the one it spells ("Den Haag" -> 's-Gravenhage), else similar
    ones ("Zwole" -> Zwolle, "Bergen" -> Bergen (L.), Bergen (NH.)); at most three."""
    exact = _canonical_gemeente(name)
    return (exact,) if exact else closest(name, _GEMEENTE_BY_KEY)


def unknown_text(soort: str, name: str, quote: str = "'", advice: str = "") -> str:
    """The words for a name that is not known: "onbekende corporatie 'Woonstadt'; bedoelt u
    Woonstad Rotterdam?". `soort` is "corporatie" or "gemeente"; `advice` follows when no
    known name comes close."""
    close = close_corporaties(name) if soort == "corporatie" else close_gemeenten(name)
    hint = did_you_mean(close) or advice
    return f"onbekende {soort} {quote}{name}{quote}" + (f"; {hint}" if hint else "")


# --- BAG ids -------------------------------------------------------------------------------


def _bag_digits(bag_id: object) -> str | None:
    """The 16 digits of the (first) BAG id, with the leading zero restored; None if unusable."""
    text = _as_text(bag_id)
    if text is None:
        return None
    first = text.split("|")[0].strip()
    if not first.isascii() or not first.isdigit():
        first = _whole_number(first) or ""
    if not re.fullmatch(r"[0-9]{15,16}", first):
        return None
    return first.zfill(16)


def _as_text(bag_id: object) -> str | None:
    if isinstance(bag_id, str):
        return bag_id
    if isinstance(bag_id, bool):
        return None
    if isinstance(bag_id, numbers.Integral):
        return str(int(bag_id))
    if isinstance(bag_id, float) and bag_id.is_integer():
        return str(int(bag_id))
    return None


def _whole_number(text: str) -> str | None:
    """Digits of a whole number written as "1,14010000123456E+14" or "114010000123456.0"."""
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or number.adjusted() > 16 or number != number.to_integral_value():
        return None
    return str(int(number))
