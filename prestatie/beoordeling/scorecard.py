"""Evaluations -> the rows of the scorecard, formatted the Dutch way.

One function per column kind, so the page, the Excel export and the slides show the same words.
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.afspraken import schema
from prestatie.beoordeling.status import STATUSES, Evaluation

STATUS_TEKEN = {
    "behaald": "🟢",
    "op koers": "🟩",
    "achter": "🟠",
    "niet behaald": "🔴",
    "geen gegevens": "⚪",
}
# Markdown for Streamlit labels: coloured Material icons render without an emoji font.
STATUS_LABEL = {
    "behaald": ":green[:material/check_circle:] behaald",
    "op koers": ":green[:material/trending_up:] op koers",
    "achter": ":orange[:material/schedule:] achter",
    "niet behaald": ":red[:material/cancel:] niet behaald",
    "geen gegevens": ":gray[:material/help:] geen gegevens",
}
SHARE_KINDS = schema.SHARE_KINDS


def norm_text(e: Evaluation) -> str:
    norm = e.norm
    if e.soort == "gemiddeld_label":
        return f"gemiddeld {norm} of beter"
    if e.richting == "band" and isinstance(norm, tuple):
        return f"{_value(e, norm[0])} tot {_value(e, norm[1])}"
    sign = {"min": "≥", "max": "≤"}.get(e.richting, "")
    return f"{sign} {_value(e, norm)}".strip()


def value_text(e: Evaluation) -> str:
    return "–" if e.waarde is None else _value(e, e.waarde)


def _value(e: Evaluation, value) -> str:
    if e.soort in SHARE_KINDS:
        return fmt.pct(value)
    if isinstance(value, str):
        return value
    if e.soort == "bandbreedte":
        return fmt.signed(value)
    return fmt.num(value)


def gap_text(e: Evaluation) -> str:
    """The gap of an evaluation in words; nothing while a target is op koers."""
    if e.status == "op koers":
        return ""
    return gap_sentence(e.soort, e.tekort, e.richting)


def gap_sentence(soort: str, tekort: int | float | None, richting: str = "min") -> str:
    """The homes short of a norm in words: 'nog 37 woningen boven de grens om de norm te halen'
    for a rent share ('' when there is no gap). The one place this sentence is written."""
    if tekort is None or pd.isna(tekort) or not tekort:
        return ""
    homes = fmt.aantal_woningen(int(tekort))
    if soort == "aandeel_huur":
        if richting == "max":
            return f"nog {homes} te veel onder de grens"
        return f"nog {homes} boven de grens om de norm te halen"
    if soort == "aandeel_label":
        return f"nog {homes} {'erbij' if richting == 'min' else 'eruit'}"
    if soort == "verkoop_label":
        return f"{homes} verkocht onder het label"
    if soort == "naar_nul":
        return f"nog {homes} te verbeteren"
    if soort in ("aandeel_toewijzing", "verdeling_toewijzing"):
        many = fmt.meervoud(int(tekort), "toewijzing", "toewijzingen")
        if soort == "verdeling_toewijzing":
            return f"{many} van de afgesproken verdeling af"
        return f"{many} {'te veel' if richting == 'max' else 'te weinig'}"
    if soort == "leefbaarheid":
        return (
            f"{fmt.meervoud(int(tekort), 'wijk', 'wijken')} met onvoldoende of dalende leefbaarheid"
        )
    if soort == "zoekduur":
        many = fmt.meervoud(int(tekort), "woningzoekende", "woningzoekenden")
        return f"nog {many} sneller aan een woning helpen"
    return f"nog {homes} te gaan"


def before_first_data(evaluations: list[Evaluation]) -> tuple[list[Evaluation], int]:
    """(the evaluations without those of years before the first year any target has data,
    how many were left out): years before any data only fill a scorecard with 'geen gegevens'."""
    measured = [e.jaar for e in evaluations if e.waarde is not None]
    if not measured:
        return evaluations, 0
    first = min(measured)
    kept = [e for e in evaluations if e.jaar >= first or e.waarde is not None]
    return kept, len(evaluations) - len(kept)


def table(evaluations: list[Evaluation]) -> pd.DataFrame:
    rows = [
        {
            "Status": f"{STATUS_TEKEN[e.status]} {e.status}",
            "Afspraak": e.afspraak,
            "Doel": e.omschrijving,
            "Corporatie": e.corporatie,
            "Gemeente": e.gemeente,
            "Jaar": e.periode,
            "Norm": norm_text(e),
            "Gerealiseerd": value_text(e),
            "Verschil": gap_text(e),
            "Berekening": e.uitleg,
            "Document": e.document_naam,
        }
        for e in evaluations
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "Status",
            "Afspraak",
            "Doel",
            "Corporatie",
            "Gemeente",
            "Jaar",
            "Norm",
            "Gerealiseerd",
            "Verschil",
            "Berekening",
            "Document",
        ],
    )


def counts(evaluations: list[Evaluation]) -> dict[str, int]:
    return {s: sum(e.status == s for e in evaluations) for s in STATUSES}
