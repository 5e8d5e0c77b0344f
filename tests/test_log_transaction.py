"""Every write and its line in the log commit in one transaction: when writing the line fails
the change is rolled back, when the change fails no line is written, and the database takes the
next write as usual. A crash between the two can leave neither a change without its line nor a
line without its change."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie import dashboard
from prestatie.afspraken import toml_reader
from prestatie.inlezen import ingest
from prestatie.opslag import logboek, queries, register_store, store
from prestatie.referentie import partijen
from prestatie.toegang import rollen

BEHEER = rollen.lokaal("Beheer")
BO = "borger-odoorn-2023"
BO_TEXT = (toml_reader.default_folder() / f"{BO}.toml").read_text(encoding="utf-8")
NEW_TEXT = BO_TEXT.replace(
    'titel = "Prestatieafspraken 2023 Borger-Odoorn"',
    'titel = "Prestatieafspraken 2023 Borger-Odoorn (herzien)"',
    1,
)


class LogBroken(Exception):
    """The log line could not be written (a full disk, a crash)."""


def stock(corporatie: str = "Domesta") -> ingest.Parsed:
    text = "VHE;Huurprijs;Label\nV1;500,00;B\nV2;600,00;C\n"
    hints = ingest.Hints(corporatie=corporatie, gemeente="Emmen", peildatum=date(2023, 12, 31))
    return ingest.parse(f"voorraad {corporatie}.csv", text.encode(), hints)


@pytest.fixture
def db(tmp_path):
    con = dashboard.open_database(tmp_path / "t.duckdb", demo=False)
    yield con
    con.close()


def lines(con) -> int:
    return con.execute("SELECT count(*) FROM logboek").fetchone()[0]


def state(con) -> tuple:
    """Everything a write through the facade can change, besides the log."""
    return (
        con.execute("SELECT count(*), count(ongedaan) FROM batch").fetchone(),
        con.execute("SELECT count(*) FROM vhe").fetchone()[0],
        len(register_store.status_history(con)),
        len(register_store.versions(con, BO)),
        queries.documents(con)[BO],
        logboek.roles_text(con),
        queries.added_corporaties(con),
    )


def _import(con):
    dashboard.save_uploads(con, [stock()], BEHEER)


def _undo(con):
    dashboard.undo_import(con, int(dashboard.batches(con)["id"].iloc[0]), BEHEER)


def _version(con):
    dashboard.save_agreement_version(con, BO, NEW_TEXT, "tabel", BEHEER)


# (name, what comes before, the write)
WRITES = [
    ("import", None, _import),
    ("undo", _import, _undo),
    ("status", None, lambda c: dashboard.set_status(c, BO, "A1", 2023, "loopt", "", BEHEER)),
    ("version", None, _version),
    ("undo version", _version, lambda c: dashboard.undo_agreement_version(c, BO, BEHEER)),
    ("roles", None, lambda c: dashboard.save_roles(c, rollen.Rollen(), BEHEER)),
    ("corporatie", None, lambda c: dashboard.add_corporatie(c, "Woonstad Zuidwest", [], BEHEER)),
    ("clear", _import, lambda c: dashboard.clear_data(c, BEHEER)),
]


@pytest.mark.parametrize(("name", "before", "write"), WRITES, ids=[w[0] for w in WRITES])
def test_a_failing_log_line_rolls_the_change_back(db, monkeypatch, name, before, write):
    if before:
        before(db)
    was, had = state(db), lines(db)

    def broken(con, entries):
        raise LogBroken

    monkeypatch.setattr(logboek, "write", broken)
    with pytest.raises(LogBroken):
        write(db)
    assert state(db) == was
    assert lines(db) == had
    assert "Woonstad Zuidwest" not in partijen.corporaties()  # not known without its row

    monkeypatch.undo()  # the database takes the same write afterwards, with its line
    write(db)
    assert state(db) != was
    assert lines(db) == had + 1


def test_a_failing_change_writes_no_line(db, monkeypatch):
    _import(db)
    had = lines(db)

    def broken(con, batch_id):
        con.execute("UPDATE batch SET ongedaan = now() WHERE id = ?", [batch_id])
        raise RuntimeError("crash halfway")

    monkeypatch.setattr(store, "undo_batch", broken)
    with pytest.raises(RuntimeError):
        _undo(db)
    assert lines(db) == had
    assert db.execute("SELECT count(ongedaan) FROM batch").fetchone()[0] == 0


def test_a_refused_write_keeps_its_line(db):
    """The refusal is written on its own: it is what happened, and nothing else was."""
    lezer = rollen.Gebruiker(email="p@x.nl", naam="P", rol="lezer")
    with pytest.raises(dashboard.NotPermitted):
        dashboard.save_uploads(db, [stock()], lezer)
    [refused] = dashboard.log_entries(db)["geweigerd"]
    assert refused
    assert db.execute("SELECT count(*) FROM batch").fetchone()[0] == 0


def test_a_transaction_inside_another_commits_with_it(db):
    with pytest.raises(LogBroken), store.transaction(db):
        store.set_demo_state(db, store.DEMO_LOADED)  # its own transaction joins this one
        raise LogBroken
    assert store.demo_state(db) != store.DEMO_LOADED
