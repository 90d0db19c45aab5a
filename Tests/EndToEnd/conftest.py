"""Shared set-up of the end-to-end tests of `datalint serve`.

Only the standard library and pytest are used here, so every test in this folder (the Neovim one included) can
load this file without pytest-lsp installed; the pytest-lsp harness lives in datalint_lsp_harness.py and is
imported by test_lsp_conformance.py alone.

The binary under test is `$DATALINT_BIN` when set, else `.build/debug/datalint`, which is built
(`swift build --product datalint`) only when it does not exist yet. Rebuild it yourself after changing Sources/.
"""
from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


def _binary_path() -> pathlib.Path:
    configured = os.environ.get("DATALINT_BIN")
    return pathlib.Path(configured).resolve() if configured else REPOSITORY / ".build" / "debug" / "datalint"


def pytest_report_header(config):
    return f"datalint binary: {_binary_path()}"


@pytest.fixture(scope="session")
def datalint_binary() -> str:
    """The path of the datalint executable, built once if it is missing."""
    path = _binary_path()
    if not path.exists() and "DATALINT_BIN" not in os.environ:
        build = subprocess.run(["swift", "build", "--product", "datalint"], cwd=REPOSITORY,
                               capture_output=True, text=True, timeout=1800)
        if build.returncode != 0:
            pytest.fail(f"swift build --product datalint failed:\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}")
    if not path.exists():
        pytest.fail(f"no datalint binary at {path} (set DATALINT_BIN or run `swift build --product datalint`)")
    return str(path)


@pytest.fixture(scope="session")
def fixtures_dir() -> pathlib.Path:
    return FIXTURES
