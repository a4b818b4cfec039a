"""wasmudf's C UDF against the engines users already have, in one interleaved run: the same
work as DataFusion's native expression (the engine wasmudf embeds), DuckDB and Polars.

    scripts/bench-peers                       # 1M and 10M rows, 3 rounds
    scripts/bench-peers --rows 1000000 --runs 5

The table: the paper's accounts (id INT, firstName, lastName STRING, balance INT 0..100000, rate
FLOAT with 2 decimals, email STRING), the same rows as `cargo bench --bench accounts` generates,
written by DuckDB as Parquet with 10 row groups, Snappy. The function: the paper's
`calculate_adj_bal`, `(balance * rate) + balance/1000` with C's semantics (int x float in float,
integer division); the string case takes the domain of an email; the aggregate is a weighted
average per `id % 1000`.

Every variant is a process of its own, as a user meets it (`wasmudf sql`, a Python process
importing DuckDB or Polars), with 2 threads (DataFusion's `target_partitions` follows the 2 cores,
DuckDB `threads=2`, `POLARS_MAX_THREADS=2`). Rounds interleave the variants. Two figures each:
- whole process: the process's wall time less the median wall time of the same engine's process
  running a query over no rows (start-up, imports, the compile-cache hit of the C function);
- in process: the time the process itself measured around the query (for wasmudf, the last
  statement read to its end; the CREATE FUNCTION before it is not counted).
Medians over the rounds; ratios are the UDF over each peer. MAP -> Parquet writes every column
plus the result with Snappy everywhere. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
ADJ_SOURCE = (REPOSITORY / "examples" / "calculate_adj_bal.c").read_text()
DOMAIN_SOURCE = (REPOSITORY / "examples" / "domain.c").read_text()
WAVG_SOURCE = (REPOSITORY / "examples" / "wavg.c").read_text()
THREADS = "2"

# The paper's expression with C's semantics, in each engine's words.
ADJ_DATAFUSION = "(CAST(balance AS FLOAT) * rate + CAST(balance / 1000 AS FLOAT))"
ADJ_DUCKDB = "(CAST(balance AS FLOAT) * rate + CAST(balance // 1000 AS FLOAT))"

ONE_PARTITION = "wasmudf C UDF, 1 partition"
CASES = ["MAP -> sum", "FILTER -> count", "MAP -> Parquet", "STRING domain -> sum(len)", "AGGREGATE wavg (1000 groups)"]


def generate(path: Path, rows: int) -> None:
    """The cargo bench's rows (arithmetic hashes of the row number), 10 row groups, Snappy."""
    import duckdb

    print(f"generating {rows:,} rows into {path}", file=sys.stderr)
    tmp = path.with_suffix(".tmp.parquet")
    duckdb.sql("SET enable_progress_bar = false")
    duckdb.sql(
        f"""COPY (SELECT CAST(value AS INT) AS id,
                   'First' || CAST(value % 997 AS VARCHAR) AS "firstName",
                   'Last' || CAST(value % 1009 AS VARCHAR) AS "lastName",
                   CAST((value * 7919) % 100001 AS INT) AS balance,
                   CAST(((value * 104729) % 100) / 100.0 AS FLOAT) AS rate,
                   'user' || CAST(value AS VARCHAR) || '@' ||
                     CASE value % 6 WHEN 0 THEN 'mtv.com' WHEN 1 THEN 'mozilla.org' WHEN 2 THEN 'amazon.co.jp'
                       WHEN 3 THEN 'usgs.gov' WHEN 4 THEN 'pagesperso-orange.fr' ELSE 'example.com' END AS email
                 FROM range(1, {rows} + 1) AS t(value) ORDER BY value)
            TO '{tmp}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE {max(rows // 10, 1)})"""
    )
    tmp.rename(path)


