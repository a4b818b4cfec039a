package io.wasmudf.spark;

import java.io.Serializable;

/**
 * What one call of a function may use: wall time per call and linear memory. The defaults are
 * the sandbox's own ({@code RuntimeLimits::DEFAULT}: 10 s, 256 MiB), as on every wasmudf surface.
 */
record WasmLimits(long timeLimitMs, long memoryLimitMb) implements Serializable {
  /** The sandbox's defaults, from the native library (their one home). */
  static WasmLimits defaults() {
    long[] limits = WasmNative.defaultLimits();
    return new WasmLimits(limits[0], limits[1]);
  }

  WasmLimits {
    if (timeLimitMs <= 0 || memoryLimitMb <= 0) {
      throw new IllegalArgumentException(
          "time_limit_ms and memory_limit_mb must be positive, not " + timeLimitMs + " and " + memoryLimitMb);
    }
  }
}
