"""wasmudf: untrusted user-defined functions in C, compiled to WebAssembly and run sandboxed
over Arrow arrays, in pyarrow, pandas, DuckDB, Polars and PySpark.

::

    import pyarrow as pa
    import wasmudf

    adj = wasmudf.Function.from_c(
        "float adj(int balance, float rate) { return (balance * rate) + balance/1000; }")
    adj(pa.array([5489]), pa.array([1.05]))

- :class:`Function`: compile (C, WAT) or load (``.wasm``) a function, call it on arrays.
- :class:`Limits`: time and memory per call, as on the wasmudf server.
- Exceptions: :class:`CompileError`, :class:`ToolchainError`, :class:`UdfError`, all
  :class:`WasmudfError`.
- Engines: :mod:`wasmudf.spark` (PySpark), :mod:`wasmudf.duckdb`, :mod:`wasmudf.polars`
  (imported on first use, so none of them is required).

See docs/python.md in the wasmudf repository.
"""

from __future__ import annotations

import importlib
from typing import Any

from wasmudf._function import Function, Limits
from wasmudf._wasmudf import ABI_VERSION, __version__
from wasmudf.errors import CompileError, Diagnostic, ToolchainError, UdfError, WasmudfError

__all__ = [
    "ABI_VERSION",
    "CompileError",
    "Diagnostic",
    "Function",
    "Limits",
    "ToolchainError",
    "UdfError",
    "WasmudfError",
    "__version__",
    "duckdb",
    "polars",
    "spark",
]

_ENGINES = ("spark", "duckdb", "polars")


def __getattr__(name: str) -> Any:
    # The engine adapters import their engine: only when asked for.
    if name in _ENGINES:
        return importlib.import_module(f"wasmudf.{name}")
    raise AttributeError(f"module 'wasmudf' has no attribute {name!r}")
