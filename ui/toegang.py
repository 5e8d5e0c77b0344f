"""Who is using the app, for the pages: the logged-in user (Streamlit's own login, OpenID
Connect, configured in ``.streamlit/secrets.toml`` under ``[auth]``) with the role the roles in
force give, or, without ``[auth]``, the local single-user mode in which everyone is beheerder
and every page says so in one line.

The pages only hide what a role may not use; every write is checked again in
:mod:`prestatie.dashboard` (:mod:`prestatie.toegang.rechten`). :func:`identity` is the one place
that reads ``st.user``: tests put a user there (AppTest cannot log in through a provider).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from prestatie import dashboard
from prestatie.toegang import rechten, rollen
from prestatie.toegang.rechten import Handeling
from prestatie.toegang.rollen import Gebruiker

LOCAL_NOTICE = "Geen inlog ingesteld: iedereen die deze pagina kan openen kan gegevens wijzigen"


@dataclass(frozen=True)
class Identity:
    """Who the provider says is logged in."""

    email: str
    naam: str | None = None


def auth_settings() -> dict | None:
    """The ``[auth]`` section of ``.streamlit/secrets.toml``, None when login is not set up."""
    try:
        if "auth" not in st.secrets:
            return None
        return st.secrets["auth"].to_dict()
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


def auth_configured() -> bool:
    return auth_settings() is not None


def providers() -> list[str | None]:
    """The providers to log in with: None for the one configured in ``[auth]`` itself, and
    the name of each ``[auth.NAME]`` table (``microsoft``, ``keycloak``)."""
    settings = auth_settings() or {}
    named = [k for k, v in settings.items() if isinstance(v, dict)]
    return ([None] if "client_id" in settings else []) + named


def identity() -> Identity | None:
    """The logged-in person (``st.user``), None when nobody is. Entra ID may give no ``email``
    claim; its ``preferred_username`` (the sign-in address) is used then."""
    if not st.user.is_logged_in:
        return None
    email = st.user.get("email") or st.user.get("preferred_username")
    if not email:
        return None
    return Identity(str(email), st.user.get("name"))


def user() -> Gebruiker | None:
    """The user of this session: the local beheerder without login configured; with login the
    logged-in user and their role, None when nobody is logged in."""
    if not auth_configured():
        return rollen.lokaal()
    who = identity()
    if who is None:
        return None
    from ui import context  # context imports this module for the notice

    return dashboard.user_for(context.cursor(), who.email, who.naam)


def local() -> bool:
    return not auth_configured()


def acting(naam: str | None = None) -> Gebruiker | None:
    """Who a write on this page is done as: the logged-in user, or in local mode the local
    beheerder named by what they typed (``naam``)."""
    return rollen.lokaal(naam) if local() else user()


def may(soort: str, corporatie: str | None = None, gemeente: str | None = None) -> bool:
    """Whether this page shows the widgets of a write: with a corporatie or gemeente for that
    one, without for any (the write itself is checked again in the package)."""
    if corporatie is None and gemeente is None:
        return rechten.may_some(user(), soort)
    return rechten.may(user(), Handeling(soort, corporatie, gemeente))


def notice() -> None:
    """The one line every page shows in local mode."""
    if local():
        st.caption(f":material/lock_open: {LOCAL_NOTICE}.")


def gate() -> None:
    """Before every page (app.py): with login configured, the login screen for a visitor who is
    not logged in (and nothing else), the user and *Uitloggen* in the sidebar for one who is."""
    if local():
        return
    who = user()
    if who is None:
        st.title("prestatie")
        st.markdown(
            "Log in met het account van uw organisatie om de monitor van de "
            "prestatieafspraken te zien."
        )
        for provider in providers():
            label = "Inloggen" if provider is None else f"Inloggen met {provider}"
            if st.button(label, type="primary", key=f"inloggen_{provider}"):
                if provider is None:
                    st.login()
                else:
                    st.login(provider)
        st.stop()
    if who.rol == rollen.GEEN:
        st.title("prestatie")
        st.error(f"{who.wie} heeft geen toegang tot deze monitor. Vraag de beheerder om een rol.")
        st.button("Uitloggen", on_click=st.logout)
        st.stop()
    if st.session_state.get("aangemeld") != who.wie:  # once per session, in the log
        from ui import context

        dashboard.log_login(context.cursor(), who)
        st.session_state["aangemeld"] = who.wie
    with st.sidebar:
        st.markdown(f":material/person: **{who.naam}**  \n{who.wie} · {rollen.describe(who)}")
        st.button("Uitloggen", on_click=st.logout, key="uitloggen")
