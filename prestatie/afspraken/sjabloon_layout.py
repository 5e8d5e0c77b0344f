"""De indeling van het sjabloon van afspraken: bladen, kolommen en wat elke kolom betekent.

Bladen *Document* (veld | waarde), *Afspraken* en *Doelen* (kopregel in rij 1, één afspraak of
doel per rij) en *Uitleg*. De teksten van blad Uitleg staan in ``data/sjabloonuitleg.csv``; de
keuzelijsten erin (statussen, soorten, …) komen uit :mod:`prestatie.afspraken.toml_reader`, zodat
ze nooit afwijken van wat de controle toestaat.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from prestatie.afspraken import schema
from prestatie.referentie.tables import read_table

DOCUMENT, AFSPRAKEN, DOELEN, UITLEG = "Document", "Afspraken", "Doelen", "Uitleg"
BLADEN = (DOCUMENT, AFSPRAKEN, DOELEN)
AFSPRAAK_KOLOMMEN = schema.AFSPRAAK_KEYS
PARAM_KOLOMMEN = schema.PARAM_KEYS
DOEL_KOLOMMEN = (
    *(k for k in schema.DOEL_KEYS if k != "toelichting"),
    *PARAM_KOLOMMEN,
    "toelichting",
)
KOLOMMEN = {AFSPRAKEN: AFSPRAAK_KOLOMMEN, DOELEN: DOEL_KOLOMMEN}
UITLEG_KOLOMMEN = ("blad", "kolom of veld", "betekenis")

Raster = list[list[object]]  # a sheet's cells; raster[0] is row 1 (the header)


def letter(positie: int) -> str:
    """The column letter as Excel shows it for a 0-based position: 0 -> "A", 26 -> "AA"."""
    return get_column_letter(positie + 1)


def uitleg() -> Raster:
    """The Uitleg sheet: what every field and column means."""
    keuzes = {
        "statussen": schema.AFSPRAAK_STATUSES,
        "soorten": schema.KINDS,
        "corporaties": schema.CORPORATIES,
        "richtingen": schema.DIRECTIONS,
        "grenzen": schema.GRENZEN,
        "basissen": schema.BASES,
        "activiteiten": schema.ACTIVITIES,
        "maten": schema.MEASURES,
    }
    lijsten = {naam: ", ".join(waarden) for naam, waarden in keuzes.items()}
    rijen = read_table("sjabloonuitleg.csv", UITLEG_KOLOMMEN, "prestatie.afspraken")
    return [
        list(UITLEG_KOLOMMEN),
        *([r["blad"], r["kolom of veld"], r["betekenis"].format_map(lijsten)] for r in rijen),
    ]
