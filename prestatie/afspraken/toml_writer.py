"""Writing TOML for the schema of the afspraken files (see
:mod:`prestatie.afspraken.toml_reader`).

Python reads TOML (``tomllib``) but does not write it, and no TOML writer is installed; this is
a small writer for exactly this schema: one table ``[document]`` and the arrays of tables
``[[afspraak]]`` and ``[[doel]]``, with text, numbers, true/false, lists and inline tables (the
norm) as values. What it writes, ``tomllib`` reads back to the same values.
"""

from __future__ import annotations

_HEADER = "# Afsprakendocument, geschreven door prestatie uit het sjabloon."
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_text(content: dict[str, object]) -> str:
    """{document: {...}, afspraak: [...], doel: [...]} as TOML, in the afspraken file schema."""
    lines = [_HEADER, "", "[document]"]
    lines += [f"{k} = {value(v)}" for k, v in content["document"].items()]
    for name in ("afspraak", "doel"):
        for table in content[name]:
            lines += ["", f"[[{name}]]", *(f"{k} = {value(v)}" for k, v in table.items())]
    return "\n".join(lines) + "\n"


def value(v: object) -> str:
    """One value as TOML: true, 678.66, "text", [1, 2], { "2023" = 0.9 }."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return text(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        pairs = ", ".join(f"{text(str(k))} = {value(x)}" for k, x in v.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise TypeError(f"kan {v!r} niet als TOML schrijven")


def text(s: str) -> str:
    """A TOML basic string: quote, backslash and control characters escaped."""
    chars = (
        _ESCAPES.get(t) or (f"\\u{ord(t):04X}" if ord(t) < 0x20 or ord(t) == 0x7F else t) for t in s
    )
    return '"' + "".join(chars) + '"'
