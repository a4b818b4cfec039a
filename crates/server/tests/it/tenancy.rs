//! Tenant isolation: tokens, and no tenant seeing another's datasets or executions.

use axum::http::StatusCode;

use crate::{Fixture, PAPER_REQUEST};

#[tokio::test]
async fn requests_without_a_valid_token_are_401() {
    let fixture = Fixture::new();
    let request = axum::http::Request::get("/api/v1/datasets")
        .body(axum::body::Body::empty())
        .unwrap();
    let (status, body) = fixture.send(request).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    let (status, _) = fixture.get("wu_not_a_token", "/api/v1/datasets").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(fixture.state.store.revoke_token(&fixture.bob).unwrap());
    let (status, body) = fixture.get(&fixture.bob, "/api/v1/datasets").await;
    assert_eq!(
        (status, body["message"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unknown or revoked token"))
    );
}

#[tokio::test]
async fn a_tenant_never_sees_another_tenants_datasets() {
    let fixture = Fixture::new();
    let (status, _) = fixture.upload(&fixture.alice, "secret.csv", b"x\n42\n", None).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, list) = fixture.get(&fixture.bob, "/api/v1/datasets").await;
    assert!(
        list["datasets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["name"] != "secret"),
        "{list}"
    );
    for uri in ["/api/v1/datasets/secret/schema", "/api/v1/datasets/secret/rows"] {
        let (status, _) = fixture.get(&fixture.bob, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
    let (status, _) = fixture.delete(&fixture.bob, "/api/v1/datasets/secret").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let request = PAPER_REQUEST.replace("\"accounts\"", "\"secret\"");
    let (status, _) = fixture.post_json(&fixture.bob, "/api/v1/executions", &request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, sql) = fixture
        .post_json(&fixture.bob, "/api/v1/executions", r#"{"sql": "SELECT * FROM secret"}"#)
        .await;
    let done = fixture.wait(&fixture.bob, sql["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "failed", "{done}");
    // Alice's data is intact.
    let (_, rows) = fixture.get(&fixture.alice, "/api/v1/datasets/secret/rows").await;
    assert_eq!(rows["rows"][0][0], 42);
}

#[tokio::test]
async fn shared_datasets_are_read_only_for_others() {
    let fixture = Fixture::new();
    let (status, _) = fixture.delete(&fixture.alice, "/api/v1/datasets/accounts").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, rows) = fixture
        .get(&fixture.bob, "/api/v1/datasets/accounts/rows?limit=1")
        .await;
    assert_eq!(rows["total_rows"], 1000);
}

#[tokio::test]
async fn a_tenant_never_sees_another_tenants_executions() {
    let fixture = Fixture::new();
    let (_, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    let id = body["id"].as_str().unwrap().to_string();
    fixture.wait(&fixture.alice, &id).await;
    for suffix in ["", "/results", "/results.csv", "/results.parquet"] {
        let (status, body) = fixture
            .get(&fixture.bob, &format!("/api/v1/executions/{id}{suffix}"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{suffix}: {body}");
    }
    let (status, _) = fixture.delete(&fixture.bob, &format!("/api/v1/executions/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(status, StatusCode::OK);
}
