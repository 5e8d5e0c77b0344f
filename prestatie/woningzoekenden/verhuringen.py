"""Woningzoekenden: who got which home. The lettings per corporatie and year, the share of the
offer under each rent limit, the statushouders and the search time, with the words the page
shows.

Pure functions over the lettings as DuckDB counted them (:mod:`prestatie.opslag.verhuurtelling`,
through ``dashboard.lettings_facts``): per corporatie × gemeente × jaar × route × nieuwbouw with the
lettings under each limit in force on the letting's date, and the search-time histogram. The
measures are those of the monitor (:mod:`prestatie.beoordeling.verhuurmetingen`).
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import scorecard, verhuurdoelen, verhuurmetingen
from prestatie.beoordeling.huurregel import Regel, limit_column
from prestatie.beoordeling.status import Evaluation
from prestatie.referentie import huurgrenzen

STATUSHOUDER = "statushouder"
BINNEN = 12  # months: "binnen een jaar"
SUMMARY_COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "aantal",
    "statushouders",
    "aandeel_statushouders",
    *(f"aandeel_{limit_column(g, w)}" for g in huurgrenzen.GRENZEN for w in (True, False)),
    "huur_bekend",
    "zoekduur_mediaan",
    "binnen_12",
    "zoekduur_bekend",
    "gemeten",
)


def lettings_targets(doelen: list[Doel], gemeente: str | None) -> list[Doel]:
    """The targets measured on the lettings (the offer, statushouders, search time) of the
    gemeente (every gemeente when None)."""
    return [
        d
        for d in doelen
        if (verhuurdoelen.on_offer(d) or d.soort in verhuurdoelen.KINDS)
        and gemeente in (None, d.gemeente)
    ]


def lettings_evaluations(evaluations: list[Evaluation], doelen: list[Doel]) -> list[Evaluation]:
    ids = {(d.document, d.id) for d in doelen}
    return [e for e in evaluations if (e.document, e.doel) in ids]


def summary(
    lettings: pd.DataFrame,
    zoekduren: pd.DataFrame,
    gemeente: str | None = None,
    corporatie: str | None = None,
) -> pd.DataFrame:
    """Per corporatie × gemeente × jaar: lettings, statushouders (and their share), the share of
    lettings up to and including each limit (in force on the letting's date), the median search
    time, the share found within 12 months, and what the file counted (zoekduur/inschrijfduur)."""
    rows = _select(lettings, gemeente, corporatie)
    hist = _select(zoekduren, gemeente, corporatie)
    out = []
    for (corp, gem, jaar), group in rows.groupby(["corporatie", "gemeente", "jaar"], sort=True):
        aantal = int(group["aantal"].sum())
        status = int(group.loc[group["route"] == STATUSHOUDER, "aantal"].sum())
        routes_known = bool((group["route"] != verhuurdoelen.ONBEKEND).any())
        h = hist[(hist["corporatie"] == corp) & (hist["gemeente"] == gem) & (hist["jaar"] == jaar)]
        within = verhuurmetingen.within(h, BINNEN)
        row = {
            "corporatie": corp,
            "gemeente": gem,
            "jaar": int(jaar),
            "aantal": aantal,
            "statushouders": status if routes_known else None,
            "aandeel_statushouders": status / aantal if routes_known and aantal else None,
            "huur_bekend": int(group["huur_bekend"].sum()),
            "zoekduur_mediaan": verhuurmetingen.weighted_median(h),
            "binnen_12": within.waarde,
            "zoekduur_bekend": int(within.totaal),
            "gemeten": ", ".join(verhuurmetingen.soorten(h)) or "",
        }
        known = bool(group["grenzen_bekend"].astype(bool).all())
        for grens in huurgrenzen.GRENZEN:
            for inclusief in (True, False):
                column = limit_column(grens, inclusief)
                share = group[column].sum() / aantal if known and aantal else None
                row[f"aandeel_{column}"] = share
        out.append(row)
    return pd.DataFrame(out, columns=list(SUMMARY_COLUMNS))


def _select(frame: pd.DataFrame, gemeente: str | None, corporatie: str | None) -> pd.DataFrame:
    if gemeente is not None:
        frame = frame[frame["gemeente"] == gemeente]
    if corporatie is not None:
        frame = frame[frame["corporatie"] == corporatie]
    return frame


TABLE_COLUMNS = (
    "Corporatie",
    "Gemeente",
    "Jaar",
    "Verhuringen",
    "Statushouders",
    *(f"t/m {huurgrenzen.NAMEN[g]}" for g in huurgrenzen.GRENZEN),
    "Mediane zoekduur",
    "Binnen 12 maanden",
    "Gemeten als",
)


def summary_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The summary as Dutch text, one row per corporatie, gemeente and jaar."""
    rows = []
    for r in frame.to_dict("records"):
        row = {
            "Corporatie": r["corporatie"],
            "Gemeente": r["gemeente"],
            "Jaar": str(r["jaar"]),
            "Verhuringen": fmt.num(r["aantal"]),
            "Statushouders": _count_share(r["statushouders"], r["aandeel_statushouders"]),
            "Mediane zoekduur": _months(r["zoekduur_mediaan"]),
            "Binnen 12 maanden": fmt.pct(r["binnen_12"]),
            "Gemeten als": r["gemeten"] or "geen zoekduur in het bestand",
        }
        for grens in huurgrenzen.GRENZEN:
            row[f"t/m {huurgrenzen.NAMEN[grens]}"] = fmt.pct(
                r[f"aandeel_{limit_column(grens, True)}"]
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


def _count_share(count, share) -> str:
    if count is None or pd.isna(count):
        return "route onbekend"
    return f"{fmt.num(count)} ({fmt.pct(share)})"


def _months(value) -> str:
    if value is None or pd.isna(value):
        return fmt.MISSING
    return f"{fmt.num(value, 1)} mnd"


def split_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Per gemeente and jaar the statushouders per corporatie and each one's part of them: the
    numbers behind a split target (Borger-Odoorn C3: 50-50)."""
    known = frame.dropna(subset=["statushouders"])
    rows = []
    for (gemeente, jaar), group in known.groupby(["gemeente", "jaar"], sort=True):
        total = int(group["statushouders"].sum())
        for r in group.itertuples():
            part = r.statushouders / total if total else None
            rows.append(
                {
                    "Gemeente": gemeente,
                    "Jaar": str(jaar),
                    "Corporatie": r.corporatie,
                    "Statushouders": fmt.num(r.statushouders),
                    "Deel van de statushouders": fmt.pct(part),
                    "Samen": fmt.num(total),
                }
            )
    return pd.DataFrame(
        rows,
        columns=["Gemeente", "Jaar", "Corporatie", "Statushouders", "Deel van de statushouders",
                 "Samen"],
    )  # fmt: skip


def no_lettings_text(gemeente: str | None, corporatie: str | None) -> str:
    who = " en ".join(p for p in (corporatie, gemeente) if p) or "deze selectie"
    return (
        f"Geen verhuringen ingelezen voor {who}. Lees een verhuringenlijst in op *Gegevens*; "
        "tot dan meet de monitor het aanbod op de voorraad en zegt dat ('"
        f"{verhuurdoelen.OP_DE_VOORRAAD}')."
    )


def offer_lines(evaluations: list[Evaluation], doelen: list[Doel], jaar: int | None) -> list[str]:
    """Per target on the offer and scope one line for the year (the latest judged one when
    None): its status, the share against the norm and how it was measured, e.g. 'Domesta,
    2023: 🔴 niet behaald, 66,7% (norm ≥ 80,0%); verhuringen 2023: 8 van 12 …'."""
    offer = {(d.document, d.id) for d in doelen if verhuurdoelen.on_offer(d)}
    rows = [e for e in evaluations if (e.document, e.doel) in offer]
    if jaar is None:
        judged = [e.jaar for e in rows if e.waarde is not None]
        jaar = max(judged) if judged else None
    lines = []
    for e in rows:
        if e.jaar != jaar:
            continue
        lines.append(
            f"{e.afspraak} · {e.corporatie}, {e.periode}: {scorecard.STATUS_TEKEN[e.status]} "
            f"{e.status}, {scorecard.value_text(e)} (norm {scorecard.norm_text(e)}); {e.uitleg}"
        )
    return lines


def per_target(evaluations: list[Evaluation]) -> list[list[Evaluation]]:
    """The evaluations grouped per target, in their order."""
    groups: dict[tuple[str, str], list[Evaluation]] = {}
    for e in evaluations:
        groups.setdefault((e.document, e.doel), []).append(e)
    return list(groups.values())


def offer_rule(doelen: list[Doel]) -> tuple[str, str]:
    """(the summary's column, the words) of the offer as the gemeente's target on it reads a
    rent: 'onder' or 'tot en met' its limit; the 1e aftoppingsgrens up to and including it
    when there is no such target."""
    for doel in doelen:
        if verhuurdoelen.on_offer(doel):
            regel = Regel.van(doel)
            name = huurgrenzen.naam(regel.grens)
            return (
                f"aandeel_{limit_column(regel.grens, regel.inclusief)}",
                f"{regel.woord} de {name}",
            )
    return "aandeel_tot_eerste_aftoppingsgrens", "tot en met de 1e aftoppingsgrens"
