"""The same SQL on the embedded engine and on a real Ballista cluster (one scheduler, two
executors, separate processes on loopback, all sharing a cluster secret), compared result by
result; then a client with the wrong secret and a public bind without one are refused; then an
executor killed mid-query. Every wait is bounded."""
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from server import BINARY, PAPER, ROOT, Server, free_port

ACCOUNTS = ROOT / "demo" / "accounts.csv"
PEOPLE = ROOT / "crates" / "datafusion" / "tests" / "data" / "people.csv"
READY_SECONDS = 90
QUERY_SECONDS = 120

ADJ = "CREATE FUNCTION adj(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS $$float adj(int b, float r) { return (b * r) + b/1000; }$$;"
RICH = "CREATE FUNCTION rich(balance BIGINT) RETURNS BOOLEAN LANGUAGE c AS $$bool rich(int64_t b) { return b > 90000; }$$;"
DOMAIN = (
    "CREATE FUNCTION domain(email STRING) RETURNS STRING LANGUAGE c AS $$#include <string.h>\n"
    "wasmudf_str domain(wasmudf_str e) { const char *at = memchr(e.ptr, '@', (size_t)e.len);"
    " return at ? wasmudf_str_from(at + 1, (int32_t)(e.ptr + e.len - at - 1)) : wasmudf_str_from(e.ptr, 0); }$$;"
)
BUCKET = "CREATE FUNCTION bucket(id BIGINT) RETURNS BIGINT LANGUAGE c AS $$int64_t bucket(int64_t id) { return id % 7; }$$;"
HALF = "CREATE FUNCTION half(id BIGINT) RETURNS BIGINT LANGUAGE c AS $$int64_t half(int64_t id) { return id / 2; }$$;"
# A module over 1 MiB: a 1.5 MiB table of bytes built by string-literal concatenation.
BIG = (
    "CREATE FUNCTION big(id BIGINT) RETURNS BIGINT LANGUAGE c AS $$"
    '#define A "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?0123456789abcdefghijklmnopqrstuv"\n'
    "#define B A A A A A A A A\n#define C B B B B B B B B\n#define D C C C C C C C C\n#define E D D D D D D D D\n"
    "static const char table[] = E E E;\n"
    "int64_t big(int64_t id) { volatile const char *t = table; return t[id % (int64_t)(sizeof table - 1)]; }$$;"
)

# An aggregate: states travel as bytes from the partial aggregations to the final one.
WAVG = (
    "CREATE FUNCTION wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE LANGUAGE c AS $$"
    "typedef struct { double sum_xw; double sum_w; } wavg_state;\n"
    "void wavg_step(wavg_state *s, double x, double w) { s->sum_xw += x * w; s->sum_w += w; }\n"
    "void wavg_merge(wavg_state *s, const wavg_state *o) { s->sum_xw += o->sum_xw; s->sum_w += o->sum_w; }\n"
    "double wavg_finish(const wavg_state *s) { return s->sum_xw / s->sum_w; }$$;"
)
SQUARES = (
    "CREATE FUNCTION squares(x BIGINT) RETURNS BIGINT LANGUAGE c AS $$"
    "typedef struct { int64_t total; } squares_state;\n"
    "void squares_step(squares_state *s, int64_t x) { s->total += x * x; }\n"
    "void squares_merge(squares_state *s, const squares_state *o) { s->total += o->total; }\n"
    "int64_t squares_finish(const squares_state *s) { return s->total; }$$;"
)

# Every process of the cluster and its clients read the secret from the environment.
SECRET = "system-test-cluster-secret-" + os.urandom(8).hex()

QUERIES = {
    "MAP": ADJ + "SELECT id, adj(balance, rate) AS a FROM accounts",
    "FILTER": RICH + "SELECT id, balance FROM accounts WHERE rich(balance)",
    "strings": DOMAIN + "SELECT domain(email) AS d, count(*) AS n FROM accounts GROUP BY domain(email)",
    "NULLs": HALF + "SELECT id, half(age) AS h FROM people",
    "UDF in GROUP BY key": BUCKET + "SELECT bucket(id) AS b, count(*) AS n, sum(balance) AS s FROM accounts GROUP BY bucket(id)",
    "UDF in JOIN key": HALF + "SELECT a.id, b.id AS partner FROM accounts a JOIN accounts b ON half(a.id) = b.id",
    "module over 1 MiB": BIG + "SELECT id, big(id) AS v FROM accounts",
    "aggregate, grouped": SQUARES + WAVG + "SELECT id % 7 AS g, squares(balance) AS s, round(wavg(balance, rate), 4) AS w FROM accounts GROUP BY id % 7",
    "aggregate, whole table": SQUARES + "SELECT squares(id) AS s FROM accounts",
}


