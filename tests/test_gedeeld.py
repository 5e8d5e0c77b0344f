"""The app and the command line share the database file: a scheduled ``prestatie import`` runs
while the app is up, and whoever finds the file busy waits a little, then says so in Dutch.

The app holds the file only while a script run needs it (ui/verbinding.py); DuckDB lets one
process at a time open it, so these tests use real second processes, never threads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.browser import choose, new_page, wait_for_app
from tests.gedeeld_helpers import Holder

ROOT = Path(__file__).resolve().parents[1]
STOCK = (
    "Woonservice Drenthe\n"
    "Peildatum: 31-12-2023\n"
    "\n"
    "Eenheidnummer;Plaats;Kale huur;Energielabel\n"
    "WS1;Assen;450,00;A\n"
    "WS2;Assen;647,19;B\n"
    "WS3;Assen;900,00;C\n"
)


def cli(*args, wait: float | None = None):
    env = dict(os.environ)
    if wait is not None:
        env["PRESTATIE_DB_WACHTTIJD"] = str(wait)
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
def stock_file(tmp_path) -> Path:
    path = tmp_path / "voorraad woonservice assen.csv"
    path.write_text(STOCK, encoding="utf-8")
    return path


def test_the_cli_gives_up_on_a_held_file_with_a_dutch_message(demo_db):
    holder = Holder(demo_db)
    try:
        done = cli("batches", "--db", demo_db, wait=0.3)
    finally:
        holder.release()
    assert done.returncode == 3
    assert "in gebruik door een ander programma" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_cli_waits_until_the_file_is_free(demo_db, stock_file):
    holder = Holder(demo_db)
    threading.Timer(1.0, holder.release).start()  # let go while the import is waiting
    try:
        done = cli("import", stock_file, "--gemeente", "Assen", "--db", demo_db, wait=60)
    finally:
        holder.release()
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        homes = con.execute(
            "SELECT count(*) FROM vhe JOIN batch ON batch.id = vhe.batch_id "
            "WHERE batch.gemeente = 'Assen'"
        ).fetchone()[0]
    finally:
        con.close()
    assert homes == 3  # the three rows of STOCK


def test_the_app_says_in_dutch_that_the_file_is_busy_then_works(demo_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    monkeypatch.setenv("PRESTATIE_DB_WACHTTIJD", "0.3")
    holder = Holder(demo_db)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        assert not at.exception
        assert any("database is bezet" in w.value for w in at.warning), at.warning
        assert not at.title  # the page did not run
    finally:
        holder.release()
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overzicht prestatieafspraken"]


def test_between_runs_the_app_holds_no_file(demo_db, monkeypatch):
    """After a page run the file is free: another process can open it for writing."""
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception and at.title
    done = cli("batches", "--db", demo_db, "--json", wait=0)
    assert done.returncode == 0, done.stderr


def test_a_scheduled_import_beside_the_running_app(browser_db, demo_server, chromium, stock_file):
    """The real server: a visitor's page ran, ``prestatie import`` succeeds while the app is up,
    a reload shows the new data (the caches follow the data version in the database); undoing
    it from the command line brings the old view back."""
    from playwright.sync_api import expect

    page = new_page(chromium)
    try:
        page.goto(demo_server)
        wait_for_app(page)
        banner = page.get_by_test_id("stAlertContentWarning").first
        expect(banner).to_contain_text("Alle cijfers op dit scherm zijn verzonnen")

        done = cli("import", stock_file, "--gemeente", "Assen", "--db", browser_db)
        assert done.returncode == 0, done.stderr
        listed = json.loads(cli("batches", "--json", "--db", browser_db).stdout)
        [new] = [b for b in listed if b["gemeente"] == "Assen"]

        page.reload()
        wait_for_app(page)
        banner = page.get_by_test_id("stAlertContentWarning").first
        expect(banner).to_contain_text("Deels demonstratiegegevens.")
        choose(page, "Gemeente", "Assen")  # the cached gemeente list knows the new one
        wait_for_app(page)

        undone = cli("ongedaan", new["id"], "--db", browser_db)
        assert undone.returncode == 0, undone.stderr
        page.goto(demo_server)
        wait_for_app(page)
        banner = page.get_by_test_id("stAlertContentWarning").first
        expect(banner).to_contain_text("Alle cijfers op dit scherm zijn verzonnen")
    finally:
        page.context.close()
