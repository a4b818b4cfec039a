package io.wasmudf.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Functions from a directory of {@code .wasm} modules, as {@code wasmudf compile -o} writes them:
 * {@code DIR/adj.wasm} is {@code wasm.adj}, with the signature the module carries. Read on each
 * lookup, so a module copied in is visible to the next query.
 */
final class LibraryDirectory implements FunctionSource {
  /** Function names are SQL identifiers: nothing here can name a path outside the directory. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private final Path directory;

  LibraryDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "spark.sql.catalog.<name>.library is not a directory: " + directory);
    }
    this.directory = directory;
  }

  @Override
  public List<String> names() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(".wasm"))
          .map(file -> file.substring(0, file.length() - ".wasm".length()))
          .filter(name -> NAME.matcher(name).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the function library", e);
    }
  }

  @Override
  public Optional<WasmModule> module(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = directory.resolve(name + ".wasm");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WasmModule.of(name, Files.readAllBytes(file), name + ".wasm"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the module " + name + ".wasm of the function library", e);
    }
  }
}
