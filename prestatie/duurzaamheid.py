"""Duurzaamheid: the label distribution, the paths of the label targets, label transitions.

Pure functions over the vhe rows of ``dashboard.stock`` (one row per vhe per peildatum, weight
``aantal``, column ``jaar`` from :func:`prestatie.metingen.latest_per_year`), the ``Doel``
objects of the agreements and the monitor's evaluations. Every label is read through
:func:`prestatie.labels.normalize`, so a raw spelling or a VERA code (``AP3``) counts as its
class and anything that is not a housing label counts as *onbekend*: never dropped, always in
the total.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import pandas as pd

from prestatie import dashboard, fmt, labels, metingen, monitor, scorecard
from prestatie.monitor import GEEN_GEGEVENS, Evaluation
from prestatie.targets import Doel

SOORTEN = ("aandeel_label", "gemiddeld_label", "naar_nul", "labelsprong")
PER_PEILDATUM = ("corporatie", "gemeente", "peildatum")
VHE_SLEUTEL = ["corporatie", "gemeente", "vhe_id"]
UIT_BEZIT = "uit bezit"  # on the first peildatum, not on the second (sold, demolished)
NIEUW = "nieuw in bezit"  # on the second peildatum only (built, bought)
BETER, GELIJK, SLECHTER, ONVERGELIJKBAAR = "beter", "gelijk", "slechter", "onbekend"
INDEX_TABEL = "2015-2020"  # the table the energy-index trend labels its means with


# ---- labels as classes --------------------------------------------------------------------


@lru_cache(maxsize=512)
def _klasse(value: object) -> str:
    return labels.normalize(value) or labels.ONBEKEND


def canonical(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with ``label`` as a canonical class; a non-label (``H``, ``12``) is onbekend."""
    if rows.empty:
        return rows
    return rows.assign(label=rows["label"].astype(object).map(_klasse))


def label_counts(rows: pd.DataFrame, by: Iterable[str] = PER_PEILDATUM) -> pd.DataFrame:
    """Homes per class (columns ``labels.ALLE``: best first, onbekend last) for each group."""
    by = list(by)
    rows = canonical(rows)
    if rows.empty:
        return pd.DataFrame(
            columns=list(labels.ALLE), index=pd.MultiIndex.from_tuples([], names=by)
        )
    table = rows.pivot_table(
        index=by, columns="label", values="aantal", aggfunc="sum", fill_value=0, observed=True
    )
    return table.reindex(columns=list(labels.ALLE), fill_value=0).astype(float)


