# prestatie: two commands on a fresh machine with only python3.
#   make run   -> .venv, install, start the dashboard on http://localhost:8501 (demo data on first start)
#   make test  -> .venv, install with the test extras, lint, run every test

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PIP_FLAGS := --disable-pip-version-check --quiet

.PHONY: run test lint benchmark demo clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e .
	$(BIN)/python -c "import prestatie, streamlit, duckdb"
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e '.[test]'
	$(BIN)/python -c "import prestatie, streamlit, duckdb, pytest, playwright"
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.port 8501 --server.headless true --browser.gatherUsageStats false

lint: $(TEST_STAMP)
	$(BIN)/ruff check prestatie ui views app.py tests benchmarks
	$(BIN)/ruff format --check prestatie ui views app.py tests benchmarks

# The browser tests drive Debian's chromium (never a downloaded one). Missing: installed here when
# this is root with apt-get (as .ci/run does), otherwise stop at once with the one command to run.
CHROMIUM := /usr/bin/chromium
CHROMIUM_INSTALL := apt-get update && apt-get install -y chromium

chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian chromium for the browser tests"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "$(CHROMIUM) ontbreekt (nodig voor de browsertests). Installeer het eerst:" >&2; \
		echo "    sudo sh -c '$(CHROMIUM_INSTALL)'" >&2; \
		exit 1; \
	fi

test: chromium $(TEST_STAMP) lint
	$(BIN)/pytest

benchmark: $(TEST_STAMP)
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/deck_speed.py
	$(BIN)/python benchmarks/schaal.py --groei

demo: $(STAMP)
	$(BIN)/prestatie demo

clean:
	rm -rf $(VENV) data/prestatie.duckdb data/prestatie.duckdb.wal data/demo
