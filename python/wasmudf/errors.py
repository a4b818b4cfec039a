"""The exceptions of wasmudf, with the data a program needs to react to them.

Every failure of a compile or a call is one of these (or a built-in ``TypeError`` /
``ValueError`` for a mistake in the call itself, such as a wrong argument count or a
malformed signature). They pickle, so they cross process boundaries (PySpark workers,
``multiprocessing``) with their data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

__all__ = ["Diagnostic", "WasmudfError", "CompileError", "ToolchainError", "UdfError"]


@dataclass(frozen=True)
class Diagnostic:
    """One compiler message about the user's source.

    ``line`` and ``column`` are 1-based positions in the source as the user wrote it (``None``
    when the compiler gave none); ``severity`` is ``"error"``, ``"warning"`` or ``"note"``.
    """

    line: int | None
    column: int | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = ""
        if self.line is not None:
            where = f"{self.line}:{self.column}: " if self.column is not None else f"{self.line}: "
        return f"{where}{self.severity}: {self.message}"


class WasmudfError(Exception):
    """The base of every wasmudf exception. ``str(error)`` is the message in the user's words."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class CompileError(WasmudfError):
    """The source (or the module) was refused: ``diagnostics`` say where and why."""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic | tuple] = ()) -> None:
        listed = [d if isinstance(d, Diagnostic) else Diagnostic(*d) for d in diagnostics]
        super().__init__(message, listed)
        self.message = message
        self.diagnostics: list[Diagnostic] = listed


class ToolchainError(WasmudfError, RuntimeError):
    """Compiling C needs clang-19, wasi-libc and bubblewrap on this machine, and one is missing.

    Loading a ``.wasm`` module or WAT text needs none of them.
    """

    INSTALL_HINT = (
        "on Debian or Ubuntu: sudo apt-get install clang-19 lld-19 wasi-libc "
        "libclang-rt-19-dev-wasm32 bubblewrap"
    )

    def __init__(self, message: str) -> None:
        if self.INSTALL_HINT not in message:
            message = f"{message}\n{self.INSTALL_HINT}"
        super().__init__(message)
        self.message = message


class UdfError(WasmudfError):
    """The function failed while it ran: it trapped, hit a limit, or returned something invalid.

    - ``kind``: what happened, named as the wasmudf server names it (``division_by_zero``,
      ``integer_overflow``, ``out_of_bounds``, ``stack_overflow``, ``time_limit``,
      ``memory_limit``, ``abort``, ``invalid_utf8``, ``invalid_output``, ...).
    - ``function``: the UDF's name.
    - ``row``: the 0-based index, in the arrays passed to the call, of the row that failed,
      when it could be found; ``rows`` is a ``(start, end)`` range when only that is known.
    - ``values``: that row's input values by parameter name, as text.

    The function stays usable: the instance that failed is discarded, the next call gets a
    fresh one.
    """

    def __init__(
        self,
        message: str,
        kind: str,
        function: str | None = None,
        row: int | None = None,
        rows: tuple[int, int] | None = None,
        values: Iterable[tuple[str, str]] | dict[str, str] = (),
    ) -> None:
        values = dict(values)
        super().__init__(message, kind, function, row, rows, values)
        self.message = message
        self.kind = kind
        self.function = function
        self.row = row
        self.rows = tuple(rows) if rows is not None else None
        self.values: dict[str, str] = values
