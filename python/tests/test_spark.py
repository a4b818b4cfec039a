"""The same sandboxed function in PySpark (a real Spark in local[2] mode, on this machine's Java)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pytest

import wasmudf

if shutil.which("java") is None:
    pytest.skip("skipped the PySpark tests: no `java` on PATH (install Java 17)", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402
from pyspark.errors import PythonException  # noqa: E402

FIRST_ROW = pytest.approx(5765.22, abs=0.005)


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    # The workers must be this interpreter (it has wasmudf installed), and Spark stays on loopback.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("wasmudf-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("warehouse")))
        # Small Arrow batches: a 1000-row table crosses to Python in several calls.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def accounts(spark: SparkSession) -> object:
    path = Path(__file__).resolve().parents[2] / "demo" / "accounts.csv"
    frame = spark.read.csv(str(path), header=True, inferSchema=True)
    frame.createOrReplaceTempView("accounts")
    return frame


def test_a_dataframe_column(accounts: object, adj: wasmudf.Function, domain: wasmudf.Function) -> None:
    adj_udf = wasmudf.spark.udf(adj)
    domain_udf = wasmudf.spark.udf(domain)
    rows = (
        accounts.select("id", adj_udf("balance", "rate").alias("adjusted"), domain_udf("email").alias("domain"))
        .orderBy("id")
        .collect()
    )
    assert len(rows) == 1000
    assert rows[0]["adjusted"] == FIRST_ROW and rows[0]["domain"] == "mtv.com"
    assert rows[1]["domain"] == "mozilla.org"
    assert dict(accounts.select(adj_udf("balance", "rate").alias("a")).dtypes)["a"] == "float"


def test_spark_sql(spark: SparkSession, accounts: object, adj: wasmudf.Function) -> None:
    spark.udf.register("adj", wasmudf.spark.udf(adj))
    first = spark.sql("SELECT id, adj(balance, rate) AS adjusted FROM accounts ORDER BY id LIMIT 1").collect()
    assert first[0]["adjusted"] == FIRST_ROW
    # In WHERE and GROUP BY too, with NULLs (strict: no call, NULL result).
    counted = spark.sql(
        "SELECT adj(b, 1.0D) IS NULL AS missing, count(*) AS n FROM "
        "(SELECT CASE WHEN id % 4 = 0 THEN NULL ELSE CAST(balance AS INT) END AS b FROM accounts) "
        "WHERE adj(b, 1.0D) > 0 OR b IS NULL GROUP BY 1 ORDER BY 1"
    ).collect()
    assert [(row["missing"], row["n"]) for row in counted] == [(False, 750), (True, 250)]


def test_run_map_and_filter(spark: SparkSession, accounts: object, adj: wasmudf.Function, guest: Callable[..., wasmudf.Function]) -> None:
    mapped = wasmudf.spark.run(accounts, adj, columns=["balance", "rate"], operation="MAP")
    assert mapped.columns == [*accounts.columns, "calculate_adj_bal_RESULT"]
    first = mapped.orderBy("id").first()
    assert first["calculate_adj_bal_RESULT"] == FIRST_ROW and first["email"] == "fdumphy0@mtv.com"
    assert mapped.count() == 1000

    even = guest("even")
    numbers = spark.range(0, 1000).select(F.col("id").cast("int").alias("n"))
    kept = wasmudf.spark.run(numbers, even, columns=["n"], operation="FILTER")
    assert kept.columns == ["n"]
    assert kept.count() == 500
    assert kept.agg(F.sum(F.col("n") % 2)).first()[0] == 0
    with pytest.raises(TypeError, match=r"a FILTER function returns BOOLEAN; calculate_adj_bal\(\) returns FLOAT"):
        wasmudf.spark.run(accounts, adj, columns=["balance", "rate"], operation="FILTER")
    with pytest.raises(ValueError, match="no column 'balanse'"):
        wasmudf.spark.run(accounts, adj, columns=["balanse", "rate"])


def test_a_trap_fails_the_task_with_the_row(spark: SparkSession, guest: Callable[..., wasmudf.Function]) -> None:
    divide = wasmudf.spark.udf(guest("divide"))
    schema = T.StructType([T.StructField("a", T.IntegerType()), T.StructField("b", T.IntegerType())])
    # One partition, so both rows cross in one batch and the failing one is its row 1.
    frame = spark.createDataFrame([(6, 3), (5, 0)], schema).coalesce(1)
    with pytest.raises(PythonException) as failed:
        frame.select(divide("a", "b")).collect()
    assert "UDF `divide` failed: integer division by zero at row 1 of the batch (a=5, b=0)" in str(failed.value)
    # The session and the function go on.
    assert frame.where("b > 0").select(divide("a", "b").alias("q")).first()["q"] == 2


def test_each_worker_loads_a_module_once(spark: SparkSession, adj: wasmudf.Function) -> None:
    # Eight partitions over local[2]'s reused Python workers: every batch reports its worker's
    # process id and how many modules that process had loaded once it had called the function.
    # A worker that compiled per task or per batch would report a growing count.
    from pyspark.sql.functions import arrow_udf

    def report(balance):  # type: ignore[no-untyped-def]
        from wasmudf import _wasmudf

        adj(balance, pa.array([1.0] * len(balance)))
        return pa.array([f"{os.getpid()}:{_wasmudf.load_count()}"] * len(balance))

    probe = arrow_udf(report, returnType="string")
    frame = spark.range(0, 8000, numPartitions=8).select(F.col("id").cast("int").alias("balance"))
    reports = {row[0] for row in frame.select(probe("balance")).collect()}
    loads_by_worker: dict[str, set[int]] = {}
    for entry in reports:
        pid, loads = entry.split(":")
        loads_by_worker.setdefault(pid, set()).add(int(loads))
    assert loads_by_worker, reports
    assert all(len(loads) == 1 for loads in loads_by_worker.values()), loads_by_worker
