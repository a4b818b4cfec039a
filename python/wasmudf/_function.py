"""``Function`` and ``Limits``: a sandboxed UDF called with Arrow arrays."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from wasmudf import _wasmudf

__all__ = ["Function", "Limits"]

# The hard cap of the sandbox on a guest's linear memory (wasm32 addresses 4 GiB).
_MAX_MEMORY_LIMIT_MB = 4096


@dataclass(frozen=True)
class Limits:
    """What one call of a function may use, as on the wasmudf server.

    - ``time_limit_ms``: wall time per batch of up to 16,384 rows; past it the call raises
      ``UdfError`` with kind ``time_limit``.
    - ``memory_limit_mb``: the guest's linear memory; growing past it raises ``UdfError``
      with kind ``memory_limit``. At most 4096 (all that wasm32 can address).
    """

    time_limit_ms: int = _wasmudf.DEFAULT_TIME_LIMIT_MS
    memory_limit_mb: int = _wasmudf.DEFAULT_MEMORY_LIMIT_MB

    def __post_init__(self) -> None:
        for name, value, largest in (
            ("time_limit_ms", self.time_limit_ms, 24 * 3600 * 1000),
            ("memory_limit_mb", self.memory_limit_mb, _MAX_MEMORY_LIMIT_MB),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, not {type(value).__name__}")
            if not 1 <= value <= largest:
                raise ValueError(f"{name} must be between 1 and {largest}; got {value}")


_DEFAULT_LIMITS = Limits()

# How to spell each parameter type's pyarrow type in a hint (`pa.int32()`).
_PYARROW_SPELLING = {
    "INT": "int32",
    "BIGINT": "int64",
    "FLOAT": "float32",
    "DOUBLE": "float64",
    "BOOLEAN": "bool_",
    "STRING": "string",
}


class Function:
    """A user-defined function compiled to WebAssembly and run in wasmudf's sandbox.

    Create one with :meth:`from_c`, :meth:`from_wat` or :meth:`from_wasm`, then call it with
    one array per parameter (pyarrow ``Array`` or ``ChunkedArray``, anything with
    ``__arrow_c_array__`` or ``__arrow_c_stream__`` such as a Polars ``Series``, a pandas
    ``Series`` or a numpy array); it returns a ``pyarrow.Array``::

        adj = wasmudf.Function.from_c(
            "float adj(int balance, float rate) { return (balance * rate) + balance/1000; }")
        adj(pa.array([5489]), pa.array([1.05]))     # -> <pyarrow.lib.FloatArray> [5768.45]

    NULLs are strict, as everywhere in wasmudf: a row with a NULL in any argument gives NULL,
    and the function is not called for it. Numbers are converted to the parameter's type only
    where no value can change (wider integers are checked value by value, e.g. pandas' int64
    for an ``int``); a float for an integer parameter, or a string for a number, is a
    ``TypeError``. Each call runs the guest with the GIL released, under the function's
    :class:`Limits`; failures raise :class:`wasmudf.UdfError` naming the row and its values.

    A ``Function`` pickles as its module's bytes and digest, so it travels to Spark executors
    and ``multiprocessing`` workers; each process compiles a module once and reuses it.
    """

    __slots__ = ("_udf", "_wasm", "_limits", "_params", "__weakref__")

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        raise TypeError("create a Function with Function.from_c, Function.from_wat or Function.from_wasm")

    @classmethod
    def _load(cls, wasm: bytes, signature: str | None, limits: Limits | None) -> Function:
        limits = _DEFAULT_LIMITS if limits is None else limits
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a wasmudf.Limits, not {type(limits).__name__}")
        self = object.__new__(cls)
        self._udf = _wasmudf.Udf(bytes(wasm), signature, limits.time_limit_ms, limits.memory_limit_mb)
        self._wasm = bytes(wasm)
        self._limits = limits
        # (name, SQL type, Arrow type) per parameter, read once: every call needs them.
        self._params = list(zip(self._udf.param_names, self._udf.param_types, self._udf.param_arrow_types))
        return self

    @classmethod
    def from_c(
        cls,
        source: str,
        signature: str | None = None,
        *,
        name: str | None = None,
        limits: Limits | None = None,
    ) -> Function:
        """Compiles one scalar C function with the jailed clang-19, as the server and CLI do.

        The signature is read from the C definition (``float adj(int balance, float rate)``
        is ``adj(balance INT, rate FLOAT) RETURNS FLOAT``): of the function ``name``, or of the
        only non-``static`` function the source defines. Or pass it:
        ``signature="adj(balance INT, rate FLOAT) RETURNS FLOAT"``.

        Raises :class:`wasmudf.CompileError` (with ``diagnostics``: line, column, message) when
        the source does not compile, and :class:`wasmudf.ToolchainError` when this machine
        lacks clang-19 or bubblewrap. Compiled modules are cached on disk
        (``$WASMUDF_CACHE_DIR``, else ``~/.cache/wasmudf``).
        """
        if not isinstance(source, str):
            raise TypeError(f"source must be str, not {type(source).__name__}")
        wasm, signature = _wasmudf.compile_c(source, signature, name)
        return cls._load(wasm, signature, limits)

    @classmethod
    def from_wat(cls, text: str, signature: str, *, limits: Limits | None = None) -> Function:
        """Assembles a module written in WebAssembly text against wasmudf's batch ABI
        (``docs/abi.md``). Needs no C toolchain."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return cls._load(_wasmudf.compile_wat(text, signature), signature, limits)

    @classmethod
    def from_wasm(cls, data: bytes, signature: str | None = None, *, limits: Limits | None = None) -> Function:
        """Loads a compiled module (``wasmudf compile -o f.wasm``, or :attr:`wasm` of another
        Function). Without ``signature``, the one the module carries is used. Needs no C
        toolchain."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return cls._load(bytes(data), signature, limits)

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        signature: str | None = None,
        *,
        name: str | None = None,
        limits: Limits | None = None,
    ) -> Function:
        """Loads ``.c``, ``.wat`` or ``.wasm`` by the file's extension."""
        path = os.fspath(path)
        extension = os.path.splitext(path)[1].lower()
        if extension == ".c":
            with open(path, encoding="utf-8") as file:
                return cls.from_c(file.read(), signature, name=name, limits=limits)
        if extension == ".wat":
            if signature is None:
                raise ValueError("a WAT module needs signature=, e.g. \"f(x INT) RETURNS INT\"")
            with open(path, encoding="utf-8") as file:
                return cls.from_wat(file.read(), signature, limits=limits)
        if extension == ".wasm":
            with open(path, "rb") as file:
                return cls.from_wasm(file.read(), signature, limits=limits)
        raise ValueError(f"{path}: expected a .c, .wat or .wasm file")

    # -- what it is ------------------------------------------------------------------------

    @property
    def signature(self) -> str:
        """``name(param TYPE, ...) RETURNS TYPE``."""
        return self._udf.signature_text

    @property
    def name(self) -> str:
        return self._udf.name

    @property
    def digest(self) -> str:
        """Hex SHA-256 of :attr:`wasm`."""
        return self._udf.digest

    @property
    def wasm(self) -> bytes:
        """The module's bytes (with its embedded signature when compiled from C)."""
        return self._wasm

    @property
    def limits(self) -> Limits:
        return self._limits

    @property
    def param_names(self) -> list[str]:
        return self._udf.param_names

    @property
    def param_types(self) -> list[str]:
        """SQL type names: ``INT``, ``BIGINT``, ``FLOAT``, ``DOUBLE``, ``BOOLEAN``, ``STRING``,
        ``DATE``, ``TIMESTAMP``, ``DECIMAL(p, s)``, ``BINARY``."""
        return self._udf.param_types

    @property
    def return_type(self) -> str:
        return self._udf.return_type

    @property
    def return_arrow_type(self) -> pa.DataType:
        return self._udf.return_arrow_type

    def __repr__(self) -> str:
        return f"<wasmudf.Function {self.signature} digest={self.digest[:12]}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Function):
            return NotImplemented
        return (self.digest, self.signature, self._limits) == (other.digest, other.signature, other._limits)

    def __hash__(self) -> int:
        return hash((self.digest, self.signature, self._limits))

    # -- calling ---------------------------------------------------------------------------

    def __call__(self, *args: Any) -> pa.Array:
        """Applies the function to each row of ``args`` (one array per parameter, all of one
        length) and returns the results as a ``pyarrow.Array`` of :attr:`return_arrow_type`."""
        params = self._params
        if len(args) != len(params):
            raise TypeError(f"{self.name}() takes {len(params)} argument(s) ({self.signature}), {len(args)} given")
        if not params:
            raise TypeError(f"{self.name}() has no parameters, so there are no rows to call it on")
        arrays = [_argument(value, *param, self.name) for value, param in zip(args, params)]
        rows = len(arrays[0])
        for (name, _, _), array in zip(params, arrays):
            if len(array) != rows:
                raise ValueError(
                    f"{self.name}(): argument `{name}` has {len(array)} rows; `{params[0][0]}` has {rows}"
                )
        return self._udf.call(arrays, rows)

    def take_log(self) -> str:
        """What the function printed (``printf``, ``puts``, ``wasmudf_log``) in this process
        since the last ``take_log()``, which empties it: 1 KiB per row and 64 KiB in all, cuts
        marked. Calls made by an engine in other processes (PySpark's workers) print there."""
        return self._udf.take_log()

    # -- pickling: the module travels as bytes with its digest ------------------------------

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        limits = self._limits
        return (_restore, (self._wasm, self.signature, limits.time_limit_ms, limits.memory_limit_mb, self.digest))

    def __copy__(self) -> Function:
        return self

    def __deepcopy__(self, _memo: dict[int, Any]) -> Function:
        return self


