"""The dVi WOZ-bezitstabel -> stock at 31 December and the year's production.

Stock: rows of onderdeel 2.1A with Eenheidssoort Woonruimte and Aantal ultimo verslagjaar > 0,
counted by Aantal ultimo. Production: Woonruimte rows whose Mutatie verslagjaar is Nieuwbouw
(counted by Aantal ultimo), Sloop or Verkoop (counted by Aantal primo). The gemeente comes from
the BAG verblijfsobject-id (its first four digits are the CBS code; Excel drops the leading
zero); rows without a usable id take the gemeente the user chose. The verslagjaar comes from
the file name or the user.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie import activiteiten, kolommen, labels, partijen, waarden
from prestatie.detect import Layout, Meta
from prestatie.rijen import Collector, body
from prestatie.store import PRODUCTIE_COLUMNS, VHE_COLUMNS
from prestatie.voorraadlijst import woningtype

# field -> header key prefix (headers are read leniently: " NL" dropped, case changed)
_COLUMNS = {
    "onderdeel": "onderdeel",
    "vhe_id": "eenheidscode",
    "postcode": "bagpostcode",
    "huisnummer": "baghuisnummer",
    "huisletter": "baghuisletter",
    "toevoeging": "baghuisnummertoevoeging",
    "bag_id": "bagverblijfsobjectid",
    "aantal_primo": "aantalprimo",
    "aantal_ultimo": "aantalultimo",
    "eenheidssoort": "eenheidssoort",
    "woonruimte": "soortwoonruimte",
    "mutatie": "mutatieverslagjaar",
    "huur": "nettohuur",
    "label": "energielabel",
    "bouwjaar": "bouwjaar",
}


def mapping(layout: Layout) -> dict[str, int]:
    keys = [kolommen.key(h) for h in layout.headers]
    found: dict[str, int] = {}
    for name, prefix in _COLUMNS.items():
        exact = [i for i, k in enumerate(keys) if k == prefix or k == prefix + "nl"]
        loose = [i for i, k in enumerate(keys) if k.startswith(prefix)]
        if exact or loose:
            found[name] = (exact or loose)[0]
    return found


def build(file: str, layout: Layout, meta: Meta, peildatum: date | None = None):
    """(vhe table, production table, warnings, skipped, verslagjaar); raises ImportRefused."""
    columns = mapping(layout)
    rows = body(layout, columns)
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, columns)
    year = peildatum.year if peildatum else meta.jaar
    if year is None:
        problems.file_problem(
            "geen verslagjaar: zet het jaar in de bestandsnaam "
            "(bijv. bezitstabel_2023.csv) of kies het bij het inlezen."
        )
    if not meta.corporatie:
        problems.file_problem("geen corporatie gevonden in de bestandsnaam; kies de corporatie.")
    problems.raise_errors()
    text = {name: cells[name].map(waarden.text) for name in cells.columns}
    woonruimte = text["eenheidssoort"].fillna("").str.lower().eq("woonruimte")
    ultimo = _count(cells, "aantal_ultimo", problems)
    primo = _count(cells, "aantal_primo", problems)
    gemeente = text["bag_id"].map(partijen.gemeente_van_bag_id) if "bag_id" in text else None
    if gemeente is None:
        gemeente = pd.Series(None, index=cells.index, dtype=object)
    gemeente = gemeente.fillna(meta.gemeente) if meta.gemeente else gemeente
    in_stock = text["onderdeel"].fillna("").str.upper().str.startswith("2.1A") & woonruimte
    in_stock &= ultimo.fillna(0) > 0
    mutation = text["mutatie"].map(lambda v: activiteiten.soort(v) if v else None)
    produced = woonruimte & mutation.isin(["nieuwbouw", "sloop", "verkoop"])
    problems.add(
        (in_stock | produced) & gemeente.isna(),
        text.get("bag_id"),
        "bag_id",
        "geen bruikbaar BAG verblijfsobject-id, dus geen gemeente; kies de gemeente",
    )
    problems.raise_errors()
    vhe = _stock(cells[in_stock], text, gemeente, ultimo, meta, date(year, 12, 31), problems)
    production = _production(cells[produced], text, gemeente, mutation, primo, ultimo, meta, year)
    problems.raise_errors()
    return vhe, production, problems.warnings, rows.skipped, year


def _count(cells: pd.DataFrame, name: str, problems: Collector) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(1.0, index=cells.index)
    values = cells[name].map(lambda v: None if waarden.is_empty(v) else waarden.decimal_number(v))
    problems.add(
        values.isna() & ~cells[name].map(waarden.is_empty), cells[name], name, "onleesbaar aantal"
    )
    return values.astype("float64")


def _stock(cells, text, gemeente, ultimo, meta, peildatum, problems) -> pd.DataFrame:
    index = cells.index
    rents, bad = waarden.amounts_to_cents(cells["huur"]) if "huur" in cells else (None, None)
    if bad is not None:
        problems.add(bad, cells["huur"], "huur", "onleesbaar huurbedrag")
    raw_label = text["label"][index] if "label" in text else pd.Series(None, index=index)
    label = raw_label.map(lambda v: labels.normalize(v) if v else labels.ONBEKEND)
    problems.add(
        label.isna(),
        raw_label,
        "label",
        "onbekend energielabel; telt als 'onbekend'",
        "waarschuwing",
    )
    adres = [
        " ".join(str(p) for p in parts if p)
        for parts in zip(
            *(
                text[c][index] if c in text else [None] * len(index)
                for c in ("huisnummer", "huisletter", "toevoeging")
            ),
            strict=True,
        )
    ]
    frame = pd.DataFrame(
        {
            "bron_rij": index.astype("int64"),
            "corporatie": meta.corporatie,
            "gemeente": gemeente[index].to_numpy(),
            "peildatum": peildatum,
            "vhe_id": text["vhe_id"][index].to_numpy(),
            "adres": adres,
            "postcode": text["postcode"][index].to_numpy() if "postcode" in text else None,
            "kern": None,
            "huur_cent": rents.to_numpy() if rents is not None else pd.NA,
            "label": label.fillna(labels.ONBEKEND).to_numpy(),
            "label_bron": raw_label.to_numpy(),
            "energie_index": None,
            "woningtype": text["woonruimte"][index].map(woningtype).to_numpy()
            if "woonruimte" in text
            else None,
            "levensloopgeschikt": pd.NA,
            "bouwjaar": text["bouwjaar"][index].map(waarden.to_year).to_numpy()
            if "bouwjaar" in text
            else None,
            "aantal": ultimo[index].to_numpy(),
        },
        index=index,
    )
    frame["huur_cent"] = frame["huur_cent"].astype("Int64")
    frame["bouwjaar"] = frame["bouwjaar"].astype("Int64")
    frame["levensloopgeschikt"] = frame["levensloopgeschikt"].astype("boolean")
    return frame[list(VHE_COLUMNS)].reset_index(drop=True)


def _production(cells, text, gemeente, mutation, primo, ultimo, meta, year) -> pd.DataFrame:
    index = cells.index
    soort = mutation[index]
    counts = ultimo[index].where(soort == "nieuwbouw", primo[index]).fillna(1).round()
    frame = pd.DataFrame(
        {
            "bron_rij": index.astype("int64"),
            "corporatie": meta.corporatie,
            "gemeente": gemeente[index].to_numpy(),
            "kern": None,
            "project": text["mutatie"][index].to_numpy(),
            "soort": soort.to_numpy(),
            "jaar": year,
            "datum": None,
            "aantal": counts.astype("int64").to_numpy(),
            "vhe_id": text["vhe_id"][index].to_numpy(),
        },
        index=index,
    )
    return frame[list(PRODUCTIE_COLUMNS)].reset_index(drop=True)
