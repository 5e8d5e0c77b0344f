"""The demo's Leefbaarometer scores: twelve wijken of Emmen over the measurements 2018, 2020,
2022 and 2024, invented (names of real wijken and dorpen, codes and figures made up), written
as the Leefbaarometer 3.0 open data per wijk is published (``wk_code``, ``jaar``, ``lbm``,
``kscore``). Two wijken fall short in 2024: Emmerhout drops to class 3 onvoldoende, Bargeres
declines from 5 voldoende to 4 zwak; so LW-2 shows niet behaald with their names."""

from __future__ import annotations

YEARS = (2018, 2020, 2022, 2024)
# code, name, the class per measurement of YEARS
WIJKEN = (
    ("WK011401", "Emmen-Centrum", (6, 6, 6, 7)),
    ("WK011402", "Emmerhout", (4, 4, 4, 3)),
    ("WK011403", "Bargeres", (5, 5, 5, 4)),
    ("WK011404", "Angelslo", (5, 5, 6, 6)),
    ("WK011405", "Emmermeer", (6, 6, 6, 6)),
    ("WK011406", "Noordbarge", (7, 7, 7, 7)),
    ("WK011407", "Rietlanden", (7, 7, 8, 8)),
    ("WK011408", "Klazienaveen", (6, 6, 6, 6)),
    ("WK011409", "Nieuw-Amsterdam", (6, 5, 5, 5)),
    ("WK011410", "Schoonebeek", (7, 7, 7, 7)),
    ("WK011411", "Emmer-Compascuum", (5, 5, 5, 5)),
    ("WK011412", "Nieuw-Weerdinge", (5, 5, 6, 6)),
)


def score(klasse: int, step: int) -> float:
    """An lbm score that goes with the class (invented: 3,55 + 0,08 per class), a little
    different per measurement."""
    return round(3.55 + 0.08 * klasse + 0.01 * (step % 3), 2)


def rows() -> list[dict]:
    """One row per wijk and measurement."""
    return [
        {"code": code, "naam": naam, "jaar": year, "lbm": score(k, i), "kscore": k}
        for code, naam, classes in WIJKEN
        for i, (year, k) in enumerate(zip(YEARS, classes, strict=True))
    ]