def sql(statements: str, *extra: str, timeout: float = QUERY_SECONDS, env=None) -> subprocess.CompletedProcess:
    command = [str(BINARY), "sql", "--format", "csv", "--table", f"accounts={ACCOUNTS}", "--table", f"people={PEOPLE}", *extra, statements]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def refused_without_the_secret(cluster: list[str]):
    """A client with the wrong secret, or none, is refused by the scheduler; a scheduler may not
    listen beyond loopback without a secret."""
    for label, secret in [("a wrong secret", "not-the-cluster-secret-at-all"), ("no secret", "")]:
        env = {**os.environ, "WASMUDF_CLUSTER_SECRET": secret}
        refused = sql("SELECT count(*) FROM accounts", *cluster, env=env, timeout=60)
        assert refused.returncode != 0, f"{label}: the cluster answered: {refused.stdout}"
        assert "cluster secret" in refused.stderr, f"{label}: {refused.stderr[-2000:]}"
        assert "Unauthenticated" in refused.stderr or "unauthenticated" in refused.stderr.lower(), refused.stderr[-2000:]
        print(f"cluster: a client with {label} is refused: {refused.stderr.strip().splitlines()[-1][:160]}")
    env = {**os.environ, "WASMUDF_CLUSTER_SECRET": ""}
    public = subprocess.run(
        [str(BINARY), "scheduler", "--bind", "0.0.0.0", "--port", str(free_port())],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert public.returncode != 0 and "not a loopback address" in public.stderr, public.stderr
    print("cluster: a scheduler without a secret refuses to listen on 0.0.0.0")


def rows(output: str) -> list[str]:
    lines = output.strip().splitlines()
    return [lines[0]] + sorted(lines[1:]) if lines else []


def wait_port(port: int, seconds: float, what: str, processes):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a cluster process exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on {port} within {seconds} s")


def wait_ready(port: int, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the scheduler had no ready executor within {seconds} s")


def main():
    previous_secret = os.environ.get("WASMUDF_CLUSTER_SECRET")
    os.environ["WASMUDF_CLUSTER_SECRET"] = SECRET
    try:
        run_cluster()
    finally:
        if previous_secret is None:
            os.environ.pop("WASMUDF_CLUSTER_SECRET", None)
        else:
            os.environ["WASMUDF_CLUSTER_SECRET"] = previous_secret


def run_cluster():
    work = tempfile.TemporaryDirectory(prefix="wasmudf-cluster-")
    store = Path(work.name) / "modules"
    logs = Path(work.name)
    scheduler_port = free_port()
    processes = []

    def spawn(name, *args):
        log = open(logs / f"{name}.log", "wb")
        process = subprocess.Popen([str(BINARY), *args], stdout=log, stderr=log, start_new_session=True)
        processes.append(process)
        return process

    try:
        spawn(
            "scheduler", "scheduler", "--bind", "127.0.0.1", "--port", str(scheduler_port), "--module-store", str(store),
            "--executor-timeout-seconds", "10",
        )
        wait_port(scheduler_port, READY_SECONDS, "the scheduler", processes)
        executors = []
        for n in (1, 2):
            flight, grpc = free_port(), free_port()
            executors.append(spawn(
                f"executor{n}", "executor", "--scheduler", f"127.0.0.1:{scheduler_port}",
                "--bind", "127.0.0.1", "--bind-port", str(flight), "--grpc-port", str(grpc),
                "--concurrency", "2", "--work-dir", str(Path(work.name) / f"work{n}"), "--module-store", str(store),
                # The slow query below runs a whole batch in one guest call.
                "--time-limit-ms", "120000",
            ))
            wait_port(flight, READY_SECONDS, f"executor {n}", processes)
        wait_ready(scheduler_port, READY_SECONDS)
        cluster = ["--cluster", f"df://127.0.0.1:{scheduler_port}", "--module-store", str(store)]

        for name, statements in QUERIES.items():
            embedded = sql(statements)
            assert embedded.returncode == 0, f"{name}: embedded failed: {embedded.stderr}"
            distributed = sql(statements, *cluster)
            assert distributed.returncode == 0, f"{name}: cluster failed: {distributed.stderr}"
            assert rows(embedded.stdout) == rows(distributed.stdout), (
                f"{name}: results differ\nembedded:\n{embedded.stdout[:2000]}\ncluster:\n{distributed.stdout[:2000]}"
            )
            print(f"cluster: {name}: {len(rows(embedded.stdout)) - 1} rows, same as embedded")
        assert any(store.glob("*.wasm")), "the large module did not travel through the module store"
        refused_without_the_secret(cluster)

        # `wasmudf run` on the cluster: the paper's MAP.
        run = [str(BINARY), "run", "--data", str(ACCOUNTS), "--source", str(ROOT / "examples" / "calculate_adj_bal.c"),
               "--function", "calculate_adj_bal", "--columns", "balance,rate", "--returns", "FLOAT", "--map", "--format", "csv"]
        embedded = subprocess.run(run, capture_output=True, text=True, timeout=QUERY_SECONDS)
        distributed = subprocess.run(run + cluster, capture_output=True, text=True, timeout=QUERY_SECONDS)
        assert embedded.returncode == 0 and distributed.returncode == 0, distributed.stderr
        assert rows(embedded.stdout) == rows(distributed.stdout)
        assert "5765.22" in distributed.stdout
        print("cluster: wasmudf run --cluster: the paper's MAP, same as embedded")

        # An aggregate with `wasmudf run --aggregate` on the cluster: the partial states of both
        # executors merge into the same weighted averages (to rounding: the merge order differs).
        run = [str(BINARY), "run", "--data", str(ACCOUNTS), "--source", str(ROOT / "examples" / "wavg.c"),
               "--function", "wavg", "--columns", "balance,rate", "--returns", "DOUBLE", "--aggregate",
               "--group-by", "firstName", "--format", "csv"]
        embedded = subprocess.run(run, capture_output=True, text=True, timeout=QUERY_SECONDS)
        distributed = subprocess.run(run + cluster, capture_output=True, text=True, timeout=QUERY_SECONDS)
        assert embedded.returncode == 0 and distributed.returncode == 0, embedded.stderr + distributed.stderr
        local, remote = rows(embedded.stdout), rows(distributed.stdout)
        assert local[0] == remote[0] == "firstName,wavg_RESULT" and len(local) == len(remote) == 39, local[:3]
        for mine, theirs in zip(local[1:], remote[1:]):
            (name, value), (other_name, other_value) = mine.rsplit(",", 1), theirs.rsplit(",", 1)
            assert name == other_name and abs(float(value) - float(other_value)) <= 1e-9 * abs(float(value)), (mine, theirs)
        print(f"cluster: wasmudf run --aggregate --cluster: {len(local) - 1} groups, same as embedded")

        # The server's executions on the cluster: the paper's request through the API.
        server = Server(*cluster, data_dir=str(Path(work.name) / "serve-data")).start()
        try:
            token = server.demo_token()
            status, body, _ = server.call(token, "POST", "/executions", PAPER)
            assert status == 202, body
            done = server.wait(token, body["id"])
            assert done["status"] == "succeeded", done
            _, page, _ = server.call(token, "GET", f"/executions/{body['id']}/results?limit=1")
            assert page["rows"][0][6] == 5765.22, page
            print("cluster: wasmudf serve --cluster ran the paper's request on the cluster: 5765.22")
        finally:
            server.close()

        # Kill an executor mid-query: the query completes or fails clearly, within 60 s.
        slow = (
            "CREATE FUNCTION slow(id BIGINT) RETURNS BIGINT LANGUAGE c AS "
            "$$int64_t slow(int64_t id) { volatile int64_t s = 0; for (int64_t i = 0; i < 10000000; i++) s += i ^ id; return s; }$$;"
            # Four scans, so both executors run tasks when one is killed.
            "SELECT count(*) AS n, sum(slow(id)) AS s FROM (SELECT id FROM accounts UNION ALL SELECT id FROM accounts"
            " UNION ALL SELECT id FROM accounts UNION ALL SELECT id FROM accounts)"
        )
        started = time.monotonic()
        query = subprocess.Popen(
            [str(BINARY), "sql", "--format", "csv", "--table", f"accounts={ACCOUNTS}", *cluster, slow],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        time.sleep(3)
        assert query.poll() is None, f"the query ended before the kill: {query.communicate()}"
        os.kill(executors[1].pid, signal.SIGKILL)
        try:
            out, err = query.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            query.kill()
            raise AssertionError("the query hung for 60 s after an executor was killed")
        elapsed = time.monotonic() - started
        if query.returncode == 0:
            assert out.strip().splitlines()[1].startswith("4000,"), out
            print(f"cluster: executor killed mid-query: the query completed in {elapsed:.1f} s")
        else:
            assert err.strip(), "the query failed without saying why"
            print(f"cluster: executor killed mid-query: the query failed clearly in {elapsed:.1f} s: {err.strip().splitlines()[-1][:200]}")
    except BaseException:
        for log in sorted(logs.glob("*.log")):
            print(f"--- {log.name} ---\n{log.read_text(errors='replace')[-3000:]}")
        raise
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        work.cleanup()


if __name__ == "__main__":
    main()
