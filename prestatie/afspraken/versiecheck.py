"""Whether a new version of an agreement document may be stored: checked as strictly as an
upload (the values themselves are checked by :mod:`prestatie.afspraken.checks`).

- A version is of the document it is stored for: a template whose id is another document's
  (or a new one) is refused, so it cannot overwrite that document.
- A version without a single target, where the version in force has them, is stored only when
  the user confirms it (the page asks, the CLI wants ``--alle-doelen-weg``).
- A gemeente without stock data is a warning: every target stays *geen gegevens* until a list
  is imported.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from prestatie.afspraken.schema import Agreement


class VersionRefused(ValueError):
    """A new version cannot be stored; the message says why, in Dutch. Nothing is changed."""


@dataclass(frozen=True)
class VersionCheck:
    refused: tuple[str, ...] = ()  # why it cannot be stored
    confirm: str | None = None  # what the user must confirm before it is stored
    warnings: tuple[str, ...] = ()


def check(
    new: Agreement,
    document: str,
    current: Agreement | None,
    gemeenten_with_data: Collection[str],
) -> VersionCheck:
    """What stands between ``new`` and storing it as the next version of ``document``."""
    refused = []
    if new.document.id != document:
        refused.append(
            f'het sjabloon hoort bij document "{new.document.id}", niet bij "{document}"; een '
            "nieuwe versie kan geen ander document vervangen. Kies dat document, of zet het id "
            f'in blad Document terug op "{document}".'
        )
    confirm = None
    if current is not None and current.doelen and not new.doelen:
        ids = ", ".join(d.id for d in current.doelen[:8])
        more = " …" if len(current.doelen) > 8 else ""
        confirm = (
            f"Deze versie heeft geen enkel doel meer: de {len(current.doelen)} doelen van de "
            f"versie die nu geldt ({ids}{more}) worden dan niet meer gemeten."
        )
    warnings = []
    if new.doelen and new.document.gemeente not in gemeenten_with_data:
        warnings.append(
            f"Er zijn nog geen voorraadgegevens voor gemeente {new.document.gemeente}; de doelen "
            "krijgen 'geen gegevens' tot er een lijst is ingelezen."
        )
    return VersionCheck(tuple(refused), confirm, tuple(warnings))
