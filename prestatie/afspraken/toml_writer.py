"""TOML schrijven voor het schema van de afsprakenbestanden (zie
:mod:`prestatie.afspraken.toml_reader`).

Python leest TOML (``tomllib``) maar schrijft het niet, en er is geen TOML-schrijver
geïnstalleerd; dit is een kleine schrijver voor precies dit schema: één tabel ``[document]`` en
de tabellenlijsten ``[[afspraak]]`` en ``[[doel]]``, met als waarden tekst, getallen, waar/onwaar,
lijsten en inline tabellen (de norm). Wat het schrijft, leest ``tomllib`` terug tot dezelfde
waarden.
"""

from __future__ import annotations

_KOP = "# Afsprakendocument, geschreven door prestatie uit het sjabloon."
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_tekst(inhoud: dict[str, object]) -> str:
    """{document: {...}, afspraak: [...], doel: [...]} as TOML, in the schema of targets."""
    regels = [_KOP, "", "[document]"]
    regels += [f"{k} = {waarde(v)}" for k, v in inhoud["document"].items()]
    for naam in ("afspraak", "doel"):
        for tabel in inhoud[naam]:
            regels += ["", f"[[{naam}]]", *(f"{k} = {waarde(v)}" for k, v in tabel.items())]
    return "\n".join(regels) + "\n"


def waarde(v: object) -> str:
    """One value as TOML: true, 678.66, "tekst", [1, 2], { "2023" = 0.9 }."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return tekst(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(waarde(x) for x in v) + "]"
    if isinstance(v, dict):
        paren = ", ".join(f"{tekst(str(k))} = {waarde(x)}" for k, x in v.items())
        return "{ " + paren + " }" if paren else "{}"
    raise TypeError(f"kan {v!r} niet als TOML schrijven")


def tekst(s: str) -> str:
    """A TOML basic string: quote, backslash and control characters escaped."""
    tekens = (
        _ESCAPES.get(t) or (f"\\u{ord(t):04X}" if ord(t) < 0x20 or ord(t) == 0x7F else t) for t in s
    )
    return '"' + "".join(tekens) + '"'
