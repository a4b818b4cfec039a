"""The walls between tenants, attacked through HTTP only: a tenant ("mallory") tries to read host
files and other tenants' data through SQL, to write files, to exhaust memory, time, threads and
execution slots, and to take the demo data; a bystander ("bob") must keep being served.

Two server configurations on one data directory (so the demo token is printed once, at the
first start): first generous wall-clock limits (cancellation, a CPU stall while bob works,
statement refusals, cross-tenant reads, size limits), then tight ones (64 MiB per execution,
3 s per execution, 2 concurrent executions per tenant). Guests spin in calls of a calibrated
length, always under the per-call limit (`--time-limit-ms 2000`), so that what stops them is
the limit under test.

After every attack: no answer (any body) contains /etc/passwd's content, the data directory,
bob's secret (in anything not bob's) or the demo token, the server process is alive, and bob's
GET /datasets answers 200 within 2 s.
"""
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from server import LIVE_STATUSES, PAPER, TOKEN_LINE, Server, udf

PASSWD = "root:x:0:0"
BYSTANDER_SECONDS = 2.0
PAPER_COLUMN = "calculate_adj_bal_RESULT"
PAPER_VALUE = 5765.22
# Rows DataFusion hands one guest call (its batch size; under the runner's 16 Ki rows per call).
BATCH_ROWS = 8192
PER_CALL_MS = 2000
EXECUTION_SECONDS = 3
# The time-limit case ends within its limit plus this.
LIMIT_SLACK_SECONDS = 2.0
CANCEL_SECONDS = 2.0
FAIRNESS_SECONDS = 5.0
PEAK_RSS_BYTES = 3 << 29  # 1.5 GiB
# A guest call of the time-limit case, and of the stall, on an idle core: well under the 2 s
# per-call limit (the stall's calls share the cores five ways or more).
LIMIT_CALL_SECONDS = 0.7
STALL_CALL_SECONDS = 0.15
STALLERS = 4
# The second configuration's connection walls.
PER_CLIENT = 20
IDLE_SECONDS = 2
# Seconds of pure-SQL work: a cross join of 10^10 rows, summed (no statistics shortcut).
SLOW_SQL = (
    "SELECT sum((a.value * 31 + b.value) % 7) AS s "
    "FROM generate_series(1, 100000) AS a CROSS JOIN generate_series(1, 100000) AS b"
)
# 20,000,000 short strings held by one aggregate: gigabytes unless the pool stops it.
MEMORY_BOMB_SQL = "SELECT array_length(array_agg(concat('x', value))) AS n FROM generate_series(1, 20000000)"


def spin(iterations: int) -> str:
    """A MAP whose guest spins `iterations` times per row, then returns the row's balance."""
    return (
        "int32_t f(int32_t b) { volatile int32_t i = 0; "
        f"while (i < {iterations}) i = i + 1; return b; }}"
    )


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 2


def peak_rss(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) of a process, in bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0]) * 1024
    return fields["VmHWM"], fields["VmRSS"]


def reset_peak_rss(pid: int) -> None:
    """Starts VmHWM again from the current RSS (Linux: clear_refs 5), so each attack's peak is
    its own."""
    with open(f"/proc/{pid}/clear_refs", "w") as clear:
        clear.write("5")


def mib(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB"


def as_text(answer) -> str:
    return answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)


