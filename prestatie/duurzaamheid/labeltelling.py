"""How labels are counted, in words for the page: built from the facts in
:mod:`prestatie.referentie.labels`, so the text cannot drift from the tables it describes."""

from __future__ import annotations

import inspect

from prestatie import fmt
from prestatie.referentie import labels


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
