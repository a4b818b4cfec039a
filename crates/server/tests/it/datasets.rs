//! `/api/v1/datasets`: the shared demo table, schemas and rows, uploads and their limits.

use axum::http::StatusCode;

use crate::{ACCOUNTS, Fixture};

#[tokio::test]
async fn every_tenant_sees_the_shared_demo_accounts() {
    let fixture = Fixture::new();
    let (status, body) = fixture.get(&fixture.alice, "/api/v1/datasets").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["datasets"][0]["name"], "accounts");
    assert_eq!(body["datasets"][0]["shared"], true);
    assert_eq!(body["datasets"][0]["owned"], false);
    assert_eq!(body["datasets"][0]["format"], "csv");
}

#[tokio::test]
async fn schema_and_rows_of_a_dataset() {
    let fixture = Fixture::new();
    let (status, body) = fixture.get(&fixture.alice, "/api/v1/datasets/accounts/schema").await;
    assert_eq!(status, StatusCode::OK);
    let columns: Vec<(String, String)> = body["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(columns[1], ("firstName".to_string(), "STRING".to_string()));
    assert_eq!(columns[3], ("balance".to_string(), "BIGINT".to_string()));
    assert_eq!(columns[4], ("rate".to_string(), "DOUBLE".to_string()));

    let (status, body) = fixture
        .get(&fixture.alice, "/api/v1/datasets/accounts/rows?offset=1&limit=2")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total_rows"], 1000);
    assert_eq!(body["rows"].as_array().unwrap().len(), 2);
    assert_eq!(body["rows"][0][1], "Stacy");
    assert_eq!(body["rows"][0][4], 0.41);
}

#[tokio::test]
async fn an_upload_becomes_a_private_dataset() {
    let fixture = Fixture::new();
    let (status, body) = fixture
        .upload(&fixture.alice, "people.csv", b"id,name\n1,Ada\n2,\n", None)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["name"], "people");
    assert_eq!(body["rows"], 2);
    let (_, rows) = fixture.get(&fixture.alice, "/api/v1/datasets/people/rows").await;
    assert_eq!(rows["rows"][1], serde_json::json!([2, null]));
    let (status, body) = fixture.upload(&fixture.alice, "people.csv", b"id\n1\n", None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("dataset_exists"))
    );
    let (status, _) = fixture.delete(&fixture.alice, "/api/v1/datasets/people").await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = fixture.get(&fixture.alice, "/api/v1/datasets/people/schema").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn uploads_in_other_formats_and_names() {
    let fixture = Fixture::new();
    let (status, body) = fixture
        .upload(&fixture.alice, "e.ndjson", b"{\"a\": 1}\n{\"a\": 2}\n", Some("events"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["name"], "events");
    let (status, body) = fixture.upload(&fixture.alice, "notes.txt", b"hello", None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unsupported_format"))
    );
    let (status, body) = fixture.upload(&fixture.alice, "x.csv", ACCOUNTS, Some("../etc")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_name")),
        "{body}"
    );
}

#[tokio::test]
async fn a_csv_that_does_not_parse_is_refused_and_leaves_nothing() {
    let fixture = Fixture::new();
    let (status, body) = fixture
        .upload(&fixture.alice, "bad.csv", b"a,b\n1,2\n3,4,5\n", None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unreadable_dataset")),
        "{body}"
    );
    let message = body["message"].as_str().unwrap();
    assert!(message.contains("line") || message.contains("record"), "{message}");
    assert!(
        !message.contains(&fixture.data_dir().display().to_string()),
        "{message}"
    );
    let (_, list) = fixture.get(&fixture.alice, "/api/v1/datasets").await;
    assert_eq!(list["datasets"].as_array().unwrap().len(), 1, "{list}");
    let alice = fixture.state.store.tenant_for_token(&fixture.alice).unwrap().unwrap();
    let leftovers = std::fs::read_dir(fixture.state.datasets_dir(alice.id)).unwrap().count();
    assert_eq!(leftovers, 0);
}

#[tokio::test]
async fn an_oversized_upload_is_413() {
    let fixture = Fixture::with_limits(wasmudf_server::TenantLimits {
        max_upload_bytes: 1000,
        ..Default::default()
    });
    let (status, body) = fixture.upload(&fixture.alice, "big.csv", ACCOUNTS, None).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["code"], "upload_too_large");
}
