//! The SQL types a UDF can take and return, with their C types, Arrow types and guest widths.

use std::fmt;
use std::str::FromStr;

use arrow_schema::{DataType, TimeUnit};

/// A SQL type a UDF can take or return.
///
/// Each maps to exactly one C type and one Arrow type ([`SqlType::arrow_type`]); STRING and
/// BINARY also accept their other Arrow layouts (large, view) on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SqlType {
    Int,
    BigInt,
    Float,
    Double,
    Boolean,
    String,
    /// Days since 1970-01-01 (`int32_t`).
    Date,
    /// Microseconds since 1970-01-01 00:00:00 UTC (`int64_t`).
    Timestamp,
    /// A decimal of `precision` digits, `scale` of them after the point (`__int128`, the value
    /// times 10^scale). 1 ≤ precision ≤ 38, 0 ≤ scale ≤ precision.
    Decimal {
        precision: u8,
        scale: i8,
    },
    /// Bytes (`wasmudf_bytes`: a pointer and a length, like STRING without UTF-8).
    Binary,
}

/// The most digits a DECIMAL has (Arrow's Decimal128).
pub const MAX_DECIMAL_PRECISION: u8 = 38;

impl SqlType {
    /// One of each kind (DECIMAL as DECIMAL(38, 10), DataFusion's default).
    pub const ALL: [SqlType; 10] = [
        SqlType::Int,
        SqlType::BigInt,
        SqlType::Float,
        SqlType::Double,
        SqlType::Boolean,
        SqlType::String,
        SqlType::Date,
        SqlType::Timestamp,
        SqlType::Decimal {
            precision: 38,
            scale: 10,
        },
        SqlType::Binary,
    ];

    /// The canonical SQL name of the type's kind (`DECIMAL` without its precision and scale;
    /// [`Display`](fmt::Display) prints them).
    pub fn sql_name(self) -> &'static str {
        match self {
            SqlType::Int => "INT",
            SqlType::BigInt => "BIGINT",
            SqlType::Float => "FLOAT",
            SqlType::Double => "DOUBLE",
            SqlType::Boolean => "BOOLEAN",
            SqlType::String => "STRING",
            SqlType::Date => "DATE",
            SqlType::Timestamp => "TIMESTAMP",
            SqlType::Decimal { .. } => "DECIMAL",
            SqlType::Binary => "BINARY",
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
            SqlType::Date => "wasmudf_date",
            SqlType::Timestamp => "wasmudf_timestamp",
            SqlType::Decimal { .. } => "wasmudf_decimal",
            SqlType::Binary => "wasmudf_bytes",
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
            SqlType::Date => DataType::Date32,
            SqlType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
            SqlType::Decimal { precision, scale } => DataType::Decimal128(precision, scale),
            SqlType::Binary => DataType::Binary,
        }
    }

    /// The type whose values an array of `data_type` holds exactly, without conversion: the
    /// inverse of [`arrow_type`](Self::arrow_type), with every Arrow string (binary) layout as
    /// STRING (BINARY) and a microsecond timestamp in any time zone as TIMESTAMP (its values
    /// are UTC instants either way).
    pub fn from_arrow(data_type: &DataType) -> Option<SqlType> {
        match data_type {
            DataType::Int32 => Some(SqlType::Int),
            DataType::Int64 => Some(SqlType::BigInt),
            DataType::Float32 => Some(SqlType::Float),
            DataType::Float64 => Some(SqlType::Double),
            DataType::Boolean => Some(SqlType::Boolean),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Some(SqlType::String),
            DataType::Date32 => Some(SqlType::Date),
            DataType::Timestamp(TimeUnit::Microsecond, _) => Some(SqlType::Timestamp),
            &DataType::Decimal128(precision, scale) if (0..=precision as i8).contains(&scale) => {
                Some(SqlType::Decimal { precision, scale })
            }
            DataType::Binary | DataType::LargeBinary | DataType::BinaryView => Some(SqlType::Binary),
            _ => None,
        }
    }

    /// The natural parameter type for a column of `data_type`: its exact type, or the smallest
    /// one that holds every value of a narrower integer or float (`Int8`..`UInt16` as INT,
    /// `UInt32` as BIGINT, `Float16` as FLOAT), DATE for `Date64`, TIMESTAMP for every unit.
    pub fn for_column(data_type: &DataType) -> Option<SqlType> {
        match data_type {
            DataType::Int8 | DataType::Int16 | DataType::UInt8 | DataType::UInt16 => Some(SqlType::Int),
            DataType::UInt32 => Some(SqlType::BigInt),
            DataType::Float16 => Some(SqlType::Float),
            DataType::Date64 => Some(SqlType::Date),
            DataType::Timestamp(_, _) => Some(SqlType::Timestamp),
            DataType::FixedSizeBinary(_) => Some(SqlType::Binary),
            exact => SqlType::from_arrow(exact),
        }
    }

    /// Bytes one value occupies in a guest column buffer. A STRING or BINARY is a pointer and a
    /// length (`i32`, `i32`); a BOOLEAN is one byte (0 or 1); a DECIMAL an `__int128`.
    pub fn guest_width(self) -> u32 {
        match self {
            SqlType::Int | SqlType::Float | SqlType::Date => 4,
            SqlType::BigInt | SqlType::Double | SqlType::String | SqlType::Timestamp | SqlType::Binary => 8,
            SqlType::Boolean => 1,
            SqlType::Decimal { .. } => 16,
        }
    }

    /// Whether values are a pointer and a length into guest memory (STRING, BINARY).
    pub fn is_bytes(self) -> bool {
        matches!(self, SqlType::String | SqlType::Binary)
    }
}

impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlType::Decimal { precision, scale } => write!(f, "DECIMAL({precision}, {scale})"),
            other => f.write_str(other.sql_name()),
        }
    }
}

impl FromStr for SqlType {
    type Err = String;

    /// Accepts the canonical names and the common SQL synonyms (`INTEGER`, `REAL`, `TEXT`,
    /// `NUMERIC(10, 2)`, `BYTEA`, ...), case-insensitively. The paper's `output_column_type`
    /// values (`INTEGER`, `FLOAT`, ...) parse. A DECIMAL without precision is DECIMAL(38, 10), as
    /// in DataFusion; with a precision only, its scale is 0.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let upper = text.trim().to_ascii_uppercase();
        if let Some(decimal) = parse_decimal(&upper) {
            return decimal;
        }
        let sql_type = match upper.as_str() {
            "INT" | "INTEGER" | "INT4" | "INT32" => SqlType::Int,
            "BIGINT" | "INT8" | "INT64" | "LONG" => SqlType::BigInt,
            "FLOAT" | "REAL" | "FLOAT4" | "FLOAT32" => SqlType::Float,
            "DOUBLE" | "DOUBLE PRECISION" | "FLOAT8" | "FLOAT64" => SqlType::Double,
            "BOOLEAN" | "BOOL" => SqlType::Boolean,
            "STRING" | "VARCHAR" | "TEXT" | "UTF8" | "CHAR" => SqlType::String,
            "DATE" => SqlType::Date,
            "TIMESTAMP" | "DATETIME" => SqlType::Timestamp,
            "BINARY" | "VARBINARY" | "BYTEA" | "BLOB" | "BYTES" => SqlType::Binary,
            _ => {
                return Err(format!(
                    "unknown type `{}`; expected one of INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, DECIMAL(p, s), BINARY",
                    text.trim()
                ));
            }
        };
        Ok(sql_type)
    }
}

/// `DECIMAL`, `DECIMAL(p)`, `DECIMAL(p, s)` (or `NUMERIC`), already upper-case; `None` for
/// another type.
fn parse_decimal(upper: &str) -> Option<Result<SqlType, String>> {
    let rest = upper
        .strip_prefix("DECIMAL")
        .or_else(|| upper.strip_prefix("NUMERIC"))?
        .trim();
    if rest.is_empty() {
        return Some(Ok(SqlType::Decimal {
            precision: 38,
            scale: 10,
        }));
    }
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?;
    let mut numbers = inner.split(',').map(|part| part.trim().parse::<u8>());
    let parsed = match (numbers.next(), numbers.next(), numbers.next()) {
        (Some(Ok(precision)), None, None) => Some((precision, 0)),
        (Some(Ok(precision)), Some(Ok(scale)), None) => Some((precision, scale)),
        _ => None,
    };
    Some(match parsed {
        Some((precision, scale)) if (1..=MAX_DECIMAL_PRECISION).contains(&precision) && scale <= precision => {
            Ok(SqlType::Decimal {
                precision,
                scale: scale as i8,
            })
        }
        _ => Err(format!(
            "`{upper}` is not a DECIMAL wasmudf supports: DECIMAL(p, s) with 1 ≤ p ≤ {MAX_DECIMAL_PRECISION} and 0 ≤ s ≤ p"
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_sql_name() {
        for sql_type in SqlType::ALL {
            assert_eq!(sql_type.to_string().parse::<SqlType>(), Ok(sql_type));
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
        let error = "MONEY".parse::<SqlType>().unwrap_err();
        assert!(error.contains("`MONEY`"), "{error}");
    }

    #[test]
    fn decimals_carry_their_precision_and_scale() {
        assert_eq!(
            "decimal(10, 2)".parse::<SqlType>(),
            Ok(SqlType::Decimal {
                precision: 10,
                scale: 2
            })
        );
        assert_eq!("NUMERIC(5)".parse::<SqlType>().unwrap().to_string(), "DECIMAL(5, 0)");
        assert_eq!("DECIMAL".parse::<SqlType>().unwrap().to_string(), "DECIMAL(38, 10)");
        assert!("DECIMAL(39, 2)".parse::<SqlType>().unwrap_err().contains("1 ≤ p ≤ 38"));
        assert!("DECIMAL(4, 5)".parse::<SqlType>().is_err());
        assert!("DECIMAL(x)".parse::<SqlType>().is_err());
        assert_eq!(
            SqlType::from_arrow(&DataType::Decimal128(12, 2)),
            Some(SqlType::Decimal {
                precision: 12,
                scale: 2
            })
        );
        assert_eq!(SqlType::from_arrow(&DataType::Decimal128(12, -2)), None);
    }
}
