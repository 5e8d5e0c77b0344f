"""The demonstration data set: files as corporations send them, loaded through the real import.

Lefier, Woonservice and Domesta in Borger-Odoorn and Emmen, peildata 31 December 2021-2024,
production 2021-2025, lettings 2021-2024. Every figure is invented. The shares are designed so
that the scorecard shows each status: per corporatie and year a target share of the stock up to
each rent limit and per label class; each vhe keeps its place in the distribution from year to
year, so labels only improve and rents keep their order. Homes leave the stock by sloop and
verkoop and enter by nieuwbouw exactly as the production lists say, so stock and production
agree.

Lefier lists each sale and, in Emmen, each verduurzaming with its vhe number (most of them homes
with label E, F or G the year before), and its Borger-Odoorn stock lists mark the verkoopvijver
(column Verkooplabel), so the targets linked through the vhe number show: sales below label C,
verkooplabel homes to C, verduurzaming of poor labels; the other two list them per project.

The files differ in form as real exports do: Domesta sends xlsx with title rows and a totals
row; Lefier sends `;`-CSV in Windows-1252 with `€ 612,50` as text and labels as `Label b`, and
its 2024 Borger-Odoorn stock as a dVi WOZ-bezitstabel; Woonservice sends xlsx with other
column names and energy indices.

Lettings (``simulate_lettings``, with a random generator of their own) are homes of each year's
stock, 5-8% of them a year, let at that year's rent: 8-15% to statushouders, some urgent, by
bemiddeling or to doorstromers, the rest regular, with a search time whose median lies between
10 and 30 months.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from prestatie.referentie import huurgrenzen, labels

PEILJAREN = (2021, 2022, 2023, 2024)
PRODUCTIEJAREN = (2021, 2022, 2023, 2024, 2025)
SEED = 20231215

# corporatie, gemeente -> number of vhe at the end of 2020
SIZES = {
    ("Lefier", "Borger-Odoorn"): 620,
    ("Woonservice", "Borger-Odoorn"): 980,
    ("Domesta", "Emmen"): 1450,
    ("Lefier", "Emmen"): 1150,
    ("Woonservice", "Emmen"): 820,
}
KERNEN = {
    "Borger-Odoorn": (
        "Borger",
        "Exloo",
        "Odoorn",
        "Valthermond",
        "Nieuw-Buinen",
        "2e Exloërmond",
        "Buinen",
        "Klijndijk",
        "Valthe",
    ),
    "Emmen": (
        "Emmen",
        "Klazienaveen",
        "Nieuw-Amsterdam",
        "Erica",
        "Schoonebeek",
        "Zwartemeer",
        "Emmer-Compascuum",
        "Nieuw-Weerdinge",
        "Barger-Compascuum",
    ),
}
CBS = {"Borger-Odoorn": "1681", "Emmen": "0114"}

# share of stock up to (kwaliteitskorting, 1e aftopping, 2e aftopping, liberalisatie) per year
RENT_SHARES = {
    ("Lefier", "Borger-Odoorn"): {
        2021: (0.09, 0.74, 0.912, 0.99),
        2022: (0.09, 0.73, 0.905, 0.99),
        2023: (0.08, 0.71, 0.893, 0.985),
        2024: (0.07, 0.70, 0.884, 0.98),
    },
    ("Woonservice", "Borger-Odoorn"): {y: (0.11, 0.79, 0.935, 0.995) for y in PEILJAREN},
    ("Domesta", "Emmen"): {y: (0.125, 0.845, 0.95, 0.995) for y in PEILJAREN},
    ("Lefier", "Emmen"): {
        2021: (0.085, 0.805, 0.93, 0.99),
        2022: (0.08, 0.79, 0.92, 0.99),
        2023: (0.075, 0.775, 0.91, 0.985),
        2024: (0.07, 0.77, 0.905, 0.985),
    },
    ("Woonservice", "Emmen"): {y: (0.105, 0.82, 0.94, 0.99) for y in PEILJAREN},
}
# cumulative share of stock at or better than A, B, C, D, E, F (G is the rest); onbekend apart
LABEL_SHARES = {
    ("Lefier", "Borger-Odoorn"): {
        2021: (0.10, 0.30, 0.55, 0.70, 0.82, 0.93),
        2022: (0.12, 0.33, 0.60, 0.76, 0.86, 0.95),
        2023: (0.17, 0.38, 0.66, 0.82, 0.90, 0.97),
        2024: (0.23, 0.45, 0.72, 0.86, 0.93, 0.98),
    },
    ("Woonservice", "Borger-Odoorn"): {
        2021: (0.30, 0.55, 0.80, 0.93, 0.97, 0.99),
        2022: (0.33, 0.58, 0.83, 0.94, 0.98, 0.995),
        2023: (0.36, 0.61, 0.86, 0.95, 0.985, 0.995),
        2024: (0.40, 0.64, 0.88, 0.96, 0.99, 1),
    },
    ("Domesta", "Emmen"): {
        2021: (0.22, 0.67, 0.955, 0.98, 0.995, 1),
        2022: (0.245, 0.69, 0.96, 0.985, 0.995, 1),
        2023: (0.27, 0.73, 0.975, 0.99, 1, 1),
        2024: (0.29, 0.775, 0.982, 0.995, 1, 1),
    },
    ("Lefier", "Emmen"): {
        2021: (0.18, 0.42, 0.70, 0.85, 0.93, 0.98),
        2022: (0.20, 0.45, 0.73, 0.87, 0.94, 0.985),
        2023: (0.23, 0.49, 0.76, 0.89, 0.95, 0.99),
        2024: (0.26, 0.53, 0.79, 0.91, 0.96, 0.99),
    },
    ("Woonservice", "Emmen"): {
        2021: (0.25, 0.55, 0.82, 0.94, 0.98, 0.995),
        2022: (0.28, 0.58, 0.84, 0.95, 0.985, 0.995),
        2023: (0.32, 0.63, 0.86, 0.96, 0.99, 1),
        2024: (0.36, 0.68, 0.88, 0.97, 0.99, 1),
    },
}
ONBEKEND_SHARE = 0.008

# (corporatie, gemeente, soort) -> realised count per year 2021..2025
PRODUCTION = {
    ("Lefier", "Borger-Odoorn", "sloop"): (12, 10, 0, 0, 0),
    ("Lefier", "Borger-Odoorn", "verkoop"): (5, 7, 3, 2, 4),
    ("Lefier", "Borger-Odoorn", "verduurzaming"): (10, 20, 34, 72, 60),
    ("Lefier", "Borger-Odoorn", "zonnepanelen"): (0, 150, 40, 58, 55),
    ("Woonservice", "Borger-Odoorn", "nieuwbouw"): (12, 18, 30, 14, 22),
    ("Woonservice", "Borger-Odoorn", "sloop"): (10, 14, 16, 30, 25),
    ("Woonservice", "Borger-Odoorn", "verkoop"): (4, 5, 4, 4, 3),
    ("Woonservice", "Borger-Odoorn", "verduurzaming"): (18, 22, 20, 21, 17),
    ("Woonservice", "Borger-Odoorn", "zonnepanelen"): (8, 6, 6, 7, 6),
    ("Domesta", "Emmen", "nieuwbouw"): (24, 30, 18, 26, 20),
    ("Domesta", "Emmen", "sloop"): (28, 34, 30, 24, 26),
    ("Domesta", "Emmen", "verkoop"): (6, 5, 4, 6, 5),
    ("Domesta", "Emmen", "verduurzaming"): (110, 125, 140, 118, 130),
    ("Lefier", "Emmen", "nieuwbouw"): (10, 8, 12, 16, 10),
    ("Lefier", "Emmen", "sloop"): (16, 12, 18, 20, 14),
    ("Lefier", "Emmen", "verkoop"): (5, 6, 4, 5, 6),
    ("Lefier", "Emmen", "verduurzaming"): (40, 38, 30, 41, 36),
    ("Woonservice", "Emmen", "nieuwbouw"): (6, 10, 8, 12, 9),
    ("Woonservice", "Emmen", "sloop"): (12, 10, 14, 12, 10),
    ("Woonservice", "Emmen", "verkoop"): (3, 2, 3, 2, 3),
    ("Woonservice", "Emmen", "verduurzaming"): (45, 50, 48, 52, 40),
}
# projects with a place of their own: (corporatie, gemeente, soort, year) -> [(name, kern, count)]
NAMED_PROJECTS = {
    ("Lefier", "Borger-Odoorn", "sloop", 2021): [
        ("Herstructurering Nieuw-Buinen fase 1", "Nieuw-Buinen", 12)
    ],
    ("Lefier", "Borger-Odoorn", "sloop", 2022): [
        ("Herstructurering Nieuw-Buinen fase 2", "Nieuw-Buinen", 10)
    ],
    ("Woonservice", "Borger-Odoorn", "nieuwbouw", 2023): [
        ("Sloop-nieuwbouw Odoorn", "Odoorn", 6),
        ("Drenthe Woont Circulair", "Valthermond", 8),
        ("Monden 2e Exloërmond fase 1", "2e Exloërmond", 16),
    ],
    ("Woonservice", "Borger-Odoorn", "sloop", 2023): [
        ("Sloop-nieuwbouw Odoorn", "Odoorn", 6),
        ("Monden 2e Exloërmond fase 1", "2e Exloërmond", 10),
    ],
}


@dataclass
class Home:
    vhe: str
    kern: str
    straat: str
    nummer: int
    egw: bool
    levensloop: bool
    bouwjaar: int
    u_rent: float  # place in the rent distribution, kept over the years
    u_label: float  # place in the label distribution
    unknown: bool = False


@dataclass
class Portfolio:
    corporatie: str
    gemeente: str
    homes: list[Home] = field(default_factory=list)
    next_id: int = 1


def _home(rng: random.Random, p: Portfolio, new: bool, year: int) -> Home:
    prefix = {"Lefier": "LF", "Woonservice": "WS", "Domesta": "DO"}[p.corporatie]
    vhe = f"{prefix}{CBS[p.gemeente]}{p.next_id:05d}"
    p.next_id += 1
    kern = rng.choice(KERNEN[p.gemeente][:4] if new else KERNEN[p.gemeente])
    egw = (not new) and rng.random() < 0.62
    return Home(
        vhe=vhe,
        kern=kern,
        straat=rng.choice(STREETS),
        nummer=rng.randint(1, 180),
        egw=egw,
        levensloop=new or (not egw and rng.random() < 0.35),
        bouwjaar=year if new else rng.randint(1950, 2015),
        u_rent=rng.uniform(0.5, 0.95) if new else rng.random(),
        u_label=rng.uniform(0.0, 0.08) if new else rng.uniform(0.0, 1.0),
        unknown=(not new) and rng.random() < ONBEKEND_SHARE,
    )


STREETS = (
    "Hoofdstraat",
    "Kerkstraat",
    "Molenweg",
    "Dorpsstraat",
    "Zuiderdiep",
    "Noorderdiep",
    "Schoolstraat",
    "Julianastraat",
    "Wilhelminastraat",
    "Parallelweg",
    "Boslaan",
    "Esweg",
)


def rent_cents(u: float, year: int, shares: tuple[float, ...]) -> int:
    """The rent at place u of a distribution with the given shares up to each limit."""
    limits = [float(v) for v in huurgrenzen.grenzen_in_jaar(year).values()]
    knots = [(0.0, limits[0] * 0.62), *zip(shares, limits, strict=True), (1.0, limits[3] * 1.12)]
    for (u0, r0), (u1, r1) in zip(knots, knots[1:], strict=False):
        if u <= u1:
            rent = r0 + (r1 - r0) * (u - u0) / max(u1 - u0, 1e-9)
            cents = round(rent * 100)
            # keep designed boundaries honest: a home above a limit stays above it
            if u > u0 and cents == round(r0 * 100):
                cents += 1
            return cents
    return round(knots[-1][1] * 100)


def label_at(u: float, shares: tuple[float, ...]) -> str:
    for klasse, cumulative in zip(("A", "B", "C", "D", "E", "F"), shares, strict=True):
        if u < cumulative:
            if klasse == "A":  # spread the best homes over A and the plus classes
                return ("A+++", "A++", "A+", "A", "A")[min(4, int(u / cumulative * 5))]
            return klasse
    return "G"


def simulate(seed: int = SEED) -> tuple[dict, dict]:
    """(stock per (corporatie, gemeente, year) as lists of row dicts, production rows)."""
    rng = random.Random(seed)
    portfolios = {}
    for key, size in SIZES.items():
        p = Portfolio(*key)
        p.homes = [_home(rng, p, False, 2020) for _ in range(size)]
        portfolios[key] = p
    stock, production = {}, {}
    for year in PRODUCTIEJAREN:
        for key, p in portfolios.items():
            rows = _produce(rng, p, year)
            production.setdefault(key, []).extend(rows)
            if year in PEILJAREN:
                stock[(*key, year)] = [_stock_row(h, key, year) for h in p.homes]
    return stock, production


def _produce(rng: random.Random, p: Portfolio, year: int) -> list[dict]:
    rows = []
    i = PRODUCTIEJAREN.index(year)
    for soort in ("sloop", "verkoop", "nieuwbouw", "verduurzaming", "zonnepanelen"):
        count = PRODUCTION.get((p.corporatie, p.gemeente, soort), (0,) * 5)[i]
        if not count:
            continue
        projects = NAMED_PROJECTS.get((p.corporatie, p.gemeente, soort, year)) or _projects(
            rng, p, soort, year, count
        )
        for name, kern, n in projects:
            if soort in ("sloop", "verkoop"):
                leaving = _leaving(p, kern if soort == "sloop" else None, n, soort)
                for home in leaving:
                    p.homes.remove(home)
                if soort == "verkoop" and p.corporatie == "Lefier":  # Lefier lists each sale
                    rows += [
                        _prow(
                            p,
                            f"Verkoop {h.straat} {h.nummer}",
                            h.kern,
                            "Verkoop aan overigen",
                            1,
                            year,
                            rng,
                            h.vhe,
                        )
                        for h in leaving
                    ]
                    continue
            if soort == "nieuwbouw":
                for _ in range(n):
                    home = _home(rng, p, True, year)
                    home.kern = kern
                    p.homes.append(home)
            rows.append(_prow(p, name, kern, WORDS[p.corporatie][soort], n, year, rng))
    return rows


WORDS = {
    "Lefier": {
        "nieuwbouw": "Nieuwbouw",
        "sloop": "Sloop",
        "verkoop": "Verkoop aan overigen",
        "verduurzaming": "Renovatie / verduurzaming",
        "zonnepanelen": "Zon-PV",
    },
    "Woonservice": {
        "nieuwbouw": "nieuwbouw",
        "sloop": "sloop",
        "verkoop": "verkoop",
        "verduurzaming": "verduurzaming",
        "zonnepanelen": "zonnepanelen",
    },
    "Domesta": {
        "nieuwbouw": "Nieuwbouw (oplevering)",
        "sloop": "Sloop",
        "verkoop": "Verkoop",
        "verduurzaming": "Verduurzaming (labelsprong)",
        "zonnepanelen": "Zonnepanelen",
    },
}


def _projects(rng, p: Portfolio, soort: str, year: int, count: int) -> list[tuple[str, str, int]]:
    parts = 1 if count < 8 else rng.randint(2, 3)
    cuts = sorted(rng.sample(range(1, count), parts - 1)) if parts > 1 else []
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    return [
        (f"{soort.capitalize()} {kern} {year}", kern, n)
        for n, kern in zip(sizes, rng.sample(KERNEN[p.gemeente], parts), strict=True)
    ]


def _leaving(p: Portfolio, kern: str | None, n: int, soort: str) -> list[Home]:
    """Sloop takes the worst single-family homes (in the kern when named); verkoop the next."""
    pool = [h for h in p.homes if h.egw and not h.levensloop and (kern is None or h.kern == kern)]
    if len(pool) < n:
        pool = [h for h in p.homes if h.egw] or p.homes
    pool.sort(key=lambda h: -h.u_label if soort == "sloop" else h.u_rent)
    return pool[:n]


def _prow(p, name, kern, activiteit, n, year, rng, vhe=None) -> dict:
    month = rng.randint(2, 12)
    return {
        "Project": name,
        "Kern": kern,
        "Activiteit": activiteit,
        "Aantal": n,
        "Opleverdatum": date(year, month, rng.randint(1, 28)),
        "Eenheid": vhe,
        "Gemeente": p.gemeente,
    }


def _stock_row(h: Home, key, year: int) -> dict:
    label = labels.ONBEKEND if h.unknown else label_at(h.u_label, LABEL_SHARES[key][year])
    cents = rent_cents(h.u_rent, year, RENT_SHARES[key][year])
    return {
        "vhe": h.vhe,
        "straat": h.straat,
        "nummer": h.nummer,
        "kern": h.kern,
        "postcode": _postcode(key[1], h.kern),
        "type": "EGW" if h.egw else "MGW",
        "levensloop": h.levensloop,
        "bouwjaar": h.bouwjaar,
        "huur": cents / 100,
        "label": label,
    }


def _postcode(gemeente: str, kern: str) -> str:
    base = {"Borger-Odoorn": 7870, "Emmen": 7810}[gemeente]
    return f"{base + KERNEN[gemeente].index(kern)} AB"


# --- links through the vhe number ----------------------------------------------------------------
# Invented with a generator of their own, so the stock and production above stay as they were.
UNIT_SEED = 20240601
POOR = ("E", "F", "G")
POOR_SHARE = 0.7  # of Lefier's verduurzaming in Emmen, the share of homes with a poor label


def verduurzaming_per_home(stock: dict, production: dict, seed: int = UNIT_SEED) -> dict:
    """Lefier lists each verduurzaming in Emmen per home (its vhe number), as it lists each
    sale: every project row becomes one row per home, about 70% of them homes with label E, F or
    G in the stock of the year before (the rest better ones, such as nul-op-de-meter
    renovations), in the project's kern where it has enough. The works of 2021 get homes of the
    2021 stock: no stock before them, so they cannot be linked (as it happens when a list
    starts). Totals per project, kern and year are unchanged."""
    rng = random.Random(seed)
    key = ("Lefier", "Emmen")
    out = []
    for row in production[key]:
        if row["Activiteit"] != WORDS["Lefier"]["verduurzaming"]:
            out.append(row)
            continue
        year = row["Opleverdatum"].year
        before = stock.get((*key, year - 1)) or stock[(*key, year)]
        pool = [h for h in before if h["kern"] == row["Kern"]]
        if len(pool) < row["Aantal"]:
            pool = before
        poor = [h for h in pool if h["label"] in POOR]
        rest = [h for h in pool if h["label"] not in POOR]
        n_poor = min(len(poor), round(row["Aantal"] * POOR_SHARE))
        chosen = rng.sample(poor, n_poor) + rng.sample(rest, row["Aantal"] - n_poor)
        out += [{**row, "Aantal": 1, "Eenheid": home["vhe"]} for home in chosen]
    return {**production, key: out}


def verkooplabel(row: dict) -> bool:
    """Lefier's Borger-Odoorn stock lists mark the verkoopvijver: a fixed quarter of its
    single-family homes (by vhe number), the same homes every year."""
    return row["type"] == "EGW" and int(row["vhe"][-5:]) % 4 == 0


# --- lettings ---------------------------------------------------------------------------------
# Invented with a generator of their own, so the stock and production above stay as they were.
LETTING_SEED = 20240117
LETTING_RATE = (0.05, 0.08)  # share of the homes let in a year
# route -> (lowest, highest) share of a year's lettings; regulier is the rest
ROUTE_SHARES = {
    "statushouder": (0.08, 0.15),
    "urgent": (0.04, 0.08),
    "bemiddeling": (0.02, 0.05),
    "doorstroming": (0.05, 0.10),
    "overig": (0.005, 0.02),
}
# median months of search (Lefier counts zoekduur) or registration (the others: inschrijfduur)
# of a regular letting
SEARCH_MEDIAN = {"Lefier": 15.0, "Woonservice": 24.0, "Domesta": 28.0}
INKOMENS = (
    ("primaire doelgroep", 0.70),
    ("secundaire doelgroep", 0.20),
    ("middeninkomen", 0.08),
    ("hoger inkomen", 0.02),
)


def simulate_lettings(stock: dict, seed: int = LETTING_SEED) -> dict:
    """Lettings per (corporatie, gemeente, year) as lists of row dicts: homes of that year's
    stock (with their rent of that year), a route, dates within the year, a search time."""
    rng = random.Random(seed)
    out = {}
    for key in sorted(stock):
        corporatie, gemeente, year = key
        homes = stock[key]
        count = round(len(homes) * rng.uniform(*LETTING_RATE))
        let = rng.sample(homes, count)
        routes = _routes(rng, count)
        pairs = zip(let, routes, strict=True)
        rows = [_letting(rng, corporatie, year, home, route) for home, route in pairs]
        out[key] = sorted(rows, key=lambda r: (r["contract"], r["vhe"]))
    return out


def _routes(rng: random.Random, count: int) -> list[str]:
    routes = []
    for route, (low, high) in ROUTE_SHARES.items():
        fewest = math.ceil(count * low)
        routes += [route] * rng.randint(fewest, max(fewest, math.floor(count * high)))
    routes += ["regulier"] * (count - len(routes))
    rng.shuffle(routes)
    return routes


def _letting(rng: random.Random, corporatie: str, year: int, home: dict, route: str) -> dict:
    toewijzing = date(year, 1, 1) + timedelta(days=rng.randint(0, 333))  # up to 30 November
    contract = toewijzing + timedelta(days=rng.randint(7, 30))
    people = _household(rng, route)
    inkomen = rng.choices([i for i, _ in INKOMENS], [w for _, w in INKOMENS])[0]
    cents = round(home["huur"] * 100)
    limits = huurgrenzen.grenzen_in_jaar(year)
    limit = limits["eerste_aftoppingsgrens" if people <= 2 else "tweede_aftoppingsgrens"]
    above = cents > round(limit * 100)
    if inkomen == "primaire doelgroep" and above and rng.random() < 0.8:
        inkomen = "secundaire doelgroep"  # the dearer home went to a household that may pay it
    return {
        "vhe": home["vhe"],
        "straat": home["straat"],
        "nummer": home["nummer"],
        "kern": home["kern"],
        "toewijzing": toewijzing,
        "contract": contract,
        "route": route,
        "maanden": _search_months(rng, corporatie, route),
        "huur": cents / 100,
        "huishouden": people,
        "inkomen": inkomen,
        "passend": inkomen != "primaire doelgroep" or not above,
    }


def _household(rng: random.Random, route: str) -> int:
    if route == "statushouder":
        return rng.choice((1, 1, 2, 3, 4, 5, 6))
    return rng.choices((1, 2, 3, 4, 5), (45, 28, 12, 10, 5))[0]


def _search_months(rng: random.Random, corporatie: str, route: str) -> int:
    """Whole months: short for statushouders, urgent and bemiddeling, long for doorstromers."""
    if route == "statushouder":
        return rng.randint(0, 3)
    if route in ("urgent", "bemiddeling"):
        return rng.randint(1, 9)
    median = {"doorstroming": 60.0, "overig": 12.0}.get(route, SEARCH_MEDIAN[corporatie])
    return max(0, round(median * math.exp(rng.gauss(0, 0.6))))
