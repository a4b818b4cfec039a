"""The same 10M-row query, embedded and on a two-executor cluster on this machine; best of
three runs each, printed with their ratio. Not a test: run it by hand.

    CARGO_TARGET_DIR=... python3 tests/system/bench_cluster.py [ROWS]
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from server import BINARY, free_port
from test_cluster import wait_port, wait_ready

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
RUNS = 3
QUERY = (
    "CREATE FUNCTION adj(balance BIGINT, rate DOUBLE) RETURNS DOUBLE LANGUAGE c AS "
    "$$double adj(int64_t b, double r) { return (b * r) + b / 1000; }$$;"
    "SELECT count(*) AS n, sum(adj(balance, rate)) AS s FROM t"
)


def timed(*extra: str, table: Path) -> tuple[float, str]:
    best, output = float("inf"), ""
    for _ in range(RUNS):
        started = time.monotonic()
        done = subprocess.run(
            [str(BINARY), "sql", "--format", "csv", "--table", f"t={table}", *extra, QUERY],
            capture_output=True, text=True, timeout=600, check=True,
        )
        best = min(best, time.monotonic() - started)
        output = done.stdout.strip().splitlines()[-1]
    return best, output


def main():
    with tempfile.TemporaryDirectory(prefix="wasmudf-bench-cluster-") as work:
        table = Path(work) / "accounts.parquet"
        subprocess.run(
            [str(BINARY), "sql", f"COPY (SELECT value AS id, value % 100000 AS balance, "
             f"CAST(value % 99 + 1 AS DOUBLE) / 100 AS rate FROM generate_series(1, {ROWS})) "
             f"TO '{table}' STORED AS PARQUET"],
            check=True, capture_output=True, timeout=600,
        )
        port = free_port()
        processes = [subprocess.Popen([str(BINARY), "scheduler", "--bind", "127.0.0.1", "--port", str(port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        try:
            wait_port(port, 60, "the scheduler", processes)
            for n in (1, 2):
                flight = free_port()
                processes.append(subprocess.Popen(
                    [str(BINARY), "executor", "--scheduler", f"127.0.0.1:{port}", "--bind", "127.0.0.1",
                     "--bind-port", str(flight), "--grpc-port", str(free_port()), "--concurrency", "1",
                     "--work-dir", str(Path(work) / f"work{n}")],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
                wait_port(flight, 60, f"executor {n}", processes)
            wait_ready(port, 60)
            embedded, a = timed(table=table)
            cluster, b = timed("--cluster", f"df://127.0.0.1:{port}", table=table)
            assert a.split(",")[0] == b.split(",")[0] == str(ROWS), (a, b)
            print(f"{ROWS:,} rows, best of {RUNS}: embedded {embedded:.2f} s, "
                  f"cluster (2 executors, 1 task each, same machine) {cluster:.2f} s, ratio {cluster / embedded:.2f}x")
        finally:
            for process in processes:
                process.kill()


if __name__ == "__main__":
    main()
