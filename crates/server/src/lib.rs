//! The multi-tenant HTTP API of wasmudf (`wasmudf serve`).
//!
//! ```text
//! GET    /api/v1/datasets                       the caller's datasets and the shared ones
//! POST   /api/v1/datasets                       multipart `file` (+ `name`): CSV, Parquet, NDJSON
//! GET    /api/v1/datasets/{name}/schema         {"columns":[{"name","type"}]}
//! GET    /api/v1/datasets/{name}/rows           ?offset=&limit=
//! DELETE /api/v1/datasets/{name}
//! POST   /api/v1/executions                     the paper's ExecutionRequest, or {"sql": "..."} → 202 {"id"}
//! GET    /api/v1/executions/{id}                status, progress, timings, structured error
//! GET    /api/v1/executions/{id}/results        ?offset=&limit=
//! GET    /api/v1/executions/{id}/results.csv | results.parquet
//! DELETE /api/v1/executions/{id}                cancel
//! POST   /api/v1/functions                      save a function (compiled first) as a new version
//! GET    /api/v1/functions[/{name}[/versions]]  list, latest with source, every version
//! GET    /api/v1/functions/{name}/module        the latest version's compiled module (application/wasm)
//! DELETE /api/v1/functions/{name}
//! GET    /api/v1/openapi.json                   this API's OpenAPI document (no token needed)
//! GET    /*                                     the web page (embedded, see `web.rs`)
//! ```
//!
//! Metadata lives in SQLite (`store.rs`), files under the data directory. Every handler takes a
//! [`auth::Caller`], and every store query that reads tenant data takes the tenant's id.
//!
//! **Architecture invariant:** the only crate that serves the HTTP API (the cluster crate uses
//! axum only to serve Ballista's scheduler behind the cluster secret). It links no Ballista and
//! does not depend on the cluster crate: executions get their sessions from the
//! `SessionFactory` in [`AppState::sessions`] (`InProcess` unless the CLI passes the cluster
//! crate's `ClusterSessions`).

pub mod auth;
pub mod datasets;
pub mod demo;
pub mod error;
pub mod executions;
pub mod executor;
pub mod functions;
pub mod listener;
pub mod openapi;
pub mod outcome;
pub mod rows;
pub mod service;
pub mod spark;
pub mod state;
pub mod store;
pub mod web;

use std::io::Read;
use std::path::Path;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use wasmudf_datafusion::UdfBuilder;

pub use demo::ensure_demo;
pub use listener::GuardedListener;
pub use state::{AppState, TenantLimits};
pub use store::Store;

/// Largest body of a JSON request (SQL and C are capped again, smaller, by the limits).
pub const MAX_JSON_BODY_BYTES: usize = 2 << 20;

/// The API router over `state`.
pub fn app(state: AppState) -> Router {
    let upload_limit = state.limits.max_upload_bytes + (1 << 20);
    // Only uploads may send large bodies; every other route reads at most 2 MiB.
    let uploads = Router::new()
        .route("/datasets", get(datasets::list).post(datasets::upload))
        .layer(DefaultBodyLimit::max(upload_limit));
    let api = Router::new()
        .route("/datasets/{name}/schema", get(datasets::schema))
        .route("/datasets/{name}/rows", get(datasets::rows))
        .route("/datasets/{name}", axum::routing::delete(datasets::delete))
        .route("/executions", get(executions::list).post(executions::create))
        .route("/executions/{id}", get(executions::status).delete(executions::cancel))
        .route("/executions/{id}/results", get(executions::results))
        .route("/executions/{id}/results.csv", get(executions::results_csv))
        .route("/executions/{id}/results.parquet", get(executions::results_parquet))
        .route("/executions/{id}/histogram", get(executions::histogram))
        .route("/executions/{id}/log", get(executions::log))
        .route("/functions", get(functions::list).post(functions::save))
        .route("/functions/{name}", get(functions::get).delete(functions::delete))
        .route("/functions/{name}/versions", get(functions::versions))
        .route("/functions/{name}/module", get(functions::module))
        .route(
            "/openapi.json",
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    openapi::document(),
                )
            }),
        )
        .fallback(|| async { error::ApiError::new(crate::error::ErrorCode::NotFound, "no such API endpoint") })
        .layer(DefaultBodyLimit::max(MAX_JSON_BODY_BYTES))
        .merge(uploads);
    Router::new()
        .nest("/api/v1", api)
        .fallback(web::serve)
        .with_state(state)
}

/// Serves the API and the page over `listener` until `shutdown` completes.
pub async fn serve(
    listener: GuardedListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}

/// Opens (creating on first start) the data directory and its metadata database. Executions that
/// were running when the server last stopped are marked failed.
pub fn open_state(data_dir: &Path, builder: UdfBuilder, limits: TenantLimits) -> Result<AppState, ServerError> {
    std::fs::create_dir_all(data_dir.join("datasets"))?;
    std::fs::create_dir_all(data_dir.join("results"))?;
    let store = Store::open(&data_dir.join("wasmudf.db"))?;
    let stale = remove_staging_files(data_dir);
    if stale > 0 {
        eprintln!("wasmudf-server: removed {stale} half-written file(s) left by a crash");
    }
    let interrupted = store.fail_interrupted_executions()?;
    if interrupted > 0 {
        eprintln!("wasmudf-server: marked {interrupted} interrupted execution(s) as failed");
    }
    Ok(AppState {
        store,
        data_dir: data_dir.to_path_buf(),
        builder,
        limits,
        progress: Default::default(),
        compiles: Default::default(),
        sessions: std::sync::Arc::new(wasmudf_datafusion::InProcess),
        spark: None,
    })
}

