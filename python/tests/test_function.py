"""wasmudf.Function in plain pyarrow: compile, load, call, fail, pickle, fork."""

from __future__ import annotations

import hashlib
import os
import pickle
import signal
import threading
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pytest

import wasmudf
from wasmudf import _wasmudf


def test_the_installed_wheel_is_under_test() -> None:
    # python/wasmudf has no native module: importing it from the source tree would fail, or
    # worse, test something else than what users install.
    assert "site-packages" in wasmudf.__file__, wasmudf.__file__
    assert wasmudf.__version__ == "0.1.0"


def test_the_papers_function_gives_the_papers_first_row(accounts: pa.Table, adj: wasmudf.Function) -> None:
    result = adj(accounts["balance"], accounts["rate"])
    assert isinstance(result, pa.FloatArray)
    assert len(result) == accounts.num_rows == 1000
    # 12507 * 0.46 + 12507 / 1000 (integer division) = 5765.22, as a C float.
    assert result[0].as_py() == pytest.approx(5765.22, abs=0.005)
    assert result.null_count == 0


def test_a_function_describes_itself(adj: wasmudf.Function) -> None:
    assert adj.signature == "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
    assert adj.name == "calculate_adj_bal"
    assert adj.param_names == ["balance", "rate"]
    assert adj.param_types == ["INT", "FLOAT"]
    assert adj.return_type == "FLOAT"
    assert adj.return_arrow_type == pa.float32()
    assert adj.digest == hashlib.sha256(adj.wasm).hexdigest()
    assert adj.wasm[:4] == b"\0asm"
    assert repr(adj) == f"<wasmudf.Function {adj.signature} digest={adj.digest[:12]}>"
    assert adj.limits == wasmudf.Limits(time_limit_ms=10_000, memory_limit_mb=256)
    assert "signature is read from the C definition" in wasmudf.Function.from_c.__doc__


def test_a_module_carries_its_signature(adj: wasmudf.Function) -> None:
    loaded = wasmudf.Function.from_wasm(adj.wasm)
    assert loaded.signature == adj.signature
    assert loaded == adj
    with pytest.raises(wasmudf.CompileError, match="the module was built for `calculate_adj_bal"):
        wasmudf.Function.from_wasm(adj.wasm, signature="other(a INT) RETURNS INT")


def test_the_signature_can_be_given_or_chosen_by_name() -> None:
    source = "static int half(int x) { return x / 2; }\nint f(int x) { return half(x); }\nint g(int) { return 1; }"
    with pytest.raises(ValueError) as refused:
        wasmudf.Function.from_c(source)
    assert "defines 2 functions (f, g): name the UDF, or mark the helpers `static`" in str(refused.value)
    g = wasmudf.Function.from_c(source, name="g")
    assert g.signature == "g(arg0 INT) RETURNS INT"
    f = wasmudf.Function.from_c(source, signature="f(value INT) RETURNS INT")
    assert f.signature == "f(value INT) RETURNS INT"
    assert f(pa.array([10, 7])).to_pylist() == [5, 3]
    # A signature that contradicts the definition is the compiler's to refuse, at its line.
    with pytest.raises(wasmudf.CompileError, match="conflicting types for 'f'"):
        wasmudf.Function.from_c(source, signature="f(value BIGINT) RETURNS INT")
    with pytest.raises(ValueError, match="invalid signature `f\\(x\\)`"):
        wasmudf.Function.from_c(source, signature="f(x)")


def test_an_aggregate_is_recognized_and_refused_with_where_it_runs() -> None:
    source = (
        "typedef struct { int64_t n; } n_state;\n"
        "void n_step(n_state *s, int32_t x) { s->n += x; }\n"
        "void n_merge(n_state *s, const n_state *o) { s->n += o->n; }\n"
        "int64_t n_finish(const n_state *s) { return s->n; }\n"
    )
    with pytest.raises(ValueError, match="`n` is an aggregate .* run aggregates with SQL on the server"):
        wasmudf.Function.from_c(source)


