"""The path of a label target: every year measured, the milestones with the monitor's status.

Pure functions over what the monitor reads (:class:`prestatie.beoordeling.monitor.Facts`: the counts
of the stock per verslagjaar and the label transitions between consecutive years), the ``Doel``
objects of the agreements and the monitor's evaluations. The kinds: the share of a label group
(``aandeel_label``), the mean label (``gemiddeld_label``), a count going to zero (``naar_nul``) and
homes that reached a label (``labelsprong``). The stock in scope is the monitor's
(:func:`monitor.scope_stock`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import metingen, monitor, scorecard
from prestatie.beoordeling.selectie import Rows, Selectie, evaluation_selected
from prestatie.beoordeling.status import GEEN_GEGEVENS, Evaluation
from prestatie.referentie import labels

SOORTEN = ("aandeel_label", "gemiddeld_label", "naar_nul", "labelsprong")


@dataclass(frozen=True)
class Pad:
    """One label target for one scope (a corporatie, or corporaties jointly): every year
    measured, the milestones with the monitor's status, and the rows behind them."""

    doel: Doel
    corporatie: str  # the scope's name, as in the evaluations
    gemeente: str
    gemeten: pd.DataFrame = field(compare=False, repr=False)
    mijlpalen: pd.DataFrame = field(compare=False, repr=False)
    evaluaties: tuple[Evaluation, ...] = field(compare=False, repr=False)
    voorraad: dict[int, pd.DataFrame] = field(compare=False, repr=False)

    @property
    def titel(self) -> str:
        return f"{self.corporatie} in {self.gemeente}"

    @property
    def laatste_jaar(self) -> int | None:
        """The latest verslagjaar with stock in scope."""
        return max(self.voorraad, default=None)


def paden(doelen: Iterable[Doel], facts: monitor.Facts, evaluations: list[Evaluation]) -> list[Pad]:
    """A Pad for each label target (the kinds in SOORTEN) and each scope the monitor judges."""
    stock = facts.vhe
    out = []
    for doel in doelen:
        if doel.soort not in SOORTEN:
            continue
        for scope in monitor.scopes_for(doel, monitor.present(doel, stock)):
            per_year = monitor.scope_stock(stock, doel, scope)
            own = tuple(
                e
                for e in evaluations
                if (e.document, e.doel, e.corporatie) == (doel.document, doel.id, scope.corporatie)
            )
            out.append(
                Pad(
                    doel,
                    scope.corporatie,
                    doel.gemeente,
                    _MEASURES[doel.soort](doel, per_year, _moves(facts, doel, scope.corporaties)),
                    mijlpalen(doel, own),
                    own,
                    per_year,
                )
            )
    return out


def select(pads: list[Pad], selectie: Selectie) -> list[Pad]:
    """The paths whose evaluations fall in the sidebar's gemeente and corporatie.

    The year filter is left out on purpose: a path shows every year. A path without any
    evaluation (no period begun yet) has nothing to judge and is left out.
    """
    return [
        p
        for p in pads
        if any(evaluation_selected(e, selectie, per_jaar=False) for e in p.evaluaties)
    ]


def group_name(pad: Pad) -> str:
    """The label group as the agreement writes it ("A++, A+, A"), else its classes."""
    return pad.doel.params.get("groepnaam") or ", ".join(pad.doel.params["labels"])


def by_agreement(pads: list[Pad]) -> list[list[Pad]]:
    """Paths grouped per document, agreement and scope, in the order they came: one figure each."""
    groups: dict[tuple[str, str, str, str], list[Pad]] = {}
    for pad in pads:
        key = (pad.doel.document, pad.doel.afspraak, pad.corporatie, pad.gemeente)
        groups.setdefault(key, []).append(pad)
    return list(groups.values())


# ---- milestones ------------------------------------------------------------------------------


