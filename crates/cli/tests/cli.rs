//! End-to-end tests of the `wasmudf` binary: real files, real clang, real processes.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    manifest_dir().join("../..")
}

fn wasmudf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wasmudf"))
        .args(args)
        .current_dir(workspace())
        .env(
            "WASMUDF_CACHE_DIR",
            std::env::temp_dir().join("wasmudf-cli-tests-cache"),
        )
        .output()
        .expect("the wasmudf binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

const PAPER_RUN: &[&str] = &[
    "run",
    "--data",
    "demo/accounts.csv",
    "--source",
    "examples/calculate_adj_bal.c",
    "--function",
    "calculate_adj_bal",
    "--columns",
    "balance,rate",
    "--returns",
    "FLOAT",
    "--map",
];

#[test]
fn run_reproduces_the_papers_first_row() {
    let output = wasmudf(&[PAPER_RUN, &["--limit", "3"]].concat());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[1].contains("calculate_adj_bal_RESULT"), "{stdout}");
    assert!(
        lines[3].contains("Florette") && lines[3].contains("12507") && lines[3].contains("5765.22"),
        "{stdout}"
    );
    assert!(stdout.contains("24320.34"), "{stdout}");
    assert_eq!(lines.len(), 3 + 3 + 1, "{stdout}");
}

#[test]
fn run_as_csv_with_a_chosen_column_name() {
    let output = wasmudf(&[PAPER_RUN, &["--as", "adjusted", "--format", "csv", "--limit", "2"]].concat());
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "id,firstName,lastName,balance,rate,email,adjusted\n\
         1,Florette,Dumphy,12507,0.46,fdumphy0@mtv.com,5765.22\n\
         2,Stacy,Danjoie,59174,0.41,sdanjoie1@mozilla.org,24320.34\n"
    );
}