def test_a_compile_error_names_its_line() -> None:
    with pytest.raises(wasmudf.CompileError) as failed:
        wasmudf.Function.from_c("int f(int x) {\n  return x +;\n}\n")
    error = failed.value
    assert [(d.line, d.column, d.severity) for d in error.diagnostics] == [(2, 13, "error")]
    assert error.diagnostics[0].message == "expected expression"
    assert str(error) == "compilation failed: 2:13: error: expected expression"
    assert isinstance(error, wasmudf.WasmudfError)
    assert "/tmp" not in str(error) and "wasmudf-job" not in str(error)
    # The interpreter and the compiler go on.
    assert wasmudf.Function.from_c("int f(int x) { return x + 1; }")(pa.array([1])).to_pylist() == [2]


def test_strings_and_nulls(domain: wasmudf.Function) -> None:
    emails = pa.array(["fdumphy0@mtv.com", None, "no-at-sign", "é@ü.de", ""])
    assert domain(emails).to_pylist() == ["mtv.com", None, "", "ü.de", ""]
    for layout in (pa.large_string(), pa.string_view()):
        assert domain(emails.cast(layout)).to_pylist() == ["mtv.com", None, "", "ü.de", ""]
    assert domain(pa.array(["a@b"]).dictionary_encode()).to_pylist() == ["b"]
    assert domain(pa.nulls(3)).to_pylist() == [None, None, None]


def test_every_sql_type(guest: Callable[..., wasmudf.Function]) -> None:
    mix = guest("mix")
    result = mix(
        pa.array([1, 2, None], pa.int32()),
        pa.array([10, 20, 30], pa.int64()),
        pa.array([0.5, 0.25, 0.0], pa.float32()),
        pa.array([100.0, 200.0, 300.0]),
        pa.array([True, False, True]),
    )
    assert result.type == pa.float64()
    assert result.to_pylist() == [111.5, -1.0, None]
    assert guest("even")(pa.array([1, 2, None], pa.int32())).to_pylist() == [False, True, None]
    assert guest("count_a")(pa.array(["banana", "xyz"])).to_pylist() == [3, 0]
    source = (
        "long long big(long long x, bool flip) { return flip ? -x : x * 3000000000LL; }"
    )
    big = wasmudf.Function.from_c(source)
    assert big.signature == "big(x BIGINT, flip BOOLEAN) RETURNS BIGINT"
    assert big(pa.array([2, 5]), pa.array([False, True])).to_pylist() == [6_000_000_000, -5]
    half = wasmudf.Function.from_c("double half(double x) { return x / 2; }")
    assert half(pa.array([1.0, None])).to_pylist() == [0.5, None]


def test_dates_timestamps_decimals_and_bytes() -> None:
    import datetime
    import decimal

    next_day = wasmudf.Function.from_c("wasmudf_date next_day(wasmudf_date d) { return d + 1; }")
    assert next_day.signature == "next_day(d DATE) RETURNS DATE"
    days = pa.array([datetime.date(1969, 12, 31), None])
    assert next_day(days).to_pylist() == [datetime.date(1970, 1, 1), None]

    later = wasmudf.Function.from_c("wasmudf_timestamp later(wasmudf_timestamp t) { return t + 1; }")
    assert later.return_type == "TIMESTAMP"
    # Milliseconds in a zone are converted to UTC microseconds; the instant is kept.
    zoned = pa.array([1_000], pa.timestamp("ms", tz="+02:00"))
    assert later(zoned).cast(pa.int64()).to_pylist() == [1_000_001]

    cents = wasmudf.Function.from_c(
        "wasmudf_decimal add_cent(wasmudf_decimal x) { return x + 1; }",
        signature="add_cent(x DECIMAL(10, 2)) RETURNS DECIMAL(10, 2)",
    )
    assert cents.param_types == ["DECIMAL(10, 2)"]
    values = pa.array([decimal.Decimal("12.34"), None], pa.decimal128(10, 2))
    assert cents(values).to_pylist() == [decimal.Decimal("12.35"), None]
    with pytest.raises(wasmudf.UdfError, match="more digits than its type DECIMAL") as failure:
        cents(pa.array([decimal.Decimal("99999999.99")], pa.decimal128(10, 2)))
    assert failure.value.kind == "invalid_output"

    flip = wasmudf.Function.from_c(
        "wasmudf_bytes flip(wasmudf_bytes b) { uint8_t *o = wasmudf_alloc(b.len + 1);"
        " for (int i = 0; i < b.len; i++) o[i] = b.ptr[i] ^ 0xff; wasmudf_bytes r = { o, b.len }; return r; }"
    )
    assert flip.signature == "flip(b BINARY) RETURNS BINARY"
    assert flip(pa.array([b"\x00\xff", b"", None])).to_pylist() == [b"\xff\x00", b"", None]
    with pytest.raises(TypeError, match=r"CAST\(b AS BINARY\)"):
        flip(pa.array([1, 2]))


