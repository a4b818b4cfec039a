//! The SQL types a UDF can take and return, with their C types and guest widths.

use std::fmt;
use std::str::FromStr;

/// A SQL type a UDF can take or return.
///
/// Each maps to exactly one C type and one Arrow type; STRING also accepts the other Arrow string
/// layouts (LargeUtf8, Utf8View) on input.
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
