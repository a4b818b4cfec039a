"""API fuzzing: schemathesis generates requests from /api/v1/openapi.json (valid and invalid,
plus stateful sequences) against a real server. Passes when no response is a 5xx."""
import shutil
import subprocess
import sys

from server import Server

EXAMPLES = "60"
TIME_LIMIT_SECONDS = 600


def main():
    schemathesis = shutil.which("schemathesis")
    if not schemathesis:
        sys.exit("schemathesis is not installed: pip install -r tests/system/requirements.txt")
    server = Server("--demo-rows", "1000").start()
    try:
        token = server.demo_token()
        command = [
            schemathesis, "run", f"{server.base}/api/v1/openapi.json",
            "--header", f"Authorization: Bearer {token}",
            "--checks", "not_a_server_error",
            "--max-examples", EXAMPLES,
            "--generation-deterministic",
            "--request-timeout", "60",
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT_SECONDS)
        summary = [line for line in result.stdout.splitlines() if "generated" in line or "passed" in line or "failed" in line]
        if result.returncode != 0:
            print(result.stdout[-20000:])
            print(server.log()[-5000:])
            sys.exit(f"schemathesis found server errors (exit {result.returncode})")
        assert "internal error" not in server.log(), server.log()[-5000:]
        print("api fuzz: " + (summary[-1].strip() if summary else "passed") + "; no 5xx, no internal error logged")
    finally:
        server.close()


if __name__ == "__main__":
    main()
