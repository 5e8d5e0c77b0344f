"""How long does a meeting deck take, and how does that grow per chart?

On the demonstration data (built once into benchmarks/out/deck_demo.duckdb), takes the slides of the
whole selection (all gemeenten, corporaties and years) and builds a deck of 1, 5 and 10 charts
through the real path (``prestatie.presenteren.deck.build``: one chromium via kaleido, the PNGs, the
PowerPoint). Each size is timed ``--repeat`` times (best counts); one run is also split into its
parts: starting chromium, drawing each chart, laying out the PowerPoint. Prints seconds, the growth
per chart (least squares over the sizes), and writes benchmarks/out/deck_speed.json.

Run: `.venv/bin/python benchmarks/deck_speed.py` (needs Debian's chromium).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from prestatie import dashboard
from prestatie.beoordeling import selectie
from prestatie.opslag import queries
from prestatie.presenteren import deck, monitor_excel
from prestatie.presenteren.slides import Slide, TitleSlide, latest_years, slides_for, title_slide

OUT = Path(__file__).resolve().parent / "out"
TODAY = date(2026, 11, 21)


def database() -> Path:
    """The demo database, built once (under a temporary name, so a failed build leaves none)."""
    path = OUT / "deck_demo.duckdb"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        building = OUT / "deck_demo.bouw.duckdb"
        building.unlink(missing_ok=True)
        dashboard.open_database(building).close()
        building.rename(path)
    return path


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def parts(cover: TitleSlide, slides: list[Slide]) -> dict:
    """One run split up: chromium start, each chart, chromium stop, the PowerPoint layout."""
    renderer = deck.ChartRenderer()
    start_s, _ = timed(renderer.__enter__)
    try:
        charts = [timed(lambda s=s: renderer.png(s.figure)) for s in slides]
    finally:
        stop_s, _ = timed(lambda: renderer.__exit__(None, None, None))
    layout_s, _ = timed(lambda: deck.pptx_bytes(cover, slides, [png for _, png in charts]))
    return {
        "chromium_start_s": start_s,
        "chart_s": [t for t, _ in charts],
        "chromium_stop_s": stop_s,
        "pptx_layout_s": layout_s,
    }


def slope(points: list[tuple[int, float]]) -> float:
    """Seconds per extra chart: least squares over (charts, seconds)."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 10])
    parser.add_argument("--db", type=Path, help="a database to use instead of the demo")
    args = parser.parse_args()

    con = dashboard.open_database(args.db or database())
    filters = selectie.Filters()
    evaluations = dashboard.evaluations(con, TODAY)

    def build():
        stock = dashboard.stock(con, filters)
        years = latest_years(stock).items()
        bins = {g: dashboard.rent_bins(con, None, g, jaar=y) for g, y in years}
        return slides_for(evaluations, stock, bins)

    slides_s, slides = timed(build)
    cover = title_slide(
        dashboard.agreements(con), evaluations, filters, TODAY, queries.batches(con)
    )
    excel_s, excel = timed(
        lambda: monitor_excel.workbook_bytes(
            evaluations,
            dashboard.voorraad_summary(con),
            dashboard.productie_summary(con),
            queries.batches(con),
            filters,
            TODAY,
        )
    )
    if len(slides) < max(args.sizes):
        raise SystemExit(f"only {len(slides)} slides in the demo selection")

    results = {}
    for size in args.sizes:
        runs = [
            timed(lambda size=size: deck.build(cover, slides[:size])) for _ in range(args.repeat)
        ]
        best, made = min(runs, key=lambda r: r[0])
        results[size] = {
            "best_s": best,
            "all_s": [t for t, _ in runs],
            "pptx_bytes": len(made.pptx),
        }
        print(f"{size:>3} charts: {best:6.2f} s (runs {', '.join(f'{t:.2f}' for t, _ in runs)}), "
              f"pptx {len(made.pptx) / 1e6:.1f} MB")  # fmt: skip

    split = parts(cover, slides[: max(args.sizes)])
    per_chart = slope([(size, r["best_s"]) for size, r in results.items()])
    summary = {
        "slides_in_selection": len(slides),
        "build_slides_s": slides_s,
        "excel_s": excel_s,
        "excel_bytes": len(excel),
        "decks": results,
        "growth_per_chart_s": per_chart,
        "fixed_cost_s": results[min(results)]["best_s"] - per_chart * min(results),
        "split_of_one_run": split,
    }
    print(f"slides for the whole selection: {len(slides)} in {slides_s:.2f} s")
    print(f"Excel export of the monitor: {excel_s:.2f} s ({len(excel) / 1e3:.0f} kB)")
    print(f"growth per chart: {per_chart:.2f} s; fixed cost: {summary['fixed_cost_s']:.2f} s")
    charts = split["chart_s"]
    print(
        f"split of a {len(charts)}-chart run: chromium start {split['chromium_start_s']:.2f} s, "
        f"charts {min(charts):.2f}-{max(charts):.2f} s each (sum {sum(charts):.2f} s), "
        f"stop {split['chromium_stop_s']:.2f} s, PowerPoint layout {split['pptx_layout_s']:.2f} s"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "deck_speed.json").write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