def wasmudf_sql(case: str, table: str, out: Path, udf: bool) -> str:
    """The statements `wasmudf sql` runs for a case: CREATE FUNCTION then the query (UDF), or the
    native expression alone."""
    adj = "calculate_adj_bal(balance, rate)" if udf else ADJ_DATAFUSION
    define = {
        "MAP -> sum": f"CREATE FUNCTION calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS $${ADJ_SOURCE}$$;",
        "FILTER -> count": f"CREATE FUNCTION calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS $${ADJ_SOURCE}$$;",
        "MAP -> Parquet": f"CREATE FUNCTION calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS $${ADJ_SOURCE}$$;",
        "STRING domain -> sum(len)": f"CREATE FUNCTION domain(email STRING) RETURNS STRING LANGUAGE c AS $${DOMAIN_SOURCE}$$;",
        "AGGREGATE wavg (1000 groups)": f"CREATE FUNCTION wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE LANGUAGE c AS $${WAVG_SOURCE}$$;",
    }[case]
    query = {
        "MAP -> sum": f"SELECT sum({adj}) FROM {table}",
        "FILTER -> count": f"SELECT count(*) FROM {table} WHERE {adj} > 30000",
        "MAP -> Parquet": f"COPY (SELECT *, {adj} AS r FROM {table}) TO '{out}' STORED AS PARQUET "
        "OPTIONS ('format.compression' 'snappy')",
        "STRING domain -> sum(len)": "SELECT sum(length(domain(email))) FROM accounts"
        if udf
        else f"SELECT sum(length(split_part(email, '@', 2))) FROM {table}",
        "AGGREGATE wavg (1000 groups)": f"SELECT id % 1000 AS g, wavg(balance, rate) FROM {table} GROUP BY id % 1000"
        if udf
        else f"SELECT id % 1000 AS g, sum(CAST(balance AS DOUBLE) * CAST(rate AS DOUBLE)) / sum(CAST(rate AS DOUBLE)) "
        f"FROM {table} GROUP BY id % 1000",
    }[case]
    return f"{define}\n{query}" if udf else query


def duckdb_query(case: str, data: str, out: Path) -> str:
    source = f"read_parquet('{data}')"
    return {
        "MAP -> sum": f"SELECT sum({ADJ_DUCKDB}) FROM {source}",
        "FILTER -> count": f"SELECT count(*) FROM {source} WHERE {ADJ_DUCKDB} > 30000",
        "MAP -> Parquet": f"COPY (SELECT *, {ADJ_DUCKDB} AS r FROM {source}) TO '{out}' (FORMAT parquet, COMPRESSION snappy)",
        "STRING domain -> sum(len)": f"SELECT sum(length(split_part(email, '@', 2))) FROM {source}",
        "AGGREGATE wavg (1000 groups)": f"SELECT id % 1000 AS g, sum(CAST(balance AS DOUBLE) * rate) / sum(CAST(rate AS DOUBLE)) "
        f"FROM {source} GROUP BY g",
    }[case]


# One process of DuckDB or Polars: imports, runs one case, prints the time it measured.
RUNNER = r'''
import sys, time
engine, case, data, out = sys.argv[1:5]
if engine == "duckdb":
    import duckdb
    connection = duckdb.connect()
    connection.execute("SET threads = 2")
    query = sys.stdin.read()
    started = time.perf_counter()
    connection.execute(query).fetchall()
    elapsed = time.perf_counter() - started
else:
    import polars as pl
    scan = pl.scan_parquet(data)
    balance, rate = pl.col("balance"), pl.col("rate")
    adj = balance.cast(pl.Float32) * rate + (balance // 1000).cast(pl.Float32)
    started = time.perf_counter()
    if case == "MAP -> sum":
        scan.select(adj.sum()).collect()
    elif case == "FILTER -> count":
        scan.filter(adj > 30000).select(pl.len()).collect()
    elif case == "MAP -> Parquet":
        scan.with_columns(adj.alias("r")).sink_parquet(out, compression="snappy")
    elif case == "STRING domain -> sum(len)":
        scan.select(pl.col("email").str.split_exact("@", 1).struct.field("field_1").str.len_chars().sum()).collect()
    elif case == "AGGREGATE wavg (1000 groups)":
        scan.group_by(pl.col("id") % 1000).agg(
            (balance.cast(pl.Float64) * rate.cast(pl.Float64)).sum() / rate.cast(pl.Float64).sum()
        ).collect()
    elif case != "start-up":
        raise SystemExit(f"unknown case {case}")
    elapsed = time.perf_counter() - started
print(f"timing: {elapsed * 1e3:.3f} ms", file=sys.stderr)
'''


