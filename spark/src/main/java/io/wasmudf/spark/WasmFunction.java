package io.wasmudf.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A wasmudf function bound to its argument types: what the generated classes ({@code
 * Wasm*Function}, one per return type) share.
 *
 * <p>It is serialized into the plan and runs on the executors. There its module is loaded once
 * per JVM (cached by digest and limits) and called through this thread's own sandboxed instance;
 * the handle is {@code transient} and found again after deserialization.
 *
 * <p>Arguments cross to the native library as 64-bit words: an INT's or BIGINT's value, a FLOAT's
 * or DOUBLE's bits, a BOOLEAN as 0 or 1. Where the column is wider than the parameter (BIGINT for
 * INT, DOUBLE for FLOAT) the value is converted here, and a value the parameter cannot hold fails
 * the task naming it, rather than wrapping or turning into infinity.
 */
abstract class WasmFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Loaded modules of this JVM: "digest/time/memory" to native handle. */
  private static final ConcurrentHashMap<String, Long> HANDLES = new ConcurrentHashMap<>();

  private final WasmModule module;
  private final DataType[] inputTypes;
  /** Per argument: the column is wider than the parameter, and each value is checked. */
  private final boolean[] narrowed;
  private final boolean nullable;
  private final WasmLimits limits;
  private transient volatile long handle;

  WasmFunction(
      WasmModule module, DataType[] inputTypes, boolean[] narrowed, boolean nullable, WasmLimits limits) {
    this.module = module;
    this.inputTypes = inputTypes.clone();
    this.narrowed = narrowed.clone();
    this.nullable = nullable;
    this.limits = limits;
  }

  public String name() {
    return module.sqlName();
  }

  public DataType[] inputTypes() {
    return inputTypes.clone();
  }

  public boolean isResultNullable() {
    return nullable;
  }

  public boolean isDeterministic() {
    return true;
  }

  public String canonicalName() {
    return "wasm." + module.sqlName() + "#" + module.digest();
  }

  /**
   * Equal when the same module is bound to the same arguments: Spark matches expressions by
   * equality, so {@code SELECT wasm.f(x) ... GROUP BY wasm.f(x)} needs the two bindings equal.
   */
  @Override
  public final boolean equals(Object other) {
    return other instanceof WasmFunction that
        && getClass() == that.getClass()
        && module.sqlName().equals(that.module.sqlName())
        && module.digest().equals(that.module.digest())
        && Arrays.equals(inputTypes, that.inputTypes)
        && Arrays.equals(narrowed, that.narrowed)
        && nullable == that.nullable
        && limits.equals(that.limits);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(module.sqlName(), module.digest(), Arrays.hashCode(inputTypes), limits);
  }

  /** The native module, loaded on first use in this JVM. */
  final long handle() {
    long h = handle;
    if (h == 0) {
      String key = module.digest() + "/" + limits.timeLimitMs() + "/" + limits.memoryLimitMb();
      h =
          HANDLES.computeIfAbsent(
              key,
              unused ->
                  WasmNative.load(
                      module.wasm(),
                      module.signature(),
                      module.digest(),
                      limits.timeLimitMs(),
                      limits.memoryLimitMb()));
      handle = h;
    }
    return h;
  }

  static long word(int value) {
    return value;
  }

  static long word(float value) {
    return Float.floatToRawIntBits(value) & 0xffff_ffffL;
  }

  static long word(boolean value) {
    return value ? 1L : 0L;
  }

  final long word(int index, long value) {
    if (narrowed[index] && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw outOfRange(index, Long.toString(value));
    }
    return value;
  }

  final long word(int index, double value) {
    if (!narrowed[index]) {
      return Double.doubleToRawLongBits(value);
    }
    if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
      throw outOfRange(index, Double.toString(value));
    }
    return word((float) value);
  }

  private WasmUdfException outOfRange(int index, String value) {
    String type = module.paramTypes().get(index);
    return new WasmUdfException(
        "out_of_range",
        "wasm."
            + module.sqlName()
            + ": argument `"
            + module.paramNames().get(index)
            + "` is "
            + type
            + " (C "
            + WasmModule.cType(type)
            + "), which cannot hold the value "
            + value
            + " of its "
            + inputTypes[index].sql()
            + " column");
  }

  /**
   * A STRING argument's bytes as the native side reads them: its {@code byte[]}, or null when they
   * are off-heap (then {@link #offset} is their address). Strings inside Spark's own memory pages
   * (a {@code long[]}: hash-aggregate keys, broadcast rows, sorted rows) are copied out first.
   */
  static Object base(UTF8String value) {
    Object base = value.getBaseObject();
    return base == null || base instanceof byte[] ? base : value.getBytes();
  }

  /** Where a STRING argument's bytes start in {@link #base}: an index, or an address. */
  static long offset(UTF8String value) {
    Object base = value.getBaseObject();
    if (base == null) {
      return value.getBaseOffset();
    }
    return base instanceof byte[] ? value.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET : 0L;
  }

  /** One row through {@code produceResult}: functions of more than three arguments. */
  final Object produce(InternalRow row) {
    int arity = inputTypes.length;
    long[] words = new long[arity];
    Object[] bases = new Object[arity];
    long[] offsets = new long[arity];
    int[] lengths = new int[arity];
    for (int i = 0; i < arity; i++) {
      if (row.isNullAt(i)) {
        return null;
      }
      DataType type = inputTypes[i];
      if (type == DataTypes.IntegerType) {
        words[i] = word(row.getInt(i));
      } else if (type == DataTypes.LongType) {
        words[i] = word(i, row.getLong(i));
      } else if (type == DataTypes.FloatType) {
        words[i] = word(row.getFloat(i));
      } else if (type == DataTypes.DoubleType) {
        words[i] = word(i, row.getDouble(i));
      } else if (type == DataTypes.BooleanType) {
        words[i] = word(row.getBoolean(i));
      } else if (type instanceof StringType) {
        UTF8String value = row.getUTF8String(i);
        bases[i] = base(value);
        offsets[i] = offset(value);
        lengths[i] = value.numBytes();
      } else {
        throw new IllegalStateException("bound to an unsupported type " + type.sql());
      }
    }
    long h = handle();
    return switch (module.returnType()) {
      case "STRING" ->
          UTF8String.fromBytes(WasmNative.callRowReturningString(h, words, bases, offsets, lengths));
      case "INT" -> (int) WasmNative.callRow(h, words, bases, offsets, lengths);
      case "BIGINT" -> WasmNative.callRow(h, words, bases, offsets, lengths);
      case "FLOAT" -> Float.intBitsToFloat((int) WasmNative.callRow(h, words, bases, offsets, lengths));
      case "DOUBLE" -> Double.longBitsToDouble(WasmNative.callRow(h, words, bases, offsets, lengths));
      case "BOOLEAN" -> WasmNative.callRow(h, words, bases, offsets, lengths) != 0L;
      default -> throw new IllegalStateException("unknown return type " + module.returnType());
    };
  }
}
