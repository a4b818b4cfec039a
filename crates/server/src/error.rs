//! The one place that maps errors to HTTP statuses and JSON bodies.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::outcome::DiagnosticView;

/// An API error: `{"code": "...", "message": "..."}` with a status. Messages are written for the
/// user and never carry a host path or a stack trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// With `compile_error`: where the source is wrong.
    pub diagnostics: Option<Vec<DiagnosticView>>,
    /// Seconds after which a rate-limited request may be retried (`Retry-After`).
    pub retry_after: Option<u64>,
}

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody<'a> {
    /// A stable machine-readable code, e.g. `not_found`, `compile_error`, `unknown_column`.
    code: &'a str,
    /// What went wrong, written for the user.
    message: &'a str,
    /// Compiler diagnostics when `code` is `compile_error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<&'a [DiagnosticView]>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            diagnostics: None,
            retry_after: None,
        }
    }

    /// A compile failure, with the compiler's diagnostics in the user's coordinates.
    pub fn compile_error(message: impl Into<String>, diagnostics: Vec<DiagnosticView>) -> Self {
        let mut error = Self::new(StatusCode::UNPROCESSABLE_ENTITY, "compile_error", message);
        error.diagnostics = Some(diagnostics);
        error
    }

    /// Too many requests of one kind; the client may retry after `seconds`.
    pub fn rate_limited(code: &'static str, message: impl Into<String>, seconds: u64) -> Self {
        let mut error = Self::new(StatusCode::TOO_MANY_REQUESTS, code, message);
        error.retry_after = Some(seconds);
        error
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(what: &str, name: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("no {what} named `{name}`"))
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// A server-side failure: the details go to the log, the user gets a generic message.
    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        eprintln!("wasmudf-server: internal error while {context}: {error}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("internal error while {context}"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: &self.message,
            diagnostics: self.diagnostics.as_deref(),
        };
        let mut response = (self.status, Json(body)).into_response();
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
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "the request body is larger than {} MiB",
                    crate::MAX_JSON_BODY_BYTES >> 20
                ),
            );
        }
        ApiError::bad_request("malformed_json", rejection.body_text())
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        ApiError::bad_request("bad_query", rejection.body_text())
    }
}

impl From<axum::extract::multipart::MultipartError> for ApiError {
    fn from(error: axum::extract::multipart::MultipartError) -> Self {
        ApiError::new(error.status(), "bad_upload", error.body_text())
    }
}
