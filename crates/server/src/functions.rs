//! `/api/v1/functions`: a tenant's saved, versioned functions.
//!
//! A function is saved only after it compiles, so a saved function always runs. Executions that
//! name a saved function compile its stored source again (normally a hit in the compiler's
//! cache); the digest recorded here is shown to the user and identifies the module. SQL
//! executions may call every saved function by name (the latest version).

use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderName, StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use wasmudf_abi::{SqlType, UdfSignature};
use wasmudf_compiler::{Language, infer_c_signature};
use wasmudf_datafusion::{DefinedUdf, UdfBuilder, WasmUdfError};

use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode};
use crate::outcome::{DiagnosticView, ErrorKind, ExecutionError, diagnostic_views};
use crate::state::AppState;
use crate::store::FunctionRecord;

/// A function to save. Give `signature`, or let it be read off the C definition (then `returns`
/// may override the C return type's mapping, e.g. FLOAT for `float`).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionBody {
    /// The function's name: a C identifier, the name of the C function and of the SQL function.
    pub name: String,
    /// The C (or WAT) source.
    pub source: String,
    /// `name(a BIGINT, b DOUBLE) RETURNS FLOAT`; read off the C definition when absent.
    #[serde(default)]
    pub signature: Option<String>,
    /// The return type when `signature` is absent: INTEGER, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING,
    /// DATE, TIMESTAMP, DECIMAL(p, s) or BINARY.
    #[serde(default)]
    pub returns: Option<String>,
    /// `c` (default) or `wat`.
    #[serde(default)]
    pub language: Option<String>,
}

/// One saved version of a function.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FunctionInfo {
    pub name: String,
    pub version: i64,
    pub language: String,
    pub signature: String,
    /// SHA-256 of the compiled module.
    pub digest: String,
    pub created_at: String,
    /// The source (in single-function answers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Compiler warnings (when just saved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<DiagnosticView>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FunctionList {
    pub functions: Vec<FunctionInfo>,
}

impl FunctionInfo {
    fn from_record(record: FunctionRecord, with_source: bool) -> Self {
        FunctionInfo {
            name: record.name,
            version: record.version,
            language: record.language,
            signature: record.signature,
            digest: record.digest,
            created_at: record.created_at,
            source: with_source.then_some(record.source),
            warnings: None,
        }
    }
}

fn parse_language(text: Option<&str>) -> Result<Language, ApiError> {
    match text.map(Language::parse) {
        None => Ok(Language::C),
        Some(Some(language)) if language.is_source() => Ok(language),
        Some(_) => Err(ApiError::new(
            ErrorCode::BadLanguage,
            format!(
                "language `{}` is not `c` or `wat`",
                text.unwrap_or_default().to_ascii_lowercase()
            ),
        )),
    }
}

/// The signature the body asks for, given or read off the C definition.
fn signature_of(body: &FunctionBody, language: Language) -> Result<UdfSignature, ApiError> {
    let bad = |message: String| ApiError::new(ErrorCode::BadSignature, message);
    let signature = match &body.signature {
        Some(text) => text.parse::<UdfSignature>().map_err(|error| bad(error.to_string()))?,
        None if language != Language::C => {
            return Err(bad("a WAT function needs an explicit `signature`".into()));
        }
        None => {
            let declared = infer_c_signature(&body.source, Some(&body.name))
                .map_err(|reason| bad(format!("{reason}; give an explicit `signature`")))?;
            match &body.returns {
                Some(text) => {
                    let returns = text.parse::<SqlType>().map_err(bad)?;
                    let signature = UdfSignature::new(body.name.clone(), declared.params().to_vec(), returns)
                        .map_err(|error| bad(error.to_string()))?;
                    if declared.is_aggregate() {
                        signature.into_aggregate()
                    } else {
                        signature
                    }
                }
                None => declared,
            }
        }
    };
    if signature.name() != body.name {
        return Err(bad(format!(
            "the signature names `{}` but the function is `{}`",
            signature.name(),
            body.name
        )));
    }
    Ok(signature)
}

/// An error from compiling a tenant's function, as the API reports it.
pub fn definition_error(error: &WasmUdfError) -> ApiError {
    let outcome = ExecutionError::from_definition(error);
    match outcome.kind {
        ErrorKind::CompileError => ApiError::compile_error(outcome.message, outcome.diagnostics.unwrap_or_default()),
        ErrorKind::Unavailable => ApiError::new(ErrorCode::CompilerUnavailable, outcome.message),
        _ => ApiError::new(ErrorCode::BadFunction, outcome.message),
    }
}

/// Compiles and loads a function off the async runtime (clang and Cranelift take a while).
pub async fn define(
    builder: &UdfBuilder,
    signature: UdfSignature,
    language: Language,
    source: String,
) -> Result<DefinedUdf, WasmUdfError> {
    let builder = builder.clone();
    tokio::task::spawn_blocking(move || builder.define(&signature, language, source.as_bytes()))
        .await
        .map_err(|error| WasmUdfError::Definition(format!("the compile task failed: {error}")))?
}

