"""What an afspraken file may contain: the words, the keys per table and the records.

The words are the allowed values (kinds of doelen, statuses, labels, …); the keys
say which keys `[document]`, `[[afspraak]]` and `[[doel]]` know, per kind of doel also the
kind-specific ones; the frozen dataclasses are what :mod:`prestatie.afspraken.toml_reader`
returns. Everyone imports these names from :mod:`prestatie.afspraken.toml_reader`; the check of
one table is in :mod:`prestatie.afspraken.checks`.

Optional kind-specific keys (absent: None), each a reading of the document's words:
- ``tolerantie`` (aandeel_huur): the norm is an approximation ("ca. 10%"), met when the share
  lies within norm - tolerantie … norm + tolerantie (a fraction: 0.025 is 2,5 procentpunt);
  the richting is then not used.
- ``gemiddeld`` (jaarschijf): "gemiddeld 200 per jaar": judged as the total since the first year
  with data against the sum of the yearly norms of those years, not each year on its own.
- ``basisjaar`` and ``basis_aantal`` (bandbreedte): the verslagjaar the band counts from, and,
  where the user has it, the count in that year (when the data has no stock of the base year).

The kind ``huurstijging`` (rent increase at most inflation): the norm per year is the margin
above inflation allowed (0: at most inflation; 0.01: inflation + 1%), ``jaren`` the years the
increase and the inflation are averaged over ("over een 5-jaars gemiddelde": 5; absent: 1).

Links through the vhe number (:mod:`prestatie.opslag.koppeling`): ``slechte_labels``
(jaarschijf) counts only the homes whose last label in the stock before the work is one of them
("woningen met een slecht energielabel": DZ-8 states E, F, G); ``verkooplabel`` (labelsprong)
counts only homes the stock list marks as verkoopvijver / verkooplabel; the kind
``verkoop_label`` is the share of the sold homes whose last label before the sale is at least
``label`` ("bij verkoop minimaal label C"). Rows that cannot be linked are counted and said.

The kind ``leefbaarheid`` (Emmen LW-2 "geen wijken of dorpen met onvoldoende scores en/of een
achteruitgang"): judged on the Leefbaarometer scores per wijk (per buurt where only buurten
were read) of the latest measurement in each period; the norm is the number of areas allowed to
fall short (0), ``richting`` max. An area falls short with a class below ``klasse_minimaal``
(absent: 4 "zwak", so the three classes "onvoldoende" fall short) or a lower class than its
measurement before. For the whole gemeente: no corporaties, no kern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# --- the words -----------------------------------------------------------------------------

KINDS = (
    "aandeel_huur",
    "aandeel_label",
    "gemiddeld_label",
    "jaarschijf",
    "bandbreedte",
    "naar_nul",
    "labelsprong",
    "aandeel_toewijzing",
    "verdeling_toewijzing",
    "zoekduur",
    "huurstijging",
    "verkoop_label",
    "leefbaarheid",
)
# The kinds whose norm is a share 0..1 (written as "90%" in the template).
SHARE_KINDS = ("aandeel_huur", "aandeel_label", "aandeel_toewijzing", "verdeling_toewijzing",
               "zoekduur", "huurstijging", "verkoop_label")  # fmt: skip
DIRECTIONS = ("min", "max", "band")
AFSPRAAK_STATUSES = ("niet gestart", "loopt", "gereed", "vertraagd", "vervallen")
# corporaties and the gemeente of a document: any that prestatie.referentie.partijen knows (the
# list of the country and the corporations a user added), checked in prestatie.afspraken.checks
LABELS = ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")
GRENZEN = (
    "kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens",
    "tweede_aftoppingsgrens",
    "liberalisatiegrens",
)
ACTIVITIES = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")
MEASURES = ("vhe", "eengezins", "levensloopgeschikt")
BASES = ("voorraad", "aanbod")
# the routes of a letting (prestatie.inlezen.toewijzingen.ROUTES; a test keeps the two equal)
ROUTES = ("regulier", "urgent", "statushouder", "bemiddeling", "doorstroming", "overig")

Norm = float | str | tuple[float, float]


# --- the records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    id: str
    titel: str
    gemeente: str
    partijen: tuple[str, ...]
    periode: tuple[int, int]
    bron: str
    ondertekend: str
    themas: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Afspraak:
    document: str
    nummer: str
    thema: str
    tekst: str
    resultaat: str
    tijd: str
    trekker: str
    jaarschijf: str
    status: str
    toelichting: str
    kwantitatief: bool


@dataclass(frozen=True, order=True)
class Periode:
    """The key of a norm: one year ("2023") or a contiguous range of years ("2021-2024")."""

    van: int
    tot: int

    @property
    def label(self) -> str:
        return str(self.van) if self.van == self.tot else f"{self.van}-{self.tot}"


@dataclass(frozen=True)
class Doel:
    document: str
    id: str
    afspraak: str
    omschrijving: str
    tekst: str
    soort: str
    corporaties: tuple[str, ...]
    per_corporatie: bool
    gemeente: str
    kern: str | None
    richting: str
    norm: tuple[tuple[Periode, Norm], ...]
    params: dict[str, Any] = field(hash=False)
    toelichting: str
    document_titel: str = ""  # the document's title, as a person names it (not its id)


@dataclass(frozen=True)
class Agreement:
    document: Document
    afspraken: tuple[Afspraak, ...]
    doelen: tuple[Doel, ...]

    def afspraak(self, nummer: str) -> Afspraak:
        """The afspraak with this nummer; KeyError if there is none."""
        for afspraak in self.afspraken:
            if afspraak.nummer == nummer:
                return afspraak
        raise KeyError(nummer)

    def doel(self, id: str) -> Doel:
        """The doel with this id; KeyError if there is none."""
        for doel in self.doelen:
            if doel.id == id:
                return doel
        raise KeyError(id)


# --- the keys per table --------------------------------------------------------------------

DOCUMENT_KEYS = (
    "id",
    "titel",
    "gemeente",
    "partijen",
    "periode",
    "bron",
    "ondertekend",
    "themas",
)

AFSPRAAK_KEYS = (
    "nummer",
    "thema",
    "tekst",
    "resultaat",
    "tijd",
    "trekker",
    "jaarschijf",
    "status",
    "toelichting",
)

DOEL_KEYS = (
    "id",
    "afspraak",
    "omschrijving",
    "tekst",
    "soort",
    "corporaties",
    "per_corporatie",
    "kern",
    "richting",
    "norm",
    "toelichting",
)


@dataclass(frozen=True)
class Param:
    """A kind-specific key: its type, its allowed values and whether it is required."""

    type: type
    choices: tuple[str, ...] = ()
    required: bool = True


PARAMS: dict[str, dict[str, Param]] = {
    "aandeel_huur": {
        "grens": Param(str, GRENZEN),
        "inclusief": Param(bool),
        "prijspeil": Param(int),
        "bedrag": Param(float),
        "basis": Param(str, BASES),
        "tolerantie": Param(float, required=False),
    },
    "aandeel_label": {"labels": Param(list, LABELS), "groepnaam": Param(str)},
    "gemiddeld_label": {},
    "jaarschijf": {
        "activiteiten": Param(list, ACTIVITIES),
        "gemiddeld": Param(bool, required=False),
        "slechte_labels": Param(list, LABELS, required=False),
    },
    "bandbreedte": {
        "maat": Param(str, MEASURES),
        "basisjaar": Param(int, required=False),
        "basis_aantal": Param(int, required=False),
    },
    "naar_nul": {"labels": Param(list, LABELS)},
    "labelsprong": {"label": Param(str, LABELS), "verkooplabel": Param(bool, required=False)},
    "aandeel_toewijzing": {
        "route": Param(str, ROUTES),
        "bestaande_voorraad": Param(bool, required=False),
    },
    "verdeling_toewijzing": {"route": Param(str, ROUTES)},
    "zoekduur": {"maanden": Param(int)},
    "huurstijging": {"jaren": Param(int, required=False)},
    "verkoop_label": {"label": Param(str, LABELS)},
    "leefbaarheid": {"klasse_minimaal": Param(int, required=False)},
}

# Every kind-specific key, once, in the order of the kinds (the template's columns).
PARAM_KEYS = tuple(dict.fromkeys(k for params in PARAMS.values() for k in params))

# The directions a kind allows when it does not allow all of DIRECTIONS.
DIRECTIONS_PER_KIND = {
    "gemiddeld_label": ("min", "max"),
    "naar_nul": ("max",),
    "huurstijging": ("max",),
    "verkoop_label": ("min",),
    "leefbaarheid": ("max",),
}
