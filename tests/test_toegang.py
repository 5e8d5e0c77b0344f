"""Roles and the rule book of writes: the rules as data, who may do what, refusals naming both
parties, and every write of the facade refused below the pages for a user who may not (also
without any user), with the database unchanged and the log saying who did what."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from prestatie import dashboard, export
from prestatie.inlezen import ingest
from prestatie.presenteren import tabellen
from prestatie.toegang import rechten, rollen
from prestatie.toegang.rechten import Handeling, NotPermitted

RULES = """
onbekend = "lezer"

[[gebruiker]]
wie = "Beheer@Emmen.nl"
rol = "beheerder"

[[gebruiker]]
wie = "anna@lefier.nl"
rol = "invoerder"
corporaties = ["Stichting Lefier"]

[[gebruiker]]
wie = "@domesta.nl"
rol = "invoerder"
corporaties = ["Domesta"]

[[gebruiker]]
wie = "gerda@emmen.nl"
rol = "gemeente"
gemeente = "gemeente emmen"

[[gebruiker]]
wie = "@emmen.nl"
gemeente = "Emmen"
"""


def stock(corporatie: str, rows: int = 3) -> ingest.Parsed:
    """A small stock list of a corporation in Emmen on 31-12-2023."""
    text = "VHE;Huurprijs;Label\n" + "".join(f"V{i};{500 + i},00;B\n" for i in range(rows))
    hints = ingest.Hints(corporatie=corporatie, gemeente="Emmen", peildatum=date(2023, 12, 31))
    return ingest.parse(f"voorraad {corporatie}.csv", text.encode(), hints)


@pytest.fixture
def roles():
    return rollen.read_rules(RULES)


@pytest.fixture
def db(tmp_path, roles, monkeypatch):
    """An empty database with the agreements, and the roles above in a file of its own."""
    path = tmp_path / "rollen.toml"
    path.write_text(RULES, encoding="utf-8")
    monkeypatch.setenv("PRESTATIE_ROLLEN", str(path))
    con = dashboard.open_database(tmp_path / "t.duckdb", demo=False)
    yield con
    con.close()


def user(con, email):
    return dashboard.user_for(con, email)


# ---- the rules as data ----------------------------------------------------------------------


def test_own_address_before_domain_and_unknown_is_lezer(roles):
    anna = rollen.user_for(roles, "Anna@Lefier.nl", "Anna")
    assert (anna.email, anna.naam, anna.rol, anna.corporaties) == (
        "anna@lefier.nl", "Anna", "invoerder", ("Lefier",)
    )  # fmt: skip
    assert rollen.user_for(roles, "beheer@emmen.nl").rol == "beheerder"
    gerda = rollen.user_for(roles, "gerda@emmen.nl")
    assert (gerda.rol, gerda.gemeente) == ("gemeente", "Emmen")
    piet = rollen.user_for(roles, "piet@emmen.nl")  # the domain: lezer of gemeente Emmen
    assert (piet.rol, piet.gemeente) == ("lezer", "Emmen")
    assert rollen.user_for(roles, "kees@domesta.nl").corporaties == ("Domesta",)
    assert rollen.user_for(roles, "x@elders.nl").rol == "lezer"
    closed = rollen.Rollen(roles.regels, onbekend="geen")
    assert rollen.user_for(closed, "x@elders.nl").rol == "geen"


def test_rules_written_as_toml_read_back_the_same(roles):
    assert rollen.read_rules(rollen.rules_toml(roles)) == roles
    table = rollen.rules_table(roles)
    assert rollen.rules_from_table(table, roles.onbekend) == roles


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[gebruiker]]\nwie = "anna"\n', "'anna' is geen e-mailadres"),
        ('[[gebruiker]]\nwie = "a@b.nl"\nrol = "baas"\n', "onbekende rol 'baas'"),
        ('[[gebruiker]]\nwie = "a@b.nl"\nrol = "invoerder"\n', "een invoerder heeft corporaties"),
        (
            '[[gebruiker]]\nwie = "a@b.nl"\nrol = "invoerder"\ncorporaties = ["Woonstadt"]\n',
            "onbekende corporatie 'Woonstadt'; bedoelt u Woonstad Rotterdam?",
        ),
        ('[[gebruiker]]\nwie = "a@b.nl"\nrol = "gemeente"\n', "heeft een gemeente nodig"),
        ('[[gebruiker]]\nwie = "a@b.nl"\n[[gebruiker]]\nwie = "A@b.nl"\n', "twee keer"),
        ('onbekend = "beheerder"\n', "onbekend moet 'lezer' of 'geen' zijn"),
    ],
)
def test_bad_rules_are_refused_naming_the_rule(text, message):
    with pytest.raises(rollen.InvalidRoles, match=message.replace("?", r"\?")):
        rollen.read_rules(text, "rollen.toml")


def test_table_rows_are_named_in_the_refusal(roles):
    table = rollen.rules_table(roles)
    table.loc[len(table)] = ["kees@x.nl", "gemeente", "", ""]
    with pytest.raises(rollen.InvalidRoles, match=r"rij 6 \(kees@x.nl\): de rol gemeente"):
        rollen.rules_from_table(table)


# ---- the rule book --------------------------------------------------------------------------


def test_refusals_name_both_parties(roles):
    anna = rollen.user_for(roles, "anna@lefier.nl")
    assert rechten.refusal(anna, Handeling(rechten.IMPORT, "Domesta")) == (
        "anna@lefier.nl is invoerder voor Lefier en mag geen bestand van Domesta inlezen"
    )
    assert rechten.may(anna, Handeling(rechten.IMPORT, "Lefier"))
    assert rechten.refusal(anna, Handeling(rechten.ONGEDAAN, "Domesta", onderwerp="import 7")) == (
        "anna@lefier.nl is invoerder voor Lefier en mag import 7 van Domesta niet ongedaan maken"
    )
    gerda = rollen.user_for(roles, "gerda@emmen.nl")
    assert rechten.may(gerda, Handeling(rechten.STATUS, gemeente="Emmen"))
    assert rechten.refusal(gerda, Handeling(rechten.STATUS, gemeente="Borger-Odoorn")) == (
        "gerda@emmen.nl is gemeente Emmen en mag geen status zetten in het register van "
        "Borger-Odoorn"
    )
    piet = rollen.user_for(roles, "piet@emmen.nl")
    assert rechten.refusal(piet, Handeling(rechten.IMPORT, "Lefier")) == (
        "piet@emmen.nl is lezer (gemeente Emmen) en mag geen bestanden inlezen"
    )
    assert rechten.refusal(anna, Handeling(rechten.DEMO)) == (
        "anna@lefier.nl is invoerder voor Lefier en mag de demonstratiegegevens niet verwijderen"
    )


def test_what_each_role_may_and_may_not(roles):
    """Every kind of write for each role, against the table of the issue written out by hand."""
    allowed = {
        "beheer@emmen.nl": set(rechten.SOORTEN),
        "anna@lefier.nl": {rechten.IMPORT, rechten.ONGEDAAN},
        "gerda@emmen.nl": {rechten.STATUS},
        "piet@emmen.nl": set(),
    }
    for email, kinds in allowed.items():
        who = rollen.user_for(roles, email)
        for kind in rechten.SOORTEN:
            write = Handeling(kind, corporatie="Lefier", gemeente="Emmen")
            assert rechten.may(who, write) == (kind in kinds), (email, kind)
            assert rechten.may_some(who, kind) == (kind in kinds), (email, kind)


def test_nobody_may_write_and_the_local_user_may_everything():
    for kind in rechten.SOORTEN:
        assert rechten.refusal(None, Handeling(kind, "Lefier")) == rechten.NO_USER
        assert rechten.may(rollen.lokaal(), Handeling(kind, "Lefier"))
    assert rollen.lokaal("  Anna ").wie == "Anna"
    assert rollen.lokaal().wie == "lokaal"


# ---- every write of the facade asks the rule book -------------------------------------------


def batch_count(con) -> int:
    return len(dashboard.batches(con))


def test_a_write_without_a_user_is_refused_in_the_package(db):
    with pytest.raises(NotPermitted, match="geen gebruiker"):
        dashboard.save_uploads(db, [stock("Lefier")], None)
    assert batch_count(db) == 0
    doc = "emmen-2019-2024"
    calls = [
        lambda: dashboard.undo_import(db, 1, None),
        lambda: dashboard.remove_demo(db, None),
        lambda: dashboard.set_status(db, doc, "BB-1", 2023, "gereed", "", None),
        lambda: dashboard.save_agreement_version(db, doc, "x", "tabel", None),
        lambda: dashboard.undo_agreement_version(db, doc, None),
        lambda: dashboard.add_corporatie(db, "Nieuwe Woonstichting", [], None),
        lambda: dashboard.save_roles(db, rollen.Rollen(), None),
        lambda: dashboard.clear_data(db, None),
        lambda: dashboard.load_demo(db, None),
    ]
    for call in calls:
        with pytest.raises(NotPermitted, match="geen gebruiker"):
            call()
    assert dashboard.status_history(db).empty
    assert dashboard.agreement_versions(db, doc).empty
    assert batch_count(db) == 0
    log = dashboard.log_entries(db)
    assert len(log) == 10 and log["geweigerd"].all()
    assert set(log["gebruiker"]) == {"(geen gebruiker)"}


def test_the_lefier_invoerder_reads_in_lefier_and_is_refused_domesta(db):
    anna = user(db, "anna@lefier.nl")
    with pytest.raises(NotPermitted) as refused:
        dashboard.save_uploads(db, [stock("Lefier"), stock("Domesta")], anna)
    assert str(refused.value) == (
        "anna@lefier.nl is invoerder voor Lefier en mag geen bestand van Domesta inlezen."
    )
    assert batch_count(db) == 0  # the Lefier file of the same upload is not written either
    [written] = dashboard.save_uploads(db, [stock("Lefier")], anna)
    batches = dashboard.batches(db)
    assert batches.iloc[0]["gebruiker"] == "anna@lefier.nl"
    replaced = dashboard.save_uploads(db, [stock("Lefier", rows=4)], anna)[0]
    assert replaced.vervangen == (written.batch_id,)

    kees = user(db, "kees@domesta.nl")
    with pytest.raises(NotPermitted, match="invoerder voor Domesta en mag import 2 van Lefier"):
        dashboard.undo_import(db, replaced.batch_id, kees)
    dashboard.undo_import(db, replaced.batch_id, anna)

    log = dashboard.log_entries(db).iloc[::-1]  # oldest first
    assert list(log["handeling"]) == ["import", "import", "vervanging", "import ongedaan",
                                      "import ongedaan"]  # fmt: skip
    assert list(log["geweigerd"]) == [True, False, False, True, False]
    assert list(log["gebruiker"]) == ["anna@lefier.nl"] * 3 + ["kees@domesta.nl", "anna@lefier.nl"]
    assert list(log["omschrijving"])[1:3] == [
        "voorraad Lefier.csv: import 1, 3 rijen",
        "voorraad Lefier.csv: import 2, 4 rijen; vervangt import 1",
    ]
    assert set(log["corporatie"]) == {"Domesta", "Lefier"}


def test_statuses_by_the_gemeente_only_in_its_own_register(db):
    gerda = user(db, "gerda@emmen.nl")
    dashboard.set_status(db, "emmen-2019-2024", "BB-1", 2023, "gereed", "klaar", gerda)
    with pytest.raises(NotPermitted, match="register van Borger-Odoorn"):
        dashboard.set_status(db, "borger-odoorn-2023", "A1", 2023, "gereed", "", gerda)
    with pytest.raises(NotPermitted, match="is lezer \\(gemeente Emmen\\)"):
        dashboard.set_status(
            db, "emmen-2019-2024", "BB-1", 2023, "loopt", "", user(db, "p@emmen.nl")
        )
    history = dashboard.status_history(db)
    assert list(history["door"]) == ["gerda@emmen.nl"]
    [entry] = dashboard.log_entries(db, handelingen=["status"], gebruikers=["gerda@emmen.nl"])[
        ["omschrijving", "geweigerd"]
    ].query("not geweigerd")["omschrijving"]
    assert entry == "emmen-2019-2024 afspraak BB-1, 2023: status “gereed”: klaar"


def test_agreements_demo_and_roles_are_for_the_beheerder(db, roles):
    doc = "emmen-2019-2024"
    anna, beheer = user(db, "anna@lefier.nl"), user(db, "beheer@emmen.nl")
    text = dashboard.agreement_versions(db, doc)
    for call in (
        lambda w: dashboard.save_agreement_version(db, doc, "tekst", "tabel", w),
        lambda w: dashboard.remove_demo(db, w),
        lambda w: dashboard.save_roles(db, rollen.Rollen(), w),
    ):
        with pytest.raises(NotPermitted, match="^anna@lefier.nl is invoerder voor Lefier en mag"):
            call(anna)
    assert text.empty and dashboard.roles(db) == roles

    fewer = rollen.Rollen(tuple(r for r in roles.regels if r.wie != "anna@lefier.nl"))
    assert dashboard.save_roles(db, fewer, beheer) == 1
    assert user(db, "anna@lefier.nl").rol == "lezer"  # the database's version counts now
    [said] = dashboard.log_entries(db, handelingen=["rollen"]).query("not geweigerd")[
        "omschrijving"
    ]
    assert said == "rollen versie 1: anna@lefier.nl verwijderd"


def test_the_log_is_filtered_and_exported(db):
    dashboard.save_uploads(db, [stock("Lefier")], user(db, "anna@lefier.nl"))
    dashboard.save_uploads(db, [stock("Domesta")], user(db, "kees@domesta.nl"))
    assert list(dashboard.log_entries(db, gebruikers=["kees@domesta.nl"])["corporatie"]) == [
        "Domesta"
    ]
    today = date.today()
    assert len(dashboard.log_entries(db, van=today, tot=today)) == 2
    assert dashboard.log_entries(db, van=today + timedelta(days=1)).empty
    assert dashboard.log_choices(db)["gebruiker"] == ["anna@lefier.nl", "kees@domesta.nl"]
    table = tabellen.log_table(dashboard.log_entries(db))
    text = export.csv_bytes(table).decode("utf-8-sig")
    header, first, second = text.strip().splitlines()
    assert header == "Tijd;Gebruiker;Rol;Handeling;Corporatie;Gemeente;Wat;Geweigerd"
    assert first.split(";")[1:] == [
        "kees@domesta.nl", "invoerder voor Domesta", "import", "Domesta", "Emmen",
        "voorraad Domesta.csv: import 2, 3 rijen", "nee",
    ]  # fmt: skip
    assert second.split(";")[1] == "anna@lefier.nl"


def test_local_mode_writes_as_the_named_local_beheerder(db):
    dashboard.save_uploads(db, [stock("Domesta")], rollen.lokaal("Anna"))
    assert dashboard.batches(db).iloc[0]["gebruiker"] == "Anna"
    entry = dashboard.log_entries(db).iloc[0]
    assert (entry["gebruiker"], entry["rol"]) == ("Anna", "beheerder")


def test_the_first_start_records_the_demo_in_the_log(tmp_path):
    con = dashboard.open_database(tmp_path / "demo.duckdb")
    [entry] = dashboard.log_entries(con).to_dict("records")
    assert entry["handeling"] == "demo ingelezen"
    assert entry["gebruiker"] == "prestatie (eerste start)"
