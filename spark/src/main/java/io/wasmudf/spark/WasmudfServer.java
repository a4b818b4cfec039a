package io.wasmudf.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's saved functions on a wasmudf server: {@code GET /api/v1/functions} lists them and
 * {@code GET /api/v1/functions/{name}/module} returns one compiled module with its digest, which
 * is checked here against the bytes.
 */
final class WasmudfServer implements FunctionSource {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final ConcurrentHashMap<String, Cached> modules = new ConcurrentHashMap<>();

  /** A module fetched for the saved version whose digest the function's listing names. */
  private record Cached(String version, WasmModule module) {}

  WasmudfServer(String url, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "spark.sql.catalog.<name>.server needs spark.sql.catalog.<name>.token (a wasmudf API token)");
    }
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public List<String> names() {
    HttpResponse<byte[]> response = get("api/v1/functions");
    expectOk(response, "list the functions");
    try {
      List<String> names = new ArrayList<>();
      for (JsonNode function : JSON.readTree(response.body()).path("functions")) {
        names.add(function.path("name").asText());
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new IllegalStateException("the wasmudf server at " + base + " sent an unreadable function list", e);
    }
  }

  @Override
  public Optional<WasmModule> module(String name) {
    String path = "api/v1/functions/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    // The function's latest version names its digest: a module already fetched is reused (each
    // module download counts against the tenant's compile budget on the server).
    HttpResponse<byte[]> info = get(path);
    if (info.statusCode() == 404) {
      return Optional.empty();
    }
    expectOk(info, "look up `" + name + "`");
    String latest;
    try {
      latest = JSON.readTree(info.body()).path("digest").asText();
    } catch (IOException e) {
      throw new IllegalStateException("the wasmudf server at " + base + " sent an unreadable function", e);
    }
    // Keyed by the digest the listing names (the saved version), not the module's own: a server
    // whose compiler changed may hand out other bytes for the same version.
    Cached cached = modules.get(name);
    if (cached != null && cached.version().equals(latest)) {
      return Optional.of(cached.module());
    }
    HttpResponse<byte[]> response = get(path + "/module");
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expectOk(response, "fetch the module of `" + name + "`");
    byte[] wasm = response.body();
    String digest = response.headers().firstValue("X-Wasmudf-Digest").orElse("");
    if (!WasmModule.sha256(wasm).equals(digest)) {
      throw new IllegalStateException(
          "the module of `" + name + "` from " + base + " does not match its digest " + digest);
    }
    WasmModule module = WasmModule.of(name, wasm, "the module of `" + name + "` from " + base);
    modules.put(name, new Cached(latest, module));
    return Optional.of(module);
  }

  private HttpResponse<byte[]> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach the wasmudf server at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the wasmudf server at " + base, e);
    }
  }

  private void expectOk(HttpResponse<byte[]> response, String what) {
    if (response.statusCode() != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      String message = body.length() > 300 ? body.substring(0, 300) + "..." : body;
      throw new IllegalStateException(
          "could not " + what + " on the wasmudf server at " + base + ": HTTP "
              + response.statusCode() + " " + message);
    }
  }
}
