//! Which columns a parameter accepts, and how their values reach it: the one table of implicit
//! conversions, shared by every surface (SQL, the API, the CLI, the page, Python; Spark's JVM
//! catalog binds by the same rules in its own code).
//!
//! A conversion is implicit only where no value can change, with two exceptions the user's data
//! forces on them: a DOUBLE column passed to a FLOAT parameter is rounded (CSV files read every
//! decimal number as DOUBLE), and a wider integer column passed to a narrower integer parameter
//! is checked value by value (the query fails on the first value that does not fit, naming it).
//! Everything else — floating point into an integer, text into a number — is refused before the
//! query runs, with the explicit CAST that would make it run.

use arrow_schema::{DataType, TimeUnit};

use crate::SqlType;

/// How the values of a column of some Arrow type reach a parameter of a [`SqlType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentConversion {
    /// The column's values are the parameter's values (any Arrow string layout for STRING).
    Exact,
    /// Converted without changing any value (integer widening, FLOAT → DOUBLE, ...).
    Widen,
    /// DOUBLE → FLOAT: rounded to the nearest FLOAT.
    Round,
    /// A wider integer into a narrower one: checked per value, failing on the first that does
    /// not fit.
    Checked,
    /// Not implicit: the user must CAST.
    Refused,
}

impl ArgumentConversion {
    /// How a column of `column` type reaches a parameter of type `param`.
    pub fn of(column: &DataType, param: SqlType) -> ArgumentConversion {
        use ArgumentConversion::*;
        use DataType as D;
        match (param, column) {
            (_, D::Null) => Widen,
            (SqlType::String, D::Utf8 | D::LargeUtf8 | D::Utf8View) => Exact,
            (SqlType::String, D::Dictionary(_, value)) if value.is_string() => Widen,
            (SqlType::Boolean, D::Boolean) => Exact,
            (SqlType::Int, D::Int32) => Exact,
            (SqlType::Int, D::Int8 | D::Int16 | D::UInt8 | D::UInt16) => Widen,
            (SqlType::Int, D::Int64 | D::UInt32 | D::UInt64) => Checked,
            (SqlType::BigInt, D::Int64) => Exact,
            (SqlType::BigInt, D::Int8 | D::Int16 | D::Int32 | D::UInt8 | D::UInt16 | D::UInt32) => Widen,
            (SqlType::BigInt, D::UInt64) => Checked,
            (SqlType::Float, D::Float32) => Exact,
            // Every value of a 16-bit integer is a FLOAT exactly; wider integers are not.
            (SqlType::Float, D::Float16 | D::Int8 | D::Int16 | D::UInt8 | D::UInt16) => Widen,
            (SqlType::Float, D::Float64) => Round,
            (SqlType::Double, D::Float64) => Exact,
            (SqlType::Double, D::Float16 | D::Float32) => Widen,
            // Exact up to 2^53: a BIGINT beyond it would round, so those are checked.
            (SqlType::Double, D::Int64 | D::UInt64) => Checked,
            (SqlType::Double, integer) if integer.is_integer() => Widen,
            (SqlType::Date, D::Date32) => Exact,
            (SqlType::Date, D::Date64) => Widen,
            // Any time zone: the values are UTC instants either way.
            (SqlType::Timestamp, D::Timestamp(TimeUnit::Microsecond, _)) => Exact,
            (SqlType::Timestamp, D::Timestamp(TimeUnit::Second | TimeUnit::Millisecond, _) | D::Date32 | D::Date64) => {
                Widen
            }
            // Nanoseconds are truncated to microseconds.
            (SqlType::Timestamp, D::Timestamp(TimeUnit::Nanosecond, _)) => Round,
            (SqlType::Decimal { precision, scale }, &D::Decimal128(from_precision, from_scale)) => {
                if (from_precision, from_scale) == (precision, scale) {
                    Exact
                } else if from_scale >= 0
                    && from_scale <= scale
                    && (from_precision as i16 - from_scale as i16) <= (precision as i16 - scale as i16)
                {
                    Widen
                } else {
                    Refused
                }
            }
            // An integer whose type may have more digits than the DECIMAL's integer part is
            // checked value by value.
            (SqlType::Decimal { precision, scale }, integer) if integer.is_integer() => {
                if integer_digits(integer) <= precision as i16 - scale as i16 {
                    Widen
                } else {
                    Checked
                }
            }
            (SqlType::Binary, D::Binary | D::LargeBinary | D::BinaryView) => Exact,
            // A string's bytes are bytes: nothing changes.
            (SqlType::Binary, D::FixedSizeBinary(_) | D::Utf8 | D::LargeUtf8 | D::Utf8View) => Widen,
            _ => Refused,
        }
    }

