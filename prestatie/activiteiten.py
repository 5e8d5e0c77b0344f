"""Production activities as people type them, mapped to the five kinds the jaarschijven use."""

from __future__ import annotations

from prestatie.kolommen import key

SOORTEN = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")

# Checked in this order: the first word found in the text decides. "Sloop/nieuwbouw" is
# ambiguous and refused by the importer (see `soort`), so each row counts once.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zonnepanelen", ("zonnepane", "zonpv", "pvpane", "pvinstal", "zonneenergie", "pv")),
    (
        "verduurzaming",
        (
            "verduurzam",
            "renovatie",
            "isolatie",
            "labelsprong",
            "energetisch",
            "duurzaam",
            "nom",
            "nulopdemeter",
        ),
    ),
    ("nieuwbouw", ("nieuwbouw", "oplevering", "opgeleverd")),
    ("sloop", ("sloop", "gesloopt", "onttrekking")),
    ("verkoop", ("verkoop", "verkocht", "verkopen")),
)


def soort(text: object) -> str | None:
    """The activity of a cell: `Renovatie / verduurzaming` -> verduurzaming, `Zon-PV` ->
    zonnepanelen, `Verkoop aan overigen` -> verkoop. None when no kind, or more than one of
    nieuwbouw/sloop/verkoop, is named."""
    k = key(text)
    if not k:
        return None
    found = [name for name, words in _WORDS if any(w in k for w in words)]
    if not found:
        return None
    core = [f for f in found if f in ("nieuwbouw", "sloop", "verkoop")]
    if len(core) > 1:
        return None
    return found[0]
