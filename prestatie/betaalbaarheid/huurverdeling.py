"""The distribution of rents on a peildatum against the limits in force: bands, the cumulative
share, a line at each limit with the share of homes up to it, and the limit amounts in both
readings (indexed and the document's fixed amount).

Rents come as DuckDB counted them (:func:`prestatie.opslag.counts.rent_bins`): homes per rent in
whole cents (``van_cent``, null for a missing rent, ``aantal`` the homes). A missing rent stays in
every total and is never up to a limit. The shares per limit per corporatie come from the counts
of the stock (:func:`prestatie.opslag.counts.stock`: ``tot_<grens>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import metingen
from prestatie.beoordeling.huurregel import Regel
from prestatie.referentie import huurgrenzen

SHARES_COLUMNS = (
    "corporatie",
    "gemeente",
    "grens",
    "naam",
    "bedrag",
    "deel",
    "totaal",
    "waarde",
    "zonder_huur",
)


@dataclass(frozen=True)
class Grenslijn:
    """A vertical line in the rent distribution: a limit, its amount and the share up to it."""

    naam: str
    bedrag: Decimal
    aandeel: float | None  # share of homes with a rent up to and including the amount
    document: bool = False  # the document's own amount (fixed reading), drawn differently

    @property
    def tekst(self) -> str:
        share = "" if self.aandeel is None else f" · {fmt.pct(self.aandeel)} t/m"
        return f"{fmt.figure_text(self.naam)}<br>{fmt.euro(self.bedrag)}{share}"


def _known(bins: pd.DataFrame) -> pd.DataFrame:
    return bins[bins["van_cent"].notna()]


def share_at_most(bins: pd.DataFrame, cents: int) -> float | None:
    """Share of homes with a rent up to and including ``cents``; missing rents in the total."""
    total = float(bins["aantal"].sum())
    if not total:
        return None
    known = _known(bins)
    return float(known.loc[known["van_cent"] <= cents, "aantal"].sum()) / total


def grenslijnen(
    bins: pd.DataFrame, peildatum: date, document: tuple[tuple[str, float], ...] = ()
) -> list[Grenslijn]:
    """The four limits in force on the peildatum, plus the document amounts given, each with
    the share of homes up to it; sorted by amount."""
    limits = huurgrenzen.in_force(peildatum) or {}  # none known for that year: no lines
    lines = [
        Grenslijn(
            huurgrenzen.naam(g, peildatum.year), b, share_at_most(bins, huurgrenzen.in_cents(b))
        )
        for g, b in limits.items()
    ]
    for naam, bedrag in document:
        exact = Decimal(str(bedrag)).quantize(Decimal("0.01"))
        share = share_at_most(bins, huurgrenzen.in_cents(exact))
        lines.append(Grenslijn(naam, exact, share, document=True))
    return sorted(lines, key=lambda line: (line.bedrag, line.document))


def document_amounts(doelen: list[Doel]) -> tuple[tuple[str, float], ...]:
    """(name, amount) for the fixed reading: 'document A1: 2e aftoppingsgrens (prijspeil 2022)'."""
    seen: dict[tuple[str, float], None] = {}
    for d in doelen:
        regel = Regel.van(d)
        if regel.bedrag is not None:
            naam = f"{d.afspraak}: {huurgrenzen.naam(regel.grens)} (prijspeil {regel.prijspeil})"
            seen.setdefault((naam, float(regel.bedrag)), None)
    return tuple(seen)


def histogram(bins: pd.DataFrame, breedte: int = 25) -> pd.DataFrame:
    """Homes per rent band [van, tot) of ``breedte`` euros; missing rents left out. Computed in
    whole cents, so € 700,00 falls in [700, 725)."""
    known = _known(bins)
    if known.empty:
        return pd.DataFrame({"van": [], "tot": [], "aantal": []})
    band = (known["van_cent"].astype("int64") // (breedte * 100)).astype(int)
    counts = known["aantal"].astype(float).groupby(band).sum().sort_index()
    van = counts.index.to_numpy() * breedte
    return pd.DataFrame({"van": van, "tot": van + breedte, "aantal": counts.to_numpy()})


def cumulative(bins: pd.DataFrame) -> pd.DataFrame:
    """Per distinct rent the share of homes with a rent up to and including it (missing rents
    stay in the total, so the curve ends below 100% when rents are missing)."""
    total = float(bins["aantal"].sum())
    known = _known(bins)
    if not total or known.empty:
        return pd.DataFrame({"huur": [], "aandeel": []})
    per_rent = known.groupby(known["van_cent"].astype("int64"))["aantal"].sum().sort_index()
    return pd.DataFrame(
        {"huur": per_rent.index.to_numpy() / 100, "aandeel": per_rent.cumsum().to_numpy() / total}
    )


# ---- tables ---------------------------------------------------------------------------------


def shares_per_limit(stock: pd.DataFrame, peildatum: date) -> pd.DataFrame:
    """Per corporatie (and gemeente) on the peildatum: homes, homes up to and including each
    limit in force then, and homes without a rent, from the counts of the stock. Long form: one
    row per group and limit; nothing for a peildatum beyond the huurgrenzen table."""
    limits = huurgrenzen.in_force(peildatum) or {}  # none known for that year: no rows
    rows = stock[pd.to_datetime(stock["peildatum"]) == pd.Timestamp(peildatum)]
    out = []
    for (corp, gem), group in rows.groupby(["corporatie", "gemeente"], sort=True):
        totaal = float(group["aantal"].sum())
        zonder = totaal - float(group["huur_bekend"].sum())
        for grens, bedrag in limits.items():
            share = metingen.rent_share(group, f"tot_{grens}")
            out.append(
                {
                    "corporatie": corp,
                    "gemeente": gem,
                    "grens": grens,
                    "naam": huurgrenzen.naam(grens, peildatum.year),
                    "bedrag": bedrag,
                    "deel": share.deel,
                    "totaal": totaal,
                    "waarde": share.waarde,
                    "zonder_huur": zonder,
                }
            )
    return pd.DataFrame(out, columns=list(SHARES_COLUMNS))


def shares_per_limit_table(long: pd.DataFrame) -> pd.DataFrame:
    """One row per corporatie and gemeente, a column per limit: '88,3% (513)'."""
    if long.empty:
        return pd.DataFrame(columns=["Corporatie", "Gemeente", "Woningen"])
    rows = []
    for (corp, gem), group in long.groupby(["corporatie", "gemeente"], sort=True):
        row = {"Corporatie": corp, "Gemeente": gem, "Woningen": fmt.num(group["totaal"].iloc[0])}
        for r in group.itertuples():
            row[f"t/m {r.naam} ({fmt.euro(r.bedrag)})"] = f"{fmt.pct(r.waarde)} ({fmt.num(r.deel)})"
        row["Zonder huur"] = fmt.num(group["zonder_huur"].iloc[0])
        rows.append(row)
    return pd.DataFrame(rows)


def on_limit(stock: pd.DataFrame, doel: Doel, peildatum: date) -> float | None:
    """Homes of the target's gemeente (and corporaties) on the peildatum whose rent is exactly
    the limit in force then: counted up to and including it but not under it (``tot_`` minus
    ``onder_``), the homes the reading of "tot" decides on. None: no counts for that limit."""
    grens = Regel.van(doel).grens
    tot, onder = f"tot_{grens}", f"onder_{grens}"
    if tot not in stock or onder not in stock:
        return None
    rows = stock[
        (pd.to_datetime(stock["peildatum"]) == pd.Timestamp(peildatum))
        & (stock["gemeente"] == doel.gemeente)
    ]
    if doel.corporaties:
        rows = rows[rows["corporatie"].isin(doel.corporaties)]
    if rows.empty:
        return None
    return float(rows[tot].sum() - rows[onder].sum())


def limit_amounts(
    doelen: list[Doel], peildatum: date, stock: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per target both readings of its limit: in force on the peildatum and the document's
    amount, with the official limit of the document's prijspeil year beside it; with the
    ``stock`` also the homes whose rent is exactly the limit in force (what "tot" decides)."""
    rows = []
    indexed = huurgrenzen.in_force(peildatum) or {}
    for d in doelen:
        regel = Regel.van(d)
        official = _official(regel.grens, regel.prijspeil)
        exact = None if stock is None else on_limit(stock, d, peildatum)
        on_text = (
            {}
            if stock is None
            else {
                "Woningen precies op de grens": "–" if exact is None else fmt.num(exact),
                "Tellen die mee?": "ja" if regel.inclusief else "nee",
            }
        )
        rows.append(
            {
                "Afspraak": d.afspraak,
                "Doel": d.omschrijving,
                "Gemeente": d.gemeente,
                "Grens": huurgrenzen.naam(regel.grens, peildatum.year),
                "Telt een huur op de grens mee?": "ja (tot en met)"
                if regel.inclusief
                else "nee (<)",
                f"Geïndexeerd: grens {peildatum.year}": fmt.euro(indexed.get(regel.grens)),
                "Vast: bedrag in het document": f"{fmt.euro(regel.bedrag)} "
                f"(prijspeil {regel.prijspeil})",
                "Officiële grens in het prijspeiljaar": fmt.euro(official),
                **on_text,
            }
        )
    return pd.DataFrame(rows)


def _official(grens: str, jaar: int | None) -> Decimal | None:
    limits = None if jaar is None else huurgrenzen.in_force(date(jaar, 1, 1))
    return None if limits is None else limits[grens]
