"""The upload is read once per file, not on every rerun; two sessions importing the same
corporatie × gemeente × peildatum are told that one replaced the other."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.inlezen import ingest
from ui import upload

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def stock(rent: int) -> bytes:
    return (
        "Woonservice Borger-Odoorn\nPeildatum: 31-12-2023\n\nVHE;Dorp;Huurprijs;Label\n"
        + "".join(f"WS{i};Exloo;€ {rent + i:d},00;B\n" for i in range(5))
    ).encode("cp1252")


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "leeg.duckdb"
    dashboard.open_database(path, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(path))
    return path


def gegevens() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    return at


def button(at: AppTest, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def test_a_file_is_read_once_across_reruns(db, monkeypatch):
    calls = []
    real = ingest.parse

    def counting(name, content, hints=None):
        calls.append(name)
        return real(name, content, hints)

    monkeypatch.setattr(upload.ingest, "parse", counting)
    at = gegevens()
    at.file_uploader[0].upload("voorraad.csv", stock(500), "text/csv").run()
    assert calls == ["voorraad.csv"]
    for name in ("A", "An", "Ann", "Anna"):  # typing the name: a rerun per keystroke
        at.text_input(key="gebruiker").input(name).run()
    assert not at.exception
    assert calls == ["voorraad.csv"]
    assert any("5 rijen" in m.value for m in at.markdown)  # the kept reading is shown
    # a new choice for the file is a new reading, once
    key = hashlib.sha1(f"voorraad.csv:{len(stock(500))}".encode()).hexdigest()[:10]
    at.selectbox(key=f"kind_{key}").select("voorraadlijst")
    button(at, "Opnieuw lezen").click().run()
    at.text_input(key="gebruiker").input("Anna B").run()
    assert not at.exception
    assert calls == ["voorraad.csv", "voorraad.csv"]


def test_two_sessions_importing_the_same_key_are_told(db):
    """Anna and Bert upload a stock list of the same corporatie, gemeente and peildatum: Bert's
    import replaces Anna's; Bert reads that it did, Anna reads it on her next visit."""
    anna, bert = gegevens(), gegevens()
    for at, name, content in ((anna, "Anna", stock(500)), (bert, "Bert", stock(600))):
        at.file_uploader[0].upload(f"voorraad {name}.csv", content, "text/csv").run()
        at.text_input(key="gebruiker").input(name).run()
        button(at, "Inlezen").click().run()
        assert not at.exception
    [done] = bert.success
    assert "Dit vervangt import 1 (voorraad Anna.csv, door Anna)." in done.value
    assert not anna.info or not any("vervangen" in i.value for i in anna.info)
    anna.run()
    told = [i.value for i in anna.info if "vervangen" in i.value]
    assert told == [
        "Uw import 1 (voorraad Anna.csv) is vervangen door import 2 (voorraad Bert.csv, "
        "ingelezen door Bert); die telt nu voor deze corporatie, gemeente en peildatum."
    ]
    anna.run()  # said once
    assert not any("vervangen" in i.value for i in anna.info)
