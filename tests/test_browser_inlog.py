"""Login in a real browser: an OpenID Connect provider on 127.0.0.1 (oidc-provider-mock, started
here), the app started with a secrets.toml that points at it, and chromium logging in as a
beheerder, a Lefier invoerder and a lezer. Each can do exactly what the role allows: the
beheerder reads in a Domesta file, the invoerder's Domesta file is refused naming both and
their Lefier file is read in, the lezer sees no upload form; the log names each of them."""

from __future__ import annotations

import csv
import io
import os
import threading

import pytest

from tests.browser import new_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")
oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
werkzeug_serving = pytest.importorskip("werkzeug.serving")
expect = playwright_api.expect

USERS = {
    "beheer@emmen.nl": "Bea Beheer",
    "anna@lefier.nl": "Anna de Vries",
    "piet@emmen.nl": "Piet Lezer",
}
ROLES = """
[[gebruiker]]
wie = "beheer@emmen.nl"
rol = "beheerder"

[[gebruiker]]
wie = "anna@lefier.nl"
rol = "invoerder"
corporaties = ["Lefier"]

[[gebruiker]]
wie = "@emmen.nl"
gemeente = "Emmen"
"""


def stock(corporatie: str) -> dict:
    """A stock list of four homes in Emmen on 31-12-2025, as the upload box gets it."""
    text = f"{corporatie} Emmen\nPeildatum: 31-12-2025\n\nVHE;Huurprijs;Label\n" + "".join(
        f"N{i};{610 + i},00;A\n" for i in range(4)
    )
    return {"name": f"{corporatie}_Emmen_2025.csv", "mimeType": "text/csv", "buffer": text.encode()}


@pytest.fixture(scope="module")
def provider():
    """The OpenID Connect provider on 127.0.0.1 with the three users; yields its address."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on the loopback, for the test
        users = [
            oidc_provider_mock.User(sub=email, claims={"email": email, "name": name})
            for email, name in USERS.items()
        ]
        app = oidc_provider_mock.app(user_claims=users)
        server = werkzeug_serving.make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def login_app(provider, browser_db, tmp_path_factory):
    """The app on a demo copy with login pointed at the provider and the roles above."""
    folder = tmp_path_factory.mktemp("inlog")
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{os.urandom(24).hex()}"\n'
        'client_id = "prestatie"\n'
        'client_secret = "geheim"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    roles = folder / "rollen.toml"
    roles.write_text(ROLES, encoding="utf-8")
    env = {"AUTHLIB_INSECURE_TRANSPORT": "1", "PRESTATIE_ROLLEN": str(roles)}
    with streamlit_server(browser_db, ("--secrets.files", str(secrets)), env) as url:
        yield url


def log_in(chromium, url: str, provider: str, email: str):
    """A fresh browser logged in as ``email`` through the provider, on the page Gegevens."""
    page = new_page(chromium)
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)  # nothing before login
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{provider}/**")
    page.get_by_role("button", name=email).click()  # the provider's own page
    page.wait_for_url(f"{url}/**")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(USERS[email])).to_be_visible()
    sidebar.get_by_role("link", name="Gegevens").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Gegevens")).to_be_visible()
    return page


def upload(page, file: dict) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    wait_for_app(page)


def test_three_roles_in_a_real_browser(chromium, login_app, provider):
    beheer = log_in(chromium, login_app, provider, "beheer@emmen.nl")
    expect(beheer.get_by_text("beheer@emmen.nl · beheerder")).to_be_visible()
    expect(beheer.get_by_role("heading", name="Gebruikers en rollen")).to_be_visible()
    expect(beheer.get_by_text("Geen inlog ingesteld")).to_have_count(0)
    upload(beheer, stock("Domesta"))
    beheer.get_by_role("button", name="Inlezen").click()
    expect(beheer.get_by_text("1 bestand ingelezen")).to_be_visible()
    beheer.context.close()

    anna = log_in(chromium, login_app, provider, "anna@lefier.nl")
    expect(anna.get_by_text("anna@lefier.nl · invoerder voor Lefier")).to_be_visible()
    expect(anna.get_by_role("button", name="Demonstratiegegevens verwijderen")).to_have_count(0)
    upload(anna, stock("Domesta"))
    expect(
        anna.get_by_text(
            "anna@lefier.nl is invoerder voor Lefier en mag geen bestand van Domesta inlezen"
        )
    ).to_be_visible()
    expect(anna.get_by_role("button", name="Inlezen")).to_have_count(0)
    anna.reload()  # a new session, still logged in (the cookie): an empty upload box
    wait_for_app(anna)
    expect(anna.get_by_text("anna@lefier.nl · invoerder voor Lefier")).to_be_visible()
    upload(anna, stock("Lefier"))
    anna.get_by_role("button", name="Inlezen").click()
    expect(anna.get_by_text("1 bestand ingelezen")).to_be_visible()
    anna.context.close()

    piet = log_in(chromium, login_app, provider, "piet@emmen.nl")
    expect(piet.get_by_text("piet@emmen.nl · lezer (gemeente Emmen)")).to_be_visible()
    expect(piet.get_by_test_id("stFileUploader")).to_have_count(0)
    expect(piet.get_by_text("U bent lezer (gemeente Emmen)")).to_be_visible()
    expect(piet.get_by_role("button", name="Demonstratiegegevens verwijderen")).to_have_count(0)
    expect(piet.get_by_role("button", name="Rollen opslaan")).to_have_count(0)
    with piet.expect_download() as download:
        piet.get_by_role("button", name="Logboek downloaden (CSV)").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    done = {(r["Gebruiker"], r["Handeling"], r["Corporatie"]) for r in rows}
    assert ("beheer@emmen.nl", "import", "Domesta") in done
    assert ("anna@lefier.nl", "import", "Lefier") in done
    assert ("piet@emmen.nl", "aangemeld", "") in done
    assert not any(r["Gebruiker"] == "anna@lefier.nl" and r["Corporatie"] == "Domesta"
                   and r["Geweigerd"] == "nee" for r in rows)  # fmt: skip
    piet.context.close()
