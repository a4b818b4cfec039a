//! The walls around the sandbox, attacked through the API as a tenant would: SQL that reaches
//! for files, size and depth bombs, memory and time bombs, cancellation of SQL-only work, the
//! concurrency race, and the shared data's owner. Each case asserts the exact refusal or error
//! kind, that nothing of the host appears in any answer, and that another tenant is served.
//! `tests/system/test_walls.py` repeats the classes against the release binary over HTTP.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::{Value, json};
use wasmudf_server::TenantLimits;

use crate::{Fixture, PAPER_REQUEST};

/// Nothing of the host or the data directory in an answer.
fn assert_clean(fixture: &Fixture, answer: &Value) {
    let text = answer.to_string();
    assert!(!text.contains("root:x:0:0"), "host file content in {text}");
    let data_dir = fixture.data_dir().display().to_string();
    assert!(
        !text.contains(data_dir.trim_start_matches('/')),
        "data directory in {text}"
    );
}

/// Bob's paper request is served (accepted and succeeded with 5765.22) within `bound`.
async fn bob_is_served(fixture: &Fixture, bound: Duration) -> Duration {
    let started = Instant::now();
    let (status, created) = fixture
        .post_json(&fixture.bob, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let id = created["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.bob, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, page) = fixture
        .get(&fixture.bob, &format!("/api/v1/executions/{id}/results?limit=1"))
        .await;
    let first = page["rows"][0].as_array().unwrap().last().unwrap().as_f64().unwrap();
    assert!((first - 5765.22).abs() < 0.01, "{page}");
    let took = started.elapsed();
    assert!(took < bound, "bob waited {took:?}, more than {bound:?}");
    took
}

async fn sql(fixture: &Fixture, token: &str, sql: &str) -> (StatusCode, Value) {
    fixture
        .post_json(token, "/api/v1/executions", &json!({ "sql": sql }).to_string())
        .await
}

#[tokio::test]
async fn sql_that_reaches_for_files_or_the_session_is_refused_by_kind() {
    let fixture = Fixture::new();
    let target = std::env::temp_dir().join(format!("wasmudf-walls-{}.csv", crate::random_suffix()));
    let other_tenant = fixture.data_dir().join("datasets/1/");
    let cases = [
        (
            "CREATE EXTERNAL TABLE p (line VARCHAR) STORED AS CSV LOCATION '/etc/passwd' OPTIONS ('format.has_header' 'false', 'format.delimiter' '~'); SELECT * FROM p".to_string(),
            "statement 1: CREATE EXTERNAL TABLE is not allowed",
        ),
        (
            format!("CREATE EXTERNAL TABLE p STORED AS CSV LOCATION '{}'; SELECT * FROM p", other_tenant.display()),
            "statement 1: CREATE EXTERNAL TABLE is not allowed",
        ),
        (format!("COPY (SELECT 'x') TO '{}'", target.display()), "statement 1: COPY is not allowed"),
        (
            format!("CREATE UNBOUNDED EXTERNAL TABLE u (x VARCHAR) STORED AS CSV LOCATION '{}'; INSERT INTO u VALUES ('x')", target.display()),
            "statement 1: CREATE UNBOUNDED EXTERNAL TABLE is not allowed",
        ),
        ("SELECT 1; INSERT INTO accounts VALUES (1)".to_string(), "statement 2: INSERT is not allowed"),
        ("SET datafusion.execution.target_partitions = 1".to_string(), "statement 1: SET is not allowed"),
        ("CREATE TABLE t AS SELECT 1".to_string(), "statement 1: CREATE TABLE is not allowed"),
        ("CREATE VIEW v AS SELECT * FROM accounts".to_string(), "statement 1: CREATE VIEW is not allowed"),
        ("DROP TABLE accounts".to_string(), "statement 1: DROP TABLE is not allowed"),
        (
            "CREATE FUNCTION f(x BIGINT) RETURNS BIGINT LANGUAGE wasm AS '/etc/passwd'".to_string(),
            "statement 1: CREATE FUNCTION ... LANGUAGE wasm is not allowed",
        ),
        (format!("EXPLAIN COPY (SELECT 1) TO '{}'", target.display()), "statement 1: EXPLAIN of COPY is not allowed"),
    ];
    for (attack, message) in cases {
        let (status, body) = sql(&fixture, &fixture.alice, &attack).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("statement_not_allowed")),
            "{attack}: {body}"
        );
        assert!(
            body["message"].as_str().unwrap().starts_with(message),
            "{attack}: {body}"
        );
        assert_clean(&fixture, &body);
    }
    assert!(!target.exists(), "a refused COPY wrote {}", target.display());
    // Allowed kinds that name a path still cannot read it: no url tables, no file functions.
    for attack in ["SELECT * FROM '/etc/passwd'", "SELECT * FROM read_csv('/etc/passwd')"] {
        let (status, body) = sql(&fixture, &fixture.alice, attack).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{attack}: {body}");
        let done = fixture.wait(&fixture.alice, body["id"].as_str().unwrap()).await;
        assert_eq!(
            (done["status"].as_str(), done["error"]["kind"].as_str()),
            (Some("failed"), Some("bad_request")),
            "{done}"
        );
        assert_clean(&fixture, &done);
    }
    bob_is_served(&fixture, Duration::from_secs(10)).await;
}

