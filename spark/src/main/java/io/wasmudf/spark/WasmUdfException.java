package io.wasmudf.spark;

/**
 * A wasmudf function failed on a row, or its module was refused: thrown from the native library,
 * it fails the Spark task with a message that names the function, what went wrong and the row's
 * input values (never a host path).
 */
public final class WasmUdfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  /**
   * The message starts with the kind in brackets, as Spark's own errors start with their class:
   * {@code [division_by_zero] UDF `divide` failed: ...}. A client that sees only the text (Spark
   * Connect, {@code wasmudf serve --spark}) reads the kind from there.
   */
  public WasmUdfException(String kind, String message) {
    super("[" + kind + "] " + message);
    this.kind = kind;
  }

  /**
   * The stable name of what went wrong, the same on every wasmudf surface: {@code
   * division_by_zero}, {@code out_of_bounds}, {@code time_limit}, {@code memory_limit}, {@code
   * abort}, {@code invalid_utf8}, {@code bad_request}, ...
   */
  public String kind() {
    return kind;
  }
}
