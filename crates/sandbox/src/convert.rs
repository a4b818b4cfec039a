//! Brings each argument column to its parameter's type under the one table of implicit
//! conversions ([`ArgumentConversion`]): widening and rounding by Arrow's cast, a narrowing
//! integer conversion checked value by value first, so that a value that does not fit fails the
//! call naming its row instead of wrapping or turning NULL.

use std::borrow::Cow;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef};
use arrow_buffer::NullBuffer;
use arrow_schema::DataType;
use wasmudf_abi::{ArgumentConversion, SqlType, UdfSignature, refusal_hint, sql_type_name};

use crate::SandboxError;
use crate::marshal::describe_row;

/// `args` as the guest takes them: borrowed where a column already has its parameter's type
/// (every Arrow string layout is a STRING), converted where the table allows it, or the error
/// that names the refused argument or the first value out of range. `nulls` are the rows the
/// function is not called on (a NULL in any argument): their values are not checked.
pub(crate) fn conform<'a>(
    signature: &UdfSignature,
    args: &'a [ArrayRef],
    nulls: Option<&NullBuffer>,
) -> Result<Vec<Cow<'a, ArrayRef>>, SandboxError> {
    let params = signature.params();
    if args.len() != params.len() {
        return Err(SandboxError::ArgumentCount {
            function: signature.name().to_string(),
            expected: params.len(),
            actual: args.len(),
        });
    }
    args.iter()
        .zip(params)
        .enumerate()
        .map(|(index, (array, param))| {
            let target = param.sql_type;
            match ArgumentConversion::of(array.data_type(), target) {
                ArgumentConversion::Exact => Ok(Cow::Borrowed(array)),
                ArgumentConversion::Widen => cast(signature, index, array),
                ArgumentConversion::Round | ArgumentConversion::Checked => {
                    let called = |row: usize| array.is_valid(row) && nulls.is_none_or(|nulls| nulls.is_valid(row));
                    if let Some(row) = first_out_of_range(array, target, called) {
                        let named: Vec<(&str, &ArrayRef)> =
                            params.iter().map(|param| param.name.as_str()).zip(args).collect();
                        let location = describe_row(&named, row);
                        return Err(SandboxError::ArgumentOutOfRange {
                            function: signature.name().to_string(),
                            argument: param.name.clone(),
                            column_type: sql_type_name(array.data_type()),
                            declared: target,
                            advice: out_of_range_advice(target).to_string(),
                            location,
                        });
                    }
                    cast(signature, index, array)
                }
                ArgumentConversion::Refused => Err(SandboxError::ArgumentType {
                    function: signature.name().to_string(),
                    index,
                    argument: param.name.clone(),
                    data_type: sql_type_name(array.data_type()),
                    declared: target,
                    hint: refusal_hint(array.data_type(), target, &param.name),
                }),
            }
        })
        .collect()
}

fn cast<'a>(signature: &UdfSignature, index: usize, array: &ArrayRef) -> Result<Cow<'a, ArrayRef>, SandboxError> {
    let param = &signature.params()[index];
    // A time zone only says how to show an instant: the values are UTC either way. Arrow's cast
    // from a zoned timestamp to a plain one would shift them to local time, so the zone is
    // dropped first, leaving the values as they are.
    let unzoned;
    let array = match array.data_type() {
        DataType::Timestamp(unit, Some(_)) => {
            let data = array
                .to_data()
                .into_builder()
                .data_type(DataType::Timestamp(*unit, None));
            unzoned = arrow_array::make_array(data.build().expect("only the time zone changed"));
            &unzoned
        }
        _ => array,
    };
    // Values are known to fit (or to round, DOUBLE → FLOAT), so the cast cannot fail on a value;
    // an error here would be Arrow refusing a pair the table allows.
    arrow_cast::cast(array, &param.sql_type.arrow_type())
        .map(Cow::Owned)
        .map_err(|error| SandboxError::ArgumentType {
            function: signature.name().to_string(),
            index,
            argument: param.name.clone(),
            data_type: sql_type_name(array.data_type()),
            declared: param.sql_type,
            hint: format!("it cannot be converted ({error})"),
        })
}

