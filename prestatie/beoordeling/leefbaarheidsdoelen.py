"""No wijk with an insufficient or declining liveability (kind ``leefbaarheid``): Emmen LW-2
"geen wijken of dorpen die ... onvoldoende scores en/of een achteruitgang in
leefbaarheidsscores kennen".

Judged on the Leefbaarometer scores in force (:mod:`prestatie.inlezen.leefbaarometer`), per
wijk (in Emmen the dorpen are wijken of their own in the CBS indeling); where only buurten were
read, per buurt, and the explanation says so. For each period the latest measurement in it
counts: an area falls short with a class below ``klasse_minimaal`` (default 4 "zwak": the
classes "onvoldoende", "ruim onvoldoende" and "zeer onvoldoende" fall short) or with a lower
class than at its measurement before (achteruitgang; without classes a lower score). The value
is the number of areas that fall short, the norm the number allowed (0); the areas are named.
No measurement in the period: geen gegevens.
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling.status import (
    ACHTER,
    BEHAALD,
    NIET_BEHAALD,
    OP_KOERS,
    Evaluation,
    Scope,
    evaluation,
    no_data,
)
from prestatie.referentie import leefbaarheid

KIND = "leefbaarheid"
SCOPE = Scope("alle corporaties", ())  # the whole gemeente: shown whichever corporatie is chosen
WIJK, BUURT = "wijk", "buurt"
COLUMNS = ["gemeente", "niveau", "code", "naam", "wijk_code", "jaar", "score", "klasse"]


def minimum(doel) -> int:
    """The lowest class that does not fall short."""
    return doel.params.get("klasse_minimaal") or leefbaarheid.MINIMUM


def level(rows: pd.DataFrame) -> str:
    """The level judged: the wijken when any wijk was read, else the buurten."""
    return WIJK if (rows["niveau"] == WIJK).any() or rows.empty else BUURT


def judged(rows: pd.DataFrame, klasse_minimaal: int, jaar: int) -> pd.DataFrame:
    """Per area measured in ``jaar`` (at the level judged): its class and score, those of its
    measurement before (``jaar_voor``), whether it falls short and why (``reden``)."""
    rows = rows[rows["niveau"] == level(rows)].sort_values(["code", "jaar"])
    now = rows[rows["jaar"] == jaar]
    before = rows[rows["jaar"] < jaar].groupby("code").tail(1).set_index("code")
    out = []
    for row in now.itertuples(index=False):
        prev = before.loc[row.code] if row.code in before.index else None
        reasons = _reasons(row, prev, klasse_minimaal)
        out.append(
            {
                **row._asdict(),
                "jaar_voor": None if prev is None else int(prev["jaar"]),
                "klasse_voor": None if prev is None else _int(prev["klasse"]),
                "score_voor": None if prev is None else prev["score"],
                "tekort": bool(reasons),
                "reden": " en ".join(reasons),
            }
        )
    return pd.DataFrame(out, columns=[*rows.columns, "jaar_voor", "klasse_voor", "score_voor",
                                      "tekort", "reden"])  # fmt: skip


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _reasons(row, prev, klasse_minimaal: int) -> list[str]:
    reasons = []
    klasse = _int(row.klasse)
    if klasse is not None and klasse < klasse_minimaal:
        reasons.append(f"klasse {leefbaarheid.naam(klasse)}")
    if prev is None:
        return reasons
    voor = _int(prev["klasse"])
    if klasse is not None and voor is not None:
        if klasse < voor:
            reasons.append(
                f"achteruit van {leefbaarheid.naam(voor)} naar {leefbaarheid.naam(klasse)} "
                f"(sinds {int(prev['jaar'])})"
            )
    elif pd.notna(row.score) and pd.notna(prev["score"]) and row.score < prev["score"]:
        reasons.append(
            f"score daalde van {fmt.num(prev['score'], 2)} naar {fmt.num(row.score, 2)} "
            f"(sinds {int(prev['jaar'])})"
        )
    return reasons


def evaluate(doel, scope: Scope, facts) -> list[Evaluation]:
    rows = facts.leefbaarheid
    if rows is None:
        rows = pd.DataFrame(columns=COLUMNS)
    rows = rows[rows["gemeente"] == doel.gemeente]
    out = []
    for periode, norm in doel.norm:
        if periode.van > facts.today.year:
            continue
        years = sorted({int(y) for y in rows["jaar"] if periode.van <= y <= periode.tot})
        if not years:
            why = "geen Leefbaarometer-scores ingelezen" if rows.empty else (
                f"geen Leefbaarometer-meting in {periode.label}")  # fmt: skip
            out.append(no_data(doel, scope, periode, norm, why))
            continue
        out.append(_judge(doel, scope, periode, norm, rows, years[-1], facts.today.year))
    return out


def _judge(doel, scope, periode, norm, rows, jaar: int, this_year: int) -> Evaluation:
    table = judged(rows, minimum(doel), jaar)
    short = table[table["tekort"]]
    niveau = level(rows)
    areas = "wijken" if niveau == WIJK else "buurten"
    named = "; ".join(f"{_name(r)}: {r['reden']}" for _, r in short.iterrows())
    bron = ", ".join(sorted(set(rows.loc[rows["jaar"] == jaar, "bestand"].dropna())))
    text = (
        f"Leefbaarometer {jaar}, per {niveau}: {fmt.num(len(short))} van "
        f"{fmt.num(len(table))} {areas} {'schiet' if len(short) == 1 else 'schieten'} tekort"
        + (
            f": {named}"
            if named
            else f" (geen klasse onder {leefbaarheid.naam(minimum(doel))}, geen achteruitgang)"
        )  # fmt: skip
        + ("" if niveau == WIJK else "; alleen buurtscores ingelezen")
        + (f"; bron: {bron}" if bron else "")
    )
    met = len(short) <= norm
    if periode.tot > this_year:
        status = OP_KOERS if met else ACHTER
    else:
        status = BEHAALD if met else NIET_BEHAALD
    return evaluation(
        doel,
        scope,
        periode,
        norm,
        waarde=len(short),
        basis=float(len(table)),
        status=status,
        tekort=max(0, len(short) - int(norm)),
        uitleg=text,
    )


def _name(row) -> str:
    name = row["naam"] if isinstance(row["naam"], str) and row["naam"] else None
    return f"{name} ({row['code']})" if name else row["code"]
