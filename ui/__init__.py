"""The Streamlit shell's shared parts: connection, filters, banner. Pages import from here."""