/// What to do about a value that does not fit a parameter of type `declared`.
fn out_of_range_advice(declared: SqlType) -> &'static str {
    match declared {
        SqlType::Int => "filter it out, or declare the parameter `int64_t`",
        SqlType::Float => "filter it out, or declare the parameter `double`",
        SqlType::Double => {
            "a DOUBLE holds integers exactly only up to 2^53; filter it out, or declare the parameter `int64_t`"
        }
        SqlType::Decimal { .. } => "filter it out, or declare a DECIMAL with more digits",
        _ => "filter it out",
    }
}

/// The first row the function is called on (`called`) whose integer does not fit `target` (INT,
/// BIGINT, DOUBLE's exact integers ±2^53, a DECIMAL's integer digits), or whose finite DOUBLE is
/// beyond FLOAT's range (rounding would make it infinite).
fn first_out_of_range(array: &ArrayRef, target: SqlType, called: impl Fn(usize) -> bool) -> Option<usize> {
    if let DataType::Float64 = array.data_type() {
        let beyond = |value: f64| value.is_finite() && value.abs() > f32::MAX as f64;
        return position(array.as_primitive::<Float64Type>().values(), called, beyond);
    }
    const EXACT_IN_DOUBLE: i128 = 1 << 53;
    let (low, high) = match target {
        SqlType::Int => (i32::MIN as i128, i32::MAX as i128),
        SqlType::Double => (-EXACT_IN_DOUBLE, EXACT_IN_DOUBLE),
        SqlType::Decimal { precision, scale } => {
            let limit = 10i128.pow((precision as i16 - scale as i16).max(0) as u32);
            (1 - limit, limit - 1)
        }
        _ => (i64::MIN as i128, i64::MAX as i128),
    };
    let outside = |value: i128| value < low || value > high;
    match array.data_type() {
        DataType::Int64 => position(array.as_primitive::<Int64Type>().values(), called, |v| {
            outside(v as i128)
        }),
        DataType::UInt32 => position(array.as_primitive::<UInt32Type>().values(), called, |v| {
            outside(v as i128)
        }),
        DataType::UInt64 => position(array.as_primitive::<UInt64Type>().values(), called, |v| {
            outside(v as i128)
        }),
        DataType::Int32 => position(array.as_primitive::<Int32Type>().values(), called, |v| {
            outside(v as i128)
        }),
        _ => None,
    }
}

