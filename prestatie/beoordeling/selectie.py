"""The selection every page shares, as pure code reads it: gemeente, corporatie, jaar.

The pages hand in :class:`Filters`; any object with these three attributes will do (``None``
means all), so a module that only reads a selection need not import the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import monitor
from prestatie.beoordeling.status import Evaluation, Scope


class Selectie(Protocol):
    """The sidebar's choice; ``None`` means all."""

    @property
    def gemeente(self) -> str | None: ...

    @property
    def corporatie(self) -> str | None: ...

    @property
    def jaar(self) -> int | None: ...


@dataclass(frozen=True)
class Filters:
    """The selection every page shares, as the sidebar holds it: None means all."""

    gemeente: str | None = None
    corporatie: str | None = None
    jaar: int | None = None


@dataclass(frozen=True)
class Rows:
    """Which vhe rows of the stock per verslagjaar a figure stands on, for its drill-down
    (:func:`prestatie.opslag.counts.vhe_page` turns it into SQL); None means any.

    ``boven_cent`` keeps only the homes that do not count under that limit: a rent above it,
    on it when a rent on the limit does not count (``inclusief`` false), or no rent at all.
    ``eerder_labels`` keeps the homes (same corporatie, gemeente and vhe number) that had one of
    these labels in the stock of ``eerder_jaar`` or on ``eerder_peildatum`` (an empty tuple:
    that were not there); ``niet_op`` keeps the homes that are not in the stock on that date.
    """

    gemeente: str | None = None
    corporaties: tuple[str, ...] | None = None
    jaren: tuple[int, ...] | None = None
    peildatum: object | None = None  # a date
    kern: str | None = None
    zonder_kern: bool = False
    labels: tuple[str, ...] | None = None
    boven_cent: int | None = None
    inclusief: bool = True
    rekenhuur: bool = False
    eerder_jaar: int | None = None
    eerder_peildatum: object | None = None  # a date
    eerder_labels: tuple[str, ...] | None = None
    niet_op: object | None = None  # a date


def evaluation_selected(e: Evaluation, selectie: Selectie, *, per_jaar: bool = True) -> bool:
    """Whether an evaluation belongs to the selection (a joint target shows for each member);
    ``per_jaar=False`` leaves the year out."""
    if selectie.gemeente and e.gemeente != selectie.gemeente:
        return False
    corporatie = selectie.corporatie
    if corporatie and corporatie not in e.corporatie and e.corporatie != "alle corporaties":
        return False
    return not (per_jaar and selectie.jaar and e.jaar != selectie.jaar)


def doel_selected(doel: Doel, scope: Scope, selectie: Selectie) -> bool:
    """A doel in the selection: its gemeente, a corporatie in the scope, a year it runs in."""
    if selectie.gemeente and doel.gemeente != selectie.gemeente:
        return False
    if selectie.corporatie and selectie.corporatie not in scope.corporaties:
        return False
    if selectie.jaar:
        return any(p.van <= selectie.jaar <= p.tot for p, _ in doel.norm)
    return True


def targets_in_scope(
    doelen: list[Doel], facts: monitor.Facts, soort: str, selectie: Selectie | None = None
) -> list[tuple[Doel, Scope]]:
    """Every (doel, scope) of a kind, as the monitor scopes them, within the selection."""
    return [
        (doel, scope)
        for doel in doelen
        if doel.soort == soort
        for scope in monitor.scopes(doel, facts)
        if selectie is None or doel_selected(doel, scope, selectie)
    ]
