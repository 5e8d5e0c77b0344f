"""What a new version of an afspraken document changes, in words, for the user who stores it:
afspraken and doelen added, removed and changed."""

from __future__ import annotations

from dataclasses import fields

from prestatie.afspraken.schema import Agreement


def changes(old: Agreement | None, new: Agreement) -> list[str]:
    """In words, what a new version changes: added, removed and changed agreements and targets."""
    if old is None:
        return [f"nieuw document met {len(new.afspraken)} afspraken en {len(new.doelen)} doelen"]
    lines = []
    if old.document != new.document:
        lines.append(
            "kop van het document gewijzigd: " + _changed_fields(old.document, new.document)
        )
    for kind, key, old_items, new_items in (
        ("afspraak", "nummer", old.afspraken, new.afspraken),
        ("doel", "id", old.doelen, new.doelen),
    ):
        before = {getattr(x, key): x for x in old_items}
        after = {getattr(x, key): x for x in new_items}
        lines += [f"{kind} {k} toegevoegd" for k in after if k not in before]
        lines += [f"{kind} {k} verwijderd" for k in before if k not in after]
        lines += [
            f"{kind} {k} gewijzigd: {_changed_fields(before[k], after[k])}"
            for k in after
            if k in before and before[k] != after[k]
        ]
    return lines


def _changed_fields(old: object, new: object) -> str:
    return ", ".join(f.name for f in fields(old) if getattr(old, f.name) != getattr(new, f.name))