_RESTORED: dict[tuple[str, str, int, int], Function] = {}
_RESTORED_LOCK = threading.Lock()


def _restore(wasm: bytes, signature: str, time_limit_ms: int, memory_limit_mb: int, digest: str) -> Function:
    """Unpickles a Function: checks the module against its digest, and loads it once per
    process (a Spark worker unpickles the UDF for every task)."""
    actual = hashlib.sha256(wasm).hexdigest()
    if actual != digest:
        raise ValueError(f"the module's bytes do not match their digest (expected {digest}, got {actual})")
    key = (digest, signature, time_limit_ms, memory_limit_mb)
    with _RESTORED_LOCK:
        function = _RESTORED.get(key)
        if function is None:
            function = Function._load(wasm, signature, Limits(time_limit_ms, memory_limit_mb))
            _RESTORED[key] = function
        return function


_FLOAT_MAX = 3.4028234663852886e38


def _beyond_float(array: pa.Array) -> bool:
    """Whether some value of a double array is beyond float's range (one pass, the usual no)."""
    extremes = pc.min_max(array)
    low, high = extremes["min"].as_py(), extremes["max"].as_py()
    return low is not None and (low < -_FLOAT_MAX or high > _FLOAT_MAX)


def _to_array(value: Any) -> pa.Array:
    """One contiguous Arrow array, without a copy where the input is already Arrow."""
    if value is None or isinstance(value, (str, bytes, bytearray, dict, set, int, float)):
        # pa.array would read a str as its characters and a dict as its keys.
        raise TypeError(f"expected an array, not {type(value).__name__}: pass a list or pa.array([...])")
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(dtype, "isnative", True) is False:
        # Arrow is little-endian: a big-endian numpy array is converted (a copy).
        value = value.astype(dtype.newbyteorder("="))
    if isinstance(value, pa.Array):
        return value
    if isinstance(value, pa.ChunkedArray):
        chunked = value
    elif hasattr(value, "__arrow_c_array__"):
        return pa.array(value)
    elif hasattr(value, "__arrow_c_stream__"):
        chunked = pa.chunked_array(value)
    else:
        # pandas Series (NaN and None are NULL, as in pandas), numpy arrays, Python sequences.
        return pa.array(value)
    if chunked.num_chunks == 1:
        return chunked.chunk(0)
    # Several chunks are copied into one (the guest reads contiguous columns).
    return chunked.combine_chunks() if chunked.num_chunks else pa.array([], type=chunked.type)


