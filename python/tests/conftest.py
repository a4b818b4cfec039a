"""Fixtures of the wasmudf Python tests: the installed package, the demo accounts, the guests.

The tests run against the wheel installed by scripts/build-python, never against the source
tree (which has no native module): see `test_the_installed_wheel_is_under_test`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

import wasmudf

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def accounts() -> pa.Table:
    """The paper's demo table, read as pyarrow reads CSV (balance int64, rate double)."""
    return pacsv.read_csv(REPOSITORY / "demo" / "accounts.csv")


@pytest.fixture(scope="session")
def adj() -> wasmudf.Function:
    """The paper's function, compiled from examples/calculate_adj_bal.c."""
    return wasmudf.Function.from_file(REPOSITORY / "examples" / "calculate_adj_bal.c")


@pytest.fixture(scope="session")
def domain() -> wasmudf.Function:
    return wasmudf.Function.from_file(REPOSITORY / "examples" / "domain.c")


def _guest_signatures() -> dict[str, str]:
    # The signatures live beside the C sources in crates/test-support (one home).
    source = (REPOSITORY / "crates" / "test-support" / "src" / "lib.rs").read_text()
    return dict(re.findall(r'"(\w+)": "([^"]+)" =>', source))


GUEST_SIGNATURES = _guest_signatures()


def _load_guest(name: str, limits: wasmudf.Limits | None = None) -> wasmudf.Function:
    text = (REPOSITORY / "crates" / "test-support" / "guests" / f"{name}.wat").read_text()
    return wasmudf.Function.from_wat(text, GUEST_SIGNATURES[name], limits=limits)


@pytest.fixture(scope="session")
def guest() -> Callable[..., wasmudf.Function]:
    """`guest(name, limits=None)`: a prebuilt test guest (crates/test-support/guests/NAME.wat),
    so no C compiler is involved."""
    return _load_guest