#[tokio::test]
async fn functions_whose_output_bypasses_the_memory_pool_are_not_in_a_tenants_session() {
    let fixture = Fixture::new();
    let x10 = |inner: String| format!("replace({inner}, 'x', 'xxxxxxxxxx')");
    let gigabyte = (0..8).fold("'xxxxxxxxxx'".to_string(), |inner, _| x10(inner));
    for (bomb, function) in [
        (
            "SELECT length(repeat('x', 2147483647)) FROM generate_series(1, 10)".to_string(),
            "repeat",
        ),
        (format!("SELECT length({gigabyte})"), "replace"),
        ("SELECT cardinality(range(0, 3000000000))".to_string(), "range"),
    ] {
        let (status, created) = sql(&fixture, &fixture.alice, &bomb).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{created}");
        let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
        assert_eq!(done["error"]["kind"], "bad_request", "{done}");
        assert!(done["error"]["message"].as_str().unwrap().contains(function), "{done}");
    }
}

#[tokio::test]
async fn another_tenants_private_dataset_is_not_a_table() {
    let fixture = Fixture::new();
    let secret = format!("BOB-SECRET-{}", crate::random_suffix());
    let (status, _) = fixture
        .upload(
            &fixture.bob,
            "private.csv",
            format!("id,note\n1,{secret}\n").as_bytes(),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, created) = sql(&fixture, &fixture.alice, "SELECT * FROM private").await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
    assert_eq!(done["error"]["kind"], "bad_request", "{done}");
    assert!(!done.to_string().contains(&secret));
}

#[tokio::test]
async fn a_crafted_upload_is_refused_without_a_crash_or_a_path() {
    let fixture = Fixture::new();
    // A footer that made the parquet reader panic (an overflow check): no answer at all before.
    let (status, body) = fixture
        .upload(&fixture.alice, "bad.parquet", b"PAR1garbagegarbagePAR1", None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unreadable_dataset")),
        "{body}"
    );
    assert_clean(&fixture, &body);
    // A CSV row that does not parse: named by the user's file name, not the staging file's path.
    let (status, body) = fixture
        .upload(&fixture.alice, "ragged.csv", b"a,b\n1,2\n3,4,5\n", None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unreadable_dataset")),
        "{body}"
    );
    assert_eq!(
        body["message"],
        "ragged.csv is not a CSV file wasmudf can read: line 3 has 3 fields where the header has 2 (a field with a \
         comma must be quoted: \"a, b\")",
        "{body}"
    );
    assert!(
        !body["message"]
            .as_str()
            .unwrap()
            .contains(wasmudf_files::STAGING_PREFIX),
        "{body}"
    );
    assert_clean(&fixture, &body);
    bob_is_served(&fixture, Duration::from_secs(10)).await;
}