def test_what_a_function_prints_is_taken_from_its_log() -> None:
    chatty = wasmudf.Function.from_c(
        '#include <stdio.h>\nint32_t chatty(int32_t x) { printf("x=%d\\n", x); return 100 / x; }'
    )
    assert chatty(pa.array([1, 2], pa.int32())).to_pylist() == [100, 50]
    assert chatty.take_log() == "x=1\nx=2\n"
    assert chatty.take_log() == ""
    with pytest.raises(wasmudf.UdfError) as failure:
        chatty(pa.array([5, 0], pa.int32()))
    assert failure.value.kind == "division_by_zero"
    assert chatty.take_log() == "x=5\nx=0\ninteger division by zero at line 2, column 61\n"


def test_numbers_are_converted_only_where_no_value_can_change(adj: wasmudf.Function) -> None:
    # int64 and float64 (what pandas and CSV give) fit INT and FLOAT here.
    assert adj(pa.array([1000], pa.int64()), pa.array([1.0])).to_pylist() == [1001.0]
    assert adj(pa.array([1000], pa.int16()), pa.array([1], pa.int8())).to_pylist() == [1001.0]
    with pytest.raises(ValueError, match="argument `balance` does not fit the parameter's type INT"):
        adj(pa.array([3_000_000_000]), pa.array([1.0]))
    with pytest.raises(TypeError) as refused:
        adj(pa.array([1.5]), pa.array([1.0]))
    assert str(refused.value) == (
        "calculate_adj_bal(): argument `balance` is double; the parameter is INT: "
        "round it first, e.g. pc.cast(pc.round(x), pa.int32())"
    )
    with pytest.raises(TypeError, match="argument `rate` is string; the parameter is FLOAT"):
        adj(pa.array([1]), pa.array(["1.0"]))
    with pytest.raises(TypeError, match=r"takes 2 argument\(s\) \(calculate_adj_bal\(balance INT, rate FLOAT\) RETURNS FLOAT\), 1 given"):
        adj(pa.array([1]))
    with pytest.raises(ValueError, match="argument `rate` has 2 rows; `balance` has 1"):
        adj(pa.array([1]), pa.array([1.0, 2.0]))


def test_inputs_of_every_python_kind(adj: wasmudf.Function) -> None:
    balances = [12507, 59174]
    rates = [0.46, 0.41]
    expected = adj(pa.array(balances), pa.array(rates)).to_pylist()
    chunked = adj(pa.chunked_array([[12507], [59174]]), pa.chunked_array([rates]))
    assert chunked.to_pylist() == expected
    assert adj(np.array(balances), np.array(rates)).to_pylist() == expected
    assert adj(balances, rates).to_pylist() == expected
    assert adj(pa.chunked_array([], pa.int64()), pa.chunked_array([], pa.float64())).to_pylist() == []


def test_inputs_are_not_copied() -> None:
    values = pa.array(np.arange(1_000_000, dtype=np.int32))
    assert _wasmudf.buffer_address(values) == values.buffers()[1].address
    sliced = values.slice(10, 100)
    assert _wasmudf.buffer_address(sliced) == values.buffers()[1].address + 10 * 4


