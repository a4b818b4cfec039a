//! Wasm UDFs (scalar and aggregate) against the same expressions written natively in
//! DataFusion, in one run.
//!
//! ```text
//! cargo bench --bench accounts                       # 1M and 10M rows, 3 runs
//! cargo bench --bench accounts -- --rows 1000000 --runs 5
//! ```
//!
//! (No `-p wasmudf-datafusion` and no `--workspace`: see docs/benchmarks.md.)
//!
//! Generates the paper's accounts table (id INT, firstName, lastName STRING, balance INT
//! 0..100000, rate FLOAT with 2 decimals, email STRING) as Parquet under the target directory,
//! then times each query pair (best of N runs, after a warm-up) and prints ns/row and the ratio
//! wasm/native. Also measures the fixed cost of one guest call on a one-row batch.

// A benchmark's report is its output.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use datafusion::arrow::array::{ArrayRef, Int32Array};
use datafusion::prelude::SessionContext;
use wasmudf_compiler::{CompileRequest, Compiler, CompilerConfig, Language};
use wasmudf_datafusion::{SessionOptions, UdfBuilder, new_session, register_file};
use wasmudf_sandbox::{LoadedModule, RuntimeLimits, UdfRunner};

const ADJ: &str = "CREATE FUNCTION adj(balance INT, rate FLOAT) RETURNS FLOAT LANGUAGE c AS \
    'float adj(int balance, float rate) { return (balance * rate) + balance/1000; }'";
const DOMAIN: &str = "CREATE FUNCTION domain(email STRING) RETURNS STRING LANGUAGE c AS $$
#include <string.h>
wasmudf_str domain(wasmudf_str email) {
    const char *at = memchr(email.ptr, '@', (size_t)email.len);
    if (!at) return wasmudf_str_from(email.ptr, 0);
    return wasmudf_str_from(at + 1, (int32_t)(email.ptr + email.len - (at + 1)));
}
$$";
const WAVG: &str = "CREATE FUNCTION wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE LANGUAGE c AS $$
typedef struct { double sum_xw; double sum_w; } wavg_state;
void wavg_step(wavg_state *s, double x, double w) { s->sum_xw += x * w; s->sum_w += w; }
void wavg_merge(wavg_state *s, const wavg_state *o) { s->sum_xw += o->sum_xw; s->sum_w += o->sum_w; }
double wavg_finish(const wavg_state *s) { return s->sum_xw / s->sum_w; }
$$";
/// The paper's expression, natively, with the same C semantics: int * float, int / int.
const NATIVE_ADJ: &str = "(CAST(balance AS FLOAT) * rate + CAST(balance / 1000 AS FLOAT))";

struct Case {
    name: &'static str,
    wasm: String,
    native: String,
}

fn cases(out_dir: &Path) -> Vec<Case> {
    let wasm_out = out_dir.join("map-wasm.parquet");
    let native_out = out_dir.join("map-native.parquet");
    vec![
        Case {
            name: "MAP -> sum",
            wasm: "SELECT sum(adj(balance, rate)) FROM accounts".into(),
            native: format!("SELECT sum({NATIVE_ADJ}) FROM accounts"),
        },
        Case {
            name: "FILTER -> count",
            wasm: "SELECT count(*) FROM accounts WHERE adj(balance, rate) > 30000".into(),
            native: format!("SELECT count(*) FROM accounts WHERE {NATIVE_ADJ} > 30000"),
        },
        Case {
            name: "MAP -> Parquet",
            wasm: format!(
                "COPY (SELECT *, adj(balance, rate) AS r FROM accounts) TO '{}' STORED AS PARQUET",
                wasm_out.display()
            ),
            native: format!(
                "COPY (SELECT *, {NATIVE_ADJ} AS r FROM accounts) TO '{}' STORED AS PARQUET",
                native_out.display()
            ),
        },
        Case {
            name: "AGGREGATE wavg, 1000 groups",
            wasm: "SELECT id % 1000 AS g, wavg(balance, rate) FROM accounts GROUP BY id % 1000".into(),
            native: "SELECT id % 1000 AS g, sum(CAST(balance AS DOUBLE) * CAST(rate AS DOUBLE)) / \
                     sum(CAST(rate AS DOUBLE)) FROM accounts GROUP BY id % 1000"
                .into(),
        },
        Case {
            name: "STRING domain -> sum(len)",
            wasm: "SELECT sum(length(domain(email))) FROM accounts".into(),
            native: "SELECT sum(length(split_part(email, '@', 2))) FROM accounts".into(),
        },
    ]
}

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let row_counts: Vec<usize> = option("--rows")
        .unwrap_or_else(|| "1000000,10000000".into())
        .split(',')
        .map(|n| n.trim().parse().expect("--rows takes numbers"))
        .collect();
    let runs: usize = option("--runs").map_or(3, |n| n.parse().expect("--runs takes a number"));
    let data_dir = bench_dir();
    std::fs::create_dir_all(&data_dir)?;
    let cache = data_dir.join("cache");
    let compiler = Arc::new(Compiler::new(CompilerConfig {
        cache_dir: Some(cache.clone()),
        ..CompilerConfig::default()
    }));

    println!("wasmudf benchmark: best of {runs} runs after a warm-up; ratio = wasm / native (lower is better)");
    println!(
        "{:<28} {:>10} {:>12} {:>12} {:>8}",
        "case", "rows", "native ns/r", "wasm ns/r", "ratio"
    );
    for rows in row_counts {
        let parquet = data_dir.join(format!("accounts-{rows}.parquet"));
        if !parquet.exists() {
            generate(&parquet, rows).await?;
        }
        let context = new_session(
            UdfBuilder::new(compiler.clone(), RuntimeLimits::default()),
            &SessionOptions::default(),
        );
        register_file(&context, "accounts", &parquet).await?;
        context.sql(ADJ).await?.collect().await?;
        context.sql(DOMAIN).await?.collect().await?;
        context.sql(WAVG).await?.collect().await?;
        for case in cases(&data_dir) {
            let native = time(&context, &case.native, runs).await?;
            let wasm = time(&context, &case.wasm, runs).await?;
            let per_row = |d: Duration| d.as_nanos() as f64 / rows as f64;
            println!(
                "{:<28} {:>10} {:>12.2} {:>12.2} {:>7.2}x",
                case.name,
                rows,
                per_row(native),
                per_row(wasm),
                wasm.as_secs_f64() / native.as_secs_f64()
            );
        }
    }
    let fixed = fixed_cost_per_call(&cache);
    println!(
        "fixed cost of one guest call on a 1-row batch: {:.3} µs",
        fixed.as_nanos() as f64 / 1000.0
    );
    Ok(())
}

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../../target"));
    target.join("wasmudf-bench")
}

