//! MAP and FILTER executions planned with `plan_execution`: type inference, column choice, results.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Float32Type};
use wasmudf_abi::SqlType;
use wasmudf_compiler::Language;
use wasmudf_datafusion::{ExecutionRequest, Operation, WasmUdfError, default_output_column, plan_execution};

use crate::{builder, session_with_accounts};

const PAPER: &str = "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }";

fn request(
    source: &str,
    function: &str,
    columns: &[(&str, Option<SqlType>)],
    returns: SqlType,
    operation: Operation,
) -> ExecutionRequest {
    ExecutionRequest {
        language: Language::C,
        source: source.as_bytes().to_vec(),
        function_name: function.to_string(),
        input_columns: columns
            .iter()
            .map(|(name, sql_type)| (name.to_string(), *sql_type))
            .collect(),
        returns,
        operation,
    }
}

async fn run(request: &ExecutionRequest) -> Result<Vec<RecordBatch>, WasmUdfError> {
    let context = session_with_accounts().await;
    let table = context.table("accounts").await.unwrap();
    let planned = plan_execution(&builder(), table, request)?;
    Ok(planned.frame.collect().await.unwrap())
}

#[tokio::test]
async fn the_papers_map_infers_int_and_float_from_the_c_definition() {
    let map = Operation::Map {
        output_column: default_output_column("calculate_adj_bal"),
    };
    let request = request(
        PAPER,
        "calculate_adj_bal",
        &[("balance", None), ("rate", None)],
        SqlType::Float,
        map,
    );
    let context = session_with_accounts().await;
    let planned = plan_execution(&builder(), context.table("accounts").await.unwrap(), &request).unwrap();
    assert_eq!(
        planned.signature.to_string(),
        "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
    );
    let batches = planned.frame.collect().await.unwrap();
    let first = &batches[0];
    let schema = first.schema();
    let result = first.column_by_name("calculate_adj_bal_RESULT").unwrap();
    assert_eq!(
        schema.field_with_name("calculate_adj_bal_RESULT").unwrap().data_type(),
        &DataType::Float32
    );
    assert_eq!(result.as_primitive::<Float32Type>().value(0), 5765.22);
    assert_eq!(schema.fields().len(), 7);
}

#[tokio::test]
async fn a_filter_keeps_only_true_rows() {
    let source = "bool rich(int balance) { return balance > 95000; }";
    let batches = run(&request(
        source,
        "rich",
        &[("balance", None)],
        SqlType::Boolean,
        Operation::Filter,
    ))
    .await
    .unwrap();
    let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
    let expected = std::fs::read_to_string(crate::demo_accounts())
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("id,"))
        .filter(|line| line.split(',').nth(3).unwrap().parse::<i64>().unwrap() > 95000)
        .count();
    assert!(expected > 0);
    assert_eq!(rows, expected);
    assert_eq!(batches[0].num_columns(), 6);
}

#[tokio::test]
async fn explicit_types_override_the_c_definition() {
    // The definition says int64_t, so an explicit INT contradicts it: a compile error.
    let source = "int64_t wide(int64_t b) { return b * 2; }";
    let columns = [("balance", Some(SqlType::Int))];
    let map = Operation::Map {
        output_column: "w".into(),
    };
    let error = run(&request(source, "wide", &columns, SqlType::BigInt, map.clone()))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("conflicting types for 'wide'"), "{error}");
    let columns = [("balance", Some(SqlType::BigInt))];
    let batches = run(&request(source, "wide", &columns, SqlType::BigInt, map))
        .await
        .unwrap();
    assert_eq!(batches[0].column_by_name("w").unwrap().data_type(), &DataType::Int64);
}

#[tokio::test]
async fn an_unknown_column_lists_the_available_ones() {
    let map = Operation::Map {
        output_column: "x".into(),
    };
    let error = run(&request(
        PAPER,
        "calculate_adj_bal",
        &[("balance", None), ("ratee", None)],
        SqlType::Float,
        map,
    ))
    .await
    .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("unknown column `ratee`"), "{message}");
    assert!(message.contains("rate (Float64)"), "{message}");
}

#[tokio::test]
async fn choosing_too_few_columns_is_explained() {
    let map = Operation::Map {
        output_column: "x".into(),
    };
    let error = run(&request(
        PAPER,
        "calculate_adj_bal",
        &[("balance", None)],
        SqlType::Float,
        map,
    ))
    .await
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`calculate_adj_bal` takes 2 parameter(s) but 1 column(s) were chosen"
    );
}

#[tokio::test]
async fn column_names_are_case_sensitive_and_need_no_quoting() {
    let source = "int32_t first_len(wasmudf_str s) { return s.len; }";
    let map = Operation::Map {
        output_column: "n".into(),
    };
    let batches = run(&request(source, "first_len", &[("firstName", None)], SqlType::Int, map))
        .await
        .unwrap();
    let lengths = batches[0].column_by_name("n").unwrap();
    assert_eq!(lengths.len(), batches[0].num_rows());
    assert_eq!(
        lengths
            .as_primitive::<datafusion::arrow::datatypes::Int32Type>()
            .value(0),
        "Florette".len() as i32
    );
}