def mijlpalen(doel: Doel, evaluations: Iterable[Evaluation]) -> pd.DataFrame:
    """Each norm of a target with the monitor's status; a period not yet begun: geen gegevens."""
    found = {e.periode: e for e in evaluations}
    rows = []
    for periode, norm in doel.norm:
        e = found.get(periode.label)
        rows.append(
            {
                "periode": periode.label,
                "van": periode.van,
                "tot": periode.tot,
                "norm": norm,
                "richting": doel.richting,
                "status": e.status if e else GEEN_GEGEVENS,
                "waarde": e.waarde if e else None,
                "tekort": e.tekort if e else None,
                "uitleg": e.uitleg if e else "nog niet te beoordelen",
            }
        )
    return pd.DataFrame(rows)


def milestone_table(pads: list[Pad]) -> pd.DataFrame:
    """A row per label group, a column per milestone: status, measured value and norm, in the
    scorecard's words ("🟢 behaald: 22,4% (≥ 20,0%)"); empty where a group has no milestone."""
    periods = sorted({p for pad in pads for p in pad.mijlpalen["periode"]})
    rows = []
    for pad in pads:
        row = dict.fromkeys(periods, "")
        for e in pad.evaluaties:
            row[e.periode] = (
                f"{scorecard.STATUS_TEKEN[e.status]} {e.status}: "
                f"{scorecard.value_text(e)} ({scorecard.norm_text(e)})"
            )
        rows.append({"Labelgroep": group_name(pad), **row})
    return pd.DataFrame(rows, columns=["Labelgroep", *periods])


# ---- what is measured per year, per kind -----------------------------------------------------


def _peildatum(rows: pd.DataFrame) -> date:
    peil = rows["peildatum"].max()
    return peil.date() if isinstance(peil, pd.Timestamp) else peil


def _moves(facts: monitor.Facts, doel: Doel, corporaties: tuple[str, ...]) -> pd.DataFrame:
    """The label transitions of a target's scope (its gemeente, corporaties and kern)."""
    moves = facts.overgangen
    if moves is None:
        return pd.DataFrame(columns=["jaar", "label_van", "label_naar", "rijen"])
    moves = moves[(moves["gemeente"] == doel.gemeente) & moves["corporatie"].isin(corporaties)]
    if doel.kern:
        moves = moves[(moves["kern_van"] == doel.kern) & (moves["kern_naar"] == doel.kern)]
    marked = metingen.for_sale_only(moves, doel)
    return moves.iloc[0:0] if marked is None else marked


def measured_shares(doel: Doel, per_year: dict[int, pd.DataFrame], _moves=None) -> pd.DataFrame:
    """aandeel_label: per year the homes in the group, all homes, the unknown ones, the share."""
    group = tuple(doel.params["labels"])
    rows = []
    for jaar, g in sorted(per_year.items()):
        share = metingen.share_in_labels(g, group)
        rows.append(
            {
                "jaar": jaar,
                "peildatum": _peildatum(g),
                "deel": share.deel,
                "totaal": share.totaal,
                "onbekend": metingen.count_in_labels(g, (labels.ONBEKEND,)),
                "waarde": share.waarde,
            }
        )
    return pd.DataFrame(rows, columns=["jaar", "peildatum", "deel", "totaal", "onbekend", "waarde"])


def measured_means(doel: Doel, per_year: dict[int, pd.DataFrame], _moves=None) -> pd.DataFrame:
    """gemiddeld_label: per year the ordinal mean (rang) and the class it rounds to."""
    rows = []
    for jaar, g in sorted(per_year.items()):
        mean = metingen.mean_label(g)
        rows.append(
            {
                "jaar": jaar,
                "peildatum": _peildatum(g),
                "rang": mean[0] if mean else None,
                "waarde": mean[1] if mean else None,
                "bekend": g.loc[g["label"] != labels.ONBEKEND, "aantal"].sum(),
                "totaal": g["aantal"].sum(),
            }
        )
    return pd.DataFrame(rows, columns=["jaar", "peildatum", "rang", "waarde", "bekend", "totaal"])


