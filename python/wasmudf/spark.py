"""wasmudf functions in PySpark: Arrow UDFs over whole batches, and the paper's MAP and FILTER.

::

    from wasmudf import spark as wspark
    adj_udf = wspark.udf(adj)
    df.select(adj_udf("balance", "rate"))
    spark.udf.register("adj", adj_udf)          # SELECT adj(balance, rate) FROM accounts
    wspark.run(df, adj, columns=["balance", "rate"], operation="MAP")

The module travels to the executors inside the pickled UDF (its bytes and SHA-256; no shared
file system), and each Python worker checks the digest and compiles it once.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.functions import arrow_udf
from pyspark.sql.types import (
    BinaryType,
    BooleanType,
    DataType,
    DateType,
    DecimalType,
    DoubleType,
    FloatType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
    TimestampType,
)

from wasmudf._function import Function

__all__ = ["udf", "run", "spark_type"]

_SPARK_TYPES: dict[str, DataType] = {
    "INT": IntegerType(),
    "BIGINT": LongType(),
    "FLOAT": FloatType(),
    "DOUBLE": DoubleType(),
    "BOOLEAN": BooleanType(),
    "STRING": StringType(),
    "DATE": DateType(),
    "TIMESTAMP": TimestampType(),
    "BINARY": BinaryType(),
}

_OPERATIONS = ("MAP", "FILTER")


def spark_type(sql_type: str) -> DataType:
    """The Spark type of a wasmudf SQL type (``INT`` is ``IntegerType()``, ``DECIMAL(10, 2)``
    is ``DecimalType(10, 2)``, ...)."""
    if sql_type.startswith("DECIMAL("):
        precision, scale = (int(part) for part in sql_type[len("DECIMAL(") : -1].split(","))
        return DecimalType(precision, scale)
    return _SPARK_TYPES[sql_type]


def _check_session() -> None:
    spark = SparkSession.getActiveSession()
    if spark is not None and spark.conf.get("spark.executor.pyspark.memory", None):
        # PySpark enforces it with RLIMIT_AS, and the sandbox reserves (not uses) address
        # space for its guests' memories up front: every load would fail.
        raise ValueError(
            "wasmudf cannot run where spark.executor.pyspark.memory is set: PySpark enforces it "
            "as an address-space limit, which the sandbox's memory reservations exceed. Unset it; "
            "each function's memory is capped by its own wasmudf.Limits instead."
        )


def _check(function: Function) -> None:
    if not isinstance(function, Function):
        raise TypeError(f"expected a wasmudf.Function, not {type(function).__name__}")


def udf(function: Function) -> Any:
    """A PySpark Arrow UDF (``SQL_SCALAR_ARROW_UDF``) calling ``function`` once per Arrow batch.

    Use it on columns, ``df.select(u("balance", "rate"))``, or register it for SQL,
    ``spark.udf.register("adj", u)``. Spark's int, bigint, float, double, boolean and string
    columns map to the signature's types; a failure fails the Spark task with the
    :class:`wasmudf.UdfError`'s message (kind, row within the batch, values).
    """
    _check(function)
    _check_session()

    # `*columns`, not named parameters: PySpark refuses Arrow UDFs that declare none. And no
    # annotations: PySpark would read them as type hints, where none means a scalar Arrow UDF.
    def call(*columns):  # type: ignore[no-untyped-def]
        return function(*columns)

    call.__name__ = call.__qualname__ = function.name
    call.__doc__ = f"wasmudf: {function.signature}"
    return arrow_udf(call, returnType=spark_type(function.return_type))


def run(
    df: DataFrame,
    function: Function,
    columns: Sequence[str],
    operation: str = "MAP",
    output_column: str | None = None,
) -> DataFrame:
    """The paper's execution request on a Spark DataFrame, batch by batch (``mapInArrow``).

    - ``MAP`` keeps every row and adds the result as ``output_column`` (default
      ``<function>_RESULT``).
    - ``FILTER`` keeps the rows for which the function (which must return BOOLEAN) is true;
      a NULL result drops the row, as SQL's WHERE does.
    """
    _check(function)
    _check_session()
    operation = operation.upper()
    if operation not in _OPERATIONS:
        raise ValueError(f"operation must be MAP or FILTER, not {operation!r}")
    columns = list(columns)
    if len(columns) != len(function.param_names):
        raise TypeError(
            f"{function.name}() takes {len(function.param_names)} column(s) ({function.signature}), "
            f"{len(columns)} given"
        )
    missing = [column for column in columns if column not in df.columns]
    if missing:
        raise ValueError(f"no column {', '.join(map(repr, missing))}; the DataFrame has {', '.join(df.columns)}")
    if operation == "FILTER":
        if function.return_type != "BOOLEAN":
            raise TypeError(f"a FILTER function returns BOOLEAN; {function.name}() returns {function.return_type}")
        schema = df.schema

        def apply(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for batch in batches:
                yield batch.filter(function(*(batch.column(column) for column in columns)))

    else:
        output = output_column or f"{function.name}_RESULT"
        if output in df.columns:
            raise ValueError(f"the DataFrame already has a column {output!r}: pass output_column=")
        schema = StructType([*df.schema.fields, StructField(output, spark_type(function.return_type), True)])

        def apply(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for batch in batches:
                result = function(*(batch.column(column) for column in columns))
                yield pa.RecordBatch.from_arrays([*batch.columns, result], names=[*batch.schema.names, output])

    return df.mapInArrow(apply, schema)
