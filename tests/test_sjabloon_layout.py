"""The layout of the template: column letters, and blad Uitleg read from its CSV with the
lists of values filled in from targets."""

from __future__ import annotations

from prestatie.afspraken import sjabloon_layout as layout
from prestatie.inlezen.sheet_rows import column_letter


def test_column_letters_as_excel_shows_them():
    assert [column_letter(p) for p in (0, 9, 25, 26, 701, 702)] == [
        "A",
        "J",
        "Z",
        "AA",
        "ZZ",
        "AAA",
    ]


def test_uitleg_describes_every_column_and_fills_in_the_lists():
    rows = layout.explanation()
    assert rows[0] == ["blad", "kolom of veld", "betekenis"]
    assert not any("{" in r[2] for r in rows[1:])
    status = next(r for r in rows if r[:2] == ["Afspraken", "status"])
    assert status[2] == (
        "Beginstatus: niet gestart, loopt, gereed, vertraagd, vervallen. De voortgang per jaar "
        "houdt u bij op de pagina Afspraken."
    )
    assert described(rows, "Doelen") == set(layout.DOEL_COLUMNS)
    assert described(rows, "Afspraken") == set(layout.AFSPRAAK_COLUMNS)


def described(rows: list[list[object]], blad: str) -> set[str]:
    """The columns the Uitleg rows of a sheet name ("tekst, resultaat" names two)."""
    return {name.strip() for b, names, _ in rows[1:] if b == blad for name in names.split(",")}
