//! `/api/v1/executions`: MAP, FILTER and SQL runs, their errors, limits, cancellation and restart.

use axum::http::StatusCode;
use wasmudf_server::outcome::{ExecutionError, ExecutionStatus};

use crate::{Fixture, PAPER_REQUEST};

#[tokio::test]
async fn the_papers_map_runs_and_its_results_page_download_and_export() {
    let fixture = Fixture::new();
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap().to_string();
    let done = fixture.wait(&fixture.alice, &id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    assert_eq!(done["progress"]["rows_in"], 1000);
    assert_eq!(done["progress"]["rows_processed"], 1000);
    assert!(done["timings"]["compile_ms"].is_number());

    let (status, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results?limit=2"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["total_rows"], 1000);
    assert_eq!(page["columns"][6]["name"], "calculate_adj_bal_RESULT");
    assert_eq!(page["columns"][6]["type"], "FLOAT");
    assert_eq!(page["rows"][0][6], 5765.22);
    assert_eq!(page["rows"][1][6], 24320.34);

    // Sorted by a column over the whole result, largest first; a second page continues it.
    let sorted = |query: &str| format!("/api/v1/executions/{id}/results?{query}");
    let (status, top) = fixture
        .get(
            &fixture.alice,
            &sorted("order_by=calculate_adj_bal_RESULT&desc=true&limit=3"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{top}");
    let values: Vec<f64> = top["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[6].as_f64().unwrap())
        .collect();
    assert!(values.windows(2).all(|pair| pair[0] >= pair[1]), "{values:?}");
    assert_eq!(values[0], 98468.37, "{values:?}");
    assert_eq!(top["total_rows"], 1000);
    let (_, next) = fixture
        .get(
            &fixture.alice,
            &sorted("order_by=calculate_adj_bal_RESULT&desc=true&offset=3&limit=1"),
        )
        .await;
    assert!(next["rows"][0][6].as_f64().unwrap() <= values[2]);
    let (_, smallest) = fixture.get(&fixture.alice, &sorted("order_by=balance&limit=1")).await;
    assert!(smallest["rows"][0][3].as_i64().unwrap() < 12507, "{smallest}");
    let (status, deep) = fixture
        .get(&fixture.alice, &sorted("order_by=balance&offset=99999&limit=2"))
        .await;
    assert_eq!(
        (status, deep["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_query")),
        "{deep}"
    );
    assert!(
        deep["message"].as_str().unwrap().contains("first 100000 rows"),
        "{deep}"
    );
    let (status, refused) = fixture.get(&fixture.alice, &sorted("order_by=nope")).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unknown_column")),
        "{refused}"
    );

    let (status, csv) = fixture
        .get_bytes(&fixture.alice, &format!("/api/v1/executions/{id}/results.csv"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("id,firstName,lastName,balance,rate,email,calculate_adj_bal_RESULT\n1,Florette,Dumphy,12507,0.46,fdumphy0@mtv.com,5765.22\n"), "{}", &csv[..200]);
    let (status, parquet) = fixture
        .get_bytes(&fixture.alice, &format!("/api/v1/executions/{id}/results.parquet"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(parquet.starts_with(b"PAR1"));
}

#[tokio::test]
async fn a_filter_and_a_sql_execution() {
    let fixture = Fixture::new();
    let filter = r#"{"program": "bool rich(int balance) { return balance > 99000; }", "data": "accounts",
        "operation": "FILTER", "function_name": "rich", "input_column_names": ["balance"], "output_column_type": "BOOLEAN"}"#;
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", filter).await;
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let kept = done["progress"]["rows_processed"].as_i64().unwrap();
    // demo/accounts.csv (the fixture's `accounts`) has exactly 11 of its 1000 balances above 99000.
    assert_eq!(kept, 11, "{done}");

    let sql = r#"{"sql": "CREATE FUNCTION dom(e STRING) RETURNS INT LANGUAGE c AS 'int32_t dom(wasmudf_str e) { return e.len; }'; SELECT count(*) AS n, max(dom(email)) AS longest FROM accounts"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", sql).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(page["rows"][0][0], 1000);
}

#[tokio::test]
async fn a_compile_error_fails_with_diagnostics_at_the_users_line() {
    let fixture = Fixture::new();
    let request = PAPER_REQUEST.replace(
        "{ return (balance * rate) + balance/1000; }",
        "{\\n  return balance * nope;\\n}",
    );
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", &request).await;
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "failed");
    assert_eq!(done["error"]["kind"], "compile_error", "{done}");
    let diagnostic = &done["error"]["diagnostics"][0];
    assert_eq!(
        (diagnostic["line"].as_i64(), diagnostic["column"].as_i64()),
        (Some(2), Some(20)),
        "{done}"
    );
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("undeclared identifier 'nope'")
    );
}

#[tokio::test]
async fn a_trap_fails_with_its_kind_and_row() {
    let fixture = Fixture::new();
    let request = r#"{"program": "int32_t boom(int32_t id) { return 100 / (id - 3); }", "data": "accounts",
        "operation": "MAP", "function_name": "boom", "input_column_names": ["id"], "output_column_type": "INT"}"#;
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", request).await;
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "failed");
    assert_eq!(done["error"]["kind"], "division_by_zero", "{done}");
    assert_eq!(done["error"]["function"], "boom");
    // Counted as the dataset's rows are (GET /datasets/accounts/rows), from 1.
    assert_eq!(done["error"]["table_row"], 3, "{done}");
    assert_eq!(done["error"]["values"], serde_json::json!({"id": "3"}));
    let message = done["error"]["message"].as_str().unwrap();
    assert_eq!(
        message,
        "UDF `boom` failed: integer division by zero at row 3 of the table (id=3), at line 1, column 39 of its source"
    );
    // The line of C, from the module's line table, as a diagnostic the page marks.
    assert_eq!(
        done["error"]["diagnostics"],
        serde_json::json!([{"severity": "error", "line": 1, "column": 39, "message": "integer division by zero"}]),
        "{done}"
    );
}

#[tokio::test]
async fn what_the_function_prints_is_its_executions_log_and_a_failure_shows_the_last_lines() {
    let fixture = Fixture::new();
    let request = r##"{"program": "#include <stdio.h>\nint32_t boom(int32_t id) {\n  if (id < 4) printf(\"id=%d\\n\", id);\n  return 100 / (id - 3);\n}", "data": "accounts",
        "operation": "MAP", "function_name": "boom", "input_column_names": ["id"], "output_column_type": "INT"}"##;
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", request).await;
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["error"]["kind"], "division_by_zero", "{done}");
    assert_eq!(
        done["error"]["log"], "id=1\nid=2\nid=3\ninteger division by zero at line 4, column 14",
        "{done}"
    );
    // The page marks the line in the editor, as it does a compile error's.
    assert_eq!(
        done["error"]["diagnostics"],
        serde_json::json!([{"severity": "error", "line": 4, "column": 14, "message": "integer division by zero"}]),
        "{done}"
    );
    let (status, log) = fixture
        .get_bytes(&fixture.alice, &format!("/api/v1/executions/{id}/log"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        String::from_utf8(log).unwrap(),
        "id=1\nid=2\nid=3\ninteger division by zero at line 4, column 14\n"
    );
    // Another tenant cannot read it.
    let (status, _) = fixture
        .get_bytes(&fixture.bob, &format!("/api/v1/executions/{id}/log"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A row that prints more than 1 KiB is cut, and the cut marked.
    let request = r##"{"program": "#include <stdio.h>\nbool chatty(int32_t id) { for (int i = 0; i < 100; i++) printf(\"row %d line %d\\n\", id, i); return id == 1; }", "data": "accounts",
        "operation": "FILTER", "function_name": "chatty", "input_column_names": ["id"]}"##;
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", request).await;
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, log) = fixture
        .get_bytes(&fixture.alice, &format!("/api/v1/executions/{id}/log"))
        .await;
    let log = String::from_utf8(log).unwrap();
    assert!(log.contains("row 1 line 0\nrow 1 line 1\n"), "{log}");
    assert!(log.contains(" [cut: 1 KiB per row]\nrow 2 line 0\n"), "{log}");
    assert!(
        log.ends_with("[log truncated: 64 KiB per execution]\n"),
        "{}",
        &log[log.len() - 200..]
    );
    assert!(log.len() <= 64 * 1024 + 64, "{}", log.len());
}

#[tokio::test]
async fn swapped_columns_are_refused_before_anything_runs_with_the_order_that_fits() {
    let fixture = Fixture::new();
    let request = PAPER_REQUEST.replace(r#"["balance", "rate"]"#, r#"["rate", "balance"]"#);
    assert_ne!(request, PAPER_REQUEST);
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", &request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "type_mismatch");
    assert_eq!(
        body["message"],
        "column `rate` is DOUBLE but parameter 1 (`int32_t balance`) of `calculate_adj_bal(int32_t balance, float rate)` is INT: \
         a DOUBLE would lose its fraction in `int32_t`; convert it explicitly: CAST(rate AS INT) in SQL, \
             or declare the parameter `double balance`. \
         The columns may be in the wrong order: in the order balance, rate every column fits its parameter"
    );
}

#[tokio::test]
async fn a_date_column_reaches_a_date_parameter_and_comes_back_a_date() {
    let fixture = Fixture::new();
    let (status, _) = fixture
        .upload(&fixture.alice, "due.csv", b"id,due\n1,2024-02-28\n2,1969-12-31\n", None)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let request = r#"{"program": "wasmudf_date next_day(wasmudf_date due) { return due + 1; }", "data": "due",
        "operation": "MAP", "function_name": "next_day", "input_column_names": ["due"], "output_column_type": "DATE"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", request).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(page["columns"][2]["type"], "DATE", "{page}");
    assert_eq!(
        page["rows"],
        serde_json::json!([[1, "2024-02-28", "2024-02-29"], [2, "1969-12-31", "1970-01-01"]])
    );
}

#[tokio::test]
async fn bad_requests_are_4xx_with_a_code() {
    let fixture = Fixture::new();
    let cases = [
        ("{not json", StatusCode::BAD_REQUEST, "malformed_json"),
        (
            &PAPER_REQUEST.replace("\"rate\"]", "\"ratee\"]"),
            StatusCode::BAD_REQUEST,
            "unknown_column",
        ),
        (
            &PAPER_REQUEST.replace("\"rate\"]", "\"email\"]"),
            StatusCode::BAD_REQUEST,
            "type_mismatch",
        ),
        (
            &PAPER_REQUEST.replace("\"accounts\"", "\"nope\""),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            &PAPER_REQUEST.replace("\"MAP\"", "\"REDUCE\""),
            StatusCode::BAD_REQUEST,
            "bad_operation",
        ),
        (
            &PAPER_REQUEST.replace("\"FLOAT\"", "\"MONEY\""),
            StatusCode::BAD_REQUEST,
            "bad_type",
        ),
        (r#"{"data": "accounts"}"#, StatusCode::BAD_REQUEST, "missing_field"),
        (
            r#"{"sql": "SELECT 1", "bogus": 1}"#,
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
    ];
    for (body, expected_status, expected_code) in cases {
        let (status, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", body).await;
        assert_eq!(
            (status, response["code"].as_str()),
            (expected_status, Some(expected_code)),
            "{body} -> {response}"
        );
        assert!(response["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[tokio::test]
async fn interrupted_executions_are_failed_on_restart() {
    let fixture = Fixture::new();
    let alice = fixture.state.store.tenant_for_token(&fixture.alice).unwrap().unwrap();
    fixture.state.store.insert_execution("stale", alice.id, "{}").unwrap();
    fixture
        .state
        .store
        .set_status("stale", ExecutionStatus::Running)
        .unwrap();
    let reopened =
        wasmudf_server::open_state(fixture.data_dir(), fixture.state.builder.clone(), Default::default()).unwrap();
    let record = reopened.store.execution(alice.id, "stale").unwrap().unwrap();
    assert_eq!(record.status, ExecutionStatus::Failed);
    assert_eq!(record.error, Some(ExecutionError::interrupted()));
}

#[tokio::test]
async fn a_running_execution_counts_against_the_limit_and_can_be_cancelled() {
    let limits = wasmudf_server::TenantLimits {
        max_concurrent_executions: 1,
        ..Default::default()
    };
    let fixture = Fixture::with(limits, std::time::Duration::from_secs(30));
    let spin = r#"{"program": "int32_t spin(int32_t id) { volatile int32_t x = id; while (x > 0) { x = x + 0; } return x; }",
        "data": "accounts", "operation": "MAP", "function_name": "spin", "input_column_names": ["id"], "output_column_type": "INT"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", spin).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap().to_string();

    // A second one is refused while the first runs; another tenant is not affected.
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_executions"))
    );
    let (status, _) = fixture
        .post_json(&fixture.bob, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);

    let (status, _) = fixture
        .delete(&fixture.alice, &format!("/api/v1/executions/{id}"))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let done = fixture.wait(&fixture.alice, &id).await;
    assert_eq!(done["status"], "cancelled", "{done}");
    let (status, body) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("no_results"))
    );
    let (status, body) = fixture
        .delete(&fixture.alice, &format!("/api/v1/executions/{id}"))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("not_running"))
    );

    // The slot is free again.
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "succeeded", "{done}");
}

#[tokio::test]
async fn a_result_larger_than_the_tenants_limit_fails_with_a_limit_error() {
    let fixture = Fixture::with_limits(wasmudf_server::TenantLimits {
        max_result_bytes: 1024,
        ..Default::default()
    });
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(
        (done["status"].as_str(), done["error"]["kind"].as_str()),
        (Some("failed"), Some("limit")),
        "{done}"
    );
    assert!(
        done["error"]["message"].as_str().unwrap().contains("larger than"),
        "{done}"
    );
}

/// A result of several row groups, encoded by parallel column writers, reads back whole and in
/// order: pages inside the second and third row group, and the last row.
#[tokio::test]
async fn a_result_of_several_row_groups_reads_back_in_order() {
    let fixture = Fixture::new();
    let sql = r#"{"sql": "SELECT value, concat('n', value) AS name, value % 7 = 0 AS seventh FROM generate_series(1, 2500000) ORDER BY value"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", sql).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap().to_string();
    let done = fixture.wait(&fixture.alice, &id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    for offset in [0u64, 1_048_575, 1_048_576, 2_200_000, 2_499_999] {
        let (status, page) = fixture
            .get(
                &fixture.alice,
                &format!("/api/v1/executions/{id}/results?offset={offset}&limit=2"),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total_rows"], 2_500_000);
        let value = offset + 1;
        assert_eq!(page["rows"][0][0], value, "{page}");
        assert_eq!(page["rows"][0][1], format!("n{value}"), "{page}");
        assert_eq!(page["rows"][0][2], value % 7 == 0, "{page}");
    }
}

/// Charting a column of millions of distinct strings needs more memory than the tenant's limit:
/// refused with what to do instead, and the server goes on serving.
#[tokio::test]
async fn a_histogram_of_too_many_distinct_values_is_refused_within_the_memory_limit() {
    let fixture = Fixture::with_limits(wasmudf_server::TenantLimits {
        max_execution_memory_bytes: 16 << 20,
        ..Default::default()
    });
    let sql = r#"{"sql": "SELECT concat('a fairly long distinct value number ', value) AS label FROM generate_series(1, 2000000)"}"#;
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", sql).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap().to_string();
    let done = fixture.wait(&fixture.alice, &id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (status, refused) = fixture
        .get(
            &fixture.alice,
            &format!("/api/v1/executions/{id}/histogram?column=label"),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert_eq!(
        refused["message"],
        "`label` has too many distinct values to chart within the memory limit; sort by it instead"
    );
    let (status, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results?limit=1"))
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["total_rows"], 2_000_000, "{page}");
}

const WAVG: &str = r"typedef struct { double sum_xw; double sum_w; } wavg_state;\nvoid wavg_step(wavg_state *s, double x, double w) { s->sum_xw += x * w; s->sum_w += w; }\nvoid wavg_merge(wavg_state *s, const wavg_state *o) { s->sum_xw += o->sum_xw; s->sum_w += o->sum_w; }\ndouble wavg_finish(const wavg_state *s) { return s->sum_xw / s->sum_w; }\n";

#[tokio::test]
async fn an_aggregate_runs_grouped_with_its_type_read_off_finish_and_empty_groups_null() {
    let fixture = Fixture::new();
    let csv = b"region,balance,rate\nnorth,100,1\nsouth,10,3\nnorth,300,3\nsouth,20,1\neast,5,\n";
    let (status, _) = fixture.upload(&fixture.alice, "regions.csv", csv, None).await;
    assert_eq!(status, StatusCode::CREATED);
    let request = format!(
        r#"{{"program": "{WAVG}", "data": "regions", "operation": "AGGREGATE", "function_name": "wavg",
            "input_column_names": ["balance", "rate"], "group_by_column_names": ["region"]}}"#
    );
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", &request).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let id = body["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results"))
        .await;
    assert_eq!(page["columns"][1]["name"], "wavg_RESULT", "{page}");
    assert_eq!(page["columns"][1]["type"], "DOUBLE", "{page}");
    // Sorted by the group; `east`'s only row has a NULL rate: no row left, so NULL.
    assert_eq!(
        page["rows"],
        serde_json::json!([["east", null], ["north", 250.0], ["south", 12.5]])
    );

    // Without groups: one row.
    let whole = request.replace(r#", "group_by_column_names": ["region"]"#, "");
    let (_, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", &whole).await;
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(
            &fixture.alice,
            &format!("/api/v1/executions/{}/results", body["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(page["rows"], serde_json::json!([[131.25]]), "{page}");
}

#[tokio::test]
async fn aggregate_requests_are_checked_before_they_run() {
    let fixture = Fixture::new();
    let request = |extra: &str, operation: &str| {
        format!(
            r#"{{"program": "{WAVG}", "data": "accounts", "operation": "{operation}", "function_name": "wavg",
                "input_column_names": ["balance", "rate"]{extra}}}"#
        )
    };
    let cases = [
        (
            request(r#", "group_by_column_names": ["regio"]"#, "AGGREGATE"),
            "unknown_column",
            "dataset `accounts` has no column `regio` to group by",
        ),
        (
            request(
                r#", "group_by_column_names": ["id"], "output_column_type": "DOUBLE""#,
                "MAP",
            ),
            "bad_operation",
            "`group_by_column_names` goes with the AGGREGATE operation",
        ),
        (
            request("", "AGGREGATE").replace(r#"["balance", "rate"]"#, r#"["email", "rate"]"#),
            "type_mismatch",
            "column `email` is STRING but parameter 1 (`double x`)",
        ),
    ];
    for (body, code, message) in cases {
        let (status, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", &body).await;
        assert_eq!(
            (status, response["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some(code)),
            "{response}"
        );
        assert!(response["message"].as_str().unwrap().contains(message), "{response}");
    }
}

#[tokio::test]
async fn a_map_reads_its_result_type_off_the_c_and_refuses_one_that_disagrees_or_a_taken_name() {
    let fixture = Fixture::new();
    let untyped = PAPER_REQUEST.replace(",\n    \"output_column_type\": \"FLOAT\"", "");
    assert!(!untyped.contains("output_column_type"), "{untyped}");
    let (status, body) = fixture.post_json(&fixture.alice, "/api/v1/executions", &untyped).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "succeeded", "{done}");

    let cases = [
        (
            PAPER_REQUEST.replace("\"FLOAT\"", "\"DOUBLE\""),
            "type_mismatch",
            "`calculate_adj_bal` returns `float` (FLOAT) but `output_column_type` is DOUBLE: leave the type out to use the function's own, or change the C return type to `double`",
        ),
        (
            PAPER_REQUEST.replace(
                "\"operation\": \"MAP\",",
                "\"operation\": \"MAP\", \"output_column_name\": \"balance\",",
            ),
            "column_exists",
            "the dataset already has a column `balance`: choose another name for the result column (`output_column_name`)",
        ),
    ];
    for (body, code, message) in cases {
        let (status, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", &body).await;
        assert_eq!(
            (status, response["code"].as_str(), response["message"].as_str()),
            (StatusCode::BAD_REQUEST, Some(code), Some(message)),
            "{response}"
        );
    }
}

#[tokio::test]
async fn sql_errors_say_where_and_in_the_users_words() {
    let fixture = Fixture::new();
    let cases = [
        (
            "SELECT id,\n  balance +* 2 FROM accounts",
            "syntax error at line 2, column 12: Expected: an expression, found: *",
            (2, 12),
        ),
        (
            "SELECT id FROM accounts WHERE",
            "syntax error: Expected: an expression, found: EOF",
            (1, 30),
        ),
    ];
    for (sql, message, (line, column)) in cases {
        let body = serde_json::json!({ "sql": sql }).to_string();
        let (status, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", &body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{response}");
        assert_eq!(response["code"], "sql_syntax_error");
        assert_eq!(response["message"], message, "{response}");
        assert_eq!(response["diagnostics"][0]["line"], line, "{response}");
        assert_eq!(response["diagnostics"][0]["column"], column, "{response}");
    }
    // An unquoted mixed-case column: what to write, not the engine's setting.
    let body = r#"{"sql": "SELECT firstName FROM accounts"}"#;
    let (_, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", body).await;
    let done = fixture.wait(&fixture.alice, response["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "failed", "{done}");
    assert_eq!(
        done["error"]["message"],
        "no column `firstname`; names are case-sensitive and SQL lower-cases unquoted ones: write \"firstName\" in double quotes",
        "{done}"
    );
}

#[tokio::test]
async fn the_history_lists_a_tenants_executions_newest_first_a_page_at_a_time() {
    let fixture = Fixture::new();
    let mut ids = Vec::new();
    for n in 0..3 {
        let body = serde_json::json!({ "sql": format!("-- run {n}\nSELECT {n} AS n") }).to_string();
        let (status, response) = fixture.post_json(&fixture.alice, "/api/v1/executions", &body).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{response}");
        let id = response["id"].as_str().unwrap().to_string();
        fixture.wait(&fixture.alice, &id).await;
        ids.push(id);
    }
    let (status, paper) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let paper_id = paper["id"].as_str().unwrap().to_string();
    fixture.wait(&fixture.alice, &paper_id).await;

    let (status, first) = fixture.get(&fixture.alice, "/api/v1/executions?limit=2").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let listed = first["executions"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["id"], paper_id.as_str());
    assert_eq!(listed[0]["operation"], "MAP");
    assert_eq!(listed[0]["function_name"], "calculate_adj_bal");
    assert_eq!(listed[0]["data"], "accounts");
    assert_eq!(listed[0]["rows_out"], 1000);
    assert_eq!(listed[1]["id"], ids[2].as_str());
    assert_eq!(listed[1]["operation"], "SQL");
    assert_eq!(listed[1]["sql"], "SELECT 2 AS n");
    let next = first["next"].as_str().unwrap();
    let (_, second) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions?limit=2&before={next}"))
        .await;
    let older: Vec<&str> = second["executions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(older, [ids[1].as_str(), ids[0].as_str()]);

    // Another tenant sees none of them, and cannot page from one of them.
    let (_, bobs) = fixture.get(&fixture.bob, "/api/v1/executions").await;
    assert_eq!(bobs["executions"], serde_json::json!([]), "{bobs}");
    let (_, bobs) = fixture
        .get(&fixture.bob, &format!("/api/v1/executions?before={paper_id}"))
        .await;
    assert_eq!(bobs["executions"], serde_json::json!([]), "{bobs}");

    // One execution carries its request, so a page can reopen it with its code.
    let (_, one) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{paper_id}"))
        .await;
    assert_eq!(one["request"]["function_name"], "calculate_adj_bal", "{one}");
    assert!(one["request"]["program"].as_str().unwrap().contains("balance/1000"));
}

/// Uploads `many.csv` (ids 1..=`rows`), runs a C FILTER over it that aborts at id `trap_at` (on
/// line 4 of its source), and returns the finished execution.
async fn trap_at_row(fixture: &Fixture, rows: u32, trap_at: u32) -> serde_json::Value {
    let mut csv = String::from("id,amount\n");
    for id in 1..=rows {
        csv.push_str(&format!("{id},{}\n", id % 7));
    }
    let (status, body) = fixture.upload(&fixture.alice, "many.csv", csv.as_bytes(), None).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let request = serde_json::json!({
        "program": format!("#include <stdlib.h>\nbool pick(int64_t id) {{\n  if (id == {trap_at})\n    abort();\n  return id % 2 == 0;\n}}"),
        "data": "many", "operation": "FILTER", "function_name": "pick", "input_column_names": ["id"],
    });
    let (_, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", &request.to_string())
        .await;
    fixture.wait(&fixture.alice, body["id"].as_str().expect("an id")).await
}

/// A row several batches into the dataset is named by its number in the dataset, the number
/// `GET /datasets/{name}/rows` serves it at, with its line of C.
#[tokio::test]
async fn a_trap_deep_in_a_dataset_names_its_row_in_the_dataset() {
    let fixture = Fixture::new();
    let done = trap_at_row(&fixture, 50_000, 30000).await;
    assert_eq!(done["error"]["kind"], "abort", "{done}");
    assert_eq!(done["error"]["table_row"], 30000, "{done}");
    assert_eq!(done["error"]["values"], serde_json::json!({"id": "30000"}));
    assert_eq!(done["error"]["diagnostics"][0]["line"], 4, "{done}");
    let (_, page) = fixture
        .get(&fixture.alice, "/api/v1/datasets/many/rows?offset=29999&limit=1")
        .await;
    assert_eq!(page["rows"], serde_json::json!([[30000, 30000 % 7]]), "{page}");
}

/// Locating the dataset's row runs the function again; when the execution's time left cannot
/// cover that search (less than two batch timeouts and a second), the failure is reported at
/// once as the batch saw it: the row's values, no dataset row.
#[tokio::test]
async fn a_trap_too_close_to_the_time_limit_is_reported_without_searching_its_row() {
    let fixture = Fixture::with(
        wasmudf_server::TenantLimits {
            max_execution_time: std::time::Duration::from_secs(4),
            ..Default::default()
        },
        std::time::Duration::from_secs(2),
    );
    let done = trap_at_row(&fixture, 5_000, 3000).await;
    assert_eq!(done["error"]["kind"], "abort", "{done}");
    assert!(done["error"]["table_row"].is_null(), "{done}");
    assert_eq!(done["error"]["values"], serde_json::json!({"id": "3000"}), "{done}");
    assert!(
        !done["error"]["message"].as_str().unwrap().contains("of the table"),
        "{done}"
    );
}

/// The histogram covers every row of the result: the bins' counts add up to the rows, the
/// numeric bins span the smallest to the largest value, a text column gives its most frequent
/// values; an unknown column is named.
#[tokio::test]
async fn a_histogram_covers_the_whole_result() {
    let fixture = Fixture::new();
    let (_, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    let id = body["id"].as_str().expect("an id").to_string();
    let done = fixture.wait(&fixture.alice, &id).await;
    assert_eq!(done["status"], "succeeded", "{done}");

    let (status, chart) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/histogram?bins=10"))
        .await;
    assert_eq!(status, StatusCode::OK, "{chart}");
    assert_eq!(chart["column"], "calculate_adj_bal_RESULT");
    assert_eq!(chart["kind"], "numeric");
    assert_eq!(chart["rows"], 1000);
    let bins = chart["bins"].as_array().expect("bins");
    assert_eq!(bins.len(), 10);
    let counted: u64 = bins.iter().map(|bin| bin["count"].as_u64().unwrap()).sum();
    assert_eq!(
        counted + chart["nulls"].as_u64().unwrap() + chart["other"].as_u64().unwrap(),
        1000
    );
    // The bins run from the smallest value to the largest, as the sorted result has them.
    let (_, smallest) = fixture
        .get(
            &fixture.alice,
            &format!("/api/v1/executions/{id}/results?order_by=calculate_adj_bal_RESULT&limit=1"),
        )
        .await;
    let smallest = smallest["rows"][0]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .as_f64()
        .unwrap();
    assert!((bins[0]["low"].as_f64().unwrap() - smallest).abs() < 1e-3, "{chart}");
    assert!(bins[9]["high"].as_f64().unwrap() > bins[0]["low"].as_f64().unwrap());

    let (status, names) = fixture
        .get(
            &fixture.alice,
            &format!("/api/v1/executions/{id}/histogram?column=firstName"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{names}");
    assert_eq!(names["kind"], "categorical");
    let bins = names["bins"].as_array().expect("bins");
    assert_eq!(bins.len(), 12, "{names}");
    assert!(
        bins.windows(2)
            .all(|pair| pair[0]["count"].as_u64() >= pair[1]["count"].as_u64())
    );
    let counted: u64 = bins.iter().map(|bin| bin["count"].as_u64().unwrap()).sum();
    assert_eq!(
        counted + names["other"].as_u64().unwrap() + names["nulls"].as_u64().unwrap(),
        1000
    );

    let (status, refused) = fixture
        .get(
            &fixture.alice,
            &format!("/api/v1/executions/{id}/histogram?column=nope"),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["code"], "unknown_column");
    let (status, refused) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/histogram?bins=0"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["message"], "bins must be 1 to 100, not 0");
    // Another tenant cannot chart it.
    let (status, _) = fixture
        .get(&fixture.bob, &format!("/api/v1/executions/{id}/histogram"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
