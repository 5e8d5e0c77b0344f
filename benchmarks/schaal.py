"""The whole country: builds a national-scale database through the public import and prints how
fast every page, the monitor and the CLI answer, with the peak memory, next to the demo.

    .venv/bin/python benchmarks/schaal.py                 # 2,3 million vhe a year, 5 years
    .venv/bin/python benchmarks/schaal.py --jaren 10      # the 10-year run (23 million rows)
    .venv/bin/python benchmarks/schaal.py --vhe 100000    # a quick look
    .venv/bin/python benchmarks/schaal.py --groei         # the table at 0,1 / 1 / 10 million rows

WOZ-bezitstabellen of ``--corporaties`` corporations in ``--gemeenten`` gemeenten all over the
country (benchmarks/woz_files.py) are written as `;`-CSV and imported one year at a time with
``store.import_paths``, as `prestatie import` does. Pages run through Streamlit's AppTest in a
process of their own (its peak RSS is the app's memory): the first run, the rerun after choosing a
gemeente in the sidebar, and a rerun that changes nothing. Figures are printed, never asserted: a
shared machine is noisy, so compare ratios and repeat a run before concluding.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import woz_files  # noqa: E402
from prestatie import dashboard  # noqa: E402
from prestatie.inlezen.ingest import Hints  # noqa: E402
from prestatie.opslag import store  # noqa: E402
from prestatie.referentie import partijen  # noqa: E402

PAGES = (
    "views/overzicht.py",
    "views/betaalbaarheid.py",
    "views/duurzaamheid.py",
    "views/voorraad.py",
    "views/woningzoekenden.py",
    "views/leefbaarheid.py",
    "views/afspraken.py",
    "views/gegevens.py",
    "views/presenteren.py",
)
TODAY = date(2026, 11, 21)
# Gemeenten from north to south, Drenthe's two seed gemeenten among them (their agreements judge
# the national stock there), then every other gemeente of the reference table.
SEED = ("0114", "1681", "0014", "0363", "0599", "0344", "0518", "0193", "0855", "0935")


def gemeente_codes(count: int) -> list[str]:
    known = sorted(partijen.CODES) if hasattr(partijen, "CODES") else []
    if not known:  # the reference table's codes, by the public look-up
        known = [f"{c:04d}" for c in range(1, 2000) if partijen.gemeente_from_code(c)]
    codes = [c for c in SEED if c in known] + [c for c in known if c not in SEED]
    step = max(1, len(codes) // count)
    chosen = list(dict.fromkeys([*codes[: len(SEED)], *codes[len(SEED) :: step]]))
    return chosen[:count]


def corporation_names(count: int) -> list[str]:
    names = [c for c in partijen.CORPORATIES if c not in ("Lefier", "Woonservice", "Domesta")]
    return ["Lefier", "Woonservice", "Domesta", *names][:count]


def build(db: Path, vhe: int, years: int, corporaties: int, gemeenten: int) -> dict:
    """Write and import the bezitstabellen; returns the import figures."""
    codes = gemeente_codes(gemeenten)
    corps = woz_files.corporations(codes, corporaties, vhe)
    names = corporation_names(corporaties)
    folder = Path(tempfile.mkdtemp(prefix="prestatie-schaal-"))
    con = dashboard.open_database(db, demo=False)
    rows = seconds = 0.0
    first = 2026 - years
    try:
        files = {
            name: woz_files.write(folder, corp, range(first, first + years))
            for corp, name in zip(corps, names, strict=False)
        }
        for i, year in enumerate(range(first, first + years)):
            for name, paths in files.items():
                path = paths[i]
                t0 = time.perf_counter()
                results = store.import_paths(con, [path], Hints(corporatie=name))
                seconds += time.perf_counter() - t0
                rows += sum(p.rows for p, _ in results)
                path.unlink()
            print(
                f"  {year}: {rows:,.0f} rijen ingelezen, {rows / seconds:,.0f} rijen/s", flush=True
            )
    finally:
        con.close()
        shutil.rmtree(folder, ignore_errors=True)
    return {"rijen": rows, "seconden": seconds, "gemeenten": len(codes), "corporaties": len(corps)}


PAGE_RUN = """
import json, os, resource, sys, time
from streamlit.testing.v1 import AppTest
os.environ["PRESTATIE_DB"] = sys.argv[1]
out = {}
for page in sys.argv[3:]:
    at = AppTest.from_file(sys.argv[2], default_timeout=900)
    at.run()
    t0 = time.perf_counter()
    if page != "views/overzicht.py":
        at.switch_page(page)
    at.run()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    at.selectbox(key="f_gemeente").set_value(os.environ["GEMEENTE"]).run()
    rerun = time.perf_counter() - t0
    t0 = time.perf_counter()
    at.run()
    same = time.perf_counter() - t0
    out[page] = [first, rerun, same, bool(at.exception)]
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def pages(db: Path, gemeente: str) -> dict:
    """Every page in a process of its own: (first, after choosing a gemeente, unchanged)."""
    env = {**os.environ, "GEMEENTE": gemeente, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-c", PAGE_RUN, str(db), str(ROOT / "app.py"), *PAGES],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def monitor(db: Path) -> dict:
    """The monitor pass in this process, and `prestatie monitor --json` as a whole process."""
    con = dashboard.open_database(db, demo=False)
    t0 = time.perf_counter()
    evaluations = dashboard.evaluations(con, TODAY)
    inner = time.perf_counter() - t0
    con.close()
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "prestatie"), "monitor", "--json", "--db", str(db),
         "--datum", TODAY.isoformat()],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    whole = time.perf_counter() - t0
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return {"pass": inner, "cli": whole, "cli_rss_mb": rss, "doelen": len(evaluations)}


