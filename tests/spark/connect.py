"""wasmudf in Spark through Spark Connect, end to end, with real processes only.

A real `wasmudf serve` holds a tenant's saved functions; a real Spark Connect server (pyspark's
own Spark, `local[2]`, on loopback) loads wasmudf's jar with the catalog in server mode, so its
functions are the tenant's; a Python Spark Connect client calls them by name with no wasmudf
code on the client: `SELECT wasm.adj(balance, rate)` gives 5765.22 on the paper's first row.

Then the paper's system on Spark: a second `wasmudf serve --spark sc://...` runs the paper's
ExecutionRequest through the same Connect server (its second catalog reads the modules that
server publishes), and the API answers 5765.22 as it does on the embedded engine.

Run by scripts/test with the Python environment scripts/build-python made (it has pyspark and
the Connect client's packages), after scripts/build-spark built the jar. Every wait is bounded;
both servers are stopped by their PID.
"""
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "system"))
from server import PAPER, Server, free_port  # noqa: E402

import pyspark  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

# The client logs every failed query with its JVM stack; the failures here are provoked and asserted.
logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
logging.getLogger("pyspark").setLevel(logging.CRITICAL)

CONNECT_READY_SECONDS = 180
JAR = next((ROOT / "spark" / "target").glob("wasmudf-spark-*.jar"), None)
ADJ = "float adj(int balance, float rate) { return (balance * rate) + balance/1000; }"
DIVIDE = "int divide(int a, int b) { return a / b; }"


def start_connect_server(port: int, server: Server, token: str, library: Path, log: Path) -> subprocess.Popen:
    """spark-submit execs the JVM: the PID we get is the server's."""
    spark_home = Path(pyspark.__file__).parent
    command = [
        str(spark_home / "bin" / "spark-submit"),
        "--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
        "--name", "wasmudf Spark Connect test",
        "--master", "local[2]",
        "--jars", str(JAR),
        "--conf", "spark.connect.grpc.binding.address=127.0.0.1",
        "--conf", f"spark.connect.grpc.binding.port={port}",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.catalog.wasm=io.wasmudf.spark.WasmCatalog",
        "--conf", f"spark.sql.catalog.wasm.server={server.base}",
        "--conf", f"spark.sql.catalog.wasm.token={token}",
        # The catalog `serve --spark` publishes its modules to.
        "--conf", "spark.sql.catalog.lib=io.wasmudf.spark.WasmCatalog",
        "--conf", f"spark.sql.catalog.lib.library={library}",
    ]
    env = dict(os.environ, SPARK_HOME=str(spark_home), SPARK_CONNECT_MODE="0")
    env.pop("SPARK_CONNECT_AUTHENTICATE_TOKEN", None)
    return subprocess.Popen(command, stdout=open(log, "wb"), stderr=subprocess.STDOUT, env=env)


def connect(port: int, process: subprocess.Popen, log: Path) -> SparkSession:
    deadline = time.monotonic() + CONNECT_READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Spark Connect server exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        if "Spark Connect server started" in log.read_text(errors="replace"):
            return SparkSession.builder.remote(f"sc://127.0.0.1:{port}").getOrCreate()
        time.sleep(0.5)
    raise RuntimeError(f"the Spark Connect server did not start within {CONNECT_READY_SECONDS} s:\n{log.read_text()[-4000:]}")


