"""How fast is the import of a 100.000-row stock list, compared with just reading the sheet?

Generates (once, cached in benchmarks/out/) a stock xlsx shaped like a real export: a title
row, a peildatum row, a blank row, the header and 100.000 vhe rows. Then times, each in its own
process with the same Python, best of three:

  (a) pandas.read_excel(path, engine="calamine")
  (b) fastexcel: read the sheet and convert it to pandas
  (c) prestatie's full import (parse, validate, write) into a fresh DuckDB file

and prints seconds, the ratios (c)/(a) and (c)/(b), and the peak RSS of each process. The target
is (c)/(a) <= 1.0. Run with `make benchmark` or `.venv/bin/python benchmarks/import_speed.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ROWS = 100_000
HEADER = [
    "Eenheidnummer",
    "Adres",
    "Postcode",
    "Plaats",
    "Woningtype",
    "Levensloopgeschikt",
    "Kale huur",
    "Energielabel",
    "Bouwjaar",
]
KERNEN = ["Emmen", "Klazienaveen", "Nieuw-Amsterdam", "Emmer-Compascuum", "Schoonebeek", "Erica"]
STRATEN = ["Hoofdstraat", "Kerkstraat", "Dorpsstraat", "Julianastraat", "Wilhelminalaan"]
LABELS = ["A++", "A+", "A", "A", "B", "B", "C", "C", "D", "E", "F", "G", ""]
TYPES = ["Eengezinswoning", "Appartement", "Seniorenwoning", "Portiekflat"]


def stock_file(rows: int = ROWS, dimension: bool = True) -> Path:
    """The benchmark file, written once: Domesta's stock in Emmen on 31-12-2023.

    Like a file saved by Excel, the sheet says its size in a <dimension> element. With
    ``dimension=False`` it is written as openpyxl's write-only mode does, without one: the
    import then scans the sheet's XML before reading it (see prestatie/bestanden.py).
    """
    suffix = "" if dimension else "_zonder_dimensie"
    path = OUT / f"Domesta_woningbezit_Emmen_31-12-2023_{rows}{suffix}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    OUT.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(2023)
    book = Workbook(write_only=not dimension)
    if dimension:
        book.remove(book.active)
    sheet = book.create_sheet("Bezit")
    sheet.append(["Domesta - Overzicht woningbezit gemeente Emmen"])
    sheet.append(["Peildatum: 31-12-2023"])
    sheet.append([])
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(
            [
                100_000 + i,
                f"{rnd.choice(STRATEN)} {rnd.randint(1, 250)}",
                f"78{rnd.randint(10, 99)} {rnd.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
                f"{rnd.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
                rnd.choice(KERNEN),
                rnd.choice(TYPES),
                rnd.choice(["ja", "nee", "nee"]),
                round(rnd.uniform(450, 1100), 2),
                rnd.choice(LABELS),
                rnd.randint(1930, 2023),
            ]
        )
    book.create_sheet("Toelichting").append(["Kale huur per maand op de peildatum."])
    tmp = path.with_suffix(".tmp")
    book.save(tmp)
    tmp.rename(path)
    return path


# The children: each prints one JSON line {"seconds": ..., "rss_mb": ..., "rows": ...}.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path, db = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
def cpu_now():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
if mode == "pandas":
    import pandas as pd
    start, cpu_start = time.perf_counter(), cpu_now()
    rows = len(pd.read_excel(path, engine="calamine"))
elif mode == "fastexcel":
    import fastexcel
    start, cpu_start = time.perf_counter(), cpu_now()
    rows = len(fastexcel.read_excel(path).load_sheet(0).to_pandas())
else:
    from prestatie.opslag import store
    start, cpu_start = time.perf_counter(), cpu_now()
    con = store.connect(db)
    [(parsed, result)] = store.import_paths(con, [path])
    rows = con.execute("SELECT count(*) FROM vhe").fetchone()[0]
    con.close()
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - cpu_start
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": usage.ru_maxrss / 1024, "rows": rows}))
"""


def run(mode: str, path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, mode, str(path), db],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--zonder-dimensie",
        action="store_true",
        help="a sheet without <dimension> (openpyxl write-only), scanned before reading",
    )
    args = parser.parse_args()
    path = stock_file(args.rows, dimension=not args.zonder_dimensie)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    modes = {
        "pandas": "(a) pandas.read_excel, calamine",
        "fastexcel": "(b) fastexcel -> pandas",
        "ingest": "(c) ingest.import_paths -> DuckDB",
    }
    # Interleaved (a, b, c, a, b, c, ...), so a busy machine slows each of them alike.
    runs: dict[str, list[dict]] = {mode: [] for mode in modes}
    for _ in range(args.repeat):
        for mode in modes:
            runs[mode].append(run(mode, path))
    results = {mode: min(found, key=lambda r: r["seconds"]) for mode, found in runs.items()}
    for mode, label in modes.items():
        r = results[mode]
        print(
            f"{label:36} {r['seconds']:6.2f} s  (cpu {r['cpu']:5.2f} s)  "
            f"peak RSS {r['rss_mb']:5.0f} MB  {r['rows']} rijen"
        )
    c = results["ingest"]["seconds"]
    print(f"(c)/(a) = {c / results['pandas']['seconds']:.2f}   (target <= 1.0)")
    print(f"(c)/(b) = {c / results['fastexcel']['seconds']:.2f}")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} (on a busy machine every figure is slower; compare ratios)")


if __name__ == "__main__":
    main()
