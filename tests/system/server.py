"""A real `wasmudf serve` process for system tests: start, wait, call, kill -9, restart."""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

# The statuses of an execution that has not ended (the server's `ExecutionStatus::LIVE`).
LIVE_STATUSES = ("queued", "compiling", "running")

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("WASMUDF_BIN") or Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "wasmudf")
READY_SECONDS = 60
# The demo tenant's token, as `wasmudf serve` prints it when it creates the tenant.
TOKEN_LINE = re.compile(r"token\s+(wu_[0-9a-f]+)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *extra_args: str, data_dir: str | None = None):
        self.owned_dir = None
        if data_dir is None:
            self.owned_dir = tempfile.TemporaryDirectory(prefix="wasmudf-system-")
            data_dir = self.owned_dir.name
        self.data_dir = Path(data_dir)
        self.extra_args = list(extra_args)
        self.port = free_port()
        self.process = None
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra_args: str) -> "Server":
        """Starts the server, or starts it again on the same data directory and port. Arguments
        given here replace the `serve` arguments from the constructor (a restart with other
        limits); none keeps them."""
        if extra_args:
            self.extra_args = list(extra_args)
        log = open(self.log_path, "ab")
        demo_rows = [] if "--demo-rows" in self.extra_args else ["--demo-rows", "0"]
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(self.port), "--data-dir", str(self.data_dir), *demo_rows, *self.extra_args],
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                urllib.request.urlopen(f"{self.base}/api/v1/openapi.json", timeout=2).read()
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError(f"the server did not start within {READY_SECONDS} s:\n{self.log()}")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()

    def close(self):
        self.stop()
        if self.owned_dir:
            self.owned_dir.cleanup()
            self.log_path.unlink(missing_ok=True)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def demo_token(self) -> str:
        """The demo tenant's token from the log: the server prints it once, when the first start
        on this data directory creates the tenant (only its digest is stored)."""
        deadline = time.monotonic() + 10
        while True:
            match = TOKEN_LINE.search(self.log())
            if match:
                return match.group(1)
            if time.monotonic() > deadline:
                raise RuntimeError(f"no demo token (`token  wu_...`) in the server log {self.log_path}:\n{self.log()[-3000:]}")
            time.sleep(0.1)

    def create_tenant(self, name: str) -> str:
        out = subprocess.run(
            [str(BINARY), "tenants", "create", name, "--data-dir", str(self.data_dir)],
            check=True, capture_output=True, text=True,
        )
        return out.stdout.strip().splitlines()[-1]

    def call(self, token: str, method: str, path: str, body=None, timeout: float = 30):
        """(status, parsed JSON or text, seconds)."""
        data = None
        headers = {"Authorization": f"Bearer {token}"}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method, headers=headers)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        elapsed = time.monotonic() - started
        try:
            return status, json.loads(raw) if raw else None, elapsed
        except ValueError:
            return status, raw.decode(errors="replace"), elapsed

    def wait(self, token: str, execution: str, seconds: float = 120) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status, body, _ = self.call(token, "GET", f"/executions/{execution}")
            assert status == 200, body
            if body["status"] not in LIVE_STATUSES:
                return body
            time.sleep(0.1)
        raise AssertionError(f"execution {execution} did not finish within {seconds} s")


PAPER = {
    "program": "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }",
    "data": "accounts",
    "operation": "MAP",
    "function_name": "calculate_adj_bal",
    "input_column_names": ["balance", "rate"],
    "output_column_type": "FLOAT",
}


def udf(program: str, name: str = "f", columns=("balance",), returns: str = "INTEGER") -> dict:
    return {
        "program": program,
        "data": "accounts",
        "operation": "MAP",
        "function_name": name,
        "input_column_names": list(columns),
        "output_column_type": returns,
    }


def percentile(values, p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]