def label_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Each class as a fraction of all homes in its row, onbekend included: rows sum to 1."""
    return counts.div(counts.sum(axis=1), axis=0)


def rows_with_labels(rows: pd.DataFrame, klassen: Iterable[str]) -> pd.DataFrame:
    """The rows whose label is one of ``klassen`` (onbekend included when asked for)."""
    rows = canonical(rows)
    return rows[rows["label"].isin(list(klassen))] if not rows.empty else rows


# ---- the path of a label target --------------------------------------------------------------


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


def paden(doelen: Iterable[Doel], stock: pd.DataFrame, evaluations: list[Evaluation]) -> list[Pad]:
    """A Pad for each label target (the kinds in SOORTEN) and each scope the monitor judges."""
    stock = canonical(stock)
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
                    _MEASURES[doel.soort](doel, per_year),
                    mijlpalen(doel, own),
                    own,
                    per_year,
                )
            )
    return out


def select(pads: list[Pad], filters: dashboard.Filters) -> list[Pad]:
    """The paths whose evaluations fall in the sidebar's gemeente and corporatie.

    The year filter is left out on purpose: a path shows every year. A path without any
    evaluation (no period begun yet) has nothing to judge and is left out.
    """
    wanted = dashboard.Filters(gemeente=filters.gemeente, corporatie=filters.corporatie)
    return [p for p in pads if any(dashboard.matches(e, wanted) for e in p.evaluaties)]


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


def _peildatum(rows: pd.DataFrame) -> date:
    peil = rows["peildatum"].max()
    return peil.date() if isinstance(peil, pd.Timestamp) else peil


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def measured_shares(doel: Doel, per_year: dict[int, pd.DataFrame]) -> pd.DataFrame:
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
    return _frame(rows, ["jaar", "peildatum", "deel", "totaal", "onbekend", "waarde"])


def measured_means(doel: Doel, per_year: dict[int, pd.DataFrame]) -> pd.DataFrame:
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
    return _frame(rows, ["jaar", "peildatum", "rang", "waarde", "bekend", "totaal"])


def measured_counts(doel: Doel, per_year: dict[int, pd.DataFrame]) -> pd.DataFrame:
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
    return _frame(rows, ["jaar", "peildatum", *group, "waarde"])


def measured_jumps(doel: Doel, per_year: dict[int, pd.DataFrame]) -> pd.DataFrame:
    """labelsprong: per year the homes that went from below the label to at least it,
    matched by vhe number against the year before (years without the year before: none)."""
    minimum = doel.params["label"]
    rows = [
        {
            "jaar": jaar,
            "peildatum": _peildatum(g),
            "waarde": metingen.reached_label(per_year[jaar - 1], g, minimum),
        }
        for jaar, g in sorted(per_year.items())
        if jaar - 1 in per_year
    ]
    return _frame(rows, ["jaar", "peildatum", "waarde"])


_MEASURES = {
    "aandeel_label": measured_shares,
    "gemiddeld_label": measured_means,
    "naar_nul": measured_counts,
    "labelsprong": measured_jumps,
}


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
        return _frame([], ["jaar", "aantal"])
    first = gemeten.iloc[0]
    return _frame(
        [
            {"jaar": int(first["jaar"]), "aantal": first["waarde"]},
            {"jaar": periode.tot, "aantal": norm},
        ],
        ["jaar", "aantal"],
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
    return _frame(rows, ["periode", "jaar", "totaal", "norm"])


def latest_rows(pad: Pad) -> pd.DataFrame:
    """The rows behind the latest year of a path: the homes in the target's label group
    (aandeel_label, naar_nul), all homes (gemiddeld_label), or those that reached the label
    in that year (labelsprong)."""
    jaar = pad.laatste_jaar
    if jaar is None:
        return pd.DataFrame()
    rows = pad.voorraad[jaar]
    if pad.doel.soort in ("aandeel_label", "naar_nul"):
        return rows_with_labels(rows, pad.doel.params["labels"])
    if pad.doel.soort == "labelsprong":
        if jaar - 1 not in pad.voorraad:
            return rows.iloc[:0]
        return reached_rows(pad.voorraad[jaar - 1], rows, pad.doel.params["label"])
    return rows


def reached_rows(before: pd.DataFrame, after: pd.DataFrame, minimum: str) -> pd.DataFrame:
    """The rows of ``after`` that were below ``minimum`` (a known label) in ``before`` and now
    are at least ``minimum``: the homes :func:`metingen.reached_label` counts."""
    old = canonical(before)[VHE_SLEUTEL + ["label"]].rename(columns={"label": "label_van"})
    new = canonical(after).merge(old, on=VHE_SLEUTEL, how="inner")
    was_below = new["label_van"].map(
        lambda v: v != labels.ONBEKEND and not labels.at_least(v, minimum)
    )
    now_at = new["label"].map(lambda v: labels.at_least(v, minimum))
    return new[was_below & now_at]


# ---- energy index -----------------------------------------------------------------------------


def energy_index_trend(stock: pd.DataFrame) -> pd.DataFrame:
    """Per corporatie, gemeente and peildatum with any index: the mean energy index over the
    homes that have one (weighted by ``aantal``), how many have one out of how many, and the
    label of that mean under the INDEX_TABEL table."""
    columns = [*PER_PEILDATUM, "gemiddelde", "met_index", "totaal", "label"]
    if stock.empty or "energie_index" not in stock.columns:
        return _frame([], columns)
    rows = []
    for key, g in stock.groupby(list(PER_PEILDATUM)):
        has = g[g["energie_index"].notna()]
        if has.empty:
            continue
        weight = has["aantal"].sum()
        mean = float((has["energie_index"] * has["aantal"]).sum() / weight)
        rows.append(
            dict(zip(PER_PEILDATUM, key, strict=True))
            | {
                "gemiddelde": mean,
                "met_index": weight,
                "totaal": g["aantal"].sum(),
                "label": labels.van_energie_index(mean, INDEX_TABEL),
            }
        )
    return _frame(rows, columns)


# ---- label transitions between two peildata ---------------------------------------------------


def peildata(stock: pd.DataFrame) -> list[date]:
    """The peildata in the stock, oldest first."""
    return sorted({_as_date(p) for p in stock["peildatum"]}) if not stock.empty else []


def _as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def _on(stock: pd.DataFrame, peildatum: date) -> pd.DataFrame:
    return canonical(stock[stock["peildatum"] == pd.Timestamp(peildatum)])


def transition_rows(stock: pd.DataFrame, van: date, naar: date) -> pd.DataFrame:
    """Every home on either peildatum with ``label_van`` and ``label_naar``, matched by
    corporatie, gemeente and vhe number; a home on one date only is NIEUW or UIT_BEZIT.

    The row's other columns come from ``naar`` (from ``van`` for a home that left).
    """
    before = _on(stock, van)
    after = _on(stock, naar)
    old = before[VHE_SLEUTEL + ["label"]].rename(columns={"label": "label_van"})
    kept = after.merge(old, on=VHE_SLEUTEL, how="left")
    kept["label_van"] = kept["label_van"].fillna(NIEUW)
    gone = before[~before.set_index(VHE_SLEUTEL).index.isin(after.set_index(VHE_SLEUTEL).index)]
    gone = gone.assign(label_van=gone["label"], label=UIT_BEZIT)
    both = pd.concat([kept, gone], ignore_index=True) if len(gone) else kept
    return both.rename(columns={"label": "label_naar"})


def transitions(stock: pd.DataFrame, van: date, naar: date) -> pd.DataFrame:
    """Homes per (label_van, label_naar), in label order, only the pairs that occur."""
    rows = transition_rows(stock, van, naar)
    counts = rows.groupby(["label_van", "label_naar"])["aantal"].sum().reset_index()
    order = {k: i for i, k in enumerate((*labels.ALLE, NIEUW, UIT_BEZIT))}
    return counts.sort_values(
        ["label_van", "label_naar"], key=lambda s: s.map(order), ignore_index=True
    )


def transition_table(counts: pd.DataFrame) -> pd.DataFrame:
    """From/to table: a row per label on the first peildatum, a column per label on the second."""
    order = (*labels.ALLE, NIEUW, UIT_BEZIT)
    table = counts.pivot_table(
        index="label_van", columns="label_naar", values="aantal", aggfunc="sum", fill_value=0
    )
    table = table.reindex(
        index=[k for k in order if k in table.index],
        columns=[k for k in order if k in table.columns],
    )
    return table.astype(float)


def direction(label_van: str, label_naar: str) -> str:
    """BETER, GELIJK or SLECHTER; ONVERGELIJKBAAR when either side is onbekend or no label."""
    if label_van not in labels.KLASSEN or label_naar not in labels.KLASSEN:
        return ONVERGELIJKBAAR
    step = labels.rank(label_naar) - labels.rank(label_van)
    return BETER if step < 0 else SLECHTER if step > 0 else GELIJK


def transition_summary(counts: pd.DataFrame) -> dict[str, float]:
    """Homes that got a better, the same, a worse label; unknown on either side; left; new."""
    out = dict.fromkeys((BETER, GELIJK, SLECHTER, ONVERGELIJKBAAR, UIT_BEZIT, NIEUW), 0.0)
    for van, naar, n in zip(
        counts["label_van"], counts["label_naar"], counts["aantal"], strict=True
    ):
        if naar == UIT_BEZIT:
            out[UIT_BEZIT] += n
        elif van == NIEUW:
            out[NIEUW] += n
        else:
            out[direction(van, naar)] += n
    return out


def largest(counts: pd.DataFrame, richting: str = BETER) -> tuple[str, str] | None:
    """The (label_van, label_naar) in ``richting`` with the most homes; None when there is none.
    A tie goes to the pair that comes first in label order."""
    pairs = [
        (n, van, naar)
        for van, naar, n in zip(
            counts["label_van"], counts["label_naar"], counts["aantal"], strict=True
        )
        if van in labels.KLASSEN and naar in labels.KLASSEN and direction(van, naar) == richting
    ]
    if not pairs:
        return None
    _, van, naar = max(pairs, key=lambda p: (p[0], -labels.rank(p[1]), -labels.rank(p[2])))
    return van, naar


def moved(rows: pd.DataFrame, label_van: str, label_naar: str) -> pd.DataFrame:
    """The rows of :func:`transition_rows` that went from ``label_van`` to ``label_naar``."""
    return rows[(rows["label_van"] == label_van) & (rows["label_naar"] == label_naar)]


# ---- how labels are treated: text from the facts in labels.py --------------------------------


def method_notes() -> list[str]:
    """What the page says about old-method and NTA 8800 labels, built from labels.py."""
    derivation = inspect.signature(labels.van_energie_index).parameters["methode"].default
    a_groep = labels.GROEPEN["A++, A+, A"]
    nta_only = [k for k in labels.KLASSEN if k not in _klassen_met_index(derivation)]
    mean_half, mean_class = labels.gemiddeld(["A", "B"])
    a_top, b_bottom = _grens_voorbeeld(derivation)
    return [
        "De database bewaart per woning alleen de labelklasse "
        f"({labels.KLASSEN[0]} … {labels.KLASSEN[-1]} of {labels.ONBEKEND}) en de schrijfwijze "
        "uit het bestand, niet of het label volgens de oude methode (energie-index, tot 2021) "
        "of volgens NTA 8800 (vanaf 2021) is vastgesteld. Een oud label A++ en een NTA 8800-label "
        "A++ tellen dus als dezelfde klasse, hoewel ze niet hetzelfde energiegebruik betekenen.",
        f"{' en '.join(nta_only)} bestaan alleen onder NTA 8800. In de fasering van Domesta "
        f"(groep “A++, A+, A”) tellen ze mee in de eerste groep: die groep omvat "
        f"{', '.join(a_groep)}.",
        "Ontbreekt het label en staat er wel een energie-index in het bestand, dan leidt de "
        f"import het label af met de tabel {derivation} (een index van "
        f"{fmt.num(a_top, 2)} geeft label {labels.van_energie_index(a_top, derivation)}, "
        f"{fmt.num(b_bottom, 2)} geeft {labels.van_energie_index(b_bottom, derivation)}); de "
        "import meldt dat als waarschuwing.",
        "Het gemiddelde label is een gemiddelde over de labelvolgorde "
        f"({labels.KLASSEN[0]} = 0 … {labels.KLASSEN[-1]} = {len(labels.KLASSEN) - 1}), zonder "
        f"de woningen met label {labels.ONBEKEND}, en half naar boven afgerond "
        f"({fmt.num(mean_half, 1)}, tussen A en B, wordt {mean_class}). Het is geen gemiddelde "
        "van de energie-index of van het energiegebruik (EP2).",
        f"Woningen met label {labels.ONBEKEND} tellen mee in het totaal van elk aandeel en "
        "nooit in een labelgroep: een onbekend label kan een aandeel alleen lager maken.",
    ]


def _klassen_met_index(methode: str) -> set[str]:
    """The classes the energy-index table of ``methode`` can give."""
    return {labels.van_energie_index(ei / 100, methode) for ei in range(0, 400)}


def _grens_voorbeeld(methode: str) -> tuple[float, float]:
    """The highest index that is still A and the lowest that is B (steps of 0,01)."""
    a_top = max(
        ei / 100 for ei in range(0, 400) if labels.van_energie_index(ei / 100, methode) == "A"
    )
    return a_top, round(a_top + 0.01, 2)