def stop(process: subprocess.Popen):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def paper_on_spark(port: int, library: Path):
    """`serve --spark`: the paper's ExecutionRequest through the API, run by Spark."""
    server = Server(
        "--spark", f"sc://127.0.0.1:{port}", "--spark-library", str(library), "--spark-catalog", "lib"
    ).start()
    try:
        token = server.demo_token()
        status, body, _ = server.call(token, "POST", "/executions", PAPER)
        assert status == 202, (status, body)
        done = server.wait(token, body["id"], seconds=180)
        assert done["status"] == "succeeded", done
        status, page, _ = server.call(token, "GET", f"/executions/{body['id']}/results?limit=1000")
        assert status == 200, page
        names = [column["name"] for column in page["columns"]]
        first = dict(zip(names, next(row for row in page["rows"] if row[names.index("id")] == 1)))
        assert round(float(first["calculate_adj_bal_RESULT"]), 2) == 5765.22, first
        assert page["total_rows"] == 1000, page["total_rows"]
        modules = [path.name for path in library.iterdir()]
        assert len(modules) == 1 and modules[0].startswith("f_"), modules
        # Spark's ${...} substitution is off: a tenant's column name stays text, never the
        # driver's environment.
        status, body, _ = server.call(token, "POST", "/executions", dict(PAPER, output_column_name="${env:HOME}"))
        assert status == 202, (status, body)
        assert server.wait(token, body["id"], seconds=180)["status"] == "succeeded"
        status, page, _ = server.call(token, "GET", f"/executions/{body['id']}/results?limit=1")
        names = [column["name"] for column in page["columns"]]
        assert names[-1] == "${env:HOME}" and os.environ["HOME"] not in names, names
        # A trap on Spark is a failed execution whose message names the function and the row.
        trap = dict(PAPER, program="int divide(int balance, int id) { return balance / (id - 1); }",
                    function_name="divide", input_column_names=["balance", "id"], output_column_type="INTEGER")
        status, body, _ = server.call(token, "POST", "/executions", trap)
        assert status == 202, (status, body)
        failed = server.wait(token, body["id"], seconds=180)
        assert failed["status"] == "failed", failed
        assert failed["error"]["kind"] == "division_by_zero", failed
        message = failed["error"]["message"]
        assert "UDF `divide` failed: integer division by zero at the row (balance=12507, id=1)" in message, message
        assert "/tmp/" not in message and str(ROOT) not in message, message
    finally:
        server.close()


def main():
    if JAR is None:
        raise SystemExit("tests/spark/connect.py: no spark/target/wasmudf-spark-*.jar: run scripts/build-spark")
    server = Server().start()
    connect_process = None
    try:
        token = server.demo_token()
        for name, source in (("adj", ADJ), ("divide", DIVIDE)):
            status, body, _ = server.call(token, "POST", "/functions", {"name": name, "source": source})
            assert status == 201, (status, body)
        port = free_port()
        with tempfile.TemporaryDirectory(prefix="wasmudf-spark-connect-") as scratch:
            log = Path(scratch) / "connect.log"
            library = Path(scratch) / "spark-library"
            library.mkdir()
            connect_process = start_connect_server(port, server, token, library, log)
            spark = connect(port, connect_process, log)
            try:
                accounts = spark.read.option("header", True).option("inferSchema", True).csv(str(ROOT / "demo" / "accounts.csv"))
                accounts.createOrReplaceTempView("accounts")
                first = spark.sql("SELECT wasm.adj(balance, rate) AS adj FROM accounts WHERE id = 1").collect()
                assert [round(row.adj, 2) for row in first] == [5765.22], first
                # The DataFrame API names the function the same way, with no client code.
                total = accounts.select(F.call_function("wasm.adj", "balance", "rate").alias("adj")).count()
                assert total == 1000, total
                names = [row.function for row in spark.sql("SHOW USER FUNCTIONS IN wasm").collect()]
                assert "wasm.adj" in names and "wasm.divide" in names, names
                try:
                    spark.sql("SELECT wasm.divide(balance, id - 1) FROM accounts").collect()
                    raise AssertionError("divide by zero did not fail")
                except AssertionError:
                    raise
                except Exception as error:  # pyspark.errors.SparkConnectGrpcException and kin
                    text = str(error)
                    assert "UDF `divide` failed: integer division by zero at the row (a=12507, b=0)" in text, text
                    assert str(ROOT) not in text, text
                # The server's 404 is the catalog's "no such function".
                try:
                    spark.sql("SELECT wasm.nope(1)").collect()
                    raise AssertionError("an unknown function resolved")
                except AssertionError:
                    raise
                except Exception as error:
                    assert "UNRESOLVED_ROUTINE" in str(error), str(error)
                paper_on_spark(port, library)
            finally:
                spark.stop()
                stop(connect_process)
    finally:
        if connect_process is not None:
            stop(connect_process)
        server.close()
    print("spark connect: wasm.adj from a Connect client = 5765.22; serve --spark runs the paper's request = 5765.22")


if __name__ == "__main__":
    main()
