"""A write that cannot be taken back in one click asks first: the button, then the question
with what will happen and *Ja* or *Annuleren*."""

from __future__ import annotations

import streamlit as st


def confirmed(label: str, key: str, question: str, yes: str) -> bool:
    """True in the run where the user confirmed; ``question`` says what the write will do."""
    asking = f"vraag_{key}"
    if not st.session_state.get(asking):
        if not st.button(label, key=key):
            return False
        st.session_state[asking] = True  # the question in this same run, in the button's place
    st.warning(question)
    left, right = st.columns(2)
    if left.button(yes, key=f"{key}_ja", type="primary"):
        st.session_state[asking] = False
        return True
    if right.button("Annuleren", key=f"{key}_nee"):
        st.session_state[asking] = False
        st.rerun()
    return False
