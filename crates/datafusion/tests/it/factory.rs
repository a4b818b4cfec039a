//! `CREATE FUNCTION` through the session's function factory: names, module paths, per-session scope.

use datafusion::arrow::array::AsArray;
use datafusion::arrow::datatypes::Int32Type;

use crate::session_with_accounts;

#[tokio::test]
async fn mixed_case_names_can_be_called_quoted_or_not() {
    let context = session_with_accounts().await;
    context
        .sql("CREATE FUNCTION calcAdj(b INT) RETURNS INT LANGUAGE c AS 'int32_t calcAdj(int32_t b) { return b + 1; }'")
        .await
        .unwrap();
    for query in ["SELECT \"calcAdj\"(41)", "SELECT calcAdj(41)", "SELECT CALCADJ(41)"] {
        let batches = context.sql(query).await.unwrap().collect().await.unwrap();
        assert_eq!(batches[0].column(0).as_primitive::<Int32Type>().value(0), 42, "{query}");
    }
}

#[tokio::test]
async fn module_paths_are_refused_unless_allowed() {
    let context = session_with_accounts().await;
    let error = context
        .sql("CREATE FUNCTION f(a INT) RETURNS INT LANGUAGE wasm AS '/etc/passwd'")
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("LANGUAGE wasm with a file path is disabled here"),
        "{error}"
    );
}

#[tokio::test]
async fn functions_are_per_session() {
    let first = session_with_accounts().await;
    first
        .sql("CREATE FUNCTION only_here(a INT) RETURNS INT LANGUAGE c AS 'int32_t only_here(int32_t a) { return a; }'")
        .await
        .unwrap();
    let second = session_with_accounts().await;
    let error = second.sql("SELECT only_here(1)").await.unwrap_err();
    assert!(error.to_string().contains("only_here"), "{error}");
}
