//! API tests without sockets: the real router, a real SQLite file, real files, `oneshot`.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod datasets;
mod executions;
mod functions;
mod hostile;
mod surface;
mod tenancy;
mod walls;

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use wasmudf_datafusion::UdfBuilder;
use wasmudf_server::{AppState, TenantLimits, app, create_tenant, ensure_demo, open_state};

pub const ACCOUNTS: &[u8] = include_bytes!("../../../../demo/accounts.csv");

/// A server on a fresh data directory with the demo data and two tenants.
#[derive(Debug)]
pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub state: AppState,
    pub alice: String,
    pub bob: String,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixture {
    pub fn new() -> Self {
        Self::with_limits(TenantLimits::default())
    }

    pub fn with_limits(limits: TenantLimits) -> Self {
        Self::with(limits, Duration::from_millis(500))
    }

    /// A fixture whose UDFs may run `batch_timeout` per batch.
    pub fn with(limits: TenantLimits, batch_timeout: Duration) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let state = open_state(dir.path(), builder(batch_timeout), limits).unwrap();
        ensure_demo(&state, ACCOUNTS, 0).unwrap();
        let alice = create_tenant(&state.store, "alice").unwrap();
        let bob = create_tenant(&state.store, "bob").unwrap();
        Fixture {
            _dir: dir,
            state,
            alice,
            bob,
        }
    }

    pub fn app(&self) -> Router {
        app(self.state.clone())
    }

    pub fn data_dir(&self) -> &Path {
        self._dir.path()
    }

    pub async fn get(&self, token: &str, uri: &str) -> (StatusCode, Value) {
        self.send(
            Request::get(uri)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn get_bytes(&self, token: &str, uri: &str) -> (StatusCode, Vec<u8>) {
        let request = Request::get(uri)
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        let response = self.app().oneshot(request).await.unwrap();
        let status = response.status();
        (
            status,
            response.into_body().collect().await.unwrap().to_bytes().to_vec(),
        )
    }

    pub async fn delete(&self, token: &str, uri: &str) -> (StatusCode, Value) {
        self.send(
            Request::delete(uri)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, token: &str, uri: &str, body: &str) -> (StatusCode, Value) {
        let request = Request::post(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    /// Uploads `content` as multipart field `file` named `file_name`, with an optional `name`.
    pub async fn upload(
        &self,
        token: &str,
        file_name: &str,
        content: &[u8],
        name: Option<&str>,
    ) -> (StatusCode, Value) {
        let boundary = "wasmudf-test-boundary";
        let mut body = Vec::new();
        if let Some(name) = name {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n{name}\r\n").as_bytes(),
            );
        }
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post("/api/v1/datasets")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    pub async fn send(&self, request: Request<Body>) -> (StatusCode, Value) {
        let response = self.app().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        (status, value)
    }

    /// Polls an execution until it leaves queued/compiling/running.
    pub async fn wait(&self, token: &str, id: &str) -> Value {
        for _ in 0..600 {
            let (status, body) = self.get(token, &format!("/api/v1/executions/{id}")).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            if !matches!(body["status"].as_str(), Some("queued" | "compiling" | "running")) {
                return body;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("execution {id} did not finish");
    }
}

pub fn builder(batch_timeout: Duration) -> UdfBuilder {
    UdfBuilder::new(
        wasmudf_test_support::compiler(),
        wasmudf_test_support::limits_with_timeout(batch_timeout),
    )
}

pub const PAPER_REQUEST: &str = r#"{
    "program": "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }",
    "data": "accounts",
    "operation": "MAP",
    "function_name": "calculate_adj_bal",
    "input_column_names": ["balance", "rate"],
    "output_column_type": "FLOAT"
}"#;

/// A value no other run of the tests will produce.
pub fn random_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}
