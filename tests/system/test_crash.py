"""kill -9 the server during an upload and during an execution; restart; check what survives."""
import socket
import time

from server import PAPER, Server, udf


def upload_interrupted_by_kill(server: Server, token: str):
    """Sends half of a multipart upload, kills the server, and returns."""
    boundary = "crash-boundary"
    rows = b"".join(b"%d,%d\n" % (i, i * 7) for i in range(200_000))
    head = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\nx,y\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    body = head + rows + tail
    request = (
        f"POST /api/v1/datasets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request + body[: len(body) // 2])
        time.sleep(0.5)  # The server is now writing the staging file.
        server.kill9()


def main():
    server = Server("--time-limit-ms", "60000").start()
    try:
        token = server.demo_token()
        # A finished execution whose results must survive.
        status, body, _ = server.call(token, "POST", "/executions", PAPER)
        assert status == 202, body
        finished = body["id"]
        assert server.wait(token, finished)["status"] == "succeeded"

        # 1. kill -9 during an upload.
        upload_interrupted_by_kill(server, token)
        server.start()
        status, body, _ = server.call(token, "GET", "/datasets")
        names = sorted(d["name"] for d in body["datasets"])
        assert names == ["accounts"], f"a partial upload became visible: {names}"
        leftovers = [p.name for p in (server.data_dir / "datasets").rglob(".upload-*")]
        assert leftovers == [], f"staging files survived the restart: {leftovers}"
        print("crash during upload: no partial dataset visible, staging files removed on restart")

        # 2. kill -9 during an execution (a guest that would run for a minute).
        status, body, _ = server.call(token, "POST", "/executions", udf("int32_t f(int32_t b) { for (;;) {} }"))
        assert status == 202, body
        running = body["id"]
        deadline = time.monotonic() + 60
        while server.call(token, "GET", f"/executions/{running}")[1]["status"] != "running":
            assert time.monotonic() < deadline, "the execution never started running"
            time.sleep(0.1)
        server.kill9()
        server.start()
        status, body, _ = server.call(token, "GET", f"/executions/{running}")
        assert body["status"] == "failed", body
        assert body["error"]["kind"] == "interrupted", body
        assert "server stopped" in body["error"]["message"], body
        print(f"crash during execution: marked failed on restart ({body['error']['message']})")

        # What finished before the crashes is whole.
        status, page, _ = server.call(token, "GET", f"/executions/{finished}/results?limit=1")
        assert status == 200 and page["rows"][0][6] == 5765.22, page
        status, body, _ = server.call(token, "POST", "/executions", PAPER)
        assert server.wait(token, body["id"])["status"] == "succeeded"
        print("crash tests: passed (earlier results intact, new executions run)")
    except BaseException:
        print(server.log())
        raise
    finally:
        server.close()


if __name__ == "__main__":
    main()
