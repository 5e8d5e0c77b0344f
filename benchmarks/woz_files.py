"""Invented dVi WOZ-bezitstabellen at national scale, written as corporations deliver them:
one `;`-CSV per corporation and verslagjaar, decimal commas, BAG ids whose first four digits are
the CBS code of the gemeente the home lies in (Excel's dropped leading zero included).

Deterministic (seeded): the same arguments write the same files. Every corporation has homes in
a few gemeenten; each year a few homes are built, demolished and sold, labels improve and rents
rise, so every measure has something to count.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from prestatie.inlezen import column_names

LABELS = ("A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")


@dataclass(frozen=True)
class Corporatie:
    naam: str
    gemeenten: tuple[str, ...]  # CBS codes, 4 digits
    homes: int


def corporations(
    codes: list[str], count: int, homes_per_year: int, seed: int = 7
) -> list[Corporatie]:
    """``count`` corporations over the gemeenten ``codes`` (each in 1-4 of them), together
    ``homes_per_year`` homes; every code gets at least one corporation."""
    rng = random.Random(seed)
    out = []
    weights = [rng.uniform(0.3, 2.0) for _ in range(count)]
    total = sum(weights)
    for i in range(count):
        own = {codes[i % len(codes)]} | set(rng.sample(codes, rng.randint(0, 3)))
        out.append(
            Corporatie(
                f"Bench Wonen {i + 1:02d}",
                tuple(sorted(own)),
                int(homes_per_year * weights[i] / total),
            )
        )
    return out


def write(folder: Path, corp: Corporatie, years: range, seed: int = 11) -> list[Path]:
    """One bezitstabel per verslagjaar of ``years`` for ``corp``; returns the paths."""
    rng = random.Random(f"{seed}-{corp.naam}")
    header = list(column_names.WOZ_HEADERS)
    homes = [_home(rng, corp, n) for n in range(corp.homes)]
    next_id = corp.homes
    paths = []
    for year in years:
        path = folder / f"{corp.naam} WOZ-bezitstabel {year}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            w.writerow(header)
            sold = set(rng.sample(range(len(homes)), max(1, len(homes) // 200)))
            for i, h in enumerate(homes):
                mutation = "Geen mutatie"
                primo, ultimo = 1, 1
                if i in sold:
                    mutation = "Verkoop aan overigen" if i % 3 else "Sloop"
                    ultimo = 0
                w.writerow(_row(h, mutation, primo, ultimo))
            new = [_home(rng, corp, next_id + k) for k in range(max(1, len(homes) // 150))]
            next_id += len(new)
            for h in new:
                w.writerow(_row(h, "Nieuwbouw", 0, 1))
        homes = [h for i, h in enumerate(homes) if i not in sold] + new
        homes = [_older(rng, h) for h in homes]
        paths.append(path)
    return paths


def _home(rng: random.Random, corp: Corporatie, n: int) -> dict:
    code = corp.gemeenten[n % len(corp.gemeenten)]
    return {
        "vhe": f"{corp.naam[-2:]}{n:07d}",
        "bag": f"{code}01{n:010d}".lstrip("0"),
        "huur": round(rng.gauss(620, 90), 2),
        "label": LABELS[min(9, max(0, int(rng.gauss(4.5, 1.8))))],
        "type": "EGW" if n % 5 < 2 else "MGW",
        "bouwjaar": rng.randint(1950, 2020),
    }


def _older(rng: random.Random, h: dict) -> dict:
    label = LABELS.index(h["label"])
    if label > 0 and rng.random() < 0.05:
        label -= 1
    return h | {"huur": round(h["huur"] * 1.03, 2), "label": LABELS[label]}


def _row(h: dict, mutation: str, primo: int, ultimo: int) -> list:
    return [
        "2.1A", h["vhe"], "9999AA", "1", "", "", h["bag"], "", primo, ultimo, "DAEB TI",
        "DAEB TI", "Woonruimte", h["type"], "Ja", "Nee", mutation,
        f"{h['huur']:.2f}".replace(".", ","), 140, h["label"], h["bouwjaar"], "", "72,50",
        165000, 98000, "Ja", "WSW", "Hypotheek", "1",
    ]  # fmt: skip
