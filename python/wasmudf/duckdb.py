"""wasmudf functions in DuckDB SQL: vectorized, one sandboxed call per DuckDB vector.

::

    import duckdb, wasmudf
    con = duckdb.connect()
    wasmudf.duckdb.register(con, adj)
    con.sql("SELECT adj(balance, rate) FROM 'accounts.parquet'")
"""

from __future__ import annotations

import inspect
from typing import Any

import duckdb

from wasmudf._function import Function

__all__ = ["register"]

# Parameters are declared at their widest (DuckDB binds INTEGER and SMALLINT columns to
# BIGINT, FLOAT and DECIMAL to DOUBLE, but never narrows implicitly); Function narrows them
# back only where no value changes (a BIGINT too large for INT is an error naming the value).
_DUCKDB_PARAMETER_TYPES = {
    "INT": "BIGINT",
    "BIGINT": "BIGINT",
    "FLOAT": "DOUBLE",
    "DOUBLE": "DOUBLE",
    "BOOLEAN": "BOOLEAN",
    "STRING": "VARCHAR",
}
_DUCKDB_RETURN_TYPES = {**_DUCKDB_PARAMETER_TYPES, "INT": "INTEGER", "FLOAT": "FLOAT"}
# Types that DuckDB hands over as they are (its TIMESTAMP is microseconds, like wasmudf's).
_DUCKDB_EXACT_TYPES = {"DATE": "DATE", "TIMESTAMP": "TIMESTAMP", "BINARY": "BLOB"}


def _duckdb_type(sql_type: str, table: dict[str, str]) -> str:
    if sql_type.startswith("DECIMAL"):
        return sql_type.replace(" ", "")
    return table.get(sql_type) or _DUCKDB_EXACT_TYPES[sql_type]


def register(con: duckdb.DuckDBPyConnection, function: Function, name: str | None = None) -> duckdb.DuckDBPyConnection:
    """Makes ``function`` callable from ``con``'s SQL as ``name`` (default: the function's).

    DuckDB hands it whole Arrow vectors (``type='arrow'``); NULLs stay wasmudf's (a row with
    a NULL argument is NULL without a call). A failure of the function fails the query with
    the :class:`wasmudf.UdfError`'s message (DuckDB re-raises it as its own exception type).
    """
    if not isinstance(function, Function):
        raise TypeError(f"expected a wasmudf.Function, not {type(function).__name__}")

    def call(*columns: Any) -> Any:
        return function(*columns)

    # DuckDB counts the Python function's parameters: give `call` the UDF's.
    call.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(param, inspect.Parameter.POSITIONAL_ONLY) for param in function.param_names]
    )

    con.create_function(
        name or function.name,
        call,
        [con.dtype(_duckdb_type(t, _DUCKDB_PARAMETER_TYPES)) for t in function.param_types],
        con.dtype(_duckdb_type(function.return_type, _DUCKDB_RETURN_TYPES)),
        type="arrow",
        null_handling="special",
        side_effects=False,
    )
    return con