def test_a_trap_names_the_row_and_its_values_and_the_function_goes_on(guest: Callable[..., wasmudf.Function]) -> None:
    divide = guest("divide")
    with pytest.raises(wasmudf.UdfError) as failed:
        divide(pa.array([6, 8, 5, 9], pa.int32()), pa.array([3, 2, 0, 1], pa.int32()))
    error = failed.value
    assert (error.kind, error.function, error.row, error.values) == ("division_by_zero", "divide", 2, {"a": "5", "b": "0"})
    assert str(error) == "UDF `divide` failed: integer division by zero at row 2 of the batch (a=5, b=0)"
    assert divide(pa.array([6], pa.int32()), pa.array([3], pa.int32())).to_pylist() == [2]
    # The error pickles with its data (it crosses process boundaries in Spark).
    copied = pickle.loads(pickle.dumps(error))
    assert (copied.kind, copied.row, copied.values, str(copied)) == (error.kind, 2, error.values, str(error))


def test_a_time_limit_stops_the_guest(guest: Callable[..., wasmudf.Function]) -> None:
    spin = guest("spin", wasmudf.Limits(time_limit_ms=200))
    with pytest.raises(wasmudf.UdfError) as failed:
        spin(pa.array([1], pa.int32()))
    assert failed.value.kind == "time_limit"
    assert "time limit exceeded (200 ms per batch)" in str(failed.value)
    assert spin(pa.array([-1], pa.int32())).to_pylist() == [-1]


def test_a_memory_bomb_hits_the_memory_limit(guest: Callable[..., wasmudf.Function]) -> None:
    bomb = guest("bomb", wasmudf.Limits(memory_limit_mb=16))
    with pytest.raises(wasmudf.UdfError) as failed:
        bomb(pa.array([1], pa.int32()))
    assert (failed.value.kind, failed.value.row) == ("memory_limit", 0)
    assert str(failed.value) == "UDF `bomb` failed: memory limit exceeded (16 MiB) at row 0 of the batch (a=1)"
    grow = guest("grow", wasmudf.Limits(memory_limit_mb=16))
    assert grow(pa.array([1], pa.int32())).to_pylist() == ["x"]


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="memory_limit_mb must be between 1 and 4096; got 5000"):
        wasmudf.Limits(memory_limit_mb=5000)
    with pytest.raises(TypeError, match="time_limit_ms must be an int, not float"):
        wasmudf.Limits(time_limit_ms=1.5)


def test_the_gil_is_released_while_the_guest_runs(guest: Callable[..., wasmudf.Function]) -> None:
    spin = guest("spin", wasmudf.Limits(time_limit_ms=300))
    done = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            spin(pa.array([1], pa.int32()))
        except wasmudf.UdfError as error:
            outcome.append(error)
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    steps = 0
    while not done.is_set():
        steps += 1
    thread.join()
    assert [e.kind for e in outcome] == ["time_limit"]
    # With the GIL held for the guest's 300 ms this loop could not have run at all.
    assert steps > 10_000, steps


def test_a_function_pickles_as_its_module_and_loads_once_per_process(adj: wasmudf.Function) -> None:
    loads = _wasmudf.load_count()
    first = pickle.loads(pickle.dumps(adj))
    second = pickle.loads(pickle.dumps(adj))
    assert first is second and first == adj
    assert _wasmudf.load_count() == loads + 1
    assert first(pa.array([12507]), pa.array([0.46]))[0].as_py() == pytest.approx(5765.22, abs=0.005)
    forged = bytearray(adj.wasm)
    forged[-1] ^= 1
    function, args = adj.__reduce__()
    with pytest.raises(ValueError, match="do not match their digest"):
        function(bytes(forged), *args[1:])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")
def test_time_limits_hold_in_a_forked_child(guest: Callable[..., wasmudf.Function]) -> None:
    # A PySpark worker is a fork of a process that may have used the sandbox: the child has no
    # epoch ticker thread until the sandbox starts its own.
    spin = guest("spin", wasmudf.Limits(time_limit_ms=200))
    spin(pa.array([-1], pa.int32()))
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        # Without a ticker the guest would spin forever: the alarm ends the child, silently.
        signal.alarm(10)
        try:
            spin(pa.array([1], pa.int32()))
            message = b"returned"
        except wasmudf.UdfError as error:
            message = error.kind.encode()
        os.write(write, message)
        os._exit(0)
    os.close(write)
    _, status = os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        assert pipe.read() == b"time_limit"
    assert os.waitstatus_to_exitcode(status) == 0