def report(title: str, db: Path, gemeente: str) -> None:
    m = monitor(db)
    p = pages(db, gemeente)
    print(f"\n{title}")
    print(
        f"  monitor: pass {m['pass']:.2f} s ({m['doelen']} beoordelingen), `prestatie "
        f"monitor --json` {m['cli']:.2f} s, piek {m['cli_rss_mb']:,.0f} MB"
    )
    print(f"  {'pagina':28s} {'eerste':>8s} {'gemeente':>9s} {'ongewijzigd':>12s}")
    for page in PAGES:
        first, rerun, same, failed = p[page]
        flag = "  FOUT" if failed else ""
        print(f"  {page:28s} {first:8.2f} {rerun:9.2f} {same:12.2f}{flag}")
    print(f"  piekgeheugen van de app (AppTest-proces): {p['rss_mb']:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vhe", type=int, default=2_300_000, help="vhe per jaar, landelijk")
    parser.add_argument("--jaren", type=int, default=5)
    parser.add_argument("--corporaties", type=int, default=40)
    parser.add_argument("--gemeenten", type=int, default=30)
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / "out" / "schaal.duckdb")
    parser.add_argument("--opnieuw", action="store_true", help="de database opnieuw opbouwen")
    parser.add_argument("--groei", action="store_true", help="ook 0,1 / 1 / 10 miljoen rijen")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)

    demo = args.db.parent / "demo.duckdb"
    demo.unlink(missing_ok=True)
    dashboard.open_database(demo).close()
    report("Demo", demo, "Emmen")

    if args.opnieuw or not args.db.exists():
        args.db.unlink(missing_ok=True)
        print(f"\nLandelijke database opbouwen: {args.vhe:,} vhe per jaar, {args.jaren} jaar")
        built = build(args.db, args.vhe, args.jaren, args.corporaties, args.gemeenten)
        print(f"  import: {built['rijen']:,.0f} rijen in {built['seconden']:.0f} s = "
              f"{built['rijen'] / built['seconden']:,.0f} rijen/s; {built['corporaties']} "
              f"corporaties, {built['gemeenten']} gemeenten")  # fmt: skip
    report(f"Landelijk ({args.db.name})", args.db, "Emmen")

    if args.groei:
        print("\nGroei (monitorpass en pagina's na een gemeentekeuze, seconden):")
        for rows in (100_000, 1_000_000, 10_000_000):
            db = args.db.parent / f"groei-{rows}.duckdb"
            if not db.exists():
                build(db, rows // args.jaren, args.jaren, args.corporaties, args.gemeenten)
            m = monitor(db)
            p = pages(db, "Emmen")
            slowest = max(p[page][1] for page in PAGES)
            print(f"  {rows:>10,} rijen: monitor {m['pass']:.2f} s, traagste pagina "
                  f"{slowest:.2f} s, app {p['rss_mb']:,.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