def measured_counts(doel: Doel, per_year: dict[int, pd.DataFrame], _moves=None) -> pd.DataFrame:
    """naar_nul: per year the homes in the group, in total and per class."""
    group = tuple(doel.params["labels"])
    rows = []
    for jaar, g in sorted(per_year.items()):
        per_class = {k: metingen.count_in_labels(g, (k,)) for k in group}
        rows.append(
            {
                "jaar": jaar,
                "peildatum": _peildatum(g),
                **per_class,
                "waarde": sum(per_class.values()),
            }
        )
    return pd.DataFrame(rows, columns=["jaar", "peildatum", *group, "waarde"])


def measured_jumps(
    doel: Doel, per_year: dict[int, pd.DataFrame], moves: pd.DataFrame
) -> pd.DataFrame:
    """labelsprong: per year the homes that went from below the label to at least it,
    matched by vhe number against the year before (years without the year before: none)."""
    minimum = doel.params["label"]
    rows = [
        {
            "jaar": jaar,
            "peildatum": _peildatum(g),
            "waarde": metingen.reached_label(moves[moves["jaar"] == jaar], minimum),
        }
        for jaar, g in sorted(per_year.items())
        if jaar - 1 in per_year
    ]
    return pd.DataFrame(rows, columns=["jaar", "peildatum", "waarde"])


_MEASURES = {
    "aandeel_label": measured_shares,
    "gemiddeld_label": measured_means,
    "naar_nul": measured_counts,
    "labelsprong": measured_jumps,
}


# ---- readings of a path for its figure and its rows ------------------------------------------


def rank_limit(norm: str) -> float:
    """The mean rank a gemiddeld_label target must stay below: rank of the norm + 0,5.

    The mean class is the mean rank rounded half up, so B (rank 5) holds up to 5,49… and
    5,5 already rounds to C.
    """
    return labels.rank(norm) + 0.5


def path_to_zero(pad: Pad) -> pd.DataFrame:
    """naar_nul: the straight path from the first measurement to the norm at the deadline."""
    gemeten = pad.gemeten
    periode, norm = max(pad.doel.norm)
    if gemeten.empty or gemeten["jaar"].min() >= periode.tot:
        return pd.DataFrame([], columns=["jaar", "aantal"])
    first = gemeten.iloc[0]
    return pd.DataFrame(
        [
            {"jaar": int(first["jaar"]), "aantal": first["waarde"]},
            {"jaar": periode.tot, "aantal": norm},
        ],
        columns=["jaar", "aantal"],
    )


def cumulative(pad: Pad) -> pd.DataFrame:
    """labelsprong: per norm period the running total of homes that reached the label."""
    rows = []
    for periode, norm in pad.doel.norm:
        inside = pad.gemeten[pad.gemeten["jaar"].between(periode.van, periode.tot)]
        total = 0.0
        for jaar, waarde in zip(inside["jaar"], inside["waarde"], strict=True):
            total += waarde
            rows.append(
                {"periode": periode.label, "jaar": int(jaar), "totaal": total, "norm": norm}
            )
    return pd.DataFrame(rows, columns=["periode", "jaar", "totaal", "norm"])


def latest_rows(pad: Pad) -> list[Rows]:
    """The rows behind the latest year of a path, for the drill-down: the homes in the target's
    label group (aandeel_label, naar_nul), all homes (gemiddeld_label), or those that reached the
    label in that year (labelsprong)."""
    jaar = pad.laatste_jaar
    if jaar is None:
        return []
    corporaties = tuple(sorted(set(pad.voorraad[jaar]["corporatie"])))
    base = Rows(gemeente=pad.gemeente, corporaties=corporaties, jaren=(jaar,), kern=pad.doel.kern)
    if pad.doel.soort in ("aandeel_label", "naar_nul"):
        return [replace(base, labels=tuple(pad.doel.params["labels"]))]
    if pad.doel.soort == "labelsprong":
        if jaar - 1 not in pad.voorraad:
            return []
        minimum = pad.doel.params["label"]
        return [
            replace(
                base,
                labels=labels.classes_at_least(minimum),
                eerder_jaar=jaar - 1,
                eerder_labels=labels.classes_below(minimum),
            )
        ]
    return [base]
