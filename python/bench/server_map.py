"""The paper's MAP over the 10M-row demo table through the server's API, as the page runs it.

    python3 python/bench/server_map.py [--binary target/release/wasmudf] [--runs 3]

Starts `wasmudf serve --demo-rows 10000000` on a data directory of its own (generated once,
then reused; the server is restarted so that generating the table does not count), runs the
MAP `--runs` times one after another, and prints the median wall time from the request to
"succeeded" (the result's Parquet written and synced), the server's CPU time per run and its
peak RSS (`VmHWM`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PORT = "18181"


def start(binary: str, data: Path) -> tuple[subprocess.Popen[str], str | None]:
    server = subprocess.Popen(
        [binary, "serve", "--port", PORT, "--data-dir", str(data), "--demo-rows", "10000000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    token = None
    assert server.stdout is not None
    for line in server.stdout:
        found = re.search(r"token\s+(wu_[0-9a-f]+)", line)
        if found:
            token = found.group(1)
        if "API" in line:
            break
    return server, token


def main() -> None:
    parser = argparse.ArgumentParser()
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPOSITORY / "target"))
    parser.add_argument("--binary", default=str(target / "release" / "wasmudf"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = Path.home() / ".cache" / "wasmudf" / "bench-server"
    token_file = data.with_suffix(".token")
    if not token_file.exists():
        server, token = start(args.binary, data)
        assert token, "the first start prints the demo tenant's token"
        token_file.write_text(token)
        server.terminate()
        server.wait()
    token = token_file.read_text().strip()
    server, _ = start(args.binary, data)
    # What the server does right after it starts (opening the store, warming the compiler) is
    # not the MAP's time.
    time.sleep(1)

    def call(method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def cpu_seconds() -> float:
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    body = {
        "program": (REPOSITORY / "examples" / "calculate_adj_bal.c").read_text(),
        "data": "accounts_large",
        "operation": "MAP",
        "function_name": "calculate_adj_bal",
        "input_column_names": ["balance", "rate"],
        "output_column_type": "FLOAT",
    }
    walls, cpus = [], []
    try:
        for _ in range(args.runs):
            started, cpu = time.time(), cpu_seconds()
            execution = call("POST", "/api/v1/executions", body)
            while (status := call("GET", f"/api/v1/executions/{execution['id']}"))["status"] not in (
                "succeeded",
                "failed",
                "cancelled",
            ):
                time.sleep(0.01)
            assert status["status"] == "succeeded", status
            walls.append(time.time() - started)
            cpus.append(cpu_seconds() - cpu)
        peak = int(re.search(r"VmHWM:\s+(\d+)", Path(f"/proc/{server.pid}/status").read_text()).group(1))
    finally:
        server.terminate()
        server.wait()
    walls.sort()
    print(
        f"{args.binary}\n"
        f"MAP over 10M rows through the API: median {walls[len(walls) // 2]:.2f} s "
        f"(runs {', '.join(f'{w:.2f}' for w in walls)}); server CPU per run "
        f"{', '.join(f'{c:.2f}' for c in cpus)} s; server peak RSS {peak // 1024} MiB"
    )


if __name__ == "__main__":
    main()
