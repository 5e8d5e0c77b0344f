"""The command line: ``prestatie import|voorraad|productie|verhuringen|monitor|batches|demo|leeg|
ongedaan|afspraak|afspraak-ongedaan|corporatie-toevoegen|rollen|rol``.

JSON goes to stdout (fractions 0..1, dates YYYY-MM-DD); messages to stderr in Dutch. A refused
import exits with 2 and leaves the database as it was. A write is done as the user ``--als
EMAIL`` (or ``PRESTATIE_GEBRUIKER``) names, with the role the roles in force give them; without
one, as the local beheerder (said on stderr). A write the role does not allow exits with 4.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from prestatie import dashboard, invoermap
from prestatie.afspraken import sjabloon
from prestatie.beoordeling import huurregel, monitor
from prestatie.demo import demobestanden
from prestatie.inlezen import cell_values, ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.inlezen.toewijzingen import ROUTES
from prestatie.opslag import queries
from prestatie.referentie import partijen
from prestatie.toegang import rollen


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db = getattr(args, "db", None)
    if db and not getattr(args, "nieuw", False) and not Path(db).exists():
        print(
            f"Database niet gevonden: {db}. Controleer de naam, of geef --nieuw om een nieuwe, "
            "lege database te maken.",
            file=sys.stderr,
        )
        return 2
    try:
        return args.run(args)
    except dashboard.UndoRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    except ImportRefused as refused:
        print("Import geweigerd; de database is niet gewijzigd.", file=sys.stderr)
        for problem in refused.problems:
            print(f"- {problem}", file=sys.stderr)
        return 2
    except dashboard.DatabaseBusy as busy:  # the app or another import kept the file too long
        print(busy, file=sys.stderr)
        return 3
    except dashboard.NotPermitted as refused:
        print(f"{refused} De database is niet gewijzigd.", file=sys.stderr)
        return 4
    except rollen.InvalidRoles as invalid:
        print(f"Rollen niet opgeslagen: {invalid}.", file=sys.stderr)
        return 2
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
        p.add_argument(
            "--als",
            metavar="EMAIL",
            help="schrijf als deze gebruiker, met de rol die de rollen geven (standaard: "
            "$PRESTATIE_GEBRUIKER; zonder: als lokale beheerder)",
        )
        p.add_argument(
            "--nieuw",
            action="store_true",
            help="maak het databasebestand van --db aan als het er nog niet is",
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
        "afspraak",
        _agreement_version,
        "sla een nieuwe versie van een afsprakendocument op, uit een ingevuld sjabloon (xlsx) "
        "of een TOML-bestand; alles wordt eerst gecontroleerd",
    )
    p.add_argument("document", metavar="DOCUMENT", help="het id, bijv. borger-odoorn-2023")
    p.add_argument("bestand", type=Path, metavar="BESTAND")
    p.add_argument(
        "--alle-doelen-weg",
        action="store_true",
        help="bevestig dat een versie zonder enig doel de bedoeling is",
    )
    p = command(
        "afspraak-ongedaan",
        _undo_agreement_version,
        "maak de laatste versie van een afsprakendocument ongedaan; de versie ervoor geldt weer",
    )
    p.add_argument("document", metavar="DOCUMENT", help="het id, bijv. borger-odoorn-2023")
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
    p = command("rollen", _roles, "wie welke rol heeft (de rollen die gelden)")
    p.add_argument("--json", action="store_true", help="JSON op stdout")
    p = command(
        "rol",
        _set_role,
        "geef een e-mailadres of domein (@emmen.nl) een rol: beheerder, invoerder (met "
        "--corporatie), gemeente (met --gemeente) of lezer",
    )
    p.add_argument("wie", metavar="WIE")
    p.add_argument("rol", nargs="?", choices=rollen.ROLLEN)
    p.add_argument("--corporatie", action="append", default=[], metavar="C")
    p.add_argument("--gemeente")
    p.add_argument("--verwijder", action="store_true", help="haal de regel van WIE weg")
    return parser


def _open(args):
    return dashboard.open_database(args.db, demo=False)


def _user(args, con) -> rollen.Gebruiker:
    """Who a write is done as: ``--als`` or $PRESTATIE_GEBRUIKER with their role, else the
    local beheerder (and a line saying so)."""
    email = getattr(args, "als", None) or os.environ.get("PRESTATIE_GEBRUIKER")
    if email:
        return dashboard.user_for(con, email)
    print(
        "Geen gebruiker opgegeven (--als of PRESTATIE_GEBRUIKER): de opdracht schrijft als "
        "lokale beheerder.",
        file=sys.stderr,
    )
    return rollen.lokaal("opdrachtregel")


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
    for parsed, result in dashboard.import_paths(con, args.files, hints, _user(args, con)):
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
    con = _open(args)
    rows = dashboard.load_demo(con, _user(args, con))
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
    con = _open(args)
    dashboard.clear_data(con, _user(args, con))
    print("Alle ingelezen gegevens zijn verwijderd; de afspraken blijven.", file=sys.stderr)
    return 0


def _watch(args) -> int:
    def open_database(timeout):
        return dashboard.open_database(args.db, demo=False, timeout=timeout)

    email = getattr(args, "als", None) or os.environ.get("PRESTATIE_GEBRUIKER")

    def save(con, uploads):  # the role is looked up again for every file: it may change
        wie = dashboard.user_for(con, email) if email else rollen.lokaal("mapbewaking")
        return dashboard.save_uploads(con, uploads, wie)

    print(
        f"Map {args.map} wordt bewaakt (elke {args.interval:g} s), inlezen als "
        f"{email or 'lokale beheerder'}.",
        file=sys.stderr,
        flush=True,
    )
    refused = False
    rounds = 1 if args.eenmaal else None
    for outcome in invoermap.watch(args.map, open_database, save, args.interval, rounds):
        if isinstance(outcome, dashboard.DatabaseBusy):
            print(f"{outcome} De bestanden blijven staan.", file=sys.stderr, flush=True)
            continue
        for done in outcome:
            refused |= not done.imported
            print(done.text, file=sys.stdout if done.imported else sys.stderr, flush=True)
    return 2 if refused and args.eenmaal else 0


def _undo(args) -> int:
    con = _open(args)
    dashboard.undo_import(con, args.batch, _user(args, con))
    print(f"Batch {args.batch} is ongedaan gemaakt.", file=sys.stderr)
    return 0


def _agreement_version(args) -> int:
    con = _open(args)
    if _unknown_document(con, args.document):
        return 2
    if not args.bestand.is_file():
        print(f"Bestand niet gevonden: {args.bestand}", file=sys.stderr)
        return 2
    data = args.bestand.read_bytes()
    try:
        if args.bestand.suffix.lower() == ".toml":
            toml = data.decode("utf-8")
        else:
            toml = sjabloon.read(args.bestand.name, data).toml
        version = dashboard.save_agreement_version(
            con, args.document, toml, f"bestand {args.bestand.name}", _user(args, con),
            confirmed=args.alle_doelen_weg,
        )  # fmt: skip
    except (dashboard.VersionRefused, UnicodeDecodeError) as refused:
        print(f"Niet opgeslagen; er is niets gewijzigd. {refused}", file=sys.stderr)
        return 2
    if version is None:
        print("Geen wijzigingen ten opzichte van de versie die nu geldt.", file=sys.stderr)
    else:
        print(f"{args.document}: versie {version} geldt nu.", file=sys.stderr)
    return 0


def _unknown_document(con, document: str) -> bool:
    """True (and said on stderr) when no agreement document has this id."""
    known = dashboard.document_ids(con)
    if document in known:
        return False
    print(f"Onbekend afsprakendocument '{document}'; bekend: {', '.join(known)}.", file=sys.stderr)
    return True


def _undo_agreement_version(args) -> int:
    con = _open(args)
    if _unknown_document(con, args.document):
        return 2
    back = dashboard.undo_agreement_version(con, args.document, _user(args, con))
    if back is None:
        print(f"{args.document} heeft geen eerdere versie; er is niets gewijzigd.", file=sys.stderr)
        return 2
    print(f"{args.document}: de laatste versie is ongedaan gemaakt; versie {back} geldt weer.",
          file=sys.stderr)  # fmt: skip
    return 0


def _add_corporatie(args) -> int:
    try:
        con = _open(args)
        pairs = dashboard.add_corporatie(con, args.naam, args.alias, _user(args, con))
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


def _roles(args) -> int:
    current = dashboard.roles(_open(args))
    if args.json:
        return _emit(
            [
                {"wie": r.wie, "rol": r.rol, "corporaties": list(r.corporaties),
                 "gemeente": r.gemeente}
                for r in current.regels
            ]
        )  # fmt: skip
    sys.stdout.write(rollen.rules_toml(current))
    return 0


def _set_role(args) -> int:
    con = _open(args)
    current = dashboard.roles(con)
    wie = args.wie.strip().lower()
    kept = tuple(r for r in current.regels if r.wie != wie)
    if args.verwijder:
        rules = kept
    elif args.rol is None:
        print("Geef een rol: beheerder, invoerder, gemeente of lezer.", file=sys.stderr)
        return 2
    else:
        rule = rollen.make_rule(wie, args.rol, args.corporatie, args.gemeente, "rol")
        rules = (*kept, rule)
    version = dashboard.save_roles(con, rollen.Rollen(rules, current.onbekend), _user(args, con))
    print(f"Rollen opgeslagen (versie {version}).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
