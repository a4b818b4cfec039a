package io.wasmudf.spark;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A compiled wasmudf module as the catalog found it: its bytes, their SHA-256 and the signature
 * the module carries. It travels with the plan to the executors, which load it once per JVM and
 * check the digest before running it; nothing on an executor compiles C.
 *
 * @param sqlName the name in the catalog ({@code wasm.<sqlName>})
 * @param signature canonical text, {@code adj(balance INT, rate FLOAT) RETURNS FLOAT}
 * @param paramTypes SQL type names: INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING
 */
record WasmModule(
    String sqlName,
    byte[] wasm,
    String digest,
    String signature,
    String functionName,
    List<String> paramNames,
    List<String> paramTypes,
    String returnType)
    implements Serializable {

  /** Reads a module's embedded signature; {@code source} names it in errors (a file, a URL). */
  static WasmModule of(String sqlName, byte[] wasm, String source) {
    String[] described = WasmNative.describe(wasm);
    if (described == null) {
      throw new IllegalArgumentException(
          source
              + " carries no signature: compile it with `wasmudf compile -o` (modules compiled from C"
              + " carry theirs)");
    }
    int arity = (described.length - 3) / 2;
    List<String> names = List.copyOf(List.of(described).subList(3, 3 + arity));
    List<String> types = List.copyOf(List.of(described).subList(3 + arity, 3 + 2 * arity));
    return new WasmModule(
        sqlName, wasm, sha256(wasm), described[0], described[1], names, types, described[2]);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The C type of a SQL type, as users write it. */
  static String cType(String sqlType) {
    return switch (sqlType) {
      case "INT" -> "int32_t";
      case "BIGINT" -> "int64_t";
      case "FLOAT" -> "float";
      case "DOUBLE" -> "double";
      case "BOOLEAN" -> "bool";
      case "STRING" -> "wasmudf_str";
      default -> sqlType;
    };
  }
}
