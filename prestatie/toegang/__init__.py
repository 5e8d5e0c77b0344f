"""Who may change what: the roles as data (:mod:`rollen`) and the one rule book of writes
(:mod:`rechten`). Pure: no database, no streamlit; :mod:`prestatie.dashboard` applies it."""