class Walls:
    def __init__(self, server: Server):
        self.server = server
        self.tokens = {}
        self.secret = f"BOB-SECRET-{uuid.uuid4().hex}"
        self.bob_dataset = "bob_ledger"
        self.bob_dir = None  # <data_dir>/datasets/<bob's tenant id>
        self.bob_file = None
        self.answers = []  # (who, what it was told) since the last check
        self.lock = threading.Lock()
        self.scratch = Path(tempfile.mkdtemp(prefix="wasmudf-walls-"))
        self.n_limit = self.n_stall = None
        self.report = []

    # ---- talking to the server ----

    def call(self, who: str, method: str, path: str, body=None, timeout: float = 30):
        status, answer, seconds = self.server.call(self.tokens[who], method, path, body, timeout)
        with self.lock:
            self.answers.append((who, f"{method} {path} -> {status} {as_text(answer)}"))
        return status, answer, seconds

    def post_raw(self, who: str, path: str, data: bytes):
        """POSTs `data` on a socket of its own: a server refusing an oversized body may answer and
        close before reading all of it, which urllib reports as a broken pipe."""
        head = (
            f"POST /api/v1{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.tokens[who]}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        ).encode()

        def complete(raw: bytes) -> bool:
            header, found, body = raw.partition(b"\r\n\r\n")
            for line in header.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if found and name.strip().lower() == b"content-length":
                    return len(body) >= int(value)
            return False

        raw = b""
        for _ in range(3):
            chunks = []
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as connection:
                try:
                    connection.sendall(head + data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # It answered early; read what it said.
                try:
                    while not complete(b"".join(chunks)) and (chunk := connection.recv(1 << 16)):
                        chunks.append(chunk)
                except (ConnectionResetError, TimeoutError):
                    pass
            raw = b"".join(chunks)
            if raw:
                break
        assert raw, f"POST {path} with {len(data)} bytes: the connection closed without an answer (3 tries)"
        header, _, body = raw.partition(b"\r\n\r\n")
        status = int(header.split(b" ", 2)[1])
        text = body.decode(errors="replace")
        with self.lock:
            self.answers.append((who, f"POST {path} -> {status} {text}"))
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def submit(self, who: str, body) -> str:
        status, answer, _ = self.call(who, "POST", "/executions", body)
        assert status == 202, f"{who}'s execution was not accepted: {status} {answer}"
        return answer["id"]

    def wait(self, who: str, execution: str, seconds: float = 120):
        """Polls until the execution ends: (final status, seconds waited, statuses seen)."""
        started = time.monotonic()
        seen = []
        while True:
            status, body, _ = self.call(who, "GET", f"/executions/{execution}")
            assert status == 200, f"GET /executions/{execution} as {who}: {status} {body}"
            if not seen or seen[-1] != body["status"]:
                seen.append(body["status"])
            if body["status"] not in LIVE_STATUSES:
                return body, time.monotonic() - started, seen
            assert time.monotonic() - started < seconds, (
                f"execution {execution} of {who} still {body['status']} after {seconds} s (seen {seen})"
            )
            time.sleep(0.05)

    def wait_until_running(self, who: str, execution: str, seconds: float = 60):
        deadline = time.monotonic() + seconds
        while True:
            _, body, _ = self.call(who, "GET", f"/executions/{execution}")
            if body["status"] == "running":
                return
            assert body["status"] in ("queued", "compiling"), f"{execution} ended before running: {body}"
            assert time.monotonic() < deadline, f"{execution} not running after {seconds} s: {body}"
            time.sleep(0.05)

    def run(self, who: str, body, seconds: float = 120):
        """Submits and waits; returns (final status, seconds from POST to the observed end, seen)."""
        started = time.monotonic()
        done, _, seen = self.wait(who, self.submit(who, body), seconds)
        return done, time.monotonic() - started, seen

    def paper_value(self, who: str, execution: str) -> float:
        status, page, _ = self.call(who, "GET", f"/executions/{execution}/results?limit=1")
        assert status == 200, f"results of {execution}: {status} {page}"
        names = [column["name"] for column in page["columns"]]
        return page["rows"][0][names.index(PAPER_COLUMN)]

    def upload(self, who: str, file_name: str, content: bytes, name: str):
        boundary = f"walls-{uuid.uuid4().hex}"
        body = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n{name}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            self.server.base + "/api/v1/datasets", data=body, method="POST",
            headers={"Authorization": f"Bearer {self.tokens[who]}", "Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        answer = json.loads(raw) if raw else None
        with self.lock:
            self.answers.append((who, f"POST /datasets -> {status} {as_text(answer)}"))
        return status, answer

    # ---- after every attack ----

    def walls_held(self, case: str) -> str:
        """Nothing said leaked; the server is up; bob is served within the bound."""
        data_dir = str(self.server.data_dir)
        demo_token = self.tokens.get("demo")
        with self.lock:
            answers, self.answers = self.answers, []
        for who, text in answers:
            assert PASSWD not in text, f"{case}: /etc/passwd's content reached {who}: {text[:2000]}"
            assert data_dir not in text, f"{case}: the data directory reached {who}: {text[:2000]}"
            assert who == "bob" or self.secret not in text, f"{case}: bob's secret reached {who}: {text[:2000]}"
            assert not demo_token or demo_token not in text, f"{case}: the demo token was in an answer: {text[:2000]}"
        assert self.server.process.poll() is None, f"{case}: the server exited with {self.server.process.returncode}"
        if "bob" in self.tokens:
            status, _, seconds = self.server.call(self.tokens["bob"], "GET", "/datasets", timeout=BYSTANDER_SECONDS + 30)
            assert status == 200, f"after {case}: bob's GET /datasets answered {status}"
            assert seconds <= BYSTANDER_SECONDS, f"after {case}: bob's GET /datasets took {seconds:.2f} s"
            return f"bob served in {seconds * 1000:.0f} ms"
        return "server up"

    def case(self, name: str, attack) -> None:
        detail = attack()
        held = self.walls_held(name)
        line = f"walls: {name}: {detail}; {held}"
        self.report.append(line)
        print(line, flush=True)

    # ---- helpers for cases ----

    def refused(self, sql: str, position: int, kind: str) -> str:
        status, body, _ = self.call("mallory", "POST", "/executions", {"sql": sql})
        assert status == 400 and isinstance(body, dict) and body.get("code") == "statement_not_allowed", (
            f"{kind}: expected 400 statement_not_allowed, got {status} {body}\nSQL: {sql}"
        )
        expected = f"statement {position}: {kind} is not allowed; "
        assert body["message"].startswith(expected), f"{kind}: message {body['message']!r}, expected {expected!r}..."
        return f"400 statement_not_allowed ({kind}, statement {position})"

    def fails(self, sql: str) -> str:
        """An allowed kind of statement that must not succeed: 400, or accepted then failed."""
        status, body, _ = self.call("mallory", "POST", "/executions", {"sql": sql})
        if status == 400:
            return f"400 {body.get('code')}"
        assert status == 202, f"expected 202 or 400, got {status} {body}\nSQL: {sql}"
        done, _, _ = self.wait("mallory", body["id"], 60)
        # Whatever happened, its results are part of what mallory could read.
        self.call("mallory", "GET", f"/executions/{body['id']}/results?limit=100")
        self.call("mallory", "GET", f"/executions/{body['id']}/results.csv")
        assert done["status"] == "failed", f"expected failed, got {done}\nSQL: {sql}"
        return f"accepted, failed ({done['error']['kind']}: {done['error']['message'][:90]})"

    def assert_no_writes(self, case: str):
        written = sorted(p.name for p in self.scratch.iterdir())
        assert written == [], f"{case}: files appeared in {self.scratch}: {written}"

    # ==== first configuration: generous wall-clock limits ====

    def first_start(self):
        server = self.server
        assert not (server.data_dir / "demo-token").exists(), "the demo token is kept in clear in the data directory"
        lines = TOKEN_LINE.findall(server.log())
        assert len(lines) == 1, f"the first start printed {len(lines)} demo tokens"
        self.tokens["demo"] = server.demo_token()
        status, body, _ = self.call("demo", "GET", "/datasets")
        assert status == 200, f"the printed demo token does not work: {status} {body}"
        self.tokens["mallory"] = server.create_tenant("mallory")
        self.tokens["bob"] = server.create_tenant("bob")

        def token_theft():
            for who in ("demo", "mallory"):
                for name in ("accounts", "accounts_large"):
                    status, body, _ = self.call(who, "DELETE", f"/datasets/{name}")
                    assert status == 404, f"{who} could DELETE the shared {name}: {status} {body}"
            status, page, _ = self.call("demo", "GET", "/datasets/accounts/rows?limit=1")
            assert status == 200 and page["total_rows"] == 1000, f"accounts after the DELETEs: {status} {page}"
            return "no demo-token file; token printed once; DELETE of the shared datasets -> 404; accounts intact (1000 rows)"

        self.case("token theft", token_theft)

        def warm_up():
            # The paper's module in the compile cache, so later latencies measure serving, not clang.
            done, seconds, _ = self.run("demo", PAPER, 180)
            assert done["status"] == "succeeded", done
            return f"the paper's request succeeded in {seconds:.2f} s"

        self.case("warm-up", warm_up)

    def bob_uploads(self):
        def upload():
            content = f"id,note\n1,{self.secret}\n2,plain\n".encode()
            status, body = self.upload("bob", "ledger.csv", content, self.bob_dataset)
            assert status == 201, f"bob's upload: {status} {body}"
            hits = [p for p in (self.server.data_dir / "datasets").glob("*/*.csv") if self.secret.encode() in p.read_bytes()]
            assert len(hits) == 1, f"bob's file on disk: {hits}"
            self.bob_file = hits[0]
            self.bob_dir = hits[0].parent
            return f"bob's private dataset `{self.bob_dataset}` stored under datasets/{self.bob_dir.name}/"

        self.case("bob uploads a secret", upload)

    def statements(self):
        data_dir = self.server.data_dir
        copied, unbounded, second, explained = (
            self.scratch / name for name in ("copied.csv", "unbounded.csv", "second.csv", "explained.csv")
        )
        cases = [
            ("CREATE EXTERNAL TABLE on /etc/passwd",
             "CREATE EXTERNAL TABLE passwd (line VARCHAR) STORED AS CSV LOCATION '/etc/passwd' "
             "OPTIONS ('format.has_header' 'false', 'format.delimiter' '~'); SELECT * FROM passwd",
             1, "CREATE EXTERNAL TABLE"),
            ("CREATE EXTERNAL TABLE on another tenant's directory",
             f"CREATE EXTERNAL TABLE stolen STORED AS CSV LOCATION '{self.bob_dir}/'; SELECT * FROM stolen",
             1, "CREATE EXTERNAL TABLE"),
            ("CREATE EXTERNAL TABLE on the results directory",
             f"CREATE EXTERNAL TABLE everyone STORED AS PARQUET LOCATION '{data_dir}/results/'; SELECT * FROM everyone",
             1, "CREATE EXTERNAL TABLE"),
            ("COPY to a host file", f"COPY (SELECT 'x') TO '{copied}'", 1, "COPY"),
            ("CREATE UNBOUNDED EXTERNAL TABLE + INSERT",
             f"CREATE UNBOUNDED EXTERNAL TABLE sink (line VARCHAR) STORED AS CSV LOCATION '{unbounded}'; "
             "INSERT INTO sink VALUES ('x')",
             1, "CREATE UNBOUNDED EXTERNAL TABLE"),
            ("INSERT", "INSERT INTO accounts (id) VALUES (1)", 1, "INSERT"),
            ("SET", "SET datafusion.execution.target_partitions = 1", 1, "SET"),
            ("CREATE TABLE", "CREATE TABLE t AS SELECT 1 AS x", 1, "CREATE TABLE"),
            ("CREATE VIEW", "CREATE VIEW v AS SELECT * FROM accounts", 1, "CREATE VIEW"),
            ("DROP TABLE", "DROP TABLE accounts", 1, "DROP TABLE"),
            ("a module path: LANGUAGE wasm AS '/etc/passwd'",
             "CREATE FUNCTION f(x BIGINT) RETURNS BIGINT LANGUAGE wasm AS '/etc/passwd'; SELECT f(balance) FROM accounts",
             1, "CREATE FUNCTION ... LANGUAGE wasm"),
            ("EXPLAIN of COPY", f"EXPLAIN COPY (SELECT 'x') TO '{explained}'", 1, "EXPLAIN of COPY"),
            ("a refused statement as statement 2",
             f"SELECT 1 AS fine; COPY (SELECT 'x') TO '{second}'; SELECT 2", 2, "COPY"),
        ]
        for name, sql, position, kind in cases:
            def attack(sql=sql, position=position, kind=kind, name=name):
                detail = self.refused(sql, position, kind)
                self.assert_no_writes(name)
                return detail

            self.case(name, attack)

        def nothing_changed():
            self.assert_no_writes("statements")
            status, page, _ = self.call("mallory", "GET", "/datasets/accounts/rows?limit=1")
            assert status == 200 and page["total_rows"] == 1000, f"accounts after the refusals: {status} {page}"
            return f"no file written in {self.scratch}; accounts still 1000 rows"

        self.case("after the refused statements", nothing_changed)

    def host_files(self):
        cases = [
            ("SELECT * FROM '/etc/passwd'", "SELECT * FROM '/etc/passwd'"),
            ("read_csv('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd')"),
            ("a path to bob's file as a table", f"SELECT * FROM '{self.bob_file}'"),
        ]
        for name, sql in cases:
            self.case(name, lambda sql=sql: self.fails(sql))

    def cross_tenant(self):
        def bob_reads_his_own():
            done, _, _ = self.run("bob", {"sql": f"SELECT * FROM {self.bob_dataset} ORDER BY id"})
            assert done["status"] == "succeeded", done
            status, page, _ = self.call("bob", "GET", f"/executions/{done['id']}/results")
            assert status == 200 and self.secret in as_text(page), f"bob cannot read his own secret: {page}"
            self.bob_execution = done["id"]
            return "bob's SQL over his dataset succeeded and shows him the secret"

        self.case("bob reads his dataset", bob_reads_his_own)

        def mallory_by_name():
            done, _, _ = self.run("mallory", {"sql": f"SELECT * FROM {self.bob_dataset}"})
            assert done["status"] == "failed", f"mallory's SELECT of bob's dataset: {done}"
            assert "not found" in done["error"]["message"].lower(), f"not a missing table: {done['error']}"
            return f"failed: {done['error']['message'][:80]}"

        self.case("mallory SELECTs bob's dataset by name", mallory_by_name)

        def mallory_other_routes():
            # Bob's saved function keeps his secret in its source (a comment).
            function = {"name": "bob_secret", "source": f"int bob_secret(int x) {{ /* {self.secret} */ return x; }}"}
            status, saved, _ = self.call("bob", "POST", "/functions", function)
            assert status == 201, f"bob's function: {status} {saved}"
            attempts = [
                ("GET", "/functions/bob_secret", None),
                ("GET", "/functions/bob_secret/versions", None),
                ("GET", "/functions/bob_secret/module", None),
                ("DELETE", "/functions/bob_secret", None),
                ("GET", f"/datasets/{self.bob_dataset}/rows", None),
                ("GET", f"/datasets/{self.bob_dataset}/schema", None),
                ("DELETE", f"/datasets/{self.bob_dataset}", None),
                ("POST", "/executions", dict(udf("int32_t f(int32_t b) { return b; }", columns=("id",)), data=self.bob_dataset)),
                ("GET", f"/executions/{self.bob_execution}", None),
                ("GET", f"/executions/{self.bob_execution}/results", None),
                ("GET", f"/executions/{self.bob_execution}/results.csv", None),
                ("GET", f"/executions/{self.bob_execution}/results.parquet", None),
                ("GET", f"/executions/{self.bob_execution}/histogram", None),
                ("GET", f"/executions/{self.bob_execution}/histogram?column=note", None),
                ("DELETE", f"/executions/{self.bob_execution}", None),
            ]
            for method, path, body in attempts:
                status, answer, _ = self.call("mallory", method, path, body)
                assert status == 404, f"mallory {method} {path}: {status} {answer}"
            status, listing, _ = self.call("mallory", "GET", "/datasets")
            names = [d["name"] for d in listing["datasets"]]
            assert self.bob_dataset not in names, f"mallory lists bob's dataset: {names}"
            status, page, _ = self.call("bob", "GET", f"/datasets/{self.bob_dataset}/rows")
            assert status == 200 and page["total_rows"] == 2, f"bob's dataset after mallory's DELETE: {status} {page}"
            status, mine, _ = self.call("bob", "GET", "/functions/bob_secret")
            assert status == 200 and self.secret in mine["source"], f"bob's function after mallory's DELETE: {status} {mine}"
            return f"{len(attempts)} requests for bob's dataset, execution and function (its module too) -> 404; bob's data intact"

        self.case("mallory asks for bob's dataset, execution and function", mallory_other_routes)

        def mallory_charts_with_hostile_parameters():
            done, _, _ = self.run("mallory", {"sql": "SELECT 1 AS x"})
            assert done["status"] == "succeeded", done
            chart = f"/executions/{done['id']}/histogram"
            refusals = [
                (f"{chart}?bins=1000000", "bad_query", "bins must be 1 to 100, not 1000000"),
                (f"{chart}?bins=0", "bad_query", "bins must be 1 to 100, not 0"),
                (f"{chart}?column=..%2F..%2Fetc%2Fpasswd", "unknown_column", "the result has no column `../../etc/passwd` to chart; it has x"),
            ]
            for path, code, message in refusals:
                status, answer, _ = self.call("mallory", "GET", path)
                assert (status, answer.get("code"), answer.get("message")) == (400, code, message), f"{path}: {status} {answer}"
            status, answer, _ = self.call("mallory", "GET", f"{chart}?column=x&bins=100")
            assert status == 200 and answer["rows"] == 1 and answer["bins"][0]["count"] == 1, f"{status} {answer}"
            return f"{len(refusals)} hostile histogram requests -> 400 with their reason; her own chart served"

        self.case("mallory charts her result with hostile parameters", mallory_charts_with_hostile_parameters)

    def sizes(self):
        def sql_too_large():
            sql = "SELECT '" + "x" * (300 << 10) + "' AS big"
            status, body, _ = self.call("mallory", "POST", "/executions", {"sql": sql})
            assert status == 400 and body["code"] == "sql_too_large", f"{status} {body}"
            assert "262144 bytes" in body["message"], body["message"]
            return f"400 sql_too_large ({body['message']})"

        def program_too_large():
            program = "int32_t f(int32_t b) { return b; }\n/*" + "x" * (300 << 10) + "*/\n"
            status, body, _ = self.call("mallory", "POST", "/executions", udf(program))
            assert status == 400 and body["code"] == "program_too_large", f"{status} {body}"
            assert "262144 bytes" in body["message"], body["message"]
            return f"400 program_too_large ({body['message']})"

        def body_too_large():
            data = json.dumps({"sql": "SELECT 1 -- " + "x" * ((2 << 20) + (64 << 10))}).encode()
            status, body = self.post_raw("mallory", "/executions", data)
            assert status == 413 and isinstance(body, dict) and body.get("code") == "body_too_large", f"{status} {body}"
            return f"{len(data)} bytes -> 413 body_too_large"

        def too_deep():
            sql = "SELECT " + "+".join(["1"] * 3000)
            status, body, _ = self.call("mallory", "POST", "/executions", {"sql": sql})
            assert status == 400 and body["code"] == "sql_too_deep", f"{status} {body}"
            done, _, _ = self.run("mallory", {"sql": "SELECT 1 + 1 AS two"})
            assert done["status"] == "succeeded", f"the request after the deep one: {done}"
            return f"400 sql_too_deep ({body['message']}); the next query succeeded"

        self.case("SQL over 256 KiB", sql_too_large)
        self.case("a C program over 256 KiB", program_too_large)
        self.case("a JSON body over 2 MiB", body_too_large)
        self.case("1+1+...+1 with 3000 terms", too_deep)

    def calibrate(self):
        """How long the spin loop takes per iteration: two runs over the 1000-row `accounts`
        (one guest call each), differenced so the fixed cost cancels."""
        def timed_run(iterations: int):
            done, _, _ = self.run("mallory", udf(spin(iterations)), 180)
            assert done["status"] == "succeeded", f"calibration with {iterations}: {done}"
            return max(done["timings"]["run_ms"] or 0, 0), done["progress"]["rows_in"] or 1000

        def calibration():
            n1 = 50_000
            t1, rows = timed_run(n1)
            n2 = min(max(int(n1 * 400 / max(t1, 5)), 2 * n1), 40 * n1)
            t2, _ = timed_run(n2)
            ns = (t2 - t1) * 1e6 / (rows * (n2 - n1))
            if ns <= 0:
                ns = max(t2, 1) * 1e6 / (rows * n2)
            self.n_limit = max(1000, int(LIMIT_CALL_SECONDS * 1e9 / (BATCH_ROWS * ns)))
            self.n_stall = max(1000, int(STALL_CALL_SECONDS * 1e9 / (BATCH_ROWS * ns)))
            # Both programs compiled now, so later cases measure limits, not clang.
            for n in (self.n_limit, self.n_stall):
                done, _, _ = self.run("mallory", udf(spin(n)), 180)
                assert done["status"] == "succeeded", f"warming spin({n}): {done}"
            return (
                f"{ns:.2f} ns per loop iteration ({n1}: {t1} ms, {n2}: {t2} ms over {rows} rows); "
                f"a {BATCH_ROWS}-row call spins {LIMIT_CALL_SECONDS} s at n={self.n_limit}, "
                f"{STALL_CALL_SECONDS} s at n={self.n_stall}"
            )

        self.case("calibration", calibration)

    def cancellation(self):
        def cancel():
            execution = self.submit("mallory", {"sql": SLOW_SQL})
            self.wait_until_running("mallory", execution)
            time.sleep(0.3)  # Into the join.
            started = time.monotonic()
            status, body, _ = self.call("mallory", "DELETE", f"/executions/{execution}")
            assert status == 202, f"DELETE of a running execution: {status} {body}"
            done, _, _ = self.wait("mallory", execution, 30)
            seconds = time.monotonic() - started
            assert done["status"] == "cancelled", f"after DELETE: {done}"
            assert seconds <= CANCEL_SECONDS, f"cancelled only after {seconds:.2f} s"
            return f"DELETE -> 202, cancelled {seconds * 1000:.0f} ms later"

        self.case("cancelling a long pure-SQL query", cancel)

    def stall(self):
        def fairness():
            body = dict(udf(spin(self.n_stall)), data="accounts_large")
            stallers = [self.submit("mallory", body) for _ in range(STALLERS)]
            for execution in stallers:
                self.wait_until_running("mallory", execution)
            time.sleep(0.5)  # Every core busy with mallory's guests.
            done, seconds, _ = self.run("bob", PAPER, 60)
            statuses = [self.call("mallory", "GET", f"/executions/{e}")[1]["status"] for e in stallers]
            assert done["status"] == "succeeded", f"bob's paper request during the stall: {done}"
            value = self.paper_value("bob", done["id"])
            assert abs(value - PAPER_VALUE) < 0.005, f"bob's first {PAPER_COLUMN} is {value}"
            assert seconds <= FAIRNESS_SECONDS, f"bob's paper request took {seconds:.2f} s during the stall"
            assert "running" in statuses, f"mallory's stall had ended before bob's request did: {statuses}"
            ended = []
            for execution in stallers:
                status, answer, _ = self.call("mallory", "DELETE", f"/executions/{execution}")
                assert status in (202, 409), f"DELETE {execution}: {status} {answer}"
                ended.append(self.wait("mallory", execution, 30)[0]["status"])
            self.stall_line = (
                f"bob's paper request took {seconds:.2f} s (bound {FAIRNESS_SECONDS:.0f} s) while mallory's "
                f"{STALLERS} executions spun on {cores()} cores"
            )
            return (
                f"{self.stall_line}; first {PAPER_COLUMN} {value}; mallory's then {statuses}, after DELETE {ended}"
            )

        self.case("bob's request during mallory's CPU stall", fairness)

    def no_cache_in_data_dir(self, when: str):
        def cache():
            assert not (self.server.data_dir / "cache").exists(), "the compile cache is under the data directory"
            return "no <data_dir>/cache after C executions"

        self.case(f"compile cache ({when})", cache)

    # ==== second configuration: 64 MiB, 3 s and 2 executions per tenant ====

    def restart(self):
        def restarted():
            lines = TOKEN_LINE.findall(self.server.log())
            assert len(lines) == 1, f"the demo token was printed {len(lines)} times over two starts"
            assert not (self.server.data_dir / "demo-token").exists(), "a restart wrote the demo token to disk"
            status, _, _ = self.call("demo", "GET", "/datasets")
            assert status == 200, f"the demo token stopped working after a restart: {status}"
            return "the restart printed no token; none on disk; the first one still works"

        self.case("token after a restart", restarted)

    def memory_bomb(self):
        def bomb():
            before, _ = peak_rss(self.server.process.pid)
            done, seconds, _ = self.run("mallory", {"sql": MEMORY_BOMB_SQL}, 60)
            peak, now = peak_rss(self.server.process.pid)
            self.rss_line = f"server peak RSS {mib(peak)} (before the bomb {mib(before)}, after {mib(now)})"
            print(f"walls: memory bomb: {self.rss_line}", flush=True)
            assert done["status"] == "failed", f"the memory bomb did not fail: {done}"
            assert done["error"]["kind"] == "limit", f"the memory bomb failed otherwise: {done['error']}"
            assert "memory" in done["error"]["message"], done["error"]
            assert peak < PEAK_RSS_BYTES, f"the server's peak RSS reached {mib(peak)}"
            return f"failed in {seconds:.2f} s: {done['error']['message']}; {self.rss_line}"

        self.case("memory bomb in SQL", bomb)

    def memory_attacks(self):
        """Memory attacks other than the SQL aggregate bomb, each with the server's own peak RSS."""
        pid = self.server.process.pid
        self.memory_lines = []

        def measured(label, attack):
            reset_peak_rss(pid)
            before, _ = peak_rss(pid)
            detail = attack()
            peak, _ = peak_rss(pid)
            assert peak < PEAK_RSS_BYTES, f"{label}: the server's peak RSS reached {mib(peak)}"
            line = f"{label}: peak RSS {mib(peak)} (from {mib(before)})"
            self.memory_lines.append(line)
            return f"{detail}; {line}"

        def guest_strings():
            # Every row returns the same 8 MiB: 100 rows would make the host copy 800 MiB.
            sql = (
                "CREATE FUNCTION big(x BIGINT) RETURNS STRING LANGUAGE c AS $$static char buffer[8 << 20];\n"
                "wasmudf_str big(long long x) { buffer[x & 1023] = 'a'; return wasmudf_str_from(buffer, sizeof buffer); }$$;"
                " SELECT length(big(value)) AS n FROM generate_series(1, 100)"
            )
            done, _, _ = self.run("mallory", {"sql": sql}, 60)
            assert done["status"] == "failed" and done["error"]["kind"] == "memory_limit", done
            return f"failed with memory_limit: {done['error']['message'][:100]}"

        def parse_bomb():
            sql = "SELECT " + "1+" * ((256 << 10) // 2 - 8) + "1"
            status, body, _ = self.call("mallory", "POST", "/executions", {"sql": sql})
            assert status == 400 and body.get("code") == "sql_too_deep", (status, body)
            return f"{len(sql)} bytes of SQL: 400 sql_too_deep"

        def csv_download():
            # A result that compresses a thousandfold in Parquet, downloaded whole as CSV.
            sql = f"SELECT concat('{'x' * 1000}', value) AS wide FROM generate_series(1, 100000)"
            done, _, _ = self.run("mallory", {"sql": sql}, 120)
            assert done["status"] == "succeeded", done
            request = urllib.request.Request(
                f"{self.server.base}/api/v1/executions/{done['id']}/results.csv",
                headers={"Authorization": f"Bearer {self.tokens['mallory']}"},
            )
            received = 0
            with urllib.request.urlopen(request, timeout=120) as response:
                while chunk := response.read(1 << 20):
                    received += len(chunk)
            assert received > 100_000 * 1000, received
            return f"a {mib(received)} CSV streamed from its stored Parquet"

        self.case("memory: guest strings larger than the guest", lambda: measured("guest strings", guest_strings))
        self.case("memory: the largest SQL the size cap lets through", lambda: measured("SQL parse", parse_bomb))
        self.case("memory: a CSV download of a compressible result", lambda: measured("CSV download", csv_download))

    def idle_connections(self):
        """Connections that send nothing: past the per-client limit they are closed at once, the
        rest when the idle timeout passes; then everyone is served again."""

        def closed(connection: socket.socket) -> bool:
            connection.setblocking(False)
            try:
                return connection.recv(1) == b""
            except BlockingIOError:
                return False
            except OSError:
                return True

        def hold():
            connections = [socket.create_connection(("127.0.0.1", self.server.port)) for _ in range(2 * PER_CLIENT)]
            try:
                time.sleep(0.5)
                early = sum(closed(c) for c in connections)
                time.sleep(IDLE_SECONDS + 1.5)
                late = sum(closed(c) for c in connections)
            finally:
                for connection in connections:
                    connection.close()
            assert early >= PER_CLIENT, f"only {early} of {2 * PER_CLIENT} idle connections were refused at once"
            assert late == 2 * PER_CLIENT, f"{2 * PER_CLIENT - late} idle connections outlived the idle timeout"
            return f"{2 * PER_CLIENT} idle connections: {early} closed at once (limit {PER_CLIENT}), all after {IDLE_SECONDS} s idle"

        self.case("idle connections", hold)

    def time_limit(self):
        def limit():
            body = dict(udf(spin(self.n_limit)), data="accounts_large")
            done, seconds, seen = self.run("mallory", body, 60)
            assert done["status"] == "failed", f"the spinning MAP did not fail: {done}"
            assert done["error"]["kind"] == "limit", f"not the execution's limit: {done['error']}"
            assert "time limit" in done["error"]["message"], done["error"]
            assert "running" in seen, f"the limit struck before the guest ran ({seen})"
            bound = EXECUTION_SECONDS + LIMIT_SLACK_SECONDS
            assert seconds <= bound, f"the execution ended {seconds:.2f} s after its POST (bound {bound} s)"
            self.limit_line = f"ended {seconds:.2f} s after its POST (limit {EXECUTION_SECONDS} s)"
            return f"{self.limit_line}: {done['error']['message']}"

        self.case("execution time limit over a spinning MAP", limit)

    def race(self):
        def race():
            answers = [None] * 10
            barrier = threading.Barrier(len(answers))

            def fire(index):
                barrier.wait()
                status, body, _ = self.call("mallory", "POST", "/executions", {"sql": SLOW_SQL})
                answers[index] = (status, body)

            threads = [threading.Thread(target=fire, args=(i,)) for i in range(len(answers))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            assert all(answers), f"some POSTs did not return: {answers}"
            accepted = [body["id"] for status, body in answers if status == 202]
            refused = [body.get("code") for status, body in answers if status == 429]
            assert len(accepted) == 2 and refused == ["too_many_executions"] * 8, (
                f"expected 2 x 202 and 8 x 429 too_many_executions, got {[(s, b) for s, b in answers]}"
            )
            for execution in accepted:
                done, _, _ = self.wait("mallory", execution, EXECUTION_SECONDS + 30)
                assert done["status"] == "failed" and done["error"]["kind"] == "limit", done
                assert "time limit" in done["error"]["message"], done["error"]
            return "10 simultaneous POSTs -> 2 accepted, 8 x 429 too_many_executions; the 2 ended at the time limit"

        self.case("10 simultaneous executions against a limit of 2", race)

    def bob_still_works(self):
        def paper():
            done, seconds, _ = self.run("bob", PAPER, 60)
            assert done["status"] == "succeeded", done
            value = self.paper_value("bob", done["id"])
            assert abs(value - PAPER_VALUE) < 0.005, value
            return f"bob's paper request succeeded in {seconds:.2f} s ({PAPER_COLUMN} {value})"

        self.case("bob after every attack", paper)


def main():
    started = time.monotonic()
    rows = max(200_000, BATCH_ROWS * 8 * cores())  # At least 8 calls per core for the spinning MAPs.
    first = [
        "--demo-rows", str(rows), "--max-concurrent-executions", str(STALLERS),
        "--time-limit-ms", str(PER_CALL_MS), "--execution-time-limit", "60",
    ]
    second = [
        "--max-concurrent-executions", "2", "--time-limit-ms", str(PER_CALL_MS),
        "--execution-time-limit", str(EXECUTION_SECONDS), "--execution-memory-mb", "64",
        "--max-connections-per-client", str(PER_CLIENT), "--idle-timeout-seconds", str(IDLE_SECONDS),
    ]
    server = Server(*first)
    walls = Walls(server)
    try:
        server.start()
        walls.first_start()
        walls.bob_uploads()
        walls.statements()
        walls.host_files()
        walls.cross_tenant()
        walls.sizes()
        walls.calibrate()
        walls.cancellation()
        walls.stall()
        walls.no_cache_in_data_dir("first start")
        peak, _ = peak_rss(server.process.pid)
        print(f"walls: first configuration: server peak RSS {mib(peak)}", flush=True)

        server.stop()
        server.start(*second)
        walls.restart()
        walls.memory_bomb()
        walls.memory_attacks()
        walls.idle_connections()
        walls.time_limit()
        walls.race()
        walls.bob_still_works()
        walls.no_cache_in_data_dir("after a restart")
        print(
            f"walls: passed: {len(walls.report)} cases in {time.monotonic() - started:.0f} s; "
            f"{walls.stall_line}; {walls.limit_line}; memory bomb: {walls.rss_line}; "
            + "; ".join(walls.memory_lines)
        )
    except BaseException:
        print(server.log()[-8000:])
        raise
    finally:
        server.close()
        shutil.rmtree(walls.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