fn position<T: Copy>(values: &[T], valid: impl Fn(usize) -> bool, outside: impl Fn(T) -> bool) -> Option<usize> {
    // The common case (every value fits) is one branch-free pass; only then look for the row.
    if !values.iter().any(|&value| outside(value)) {
        return None;
    }
    values
        .iter()
        .enumerate()
        .find(|&(row, &value)| outside(value) && valid(row))
        .map(|(row, _)| row)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Float64Array, Int16Array, Int64Array, StringArray};

    use super::*;
    use crate::RowLocation;

    fn signature(text: &str) -> UdfSignature {
        text.parse().unwrap()
    }

    #[test]
    fn exact_columns_are_borrowed_and_widened_ones_converted() {
        let sig = signature("f(a INT, b DOUBLE, s STRING) RETURNS INT");
        let args: Vec<ArrayRef> = vec![
            Arc::new(Int16Array::from(vec![1, -2])),
            Arc::new(Int64Array::from(vec![3, 4])),
            Arc::new(StringArray::from(vec!["x", "y"])),
        ];
        let conformed = conform(&sig, &args, None).unwrap();
        assert!(matches!(conformed[2], Cow::Borrowed(_)));
        assert_eq!(conformed[0].data_type(), &DataType::Int32);
        assert_eq!(
            conformed[1].as_primitive::<arrow_array::types::Float64Type>().values(),
            &[3.0, 4.0]
        );
    }

    #[test]
    fn a_bigint_that_does_not_fit_an_int_names_its_row_and_value() {
        let sig = signature("f(n INT) RETURNS INT");
        let args: Vec<ArrayRef> = vec![Arc::new(Int64Array::from(vec![Some(1), None, Some(3_000_000_000)]))];
        let error = conform(&sig, &args, None).unwrap_err();
        let SandboxError::ArgumentOutOfRange { location, .. } = &error else {
            panic!("{error}")
        };
        assert_eq!(
            location,
            &RowLocation::Row {
                index: 2,
                values: vec![("n".to_string(), "3000000000".to_string())]
            }
        );
        assert_eq!(error.kind_name(), "argument_out_of_range");
        assert!(error.to_string().contains("3000000000"), "{error}");
        // A row another argument makes NULL is not checked: the function is not called on it.
        let skipped = NullBuffer::from(vec![true, true, false]);
        assert!(conform(&sig, &args, Some(&skipped)).is_ok());
        // NULLs are skipped, values in range pass.
        let fits: Vec<ArrayRef> = vec![Arc::new(Int64Array::from(vec![Some(-5), None]))];
        assert_eq!(conform(&sig, &fits, None).unwrap()[0].data_type(), &DataType::Int32);
    }

    #[test]
    fn a_bigint_beyond_two_to_the_53_is_not_silently_rounded_into_a_double() {
        let sig = signature("f(x DOUBLE) RETURNS DOUBLE");
        let exact: Vec<ArrayRef> = vec![Arc::new(Int64Array::from(vec![1 << 53, -(1 << 53)]))];
        assert!(conform(&sig, &exact, None).is_ok());
        let beyond: Vec<ArrayRef> = vec![Arc::new(Int64Array::from(vec![(1 << 53) + 1]))];
        let error = conform(&sig, &beyond, None).unwrap_err();
        assert_eq!(error.kind_name(), "argument_out_of_range", "{error}");
        assert!(error.to_string().contains("up to 2^53"), "{error}");
    }

    #[test]
    fn a_double_into_an_int_is_refused_with_the_cast_to_write() {
        let sig = signature("f(balance INT) RETURNS INT");
        let args: Vec<ArrayRef> = vec![Arc::new(Float64Array::from(vec![0.5]))];
        let error = conform(&sig, &args, None).unwrap_err();
        assert_eq!(error.kind_name(), "bad_request");
        let message = error.to_string();
        assert!(message.contains("CAST(balance AS INT)"), "{message}");
        assert!(message.contains("DOUBLE"), "{message}");
    }

    #[test]
    fn a_zoned_timestamp_keeps_its_instant_in_any_unit() {
        let sig = signature("f(t TIMESTAMP) RETURNS TIMESTAMP");
        let millis = arrow_array::TimestampMillisecondArray::from(vec![1_000]).with_timezone("+05:00");
        let args: Vec<ArrayRef> = vec![Arc::new(millis)];
        let conformed = conform(&sig, &args, None).unwrap();
        assert_eq!(
            conformed[0]
                .as_primitive::<arrow_array::types::TimestampMicrosecondType>()
                .values(),
            &[1_000_000]
        );
        let micros = arrow_array::TimestampMicrosecondArray::from(vec![7]).with_timezone("America/New_York");
        let args: Vec<ArrayRef> = vec![Arc::new(micros)];
        assert!(matches!(conform(&sig, &args, None).unwrap()[0], Cow::Borrowed(_)));
    }

    #[test]
    fn a_double_is_rounded_into_a_float_unless_it_is_beyond_its_range() {
        let sig = signature("f(rate FLOAT) RETURNS FLOAT");
        let args: Vec<ArrayRef> = vec![Arc::new(Float64Array::from(vec![0.1, f64::INFINITY]))];
        let conformed = conform(&sig, &args, None).unwrap();
        assert_eq!(
            conformed[0].as_primitive::<arrow_array::types::Float32Type>().values(),
            &[0.1f32, f32::INFINITY]
        );
        let huge: Vec<ArrayRef> = vec![Arc::new(Float64Array::from(vec![1.0, 1e300]))];
        let error = conform(&sig, &huge, None).unwrap_err();
        assert_eq!(error.kind_name(), "argument_out_of_range", "{error}");
    }
}