async fn time(context: &SessionContext, sql: &str, runs: usize) -> datafusion::error::Result<Duration> {
    context.sql(sql).await?.collect().await?;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        context.sql(sql).await?.collect().await?;
        best = best.min(started.elapsed());
    }
    Ok(best)
}

/// The paper's accounts table, deterministic (no RNG: arithmetic hashes of the row number).
async fn generate(path: &Path, rows: usize) -> datafusion::error::Result<()> {
    eprintln!("generating {rows} rows into {}", path.display());
    let context = SessionContext::new();
    let sql = format!(
        "COPY (SELECT CAST(value AS INT) AS id,
                      concat('First', CAST(value % 997 AS VARCHAR)) AS \"firstName\",
                      concat('Last', CAST(value % 1009 AS VARCHAR)) AS \"lastName\",
                      CAST((value * 7919) % 100001 AS INT) AS balance,
                      CAST(((value * 104729) % 100) / 100.0 AS FLOAT) AS rate,
                      concat('user', CAST(value AS VARCHAR), '@',
                             CASE value % 6 WHEN 0 THEN 'mtv.com' WHEN 1 THEN 'mozilla.org' WHEN 2 THEN 'amazon.co.jp'
                                            WHEN 3 THEN 'usgs.gov' WHEN 4 THEN 'pagesperso-orange.fr' ELSE 'example.com' END) AS email
               FROM generate_series(1, {rows}))
         TO '{}' STORED AS PARQUET",
        path.display()
    );
    context.sql(&sql).await?.collect().await?;
    Ok(())
}

/// Average wall time of `UdfRunner::call` on a one-row batch: the per-batch overhead (two guest
/// calls, the descriptor, copying in and out, the instance pool) with no per-row work.
fn fixed_cost_per_call(cache: &Path) -> Duration {
    let compiler = Compiler::new(CompilerConfig {
        cache_dir: Some(cache.to_path_buf()),
        ..CompilerConfig::default()
    });
    let signature = "ident(a INT) RETURNS INT".parse().expect("a valid signature");
    let module = compiler
        .compile(&CompileRequest {
            language: Language::C,
            source: b"int32_t ident(int32_t a) { return a; }",
            signature: &signature,
        })
        .expect("ident compiles");
    let runner =
        UdfRunner::new(LoadedModule::load(&module.wasm, &signature, RuntimeLimits::default()).expect("ident loads"));
    let input: Vec<ArrayRef> = vec![Arc::new(Int32Array::from(vec![7]))];
    for _ in 0..10_000 {
        runner.call(&input, 1).expect("ident runs");
    }
    let calls = 200_000;
    let started = Instant::now();
    for _ in 0..calls {
        runner.call(&input, 1).expect("ident runs");
    }
    started.elapsed() / calls
}

/// This package's directory: `CARGO_MANIFEST_DIR` at run time (`env!` only as a fallback): a test
/// binary built by another checkout sharing the target directory must read this one's files.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), Into::into)
}
