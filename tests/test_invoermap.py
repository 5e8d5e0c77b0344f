"""``prestatie watch MAP``: files put in a folder are imported, moved to done/; refused ones go
to fout/ with the Dutch reason beside them; unfinished files wait; a busy database moves
nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from prestatie import dashboard
from tests.gedeeld_helpers import Holder

ROOT = Path(__file__).resolve().parents[1]
STOCK = (
    "Woonservice Drenthe\n"
    "Peildatum: 31-12-2023\n"
    "\n"
    "Eenheidnummer;Plaats;Kale huur;Energielabel\n"
    "WS1;Emmen;450,00;A\n"
    "WS2;Emmen;647,19;B\n"
    "WS3;Erica;900,00;C\n"
)
NONSENSE = "Boodschappen\nmelk;2\nbrood;1\n"


def cli(*args, wait: float = 30):
    env = {**os.environ, "PRESTATIE_DB_WACHTTIJD": str(wait)}
    return subprocess.run(
        [sys.executable, "-m", "prestatie.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        cwd=ROOT,
        env=env,
    )


@pytest.fixture
def folder(tmp_path) -> Path:
    """A watched folder: a stock list, a file that is no list, one still being written (.tmp)
    and one that changed a moment ago; the first two are old enough to be picked up."""
    inbox = tmp_path / "invoer"
    inbox.mkdir()
    (inbox / "voorraad woonservice emmen.csv").write_text(STOCK, encoding="utf-8")
    (inbox / "boodschappen.csv").write_text(NONSENSE, encoding="utf-8")
    (inbox / "halfweg.csv.tmp").write_text(STOCK, encoding="utf-8")
    old = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    fresh = inbox / "net binnen.csv"
    fresh.write_text(STOCK, encoding="utf-8")
    soon = time.time() + 3600  # changed "just now" however slowly the round starts
    os.utime(fresh, (soon, soon))
    return inbox


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "leeg.duckdb"
    dashboard.open_database(path, demo=False).close()
    return path


def homes(db: Path) -> int:
    return one(db, "SELECT count(*) FROM vhe")[0]


def one(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def test_one_round_imports_moves_and_explains(folder, db):
    done = cli("watch", folder, "--eenmaal", "--db", db)
    assert done.returncode == 2, done.stderr  # one file refused
    assert "voorraad woonservice emmen.csv: voorraad, Woonservice, 3 rijen" in done.stdout
    assert homes(db) == 3  # the three rows of STOCK
    # through the facade: in the log, as the local beheerder the watcher writes as by default
    assert one(db, "SELECT gebruiker, handeling, geweigerd FROM logboek") == (
        "mapbewaking",
        "import",
        False,
    )
    assert sorted(p.name for p in (folder / "done").iterdir()) == ["voorraad woonservice emmen.csv"]
    assert sorted(p.name for p in (folder / "fout").iterdir()) == [
        "boodschappen.csv",
        "boodschappen.csv.fout.txt",
    ]
    reason = (folder / "fout" / "boodschappen.csv.fout.txt").read_text(encoding="utf-8")
    assert reason.startswith("boodschappen.csv: geweigerd; de database is niet gewijzigd.\n- ")
    assert "Traceback" not in done.stderr
    # left alone: the unfinished file and the one that just arrived
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        "halfweg.csv.tmp",
        "net binnen.csv",
    ]


def test_the_same_file_again_changes_nothing_and_keeps_both(folder, db):
    cli("watch", folder, "--eenmaal", "--db", db)
    again = folder / "voorraad woonservice emmen.csv"
    again.write_text(STOCK, encoding="utf-8")
    old = time.time() - 60
    os.utime(again, (old, old))
    done = cli("watch", folder, "--eenmaal", "--db", db)
    assert "al ingelezen, niets gewijzigd" in done.stdout
    assert homes(db) == 3
    assert len(list((folder / "done").glob("*voorraad woonservice emmen.csv"))) == 2


def test_a_busy_database_moves_nothing(folder, db):
    holder = Holder(db)
    try:
        done = cli("watch", folder, "--eenmaal", "--db", db, wait=0.3)
    finally:
        holder.release()
    assert done.returncode == 0
    assert "De bestanden blijven staan." in done.stderr
    assert not (folder / "done").exists() and not (folder / "fout").exists()
    assert homes(db) == 0
