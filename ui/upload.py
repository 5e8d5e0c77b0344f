"""The upload form of the Gegevens page: choose files, see what was recognised, correct, confirm.

Every choice a user makes for a file (kind, corporatie, gemeente, peildatum, which column is
which) goes into that file's ``ingest.Hints`` and the file is read again; nothing is written
until the user presses *Inlezen*. A corporation prestatie does not know can be added from here
(:func:`new_corporatie`); that is the one thing written before *Inlezen*.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import streamlit as st

from prestatie import dashboard, fmt
from prestatie.inlezen import column_names, ingest
from prestatie.inlezen.errors import UNKNOWN_CORPORATIE, ImportRefused
from prestatie.inlezen.sheet_rows import column_name
from prestatie.presenteren import tabellen
from prestatie.referentie import partijen
from prestatie.toegang import rechten
from prestatie.toegang.rechten import Handeling
from ui import toegang, verbinding

UIT_BESTAND = "uit het bestand"
GEEN = "(geen)"
KINDS = {
    UIT_BESTAND: None,
    "voorraadlijst": column_names.VOORRAAD,
    "productielijst": column_names.PRODUCTIE,
    "verhuringenlijst": column_names.VERHUUR,
    "WOZ-bezitstabel": column_names.WOZ,
    "Leefbaarometer (scores per wijk of buurt)": column_names.LEEFBAARHEID,
}
KIND_NAMES = {kind: name for name, kind in KINDS.items() if kind}


def file_key(file) -> str:
    return hashlib.sha1(f"{file.name}:{file.size}".encode()).hexdigest()[:10]


def hints_for(key: str) -> ingest.Hints:
    return st.session_state.get(f"hints_{key}", ingest.Hints())


def parse(file, hints: ingest.Hints) -> ingest.Parsed | ImportRefused:
    try:
        return ingest.parse(file.name, file.getvalue(), hints)
    except ImportRefused as exc:
        return exc


def content_hash(file) -> str:
    """The SHA-256 of an uploaded file, computed once per upload (keyed by Streamlit's file id,
    which changes when the file is uploaded again)."""
    hashes = st.session_state.setdefault("upload_hashes", {})
    upload_id = getattr(file, "file_id", None) or file_key(file)
    if upload_id not in hashes:
        hashes[upload_id] = hashlib.sha256(file.getvalue()).hexdigest()
    return hashes[upload_id]


def parse_all(files) -> dict[str, ingest.Parsed | ImportRefused]:
    """Every file read, once: the result is kept in the session, keyed by the file's name and
    content hash, the user's choices for it and the corporations prestatie knows, so a rerun
    (typing a name, opening an expander) reads nothing again. Only the current files are kept."""
    cache = st.session_state.setdefault("upload_parsed", {})
    known = hash(partijen.corporaties())  # a corporation added: files are read again
    keys = {
        file_key(f): (f.name, content_hash(f), repr(hints_for(file_key(f))), known) for f in files
    }
    todo = [f for f in files if keys[file_key(f)] not in cache]
    if todo:
        progress = st.progress(0.0, text="Bestanden lezen …")
        for i, file in enumerate(todo, start=1):
            progress.progress(
                (i - 0.5) / len(todo), text=f"{file.name} lezen ({i} van {len(todo)})"
            )
            cache[keys[file_key(file)]] = parse(file, hints_for(file_key(file)))
        progress.empty()
    current = set(keys.values())
    st.session_state["upload_parsed"] = {k: v for k, v in cache.items() if k in current}
    ids = {getattr(f, "file_id", None) or file_key(f) for f in files}
    hashes = st.session_state["upload_hashes"]
    st.session_state["upload_hashes"] = {k: v for k, v in hashes.items() if k in ids}
    return {name: cache[key] for name, key in keys.items()}


def forget() -> None:
    for name in ("upload_parsed", "upload_hashes"):
        st.session_state.pop(name, None)


def replaced_text(batches, written) -> str:
    """What this session's import replaced: the imports of the same corporatie, gemeente and
    peildatum that counted until now (perhaps from another visitor a moment ago)."""
    by_id = batches.set_index("id")
    parts = []
    for result in written:
        for old in result.vervangen:
            if old not in by_id.index:
                continue
            row = by_id.loc[old]
            who = f", door {row['gebruiker']}" if isinstance(row["gebruiker"], str) else ""
            parts.append(f"import {old} ({row['bestand']}{who})")
    return f" Dit vervangt {', '.join(parts)}." if parts else ""


def remember_written(written) -> None:
    st.session_state.setdefault("eigen_imports", set()).update(
        w.batch_id for w in written if w.batch_id is not None
    )


def replaced_by_others(batches) -> list[str]:
    """This session's imports that another import replaced since (another visitor, or the
    command line): each said once."""
    own = st.session_state.get("eigen_imports", set())
    told = st.session_state.setdefault("vervanging_gemeld", set())
    texts = []
    for row in batches[batches["id"].isin(own) & batches["vervangen_door"].notna()].itertuples():
        by = int(row.vervangen_door)
        if by in own or row.id in told:
            continue
        [other] = batches[batches["id"] == by].itertuples()
        who = f" door {other.gebruiker}" if isinstance(other.gebruiker, str) else ""
        texts.append(
            f"Uw import {row.id} ({row.bestand}) is vervangen door import {by} "
            f"({other.bestand}, ingelezen{who}); die telt nu voor deze corporatie, gemeente en "
            "peildatum."
        )
        told.add(row.id)
    return texts


def corrections(file, result: ingest.Parsed | ImportRefused) -> None:
    """Selects for kind, corporatie, gemeente, peildatum and the column mapping of one file."""
    key = file_key(file)
    old = hints_for(key)
    with st.form(f"form_{key}", border=False):
        cols = st.columns(4)
        kind = cols[0].selectbox(
            "Soort lijst",
            list(KINDS),
            key=f"kind_{key}",
            index=list(KINDS.values()).index(old.kind),
        )
        corporatie = cols[1].selectbox(
            "Corporatie",
            [UIT_BESTAND, *partijen.corporaties()],
            key=f"corp_{key}",
            help="Typ een deel van de naam om te zoeken. Staat de corporatie er niet bij, voeg "
            "haar dan hieronder toe.",
        )
        gemeente = cols[2].selectbox(
            "Gemeente",
            [UIT_BESTAND, *partijen.GEMEENTEN],
            key=f"gem_{key}",
            help="Typ een deel van de naam om te zoeken.",
        )
        peildatum = cols[3].date_input(
            "Peildatum (leeg: uit het bestand)",
            value=old.peildatum,
            format="DD-MM-YYYY",
            key=f"peil_{key}",
        )
        mapping = _mapping_inputs(key, result)
        if st.form_submit_button("Opnieuw lezen met deze keuzes"):
            st.session_state[f"hints_{key}"] = ingest.Hints(
                corporatie=None if corporatie == UIT_BESTAND else corporatie,
                gemeente=None if gemeente == UIT_BESTAND else gemeente,
                peildatum=peildatum,
                kind=KINDS[kind],
                mapping=mapping,
            )
            st.rerun()


def needs_corporatie(result: ingest.Parsed | ImportRefused) -> bool:
    """Whether a file was refused for its corporatie: a name prestatie does not know, or none."""
    return isinstance(result, ImportRefused) and any(
        p.message.startswith((UNKNOWN_CORPORATIE, "geen corporatie gevonden"))
        for p in result.problems
    )


def new_corporatie(con, file, result: ingest.Parsed | ImportRefused) -> None:
    """A small form to add a corporation prestatie does not know (a new one, or the name after
    a merger), filled in with the unknown name the file gives; the file is read again."""
    key = file_key(file)
    unknown = [
        str(p.value)
        for p in getattr(result, "problems", ())
        if p.message.startswith(UNKNOWN_CORPORATIE) and p.value is not None
    ]
    with st.form(f"nieuw_{key}", border=False):
        st.caption(
            "Staat de corporatie niet in de lijst (een nieuwe corporatie, of de naam na een "
            "fusie)? Voeg haar toe; prestatie kent haar daarna bij elk bestand en in de afspraken."
        )
        cols = st.columns(2)
        cols[0].text_input(
            "Nieuwe corporatie", value=unknown[0] if unknown else "", key=f"nieuw_naam_{key}"
        )
        cols[1].text_input(
            "Andere schrijfwijzen (met komma's ertussen)",
            key=f"nieuw_alias_{key}",
            help="Zoals bestanden de naam ook schrijven, bijv. een afkorting.",
        )
        st.form_submit_button(
            "Corporatie toevoegen", on_click=_add_corporatie, args=(key, bool(unknown))
        )
    if message := st.session_state.pop(f"nieuw_fout_{key}", None):
        st.error(message)


def _add_corporatie(key: str, named_in_file: bool) -> None:
    """A callback: it runs before the next script run, so it takes the database itself."""
    state = st.session_state
    name = state[f"nieuw_naam_{key}"]
    aliases = state[f"nieuw_alias_{key}"].split(",")
    try:
        with verbinding.database() as con:
            pairs = dashboard.add_corporatie(
                con, name, aliases, toegang.acting(state.get("gebruiker"))
            )
    except partijen.InvalidCorporatie as refused:
        state[f"nieuw_fout_{key}"] = f"Niet toegevoegd: {fmt.plain(refused)}."
        return
    except dashboard.NotPermitted as refused:
        state[f"nieuw_fout_{key}"] = str(refused)
        return
    canonical = partijen.corporatie(name)
    if not named_in_file:  # the file names none: read it as this corporation's
        state[f"hints_{key}"] = replace(hints_for(key), corporatie=canonical)
        state[f"corp_{key}"] = canonical
    state["upload_message"] = (
        f"Corporatie {fmt.plain(canonical)} toegevoegd."
        if pairs
        else f"{fmt.plain(canonical)} was al bekend."
    )


def _mapping_inputs(key: str, result) -> dict[str, int | None] | None:
    if not isinstance(result, ingest.Parsed) or result.kind == column_names.WOZ:
        return None
    headers = result.layout.headers
    columns = {column_name(headers, i): i for i, h in enumerate(headers) if h}
    choices = [GEEN, *columns]
    st.caption("Kolommen: kies per gegeven de kolom uit het bestand.")
    cols = st.columns(4)
    chosen: dict[str, int | None] = {}
    for n, field in enumerate(column_names.fields_for(result.kind)):
        current = result.layout.mapping.get(field.name)
        label = GEEN if current is None else column_name(headers, current)
        pick = cols[n % 4].selectbox(
            field.label,
            choices,
            key=f"map_{key}_{field.name}",
            index=choices.index(label) if label in choices else 0,
        )
        if pick != GEEN:
            chosen[field.name] = columns[pick]
        elif current is not None:
            chosen[field.name] = None  # the user unlinked a detected column
    return chosen


def show_parsed(p: ingest.Parsed) -> None:
    meta, kind = p.meta, KIND_NAMES.get(p.kind, p.kind)
    corporatie = p.batch().corporatie if p.kind == column_names.LEEFBAARHEID else meta.corporatie
    st.markdown(
        f"✅ **{fmt.plain(p.file)}**: {kind} · corporatie **{fmt.plain(corporatie or '–')}** · "
        f"gemeente **{fmt.plain(meta.gemeente or 'per rij')}** · peildatum "
        f"**{fmt.datum(meta.peildatum) if meta.peildatum else '–'}** · "
        f"{fmt.num(p.rows)} rijen · blad {fmt.plain(p.layout.sheet_name or '(CSV)')}, "
        f"kolomnamen in rij {p.layout.header_index + 1}"
    )
    for note in p.notes:  # notes name the file's own headers
        st.caption(fmt.plain(note))
    table = next((t for t in p.tables if t is not None and len(t)), p.productie)
    st.dataframe(tabellen.preview(table), hide_index=True)
    if p.skipped:
        skipped = "; ".join(f"rij {r}: {fmt.plain(why)}" for r, why in p.skipped)
        st.caption(f"Overgeslagen: {skipped}")
    if p.blank_rows:
        st.caption(f"{fmt.num(p.blank_rows)} lege rijen genegeerd.")
    if p.warnings:
        st.warning(
            f"{len(p.warnings)} waarschuwingen (deze rijen worden wel ingelezen):\n\n"
            + "\n".join(f"- {fmt.plain(w)}" for w in p.warnings[:30])
        )


def show_refused(exc: ImportRefused) -> None:
    st.error(
        "**Geweigerd; er is niets ingelezen.**\n\n"
        + "\n".join(f"- {fmt.plain(p)}" for p in exc.problems[:40])
    )


def role_refusal(user, p: ingest.Parsed) -> str:
    """Why this user may not read in this file (the words the package refuses it with)."""
    reason = rechten.refusal(user, Handeling(rechten.IMPORT, p.meta.corporatie, p.meta.gemeente))
    return f"**Geweigerd:** {reason}."
