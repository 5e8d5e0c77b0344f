"""The pages by role, through AppTest: AppTest cannot log in through a provider, so the user is
put where the shell reads it (``ui.toegang.auth_settings`` and ``ui.toegang.identity``, the
one seam). Without login set up, every page says so in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from ui import toegang

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = ("overzicht", "betaalbaarheid", "duurzaamheid", "voorraad", "afspraken", "gegevens",
         "presenteren", "uitleg")  # fmt: skip
ROLES = """
[[gebruiker]]
wie = "beheer@emmen.nl"
rol = "beheerder"

[[gebruiker]]
wie = "anna@lefier.nl"
rol = "invoerder"
corporaties = ["Lefier"]

[[gebruiker]]
wie = "gerda@emmen.nl"
rol = "gemeente"
gemeente = "Emmen"

[[gebruiker]]
wie = "@emmen.nl"
gemeente = "Emmen"
"""


def stock_csv(corporatie: str) -> bytes:
    return (
        f"{corporatie} Emmen\nPeildatum: 31-12-2025\n\nVHE;Huurprijs;Label\n"
        + "".join(f"X{i};{600 + i},00;B\n" for i in range(4))
    ).encode()


@pytest.fixture
def app(demo_db, tmp_path, monkeypatch):
    """The app on a demo copy with the roles above; call it with an e-mail address (None:
    nobody logged in) to get an AppTest on the Gegevens page as that user."""
    roles = tmp_path / "rollen.toml"
    roles.write_text(ROLES, encoding="utf-8")
    monkeypatch.setenv("PRESTATIE_ROLLEN", str(roles))
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    monkeypatch.setattr(toegang, "auth_settings", lambda: {"client_id": "prestatie"})

    def as_user(email: str | None, page: str = "gegevens") -> AppTest:
        identity = None if email is None else toegang.Identity(email, email.split("@")[0])
        monkeypatch.setattr(toegang, "identity", lambda: identity)
        at = AppTest.from_file(APP, default_timeout=120)
        at.run()
        if email is not None:
            at.switch_page(f"views/{page}.py").run()
        assert not at.exception, at.exception
        return at

    return as_user


def labels(widgets) -> list[str]:
    return [w.label for w in widgets]


def texts(at: AppTest) -> str:
    return " ".join(
        str(e.value) for kind in ("markdown", "caption", "info", "error", "warning", "success")
        for e in getattr(at, kind)
    )  # fmt: skip


def test_nobody_logged_in_sees_only_the_login(app):
    at = app(None)
    assert labels(at.button) == ["Inloggen"]
    assert not at.title or at.title[0].value == "prestatie"
    assert not at.dataframe and not at.selectbox


def test_a_lezer_sees_no_upload_no_undo_no_demo_removal(app):
    at = app("piet@emmen.nl")
    assert not at.get("file_uploader")
    assert "U bent lezer (gemeente Emmen): u kunt alles bekijken en downloaden" in texts(at)
    assert "Import ongedaan maken" not in labels(at.selectbox)
    assert "Demonstratiegegevens verwijderen" not in labels(at.button)
    assert "Rollen bewerken" not in labels(at.toggle)
    assert [s.value for s in at.subheader][-1] == "Logboek"  # the log is for everyone
    assert "piet@emmen.nl · lezer (gemeente Emmen)" in " ".join(
        m.value for m in at.sidebar.markdown
    )
    assert toegang.LOCAL_NOTICE not in texts(at)


def test_the_lefier_invoerder_is_refused_a_domesta_file_and_reads_in_lefier(app, demo_db):
    at = app("anna@lefier.nl")
    undo = next(s for s in at.selectbox if s.label == "Import ongedaan maken")
    lefier = lefier_names(demo_db)
    assert len(lefier) == 14  # the demo: 4 + 3 stock lists, 1 bezitstabel, 2 production, 4 lettings
    assert sorted(undo.options) == sorted(f"{i}: {name}" for i, name in lefier)
    assert "Demonstratiegegevens verwijderen" not in labels(at.button)

    at.get("file_uploader")[0].upload("domesta.csv", stock_csv("Domesta"), "text/csv").run()
    said = " ".join(e.value for e in at.error)
    assert "anna@lefier.nl is invoerder voor Lefier en mag geen bestand van Domesta inlezen" in said
    assert not any(b.startswith("Inlezen") for b in labels(at.button))
    assert "Uw naam (komt in de lijst van imports)" not in labels(at.text_input)

    at.get("file_uploader")[0].upload("lefier.csv", stock_csv("Lefier"), "text/csv").run()
    next(b for b in at.button if b.label.startswith("Inlezen")).click().run()
    assert not at.exception, at.exception
    log = log_frame(at)
    assert (log.iloc[0]["Gebruiker"], log.iloc[0]["Handeling"]) == ("anna@lefier.nl", "import")


def lefier_names(db) -> list[tuple[int, str]]:
    """The Lefier imports in force, read from the database (not from the page)."""
    con = dashboard.open_database(db, demo=False)
    try:
        rows = dashboard.batches(con)
        rows = rows[(rows["stand"] == "actief") & (rows["corporatie"] == "Lefier")]
        return list(zip(rows["id"], rows["bestand"], strict=True))
    finally:
        con.close()


def log_frame(at: AppTest):
    return next(d.value for d in at.dataframe if list(d.value.columns)[:2] == ["Tijd", "Gebruiker"])


def test_the_beheerder_sees_every_write_and_the_roles(app):
    at = app("beheer@emmen.nl")
    assert at.get("file_uploader")
    assert "Demonstratiegegevens verwijderen" in labels(at.button)
    assert "Gebruikers en rollen" in [s.value for s in at.subheader]
    at.toggle(key="rollen_bewerken").set_value(True).run()
    assert "Rollen opslaan" in labels(at.button)


def test_statuses_only_for_the_gemeente_of_the_document(app):
    at = app("gerda@emmen.nl", page="afspraken")
    at.selectbox(key="afspraken_document").set_value("emmen-2019-2024").run()
    assert any(b.label.startswith("Status ") for b in at.button)
    assert "Uw naam" not in labels(at.text_input)
    at.selectbox(key="afspraken_document").set_value("borger-odoorn-2023").run()
    assert not any(b.label.startswith("Status ") for b in at.button)
    assert "Een status zetten kan alleen de beheerder of de gemeente Borger-Odoorn" in texts(at)
    assert "Alleen de beheerder kan afspraken en doelen wijzigen." in texts(at)


def test_local_mode_says_so_on_every_page(demo_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        notices = [c.value for c in at.caption if toegang.LOCAL_NOTICE in c.value]
        assert len(notices) == 1, page
    assert "Uitloggen" not in labels(at.button)
