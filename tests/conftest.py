"""Shared fixtures: an in-memory database, and the demo database built once per test run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prestatie import dashboard
from prestatie.opslag import store
from prestatie.referentie import partijen
from tests.browser import browser_db, chromium, demo_server, page  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def only_the_listed_corporations():
    """Each test starts and ends knowing the reference list of corporations only: those a test
    adds (or a database it opens brings) are forgotten afterwards."""
    partijen.use_added([])
    yield
    partijen.use_added([])


@pytest.fixture
def con():
    """A fresh in-memory database with the schema (sqlite-utils' fresh_db, for DuckDB)."""
    connection = store.connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """The demo database, built once through the real import path; copy it before writing."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    dashboard.open_database(path).close()
    return path


@pytest.fixture
def demo_db(demo_db_file, tmp_path) -> Path:
    """A private copy of the demo database that a test may change."""
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy
