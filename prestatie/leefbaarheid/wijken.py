"""What the page Leefbaarheid shows: the areas of a gemeente over the years, which fall short in
the latest measurement and why (:mod:`prestatie.beoordeling.leefbaarheidsdoelen`), the target's
evaluations and the tables behind them."""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling import leefbaarheidsdoelen as doelen_
from prestatie.beoordeling.status import Evaluation
from prestatie.referentie import leefbaarheid

ROW_COLUMNS = {
    "bestand": "Bestand",
    "bron_rij": "Rij",
    "bron_kolom": "Kolom",
    "gemeente": "Gemeente",
    "niveau": "Niveau",
    "code": "CBS-code",
    "naam": "Naam",
    "jaar": "Jaar",
    "score": "Score (lbm)",
    "klasse_naam": "Klasse",
}


def targets(doelen, gemeente: str | None) -> list:
    """The leefbaarheid targets of the gemeente (None: every gemeente)."""
    return [d for d in doelen if d.soort == doelen_.KIND and gemeente in (None, d.gemeente)]


def evaluations(evaluations_: list[Evaluation]) -> list[Evaluation]:
    return [e for e in evaluations_ if e.soort == doelen_.KIND]


def minimum(doelen) -> int:
    """The lowest class that does not fall short: the target's, else 4 (zwak)."""
    return min((doelen_.minimum(d) for d in doelen), default=leefbaarheid.MINIMUM)


def latest_year(rows: pd.DataFrame, jaar: int | None = None) -> int | None:
    """The latest year measured (up to ``jaar`` when one is chosen)."""
    years = [int(y) for y in rows["jaar"] if jaar is None or y <= jaar]
    return max(years) if years else None


def judged(rows: pd.DataFrame, klasse_minimaal: int, jaar: int) -> pd.DataFrame:
    """Per area of one gemeente measured in ``jaar``: falls short or not, and why; the areas
    that fall short first."""
    table = doelen_.judged(rows, klasse_minimaal, jaar)
    return table.sort_values(["tekort", "naam", "code"], ascending=[False, True, True])


def level_words(rows: pd.DataFrame) -> tuple[str, str]:
    """('wijk', 'wijken') or ('buurt', 'buurten'): the level the page and the target use."""
    niveau = doelen_.level(rows)
    return (niveau, "wijken") if niveau == doelen_.WIJK else (niveau, "buurten")


def of_level(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["niveau"] == doelen_.level(rows)]


def short_lines(table: pd.DataFrame) -> list[str]:
    """'Emmerhout (WK011402): klasse 3 onvoldoende' per area that falls short."""
    return [f"{area_name(r)}: {r['reden']}" for _, r in table[table["tekort"]].iterrows()]


def area_name(row) -> str:
    name = row["naam"] if isinstance(row["naam"], str) and row["naam"] else None
    return f"{name} ({row['code']})" if name else str(row["code"])


def conclusion(table: pd.DataFrame, jaar: int, klasse_minimaal: int, words: str) -> str:
    """One sentence on the latest measurement."""
    short = int(table["tekort"].sum())
    if not short:
        return (
            f"In {jaar} heeft geen van de {fmt.num(len(table))} {words} een klasse onder "
            f"{leefbaarheid.naam(klasse_minimaal)} of een achteruitgang."
        )
    verb = "schiet" if short == 1 else "schieten"
    return f"In {jaar} {verb} {fmt.num(short)} van de {fmt.num(len(table))} {words} tekort."


def per_year_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Per area a row, per year a column with the class as the Leefbaarometer names it."""
    rows = of_level(rows)
    if rows.empty:
        return pd.DataFrame()
    shown = rows.assign(
        klasse_naam=[_class_text(k, s) for k, s in zip(rows["klasse"], rows["score"], strict=True)],
        gebied=[area_name(r) for _, r in rows.iterrows()],
    )
    wide = shown.pivot_table(
        index="gebied", columns="jaar", values="klasse_naam", aggfunc="first"
    ).fillna(fmt.MISSING)
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index().rename(columns={"gebied": "Wijk of buurt"})


def source_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows behind the page, as a drill-down table reads them."""
    out = rows.assign(
        klasse_naam=[_class_text(k, None) for k in rows["klasse"]],
        score=[fmt.num(s, 2) for s in rows["score"]],
    )
    return out[list(ROW_COLUMNS)]


def _class_text(klasse, score) -> str:
    if pd.isna(klasse):
        return f"score {fmt.num(score, 2)}" if score is not None and pd.notna(score) else "–"
    return leefbaarheid.naam(int(klasse))
