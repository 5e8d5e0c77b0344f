"""Matching the names people write against a table of names: the look-up key, the index, and
the known names closest to an unknown one (for the Dutch "bedoelt u …?")."""

import difflib
import re
import unicodedata
from collections.abc import Iterable

from prestatie.referentie.tables import InvalidTable

_ORDINALS = {"eerste": "1e", "tweede": "2e", "1ste": "1e", "2de": "2e"}
_CLOSE = 0.8  # difflib's ratio from which a known name counts as close
_PREFIX = 4  # a known name of at least this many letters that starts the unknown one is close


def key(text: str) -> str:
    """The look-up key of a name: "2e Exloërmond", "Tweede exloermond" -> "2e exloermond".

    Case, accents, spaces, hyphens and punctuation do not count; "&" reads as "en".
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " en "))
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"\w+", without_accents.casefold())
    return " ".join(_ORDINALS.get(word, word) for word in words)


def index(pairs: Iterable[tuple[str, str]], file_name: str) -> dict[str, str]:
    """Key of each spelling -> canonical name; a spelling may not point at two names."""
    found: dict[str, str] = {}
    for spelling, canonical in pairs:
        if found.setdefault(key(spelling), canonical) != canonical:
            raise InvalidTable(f"{file_name}: {spelling!r} hoort bij meer dan één naam")
    return found


def closest(text: str, by_key: dict[str, str], count: int = 3) -> tuple[str, ...]:
    """The canonical names whose spellings come closest to `text`, best first (at most `count`).

    Close: a known name that the text begins ("bergen" ~ "Bergen (L.)", "Bergen (NH.)"), then
    difflib's ratio of the keys from 0.8 ("woonstadt" ~ "woonstad"), then a known name of four
    letters or more that begins the text ("lefier groningen" ~ "lefier").
    """
    wanted = key(text) if isinstance(text, str) else ""
    if not wanted:
        return ()
    keys = list(by_key)
    longer = sorted(k for k in keys if k.startswith(wanted + " "))
    similar = difflib.get_close_matches(wanted, keys, n=count * 3, cutoff=_CLOSE)
    shorter = sorted(
        (k for k in keys if len(k) >= _PREFIX and wanted.startswith(k + " ")), key=len, reverse=True
    )
    names = [by_key[k] for k in (*longer, *similar, *shorter)]
    return tuple(dict.fromkeys(names))[:count]


def did_you_mean(names: tuple[str, ...]) -> str:
    """The question after an unknown name: "bedoelt u A?", "bedoelt u A, B of C?"; or ""."""
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} of {names[-1]}"
    return f"bedoelt u {listed}?"