    /// Whether the column can be passed without an explicit CAST.
    pub fn is_implicit(self) -> bool {
        self != ArgumentConversion::Refused
    }
}

/// Decimal digits the largest value of an integer type has.
fn integer_digits(data_type: &DataType) -> i16 {
    match data_type {
        DataType::Int8 | DataType::UInt8 => 3,
        DataType::Int16 | DataType::UInt16 => 5,
        DataType::Int32 | DataType::UInt32 => 10,
        DataType::Int64 => 19,
        _ => 20,
    }
}

/// The SQL name of an Arrow type as users know it (`DOUBLE`, `STRING`, `DECIMAL(10, 2)`), for
/// messages; the Arrow name for a type SQL has no word for.
pub fn sql_type_name(data_type: &DataType) -> String {
    use DataType as D;
    match data_type {
        D::Null => "NULL".into(),
        D::Boolean => "BOOLEAN".into(),
        D::Int8 => "TINYINT".into(),
        D::Int16 => "SMALLINT".into(),
        D::Int32 => "INT".into(),
        D::Int64 => "BIGINT".into(),
        D::UInt8 => "TINYINT UNSIGNED".into(),
        D::UInt16 => "SMALLINT UNSIGNED".into(),
        D::UInt32 => "INT UNSIGNED".into(),
        D::UInt64 => "BIGINT UNSIGNED".into(),
        D::Float16 => "HALF".into(),
        D::Float32 => "FLOAT".into(),
        D::Float64 => "DOUBLE".into(),
        D::Utf8 | D::LargeUtf8 | D::Utf8View => "STRING".into(),
        D::Binary | D::LargeBinary | D::BinaryView | D::FixedSizeBinary(_) => "BINARY".into(),
        D::Date32 | D::Date64 => "DATE".into(),
        D::Timestamp(_, _) => "TIMESTAMP".into(),
        D::Decimal128(precision, scale) | D::Decimal256(precision, scale) => format!("DECIMAL({precision}, {scale})"),
        D::Dictionary(_, value) => sql_type_name(value),
        other => other.to_string(),
    }
}

/// Why a column cannot be passed to a parameter, and what to write instead: "a DOUBLE would lose
/// its fraction in `int32_t`; convert it explicitly: CAST(rate AS INT)". `argument` is how the
/// user wrote the argument (a column name or an expression).
pub fn refusal_hint(column: &DataType, param: SqlType, argument: &str) -> String {
    let column_name = sql_type_name(column);
    let why = match (param, column) {
        (SqlType::Int | SqlType::BigInt, from)
            if from.is_floating() || matches!(from, DataType::Decimal128(..) | DataType::Decimal256(..)) =>
        {
            format!(
                "{} would lose its fraction in `{}`",
                with_article(&column_name),
                param.c_name()
            )
        }
        (SqlType::Float, from) if from.is_integer() => {
            format!(
                "{} can hold integers a `float` cannot represent exactly; the parameter could be `double`",
                with_article(&column_name)
            )
        }
        (SqlType::String, _) => format!("{} is not text", with_article(&column_name)),
        (_, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) => {
            format!("text is not converted to {param} implicitly")
        }
        (SqlType::Decimal { scale, .. }, &DataType::Decimal128(_, from_scale)) if from_scale > scale => {
            format!(
                "{} would be rounded to {scale} decimal places",
                with_article(&column_name)
            )
        }
        (SqlType::Decimal { .. }, DataType::Decimal128(..)) => {
            format!("{} may have more digits than {param} holds", with_article(&column_name))
        }
        _ => format!(
            "{} is not {}",
            with_article(&column_name),
            with_article(&param.to_string())
        ),
    };
    format!("{why}; convert it explicitly: CAST({argument} AS {param})")
}