def _argument(value: Any, name: str, sql_type: str, target: pa.DataType, function: str) -> pa.Array:
    """``value`` as an array of the parameter's type, converted only where no value can change."""
    try:
        array = _to_array(value)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError) as error:
        raise TypeError(f"{function}(): argument `{name}` ({sql_type}) is not an array: {error}") from None
    actual = array.type
    if pa.types.is_dictionary(actual):
        dictionary = array.dictionary
        if pa.types.is_string_view(dictionary.type):
            # pyarrow has no take (nor decode) kernel for string_view values.
            dictionary = dictionary.cast(pa.large_string())
        array = dictionary.take(array.indices)
        actual = array.type
    if actual == target:
        return array
    if pa.types.is_null(actual):
        return pa.nulls(len(array), target)
    if sql_type not in _PYARROW_SPELLING:
        # DATE, TIMESTAMP, DECIMAL(p, s), BINARY: the sandbox converts what its table of
        # implicit conversions allows (other units, zones, narrower decimals, strings as bytes)
        # and refuses the rest with the CAST to write.
        return array
    if sql_type == "STRING":
        if pa.types.is_string(actual) or pa.types.is_large_string(actual) or pa.types.is_string_view(actual):
            return array
        raise TypeError(
            f"{function}(): argument `{name}` is {actual}; the parameter is STRING: "
            "convert it first, e.g. pc.cast(x, pa.string())"
        )
    numeric = pa.types.is_integer(actual) or pa.types.is_floating(actual)
    allowed = (
        (sql_type in ("INT", "BIGINT") and pa.types.is_integer(actual))
        or (sql_type in ("FLOAT", "DOUBLE") and numeric)
    )
    if not allowed:
        spelling = _PYARROW_SPELLING[sql_type]
        hint = (
            f"round it first, e.g. pc.cast(pc.round(x), pa.{spelling}())"
            if sql_type in ("INT", "BIGINT") and numeric
            else f"convert it first, e.g. pc.cast(x, pa.{spelling}())"
        )
        raise TypeError(f"{function}(): argument `{name}` is {actual}; the parameter is {sql_type}: {hint}")
    try:
        converted = pc.cast(array, target, safe=True)
    except pa.ArrowInvalid as error:
        raise ValueError(f"{function}(): argument `{name}` does not fit the parameter's type {sql_type}: {error}") from None
    if pa.types.is_float32(target) and pa.types.is_float64(actual) and _beyond_float(array):
        # A safe cast still turns a double beyond float's range into infinity.
        overflowed = pc.and_(pc.is_finite(array), pc.invert(pc.is_finite(converted)))
        if pc.any(overflowed).as_py():
            row = pc.index(overflowed, True).as_py()
            raise ValueError(
                f"{function}(): argument `{name}` does not fit the parameter's type {sql_type}: "
                f"{array[row].as_py()!r} (row {row}) is beyond a float's range"
            )
    return converted
