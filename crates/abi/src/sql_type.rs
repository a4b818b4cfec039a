//! The SQL types a UDF can take and return, with their C types, Arrow types and guest widths.

use std::fmt;
use std::str::FromStr;

use arrow_schema::DataType;

/// A SQL type a UDF can take or return.
///
/// Each maps to exactly one C type and one Arrow type ([`SqlType::arrow_type`]); STRING also
/// accepts the other Arrow string layouts (LargeUtf8, Utf8View) on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SqlType {
    Int,
    BigInt,
    Float,
    Double,
    Boolean,
    String,
}

impl SqlType {
    pub const ALL: [SqlType; 6] = [
        SqlType::Int,
        SqlType::BigInt,
        SqlType::Float,
        SqlType::Double,
        SqlType::Boolean,
        SqlType::String,
    ];

    /// The canonical SQL spelling, as printed in signatures.
    pub fn sql_name(self) -> &'static str {
        match self {
            SqlType::Int => "INT",
            SqlType::BigInt => "BIGINT",
            SqlType::Float => "FLOAT",
            SqlType::Double => "DOUBLE",
            SqlType::Boolean => "BOOLEAN",
            SqlType::String => "STRING",
        }
    }

    /// The C type the user's function uses for this SQL type.
    pub fn c_name(self) -> &'static str {
        match self {
            SqlType::Int => "int32_t",
            SqlType::BigInt => "int64_t",
            SqlType::Float => "float",
            SqlType::Double => "double",
            SqlType::Boolean => "bool",
            SqlType::String => "wasmudf_str",
        }
    }

    /// The Arrow type of a value of this type (a UDF's result; a parameter's canonical input).
    pub fn arrow_type(self) -> DataType {
        match self {
            SqlType::Int => DataType::Int32,
            SqlType::BigInt => DataType::Int64,
            SqlType::Float => DataType::Float32,
            SqlType::Double => DataType::Float64,
            SqlType::Boolean => DataType::Boolean,
            SqlType::String => DataType::Utf8,
        }
    }

    /// The type whose values an array of `data_type` holds exactly, without conversion: the
    /// inverse of [`arrow_type`](Self::arrow_type), with every Arrow string layout as STRING.
    pub fn from_arrow(data_type: &DataType) -> Option<SqlType> {
        match data_type {
            DataType::Int32 => Some(SqlType::Int),
            DataType::Int64 => Some(SqlType::BigInt),
            DataType::Float32 => Some(SqlType::Float),
            DataType::Float64 => Some(SqlType::Double),
            DataType::Boolean => Some(SqlType::Boolean),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Some(SqlType::String),
            _ => None,
        }
    }

    /// The natural parameter type for a column of `data_type`: its exact type, or the smallest
    /// one that holds every value of a narrower integer or float (`Int8`..`UInt16` as INT,
    /// `UInt32` as BIGINT, `Float16` as FLOAT).
    pub fn for_column(data_type: &DataType) -> Option<SqlType> {
        match data_type {
            DataType::Int8 | DataType::Int16 | DataType::UInt8 | DataType::UInt16 => Some(SqlType::Int),
            DataType::UInt32 => Some(SqlType::BigInt),
            DataType::Float16 => Some(SqlType::Float),
            exact => SqlType::from_arrow(exact),
        }
    }

    /// Bytes one value occupies in a guest column buffer. A STRING is a `wasmudf_str`
    /// (`i32` pointer, `i32` length); a BOOLEAN is one byte (0 or 1).
    pub fn guest_width(self) -> u32 {
        match self {
            SqlType::Int | SqlType::Float => 4,
            SqlType::BigInt | SqlType::Double | SqlType::String => 8,
            SqlType::Boolean => 1,
        }
    }
}

impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sql_name())
    }
}

impl FromStr for SqlType {
    type Err = String;

    /// Accepts the canonical names and the common SQL synonyms (`INTEGER`, `REAL`, `TEXT`, ...),
    /// case-insensitively. The paper's `output_column_type` values (`INTEGER`, `FLOAT`, ...) parse.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let upper = text.trim().to_ascii_uppercase();
        let sql_type = match upper.as_str() {
            "INT" | "INTEGER" | "INT4" | "INT32" => SqlType::Int,
            "BIGINT" | "INT8" | "INT64" | "LONG" => SqlType::BigInt,
            "FLOAT" | "REAL" | "FLOAT4" | "FLOAT32" => SqlType::Float,
            "DOUBLE" | "DOUBLE PRECISION" | "FLOAT8" | "FLOAT64" => SqlType::Double,
            "BOOLEAN" | "BOOL" => SqlType::Boolean,
            "STRING" | "VARCHAR" | "TEXT" | "UTF8" | "CHAR" => SqlType::String,
            _ => {
                return Err(format!(
                    "unknown type `{}`; expected one of INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING",
                    text.trim()
                ));
            }
        };
        Ok(sql_type)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_sql_name() {
        for sql_type in SqlType::ALL {
            assert_eq!(sql_type.sql_name().parse::<SqlType>(), Ok(sql_type));
        }
    }

    #[test]
    fn every_type_round_trips_through_its_arrow_type() {
        for sql_type in SqlType::ALL {
            assert_eq!(SqlType::from_arrow(&sql_type.arrow_type()), Some(sql_type));
            assert_eq!(SqlType::for_column(&sql_type.arrow_type()), Some(sql_type));
        }
        assert_eq!(SqlType::from_arrow(&DataType::Utf8View), Some(SqlType::String));
        assert_eq!(SqlType::from_arrow(&DataType::Int16), None);
        assert_eq!(SqlType::for_column(&DataType::Int16), Some(SqlType::Int));
        assert_eq!(SqlType::for_column(&DataType::UInt32), Some(SqlType::BigInt));
        assert_eq!(SqlType::for_column(&DataType::UInt64), None);
    }

    #[test]
    fn synonyms_and_case_are_accepted() {
        assert_eq!("integer".parse::<SqlType>(), Ok(SqlType::Int));
        assert_eq!("Double Precision".parse::<SqlType>(), Ok(SqlType::Double));
        assert_eq!("varchar".parse::<SqlType>(), Ok(SqlType::String));
    }

    #[test]
    fn unknown_type_names_the_type() {
        let error = "DECIMAL".parse::<SqlType>().unwrap_err();
        assert!(error.contains("`DECIMAL`"), "{error}");
    }
}
