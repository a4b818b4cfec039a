"""wasmudf in PySpark, DuckDB and Polars against each engine's native expression, and against
the paper's way (one Wasm call per row), in one interleaved run.

    scripts/build-python && ~/.cache/wasmudf/venv/bin/python python/bench/bench.py --rows 10000000

The table: the paper's accounts (id INT, firstName, lastName STRING, balance INT 0..100000,
rate FLOAT with 2 decimals, email STRING), generated once as Parquet (10 row groups, Snappy)
under ~/.cache/wasmudf/bench-python. The function: the paper's `calculate_adj_bal`,
`(balance * rate) + balance/1000`.

Each engine gets 2 threads (Spark `local[2]`, DuckDB `threads=2`, Polars `POLARS_MAX_THREADS=2`)
and a warm session; every query runs once to warm up, then `--runs` rounds interleave the
variants, and the median is printed with its ratio to the engine's native expression. The
paper's way (minutes per run at 10M rows) runs in the first `--paper-runs` rounds only. MAP ->
Parquet writes every column plus the result, Snappy everywhere. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("POLARS_MAX_THREADS", "2")
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import polars as pl  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import wasmudf  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]
PAPER_WAY = "paper's way"
ADJ_SOURCE = (REPOSITORY / "examples" / "calculate_adj_bal.c").read_text()

# The paper's way: the same function compiled for one call per row (what Emscripten made of the
# C function, written out here so that no second toolchain is needed).
PER_ROW_WAT = """
(module
  (func (export "calculate_adj_bal") (param $balance i32) (param $rate f32) (result f32)
    (f32.add
      (f32.mul (f32.convert_i32_s (local.get $balance)) (local.get $rate))
      (f32.convert_i32_s (i32.div_s (local.get $balance) (i32.const 1000))))))