@dataclass
class Run:
    whole: float
    inside: float
    # Peak resident memory of the process, bytes.
    peak_rss: int


# Runs a command as its only child and prints the child's peak resident memory: the same small
# cost for every engine, and part of each engine's start-up too.
LAUNCHER = r"""
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:])
print(f"peak_rss: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}", file=sys.stderr)
sys.exit(done.returncode)
"""


def run_process(command: list[str], stdin: str | None, env: dict[str, str]) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    _, stderr = process.communicate(stdin)
    whole = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed:\n{stderr[-2000:]}")
    timings = re.findall(r"timing: (?:before the last statement [0-9.]+ ms, the last )?([0-9.]+) ms", stderr)
    if not timings:
        raise SystemExit(f"{' '.join(command[:3])} printed no timing:\n{stderr[-2000:]}")
    peak = re.findall(r"peak_rss: ([0-9]+)", stderr)
    return Run(whole=whole, inside=float(timings[-1]) / 1e3, peak_rss=int(peak[-1]) if peak else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="1000000,10000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=os.environ.get("WASMUDF_BIN"))
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    args = parser.parse_args()
    binary = args.binary or str(Path(os.environ.get("CARGO_TARGET_DIR", REPOSITORY / "target")) / "release" / "wasmudf")
    cases = [case.strip() for case in args.cases.split(",") if case.strip()]
    work = Path(os.environ.get("WASMUDF_BENCH_DIR", Path.home() / ".cache" / "wasmudf" / "bench-peers"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, POLARS_MAX_THREADS=THREADS, RUST_LOG="off")
    python = sys.executable

    def variants(case: str, data: Path, out: Path) -> dict[str, tuple[list[str], str | None]]:
        table = ["--table", f"accounts={data}"]
        chosen = {
            "wasmudf C UDF": ([binary, "sql", "--timing", "--format", "csv", *table, wasmudf_sql(case, "accounts", out, True)], None),
            "DataFusion native": ([binary, "sql", "--timing", "--format", "csv", *table, wasmudf_sql(case, "accounts", out, False)], None),
            "DuckDB": ([python, "-c", RUNNER, "duckdb", case, str(data), str(out)], duckdb_query(case, str(data), out)),
            "Polars": ([python, "-c", RUNNER, "polars", case, str(data), str(out)], None),
        }
        if case == "MAP -> sum":
            # Scaling: the same UDF query on one partition (one thread does the work).
            one = "SET datafusion.execution.target_partitions = 1;\n" + wasmudf_sql(case, "accounts", out, True)
            chosen[ONE_PARTITION] = ([binary, "sql", "--timing", "--format", "csv", *table, one], None)
        return chosen

    def start_up(data_empty: Path, out: Path) -> dict[str, tuple[list[str], str | None]]:
        """Each engine's process running a query over no rows."""
        table = ["--table", f"accounts={data_empty}"]
        create = f"CREATE FUNCTION calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS $${ADJ_SOURCE}$$;\n"
        return {
            "wasmudf C UDF": ([binary, "sql", "--timing", "--format", "csv", *table, create + "SELECT sum(calculate_adj_bal(balance, rate)) FROM accounts"], None),
            "DataFusion native": ([binary, "sql", "--timing", "--format", "csv", *table, "SELECT count(*) FROM accounts"], None),
            "DuckDB": ([python, "-c", RUNNER, "duckdb", "start-up", str(data_empty), str(out)], f"SELECT count(*) FROM read_parquet('{data_empty}')"),
            "Polars": ([python, "-c", RUNNER, "polars", "start-up", str(data_empty), str(out)], None),
        }

    empty = work / "accounts-0.parquet"
    if not empty.exists():
        generate(empty, 0)
    results: dict[tuple[int, str, str], list[Run]] = {}
    for rows in [int(n) for n in args.rows.split(",")]:
        data = work / f"accounts-{rows}.parquet"
        if not data.exists():
            generate(data, rows)
        out = work / "out.parquet"
        # Warm-up: every variant once (page cache, the compile cache).
        for case in cases:
            for command, stdin in variants(case, data, out).values():
                run_process(command, stdin, env)
        for round_number in range(args.runs):
            print(f"{rows:,} rows: round {round_number + 1} of {args.runs}", file=sys.stderr)
            for engine, (command, stdin) in start_up(empty, out).items():
                results.setdefault((rows, "start-up", engine), []).append(run_process(command, stdin, env))
            for case in cases:
                for engine, (command, stdin) in variants(case, data, out).items():
                    results.setdefault((rows, case, engine), []).append(run_process(command, stdin, env))
                    if out.exists():
                        if out.is_dir():
                            shutil.rmtree(out)
                        else:
                            out.unlink()
        report(rows, cases, results)


def report(rows: int, cases: list[str], results: dict[tuple[int, str, str], list[Run]]) -> None:
    engines = ["wasmudf C UDF", "DataFusion native", "DuckDB", "Polars"]
    start = {engine: statistics.median(run.whole for run in results[(rows, "start-up", engine)]) for engine in engines}
    print(f"\n{rows:,} rows, medians of {len(results[(rows, cases[0], engines[0])])} rounds; start-up subtracted: "
          + ", ".join(f"{engine} {start[engine]:.3f} s" for engine in engines))
    for figure in ("whole process", "in process"):
        print(f"\n| {figure} | " + " | ".join(engines) + " | UDF / DataFusion | UDF / DuckDB | UDF / Polars | UDF / best peer |")
        print("|---|" + "---:|" * (len(engines) + 4))
        for case in cases:
            seconds = {}
            for engine in engines:
                runs = results[(rows, case, engine)]
                if figure == "whole process":
                    seconds[engine] = max(statistics.median(run.whole for run in runs) - start[engine], 1e-6)
                else:
                    seconds[engine] = statistics.median(run.inside for run in runs)
            udf = seconds["wasmudf C UDF"]
            ratios = [udf / seconds[peer] for peer in engines[1:]]
            best = udf / min(seconds[peer] for peer in engines[1:])
            print(f"| {case} | " + " | ".join(f"{seconds[engine]:.3f} s" for engine in engines)
                  + " | " + " | ".join(f"{ratio:.2f}x" for ratio in ratios) + f" | **{best:.2f}x** |")
    print("\n| peak RSS (largest of the rounds) | " + " | ".join(engines) + " |")
    print("|---|" + "---:|" * len(engines))
    for case in ["start-up", *cases]:
        peaks = [max(run.peak_rss for run in results[(rows, case, engine)]) for engine in engines]
        print(f"| {case} | " + " | ".join(f"{peak / 2**20:.0f} MiB" for peak in peaks) + " |")
    if (rows, "MAP -> sum", ONE_PARTITION) in results:
        one = statistics.median(run.inside for run in results[(rows, "MAP -> sum", ONE_PARTITION)])
        two = statistics.median(run.inside for run in results[(rows, "MAP -> sum", engines[0])])
        print(f"\nscaling, MAP -> sum with the C UDF in process: 1 partition {one:.3f} s, 2 partitions {two:.3f} s: "
              f"**{one / two:.2f}x** on 2 threads")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
