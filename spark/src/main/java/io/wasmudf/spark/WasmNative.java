package io.wasmudf.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The native library (crates/spark): the wasmudf sandbox, one row per call.
 *
 * <p>Loaded once per JVM: from the copy inside this jar (extracted to a temporary file), or, when
 * the jar carries none for this platform, from {@code java.library.path}. Arguments cross as
 * 64-bit words (see {@link WasmFunction}); a failure throws {@link WasmUdfException}.
 */
final class WasmNative {
  private static final String RESOURCE = "native/linux-x86_64/libwasmudf_spark.so";

  static {
    load();
  }

  private WasmNative() {}

  private static void load() {
    boolean linuxX64 =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")
            && System.getProperty("os.arch", "").matches("amd64|x86_64");
    InputStream packaged = linuxX64 ? WasmNative.class.getResourceAsStream(RESOURCE) : null;
    if (packaged == null) {
      System.loadLibrary("wasmudf_spark");
      return;
    }
    try (InputStream in = packaged) {
      Path file = Files.createTempFile("libwasmudf_spark", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      System.load(file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract wasmudf's native library", e);
    }
  }

  /**
   * The signature a module carries: {canonical text, function name, return type, parameter
   * names..., parameter types...}; {@code null} if it carries none. Throws if the bytes are not a
   * valid wasmudf module.
   */
  static native String[] describe(byte[] wasm);

  /** The sandbox's default limits: {time limit in ms, memory limit in MiB}. */
  static native long[] defaultLimits();

  /** Validates and compiles a module; refuses bytes whose SHA-256 is not {@code digest}. */
  static native long load(
      byte[] wasm, String signature, String digest, long timeLimitMs, long memoryLimitMb);

  /** A row of up to three numeric arguments; the result as a word. */
  static native long call(long module, long a0, long a1, long a2);

  /** A row of up to three arguments, some STRING; the result as a word. */
  static native long callWithStrings(
      long module,
      long a0, long a1, long a2,
      Object b0, Object b1, Object b2,
      long o0, long o1, long o2,
      int n0, int n1, int n2);

  /** A row of up to three arguments; a STRING result as UTF-8 bytes. */
  static native byte[] callReturningString(
      long module,
      long a0, long a1, long a2,
      Object b0, Object b1, Object b2,
      long o0, long o1, long o2,
      int n0, int n1, int n2);

  /** A row of any arity; the result as a word. */
  static native long callRow(long module, long[] words, Object[] bases, long[] offsets, int[] lengths);

  /** A row of any arity; a STRING result as UTF-8 bytes. */
  static native byte[] callRowReturningString(
      long module, long[] words, Object[] bases, long[] offsets, int[] lengths);
}