#[tokio::test]
async fn a_syntax_error_is_a_400_in_the_parsers_words() {
    let fixture = Fixture::new();
    let (status, body) = sql(&fixture, &fixture.alice, "SELECT (").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("sql_syntax_error")),
        "{body}"
    );
    assert_eq!(body["message"], "syntax error: Expected: an expression, found: EOF");
}

#[tokio::test]
async fn size_and_depth_bombs_are_refused_before_parsing_and_the_server_stays_up() {
    let fixture = Fixture::new();
    let huge = format!("SELECT '{}'", "x".repeat(300 << 10));
    let (status, body) = sql(&fixture, &fixture.alice, &huge).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("sql_too_large")),
        "{body}"
    );
    assert!(
        body["message"].as_str().unwrap().contains("the limit is 262144 bytes"),
        "{body}"
    );

    let body_bomb = json!({ "sql": "x".repeat(3 << 20) }).to_string();
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", &body_bomb)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("body_too_large")),
        "{body}"
    );

    // 3,000 terms overflowed a 2 MiB stack in the planner and aborted the whole server.
    let chain = format!("SELECT {}1", "1+".repeat(3000));
    let (status, body) = sql(&fixture, &fixture.alice, &chain).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("sql_too_deep")),
        "{body}"
    );
    // The longest chain that fits the size cap: refused by the pass over its tokens, before
    // the parser builds a tree that would take a deep recursion to drop.
    let longest = format!("SELECT {}1", "1+".repeat((128 << 10) - 8));
    assert!(longest.len() <= 256 << 10);
    let (status, body) = sql(&fixture, &fixture.alice, &longest).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("sql_too_deep")),
        "{body}"
    );
    // Within the depth limit, the same shape runs.
    let (status, created) = sql(&fixture, &fixture.alice, &format!("SELECT {}1 AS n", "1+".repeat(200))).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    bob_is_served(&fixture, Duration::from_secs(10)).await;
}

#[tokio::test]
async fn a_memory_bomb_in_sql_fails_with_a_limit_error() {
    let fixture = Fixture::with_limits(TenantLimits {
        max_execution_memory_bytes: 32 << 20,
        ..TenantLimits::default()
    });
    let bomb = "SELECT array_length(array_agg(value)) FROM generate_series(1, 20000000)";
    let (status, created) = sql(&fixture, &fixture.alice, bomb).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
    assert_eq!(
        (done["status"].as_str(), done["error"]["kind"].as_str()),
        (Some("failed"), Some("limit")),
        "{done}"
    );
    assert_eq!(
        done["error"]["message"],
        "the execution needed more memory than its limit of 32 MiB"
    );
    bob_is_served(&fixture, Duration::from_secs(10)).await;
}

/// A pure-SQL query that would run for hours.
const ENDLESS: &str =
    "SELECT count(*) FROM generate_series(1, 200000) a, generate_series(1, 200000) b WHERE a.value + b.value = 7";

