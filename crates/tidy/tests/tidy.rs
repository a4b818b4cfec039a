//! The invariants ARCHITECTURE.md states, checked on every `cargo test`: which crate may depend
//! on what, no re-exports of lower crates, and the rules every source file follows (a module
//! doc line, comments that name files which exist, lints with their reasons, bench commands that
//! keep one feature set).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's crates from the bottom up, each with the workspace crates it may depend on
/// (normal dependencies; tests may use any crate below them too). ARCHITECTURE.md describes the
/// layers; this table is what holds them.
const LAYERS: &[(&str, &[&str])] = &[
    ("wasmudf-files", &[]),
    ("wasmudf-abi", &[]),
    ("wasmudf-compiler", &["wasmudf-files", "wasmudf-abi"]),
    ("wasmudf-sandbox", &["wasmudf-abi"]),
    // Tests only (a dev-dependency of any crate, the sandbox's included).
    (
        "wasmudf-test-support",
        &["wasmudf-abi", "wasmudf-compiler", "wasmudf-sandbox"],
    ),
    (
        "wasmudf-datafusion",
        &["wasmudf-abi", "wasmudf-compiler", "wasmudf-sandbox"],
    ),
    // The Python extension: the compiler and the sandbox, no engine (Python brings its own).
    (
        "wasmudf-python",
        &["wasmudf-abi", "wasmudf-compiler", "wasmudf-sandbox"],
    ),
    // The Spark catalog's native library: the sandbox per row; Spark is the engine, and
    // executors never compile C.
    ("wasmudf-spark", &["wasmudf-abi", "wasmudf-sandbox"]),
    (
        "wasmudf-cluster",
        &["wasmudf-files", "wasmudf-abi", "wasmudf-datafusion"],
    ),
    // A Spark Connect client (gRPC): SQL out, Arrow batches back; nothing of wasmudf below it.
    ("wasmudf-spark-connect", &[]),
    // Not the cluster crate: the server takes a `SessionFactory` and never links Ballista.
    (
        "wasmudf-server",
        &[
            "wasmudf-spark-connect",
            "wasmudf-files",
            "wasmudf-abi",
            "wasmudf-compiler",
            "wasmudf-sandbox",
            "wasmudf-datafusion",
        ],
    ),
    (
        "wasmudf",
        &[
            "wasmudf-files",
            "wasmudf-abi",
            "wasmudf-compiler",
            "wasmudf-sandbox",
            "wasmudf-datafusion",
            "wasmudf-cluster",
            "wasmudf-server",
            "wasmudf-spark-connect",
        ],
    ),
    ("wasmudf-tidy", &[]),
];

/// Outside dependencies that only some crates may use (in any kind of dependency), and why.
const WRAPPERS: &[(&str, &[&str], &str)] = &[
    (
        "wasmtime",
        &["wasmudf-sandbox"],
        "the sandbox is the only code that touches the Wasm runtime",
    ),
    (
        "ballista",
        &["wasmudf-cluster"],
        "the cluster crate is the only one that knows Ballista",
    ),
    (
        "tonic",
        &["wasmudf-cluster", "wasmudf-spark-connect"],
        "gRPC is Ballista's and Spark Connect's transport, each behind its own crate",
    ),
    (
        "arrow-flight",
        &["wasmudf-cluster"],
        "Flight is Ballista's transport, guarded by the cluster crate",
    ),
    (
        "axum",
        &["wasmudf-server", "wasmudf-cluster"],
        "the server serves the API; the cluster crate serves only Ballista's gRPC router, which tonic builds on axum",
    ),
    ("utoipa", &["wasmudf-server"], "the OpenAPI document is the server's"),
    ("rusqlite", &["wasmudf-server"], "the metadata database is the server's"),
    (
        "anyhow",
        &["wasmudf"],
        "errors stay typed across crates; only the binary's edge erases them",
    ),
    ("clap", &["wasmudf"], "only the binary parses a command line"),
    (
        "pyo3",
        &["wasmudf-python"],
        "only the Python extension links the interpreter",
    ),
    (
        "arrow-pyarrow",
        &["wasmudf-python"],
        "only the Python extension exchanges arrays with pyarrow",
    ),
    (
        "jni",
        &["wasmudf-spark"],
        "only the Spark catalog's native library is called from a JVM",
    ),
];