/// Save a function: compiled first, stored as a new version only if it compiles.
#[utoipa::path(post, path = "/functions", tag = "functions", request_body = FunctionBody,
    responses(
        (status = 201, body = FunctionInfo, description = "Saved as a new version"),
        (status = 400, body = crate::error::ErrorBody, description = "Bad name, signature or language"),
        (status = 422, body = crate::error::ErrorBody, description = "Does not compile: `diagnostics` say where"),
        (status = 429, body = crate::error::ErrorBody, description = "Too many compiles this minute"),
    ))]
pub async fn save(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    body: Result<Json<FunctionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    crate::service::plan::check_program_size(&state, &body.source)?;
    let language = parse_language(body.language.as_deref())?;
    let signature = signature_of(&body, language)?;
    state.charge_compiles(tenant.id, 1)?;
    let defined = define(&state.builder, signature.clone(), language, body.source.clone())
        .await
        .map_err(|error| definition_error(&error))?;
    let record = state.store.insert_function(
        tenant.id,
        &FunctionRecord {
            name: body.name,
            version: 0,
            language: language.to_string(),
            signature: signature.to_string(),
            source: body.source,
            digest: defined.compiled.digest.clone(),
            created_at: String::new(),
        },
    )?;
    let mut info = FunctionInfo::from_record(record, false);
    info.warnings = Some(diagnostic_views(&defined.compiled.warnings));
    Ok((StatusCode::CREATED, Json(info)))
}

/// The caller's functions, latest version of each.
#[utoipa::path(get, path = "/functions", tag = "functions",
    responses((status = 200, body = FunctionList)))]
pub async fn list(State(state): State<AppState>, Caller(tenant): Caller) -> Result<Json<FunctionList>, ApiError> {
    let functions = state
        .store
        .list_functions(tenant.id)?
        .into_iter()
        .map(|record| FunctionInfo::from_record(record, false))
        .collect();
    Ok(Json(FunctionList { functions }))
}

/// The latest version of one function, with its source.
#[utoipa::path(get, path = "/functions/{name}", tag = "functions",
    params(("name" = String, Path, description = "Function name")),
    responses((status = 200, body = FunctionInfo), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<Json<FunctionInfo>, ApiError> {
    let record = state
        .store
        .function(tenant.id, &name, None)?
        .ok_or_else(|| ApiError::not_found("function", &name))?;
    Ok(Json(FunctionInfo::from_record(record, true)))
}

/// Every version of one function, newest first, with sources.
#[utoipa::path(get, path = "/functions/{name}/versions", tag = "functions",
    params(("name" = String, Path, description = "Function name")),
    responses((status = 200, body = FunctionList), (status = 404, body = crate::error::ErrorBody)))]
pub async fn versions(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<Json<FunctionList>, ApiError> {
    let versions = state.store.function_versions(tenant.id, &name)?;
    if versions.is_empty() {
        return Err(ApiError::not_found("function", &name));
    }
    Ok(Json(FunctionList {
        functions: versions
            .into_iter()
            .map(|record| FunctionInfo::from_record(record, true))
            .collect(),
    }))
}

/// The compiled module of a function's latest version, for hosts that run it themselves (the
/// JVM catalog's executors): `application/wasm` (the signature embedded, as `wasmudf compile -o`
/// writes it), its hex SHA-256 in `X-Wasmudf-Digest` and the `ETag`, its signature in
/// `X-Wasmudf-Signature`. The stored source is compiled again (normally a hit in the compiler's
/// cache), so it counts as a compile against the tenant's rate.
#[utoipa::path(get, path = "/functions/{name}/module", tag = "functions",
    params(("name" = String, Path, description = "Function name")),
    responses(
        (status = 200, content_type = "application/wasm", body = Vec<u8>,
            headers(
                ("X-Wasmudf-Digest" = String, description = "Hex SHA-256 of the module"),
                ("X-Wasmudf-Signature" = String, description = "`name(param TYPE, ...) RETURNS TYPE`"),
            )),
        (status = 404, body = crate::error::ErrorBody),
        (status = 429, body = crate::error::ErrorBody, description = "Too many compiles this minute"),
    ))]
pub async fn module(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let record = state
        .store
        .function(tenant.id, &name, None)?
        .ok_or_else(|| ApiError::not_found("function", &name))?;
    let language = parse_language(Some(&record.language))?;
    let signature = record
        .signature
        .parse::<UdfSignature>()
        .map_err(|error| ApiError::new(ErrorCode::BadSignature, error.to_string()))?;
    state.charge_compiles(tenant.id, 1)?;
    let defined = define(&state.builder, signature.clone(), language, record.source)
        .await
        .map_err(|error| definition_error(&error))?;
    let digest = defined.compiled.digest;
    Ok((
        [
            (header::CONTENT_TYPE, "application/wasm".to_string()),
            (header::ETAG, format!("\"{digest}\"")),
            (HeaderName::from_static("x-wasmudf-digest"), digest),
            (HeaderName::from_static("x-wasmudf-signature"), signature.to_string()),
        ],
        defined.compiled.wasm,
    ))
}

/// Delete a function and all its versions.
#[utoipa::path(delete, path = "/functions/{name}", tag = "functions",
    params(("name" = String, Path, description = "Function name")),
    responses((status = 204), (status = 404, body = crate::error::ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<StatusCode, ApiError> {
    match state.store.delete_function(tenant.id, &name)? {
        0 => Err(ApiError::not_found("function", &name)),
        _ => Ok(StatusCode::NO_CONTENT),
    }
}
