"""The layout of the sjabloon of afspraken: sheets, columns and what every column means.

Sheets *Document* (veld | waarde), *Afspraken* and *Doelen* (header in row 1, one afspraak or
doel per row) and *Uitleg*. The texts of sheet Uitleg are in ``data/sjabloonuitleg.csv``; the
lists of choices in them (statuses, kinds, …) come from :mod:`prestatie.afspraken.toml_reader`,
so that they never differ from what the check allows.
"""

from __future__ import annotations

from prestatie.afspraken import schema
from prestatie.referentie.tables import read_table

DOCUMENT, AFSPRAKEN, DOELEN, EXPLANATION = "Document", "Afspraken", "Doelen", "Uitleg"
SHEETS = (DOCUMENT, AFSPRAKEN, DOELEN)
AFSPRAAK_COLUMNS = schema.AFSPRAAK_KEYS
PARAM_COLUMNS = schema.PARAM_KEYS
DOEL_COLUMNS = (
    *(k for k in schema.DOEL_KEYS if k != "toelichting"),
    *PARAM_COLUMNS,
    "toelichting",
)
COLUMNS = {AFSPRAKEN: AFSPRAAK_COLUMNS, DOELEN: DOEL_COLUMNS}
EXPLANATION_COLUMNS = ("blad", "kolom of veld", "betekenis")

Grid = list[list[object]]  # a sheet's cells; grid[0] is row 1 (the header)


def explanation() -> Grid:
    """The Uitleg sheet: what every field and column means."""
    choices = {
        "statussen": schema.AFSPRAAK_STATUSES,
        "soorten": schema.KINDS,
        "corporaties": ("namen zoals prestatie ze schrijft (bijv. Lefier, Woonservice, Domesta)",),
        "richtingen": schema.DIRECTIONS,
        "grenzen": schema.GRENZEN,
        "basissen": schema.BASES,
        "activiteiten": schema.ACTIVITIES,
        "maten": schema.MEASURES,
        "routes": schema.ROUTES,
    }
    lists = {name: ", ".join(values) for name, values in choices.items()}
    rows = read_table("sjabloonuitleg.csv", EXPLANATION_COLUMNS, "prestatie.afspraken")
    return [
        list(EXPLANATION_COLUMNS),
        *([r["blad"], r["kolom of veld"], r["betekenis"].format_map(lists)] for r in rows),
    ]