/// "a DOUBLE", "an INT".
fn with_article(name: &str) -> String {
    let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArgumentConversion::*;

    #[test]
    fn the_table_of_implicit_conversions() {
        let cases = [
            (DataType::Int32, SqlType::Int, Exact),
            (DataType::Int16, SqlType::Int, Widen),
            (DataType::Int64, SqlType::Int, Checked),
            (DataType::UInt64, SqlType::BigInt, Checked),
            (DataType::Int32, SqlType::BigInt, Widen),
            (DataType::Float64, SqlType::Int, Refused),
            (DataType::Float32, SqlType::BigInt, Refused),
            (DataType::Float64, SqlType::Float, Round),
            (DataType::Float32, SqlType::Double, Widen),
            (DataType::Int64, SqlType::Double, Checked),
            (DataType::Int32, SqlType::Double, Widen),
            (DataType::Int32, SqlType::Float, Refused),
            (DataType::Int16, SqlType::Float, Widen),
            (DataType::Utf8, SqlType::Double, Refused),
            (DataType::Int32, SqlType::String, Refused),
            (DataType::Utf8View, SqlType::String, Exact),
            (DataType::Boolean, SqlType::Int, Refused),
            (DataType::Null, SqlType::Boolean, Widen),
            (DataType::Decimal128(10, 2), SqlType::Double, Refused),
            (DataType::Date32, SqlType::Date, Exact),
            (DataType::Date64, SqlType::Date, Widen),
            (DataType::Int32, SqlType::Date, Refused),
            (
                DataType::Timestamp(TimeUnit::Microsecond, Some("+02:00".into())),
                SqlType::Timestamp,
                Exact,
            ),
            (
                DataType::Timestamp(TimeUnit::Millisecond, None),
                SqlType::Timestamp,
                Widen,
            ),
            (
                DataType::Timestamp(TimeUnit::Nanosecond, None),
                SqlType::Timestamp,
                Round,
            ),
            (DataType::Date32, SqlType::Timestamp, Widen),
            (DataType::Timestamp(TimeUnit::Microsecond, None), SqlType::Date, Refused),
            (
                DataType::Decimal128(10, 2),
                SqlType::Decimal {
                    precision: 10,
                    scale: 2,
                },
                Exact,
            ),
            (
                DataType::Decimal128(10, 2),
                SqlType::Decimal {
                    precision: 12,
                    scale: 4,
                },
                Widen,
            ),
            (
                DataType::Decimal128(10, 2),
                SqlType::Decimal {
                    precision: 12,
                    scale: 1,
                },
                Refused,
            ),
            (
                DataType::Decimal128(12, 2),
                SqlType::Decimal {
                    precision: 10,
                    scale: 2,
                },
                Refused,
            ),
            (
                DataType::Int32,
                SqlType::Decimal {
                    precision: 12,
                    scale: 2,
                },
                Widen,
            ),
            (
                DataType::Int64,
                SqlType::Decimal {
                    precision: 12,
                    scale: 2,
                },
                Checked,
            ),
            (
                DataType::Float64,
                SqlType::Decimal {
                    precision: 38,
                    scale: 10,
                },
                Refused,
            ),
            (DataType::Binary, SqlType::Binary, Exact),
            (DataType::Utf8View, SqlType::Binary, Widen),
            (DataType::Binary, SqlType::String, Refused),
        ];
        for (column, param, expected) in cases {
            assert_eq!(ArgumentConversion::of(&column, param), expected, "{column} -> {param}");
        }
    }

    #[test]
    fn a_refusal_says_what_to_write() {
        assert_eq!(
            refusal_hint(&DataType::Float64, SqlType::Int, "rate"),
            "a DOUBLE would lose its fraction in `int32_t`; convert it explicitly: CAST(rate AS INT)"
        );
        assert!(refusal_hint(&DataType::Utf8, SqlType::Double, "s").contains("CAST(s AS DOUBLE)"));
    }
}
