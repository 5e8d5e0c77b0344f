"""The upload form of the Gegevens page: choose files, see what was recognised, confirm."""

from __future__ import annotations

import streamlit as st

from prestatie import fmt, ingest, partijen
from prestatie.errors import ImportRefused

UIT_BESTAND = "uit het bestand"


def hints_form() -> ingest.Hints:
    cols = st.columns(3)
    corporatie = cols[0].selectbox("Corporatie", [UIT_BESTAND, *partijen.CORPORATIES])
    gemeente = cols[1].selectbox(
        "Gemeente",
        [
            UIT_BESTAND,
            "Borger-Odoorn",
            "Emmen",
            *[g for g in partijen.GEMEENTEN if g not in ("Borger-Odoorn", "Emmen")],
        ],
    )
    use_date = cols[2].checkbox("Peildatum zelf kiezen")
    peildatum = cols[2].date_input("Peildatum", format="DD-MM-YYYY", disabled=not use_date)
    return ingest.Hints(
        corporatie=None if corporatie == UIT_BESTAND else corporatie,
        gemeente=None if gemeente == UIT_BESTAND else gemeente,
        peildatum=peildatum if use_date else None,
    )


def parse_all(files, hints: ingest.Hints) -> tuple[list[ingest.Parsed], list[ImportRefused]]:
    parsed, refused = [], []
    progress = st.progress(0.0, text="Bestanden lezen …")
    for i, file in enumerate(files, start=1):
        try:
            parsed.append(ingest.parse(file.name, file.getvalue(), hints))
        except ImportRefused as exc:
            refused.append(exc)
        progress.progress(i / len(files), text=f"{i} van {len(files)} gelezen")
    progress.empty()
    return parsed, refused


def show_parsed(p: ingest.Parsed) -> None:
    with st.expander(f"✅ {p.file}: {p.kind}, {fmt.num(p.rows)} rijen", expanded=True):
        meta = p.meta
        st.markdown(
            f"**Soort:** {p.kind} · **Corporatie:** {meta.corporatie or '–'} · "
            f"**Gemeente:** {meta.gemeente or 'per rij'} · "
            f"**Peildatum:** {fmt.datum(meta.peildatum) if meta.peildatum else '–'} · "
            f"**Blad:** {p.layout.sheet_name or '(CSV)'}, kolomnamen in rij "
            f"{p.layout.header_index + 1}"
        )
        mapping = {
            field: p.layout.headers[pos]
            for field, pos in p.layout.mapping.items()
            if pos < len(p.layout.headers)
        }
        st.caption("Herkende kolommen: " + ", ".join(f"{k} ← '{v}'" for k, v in mapping.items()))
        table = p.vhe if p.vhe is not None else p.productie
        st.dataframe(table.head(8), hide_index=True)
        if p.skipped:
            st.caption("Overgeslagen: " + "; ".join(f"rij {r}: {why}" for r, why in p.skipped))
        if p.warnings:
            st.warning(
                f"{len(p.warnings)} waarschuwingen (de rijen worden wel ingelezen):\n\n"
                + "\n".join(f"- {w}" for w in p.warnings[:30])
            )


def show_refused(exc: ImportRefused) -> None:
    st.error(
        "**Geweigerd; er is niets ingelezen.**\n\n" + "\n".join(f"- {p}" for p in exc.problems[:40])
    )
