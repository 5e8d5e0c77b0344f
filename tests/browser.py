"""Helpers for the real-browser tests: a Streamlit server on a free port and Debian's chromium.

As in Streamlit's own e2e suite: start ``streamlit run`` once per module, poll
``/_stcore/health``, then drive the page with Playwright and wait on ``data-testid``s.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
EXPECT_TIMEOUT_MS = 30_000  # a cold page computes every evaluation first; CI machines are shared
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    db: Path, args: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Iterator[str]:
    """``streamlit run app.py`` on ``db`` with extra command-line ``args`` and ``env``."""
    port = free_port()
    env = {**os.environ, "PRESTATIE_DB": str(db), **(env or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read().decode()[-2000:]) from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script (as Streamlit's own e2e suite does),
    so a click does not land on an element that a rerun is about to replace."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=60_000
    )


def choose(page, label: str, option: str, attempts: int = 5) -> None:
    """Pick an option of a Streamlit selectbox. A rerun that lands between opening the list
    and clicking the option closes the list again, so open it again (a bounded number of
    times) until the option can be clicked."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.get_by_role("combobox", name=label)
    for attempt in range(attempts):
        wait_for_app(page)
        box.click()
        try:
            page.get_by_role("option", name=option).click(timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def _patient_expect() -> None:
    try:
        from playwright.sync_api import expect
    except ImportError:  # the browser tests skip themselves then
        return
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


_patient_expect()


# ---- fixtures every browser module shares (registered in tests/conftest.py) -------------------


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (zie .ci/run)")


@pytest.fixture(scope="module")
def browser_db(demo_db_file, tmp_path_factory) -> Path:
    """This module's own copy of the demo database (the server locks the file it serves)."""
    copy = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy


@pytest.fixture(scope="module")
def demo_server(browser_db) -> Iterator[str]:
    """``streamlit run app.py`` on the module's demo copy; yields its address."""
    _require_chromium()
    with streamlit_server(browser_db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, started once per module through Playwright (never downloaded)."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def new_page(chromium, width: int = 1400, height: int = 1000):
    """A page in a fresh context: Dutch locale, downloads allowed, patient default timeout."""
    context = chromium.new_context(
        viewport={"width": width, "height": height}, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


@pytest.fixture
def page(chromium):
    """A fresh page per test; a module that keeps one page over its tests defines its own."""
    page = new_page(chromium)
    yield page
    page.context.close()