#[tokio::test]
async fn an_execution_ends_at_its_wall_clock_limit() {
    let fixture = Fixture::with_limits(TenantLimits {
        max_execution_time: Duration::from_secs(1),
        max_concurrent_executions: 1,
        ..TenantLimits::default()
    });
    let started = Instant::now();
    let (status, created) = sql(&fixture, &fixture.alice, ENDLESS).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
    assert_eq!(
        (done["status"].as_str(), done["error"]["kind"].as_str()),
        (Some("failed"), Some("limit")),
        "{done}"
    );
    assert_eq!(
        done["error"]["message"],
        "the execution ran longer than its time limit of 1 s"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    // Its slot (the only one) is free again.
    let (status, created) = sql(&fixture, &fixture.alice, "SELECT 1").await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
}

#[tokio::test]
async fn cancelling_a_spinning_guest_records_cancelled_and_frees_the_slot() {
    let fixture = Fixture::with(
        TenantLimits {
            max_concurrent_executions: 1,
            ..TenantLimits::default()
        },
        Duration::from_secs(30),
    );
    let spin = "CREATE FUNCTION spin(x BIGINT) RETURNS BIGINT LANGUAGE c AS $$
        int64_t spin(int64_t x) { volatile int64_t s = 0; for (;;) { s += x; } return s; }
    $$; SELECT spin(balance) FROM accounts";
    let (status, created) = sql(&fixture, &fixture.alice, spin).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let id = created["id"].as_str().unwrap();
    for _ in 0..200 {
        let (_, now) = fixture.get(&fixture.alice, &format!("/api/v1/executions/{id}")).await;
        if now["status"] == "running" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let asked = Instant::now();
    let (status, _) = fixture
        .delete(&fixture.alice, &format!("/api/v1/executions/{id}"))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(
        (done["status"].as_str(), done["error"]["kind"].as_str()),
        (Some("cancelled"), Some("cancelled")),
        "{done}"
    );
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "stopped after {:?}",
        asked.elapsed()
    );
    let (status, created) = sql(&fixture, &fixture.alice, "SELECT 1").await;
    assert_eq!(status, StatusCode::ACCEPTED, "the slot was not freed: {created}");
}

#[tokio::test]
async fn explain_shows_no_file_of_the_server() {
    let fixture = Fixture::new();
    let (status, created) = sql(
        &fixture,
        &fixture.alice,
        "EXPLAIN SELECT * FROM accounts WHERE balance > 10",
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let id = created["id"].as_str().unwrap();
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    let (_, csv) = fixture
        .get_bytes(&fixture.alice, &format!("/api/v1/executions/{id}/results.csv"))
        .await;
    let plan = String::from_utf8(csv).unwrap();
    assert!(plan.contains("TableScan: accounts"), "{plan}");
    let data_dir = fixture.data_dir().display().to_string();
    assert!(!plan.contains(data_dir.trim_start_matches('/')), "{plan}");
    assert!(!plan.contains("accounts.csv"), "{plan}");
    for physical in [
        "EXPLAIN ANALYZE SELECT * FROM accounts",
        "EXPLAIN VERBOSE SELECT * FROM accounts",
    ] {
        let (status, body) = sql(&fixture, &fixture.alice, physical).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("statement_not_allowed")),
            "{body}"
        );
    }
}

#[test]
fn an_old_data_directory_hands_the_shared_data_to_the_operator() {
    use wasmudf_server::store::DatasetRecord;
    let dir = tempfile::tempdir().unwrap();
    let state = wasmudf_server::open_state(
        dir.path(),
        crate::builder(Duration::from_millis(500)),
        TenantLimits::default(),
    )
    .unwrap();
    // As earlier versions left it: the demo tenant owns the shared table, its token in clear.
    let token = wasmudf_server::create_tenant(&state.store, "demo").unwrap();
    let demo = state.store.tenant_by_name("demo").unwrap().unwrap();
    std::fs::create_dir_all(state.datasets_dir(demo.id)).unwrap();
    std::fs::write(state.datasets_dir(demo.id).join("accounts.csv"), crate::ACCOUNTS).unwrap();
    let record = DatasetRecord {
        name: "accounts".into(),
        owner: demo.id,
        file: "accounts.csv".into(),
        shared: true,
        bytes: crate::ACCOUNTS.len() as i64,
    };
    state.store.insert_dataset(demo.id, &record).unwrap();
    std::fs::write(dir.path().join("demo-token"), &token).unwrap();

    assert_eq!(
        wasmudf_server::ensure_demo(&state, crate::ACCOUNTS, 0).unwrap(),
        None,
        "no new token"
    );
    assert!(!dir.path().join("demo-token").exists());
    let operator = state.store.tenant_by_name("@operator").unwrap().unwrap();
    let accounts = state.store.readable_dataset(demo.id, "accounts").unwrap().unwrap();
    assert_eq!((accounts.owner, accounts.shared), (operator.id, true));
    assert!(state.dataset_path(operator.id, "accounts.csv").exists());
    assert!(!state.dataset_path(demo.id, "accounts.csv").exists());
    assert!(state.store.delete_dataset(demo.id, "accounts").unwrap().is_none());
    // A second start changes nothing.
    assert_eq!(wasmudf_server::ensure_demo(&state, crate::ACCOUNTS, 0).unwrap(), None);
    assert_eq!(state.store.list_datasets(demo.id).unwrap().len(), 1);
}

