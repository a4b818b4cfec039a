package io.wasmudf.spark;

import java.util.List;
import java.util.Optional;

/** Where a catalog's functions come from: a library directory or a wasmudf server. */
interface FunctionSource {
  /** The names of the functions, sorted. */
  List<String> names();

  /** The module of {@code name}, or empty when there is no such function. */
  Optional<WasmModule> module(String name);
}
