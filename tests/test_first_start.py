"""A first start stopped while the demo loads (killed, power cut) does not leave the database
empty for good: the next start loads the demo. A user who removed the demo keeps it removed."""

from __future__ import annotations

import pytest

from prestatie import dashboard
from prestatie.demo import demobestanden
from prestatie.opslag import queries
from prestatie.toegang import rollen


class Killed(BaseException):
    """Stands for the process being killed halfway through loading the demo."""


def test_a_first_start_killed_while_the_demo_loads_loads_it_on_the_next_start(
    tmp_path, monkeypatch
):
    db = tmp_path / "prestatie.duckdb"

    def killed(con, folder=None):
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(demobestanden, "load", killed)
        with pytest.raises(Killed):
            dashboard.open_database(db)
    assert db.exists()
    con = dashboard.open_database(db)
    assert dashboard.has_demo_data(con)
    batches = queries.batches(con)
    con.close()
    # the corporations' files, and the Leefbaarometer scores (a file of no corporation)
    assert set(batches["corporatie"].dropna()) == {"Domesta", "Lefier", "Woonservice"}
    fresh = dashboard.open_database(tmp_path / "fris.duckdb")
    assert len(batches) == len(queries.batches(fresh))
    fresh.close()


def test_the_demo_is_loaded_once_and_stays_removed(tmp_path):
    db = tmp_path / "prestatie.duckdb"
    con = dashboard.open_database(db)
    count = len(dashboard.batches(con))
    dashboard.remove_demo(con, rollen.lokaal())
    con.close()
    con = dashboard.open_database(db)
    assert not dashboard.has_demo_data(con) and len(dashboard.batches(con)) == count
    con.close()


def test_the_command_line_never_loads_the_demo_into_a_file_the_app_began(tmp_path, monkeypatch):
    db = tmp_path / "prestatie.duckdb"
    with monkeypatch.context() as m:
        m.setattr(demobestanden, "load", lambda con, folder=None: (_ for _ in ()).throw(Killed))
        with pytest.raises(Killed):
            dashboard.open_database(db)
    con = dashboard.open_database(db, demo=False)  # what the CLI opens
    assert dashboard.batches(con).empty
    con.close()
    con = dashboard.open_database(db)  # the app's next start
    assert dashboard.has_demo_data(con)
    con.close()