#[tokio::test]
async fn cancelling_sql_only_work_stops_it_within_a_second() {
    let fixture = Fixture::new();
    let (_, created) = sql(&fixture, &fixture.alice, ENDLESS).await;
    let id = created["id"].as_str().unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let asked = Instant::now();
    let (status, _) = fixture
        .delete(&fixture.alice, &format!("/api/v1/executions/{id}"))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let done = fixture.wait(&fixture.alice, id).await;
    assert_eq!(done["status"], "cancelled", "{done}");
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "stopped after {:?}",
        asked.elapsed()
    );
}

#[tokio::test]
async fn simultaneous_requests_cannot_exceed_the_concurrency_limit() {
    let fixture = Fixture::with_limits(TenantLimits {
        max_concurrent_executions: 2,
        max_execution_time: Duration::from_secs(3),
        ..TenantLimits::default()
    });
    let attempts = (0..10).map(|_| sql(&fixture, &fixture.alice, ENDLESS));
    let answers = futures::future::join_all(attempts).await;
    let accepted = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::ACCEPTED)
        .count();
    let refused: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::TOO_MANY_REQUESTS)
        .map(|(_, body)| body["code"].as_str().unwrap())
        .collect();
    assert_eq!((accepted, refused), (2, vec!["too_many_executions"; 8]));
}

#[tokio::test]
async fn the_servers_own_limit_holds_across_tenants_and_says_when_to_retry() {
    let fixture = Fixture::with_limits(TenantLimits {
        max_server_executions: 1,
        ..TenantLimits::default()
    });
    let (status, created) = sql(&fixture, &fixture.alice, ENDLESS).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let request = axum::http::Request::post("/api/v1/executions")
        .header("authorization", format!("Bearer {}", fixture.bob))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(json!({"sql": "SELECT 1"}).to_string()))
        .unwrap();
    let response = tower::ServiceExt::oneshot(fixture.app(), request).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "5");
    let id = created["id"].as_str().unwrap();
    fixture
        .delete(&fixture.alice, &format!("/api/v1/executions/{id}"))
        .await;
    fixture.wait(&fixture.alice, id).await;
    // The server's slot is free once the cancelled work's threads have stopped.
    let started = Instant::now();
    loop {
        let (status, body) = sql(&fixture, &fixture.bob, "SELECT 1").await;
        if status == StatusCode::ACCEPTED {
            break;
        }
        assert_eq!(body["code"], "server_busy", "{body}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server's slot stayed taken"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_demo_tenant_cannot_delete_the_shared_data() {
    let fixture = Fixture::new();
    let demo = wasmudf_server::add_token(&fixture.state.store, "demo").unwrap();
    let (status, body) = fixture.delete(&demo, "/api/v1/datasets/accounts").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found")),
        "{body}"
    );
    let (status, _) = fixture
        .get(&fixture.bob, "/api/v1/datasets/accounts/rows?limit=1")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(wasmudf_server::add_token(&fixture.state.store, "@operator").is_err());
}

#[tokio::test]
async fn guest_strings_cannot_make_the_host_copy_more_than_the_guest_holds() {
    // Every row returns the same 8 MiB: 100 rows would be 800 MiB of host memory; the cap is
    // the guest's own memory limit (64 MiB here).
    let fixture = Fixture::new();
    let attack = "CREATE FUNCTION big(x BIGINT) RETURNS STRING LANGUAGE c AS $$
        static char buffer[8 << 20];
        wasmudf_str big(long long x) { buffer[x & 1023] = 'a'; return wasmudf_str_from(buffer, sizeof buffer); }
    $$; SELECT length(big(value)) FROM generate_series(1, 100)";
    let (status, created) = sql(&fixture, &fixture.alice, attack).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let done = fixture.wait(&fixture.alice, created["id"].as_str().unwrap()).await;
    assert_eq!(done["error"]["kind"], "memory_limit", "{done}");
    assert!(
        done["error"]["message"]
            .as_str()
            .unwrap()
            .contains("returned more than 64 MiB of strings for one batch"),
        "{done}"
    );
}
