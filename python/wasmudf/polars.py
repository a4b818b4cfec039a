"""wasmudf functions as Polars expressions.

::

    import polars as pl, wasmudf
    df.with_columns(wasmudf.polars.expr(adj, "balance", "rate").alias("adjusted"))
"""

from __future__ import annotations

from typing import Any

import polars as pl

from wasmudf._function import Function

__all__ = ["expr"]

_POLARS_TYPES = {
    "INT": pl.Int32,
    "BIGINT": pl.Int64,
    "FLOAT": pl.Float32,
    "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean,
    "STRING": pl.String,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime("us", "UTC"),
    "BINARY": pl.Binary,
}


def _polars_type(sql_type: str) -> Any:
    if sql_type.startswith("DECIMAL("):
        precision, scale = (int(part) for part in sql_type[len("DECIMAL(") : -1].split(","))
        return pl.Decimal(precision, scale)
    return _POLARS_TYPES[sql_type]


def expr(function: Function, *columns: str | pl.Expr) -> pl.Expr:
    """An expression applying ``function`` to ``columns`` (names or expressions), batch by
    batch: Polars' Series cross to the sandbox as Arrow arrays, the result comes back as a
    Series of the function's return type, named after the function."""
    if not isinstance(function, Function):
        raise TypeError(f"expected a wasmudf.Function, not {type(function).__name__}")
    if len(columns) != len(function.param_names):
        raise TypeError(
            f"{function.name}() takes {len(function.param_names)} column(s) ({function.signature}), "
            f"{len(columns)} given"
        )
    inputs = [pl.col(column) if isinstance(column, str) else column for column in columns]

    def call(series: list[pl.Series]) -> pl.Series:
        result = function(*(s.to_arrow() for s in series))
        return pl.Series(function.name, result)

    return pl.map_batches(
        inputs, call, return_dtype=_polars_type(function.return_type), is_elementwise=True
    ).alias(function.name)
