package io.wasmudf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog in a real Spark session ({@code local[2]}): the paper's MAP and FILTER over its
 * accounts, strings, NULLs, every type, WHERE / GROUP BY / JOIN keys, the conversion rules, traps
 * and limits with their messages, and the catalog's listing.
 *
 * <p>The functions are real modules compiled from C by {@code wasmudf compile -o} (scripts/build-spark
 * writes them to the directory named by the system property {@code wasmudf.test.library}).
 */
class WasmCatalogTest {
  private static SparkSession spark;
  private static Path library;

  @BeforeAll
  static void startSpark() {
    library = Path.of(System.getProperty("wasmudf.test.library", "target/test-library"));
    assertTrue(Files.isDirectory(library), "no test library at " + library + ": run scripts/build-spark");
    Path accounts = Path.of(System.getProperty("wasmudf.test.accounts", "../demo/accounts.csv"));
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("wasmudf catalog tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.catalog.wasm", WasmCatalog.class.getName())
            .config("spark.sql.catalog.wasm.library", library.toString())
            .config("spark.sql.catalog.slow", WasmCatalog.class.getName())
            .config("spark.sql.catalog.slow.library", library.toString())
            .config("spark.sql.catalog.slow.time_limit_ms", "300")
            .config("spark.sql.catalog.slow.memory_limit_mb", "16")
            .getOrCreate();
    spark
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(accounts.toString())
        .createOrReplaceTempView("accounts");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  private static Object single(String sql) {
    List<Row> rows = rows(sql);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  /** The message of every exception in the chain, for asserting on what the user reads. */
  private static String messages(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  @Test
  void thePapersMapGivesItsNumberAndAgreesWithSparkOnEveryRow() {
    assertEquals(5765.22f, (Float) single("SELECT wasm.adj(balance, rate) FROM accounts WHERE id = 1"));
    // The same float arithmetic as the C function: every row bit-identical.
    Object differing =
        single(
            "SELECT count(*) FROM accounts WHERE wasm.adj(balance, rate) <> "
                + "CAST(balance AS FLOAT) * CAST(rate AS FLOAT) + CAST(balance DIV 1000 AS FLOAT)");
    assertEquals(0L, differing);
    assertEquals(1000L, single("SELECT count(wasm.adj(balance, rate)) FROM accounts"));
  }

  @Test
  void filterInWhereGroupByAndJoinKeys() {
    assertEquals(
        single("SELECT count(*) FROM accounts WHERE balance > 90000"),
        single("SELECT count(*) FROM accounts WHERE wasm.rich(balance)"));
    List<Row> groups =
        rows("SELECT wasm.rich(balance) AS r, count(*) FROM accounts GROUP BY wasm.rich(balance) ORDER BY r");
    assertEquals(2, groups.size());
    assertEquals(1000L, groups.get(0).getLong(1) + groups.get(1).getLong(1));
    assertEquals(single("SELECT count(*) FROM accounts WHERE balance <= 90000"), groups.get(0).getLong(1));
    // ids are 1..1000: twice(id) = id' for the 500 ids up to 500.
    assertEquals(
        500L,
        single("SELECT count(*) FROM accounts a JOIN accounts b ON wasm.twice(a.id) = b.id"));
  }

  @Test
  void stringsInAndOutIncludingMultiByteCharacters() {
    assertEquals("mtv.com", single("SELECT wasm.domain(email) FROM accounts WHERE id = 1").toString());
    assertEquals(
        0L,
        single(
            "SELECT count(*) FROM accounts WHERE wasm.domain(email) <> substring_index(email, '@', -1)"));
    assertEquals(5, single("SELECT wasm.len('Søren')"));
    assertEquals("a-Ø-ccc", single("SELECT wasm.join3('a', 'Ø', repeat('c', 3))").toString());
    // Grouping keys live in Spark's own memory pages (a long[]), not in a byte[].
    List<Row> perDomain =
        rows(
            "SELECT wasm.len(substring_index(email, '@', -1)) AS n, count(*) AS c FROM accounts"
                + " GROUP BY substring_index(email, '@', -1) ORDER BY c DESC, n LIMIT 1");
    assertEquals(
        single(
            "SELECT length(d) FROM (SELECT substring_index(email, '@', -1) AS d, count(*) AS c"
                + " FROM accounts GROUP BY d ORDER BY c DESC, length(d) LIMIT 1)"),
        perDomain.get(0).get(0));
    String longText = "x".repeat(100_000);
    assertEquals(100_000, single("SELECT wasm.len(repeat('x', 100000))"));
    assertEquals(
        "p-" + longText + "-q", single("SELECT wasm.join3('p', repeat('x', 100000), 'q')").toString());
  }

  @Test
  void nullInputsGiveNullWithoutCallingTheFunction() {
    List<Row> twice = rows("SELECT wasm.twice(x) FROM VALUES (21L), (NULL) AS t(x) ORDER BY x NULLS LAST");
    assertEquals(42L, twice.get(0).get(0));
    assertNull(twice.get(1).get(0));
    List<Row> lengths = rows("SELECT wasm.len(s) FROM VALUES ('ab'), (NULL) AS t(s) ORDER BY s NULLS LAST");
    assertEquals(2, lengths.get(0).get(0));
    assertNull(lengths.get(1).get(0));
    assertNull(single("SELECT wasm.join3('a', CAST(NULL AS STRING), 'c') FROM accounts WHERE id = 1"));
    // divide(x, 0) would trap: a NULL row never reaches it.
    assertNull(single("SELECT wasm.divide(x, 0) FROM VALUES (CAST(NULL AS INT)) AS t(x)"));
  }

  @Test
  void everyTypeCrossesIncludingMoreThanThreeArguments() {
    assertEquals(3.75, single("SELECT wasm.mix(1, 2L, CAST(0.5 AS FLOAT), 0.25D, true) FROM accounts WHERE id = 1"));
    assertEquals(-1.0, single("SELECT wasm.mix(id, 2L, CAST(0.5 AS FLOAT), 0.25D, false) FROM accounts WHERE id = 1"));
    assertNull(single("SELECT wasm.mix(1, 2L, CAST(0.5 AS FLOAT), CAST(NULL AS DOUBLE), true)"));
    assertEquals(1L << 41, single("SELECT wasm.twice(id * 1099511627776) FROM accounts WHERE id = 1"));
    assertEquals(1.5f, single("SELECT wasm.half(CAST(id AS DOUBLE) * 3) FROM accounts WHERE id = 1"));
    assertEquals(false, single("SELECT wasm.negate(id = 1) FROM accounts WHERE id = 1"));
    assertEquals(true, single("SELECT wasm.negate(id = 2) FROM accounts WHERE id = 1"));
  }

  @Test
  void columnsConvertOnlyWhereNoValueChanges() {
    // INT to BIGINT and to DOUBLE widen; BIGINT to INT is checked value by value.
    assertEquals(2L, single("SELECT wasm.twice(CAST(1 AS INT))"));
    assertEquals(2.0f, single("SELECT wasm.half(4)"));
    assertEquals(3, single("SELECT wasm.divide(id * 6, 2L) FROM accounts WHERE id = 1"));
    Exception tooBig =
        assertThrows(
            Exception.class,
            () -> rows("SELECT wasm.divide(id * 3000000000, 1) FROM accounts WHERE id = 1"));
    assertTrue(
        messages(tooBig).contains("wasm.divide: argument `a` is INT (C int32_t), which cannot hold the value 3000000000 of its BIGINT column"),
        messages(tooBig));
    Exception refused = assertThrows(Exception.class, () -> rows("SELECT wasm.len(balance) FROM accounts"));
    assertTrue(
        messages(refused).contains("wasm.len: argument 1 is INT, which parameter `s` (STRING, C wasmudf_str) cannot take; CAST it explicitly, e.g. CAST(x AS STRING)"),
        messages(refused));
    Exception floatToInt = assertThrows(Exception.class, () -> rows("SELECT wasm.rich(rate) FROM accounts"));
    assertTrue(
        messages(floatToInt).contains("parameter `balance` (INT, C int32_t) cannot take without changing values"),
        messages(floatToInt));
    Exception arity = assertThrows(Exception.class, () -> rows("SELECT wasm.rich(1, 2)"));
    assertTrue(messages(arity).contains("wasm.rich takes 1 argument (rich(balance INT) RETURNS BOOLEAN), not 2"), messages(arity));
  }

  @Test
  void aTrapFailsTheQueryNamingTheFunctionTheKindAndTheRow() {
    Exception error =
        assertThrows(Exception.class, () -> rows("SELECT wasm.divide(balance, id - 1) FROM accounts"));
    String text = messages(error);
    assertTrue(text.contains("UDF `divide` failed: integer division by zero at the row (a=12507, b=0)"), text);
    assertTrue(!text.contains("/work/") && !text.contains(".rs:"), text);
    Exception outside = assertThrows(Exception.class, () -> rows("SELECT wasm.peek(id) FROM accounts"));
    assertTrue(messages(outside).contains("UDF `peek` failed: out-of-bounds memory access at the row (a=1)"), messages(outside));
    // The executor threads go on: the same session answers the next query.
    assertEquals(5765.22f, (Float) single("SELECT wasm.adj(balance, rate) FROM accounts WHERE id = 1"));
  }

  @Test
  void aTimeLimitStopsARunawayFunctionAndTheSessionGoesOn() {
    long start = System.nanoTime();
    Exception error = assertThrows(Exception.class, () -> rows("SELECT slow.spin(id) FROM accounts"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(messages(error).contains("UDF `spin` failed: time limit exceeded (300 ms"), messages(error));
    assertTrue(millis < 30_000, "took " + millis + " ms");
    assertEquals(2L, single("SELECT slow.twice(1)"));
  }

  @Test
  void aMemoryLimitStopsAHogAndTheNextRowsRunInAFreshInstance() {
    // malloc returns NULL when the limit refuses the growth (the function then returns -1), or
    // the growth traps: either way no row gets more than 16 MiB.
    List<Row> small = rows("SELECT slow.hog(1) FROM accounts WHERE id <= 3");
    assertEquals(List.of(1, 1, 1), small.stream().map(row -> row.get(0)).collect(Collectors.toList()));
    Exception error = assertThrows(Exception.class, () -> rows("SELECT slow.hog(64) FROM accounts"));
    assertTrue(messages(error).contains("UDF `hog` failed: memory limit exceeded (16 MiB) at the row (mb=64)"), messages(error));
    assertEquals(1, single("SELECT slow.hog(1) FROM accounts WHERE id = 1"));
  }

  @Test
  void theCatalogListsAndDescribesItsFunctions() throws Exception {
    List<String> shown =
        rows("SHOW USER FUNCTIONS IN wasm").stream().map(row -> row.getString(0)).collect(Collectors.toList());
    assertTrue(shown.containsAll(List.of("wasm.adj", "wasm.domain", "wasm.mix", "wasm.rich")), shown.toString());
    org.apache.spark.sql.catalog.Function adj =
        spark.catalog().listFunctions("wasm").collectAsList().stream()
            .filter(function -> function.name().equals("adj"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        adj.description().startsWith(
            "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT -- C: float calculate_adj_bal(int32_t balance, float rate); sandboxed WebAssembly, sha256 "),
        adj.description());
    Exception unknown = assertThrows(Exception.class, () -> rows("SELECT wasm.nope(1)"));
    assertTrue(messages(unknown).contains("UNRESOLVED_ROUTINE"), messages(unknown));
  }
}