/// Uploads and results are written to hidden temporary files and renamed when complete; after a
/// crash, the temporary ones are garbage. Returns how many were removed.
fn remove_staging_files(data_dir: &Path) -> usize {
    // Also the names staging files had before `wasmudf_files`.
    let is_staging =
        |name: &str| wasmudf_files::is_staging(name) || name.starts_with(".upload-") || name.starts_with(".tmp");
    let mut directories = vec![data_dir.join("results")];
    if let Ok(tenants) = std::fs::read_dir(data_dir.join("datasets")) {
        directories.extend(tenants.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()));
    }
    let mut removed = 0;
    for directory in directories {
        for entry in std::fs::read_dir(&directory).into_iter().flatten().flatten() {
            if entry.file_name().to_str().is_some_and(is_staging) && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("metadata database: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("data directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Setup(String),
}

/// The one rule for the names of tenants and datasets: 1 to 64 ASCII letters, digits, `_` or
/// `-`. They name files and appear in URLs, so nothing else is allowed. (`what` is the kind of
/// name, for the message.)
pub fn check_name(what: &str, text: &str) -> Result<(), String> {
    let valid =
        !text.is_empty() && text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a valid {what} name: use 1 to 64 letters, digits, `_` or `-`"
        ))
    }
}

/// Creates a tenant; returns its first API token (stored only as a hash).
pub fn create_tenant(store: &Store, name: &str) -> Result<String, ServerError> {
    check_name("tenant", name).map_err(ServerError::Setup)?;
    if store.tenant_by_name(name)?.is_some() {
        return Err(ServerError::Setup(format!("tenant `{name}` already exists")));
    }
    let token = format!("wu_{}", random_hex(24));
    store.create_tenant(name, &token)?;
    Ok(token)
}

/// Makes a new token for an existing tenant (not the operator, which has none by design).
pub fn add_token(store: &Store, tenant: &str) -> Result<String, ServerError> {
    let owner = store
        .tenant_by_name(tenant)?
        .filter(|owner| owner.name != demo::OPERATOR)
        .ok_or_else(|| ServerError::Setup(format!("no tenant named `{tenant}`")))?;
    let token = format!("wu_{}", random_hex(24));
    store.add_token(owner.id, &token)?;
    Ok(token)
}

/// `text` with the data directory, in every form the engine prints it (a file path, or an
/// object-store path without the leading `/`), replaced by `<data>`: no answer to a tenant
/// names where the server keeps its files.
pub(crate) fn scrub_paths(data_dir: &Path, text: &str) -> String {
    replace_path(text, data_dir, "<data>")
}

/// `text` with `path` replaced by `with`, as a file path and in the object-store form
/// DataFusion prints (without the leading `/`).
pub(crate) fn replace_path(text: &str, path: &Path, with: &str) -> String {
    let path = path.display().to_string();
    // `/` itself, or a one-component path's bare name (`/data` -> `data`), would replace far more
    // than the path: only a path, or a bare form of two components or more, is replaced.
    if path.len() <= 1 {
        return text.to_string();
    }
    let replaced = text.replace(&path, with);
    let bare = path.trim_start_matches('/');
    if bare.contains('/') {
        replaced.replace(bare, with)
    } else {
        replaced
    }
}

/// How the server writes Parquet (results, generated data): Snappy, which costs little time
/// and shrinks typical tables several times.
pub(crate) fn parquet_properties() -> datafusion::parquet::file::properties::WriterProperties {
    use datafusion::parquet::basic::Compression;
    // As `COPY ... TO` writes them (wasmudf_datafusion::PARQUET_COMPRESSION): Snappy, and a
    // dictionary given up early on a column of distinct values.
    datafusion::parquet::file::properties::WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_dictionary_page_size_limit(wasmudf_datafusion::PARQUET_DICTIONARY_PAGE_BYTES)
        .build()
}

/// `n` random bytes from the kernel, as hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .expect("/dev/urandom is readable");
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::replace_path;

    #[test]
    fn a_path_is_replaced_in_both_forms_and_short_ones_do_not_eat_the_text() {
        let text = "Error reading /srv/wasmudf/datasets/1/a.csv (object srv/wasmudf/datasets/1/a.csv)";
        assert_eq!(
            replace_path(text, Path::new("/srv/wasmudf"), "<data>"),
            "Error reading <data>/datasets/1/a.csv (object <data>/datasets/1/a.csv)"
        );
        // `/data`'s bare form is a common word: only the path is replaced.
        assert_eq!(
            replace_path(
                r#"{"data": "/data/x", "sql": "FROM data"}"#,
                Path::new("/data"),
                "<data>"
            ),
            r#"{"data": "<data>/x", "sql": "FROM data"}"#
        );
        assert_eq!(replace_path("a/b", Path::new("/"), "<data>"), "a/b");
    }
}
