"""Production activities as people type them, mapped to the five kinds the jaarschijven use."""

from __future__ import annotations

import re
import unicodedata

from prestatie.inlezen.column_names import key

SOORTEN = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")
_CORE = ("nieuwbouw", "sloop", "verkoop")

# Word stems looked for anywhere in the text (accents, spaces and marks removed), and short
# codes that only count as a whole word (`PV` in "Zon-PV", not in "opvangwoning").
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nieuwbouw", ("nieuwbouw", "nieuwgebouwd")),
    ("sloop", ("sloop", "gesloopt", "onttrekking")),
    ("verkoop", ("verkoop", "verkocht", "verkopen")),
    (
        "verduurzaming",
        (
            "verduurzam",
            "renovatie",
            "isolatie",
            "isoleren",
            "labelsprong",
            "labelverbetering",
            "energetisch",
            "duurzaam",
            "nulopdemeter",
        ),
    ),
    ("zonnepanelen", ("zonnepane", "zonpv", "pvpane", "pvinstal", "zonneenergie", "zonnestroom")),
)
_WORDS: dict[str, str] = {"pv": "zonnepanelen", "nom": "verduurzaming"}
# Words that say something was finished, not what: nieuwbouw only when nothing else is named.
_WEAK = ("oplevering", "opgeleverd")


def soort(text: object) -> str | None:
    """The activity of a cell: `Renovatie / verduurzaming` -> verduurzaming, `Zon-PV` ->
    zonnepanelen, `Verkoop aan overigen` -> verkoop, `Nieuwbouw met zonnepanelen` ->
    nieuwbouw. None when no kind, or more than one of nieuwbouw/sloop/verkoop, is named."""
    k = key(text)
    if not k:
        return None
    found = [name for name, stems in _STEMS if any(stem in k for stem in stems)]
    found += [_WORDS[w] for w in _words(text) if w in _WORDS and _WORDS[w] not in found]
    core = [f for f in found if f in _CORE]
    if len(core) > 1:
        return None
    if core:
        return core[0]  # a new home with solar panels is still a new home
    if found:  # "Zonnepanelen en isolatie": the more specific of the two
        return "zonnepanelen" if "zonnepanelen" in found else found[0]
    if any(w in k for w in _WEAK):
        return "nieuwbouw"
    return None


def _words(text: object) -> list[str]:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower())
