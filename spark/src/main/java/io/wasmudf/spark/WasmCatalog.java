package io.wasmudf.spark;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.FunctionCatalog;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * wasmudf functions in Spark SQL: {@code SELECT wasm.adj(balance, rate) FROM accounts}.
 *
 * <pre>
 * spark.sql.catalog.wasm                  io.wasmudf.spark.WasmCatalog
 * spark.sql.catalog.wasm.library          DIR: a directory of .wasm modules (wasmudf compile -o)
 * spark.sql.catalog.wasm.server           http://HOST:PORT: a wasmudf server's saved functions
 * spark.sql.catalog.wasm.token            the tenant's API token (with server)
 * spark.sql.catalog.wasm.time_limit_ms    per call (default 10000)
 * spark.sql.catalog.wasm.memory_limit_mb  per instance (default 256)
 * </pre>
 *
 * Functions live in the catalog's root namespace. Every function runs sandboxed: one compiled
 * module per executor JVM, one instance per thread, no imports, a time and a memory limit.
 */
public final class WasmCatalog implements FunctionCatalog {
  private String name;
  private FunctionSource source;
  private WasmLimits limits;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    String library = options.get("library");
    String server = options.get("server");
    if ((library == null) == (server == null)) {
      throw new IllegalArgumentException(
          "set exactly one of spark.sql.catalog." + name + ".library (a directory of .wasm modules)"
              + " and spark.sql.catalog." + name + ".server (a wasmudf server's URL)");
    }
    this.source =
        library != null ? new LibraryDirectory(Path.of(library)) : new WasmudfServer(server, options.get("token"));
    WasmLimits defaults = WasmLimits.defaults();
    this.limits =
        new WasmLimits(
            options.getLong("time_limit_ms", defaults.timeLimitMs()),
            options.getLong("memory_limit_mb", defaults.memoryLimitMb()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Identifier[] listFunctions(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 0) {
      throw new NoSuchNamespaceException(namespace);
    }
    return source.names().stream()
        .map(function -> Identifier.of(new String[0], function))
        .toArray(Identifier[]::new);
  }

  @Override
  public UnboundFunction loadFunction(Identifier ident) throws NoSuchFunctionException {
    if (ident.namespace().length != 0) {
      throw new NoSuchFunctionException(ident);
    }
    Optional<WasmModule> module = source.module(ident.name());
    if (module.isEmpty()) {
      throw new NoSuchFunctionException(ident);
    }
    return new UnboundWasmFunction(module.get(), limits);
  }
}
