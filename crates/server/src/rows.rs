//! Arrow batches as the API's JSON tables: `{"columns":[{"name","type"}],"rows":[[...]]}`.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{
    DataType, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, Schema,
};
use serde::Serialize;
use serde_json::Value;
use wasmudf_datafusion::sql_type_of_column;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ColumnInfo {
    pub name: String,
    /// INT, BIGINT, FLOAT, DOUBLE, BOOLEAN or STRING where the column maps to a UDF type;
    /// the Arrow type's name otherwise.
    #[serde(rename = "type")]
    pub sql_type: String,
}

pub fn columns(schema: &Schema) -> Vec<ColumnInfo> {
    schema
        .fields()
        .iter()
        .map(|field| ColumnInfo {
            name: field.name().clone(),
            sql_type: type_name(field.data_type()),
        })
        .collect()
}

pub fn type_name(data_type: &DataType) -> String {
    match sql_type_of_column(data_type) {
        // A CSV's integers are Int64 and its decimals Float64; name them as SQL does.
        Some(sql_type) => sql_type.to_string(),
        None => data_type.to_string(),
    }
}

/// Rows as JSON arrays. Floats keep their shortest decimal form (a FLOAT 5765.22 is `5765.22`,
/// not its widened double `5765.22021484375`); NULL is `null`.
pub fn json_rows(batches: &[RecordBatch]) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for batch in batches {
        for row in 0..batch.num_rows() {
            rows.push(
                batch
                    .columns()
                    .iter()
                    .map(|column| json_value(column.as_ref(), row))
                    .collect(),
            );
        }
    }
    rows
}

fn json_value(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Int8 => array.as_primitive::<Int8Type>().value(row).into(),
        DataType::Int16 => array.as_primitive::<Int16Type>().value(row).into(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).into(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).into(),
        DataType::Float32 => shortest_float(array.as_primitive::<Float32Type>().value(row).to_string()),
        DataType::Float64 => shortest_float(array.as_primitive::<Float64Type>().value(row).to_string()),
        DataType::Boolean => array.as_boolean().value(row).into(),
        DataType::Utf8 => array.as_string::<i32>().value(row).into(),
        DataType::LargeUtf8 => array.as_string::<i64>().value(row).into(),
        DataType::Utf8View => array.as_string_view().value(row).into(),
        _ => datafusion::arrow::util::display::array_value_to_string(array, row)
            .map(Value::from)
            .unwrap_or(Value::Null),
    }
}

fn shortest_float(text: String) -> Value {
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        // NaN and infinities have no JSON number: send their names.
        .unwrap_or(Value::String(text))
}
