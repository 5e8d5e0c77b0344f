"""What the pages and the command line ask of the database, in one place.

Opening the database: a new file gets the schema, the agreement documents from
``data/afspraken/`` and the demonstration data; an existing file is opened as it is (a user who
removed the demo data keeps an empty database). The corporations a user added to the database
are made known on open (:func:`load_corporaties`). Agreements live in the database, loaded from
the files when a document is not there yet, so a new gemeente or year needs no code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from prestatie.afspraken import register, schema, toml_reader, versiecheck
from prestatie.beoordeling import huurregel, monitor, status
from prestatie.beoordeling.selectie import Filters, evaluation_selected
from prestatie.demo import demobestanden
from prestatie.inlezen import ingest
from prestatie.opslag import (
    counts,
    huurstijging,
    koppeling,
    logboek,
    queries,
    register_store,
    store,
    verhuurtelling,
    wachten,
)
from prestatie.referentie import huurgrenzen, labels, namen, partijen
from prestatie.referentie.peildatum import as_date, verslagjaar
from prestatie.toegang import rechten, rollen
from prestatie.toegang.rechten import Handeling
from prestatie.toegang.rollen import Gebruiker

ROLES_FILE = Path(__file__).resolve().parents[1] / "data" / "rollen.toml"

DatabaseBusy = wachten.DatabaseBusy  # another process kept the file for too long


def open_database(
    path: str | os.PathLike | None = None, demo: bool = True, timeout: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Connect; on a new file, load the agreements and (``demo``) the demonstration data. A file
    another process holds is tried again for ``timeout`` seconds, then :class:`DatabaseBusy`.

    A file created for the demo is marked so until the demo is in it: a first start stopped
    while the demo loaded (killed, power cut) loads it on the next start, instead of leaving an
    empty database for good."""
    file = store.db_path(path) if str(path) != ":memory:" else None
    new = file is None or not file.exists()
    con = store.connect(":memory:" if file is None else file, timeout)
    if new and demo:
        store.set_demo_state(con, store.DEMO_WANTED)
    load_corporaties(con)  # before the agreements: their checks know the added ones
    sync_agreements(con)
    if demo and store.demo_state(con) == store.DEMO_WANTED:
        with store.transaction(con):
            rows = demobestanden.load(con)
            store.set_demo_state(con, store.DEMO_LOADED)
            first_start = rollen.lokaal("prestatie (eerste start)")
            text = f"demonstratiegegevens ingelezen: {rows} rijen"
            _log(con, first_start, Handeling(rechten.DEMO_INLEZEN), text)
    return con


