//! The one place that maps errors to HTTP statuses and JSON bodies.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::outcome::DiagnosticView;

/// What went wrong with a request, as a stable code; [`ErrorCode::status`] is the one table
/// from a code to its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not the JSON the endpoint takes.
    MalformedJson,
    /// A query parameter is malformed.
    BadQuery,
    /// A required field is missing.
    MissingField,
    /// An upload has no `file` part.
    MissingFile,
    /// Both `sql` and an ExecutionRequest were sent.
    AmbiguousRequest,
    /// The operation is not MAP, FILTER or AGGREGATE.
    BadOperation,
    /// A type name is unknown, or a FILTER does not return BOOLEAN.
    BadType,
    /// The dataset has no such column.
    UnknownColumn,
    /// The result column's name is already a column of the result.
    ColumnExists,
    /// The chosen columns do not fit the function's parameters.
    TypeMismatch,
    /// The program is over its size cap.
    ProgramTooLarge,
    /// The SQL is over its size cap.
    SqlTooLarge,
    /// A SQL statement tenants may not run.
    StatementNotAllowed,
    /// The SQL's shape (nesting, expressions) is over a cap.
    SqlTooDeep,
    /// The SQL does not parse.
    SqlSyntaxError,
    /// A name is not 1 to 64 letters, digits, `_` or `-`.
    BadName,
    /// The language is not `c` or `wat`.
    BadLanguage,
    /// The signature does not parse or does not match the function.
    BadSignature,
    /// The function cannot be defined.
    BadFunction,
    /// The upload is not CSV, Parquet or NDJSON.
    UnsupportedFormat,
    /// The upload or dataset cannot be read as its format.
    UnreadableDataset,
    /// The multipart body is malformed.
    BadUpload,
    /// No token, or an unknown or revoked one.
    Unauthorized,
    /// No such dataset, execution, function or endpoint.
    NotFound,
    /// The tenant has a dataset of that name.
    DatasetExists,
    /// The execution has already ended.
    NotRunning,
    /// The execution has not succeeded, so it has no results.
    NoResults,
    /// The request body is over its limit.
    BodyTooLarge,
    /// The upload is over the tenant's limit.
    UploadTooLarge,
    /// The function does not compile: `diagnostics` say where.
    CompileError,
    /// The tenant runs as many executions as it may.
    TooManyExecutions,
    /// The tenant has used this minute's compiles (`Retry-After`).
    TooManyCompiles,
    /// The server failed; the details are in its log.
    Internal,
    /// The server has no working C compiler.
    CompilerUnavailable,
    /// The server runs as many executions as it takes (`Retry-After`).
    ServerBusy,
}

impl ErrorCode {
    /// The HTTP status of every error with this code.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::MalformedJson => StatusCode::BAD_REQUEST,
            ErrorCode::BadQuery => StatusCode::BAD_REQUEST,
            ErrorCode::MissingField => StatusCode::BAD_REQUEST,
            ErrorCode::MissingFile => StatusCode::BAD_REQUEST,
            ErrorCode::AmbiguousRequest => StatusCode::BAD_REQUEST,
            ErrorCode::BadOperation => StatusCode::BAD_REQUEST,
            ErrorCode::BadType => StatusCode::BAD_REQUEST,
            ErrorCode::UnknownColumn => StatusCode::BAD_REQUEST,
            ErrorCode::ColumnExists => StatusCode::BAD_REQUEST,
            ErrorCode::TypeMismatch => StatusCode::BAD_REQUEST,
            ErrorCode::ProgramTooLarge => StatusCode::BAD_REQUEST,
            ErrorCode::SqlTooLarge => StatusCode::BAD_REQUEST,
            ErrorCode::StatementNotAllowed => StatusCode::BAD_REQUEST,
            ErrorCode::SqlTooDeep => StatusCode::BAD_REQUEST,
            ErrorCode::SqlSyntaxError => StatusCode::BAD_REQUEST,
            ErrorCode::BadName => StatusCode::BAD_REQUEST,
            ErrorCode::BadLanguage => StatusCode::BAD_REQUEST,
            ErrorCode::BadSignature => StatusCode::BAD_REQUEST,
            ErrorCode::BadFunction => StatusCode::BAD_REQUEST,
            ErrorCode::UnsupportedFormat => StatusCode::BAD_REQUEST,
            ErrorCode::UnreadableDataset => StatusCode::BAD_REQUEST,
            ErrorCode::BadUpload => StatusCode::BAD_REQUEST,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::DatasetExists => StatusCode::CONFLICT,
            ErrorCode::NotRunning => StatusCode::CONFLICT,
            ErrorCode::NoResults => StatusCode::CONFLICT,
            ErrorCode::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::UploadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::CompileError => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::TooManyExecutions => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyCompiles => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::CompilerUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::ServerBusy => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

/// An API error: `{"code": "...", "message": "..."}` with a status. Messages are written for the
/// user and never carry a host path or a stack trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// With `compile_error`: where the source is wrong; with `sql_syntax_error`: where the SQL is.
    pub diagnostics: Option<Vec<DiagnosticView>>,
    /// Seconds after which a rate-limited request may be retried (`Retry-After`).
    pub retry_after: Option<u64>,
}

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody<'a> {
    /// A stable machine-readable code, e.g. `not_found`, `compile_error`, `unknown_column`.
    code: ErrorCode,
    /// What went wrong, written for the user.
    message: &'a str,
    /// Where the input is wrong: the compiler's diagnostics when `code` is `compile_error`, the
    /// place of a `sql_syntax_error` (line and column in the SQL).
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<&'a [DiagnosticView]>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            diagnostics: None,
            retry_after: None,
        }
    }

    /// A compile failure, with the compiler's diagnostics in the user's coordinates.
    pub fn compile_error(message: impl Into<String>, diagnostics: Vec<DiagnosticView>) -> Self {
        let mut error = Self::new(ErrorCode::CompileError, message);
        error.diagnostics = Some(diagnostics);
        error
    }

    /// Too many requests of one kind; the client may retry after `seconds`.
    pub fn rate_limited(code: ErrorCode, message: impl Into<String>, seconds: u64) -> Self {
        let mut error = Self::new(code, message);
        error.retry_after = Some(seconds);
        error
    }

    pub fn not_found(what: &str, name: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("no {what} named `{name}`"))
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Unauthorized, message)
    }

    /// A server-side failure: the details go to the log, the user gets a generic message.
    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        eprintln!("wasmudf-server: internal error while {context}: {error}");
        Self::new(ErrorCode::Internal, format!("internal error while {context}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: &self.message,
            diagnostics: self.diagnostics.as_deref(),
        };
        let mut response = (self.code.status(), Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from(seconds));
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        ApiError::internal("reading metadata", error)
    }
}

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return ApiError::new(
                ErrorCode::BodyTooLarge,
                format!(
                    "the request body is larger than {} MiB",
                    crate::MAX_JSON_BODY_BYTES >> 20
                ),
            );
        }
        ApiError::new(ErrorCode::MalformedJson, rejection.body_text())
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        ApiError::new(ErrorCode::BadQuery, rejection.body_text())
    }
}

impl From<axum::extract::multipart::MultipartError> for ApiError {
    fn from(error: axum::extract::multipart::MultipartError) -> Self {
        let code = if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ErrorCode::UploadTooLarge
        } else {
            ErrorCode::BadUpload
        };
        ApiError::new(code, error.body_text())
    }
}
