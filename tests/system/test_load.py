"""Load: 50 concurrent executions from 5 tenants, 10 of them hostile; then a flood of 100
compile bombs. Reports API latency percentiles; asserts outcomes, not timings."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from server import LIVE_STATUSES, PAPER, Server, percentile, udf

TENANTS = 5
PER_TENANT = 10
INFINITE_LOOP = udf("int32_t f(int32_t b) { for (;;) {} }")
MEMORY_BOMB = udf("int32_t f(int32_t b) { for (;;) { if (__builtin_wasm_memory_grow(0, 1024) < 0) return -1; } }")
# Macros that double at every level: 2^40 tokens unless the compile limits stop clang.
COMPILE_BOMB = udf(
    "".join(f"#define L{i + 1} L{i} L{i}\n" for i in range(40)).replace("L0 L0", "1 + 1", 1)
    + "int32_t f(int32_t b) { return L40; }\n"
)

latencies = []
latency_lock = threading.Lock()


def timed(server, *args, **kwargs):
    status, body, seconds = server.call(*args, **kwargs)
    with latency_lock:
        latencies.append(seconds)
    return status, body


def run_one(server, token, request, expect_kind):
    """Submits (retrying politely on 429) and waits; returns (ok, detail)."""
    deadline = time.monotonic() + 180
    while True:
        status, body = timed(server, token, "POST", "/executions", request)
        if status != 429:
            break
        if time.monotonic() > deadline:
            return False, "still 429 after 180 s"
        time.sleep(0.5)
    if status != 202:
        return False, f"POST answered {status} {body}"
    execution = body["id"]
    while True:
        status, done = timed(server, token, "GET", f"/executions/{execution}")
        if done["status"] not in LIVE_STATUSES:
            break
        if time.monotonic() > deadline:
            return False, f"{execution} did not finish"
        time.sleep(0.2)
    if expect_kind is None:
        if done["status"] != "succeeded":
            return False, f"a legitimate execution failed: {done}"
        _, page = timed(server, token, "GET", f"/executions/{execution}/results?limit=1")
        return page["rows"][0][6] == 5765.22, f"first row {page['rows'][0]}"
    ok = done["status"] == "failed" and done["error"]["kind"] == expect_kind
    return ok, f"expected {expect_kind}, got {done['status']} {done.get('error')}"


def main():
    server = Server(
        "--time-limit-ms", "3000", "--memory-limit-mb", "64", "--max-concurrent-executions", "10",
    ).start()
    try:
        tokens = [server.demo_token()] + [server.create_tenant(f"load{i}") for i in range(1, TENANTS)]
        jobs = []
        for t, token in enumerate(tokens):
            for i in range(PER_TENANT):
                if i == 0:
                    jobs.append((token, INFINITE_LOOP, "time_limit"))
                elif i == 1:
                    jobs.append((token, MEMORY_BOMB, "memory_limit"))
                else:
                    jobs.append((token, PAPER, None))
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            outcomes = list(pool.map(lambda job: run_one(server, *job), jobs))
        wall = time.monotonic() - started
        failed = [detail for ok, detail in outcomes if not ok]
        assert not failed, "\n".join(failed)
        legit = sum(1 for job in jobs if job[2] is None)
        print(
            f"load: {len(jobs)} executions from {TENANTS} tenants ({len(jobs) - legit} hostile) in {wall:.1f} s; "
            f"all {legit} legitimate succeeded, every hostile one failed with its kind"
        )
        print(
            f"load: API latency over {len(latencies)} requests: p50 {percentile(latencies, 50) * 1000:.1f} ms, "
            f"p99 {percentile(latencies, 99) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
        )

        # A flood of compile bombs from one tenant, while another tenant keeps working.
        latencies.clear()
        bomber, bystander = tokens[1], tokens[2]
        answers = []
        stop = threading.Event()
        bystander_statuses = []

        def bystand():
            while not stop.is_set():
                status, _ = timed(server, bystander, "GET", "/datasets")
                bystander_statuses.append(status)
                time.sleep(0.05)

        watcher = threading.Thread(target=bystand)
        watcher.start()
        for _ in range(100):
            status, body, _ = server.call(bomber, "POST", "/executions", COMPILE_BOMB)
            answers.append((status, body.get("code") if isinstance(body, dict) else None))
        accepted = sum(1 for status, _ in answers if status == 202)
        limited = [code for status, code in answers if status == 429]
        assert accepted + len(limited) == 100, answers
        assert accepted <= 30 and len(limited) >= 70, f"{accepted} accepted, {len(limited)} refused"
        assert set(limited) <= {"too_many_compiles", "too_many_executions"}, set(limited)
        # The bystander's real work runs while the bombs are in flight.
        ok, detail = run_one(server, bystander, PAPER, None)
        stop.set()
        watcher.join()
        assert ok, detail
        assert bystander_statuses and all(s == 200 for s in bystander_statuses), bystander_statuses
        print(
            f"flood: 100 compile bombs -> {accepted} accepted, {len(limited)} refused with 429 "
            f"({', '.join(sorted(set(limited)))}); a bystander's {len(bystander_statuses)} requests all 200, "
            f"p99 {percentile(latencies, 99) * 1000:.1f} ms; its execution succeeded"
        )
    except BaseException:
        print(server.log()[-5000:])
        raise
    finally:
        server.close()


if __name__ == "__main__":
    main()