"""


def generate(path: Path, rows: int) -> None:
    rng = np.random.default_rng(42)
    ids = np.arange(1, rows + 1, dtype=np.int32)
    names = pa.array([f"name{i}" for i in range(1000)])
    pick = pa.array(rng.integers(0, 1000, rows, dtype=np.int32))
    first = pc.take(names, pick)
    last = pc.take(names, pa.array(rng.integers(0, 1000, rows, dtype=np.int32)))
    domains = pa.array(["mtv.com", "mozilla.org", "amazon.co.jp", "example.net"])
    email = pc.binary_join_element_wise(first, pc.take(domains, pa.array(rng.integers(0, 4, rows, dtype=np.int32))), "@")
    table = pa.table(
        {
            "id": ids,
            "firstName": first,
            "lastName": last,
            "balance": rng.integers(0, 100_000, rows, dtype=np.int32),
            "rate": (rng.integers(0, 100, rows) / 100).astype(np.float32),
            "email": email,
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, row_group_size=max(1, rows // 10), compression="snappy")


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def spark_variants(
    parquet: Path, out: Path, adj: wasmudf.Function, paper_way: bool, batch_rows: int
) -> dict[str, dict[str, Callable[[], object]]]:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.functions import arrow_udf, pandas_udf, udf

    # wasmudf's JVM function catalog (spark/: scripts/build-spark), when its jar is built: the
    # same module, called per row from Spark's generated code, with no Python worker.
    jar = next((REPOSITORY / "spark" / "target").glob("wasmudf-spark-*.jar"), None)
    builder = SparkSession.builder
    if jar is not None:
        library = out.parent / "spark-library"
        library.mkdir(exist_ok=True)
        (library / "adj.wasm").write_bytes(adj.wasm)
        builder = (
            builder.config("spark.jars", str(jar))
            .config("spark.sql.catalog.wasm", "io.wasmudf.spark.WasmCatalog")
            .config("spark.sql.catalog.wasm.library", str(library))
        )
    else:
        print("no spark/target/wasmudf-spark-*.jar (scripts/build-spark): skipping wasm.adj", file=sys.stderr)
    spark = (
        builder.master("local[2]")
        .appName("wasmudf-bench")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_rows))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    accounts = spark.read.parquet(str(parquet))

    @pandas_udf("float")  # type: ignore[call-overload]
    def adj_pandas(balance: pd.Series, rate: pd.Series) -> pd.Series:
        return (balance * rate + balance // 1000).astype("float32")

    per_row: dict[str, object] = {}

    def adj_per_row(balance: int, rate: float) -> float:
        # One wasmtime instance per Python worker, one Wasm call per row: the paper's runner.
        if "call" not in per_row:
            import wasmtime

            store = wasmtime.Store()
            instance = wasmtime.Instance(store, wasmtime.Module(store.engine, PER_ROW_WAT), [])
            function = instance.exports(store)["calculate_adj_bal"]
            per_row["call"] = lambda b, r: function(store, b, r)
        return per_row["call"](balance, rate)  # type: ignore[operator]

    # The floor of every Arrow UDF: Spark's transport to and from the Python worker, and nothing else.
    floor = arrow_udf(lambda balance, rate: pc.cast(rate, pa.float32()), "float")

    expressions = {
        "Spark native": F.expr("balance * rate + (balance div 1000)").cast("float"),
        **({"wasm.adj (JVM catalog, JNI per row)": F.expr("wasm.adj(balance, rate)")} if jar else {}),
        "wasmudf.spark.udf": wasmudf.spark.udf(adj)("balance", "rate"),
        "pandas_udf (numpy)": adj_pandas("balance", "rate"),
        "arrow_udf floor (a cast, no function)": floor("balance", "rate"),
    }
    if paper_way:
        expressions[f"{PAPER_WAY} (Wasm per row)"] = udf(adj_per_row, "float")("balance", "rate")

    def map_sum(expression: object) -> Callable[[], object]:
        return lambda: accounts.select(F.sum(expression)).collect()

    def map_parquet(expression: object, name: str) -> Callable[[], object]:
        target = out / f"spark-{name.split()[0].replace(chr(39), '')}"
        return lambda: accounts.select("*", expression.alias("adjusted")).write.mode("overwrite").parquet(str(target))  # type: ignore[attr-defined]

    return {
        "Spark MAP -> sum": {name: map_sum(e) for name, e in expressions.items()},
        "Spark MAP -> Parquet": {name: map_parquet(e, name) for name, e in expressions.items()},
    }


def duckdb_variants(parquet: Path, out: Path, adj: wasmudf.Function) -> dict[str, dict[str, Callable[[], object]]]:
    con = duckdb.connect()
    con.execute("SET threads = 2")
    wasmudf.duckdb.register(con, adj)
    source = f"read_parquet('{parquet}')"
    native = "balance * rate + balance // 1000"
    wasm = "calculate_adj_bal(balance, rate)"
    # The floor of every Arrow UDF in DuckDB: its per-vector call into Python, and nothing else.
    con.create_function(
        "udf_floor",
        lambda balance, rate: pc.cast(rate, pa.float32()),
        ["BIGINT", "DOUBLE"],
        "FLOAT",
        type="arrow",
        null_handling="special",
    )
    floor = "udf_floor(balance, rate)"

    def to_parquet(expression: str, name: str) -> Callable[[], object]:
        target = out / f"duckdb-{name}.parquet"
        return lambda: con.execute(
            f"COPY (SELECT *, {expression} AS adjusted FROM {source}) TO '{target}' (FORMAT parquet, COMPRESSION snappy)"
        )

    return {
        "DuckDB MAP -> sum": {
            "DuckDB native": lambda: con.execute(f"SELECT sum({native}) FROM {source}").fetchall(),
            "wasmudf.duckdb": lambda: con.execute(f"SELECT sum({wasm}) FROM {source}").fetchall(),
            "Arrow UDF floor (a cast, no function)": lambda: con.execute(f"SELECT sum({floor}) FROM {source}").fetchall(),
        },
        "DuckDB MAP -> Parquet": {
            "DuckDB native": to_parquet(native, "native"),
            "wasmudf.duckdb": to_parquet(wasm, "wasmudf"),
        },
    }


def polars_variants(parquet: Path, out: Path, adj: wasmudf.Function) -> dict[str, dict[str, Callable[[], object]]]:
    native = pl.col("balance") * pl.col("rate") + pl.col("balance") // 1000
    wasm = wasmudf.polars.expr(adj, "balance", "rate")

    def to_parquet(expression: pl.Expr, name: str) -> Callable[[], object]:
        target = out / f"polars-{name}.parquet"
        return lambda: pl.scan_parquet(parquet).with_columns(expression.alias("adjusted")).sink_parquet(target, compression="snappy")

    return {
        "Polars MAP -> sum": {
            "Polars native": lambda: pl.scan_parquet(parquet).select(native.sum()).collect(),
            "wasmudf.polars": lambda: pl.scan_parquet(parquet).select(wasm.sum()).collect(),
        },
        "Polars MAP -> Parquet": {
            "Polars native": to_parquet(native, "native"),
            "wasmudf.polars": to_parquet(wasm, "wasmudf"),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "wasmudf" / "bench-python")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark comparisons")
    parser.add_argument("--only-spark", action="store_true", help="skip DuckDB and Polars")
    parser.add_argument(
        "--spark-batch-rows",
        type=int,
        default=10_000,
        help="spark.sql.execution.arrow.maxRecordsPerBatch (Spark's default: 10,000)",
    )
    parser.add_argument("--no-paper-way", action="store_true", help="skip the per-row Wasm UDF (slow)")
    parser.add_argument(
        "--paper-runs",
        type=int,
        default=1,
        help="rounds that include the per-row Wasm UDF, without a warm-up (each takes minutes at 10M rows)",
    )
    args = parser.parse_args()

    parquet = args.dir / f"accounts-{args.rows}.parquet"
    if not parquet.exists():
        print(f"generating {args.rows} rows in {parquet}", file=sys.stderr)
        generate(parquet, args.rows)
    out = args.dir / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    adj = wasmudf.Function.from_c(ADJ_SOURCE)
    groups = {} if args.only_spark else {**duckdb_variants(parquet, out, adj), **polars_variants(parquet, out, adj)}
    if not args.no_spark:
        groups = {**spark_variants(parquet, out, adj, not args.no_paper_way, args.spark_batch_rows), **groups}

    for variants in groups.values():
        for name, run in variants.items():
            if not name.startswith(PAPER_WAY):
                run()  # warm-up
    times: dict[tuple[str, str], list[float]] = {}
    for round_number in range(args.runs):
        for group, variants in groups.items():
            for name, run in variants.items():
                if name.startswith(PAPER_WAY) and round_number >= args.paper_runs:
                    continue
                seconds = timed(run)
                times.setdefault((group, name), []).append(seconds)
                print(f"round {round_number + 1} of {args.runs}: {group}: {name}: {seconds:.3f} s", file=sys.stderr)

    print(
        f"\n{args.rows:,} rows, median of {args.runs} interleaved runs, 2 threads per engine, "
        f"Spark Arrow batches of {args.spark_batch_rows:,} rows\n"
    )
    print("| query | variant | median s | / native |")
    print("|---|---|---|---|")
    for group, variants in groups.items():
        baseline = None
        for name in variants:
            runs = times[(group, name)]
            median = statistics.median(runs)
            baseline = baseline or median
            note = "" if len(runs) == args.runs else f" ({len(runs)} run)"
            print(f"| {group} | {name}{note} | {median:.3f} | {median / baseline:.2f}x |")


if __name__ == "__main__":
    main()
