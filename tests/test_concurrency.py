"""Two sessions importing at the same time both land, and a reader never sees half an import.

As in the app: one DuckDB connection per process, a cursor per session (thread).
"""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd

from prestatie.inlezen import ingest
from prestatie.inlezen.records import Batch
from prestatie.opslag import store

ROWS = 60_000


def stock_csv(corporatie: str, n: int) -> bytes:
    lines = [f"{corporatie} Emmen", "Peildatum: 31-12-2023", "VHE;Kale huur;Label"]
    lines += [f"{corporatie[:2]}{i};600,00;B" for i in range(n)]
    return "\n".join(lines).encode()


def test_two_sessions_importing_at_once_both_land(tmp_path):
    con = store.connect(tmp_path / "db.duckdb")
    uploads = [
        ingest.parse("lefier.csv", stock_csv("Lefier", 3_000)),
        ingest.parse("domesta.csv", stock_csv("Domesta", 2_000)),
    ]
    errors: list[BaseException] = []

    def session(parsed):
        try:
            store.save(con.cursor(), [parsed])
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(p,)) for p in uploads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    counts = dict(con.execute("SELECT corporatie, count(*) FROM actieve_vhe GROUP BY 1").fetchall())
    assert counts == {"Lefier": 3_000, "Domesta": 2_000}
    assert con.execute("SELECT count(*) FROM actieve_batch").fetchone() == (2,)


def test_a_reader_sees_nothing_or_everything_of_an_import(tmp_path):
    con = store.connect(tmp_path / "db.duckdb")
    frame = pd.DataFrame(
        {
            "bron_rij": range(2, ROWS + 2),
            "corporatie": "Lefier",
            "gemeente": "Emmen",
            "peildatum": date(2023, 12, 31),
            "vhe_id": [f"L{i}" for i in range(ROWS)],
            "huur_cent": 60_000,
            "label": "B",
            "aantal": 1.0,
        }
    )
    batch = Batch(
        "groot.xlsx", "sha", "voorraad", "Lefier", "Emmen", date(2023, 12, 31), None, None, ROWS
    )
    seen: set[int] = set()
    done = threading.Event()

    def reader():
        cursor = con.cursor()
        while not done.is_set():
            seen.add(cursor.execute("SELECT count(*) FROM actieve_vhe").fetchone()[0])
        seen.add(cursor.execute("SELECT count(*) FROM actieve_vhe").fetchone()[0])

    watcher = threading.Thread(target=reader)
    watcher.start()
    try:
        store.write_batch(con.cursor(), batch, frame)
    finally:
        done.set()
        watcher.join()
    assert seen <= {0, ROWS} and ROWS in seen
