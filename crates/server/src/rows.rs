//! Arrow batches as the API's JSON tables: `{"columns":[{"name","type"}],"rows":[[...]]}`.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{
    DataType, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, Schema,
};
use serde::Serialize;
use serde_json::Value;
use wasmudf_abi::SqlType;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ColumnInfo {
    pub name: String,
    /// INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, DECIMAL(p, s) or BINARY where
    /// the column maps to a UDF type; the Arrow type's name otherwise.
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
    match SqlType::for_column(data_type) {
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use datafusion::arrow::array::{
        ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Int64Array,
        LargeStringArray, StringArray, StringViewArray, TimestampMillisecondArray,
    };
    use datafusion::arrow::datatypes::{Field, TimeUnit};
    use serde_json::json;

    use super::*;

    fn col(array: impl Array + 'static) -> ArrayRef {
        Arc::new(array)
    }

    fn batch(named: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(named).expect("columns of one length")
    }

    #[test]
    fn integers_of_every_width_are_json_numbers() {
        let batch = batch(vec![
            ("i8", col(Int8Array::from(vec![Some(-8), None]))),
            ("i16", col(Int16Array::from(vec![Some(16), Some(i16::MIN)]))),
            ("i32", col(Int32Array::from(vec![None, Some(i32::MAX)]))),
            ("i64", col(Int64Array::from(vec![Some(i64::MIN), Some(i64::MAX)]))),
        ]);
        assert_eq!(
            json_rows(&[batch]),
            vec![
                vec![json!(-8), json!(16), Value::Null, json!(i64::MIN)],
                vec![
                    Value::Null,
                    json!(-32768),
                    json!(2147483647),
                    json!(9223372036854775807_i64)
                ],
            ]
        );
    }

    #[test]
    fn floats_keep_their_shortest_form_and_name_non_finite_values() {
        let batch = batch(vec![
            (
                "f32",
                col(Float32Array::from(vec![
                    Some(5765.22),
                    Some(0.1),
                    Some(f32::NAN),
                    Some(f32::INFINITY),
                    Some(f32::NEG_INFINITY),
                    None,
                ])),
            ),
            (
                "f64",
                col(Float64Array::from(vec![
                    Some(0.1),
                    Some(2.0),
                    Some(f64::NAN),
                    Some(f64::NEG_INFINITY),
                    None,
                    Some(1e300),
                ])),
            ),
        ]);
        let rows = json_rows(&[batch]);
        assert_eq!(
            rows,
            vec![
                vec![json!(5765.22), json!(0.1)],
                vec![json!(0.1), json!(2.0)],
                vec![json!("NaN"), json!("NaN")],
                vec![json!("inf"), json!("-inf")],
                vec![json!("-inf"), Value::Null],
                vec![Value::Null, json!(1e300)],
            ]
        );
        // A FLOAT is not widened to its double (5765.22021484375), and a whole DOUBLE stays a float.
        assert_eq!(
            serde_json::to_string(&rows[..2]).expect("serializable"),
            "[[5765.22,0.1],[0.1,2.0]]"
        );
    }

    #[test]
    fn booleans_and_every_string_layout() {
        let long = "a string longer than twelve";
        let batch = batch(vec![
            ("b", col(BooleanArray::from(vec![Some(true), Some(false), None]))),
            ("s", col(StringArray::from(vec![Some("a"), None, Some("é\"q")]))),
            ("l", col(LargeStringArray::from(vec![None, Some(""), Some("x")]))),
            ("v", col(StringViewArray::from(vec![Some(long), Some("s"), None]))),
        ]);
        assert_eq!(
            json_rows(&[batch]),
            vec![
                vec![json!(true), json!("a"), Value::Null, json!(long)],
                vec![json!(false), Value::Null, json!(""), json!("s")],
                vec![Value::Null, json!("é\"q"), json!("x"), Value::Null],
            ]
        );
    }

    #[test]
    fn dates_and_timestamps_are_their_iso_text() {
        let batch = batch(vec![
            ("d", col(Date32Array::from(vec![Some(0), Some(19000), None]))),
            (
                "t",
                col(TimestampMillisecondArray::from(vec![Some(1500), None, Some(0)])),
            ),
        ]);
        assert_eq!(
            json_rows(&[batch]),
            vec![
                vec![json!("1970-01-01"), json!("1970-01-01T00:00:01.500")],
                vec![json!("2022-01-08"), Value::Null],
                vec![Value::Null, json!("1970-01-01T00:00:00")],
            ]
        );
    }

    #[test]
    fn rows_of_several_batches_follow_each_other() {
        let first = batch(vec![("n", col(Int64Array::from(vec![1, 2])))]);
        let empty = batch(vec![("n", col(Int64Array::from(Vec::<i64>::new())))]);
        let last = batch(vec![("n", col(Int64Array::from(vec![3])))]);
        assert_eq!(
            json_rows(&[first, empty, last]),
            vec![vec![json!(1)], vec![json!(2)], vec![json!(3)]]
        );
        assert!(json_rows(&[]).is_empty());
    }

    #[test]
    fn sliced_batches_start_at_their_offset() {
        let whole = batch(vec![
            ("n", col(Int32Array::from(vec![Some(1), None, Some(3), Some(4)]))),
            ("s", col(StringArray::from(vec!["a", "b", "c", "d"]))),
        ]);
        assert_eq!(
            json_rows(&[whole.slice(1, 2)]),
            vec![vec![Value::Null, json!("b")], vec![json!(3), json!("c")]]
        );
    }

    #[test]
    fn columns_name_udf_types_in_sql_and_others_in_arrow() {
        let schema = Schema::new(vec![
            Field::new("i8", DataType::Int8, true),
            Field::new("i16", DataType::Int16, true),
            Field::new("i32", DataType::Int32, true),
            Field::new("i64", DataType::Int64, false),
            Field::new("u32", DataType::UInt32, true),
            Field::new("f32", DataType::Float32, true),
            Field::new("f64", DataType::Float64, true),
            Field::new("b", DataType::Boolean, true),
            Field::new("s", DataType::Utf8, true),
            Field::new("l", DataType::LargeUtf8, true),
            Field::new("v", DataType::Utf8View, true),
            Field::new("d", DataType::Date32, true),
            Field::new("u64", DataType::UInt64, true),
            Field::new("t", DataType::Timestamp(TimeUnit::Millisecond, None), true),
        ]);
        let named: Vec<(String, String)> = columns(&schema)
            .into_iter()
            .map(|column| (column.name, column.sql_type))
            .collect();
        let expected: Vec<(String, String)> = [
            ("i8", "INT"),
            ("i16", "INT"),
            ("i32", "INT"),
            ("i64", "BIGINT"),
            ("u32", "BIGINT"),
            ("f32", "FLOAT"),
            ("f64", "DOUBLE"),
            ("b", "BOOLEAN"),
            ("s", "STRING"),
            ("l", "STRING"),
            ("v", "STRING"),
            ("d", "DATE"),
            ("u64", "UInt64"),
            ("t", "TIMESTAMP"),
        ]
        .into_iter()
        .map(|(name, sql_type)| (name.to_string(), sql_type.to_string()))
        .collect();
        assert_eq!(named, expected);
    }

    #[test]
    fn column_info_serializes_its_type_as_type() {
        let schema = Schema::new(vec![Field::new("price", DataType::Float64, true)]);
        assert_eq!(
            serde_json::to_value(columns(&schema)).expect("serializable"),
            json!([{"name": "price", "type": "DOUBLE"}])
        );
    }
}
