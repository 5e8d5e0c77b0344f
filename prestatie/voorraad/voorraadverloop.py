"""The stock waterfall: stock at the end of a year + nieuwbouw − sloop − verkoop of the next.

Per corporatie and gemeente, the stock at the end of a year (the last peildatum of the
verslagjaar) plus the production of the next year, against the stock counted at the end of
that year. A difference is kept and shown as ``verschil``, never smoothed away. Pure functions
over :class:`prestatie.beoordeling.monitor.Facts`; the page passes ``today``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling import monitor
from prestatie.beoordeling.selectie import Selectie

MUTATIES = ("nieuwbouw", "sloop", "verkoop")
KEY = ["corporatie", "gemeente", "jaar"]

WATERFALL_COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "begin",
    "nieuwbouw",
    "sloop",
    "verkoop",
    "berekend",
    "eind",
    "verschil",
    "peildatum_eind",
    "lopend",
)


def stock_counts(vhe: pd.DataFrame) -> pd.DataFrame:
    """Homes per corporatie, gemeente and verslagjaar (from the counts of the stock)."""
    if vhe.empty:
        return pd.DataFrame(columns=[*KEY, "peildatum", "vhe"])
    counts = vhe.groupby(KEY, as_index=False).agg(
        peildatum=("peildatum", "max"), vhe=("aantal", "sum")
    )
    return counts.astype({"jaar": "int64", "vhe": "float64"})


def mutations(productie: pd.DataFrame) -> pd.DataFrame:
    """Nieuwbouw, sloop and verkoop per corporatie, gemeente and year (0 when none)."""
    rows = productie[productie["soort"].isin(MUTATIES)]
    table = rows.pivot_table(
        index=KEY, columns="soort", values="aantal", aggfunc="sum", fill_value=0
    )
    table = table.reindex(columns=list(MUTATIES), fill_value=0)
    out = table.reset_index()
    out.columns.name = None
    return out.astype({"jaar": "int64"} | {m: "float64" for m in MUTATIES})


def _row(corporatie: str, gemeente: str, jaar: int, sums: dict, eind: float, **rest) -> dict:
    """One waterfall row; ``sums`` holds begin, the mutations and berekend."""
    return {
        "corporatie": corporatie,
        "gemeente": gemeente,
        "jaar": jaar,
        **sums,
        "eind": eind,
        "verschil": eind - sums["berekend"],
        **rest,
    }


def waterfall(facts: monitor.Facts) -> pd.DataFrame:
    """Per corporatie, gemeente and year with a stock the year before and production data.

    ``berekend`` = begin + nieuwbouw − sloop − verkoop; ``eind`` is the stock counted at the
    end of the year (NaN when not delivered yet); ``verschil`` = eind − berekend.
    """
    stock = stock_counts(facts.vhe).set_index(KEY)
    moves = mutations(facts.productie).set_index(KEY)
    rows = []
    for corporatie, gemeente, year in facts.dekking[KEY].itertuples(index=False):
        year = int(year)
        if year > facts.today.year or (corporatie, gemeente, year - 1) not in stock.index:
            continue
        begin = float(stock.loc[(corporatie, gemeente, year - 1), "vhe"])
        key = (corporatie, gemeente, year)
        moved = {m: float(moves.loc[key, m]) if key in moves.index else 0.0 for m in MUTATIES}
        computed = begin + moved["nieuwbouw"] - moved["sloop"] - moved["verkoop"]
        counted = key in stock.index
        rows.append(
            _row(
                corporatie,
                gemeente,
                year,
                {"begin": begin, **moved, "berekend": computed},
                float(stock.loc[key, "vhe"]) if counted else float("nan"),
                peildatum_eind=stock.loc[key, "peildatum"] if counted else None,
                lopend=year == facts.today.year,
            )
        )
    frame = pd.DataFrame(rows, columns=list(WATERFALL_COLUMNS))
    return frame.sort_values(["gemeente", "corporatie", "jaar"], ignore_index=True)


def gemeente_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """The corporaties of a gemeente together, for the years every one of them has a row.

    The corporatie column reads 'Domesta + Lefier + Woonservice'; ``eind`` is known only when
    every corporatie's is.
    """
    rows = []
    for gemeente, part in frame.groupby("gemeente"):
        members = sorted(set(part["corporatie"]))
        for year, group in part.groupby("jaar"):
            if sorted(group["corporatie"]) != members:
                continue
            rows.append(
                _row(
                    " + ".join(members),
                    gemeente,
                    int(year),
                    {c: float(group[c].sum()) for c in ("begin", *MUTATIES, "berekend")},
                    float(group["eind"].sum()) if group["eind"].notna().all() else float("nan"),
                    peildatum_eind=group["peildatum_eind"].max(),
                    lopend=bool(group["lopend"].any()),
                )
            )
    return pd.DataFrame(rows, columns=list(WATERFALL_COLUMNS))


def waterfalls(facts: monitor.Facts) -> pd.DataFrame:
    """:func:`waterfall` per corporatie and :func:`gemeente_totals`, the totals first."""
    per_corporatie = waterfall(facts)
    return pd.concat([gemeente_totals(per_corporatie), per_corporatie], ignore_index=True)


def waterfall_choices(frame: pd.DataFrame, selectie: Selectie | None = None) -> list[str]:
    """'Corporatie · gemeente' for each series in the selection; the joint ones first."""
    gemeente = selectie.gemeente if selectie else None
    corporatie = selectie.corporatie if selectie else None
    if gemeente:
        frame = frame[frame["gemeente"] == gemeente]
    keys = frame[["corporatie", "gemeente"]].drop_duplicates()
    joint = keys["corporatie"].str.contains(" + ", regex=False)
    if corporatie:
        keys = keys[~joint & (keys["corporatie"] == corporatie)]
    else:
        keys = pd.concat([keys[joint], keys[~joint]])
    return [f"{c} · {g}" for c, g in keys.itertuples(index=False)]


def waterfall_of(frame: pd.DataFrame, choice: str) -> pd.DataFrame:
    corporatie, gemeente = choice.split(" · ", 1)
    rows = frame[(frame["corporatie"] == corporatie) & (frame["gemeente"] == gemeente)]
    return rows.sort_values("jaar", ignore_index=True)


# ---- in words and as a table -----------------------------------------------------------------


def mismatches(frame: pd.DataFrame) -> list[str]:
    """A Dutch sentence for every year whose counted stock differs from the computed one."""
    off = frame[frame["verschil"].notna() & (frame["verschil"] != 0)]
    return [
        f"{r.corporatie}, {r.gemeente}, {r.jaar}: op de peildatum {fmt.datum(_day(r))} zijn "
        f"{fmt.num(r.eind)} woningen geteld; begin {fmt.num(r.begin)} + nieuwbouw "
        f"{fmt.num(r.nieuwbouw)} − sloop {fmt.num(r.sloop)} − verkoop {fmt.num(r.verkoop)} "
        f"= {fmt.num(r.berekend)}: verschil {fmt.signed(r.verschil)}."
        for r in off.itertuples(index=False)
    ]


def _day(row) -> date | None:
    value = row.peildatum_eind
    return value.date() if isinstance(value, pd.Timestamp) else value


def waterfall_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The waterfall rows as a Dutch table; an empty cell where no count exists yet."""
    counts = {
        "Begin": "begin",
        "+ nieuwbouw": "nieuwbouw",
        "− sloop": "sloop",
        "− verkoop": "verkoop",
        "= eind berekend": "berekend",
        "Eind geteld": "eind",
        "Verschil": "verschil",
    }
    return pd.DataFrame(
        {
            "Jaar": frame["jaar"].astype("int64"),
            **{name: frame[c].round().astype("Int64") for name, c in counts.items()},
            "Peildatum": [fmt.datum(_day(r)) for r in frame.itertuples(index=False)],
        }
    )