#[test]
fn an_aggregate_runs_grouped_and_whole() {
    let run = [
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        "examples/wavg.c",
        "--function",
        "wavg",
        "--columns",
        "balance,rate",
        "--returns",
        "DOUBLE",
        "--aggregate",
        "--format",
        "csv",
    ];
    let output = wasmudf(&[&run[..], &["--group-by", "firstName", "--as", "w", "--limit", "2"]].concat());
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "firstName,w\nAda,46547.503415300554\nBram,41980.1295360588\n"
    );
    let output = wasmudf(&run);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0], "wavg_RESULT");
    // A scalar function's source is not an aggregate: the missing parts are named.
    let output = wasmudf(&[
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        "examples/rich.c",
        "--function",
        "rich",
        "--columns",
        "balance",
        "--returns",
        "BOOLEAN",
        "--aggregate",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("the aggregate `rich` keeps its state in a type named `rich_state`"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_filter_written_to_parquet_reads_back_through_sql() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("rich.parquet");
    let parquet = parquet.to_string_lossy();
    let output = wasmudf(&[
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        "examples/rich.c",
        "--function",
        "rich",
        "--columns",
        "balance",
        "--returns",
        "BOOLEAN",
        "--filter",
        "--output",
        &parquet,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let table = format!("rich={parquet}");
    let accounts = "accounts=demo/accounts.csv";
    let query = "SELECT (SELECT count(*) FROM rich) = (SELECT count(*) FROM accounts WHERE balance > 90000) AS same, \
                 (SELECT count(*) FROM rich) > 0 AS some";
    let output = wasmudf(&["sql", "--table", &table, "--table", accounts, "--format", "csv", query]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "same,some\ntrue,true\n");
}

#[test]
fn a_string_map_over_the_demo_data() {
    let output = wasmudf(&[
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        "examples/domain.c",
        "--function",
        "domain",
        "--columns",
        "email",
        "--returns",
        "STRING",
        "--map",
        "--format",
        "json",
        "--limit",
        "2",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains(r#""domain_RESULT":"mtv.com""#), "{stdout}");
    assert!(stdout.contains(r#""domain_RESULT":"mozilla.org""#), "{stdout}");
}

#[test]
fn nulls_in_the_data_stay_null() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "t.csv", "a,b\n1,2\n,3\n4,\n");
    let source = write(
        dir.path(),
        "add.c",
        "int32_t add(int32_t a, int32_t b) { return a + b; }\n",
    );
    let output = wasmudf(&[
        "run",
        "--data",
        &data,
        "--source",
        &source,
        "--function",
        "add",
        "--columns",
        "a,b",
        "--returns",
        "INT",
        "--map",
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "a,b,add_RESULT\n1,2,3\n,3,\n4,,\n");
}

#[test]
fn a_compile_error_exits_1_with_the_users_line() {
    let dir = tempfile::tempdir().unwrap();
    let source = write(dir.path(), "bad.c", "float bad(int a) {\n    return a * nope;\n}\n");
    let output = wasmudf(&[
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        &source,
        "--function",
        "bad",
        "--columns",
        "balance",
        "--returns",
        "FLOAT",
        "--map",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("bad.c:2:16: error: use of undeclared identifier 'nope'"),
        "{stderr}"
    );
    assert!(stderr.contains("    return a * nope;"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn compile_prints_diagnostics_like_a_compiler() {
    let dir = tempfile::tempdir().unwrap();
    let source = write(dir.path(), "f.c", "int32_t f(int32_t a) { return a + ; }\n");
    let output = wasmudf(&["compile", "--source", &source, "--signature", "f(a INT) RETURNS INT"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("f.c:1:35: error: expected expression"), "{stderr}");
    assert!(stderr.contains("1 error generated."), "{stderr}");

    let good = write(dir.path(), "g.c", "int32_t g(int32_t a) { return a + 1; }\n");
    let module = dir.path().join("g.wasm");
    let output = wasmudf(&[
        "compile",
        "--source",
        &good,
        "--signature",
        "g(a INT) RETURNS INT",
        "-o",
        &module.to_string_lossy(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(std::fs::read(&module).unwrap().starts_with(b"\0asm"));

    // The module runs under the same signature via LANGUAGE wasm.
    let sql = format!(
        "CREATE FUNCTION g(a INT) RETURNS INT LANGUAGE wasm AS '{}'; SELECT g(41) AS answer",
        module.display()
    );
    let output = wasmudf(&["sql", "--format", "csv", &sql]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "answer\n42\n");
}

#[test]
fn a_trap_exits_1_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "t.csv", "a,b\n6,3\n1,0\n");
    let source = write(
        dir.path(),
        "div.c",
        "int32_t div(int32_t a, int32_t b) { return a / b; }\n",
    );
    let output = wasmudf(&[
        "run",
        "--data",
        &data,
        "--source",
        &source,
        "--function",
        "div",
        "--columns",
        "a,b",
        "--returns",
        "INT",
        "--map",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("UDF `div` failed: integer division by zero at row 1 of the batch (a=1, b=0)"),
        "{stderr}"
    );
}

#[test]
fn what_a_udf_prints_goes_to_stderr_and_the_last_lines_before_a_trap_too() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "t.csv", "a,b\n6,3\n1,0\n");
    let source = write(
        dir.path(),
        "div.c",
        "#include <stdio.h>\nint32_t div(int32_t a, int32_t b) {\n    printf(\"dividing %d by %d\\n\", a, b);\n    return a / b;\n}\n",
    );
    let run = |columns: &str| {
        wasmudf(&[
            "run",
            "--data",
            &data,
            "--source",
            &source,
            "--function",
            "div",
            "--columns",
            columns,
            "--returns",
            "INT",
            "--map",
        ])
    };
    let output = run("b,a");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("-- UDF output (printf) --\ndividing 3 by 6\ndividing 0 by 1\n--"),
        "{stderr}"
    );
    assert!(
        !text(&output.stdout).contains("dividing"),
        "the log stays off the result"
    );

    let output = run("a,b");
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("dividing 1 by 0\ninteger division by zero at line 4, column 14\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("integer division by zero at row 1 of the batch (a=1, b=0)"),
        "{stderr}"
    );
}

#[test]
fn a_double_column_for_an_int_parameter_is_refused_with_the_cast_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "t.csv", "balance,rate\n12507,0.46\n");
    let source = write(
        dir.path(),
        "adj.c",
        "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }\n",
    );
    let output = wasmudf(&[
        "run",
        "--data",
        &data,
        "--source",
        &source,
        "--function",
        "calculate_adj_bal",
        "--columns",
        "rate,balance",
        "--returns",
        "FLOAT",
        "--map",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "column `rate` is DOUBLE but parameter 1 (`int32_t balance`) of `calculate_adj_bal(int32_t balance, float rate)` is INT: \
             a DOUBLE would lose its fraction in `int32_t`; convert it explicitly: CAST(rate AS INT) in SQL, \
             or declare the parameter `double balance`. \
             The columns may be in the wrong order: in the order balance, rate every column fits its parameter"
        ),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let output = wasmudf(&[
        "run",
        "--data",
        "demo/accounts.csv",
        "--source",
        "examples/rich.c",
        "--function",
        "rich",
        "--columns",
        "balance",
        "--returns",
        "BOOLEAN",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--map"), "{}", text(&output.stderr));
}

#[test]
fn bad_input_names_the_problem() {
    let output = wasmudf(&[&PAPER_RUN[..8], &["balance,nope", "--returns", "FLOAT", "--map"]].concat());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("unknown column `nope`; the table has: id (Int64), firstName (Utf8)"),
        "{stderr}"
    );

    let output = wasmudf(&[
        "run",
        "--data",
        "missing.csv",
        "--source",
        "examples/rich.c",
        "--function",
        "rich",
        "--columns",
        "balance",
        "--returns",
        "BOOLEAN",
        "--filter",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("data file `missing.csv` does not exist"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn sql_runs_every_statement_and_prints_the_last() {
    let script = "CREATE FUNCTION domain(email STRING) RETURNS STRING LANGUAGE c AS $$\n\
        #include <string.h>\n\
        wasmudf_str domain(wasmudf_str e) { const char *at = memchr(e.ptr, '@', (size_t)e.len);\n\
          return at ? wasmudf_str_from(at + 1, (int32_t)(e.ptr + e.len - at - 1)) : wasmudf_str_from(e.ptr, 0); }\n\
        $$;\n\
        SELECT domain(email) AS d, count(*) AS n FROM accounts WHERE domain(email) = 'mtv.com' GROUP BY d;";
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "q.sql", script);
    let output = wasmudf(&[
        "sql",
        "--table",
        "accounts=demo/accounts.csv",
        "--file",
        &file,
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("d,n\nmtv.com,"), "{stdout}");
}

/// `--timing` says how long the statements took, as scripts/bench-peers reads it; a COPY to
/// Parquet writes Snappy by default.
#[test]
fn sql_timing_and_a_copy_to_parquet_in_snappy() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.parquet");
    let copy = format!(
        "COPY (SELECT id, balance * 2 AS twice FROM accounts) TO '{}' STORED AS PARQUET",
        out.display()
    );
    let output = wasmudf(&[
        "sql",
        "--timing",
        "--table",
        "accounts=demo/accounts.csv",
        "--format",
        "csv",
        &copy,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    let timing = stderr
        .lines()
        .find_map(|line| line.strip_prefix("timing: before the last statement "))
        .unwrap_or_else(|| panic!("no timing line: {stderr}"));
    let (before, last) = timing.split_once(" ms, the last ").expect("both figures");
    assert!(
        before.parse::<f64>().is_ok() && last.trim_end_matches(" ms").parse::<f64>().unwrap() > 0.0,
        "{timing}"
    );
    use datafusion::parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let column = reader.metadata().row_group(0).column(1);
    assert_eq!(column.compression(), datafusion::parquet::basic::Compression::SNAPPY);
}

#[test]
fn operators_create_tenants_and_share_datasets() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_string_lossy().into_owned();
    let created = wasmudf(&["tenants", "create", "alice", "--data-dir", &data]);
    assert!(created.status.success(), "{}", text(&created.stderr));
    let token = text(&created.stdout);
    assert!(token.trim().lines().last().unwrap().starts_with("wu_"), "{token}");
    let listed = text(&wasmudf(&["tenants", "list", "--data-dir", &data]).stdout);
    assert!(listed.contains("alice\t1 live token(s)"), "{listed}");

    let output = wasmudf(&["datasets", "share", "bob", "sales", "--data-dir", &data]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no tenant named `bob`"),
        "{}",
        text(&output.stderr)
    );
    let output = wasmudf(&["datasets", "share", "alice", "sales", "--data-dir", &data]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("tenant `alice` has no dataset named `sales`"),
        "{}",
        text(&output.stderr)
    );

    // Another token for an existing tenant; none for the operator, which owns shared data.
    let more = wasmudf(&["tokens", "create", "alice", "--data-dir", &data]);
    assert!(more.status.success(), "{}", text(&more.stderr));
    assert!(text(&more.stdout).trim().starts_with("wu_"));
    let listed = text(&wasmudf(&["tenants", "list", "--data-dir", &data]).stdout);
    assert!(listed.contains("alice\t2 live token(s)"), "{listed}");
    let output = wasmudf(&["tokens", "create", "@operator", "--data-dir", &data]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no tenant named `@operator`"),
        "{}",
        text(&output.stderr)
    );

    let output = wasmudf(&["tokens", "revoke", token.trim(), "--data-dir", &data]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = wasmudf(&["tokens", "revoke", token.trim(), "--data-dir", &data]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no live token matches"));
}

#[test]
fn serve_refuses_a_compile_cache_inside_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_string_lossy().into_owned();
    let cache = dir.path().join("cache").to_string_lossy().into_owned();
    let output = wasmudf(&["serve", "--port", "0", "--data-dir", &data, "--cache-dir", &cache]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("--cache-dir must lie outside --data-dir"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn an_unreachable_cluster_is_named() {
    let output = wasmudf(&[
        "sql",
        "--table",
        "accounts=demo/accounts.csv",
        "--cluster",
        "df://127.0.0.1:1",
        "SELECT count(*) FROM accounts",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("cannot connect to the cluster at df://127.0.0.1:1"),
        "{stderr}"
    );
    assert!(stderr.contains("is unreachable: Connection refused"), "{stderr}");
}

#[test]
fn help_shows_examples() {
    let output = wasmudf(&["--help"]);
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Examples:") && stdout.contains("wasmudf run --data demo/accounts.csv"),
        "{stdout}"
    );
}

/// This package's directory: `CARGO_MANIFEST_DIR` at run time (`env!` only as a fallback): a test
/// binary built by another checkout sharing the target directory must read this one's files.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), Into::into)
}
