"""The command line: ``prestatie import|voorraad|productie|verhuringen|monitor|batches|demo|leeg|
corporatie-toevoegen``.

JSON goes to stdout (fractions 0..1, dates YYYY-MM-DD); messages to stderr in Dutch. A refused
import exits with 2 and leaves the database as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from prestatie import dashboard, invoermap
from prestatie.beoordeling import huurregel, monitor
from prestatie.demo import demobestanden
from prestatie.inlezen import cell_values, ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.inlezen.toewijzingen import ROUTES
from prestatie.opslag import queries, store
from prestatie.referentie import partijen


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except ImportRefused as refused:
        print("Import geweigerd; de database is niet gewijzigd.", file=sys.stderr)
        for problem in refused.problems:
            print(f"- {problem}", file=sys.stderr)
        return 2
    except dashboard.DatabaseBusy as busy:  # the app or another import kept the file too long
        print(busy, file=sys.stderr)
        return 3
    except Exception as exc:  # the user gets a sentence, not a traceback
        if "lock" in str(exc).lower():
            print(
                "De database is in gebruik door een ander programma (bijv. de app). Stop dat "
                "eerst of gebruik --db met een ander bestand.",
                file=sys.stderr,
            )
            return 3
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="prestatie", description="Monitor prestatieafspraken")
    sub = parser.add_subparsers(required=True, metavar="opdracht")

    def command(name: str, run, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument(
            "--db", help="databasebestand (standaard: $PRESTATIE_DB of data/prestatie.duckdb)"
        )
        p.set_defaults(run=run)
        return p

    p = command("import", _import, "lees voorraad-, productie-, verhuur- of WOZ-bestanden in")
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    p.add_argument("--corporatie")
    p.add_argument("--gemeente")
    p.add_argument("--peildatum", help="YYYY-MM-DD of DD-MM-YYYY")
    for name, run, text in (
        ("voorraad", _voorraad, "voorraad per corporatie, gemeente en peildatum"),
        ("productie", _productie, "productie per corporatie, gemeente, jaar en soort"),
        (
            "verhuringen",
            _verhuringen,
            "verhuringen per corporatie, gemeente en jaar: aantal, per route, mediane zoekduur",
        ),
        ("monitor", _monitor, "de beoordeling van elk doel uit de afspraken"),
        ("batches", _batches, "alle imports met hun stand"),
    ):
        p = command(name, run, text)
        p.add_argument("--json", action="store_true", help="JSON op stdout")
        if name == "monitor":
            p.add_argument("--datum", help="beoordeel alsof het deze datum is (YYYY-MM-DD)")
            p.add_argument(
                "--prijspeil",
                choices=[huurregel.INDEXED, huurregel.FIXED],
                default=huurregel.INDEXED,
            )
    p = command("demo", _demo, "vul de database met de demonstratiegegevens")
    p = sub.add_parser(
        "demobestanden",
        help="schrijf de demonstratiebestanden (xlsx, csv) in een "
        "map, om te zien hoe exports eruitzien of om het inlezen te proberen",
    )
    p.add_argument("map", type=Path, nargs="?", default=demobestanden.DEMO_DIR)
    p.set_defaults(run=_demo_files)
    p = command("leeg", _clear, "verwijder alle ingelezen gegevens (ook de demo)")
    p.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    p = command(
        "watch",
        _watch,
        "lees bestanden in die in MAP worden gezet (ingelezen naar MAP/done, geweigerd naar "
        "MAP/fout met de reden ernaast); de database is alleen open als er iets in te lezen is",
    )
    p.add_argument("map", type=Path, metavar="MAP")
    p.add_argument(
        "--interval",
        type=float,
        default=invoermap.default_interval(),
        help="seconden tussen twee rondes (standaard $PRESTATIE_WATCH_INTERVAL of 30)",
    )
    p.add_argument("--eenmaal", action="store_true", help="één ronde, dan stoppen")
    p = command("ongedaan", _undo, "maak een import ongedaan")
    p.add_argument("batch", type=int)
    p = command(
        "corporatie-toevoegen",
        _add_corporatie,
        "voeg een corporatie toe die prestatie niet kent (een nieuwe, of de naam na een fusie), "
        "of andere schrijfwijzen van een bekende corporatie",
    )
    p.add_argument("naam", metavar="NAAM")
    p.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="A",
        help="een andere schrijfwijze van de naam, zoals bestanden die schrijven (mag vaker)",
    )
    return parser


def _open(args) -> store.duckdb.DuckDBPyConnection:
    return dashboard.open_database(args.db, demo=False)


def _import(args) -> int:
    peildatum = cell_values.to_date(args.peildatum) if args.peildatum else None
    if args.peildatum and peildatum is None:
        print(
            f"Onleesbare peildatum '{args.peildatum}'; gebruik bijv. 2023-12-31.", file=sys.stderr
        )
        return 2
    for path in args.files:
        if not path.is_file():
            print(f"Bestand niet gevonden: {path}", file=sys.stderr)
            return 2
    hints = ingest.Hints(args.corporatie, args.gemeente, peildatum)
    con = _open(args)
    for parsed, result in store.import_paths(con, args.files, hints):
        state = (
            "al ingelezen, niets gewijzigd"
            if not result.nieuw
            else f"batch {result.batch_id}"
            + (
                f", vervangt batch {', '.join(map(str, result.vervangen))}"
                if result.vervangen
                else ""
            )
        )
        print(
            f"{parsed.file}: {parsed.kind}, {parsed.meta.corporatie or '-'}, {parsed.rows} rijen, "
            f"{len(parsed.warnings)} waarschuwingen, {len(parsed.skipped)} overgeslagen ({state})"
        )
        for warning in parsed.warnings:
            print(f"  waarschuwing: {warning}")
    return 0


def _emit(records: list[dict]) -> int:
    json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")
    return 0


def _voorraad(args) -> int:
    return _emit(dashboard.voorraad_summary(_open(args)))


def _productie(args) -> int:
    return _emit(dashboard.productie_summary(_open(args)))


def _verhuringen(args) -> int:
    """Per corporatie × gemeente × jaar: aantal, aantal per route, median zoekduur in months."""
    records = []
    for row in queries.verhuring_summary(_open(args)).to_dict("records"):
        median, soort = row["zoekduur_mediaan"], row["zoekduur_soort"]
        records.append(
            {
                "corporatie": row["corporatie"],
                "gemeente": row["gemeente"],
                "jaar": int(row["jaar"]),
                "aantal": _count(row["aantal"]),
                "per_route": {r: _count(row[r]) for r in (*ROUTES, "onbekend")},
                "zoekduur_mediaan_maanden": None if _missing(median) else round(median, 2),
                "zoekduur_soort": soort if isinstance(soort, str) else None,
            }
        )
    return _emit(records)


def _missing(value) -> bool:
    return value is None or value != value  # NULL comes back as None or NaN


def _count(value) -> int:
    return 0 if _missing(value) else int(value)


def _monitor(args) -> int:
    today = date.fromisoformat(args.datum) if args.datum else date.today()
    evaluations = dashboard.evaluations(_open(args), today, args.prijspeil)
    return _emit(monitor.to_json_records(evaluations))


def _batches(args) -> int:
    frame = queries.batches(_open(args))
    return _emit(json.loads(frame.to_json(orient="records", date_format="iso")))


def _demo(args) -> int:
    rows = demobestanden.load(_open(args))
    print(f"Demonstratiegegevens ingelezen: {rows} rijen.", file=sys.stderr)
    return 0


def _demo_files(args) -> int:
    paths = demobestanden.write_files(args.map)
    print(f"{len(paths)} demonstratiebestanden geschreven in {args.map}", file=sys.stderr)
    return 0


def _clear(args) -> int:
    if not args.ja:
        print(
            "Dit verwijdert alle ingelezen gegevens. Herhaal met --ja om door te gaan.",
            file=sys.stderr,
        )
        return 1
    store.clear_data(_open(args))
    print("Alle ingelezen gegevens zijn verwijderd; de afspraken blijven.", file=sys.stderr)
    return 0


def _watch(args) -> int:
    def open_database(timeout):
        return dashboard.open_database(args.db, demo=False, timeout=timeout)

    print(f"Map {args.map} wordt bewaakt (elke {args.interval:g} s).", file=sys.stderr, flush=True)
    refused = False
    rounds = 1 if args.eenmaal else None
    for outcome in invoermap.watch(args.map, open_database, args.interval, rounds):
        if isinstance(outcome, dashboard.DatabaseBusy):
            print(f"{outcome} De bestanden blijven staan.", file=sys.stderr, flush=True)
            continue
        for done in outcome:
            refused |= not done.imported
            print(done.text, file=sys.stdout if done.imported else sys.stderr, flush=True)
    return 2 if refused and args.eenmaal else 0


def _undo(args) -> int:
    store.undo_batch(_open(args), args.batch)
    print(f"Batch {args.batch} is ongedaan gemaakt.", file=sys.stderr)
    return 0


def _add_corporatie(args) -> int:
    try:
        pairs = dashboard.add_corporatie(_open(args), args.naam, args.alias)
    except partijen.InvalidCorporatie as refused:
        print(f"Niet toegevoegd: {refused}.", file=sys.stderr)
        return 2
    if not pairs:
        print(f"{args.naam} is al bekend; er is niets toegevoegd.", file=sys.stderr)
        return 0
    name = pairs[0][0]
    spellings = [alias for _, alias in pairs if alias != name]
    if pairs[0][1] == name:
        also = f", met de schrijfwijzen {', '.join(spellings)}" if spellings else ""
        print(f"Corporatie {name} toegevoegd{also}.", file=sys.stderr)
    else:
        print(f"Schrijfwijzen van {name} toegevoegd: {', '.join(spellings)}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