fn workspace_root() -> PathBuf {
    // At run time, not `env!` alone: a test binary built by another checkout must read this one.
    let crate_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), PathBuf::from);
    crate_dir
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// `cargo metadata` of the workspace's own packages.
fn cargo_metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("cargo metadata is JSON")
}

/// The workspace's own packages: name -> [(dependency, kind)].
fn dependencies() -> BTreeMap<String, Vec<(String, String)>> {
    let metadata = cargo_metadata();
    let mut packages = BTreeMap::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let name = package["name"].as_str().expect("a name").to_string();
        let dependencies = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .map(|dependency| {
                let kind = dependency["kind"].as_str().unwrap_or("normal").to_string();
                (dependency["name"].as_str().expect("a name").to_string(), kind)
            })
            .collect();
        packages.insert(name, dependencies);
    }
    packages
}

#[test]
fn each_crate_depends_only_on_the_layers_below_it() {
    let packages = dependencies();
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut broken = Vec::new();
    for (name, dependencies) in &packages {
        let Some(allowed) = layers.get(name.as_str()) else {
            broken.push(format!("{name} is not in LAYERS: place it"));
            continue;
        };
        let below: Vec<&str> = LAYERS
            .iter()
            .take_while(|(layer, _)| layer != name)
            .map(|(layer, _)| *layer)
            .collect();
        for (dependency, kind) in dependencies {
            if !layers.contains_key(dependency.as_str()) {
                continue;
            }
            let ok = match kind.as_str() {
                "normal" | "build" => allowed.contains(&dependency.as_str()),
                _ => below.contains(&dependency.as_str()) || dependency == "wasmudf-test-support",
            };
            if !ok {
                broken.push(format!("{name} depends on {dependency} ({kind})"));
            }
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn outside_dependencies_stay_behind_their_wrappers() {
    let packages = dependencies();
    let mut broken = Vec::new();
    for (name, dependencies) in &packages {
        for (dependency, _) in dependencies {
            for (prefix, owners, why) in WRAPPERS {
                if dependency.starts_with(prefix) && !owners.contains(&name.as_str()) {
                    broken.push(format!("{name} depends on {dependency}, but {why}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Every `.rs` file of the workspace's crates.
fn rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![workspace_root().join("crates")];
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory).expect("readable").flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && name != "data" {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 50, "found only {} Rust files", files.len());
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn no_crate_re_exports_another() {
    // A re-export makes a lower crate's API part of a higher one's: callers then depend on it
    // without saying so, and the layering above no longer shows who uses what.
    let crates: Vec<String> = dependencies()
        .into_iter()
        .flat_map(|(name, dependencies)| std::iter::once(name).chain(dependencies.into_iter().map(|(name, _)| name)))
        .map(|name| name.replace('-', "_"))
        .collect();
    let mut found = Vec::new();
    for file in rust_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_start();
            let Some(rest) = line.strip_prefix("pub use ") else {
                continue;
            };
            let root = rest.split([':', ';', ' ']).next().unwrap_or_default();
            if crates.iter().any(|name| name == root) {
                found.push(format!("{}:{}: {line}", relative(&file), number + 1));
            }
        }
    }
    assert!(found.is_empty(), "re-exports of other crates:\n{}", found.join("\n"));
}

#[test]
fn every_module_says_what_it_is() {
    let missing: Vec<String> = rust_files()
        .into_iter()
        .filter(|file| {
            let text = std::fs::read_to_string(file).expect("readable");
            !text.lines().next().is_some_and(|first| first.starts_with("//! "))
        })
        .map(|file| relative(&file))
        .collect();
    assert!(
        missing.is_empty(),
        "files that do not open with a `//!` line saying what they are:\n{}",
        missing.join("\n")
    );
}

/// Comment text of a Rust file (`//`, `///`, `//!` lines), with their line numbers.
fn comments(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter_map(|(number, line)| {
            let trimmed = line.trim_start();
            trimmed
                .starts_with("//")
                .then(|| (number + 1, trimmed.trim_start_matches('/').trim_start_matches('!')))
        })
        .collect()
}

/// Files named in `text` (such as `lib.rs`, `crates/server/src/lib.rs`, `docs/cluster.md`), URLs
/// excepted.
fn named_files(text: &str) -> Vec<String> {
    const EXTENSIONS: &[&str] = &["rs", "md", "toml", "py", "mjs", "ts", "tsx", "slt", "sh"];
    let mut names = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "`'\"()[],;<>*".contains(c)) {
        if word.contains("://") || word.starts_with('/') || word.contains('{') || word.contains('$') {
            continue;
        }
        let word = word.trim_end_matches(['.', ':']);
        let Some((stem, extension)) = word.rsplit_once('.') else {
            continue;
        };
        if EXTENSIONS.contains(&extension)
            && !stem.is_empty()
            && stem.chars().all(|c| c.is_alphanumeric() || "_-./".contains(c))
        {
            names.push(word.to_string());
        }
    }
    names
}

/// Every file of the repository (outside build output and dependencies), by path from the root.
fn repository_files() -> Vec<String> {
    let root = workspace_root();
    let mut files = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory).expect("readable").flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if path.is_dir() {
                if !matches!(
                    name.as_ref(),
                    "target" | "node_modules" | ".git" | "dist" | "wasmudf-data"
                ) {
                    pending.push(path);
                }
            } else {
                files.push(relative(&path));
            }
        }
    }
    files
}

#[test]
fn comments_name_only_files_that_exist() {
    let files = repository_files();
    let exists = |name: &str| {
        let name = name.trim_start_matches("./");
        files
            .iter()
            .any(|file| file == name || file.ends_with(&format!("/{name}")))
    };
    let mut stale = Vec::new();
    for file in rust_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (number, comment) in comments(&text) {
            for name in named_files(comment) {
                if !exists(&name) {
                    stale.push(format!("{}:{number}: `{name}`", relative(&file)));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "comments naming files that do not exist:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_workspace_lint_gives_its_reason() {
    // Each `lint = level` line follows a comment that names the lint: a reason written for
    // another lint is how these drift.
    let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).expect("readable");
    let mut in_lints = false;
    let mut reason = String::new();
    let mut unexplained = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_lints = line.starts_with("[workspace.lints.");
            reason.clear();
        } else if let Some(comment) = line.strip_prefix('#') {
            reason.push_str(comment);
        } else if in_lints && let Some((lint, _)) = line.split_once('=') {
            let lint = lint.trim();
            if !reason.contains(&format!("`{lint}`")) {
                unexplained.push(lint.to_string());
            }
            reason.clear();
        } else if line.is_empty() {
            reason.clear();
        }
    }
    assert!(
        unexplained.is_empty(),
        "lints without a comment naming them and saying why: {unexplained:?}"
    );
}

#[test]
fn cargo_commands_build_one_feature_set() {
    // `cargo bench -p X` builds DataFusion with another feature set: a second cold build. So
    // does `--workspace`, which adds the Python extension and arrow's `ffi` feature with it.
    let mut wrong = Vec::new();
    let root = workspace_root();
    for file in repository_files() {
        let checked = [".rs", ".md", ".toml", ".sh", ".py"]
            .iter()
            .any(|suffix| file.ends_with(suffix))
            || file.starts_with("scripts/")
            || file.starts_with(".ci/");
        if !checked || file.contains("node_modules") || file == "crates/tidy/tests/tidy.rs" {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(root.join(&file)) else {
            continue;
        };
        for (number, line) in text.lines().enumerate() {
            let builds = ["cargo bench", "cargo build", "cargo test", "cargo clippy"]
                .iter()
                .any(|command| line.contains(command));
            let bench_with_p = line.contains("cargo bench") && line.contains(" -p ");
            if builds && (line.contains("--workspace") || bench_with_p) {
                wrong.push(format!("{file}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "cargo commands that build another feature set (drop `--workspace`, and `-p` from benches):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_crate_but_the_python_extension_is_a_default_member() {
    let metadata = cargo_metadata();
    let ids = |key: &str| -> BTreeSet<String> {
        metadata[key]
            .as_array()
            .expect("a list of package ids")
            .iter()
            .map(|id| id.as_str().expect("an id").to_string())
            .collect()
    };
    let name_of = |id: &String| -> String {
        metadata["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .find(|package| package["id"].as_str() == Some(id))
            .and_then(|package| package["name"].as_str())
            .expect("every member is a package")
            .to_string()
    };
    let members: BTreeSet<String> = ids("workspace_members").iter().map(name_of).collect();
    let defaults: BTreeSet<String> = ids("workspace_default_members").iter().map(name_of).collect();
    let expected: BTreeSet<String> = members.into_iter().filter(|name| name != "wasmudf-python").collect();
    assert_eq!(
        defaults, expected,
        "Cargo.toml's default-members must list every crate but crates/python"
    );
}
