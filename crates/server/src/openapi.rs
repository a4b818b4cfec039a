//! The OpenAPI document of `/api/v1`, generated from the handlers' and types' annotations.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{datasets, error, executions, functions, rows};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "wasmudf",
        description = "Run your own C functions over shared datasets, compiled to WebAssembly and \
                       sandboxed, inside Apache DataFusion. Every request carries \
                       `Authorization: Bearer <token>`.",
    ),
    servers((url = "/api/v1")),
    paths(
        datasets::list, datasets::upload, datasets::schema, datasets::rows, datasets::delete,
        executions::create, executions::list, executions::status, executions::cancel, executions::results,
        executions::results_csv, executions::results_parquet, executions::histogram, executions::log,
        functions::save, functions::list, functions::get, functions::versions, functions::module, functions::delete,
    ),
    components(schemas(error::ErrorBody, rows::ColumnInfo)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "datasets", description = "CSV, Parquet and NDJSON files: the caller's own and shared ones"),
        (name = "executions", description = "MAP, FILTER or AGGREGATE a dataset with a C function, or run SQL; the history of them"),
        (name = "functions", description = "Saved, versioned functions, callable from SQL"),
    )
)]
#[derive(Debug)]
pub struct ApiDoc;

#[derive(Debug)]
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document as JSON, built once.
pub fn document() -> &'static str {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
    })
}