def reopen_database(
    path: str | os.PathLike, timeout: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open again a database this process opened with :func:`open_database` (the app, for each
    script run): only the corporations added since, e.g. by the command line, are read."""
    con = store.reconnect(path, timeout)
    try:
        load_corporaties(con)
    except BaseException:
        con.close()
        raise
    return con


def load_corporaties(con: duckdb.DuckDBPyConnection) -> None:
    """Make the corporations a user added to this database known to the import and checks."""
    partijen.use_added(queries.added_corporaties(con))


def add_corporatie(
    con: duckdb.DuckDBPyConnection,
    name: str,
    aliases: list[str] | tuple[str, ...],
    wie: Gebruiker | None,
) -> list[tuple[str, str]]:
    """Add a corporation prestatie does not know (a new or merged one), or spellings of a known
    one, and know it from now on; returns the (corporatie, alias) pairs stored (none when all
    were known). Raises partijen.InvalidCorporatie with the Dutch reason, NotPermitted unless
    ``wie`` is a beheerder."""
    write = Handeling(rechten.CORPORATIE, onderwerp=name)
    _permit(con, wie, write)
    pairs = partijen.new_corporatie(name, aliases)
    if pairs:
        spellings = ", ".join(alias for _, alias in pairs)
        with store.transaction(con):
            store.add_corporatie(con, pairs, wie.wie)
            _log(con, wie, write, f"corporatie {pairs[0][0]}: {spellings}")
        load_corporaties(con)
    return pairs


def sync_agreements(con: duckdb.DuckDBPyConnection, folder: Path | None = None) -> list[str]:
    """Put every agreement file whose document is not yet in the database into it."""
    folder = folder or toml_reader.default_folder()
    have = queries.documents(con)
    new = {}
    for path in sorted(folder.glob("*.toml")):
        agreement = toml_reader.load_agreement(path)
        if agreement.document.id not in have:
            new[agreement.document.id] = path.read_text(encoding="utf-8")
    if new:
        store.save_documents(con, new)
    return sorted(new)


def agreements(con: duckdb.DuckDBPyConnection) -> list[schema.Agreement]:
    """Every agreement document in force that reads; one that does not (stored by an earlier
    version with looser checks) is left out, so it cannot break a page: see
    :func:`unreadable_agreements`."""
    return _read_agreements(con)[0]


def unreadable_agreements(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The documents in force that do not pass today's checks: id -> the Dutch reason."""
    return _read_agreements(con)[1]


def _read_agreements(con) -> tuple[list[schema.Agreement], dict[str, str]]:
    read, broken = [], {}
    for doc_id, text in queries.documents(con).items():
        try:
            read.append(toml_reader.parse_agreement(text, f"{doc_id}.toml"))
        except toml_reader.TargetFileError as error:
            broken[doc_id] = str(error)
    return read, broken


def document_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The id of every agreement document in the database, readable or not."""
    return sorted(queries.documents(con))


def evaluations(
    con: duckdb.DuckDBPyConnection,
    today: date,
    prijspeil: str = huurregel.INDEXED,
    filters: Filters | None = None,
    huur: str = huurregel.KALE_HUUR,
) -> list[status.Evaluation]:
    """Every target judged on the data in force; ``huur`` chooses the rent measured."""
    doelen = [d for a in agreements(con) for d in a.doelen]
    known = monitor_facts(con, today, huur, prijspeil, doelen)
    result = monitor.evaluate(doelen, known, prijspeil)
    return [e for e in result if matches(e, filters)] if filters else result


def monitor_facts(
    con: duckdb.DuckDBPyConnection,
    today: date,
    huur: str = huurregel.KALE_HUUR,
    prijspeil: str = huurregel.INDEXED,
    doelen: list | None = None,
) -> monitor.Facts:
    """What the monitor reads to judge ``doelen`` (None: every target): the facts of the
    gemeenten the targets name, not of the whole country."""
    if doelen is None:
        doelen = [d for a in agreements(con) for d in a.doelen]
    gemeenten = sorted({d.gemeente for d in doelen})
    return facts(con, today, huur, prijspeil, gemeenten=gemeenten, doelen=doelen)


def facts(
    con: duckdb.DuckDBPyConnection,
    today: date,
    huur: str = huurregel.KALE_HUUR,
    prijspeil: str = huurregel.INDEXED,
    *,
    gemeenten: list[str] | None = None,
    doelen: list | None = None,
) -> monitor.Facts:
    """What the monitor reads, counted by DuckDB for ``gemeenten`` (None: all): the stock per
    verslagjaar, the label transitions between consecutive years, production and its coverage.
    With the FIXED reading, the homes under each rent target's own amount (of ``doelen``)."""
    stock = counts.stock(con, gemeenten, rekenhuur=huur == huurregel.REKENHUUR)
    if prijspeil == huurregel.FIXED:
        stock = with_fixed_amounts(con, stock, doelen or [], huur)
    productie = queries.productie_rows(con, gemeente=gemeenten)
    return monitor.Facts(
        stock,
        productie,
        queries.productie_dekking(con),
        today,
        counts.consecutive_transitions(con, gemeenten),
        *lettings_facts(con, gemeenten, huur, prijspeil, doelen),
        huurstijging.huursom(con, gemeenten),
        koppeling.productie_labels(con, gemeenten),
        queries.leefbaarheid_rows(con, gemeenten),
    )


def lettings_facts(
    con: duckdb.DuckDBPyConnection,
    gemeenten: list[str] | None = None,
    huur: str = huurregel.KALE_HUUR,
    prijspeil: str = huurregel.INDEXED,
    doelen: list | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the lettings counts, the search-time histogram) the monitor reads
    (:mod:`prestatie.opslag.verhuurtelling`); with the FIXED reading also under each rent
    target's own amount."""
    amounts = ()
    if prijspeil == huurregel.FIXED:
        amounts = {
            huurgrenzen.in_cents(r.bedrag)
            for r in (huurregel.Regel.van(d) for d in doelen or [] if d.soort == "aandeel_huur")
            if r.bedrag is not None
        }
    lettings = verhuurtelling.lettings(
        con, gemeenten, rekenhuur=huur == huurregel.REKENHUUR, bedragen_cent=amounts
    )
    return lettings, verhuurtelling.zoekduren(con, gemeenten)


def stock_flow_facts(
    con: duckdb.DuckDBPyConnection, today: date, gemeente: str | None = None
) -> monitor.Facts:
    """What the stock waterfall reads for a gemeente (None: all): homes per corporatie,
    gemeente and verslagjaar, and the production with its coverage."""
    stock = counts.stock(con, gemeente, by=("corporatie", "gemeente", "peildatum", "jaar"))
    return monitor.Facts(
        stock, queries.productie_rows(con, gemeente=gemeente), queries.productie_dekking(con), today
    )


def with_fixed_amounts(
    con: duckdb.DuckDBPyConnection, stock: pd.DataFrame, doelen: list, huur: str
) -> pd.DataFrame:
    """The counts of the stock (by every key) with the homes under each rent target's own
    amount (``tot_vast_<cents>``, ``onder_vast_<cents>``), counted from the vhe rows of the
    gemeenten in ``stock``: the FIXED reading of :mod:`prestatie.beoordeling.huurregel`."""
    amounts = {
        huurgrenzen.in_cents(r.bedrag)
        for r in (huurregel.Regel.van(d) for d in doelen if d.soort == "aandeel_huur")
        if r.bedrag is not None
    }
    if not amounts or stock.empty:
        return stock
    gemeenten = sorted(set(stock["gemeente"]))
    fixed = counts.fixed_amounts(
        con, amounts, gemeenten, by=counts.KEYS, rekenhuur=huur == huurregel.REKENHUUR
    ).drop(columns="aantal")
    return stock.merge(fixed, on=list(counts.KEYS), how="left")


def matches(e: status.Evaluation, f: Filters) -> bool:
    """Whether an evaluation belongs to the selection (a joint target shows for each member)."""
    return evaluation_selected(e, f)


def voorraad_summary(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Per corporatie × gemeente × peildatum: vhe, vhe up to each limit, vhe per label class.

    ``huur_tot`` counts rents up to and including the limit in force on the peildatum (None
    for a peildatum beyond the huurgrenzen table).
    """
    key = ["corporatie", "gemeente", "peildatum"]
    totals = counts.stock(con, by=key, every_peildatum=True)
    per_label = counts.stock(con, by=[*key, "label"], every_peildatum=True)
    per_label = per_label.pivot_table(
        index=key, columns="label", values="aantal", aggfunc="sum", observed=False
    ).fillna(0)
    out = []
    for row in totals.itertuples(index=False):
        labels_ = per_label.loc[(row.corporatie, row.gemeente, row.peildatum)]
        out.append(
            {
                "corporatie": row.corporatie,
                "gemeente": row.gemeente,
                "peildatum": as_date(row.peildatum).isoformat(),
                "vhe": _whole(row.aantal),
                "huur_tot": {
                    g: _whole(getattr(row, f"tot_{g}")) if row.grenzen_bekend else None
                    for g in huurgrenzen.GRENZEN
                },
                "labels": {k: _whole(labels_.get(k, 0)) for k in labels.ALLE},
            }
        )
    return out


def productie_summary(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = queries.productie_rows(con)
    grouped = rows.groupby(["corporatie", "gemeente", "jaar", "soort"])["aantal"].sum()
    return [
        {"corporatie": c, "gemeente": g, "jaar": int(j), "soort": s, "aantal": int(n)}
        for (c, g, j, s), n in grouped.items()
    ]


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


def years(dimensions: dict[str, list]) -> list[int]:
    """The years the data reports on: stock verslagjaren and production years."""
    stock = {verslagjaar(d) for d in dimensions["peildata"]}
    return sorted(stock | {int(y) for y in dimensions["productiejaren"]})


# ---- the facade the pages use: every read and write of the shell goes through these ------------


def db_path() -> Path:
    """The database file the app opens (``PRESTATIE_DB`` or ``data/prestatie.duckdb``)."""
    return store.db_path()


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever an import, a replacement, an undo or an agreement changes; for caches."""
    return queries.version(con)


def dimensions(con: duckdb.DuckDBPyConnection) -> dict:
    """The gemeenten, corporaties, peildata and production years in force, for the filters, and
    per gemeente the corporations with data there (``corporaties_per_gemeente``)."""
    return queries.dimensions(con)


@dataclass(frozen=True)
class Choices:
    """What the sidebar offers: the names with data first, then those only an agreement names."""

    gemeenten: tuple[str, ...]
    corporaties: tuple[str, ...]
    gemeenten_without_data: frozenset[str]
    corporaties_without_data: frozenset[str]  # in the gemeente asked for


def sidebar_choices(
    dims: dict, agreements: list[schema.Agreement], gemeente: str | None = None
) -> Choices:
    """The gemeenten and corporaties to choose from, each part by name: those with data first,
    then those an agreement names without data; the corporaties narrowed to `gemeente` (None:
    every gemeente)."""
    planned: dict[str, set[str]] = {}
    for agreement in agreements:
        names = planned.setdefault(agreement.document.gemeente, set())
        names |= set(register.corporaties(agreement))
        names |= {c for doel in agreement.doelen for c in doel.corporaties}
    if gemeente is None:
        data = set(dims["corporaties"])
        plans = set().union(*planned.values())
    else:
        data = set(dims["corporaties_per_gemeente"].get(gemeente, ()))
        plans = planned.get(gemeente, set())
    with_data = set(dims["gemeenten"])
    return Choices(
        gemeenten=_with_data_first(with_data, set(planned)),
        corporaties=_with_data_first(data, plans),
        gemeenten_without_data=frozenset(set(planned) - with_data),
        corporaties_without_data=frozenset(plans - data),
    )


def _with_data_first(data: set[str], others: set[str]) -> tuple[str, ...]:
    return (*sorted(data, key=namen.key), *sorted(others - data, key=namen.key))


def batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import with its state."""
    return queries.batches(con)


def has_demo_data(con: duckdb.DuckDBPyConnection) -> bool:
    return queries.has_demo_data(con)


def demo_notice(con: duckdb.DuckDBPyConnection) -> str | None:
    """The words of the demo notice: all figures invented, or (with real imports in force too)
    which corporaties' figures are; None without demonstration imports in force."""
    batches_ = queries.batches(con)
    active = batches_[batches_["stand"] == "actief"]
    demo = active[active["demo"]]
    if demo.empty:
        return None
    advice = "Verwijder de demo op de pagina *Gegevens* om alleen uw eigen bestanden te zien."
    if active["demo"].all():
        return (
            "**Demonstratiegegevens.** Alle cijfers op dit scherm zijn verzonnen, om te laten "
            f"zien wat prestatie doet. {advice}"
        )
    invented = sorted(set(demo["corporatie"].dropna()))
    return (
        f"**Deels demonstratiegegevens.** De cijfers van {', '.join(invented)} uit de demo zijn "
        f"verzonnen; uw eigen imports staan ernaast. {advice}"
    )


def save_uploads(
    con: duckdb.DuckDBPyConnection, uploads: list, wie: Gebruiker | None
) -> list[store.WriteResult]:
    """Write accepted uploads (:func:`prestatie.inlezen.ingest.parse`) in one transaction, if
    ``wie`` may read in every one of them (else NotPermitted and nothing is written)."""
    writes = [
        Handeling(rechten.IMPORT, p.meta.corporatie, p.meta.gemeente, p.file) for p in uploads
    ]
    for write in writes:
        _permit(con, wie, write)
    with store.transaction(con):  # the rows and their lines in the log, or neither
        results = store.save(con, uploads, gebruiker=wie.wie)
        entries = []
        for p, write, result in zip(uploads, writes, results, strict=True):
            if not result.nieuw:
                continue
            text = f"{p.file}: import {result.batch_id}, {p.rows} rijen"
            if result.vervangen:
                text += f"; vervangt import {', '.join(map(str, result.vervangen))}"
            kind = rechten.VERVANGING if result.vervangen else rechten.IMPORT
            entries.append(_entry(wie, Handeling(kind, write.corporatie, write.gemeente), text))
        logboek.write(con, entries)
    return results


def import_paths(
    con: duckdb.DuckDBPyConnection,
    paths: list[Path],
    hints,
    wie: Gebruiker | None,
) -> list[tuple]:
    """Parse every file first, then write them together as ``wie``: one bad file writes
    nothing (:func:`save_uploads`)."""
    parsed = [ingest.parse(str(p), Path(p).read_bytes(), hints) for p in paths]
    return list(zip(parsed, save_uploads(con, parsed, wie), strict=True))


UndoRefused = store.UndoRefused  # an import that is unknown, undone or replaced


def undo_import(con: duckdb.DuckDBPyConnection, batch_id: int, wie: Gebruiker | None) -> None:
    """Take an import out of force; the imports it had replaced come back. NotPermitted unless
    ``wie`` may undo that corporation's imports."""
    rows = queries.batches(con)
    row = rows[rows["id"] == int(batch_id)]
    corporatie = None if row.empty else row.iloc[0]["corporatie"]
    gemeente = None if row.empty else row.iloc[0]["gemeente"]
    subject = f"import {int(batch_id)}"
    write = Handeling(rechten.ONGEDAAN, _text_or_none(corporatie), _text_or_none(gemeente), subject)
    _permit(con, wie, write)
    bestand = "" if row.empty else f" ({row.iloc[0]['bestand']})"
    with store.transaction(con):
        store.undo_batch(con, int(batch_id))
        _log(con, wie, write, f"import {int(batch_id)}{bestand} ongedaan gemaakt")


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


def remove_demo(con: duckdb.DuckDBPyConnection, wie: Gebruiker | None) -> int:
    """Take every demonstration import out of force; returns how many (beheerder only)."""
    write = Handeling(rechten.DEMO)
    _permit(con, wie, write)
    with store.transaction(con):
        removed = store.undo_demo(con)
        _log(con, wie, write, f"{removed} demonstratie-imports verwijderd")
    return removed


def load_demo(con: duckdb.DuckDBPyConnection, wie: Gebruiker | None) -> int:
    """Read in the demonstration data set (beheerder only); returns the rows read."""
    write = Handeling(rechten.DEMO_INLEZEN)
    _permit(con, wie, write)
    with store.transaction(con):
        rows = demobestanden.load(con)
        _log(con, wie, write, f"demonstratiegegevens ingelezen: {rows} rijen")
    return rows


def clear_data(con: duckdb.DuckDBPyConnection, wie: Gebruiker | None) -> None:
    """Remove every imported row and batch (beheerder only); the log stays."""
    write = Handeling(rechten.LEEG)
    _permit(con, wie, write)
    with store.transaction(con):
        store.clear_data(con)
        _log(con, wie, write, "alle ingelezen gegevens verwijderd")


def status_history(con: duckdb.DuckDBPyConnection, document: str | None = None) -> pd.DataFrame:
    """Every status set in the register (append-only), of one document or all."""
    return register_store.status_history(con, document)


def set_status(
    con: duckdb.DuckDBPyConnection,
    document: str,
    nummer: str,
    jaar: int,
    status: str,
    notitie: str,
    wie: Gebruiker | None,
    seen=...,
) -> None:
    """Record the stand of an agreement in a year as ``wie`` (NotPermitted unless a beheerder
    or the gemeente of the document); ``seen`` the latest entry the user saw
    (:func:`latest_status_id`): a save that crossed another one's raises
    :class:`prestatie.opslag.register_store.StatusCrossed` and writes nothing."""
    agreement = next((a for a in agreements(con) if a.document.id == document), None)
    if agreement is not None and (refused := register.status_year_refused(agreement, jaar)):
        raise register.YearOutsidePeriod(refused)
    gemeente = agreement.document.gemeente if agreement is not None else None
    write = Handeling(rechten.STATUS, gemeente=gemeente, onderwerp=f"{nummer} in {jaar}")
    _permit(con, wie, write)
    note = f": {notitie}" if notitie else ""
    with store.transaction(con):
        register_store.set_status(con, document, nummer, jaar, status, notitie, wie.wie, seen)
        _log(con, wie, write, f"{document} afspraak {nummer}, {jaar}: status “{status}”{note}")


def latest_status_id(con: duckdb.DuckDBPyConnection, document: str, nummer: str, jaar: int):
    """The latest status entry of an agreement in a year, for :func:`set_status`'s ``seen``."""
    return register_store.latest_status_id(con, document, nummer, jaar)


StatusCrossed = register_store.StatusCrossed
NotPermitted = rechten.NotPermitted


VersionRefused = versiecheck.VersionRefused


def check_agreement_version(
    con: duckdb.DuckDBPyConnection, document: str, new: schema.Agreement
) -> versiecheck.VersionCheck:
    """What stands between a checked new version and storing it for ``document``
    (:mod:`prestatie.afspraken.versiecheck`): refusals, a confirmation, warnings."""
    current = next((a for a in agreements(con) if a.document.id == document), None)
    return versiecheck.check(new, document, current, queries.dimensions(con)["gemeenten"])


def save_agreement_version(
    con: duckdb.DuckDBPyConnection,
    document: str,
    toml: str,
    bron: str,
    wie: Gebruiker | None,
    *,
    confirmed: bool = False,
) -> int | None:
    """Put a new version of an agreement document in force; returns its number (None when it
    equals the version in force). Beheerder only. Raises :class:`VersionRefused` when the text
    does not read, is another document's, or drops every target without ``confirmed``."""
    gemeente = _document_gemeente(con, document)
    write = Handeling(rechten.AFSPRAKEN, gemeente=gemeente, onderwerp=document)
    _permit(con, wie, write)  # first: who may not, learns nothing about the text
    try:
        new = toml_reader.parse_agreement(toml, f"{_document_id(toml) or document}.toml")
    except toml_reader.TargetFileError as error:
        raise VersionRefused(str(error)) from None
    found = check_agreement_version(con, document, new)
    if found.refused:
        raise VersionRefused(" ".join(found.refused))
    if found.confirm and not confirmed:
        raise VersionRefused(f"{found.confirm} Bevestig dat dit de bedoeling is.")
    with store.transaction(con):
        version = register_store.save_version(con, document, toml, bron, wie.wie)
        if version is not None:
            _log(con, wie, write, f"{document}: versie {version} ({bron})")
    return version


def _document_gemeente(con, document: str) -> str | None:
    return next((a.document.gemeente for a in agreements(con) if a.document.id == document), None)


def _document_id(toml: str) -> str | None:
    """The id a TOML text gives its document, if it reads that far."""
    try:
        id_ = tomllib.loads(toml).get("document", {}).get("id")
    except (tomllib.TOMLDecodeError, AttributeError):
        return None
    return id_ if isinstance(id_, str) else None


def agreement_versions(con: duckdb.DuckDBPyConnection, document: str) -> pd.DataFrame:
    return register_store.versions(con, document)


def undo_agreement_version(
    con: duckdb.DuckDBPyConnection, document: str, wie: Gebruiker | None
) -> int | None:
    """Undo the latest version of a document; returns the version in force again, if any.
    Beheerder only."""
    gemeente = _document_gemeente(con, document)
    write = Handeling(rechten.AFSPRAKEN, gemeente=gemeente, onderwerp=document)
    _permit(con, wie, write)
    with store.transaction(con):
        back = register_store.undo_version(con, document)
        now = f"versie {back} geldt weer" if back else "het oorspronkelijke document geldt weer"
        _log(con, wie, write, f"{document}: laatste versie ongedaan, {now}")
    return back


# ---- who may write: the roles in force, the users, the log -------------------------------------


def roles_path() -> Path:
    """The roles file read until a beheerder saves roles in the app (``PRESTATIE_ROLLEN`` or
    ``data/rollen.toml``)."""
    return (
        Path(os.environ["PRESTATIE_ROLLEN"]) if os.environ.get("PRESTATIE_ROLLEN") else ROLES_FILE
    )


def roles(con: duckdb.DuckDBPyConnection) -> rollen.Rollen:
    """The roles in force: the latest saved in the app, else the roles file, else none (every
    logged-in user a lezer). Raises rollen.InvalidRoles for a file that cannot be used."""
    text = logboek.roles_text(con)
    if text is not None:
        return rollen.read_rules(text, "rollen in de database")
    path = roles_path()
    if not path.exists():
        return rollen.Rollen()
    return rollen.read_rules(path.read_text(encoding="utf-8"), path.name)


def user_for(con: duckdb.DuckDBPyConnection, email: str, naam: str | None = None) -> Gebruiker:
    """The logged-in user of an e-mail address with the role the roles in force give."""
    return rollen.user_for(roles(con), email, naam)


def save_roles(con: duckdb.DuckDBPyConnection, new: rollen.Rollen, wie: Gebruiker | None) -> int:
    """Put new roles in force (beheerder only); returns the version's number."""
    write = Handeling(rechten.ROLLEN)
    _permit(con, wie, write)
    old = roles(con)
    with store.transaction(con):
        version = logboek.save_roles(con, rollen.rules_toml(new), wie.wie)
        _log(con, wie, write, f"rollen versie {version}: " + rollen.changes(old, new))
    return version


def log_login(con: duckdb.DuckDBPyConnection, wie: Gebruiker) -> None:
    """Note in the log that a logged-in user opened the app (once per session)."""
    _log(con, wie, Handeling(rechten.AANGEMELD), f"aangemeld als {rollen.describe(wie)}")


def log_entries(
    con: duckdb.DuckDBPyConnection,
    gebruikers: list[str] | None = None,
    handelingen: list[str] | None = None,
    van: date | None = None,
    tot: date | None = None,
) -> pd.DataFrame:
    """The log of writes, newest first, narrowed to users, kinds of write and days."""
    return logboek.entries(con, gebruikers, handelingen, van, tot)


def log_choices(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The users and kinds of write in the log, for its filters."""
    return logboek.choices(con)


def _entry(wie: Gebruiker | None, write: Handeling, text: str, refused: bool = False) -> dict:
    return {
        "gebruiker": wie.wie if wie is not None else "(geen gebruiker)",
        "rol": rollen.describe(wie) if wie is not None else "-",
        "handeling": write.soort,
        "corporatie": write.corporatie,
        "gemeente": write.gemeente,
        "omschrijving": text,
        "geweigerd": refused,
    }


def _log(con, wie: Gebruiker | None, write: Handeling, text: str) -> None:
    logboek.write(con, [_entry(wie, write, text)])


def _permit(con, wie: Gebruiker | None, write: Handeling) -> None:
    """Every write asks here: NotPermitted (and a line in the log) unless the role allows it."""
    if (reason := rechten.refusal(wie, write)) is None:
        return
    _log_refusal(con, wie, write, reason)
    rechten.check(wie, write)


def _log_refusal(con, wie, write: Handeling, reason: str) -> None:
    logboek.write(con, [_entry(wie, write, f"geweigerd: {reason}", refused=True)])


def stock(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    by: tuple[str, ...] = counts.KEYS,
    huur: str = huurregel.KALE_HUUR,
) -> pd.DataFrame:
    """The counts of the stock per verslagjaar in the selection (:func:`counts.stock`)."""
    f = filters or Filters()
    return counts.stock(
        con,
        f.gemeente,
        f.corporatie,
        [f.jaar] if f.jaar else None,
        by=by,
        rekenhuur=huur == huurregel.REKENHUUR,
    )


# The columns the counts of the stock can be grouped by (pages name them through the facade).
STOCK_KEYS = counts.KEYS


def rent_bins(
    con: duckdb.DuckDBPyConnection,
    peildatum: date | None,
    gemeente: str | None = None,
    corporatie: str | None = None,
    huur: str = huurregel.KALE_HUUR,
    jaar: int | None = None,
) -> pd.DataFrame:
    """Homes per rent in whole cents on a peildatum (or in the stock per verslagjaar of
    ``jaar``) in the selection (:func:`counts.rent_bins`)."""
    rekenhuur = huur == huurregel.REKENHUUR
    return counts.rent_bins(con, peildatum, gemeente, corporatie, jaar=jaar, rekenhuur=rekenhuur)


def transitions(
    con: duckdb.DuckDBPyConnection,
    van: date,
    naar: date,
    gemeente: str | None = None,
    corporatie: str | None = None,
) -> pd.DataFrame:
    """Homes per label on two peildata, matched by vhe number (:func:`counts.transitions`)."""
    return counts.transitions(con, van, naar, gemeente, corporatie)


def huursom(con: duckdb.DuckDBPyConnection, gemeente: str | None = None) -> pd.DataFrame:
    """The huursomstijging per corporatie × gemeente × verslagjaar of the homes on both
    peildata (:func:`prestatie.opslag.huurstijging.huursom`)."""
    return huurstijging.huursom(con, gemeente)


def largest_increases(
    con: duckdb.DuckDBPyConnection, gemeente: str, corporaties, jaar: int, limit: int = 100
) -> tuple[pd.DataFrame, int]:
    """The homes with the largest rent increase into ``jaar``, and how many there are."""
    return huurstijging.largest_increases(con, gemeente, corporaties, jaar, limit)


def linked_production(
    con: duckdb.DuckDBPyConnection,
    gemeente: str,
    corporaties,
    soort: str,
    jaren,
    labels=None,
    limit: int = 500,
) -> tuple[pd.DataFrame, int]:
    """Production rows linked by vhe number to the label before (:mod:`opslag.koppeling`)."""
    return koppeling.linked_rows(con, gemeente, corporaties, soort, jaren, labels, limit)


def vhe_count(con: duckdb.DuckDBPyConnection, specs) -> int:
    """How many vhe rows ``specs`` describe."""
    return counts.vhe_count(con, specs)


def vhe_rows(
    con: duckdb.DuckDBPyConnection,
    specs,
    *,
    limit: int | None = 500,
    offset: int = 0,
    order: str = "vhe",
) -> tuple[pd.DataFrame, int]:
    """A page of the vhe rows that ``specs`` (:class:`prestatie.beoordeling.selectie.Rows`)
    describe, in a named order (:data:`prestatie.opslag.counts.ORDERS`), and how many there
    are in all; ``limit`` None: all of them."""
    return counts.vhe_page(con, specs, limit=limit, offset=offset, order=order)


def production(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    f = filters or Filters()
    rows = queries.productie_rows(con, f.corporatie, f.gemeente)
    return rows[rows["jaar"] == f.jaar] if f.jaar else rows


def register_table(
    con: duckdb.DuckDBPyConnection,
    evaluations: list[status.Evaluation],
    jaar: int,
    gemeente: str | None = None,
    plans: list[schema.Agreement] | None = None,
) -> pd.DataFrame:
    """Every agreement with its stand in ``jaar`` and the measured status of the quantitative
    ones; see :func:`prestatie.afspraken.register.table`. ``plans``: the agreements in force,
    when the caller has read them already (else they are read)."""
    standen = register.latest(register_store.status_history(con))
    plans = agreements(con) if plans is None else plans
    return register.table(plans, evaluations, standen, jaar, gemeente)


def verhuring_count(con: duckdb.DuckDBPyConnection, **selection) -> int:
    """How many lettings in force a selection (gemeente, corporatie, jaar, route) holds."""
    return verhuurtelling.row_count(con, **selection)


def verhuring_rows(
    con: duckdb.DuckDBPyConnection, limit: int | None = 200, offset: int = 0, **selection
) -> pd.DataFrame:
    """A page of the lettings in force of a selection (gemeente, corporatie, jaar, route)."""
    return verhuurtelling.rows_page(con, limit=limit, offset=offset, **selection)


def leefbaarheid(con: duckdb.DuckDBPyConnection, gemeente: str | None = None) -> pd.DataFrame:
    """The Leefbaarometer scores in force per area and year of a gemeente (None: all), with the
    file, row and column each came from."""
    return queries.leefbaarheid_rows(con, gemeente)
