//! `/api/v1/functions`: saving, versions, compile errors, privacy and the compile budget.

use axum::http::StatusCode;

use crate::Fixture;

const ADJ: &str = r#"{"name": "calculate_adj_bal", "returns": "FLOAT",
    "source": "float calculate_adj_bal(int balance, float rate) {\n  return (balance * rate) + balance/1000;\n}\n"}"#;

#[tokio::test]
async fn a_saved_function_is_versioned_listed_and_called_from_sql() {
    let fixture = Fixture::new();
    let (status, saved) = fixture.post_json(&fixture.alice, "/api/v1/functions", ADJ).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    assert_eq!(saved["version"], 1);
    assert_eq!(
        saved["signature"],
        "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
    );
    assert_eq!(saved["digest"].as_str().unwrap().len(), 64);
    let (status, second) = fixture.post_json(&fixture.alice, "/api/v1/functions", ADJ).await;
    assert_eq!((status, second["version"].as_i64()), (StatusCode::CREATED, Some(2)));

    let (_, list) = fixture.get(&fixture.alice, "/api/v1/functions").await;
    assert_eq!(list["functions"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list["functions"][0]["version"], 2);
    let (status, one) = fixture.get(&fixture.alice, "/api/v1/functions/calculate_adj_bal").await;
    assert_eq!(status, StatusCode::OK);
    assert!(one["source"].as_str().unwrap().contains("balance/1000"));
    let (_, versions) = fixture
        .get(&fixture.alice, "/api/v1/functions/calculate_adj_bal/versions")
        .await;
    let numbers: Vec<i64> = versions["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["version"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1]);

    let sql = r#"{"sql": "SELECT calculate_adj_bal(balance, rate) AS adj FROM accounts ORDER BY id LIMIT 2"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", sql).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(page["rows"][0][0], 5765.22, "{page}");

    let (status, _) = fixture
        .delete(&fixture.alice, "/api/v1/functions/calculate_adj_bal")
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = fixture.get(&fixture.alice, "/api/v1/functions/calculate_adj_bal").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_function_that_does_not_compile_is_refused_with_its_line_and_not_saved() {
    let fixture = Fixture::new();
    let body = r#"{"name": "broken", "returns": "INT",
        "source": "int broken(int x) {\n  int y = x * 2;\n  return y +;\n}\n"}"#;
    let (status, error) = fixture.post_json(&fixture.alice, "/api/v1/functions", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["code"], "compile_error");
    let first = &error["diagnostics"][0];
    assert_eq!(
        (first["severity"].as_str(), first["line"].as_i64()),
        (Some("error"), Some(3)),
        "{error}"
    );
    let (_, list) = fixture.get(&fixture.alice, "/api/v1/functions").await;
    assert_eq!(list["functions"], serde_json::json!([]));

    let (status, error) = fixture
        .post_json(
            &fixture.alice,
            "/api/v1/functions",
            r#"{"name": "f", "source": "int g(int x) { return x; }"}"#,
        )
        .await;
    assert_eq!(
        (status, error["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_signature"))
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("does not define a function named `f`"),
        "{error}"
    );
}

#[tokio::test]
async fn functions_are_private_to_their_tenant() {
    let fixture = Fixture::new();
    let (status, _) = fixture.post_json(&fixture.alice, "/api/v1/functions", ADJ).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, list) = fixture.get(&fixture.bob, "/api/v1/functions").await;
    assert_eq!(list["functions"], serde_json::json!([]));
    for uri in [
        "/api/v1/functions/calculate_adj_bal",
        "/api/v1/functions/calculate_adj_bal/versions",
    ] {
        let (status, body) = fixture.get(&fixture.bob, uri).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found")),
            "{uri}"
        );
    }
    let (status, _) = fixture
        .delete(&fixture.bob, "/api/v1/functions/calculate_adj_bal")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Bob's SQL cannot call Alice's function.
    let sql = r#"{"sql": "SELECT calculate_adj_bal(balance, rate) FROM accounts"}"#;
    let (_, body) = fixture.post_json(&fixture.bob, "/api/v1/executions", sql).await;
    let done = fixture.wait(&fixture.bob, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "failed");
    assert!(
        done["error"]["message"].as_str().unwrap().contains("calculate_adj_bal"),
        "{done}"
    );
    let (_, list) = fixture.get(&fixture.alice, "/api/v1/functions").await;
    assert_eq!(list["functions"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_saved_functions_module_is_served_with_its_digest_to_its_tenant_only() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use sha2::Digest;
    use tower::ServiceExt;

    let fixture = Fixture::new();
    let (status, saved) = fixture.post_json(&fixture.alice, "/api/v1/functions", ADJ).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let request = Request::get("/api/v1/functions/calculate_adj_bal/module")
        .header("authorization", format!("Bearer {}", fixture.alice))
        .body(Body::empty())
        .unwrap();
    let response = fixture.app().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let module = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    let digest = hex::encode(sha2::Sha256::digest(&module));
    assert_eq!(headers["content-type"], "application/wasm");
    assert_eq!(headers["x-wasmudf-digest"].to_str().unwrap(), digest);
    assert_eq!(saved["digest"].as_str().unwrap(), digest);
    assert_eq!(headers["etag"].to_str().unwrap(), format!("\"{digest}\""));
    let signature = "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT";
    assert_eq!(headers["x-wasmudf-signature"].to_str().unwrap(), signature);
    // The module carries its signature, as `wasmudf compile -o` writes it.
    let report = wasmudf_abi::validate_module(&module, &wasmudf_abi::ModuleLimits::default(), None).unwrap();
    assert_eq!(report.embedded_signature.as_deref(), Some(signature));

    for (token, uri) in [
        (&fixture.bob, "/api/v1/functions/calculate_adj_bal/module"),
        (&fixture.alice, "/api/v1/functions/nothing_here/module"),
    ] {
        let (status, body) = fixture.get(token, uri).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found")),
            "{uri}"
        );
        assert_eq!(
            body["message"].as_str().unwrap().contains("calculate_adj_bal"),
            uri.contains("calculate_adj_bal")
        );
    }
}

#[tokio::test]
async fn compiles_past_the_tenants_budget_get_429_with_retry_after() {
    let fixture = Fixture::with_limits(wasmudf_server::TenantLimits {
        max_compiles_per_minute: 2,
        ..Default::default()
    });
    for _ in 0..2 {
        let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/functions", ADJ).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let request = axum::http::Request::post("/api/v1/functions")
        .header("authorization", format!("Bearer {}", fixture.alice))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(ADJ))
        .unwrap();
    let response = tower::ServiceExt::oneshot(fixture.app(), request).await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", crate::PAPER_REQUEST)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_compiles"))
    );
    // Every spelling of CREATE FUNCTION in SQL is a compile.
    let temporary = r#"{"sql": "CREATE TEMPORARY FUNCTION t(x BIGINT) RETURNS BIGINT LANGUAGE c AS 'int64_t t(int64_t x) { return x; }'; SELECT 1"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", temporary).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_compiles"))
    );
    // Another tenant's budget is its own.
    let (status, _) = fixture.post_json(&fixture.bob, "/api/v1/functions", ADJ).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_saved_aggregate_is_recognized_and_runs_grouped_from_sql() {
    let fixture = Fixture::new();
    let body = r#"{"name": "wavg", "source": "typedef struct { double sum_xw; double sum_w; } wavg_state;\nvoid wavg_step(wavg_state *s, double x, double w) { s->sum_xw += x * w; s->sum_w += w; }\nvoid wavg_merge(wavg_state *s, const wavg_state *o) { s->sum_xw += o->sum_xw; s->sum_w += o->sum_w; }\ndouble wavg_finish(const wavg_state *s) { return s->sum_xw / s->sum_w; }\n"}"#;
    let (status, saved) = fixture.post_json(&fixture.alice, "/api/v1/functions", body).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    assert_eq!(saved["signature"], "AGGREGATE wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE");

    let sql = r#"{"sql": "SELECT id % 2 AS odd, round(wavg(balance, rate) - sum(balance * rate) / sum(rate), 6) AS diff FROM accounts GROUP BY id % 2 ORDER BY odd"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", sql).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(page["rows"], serde_json::json!([[0, 0.0], [1, 0.0]]), "{page}");
}
