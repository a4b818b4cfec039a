//! Copies Arrow columns into guest memory and results back out, per `wasmudf_abi::BatchLayout`.
//!
//! Everything read back is hostile: string results are bounds-checked against the memory's
//! current size and UTF-8-validated before they become Arrow values.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ByteArrayType, ByteViewType, Date32Type, Decimal128Type, Float32Type, Float64Type, Int32Type, Int64Type,
    TimestampMicrosecondType,
};
use arrow_array::{
    Array, ArrayRef, BinaryArray, BinaryViewArray, BooleanArray, GenericBinaryArray, GenericByteArray,
    GenericByteViewArray, GenericStringArray, OffsetSizeTrait, PrimitiveArray, StringArray, StringViewArray,
};
use arrow_buffer::{ArrowNativeType, BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, TimeUnit};
use wasmudf_abi::{BatchLayout, ColumnSlot, SqlType};

use crate::{OutputProblem, RowLocation};

/// An argument column as the guest will see it.
pub(crate) enum GuestColumn<'a> {
    /// Fixed-width values whose little-endian bytes are copied as they are.
    Fixed(&'a [u8]),
    Boolean(&'a BooleanBuffer),
    Utf8(&'a GenericStringArray<i32>),
    LargeUtf8(&'a GenericStringArray<i64>),
    Utf8View(&'a StringViewArray),
    Binary(&'a GenericBinaryArray<i32>),
    LargeBinary(&'a GenericBinaryArray<i64>),
    BinaryView(&'a BinaryViewArray),
}

impl<'a> GuestColumn<'a> {
    /// Views `array` as a column of `declared` type, or `None` when its Arrow type does not fit.
    pub(crate) fn new(array: &'a ArrayRef, declared: SqlType) -> Option<Self> {
        let column = match (declared, array.data_type()) {
            (SqlType::Int, DataType::Int32) => {
                GuestColumn::Fixed(array.as_primitive::<Int32Type>().values().inner().as_slice())
            }
            (SqlType::BigInt, DataType::Int64) => {
                GuestColumn::Fixed(array.as_primitive::<Int64Type>().values().inner().as_slice())
            }
            (SqlType::Float, DataType::Float32) => {
                GuestColumn::Fixed(array.as_primitive::<Float32Type>().values().inner().as_slice())
            }
            (SqlType::Double, DataType::Float64) => {
                GuestColumn::Fixed(array.as_primitive::<Float64Type>().values().inner().as_slice())
            }
            (SqlType::Date, DataType::Date32) => {
                GuestColumn::Fixed(array.as_primitive::<Date32Type>().values().inner().as_slice())
            }
            // Any time zone: the values are UTC instants.
            (SqlType::Timestamp, DataType::Timestamp(TimeUnit::Microsecond, _)) => GuestColumn::Fixed(
                array
                    .as_primitive::<TimestampMicrosecondType>()
                    .values()
                    .inner()
                    .as_slice(),
            ),
            (SqlType::Decimal { precision, scale }, &DataType::Decimal128(p, s)) if (p, s) == (precision, scale) => {
                GuestColumn::Fixed(array.as_primitive::<Decimal128Type>().values().inner().as_slice())
            }
            (SqlType::Binary, DataType::Binary) => GuestColumn::Binary(array.as_binary::<i32>()),
            (SqlType::Binary, DataType::LargeBinary) => GuestColumn::LargeBinary(array.as_binary::<i64>()),
            (SqlType::Binary, DataType::BinaryView) => GuestColumn::BinaryView(array.as_binary_view()),
            (SqlType::Boolean, DataType::Boolean) => GuestColumn::Boolean(array.as_boolean().values()),
            (SqlType::String, DataType::Utf8) => GuestColumn::Utf8(array.as_string::<i32>()),
            (SqlType::String, DataType::LargeUtf8) => GuestColumn::LargeUtf8(array.as_string::<i64>()),
            (SqlType::String, DataType::Utf8View) => GuestColumn::Utf8View(array.as_string_view()),
            _ => return None,
        };
        Some(column)
    }

    /// Bytes of string data in rows `start..end` (0 for non-string columns).
    pub(crate) fn string_bytes(&self, start: usize, end: usize) -> u64 {
        match self {
            GuestColumn::Utf8(array) => offsets_span(array.value_offsets(), start, end),
            GuestColumn::LargeUtf8(array) => offsets_span(array.value_offsets(), start, end),
            GuestColumn::Utf8View(array) => (start..end).map(|row| array.views()[row] as u32 as u64).sum(),
            GuestColumn::Binary(array) => offsets_span(array.value_offsets(), start, end),
            GuestColumn::LargeBinary(array) => offsets_span(array.value_offsets(), start, end),
            GuestColumn::BinaryView(array) => (start..end).map(|row| array.views()[row] as u32 as u64).sum(),
            _ => 0,
        }
    }

    /// Writes rows `start..end` into `scratch` at the slot's place. `base` is the guest address of
    /// `scratch[0]`, for the string pointers.
    pub(crate) fn write(&self, scratch: &mut [u8], base: u32, slot: &ColumnSlot, start: usize, end: usize) {
        let values_offset = slot.values;
        let bytes_offset = slot.bytes.map(|(offset, _)| offset);
        let width = slot.sql_type.guest_width() as usize;
        let rows = end - start;
        let values = &mut scratch[values_offset as usize..values_offset as usize + rows * width];
        match self {
            GuestColumn::Fixed(bytes) => values.copy_from_slice(&bytes[start * width..end * width]),
            GuestColumn::Boolean(bits) => {
                for (slot, row) in values.iter_mut().zip(start..end) {
                    *slot = bits.value(row) as u8;
                }
            }
            GuestColumn::Utf8(array) => {
                write_offset_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::LargeUtf8(array) => {
                write_offset_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::Binary(array) => {
                write_offset_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::LargeBinary(array) => {
                write_offset_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::Utf8View(array) => {
                write_view_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::BinaryView(array) => {
                write_view_bytes(array, scratch, base, values_offset, bytes_offset, start, end)
            }
        }
    }
}

/// Copies the values of a view array's rows `start..end` one after another at `bytes_offset` and
/// writes a (pointer, length) pair per row.
fn write_view_bytes<T: ByteViewType + ?Sized>(
    array: &GenericByteViewArray<T>,
    scratch: &mut [u8],
    base: u32,
    values_offset: u32,
    bytes_offset: Option<u32>,
    start: usize,
    end: usize,
) {
    // Writing at 0 instead would overwrite the descriptor: a layout without the region is a bug.
    let bytes_offset =
        bytes_offset.expect("BatchLayout gives every STRING and BINARY argument its bytes region") as usize;
    let mut cursor = bytes_offset;
    for (index, row) in (start..end).enumerate() {
        let value: &[u8] = array.value(row).as_ref();
        scratch[cursor..cursor + value.len()].copy_from_slice(value);
        let pair = values_offset as usize + index * 8;
        scratch[pair..pair + 4].copy_from_slice(&(base + cursor as u32).to_le_bytes());
        scratch[pair + 4..pair + 8].copy_from_slice(&(value.len() as u32).to_le_bytes());
        cursor += value.len();
    }
}

fn offsets_span<O: OffsetSizeTrait>(offsets: &[O], start: usize, end: usize) -> u64 {
    (offsets[end].as_usize() - offsets[start].as_usize()) as u64
}

fn write_offset_bytes<T: ByteArrayType>(
    array: &GenericByteArray<T>,
    scratch: &mut [u8],
    base: u32,
    values_offset: u32,
    bytes_offset: Option<u32>,
    start: usize,
    end: usize,
) {
    let offsets = array.value_offsets();
    let first = offsets[start].as_usize();
    let last = offsets[end].as_usize();
    // Writing at 0 instead would overwrite the descriptor: a layout without the region is a bug.
    let bytes_offset =
        bytes_offset.expect("BatchLayout gives every STRING and BINARY argument its bytes region") as usize;
    scratch[bytes_offset..bytes_offset + (last - first)].copy_from_slice(&array.values()[first..last]);
    let data_base = base + bytes_offset as u32;
    let pairs = &mut scratch[values_offset as usize..values_offset as usize + (end - start) * 8];
    for (pair, window) in pairs.chunks_exact_mut(8).zip(offsets[start..=end].windows(2)) {
        let from = window[0].as_usize() - first;
        let len = window[1].as_usize() - window[0].as_usize();
        pair[..4].copy_from_slice(&(data_base + from as u32).to_le_bytes());
        pair[4..].copy_from_slice(&(len as u32).to_le_bytes());
    }
}

/// Writes the selection bytes (1 = valid row) for rows `start..end`.
pub(crate) fn write_selection(scratch: &mut [u8], offset: u32, nulls: &NullBuffer, start: usize, end: usize) {
    let selection = &mut scratch[offset as usize..offset as usize + (end - start)];
    for (slot, row) in selection.iter_mut().zip(start..end) {
        *slot = nulls.is_valid(row) as u8;
    }
}

/// Accumulates result chunks into one Arrow array.
pub(crate) enum ResultBuilder {
    Int(Vec<i32>),
    BigInt(Vec<i64>),
    Float(Vec<f32>),
    Double(Vec<f64>),
    Boolean(Vec<bool>),
    Date(Vec<i32>),
    Timestamp(Vec<i64>),
    /// Every value is checked to have at most `precision` digits.
    Decimal {
        values: Vec<i128>,
        precision: u8,
        scale: i8,
    },
    /// STRING (`utf8`: every value checked) or BINARY. `max_bytes`: the most bytes one batch may
    /// return (the guest's memory cap: a guest can alias one long string from every row, and the
    /// host must not copy more than it holds).
    Bytes {
        offsets: Vec<i32>,
        bytes: Vec<u8>,
        max_bytes: u64,
        utf8: bool,
    },
}

impl ResultBuilder {
    pub(crate) fn new(sql_type: SqlType, rows: usize, max_string_bytes: u64) -> Self {
        match sql_type {
            SqlType::Int => ResultBuilder::Int(Vec::with_capacity(rows)),
            SqlType::BigInt => ResultBuilder::BigInt(Vec::with_capacity(rows)),
            SqlType::Float => ResultBuilder::Float(Vec::with_capacity(rows)),
            SqlType::Double => ResultBuilder::Double(Vec::with_capacity(rows)),
            SqlType::Boolean => ResultBuilder::Boolean(Vec::with_capacity(rows)),
            SqlType::Date => ResultBuilder::Date(Vec::with_capacity(rows)),
            SqlType::Timestamp => ResultBuilder::Timestamp(Vec::with_capacity(rows)),
            SqlType::Decimal { precision, scale } => ResultBuilder::Decimal {
                values: Vec::with_capacity(rows),
                precision,
                scale,
            },
            SqlType::String | SqlType::Binary => {
                let mut offsets = Vec::with_capacity(rows + 1);
                offsets.push(0);
                ResultBuilder::Bytes {
                    offsets,
                    bytes: Vec::new(),
                    max_bytes: max_string_bytes,
                    utf8: sql_type == SqlType::String,
                }
            }
        }
    }

    /// Reads `layout.rows` results from guest memory. `valid(i)` says whether row `i` of the
    /// chunk was computed. NULL rows are skipped by the guest: a string result reads as empty, a
    /// fixed-width one as whatever the slot holds; the null buffer hides both.
    pub(crate) fn read_chunk(
        &mut self,
        memory: &[u8],
        base: u32,
        layout: &BatchLayout,
        valid: impl Fn(usize) -> bool,
    ) -> Result<(), (usize, OutputProblem)> {
        let rows = layout.rows as usize;
        let output = (base + layout.output) as usize;
        // Fixed-width results go from guest memory straight into the typed vector that the
        // Arrow array will own: one pass, no intermediate copy.
        match self {
            ResultBuilder::Int(values) => decode_into(values, &memory[output..output + rows * 4], i32::from_le_bytes),
            ResultBuilder::BigInt(values) => {
                decode_into(values, &memory[output..output + rows * 8], i64::from_le_bytes)
            }
            ResultBuilder::Float(values) => decode_into(values, &memory[output..output + rows * 4], f32::from_le_bytes),
            ResultBuilder::Double(values) => {
                decode_into(values, &memory[output..output + rows * 8], f64::from_le_bytes)
            }
            ResultBuilder::Boolean(values) => {
                values.extend(memory[output..output + rows].iter().map(|&byte| byte != 0))
            }
            ResultBuilder::Date(values) => decode_into(values, &memory[output..output + rows * 4], i32::from_le_bytes),
            ResultBuilder::Timestamp(values) => {
                decode_into(values, &memory[output..output + rows * 8], i64::from_le_bytes)
            }
            ResultBuilder::Decimal {
                values,
                precision,
                scale,
            } => {
                let first = values.len();
                decode_into(values, &memory[output..output + rows * 16], i128::from_le_bytes);
                // A value with more digits than the type holds would be an invalid Arrow array.
                let limit = 10i128.pow(*precision as u32);
                if let Some(row) =
                    (0..rows).find(|&row| valid(row) && values[first + row].unsigned_abs() >= limit as u128)
                {
                    return Err((
                        row,
                        OutputProblem::DecimalOutOfRange {
                            precision: *precision,
                            scale: *scale,
                        },
                    ));
                }
            }
            ResultBuilder::Bytes {
                offsets,
                bytes,
                max_bytes,
                utf8,
            } => {
                let pairs = &memory[output..output + rows * 8];
                for (row, pair) in pairs.chunks_exact(8).enumerate() {
                    if valid(row) {
                        let ptr = u32::from_le_bytes([pair[0], pair[1], pair[2], pair[3]]);
                        let len = i32::from_le_bytes([pair[4], pair[5], pair[6], pair[7]]);
                        let value = bytes_at(memory, ptr, len, *utf8).map_err(|problem| (row, problem))?;
                        // Checked before copying: the host holds no more than the guest could.
                        if (bytes.len() + value.len()) as u64 > *max_bytes {
                            return Err((row, OutputProblem::TooLarge { limit: *max_bytes }));
                        }
                        bytes.extend_from_slice(value);
                    }
                    let end = i32::try_from(bytes.len()).map_err(|_| {
                        (
                            row,
                            OutputProblem::OutOfBounds {
                                ptr: 0,
                                len: 0,
                                memory_bytes: memory.len(),
                            },
                        )
                    })?;
                    offsets.push(end);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn finish(self, nulls: Option<NullBuffer>) -> ArrayRef {
        match self {
            ResultBuilder::Int(values) => Arc::new(PrimitiveArray::<Int32Type>::new(values.into(), nulls)),
            ResultBuilder::BigInt(values) => Arc::new(PrimitiveArray::<Int64Type>::new(values.into(), nulls)),
            ResultBuilder::Float(values) => Arc::new(PrimitiveArray::<Float32Type>::new(values.into(), nulls)),
            ResultBuilder::Double(values) => Arc::new(PrimitiveArray::<Float64Type>::new(values.into(), nulls)),
            ResultBuilder::Boolean(values) => Arc::new(BooleanArray::new(BooleanBuffer::from(values), nulls)),
            ResultBuilder::Date(values) => Arc::new(PrimitiveArray::<Date32Type>::new(values.into(), nulls)),
            ResultBuilder::Timestamp(values) => {
                Arc::new(PrimitiveArray::<TimestampMicrosecondType>::new(values.into(), nulls))
            }
            ResultBuilder::Decimal {
                values,
                precision,
                scale,
            } => Arc::new(
                PrimitiveArray::<Decimal128Type>::new(values.into(), nulls)
                    .with_precision_and_scale(precision, scale)
                    .expect("a SqlType's precision and scale are valid"),
            ),
            ResultBuilder::Bytes {
                offsets,
                bytes,
                utf8: false,
                ..
            } => {
                let offsets = arrow_buffer::OffsetBuffer::new(ScalarBuffer::from(offsets));
                Arc::new(BinaryArray::new(offsets, bytes.into(), nulls))
            }
            ResultBuilder::Bytes { offsets, bytes, .. } => {
                let offsets = arrow_buffer::OffsetBuffer::new(ScalarBuffer::from(offsets));
                // SAFETY: `bytes` is the concatenation of values each validated as UTF-8 by
                // `string_at`, and every offset is `bytes.len()` after a whole value (checked to
                // fit in i32), so offsets start at 0, never decrease, end at `bytes.len()` and
                // fall on char boundaries. `nulls` is the union of the arguments' null buffers,
                // so it has one entry per row as long as each argument has `rows` values, which
                // `UdfRunner::call` requires (the DataFusion adapter passes `into_array(rows)`).
                Arc::new(unsafe { StringArray::new_unchecked(offsets, bytes.into(), nulls) })
            }
        }
    }
}

fn decode_into<T, const N: usize>(values: &mut Vec<T>, bytes: &[u8], decode: fn([u8; N]) -> T) {
    values.extend(
        bytes
            .chunks_exact(N)
            .map(|chunk| decode(chunk.try_into().unwrap_or([0; N]))),
    );
}

/// The bytes of a guest string result, if it lies inside memory and is UTF-8.
pub(crate) fn string_at(memory: &[u8], ptr: u32, len: i32) -> Result<&[u8], OutputProblem> {
    bytes_at(memory, ptr, len, true)
}

/// The bytes of a guest STRING (`utf8`) or BINARY result, if they lie inside memory (and are
/// UTF-8).
pub(crate) fn bytes_at(memory: &[u8], ptr: u32, len: i32, utf8: bool) -> Result<&[u8], OutputProblem> {
    let out_of_bounds = || OutputProblem::OutOfBounds {
        ptr,
        len,
        memory_bytes: memory.len(),
    };
    let len = usize::try_from(len).map_err(|_| out_of_bounds())?;
    let start = ptr as usize;
    let end = start.checked_add(len).ok_or_else(out_of_bounds)?;
    let bytes = memory.get(start..end).ok_or_else(out_of_bounds)?;
    if utf8 {
        std::str::from_utf8(bytes).map_err(|error| OutputProblem::InvalidUtf8 {
            valid_up_to: error.valid_up_to(),
        })?;
    }
    Ok(bytes)
}

/// The input values of one row, for error messages (strings shortened).
pub(crate) fn describe_row(columns: &[(&str, &ArrayRef)], row: usize) -> RowLocation {
    let values = columns
        .iter()
        .map(|(name, array)| (name.to_string(), describe_value(array, row)))
        .collect();
    RowLocation::Row { index: row, values }
}

fn describe_value(array: &ArrayRef, row: usize) -> String {
    if array.is_null(row) {
        return "NULL".to_string();
    }
    match array.data_type() {
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).to_string(),
        // Debug, not Display: 1e300 stays "1e300" instead of 301 digits.
        DataType::Float32 => format!("{:?}", array.as_primitive::<Float32Type>().value(row)),
        DataType::Float64 => format!("{:?}", array.as_primitive::<Float64Type>().value(row)),
        DataType::Boolean => array.as_boolean().value(row).to_string(),
        DataType::Utf8 => quote(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => quote(array.as_string::<i64>().value(row)),
        DataType::Utf8View => quote(array.as_string_view().value(row)),
        // Narrow integers, dates, decimals, bytes...: as Arrow prints them, shortened.
        other => match arrow_cast::display::array_value_to_string(array, row) {
            Ok(text) => shorten(&text),
            Err(_) => format!("<{other}>"),
        },
    }
}

pub(crate) fn quote(text: &str) -> String {
    format!("{:?}", shorten(text))
}

/// At most 40 characters of `text`, with `…` when there were more.
fn shorten(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use arrow_array::{
        Date32Array, Float32Array, Float64Array, Int16Array, Int32Array, Int64Array, LargeStringArray, UInt32Array,
    };

    use super::*;

    fn layout(rows: u32, output: u32, returns: SqlType) -> BatchLayout {
        BatchLayout {
            rows,
            selection: None,
            output,
            returns,
            args: Vec::new(),
            total_bytes: 0,
        }
    }

    fn put_pair(memory: &mut [u8], at: usize, ptr: u32, len: i32) {
        memory[at..at + 4].copy_from_slice(&ptr.to_le_bytes());
        memory[at + 4..at + 8].copy_from_slice(&len.to_le_bytes());
    }

    fn string_slot(values: u32, bytes: u32, count: u32) -> ColumnSlot {
        ColumnSlot {
            sql_type: SqlType::String,
            values,
            bytes: Some((bytes, count)),
        }
    }

    #[test]
    fn guest_column_accepts_exactly_the_arrow_types_of_each_sql_type() {
        let arrays: [ArrayRef; 16] = [
            Arc::new(Int32Array::from(vec![1])),
            Arc::new(Int64Array::from(vec![1])),
            Arc::new(Float32Array::from(vec![1.0])),
            Arc::new(Float64Array::from(vec![1.0])),
            Arc::new(BooleanArray::from(vec![true])),
            Arc::new(StringArray::from(vec!["a"])),
            Arc::new(LargeStringArray::from(vec!["a"])),
            Arc::new(StringViewArray::from(vec!["a"])),
            Arc::new(Int16Array::from(vec![1])),
            Arc::new(UInt32Array::from(vec![1])),
            Arc::new(Date32Array::from(vec![1])),
            Arc::new(arrow_array::TimestampMicrosecondArray::from(vec![1])),
            Arc::new(
                arrow_array::Decimal128Array::from(vec![1])
                    .with_precision_and_scale(38, 10)
                    .unwrap(),
            ),
            Arc::new(arrow_array::BinaryArray::from(vec![&b"a"[..]])),
            Arc::new(arrow_array::LargeBinaryArray::from(vec![&b"a"[..]])),
            Arc::new(BinaryViewArray::from(vec![&b"a"[..]])),
        ];
        for sql_type in SqlType::ALL {
            let accepted: Vec<DataType> = arrays
                .iter()
                .filter(|array| GuestColumn::new(array, sql_type).is_some())
                .map(|array| array.data_type().clone())
                .collect();
            let expected = match sql_type {
                SqlType::String => vec![DataType::Utf8, DataType::LargeUtf8, DataType::Utf8View],
                SqlType::Binary => vec![DataType::Binary, DataType::LargeBinary, DataType::BinaryView],
                other => vec![other.arrow_type()],
            };
            assert_eq!(accepted, expected, "{sql_type}");
            for array in &arrays {
                assert_eq!(
                    GuestColumn::new(array, sql_type).is_some(),
                    SqlType::from_arrow(array.data_type()) == Some(sql_type),
                    "{sql_type} / {}",
                    array.data_type()
                );
            }
        }
    }

    #[test]
    fn fixed_width_write_copies_little_endian_values_of_a_sliced_array() {
        let array: ArrayRef = Arc::new(Int32Array::from(vec![1, 2, 3, 4, 5]));
        let sliced = array.slice(1, 3); // [2, 3, 4]
        let column = GuestColumn::new(&sliced, SqlType::Int).expect("INT takes Int32");
        let slot = ColumnSlot {
            sql_type: SqlType::Int,
            values: 4,
            bytes: None,
        };
        let mut scratch = [0xAA_u8; 16];
        column.write(&mut scratch, 0, &slot, 1, 3);
        let mut expected = [0xAA_u8; 16];
        expected[4..8].copy_from_slice(&3_i32.to_le_bytes());
        expected[8..12].copy_from_slice(&4_i32.to_le_bytes());
        assert_eq!(scratch, expected);
        assert_eq!(column.string_bytes(0, 3), 0);
    }

    #[test]
    fn double_write_keeps_every_bit() {
        let array: ArrayRef = Arc::new(Float64Array::from(vec![1.5, -0.0, f64::NAN]));
        let column = GuestColumn::new(&array, SqlType::Double).expect("DOUBLE takes Float64");
        let slot = ColumnSlot {
            sql_type: SqlType::Double,
            values: 0,
            bytes: None,
        };
        let mut scratch = [0_u8; 24];
        column.write(&mut scratch, 0, &slot, 0, 3);
        let mut expected = [0_u8; 24];
        expected[0..8].copy_from_slice(&1.5_f64.to_le_bytes());
        expected[8..16].copy_from_slice(&(-0.0_f64).to_le_bytes());
        expected[16..24].copy_from_slice(&f64::NAN.to_le_bytes());
        assert_eq!(scratch, expected);
    }

    #[test]
    fn boolean_write_is_one_byte_per_row_of_a_sliced_array() {
        let array: ArrayRef = Arc::new(BooleanArray::from(vec![true, false, true, true, false]));
        let sliced = array.slice(1, 4); // [false, true, true, false]
        let column = GuestColumn::new(&sliced, SqlType::Boolean).expect("BOOLEAN takes Boolean");
        let slot = ColumnSlot {
            sql_type: SqlType::Boolean,
            values: 2,
            bytes: None,
        };
        let mut scratch = [7_u8; 6];
        column.write(&mut scratch, 0, &slot, 0, 3);
        assert_eq!(scratch, [7, 7, 0, 1, 1, 7]);
    }

    #[test]
    fn string_bytes_counts_the_utf8_bytes_of_a_row_range() {
        let utf8: ArrayRef = Arc::new(StringArray::from(vec!["a", "bcd", "", "éé"]));
        let large: ArrayRef = Arc::new(LargeStringArray::from(vec!["a", "bcd", "", "éé"]));
        let view: ArrayRef = Arc::new(StringViewArray::from(vec!["a", "bcd", "", "éé"]));
        for array in [&utf8, &large, &view] {
            let column = GuestColumn::new(array, SqlType::String).expect("STRING takes every string layout");
            assert_eq!(column.string_bytes(0, 4), 8, "{}", array.data_type());
            assert_eq!(column.string_bytes(1, 3), 3, "{}", array.data_type());
            assert_eq!(column.string_bytes(3, 4), 4, "{}", array.data_type());
            assert_eq!(column.string_bytes(2, 2), 0, "{}", array.data_type());

            let sliced = array.slice(1, 3); // ["bcd", "", "éé"]
            let column = GuestColumn::new(&sliced, SqlType::String).expect("a slice keeps its type");
            assert_eq!(column.string_bytes(0, 3), 7, "{}", array.data_type());
            assert_eq!(column.string_bytes(0, 1), 3, "{}", array.data_type());
            assert_eq!(column.string_bytes(2, 3), 4, "{}", array.data_type());
        }
    }

    #[test]
    fn string_bytes_of_a_view_counts_long_strings_in_full() {
        // 27 bytes: stored out of line, unlike the 12-byte-or-shorter ones.
        let long = "a string longer than twelve";
        let view: ArrayRef = Arc::new(StringViewArray::from(vec!["x", long, "twelve bytes", ""]));
        let column = GuestColumn::new(&view, SqlType::String).expect("STRING takes Utf8View");
        assert_eq!(column.string_bytes(0, 4), 1 + 27 + 12);
        assert_eq!(column.string_bytes(1, 2), 27);
        let sliced = view.slice(1, 2);
        let column = GuestColumn::new(&sliced, SqlType::String).expect("a slice keeps its type");
        assert_eq!(column.string_bytes(0, 2), 27 + 12);
    }

    #[test]
    fn utf8_write_places_pointer_length_pairs_and_packed_bytes() {
        let array: ArrayRef = Arc::new(StringArray::from(vec!["ab", "", "cde", "f"]));
        let column = GuestColumn::new(&array, SqlType::String).expect("STRING takes Utf8");
        let mut scratch = [0_u8; 32];
        column.write(&mut scratch, 1000, &string_slot(0, 16, 3), 1, 3);
        let mut expected = [0_u8; 32];
        put_pair(&mut expected, 0, 1016, 0);
        put_pair(&mut expected, 8, 1016, 3);
        expected[16..19].copy_from_slice(b"cde");
        assert_eq!(scratch, expected);
    }

    #[test]
    fn every_string_layout_writes_the_same_bytes_for_a_sliced_range() {
        let long = "a string longer than twelve";
        let values = vec!["ab", "", long, "é", "tail"];
        let utf8: ArrayRef = Arc::new(StringArray::from(values.clone()));
        let large: ArrayRef = Arc::new(LargeStringArray::from(values.clone()));
        let view: ArrayRef = Arc::new(StringViewArray::from(values));
        let mut expected = [0_u8; 64];
        // Rows 1..3 of the slice [1..5] = ["", long, "é", "tail"]: long and "é".
        put_pair(&mut expected, 0, 512 + 24, 27);
        put_pair(&mut expected, 8, 512 + 24 + 27, 2);
        expected[24..51].copy_from_slice(long.as_bytes());
        expected[51..53].copy_from_slice("é".as_bytes());
        for array in [&utf8, &large, &view] {
            let sliced = array.slice(1, 4);
            let column = GuestColumn::new(&sliced, SqlType::String).expect("STRING takes every string layout");
            assert_eq!(column.string_bytes(1, 3), 29, "{}", array.data_type());
            let mut scratch = [0_u8; 64];
            column.write(&mut scratch, 512, &string_slot(0, 24, 29), 1, 3);
            assert_eq!(scratch, expected, "{}", array.data_type());
        }
    }

    #[test]
    fn write_selection_marks_valid_rows_of_a_range() {
        let nulls = NullBuffer::from(vec![true, false, true, true, false]);
        let mut scratch = [9_u8; 8];
        write_selection(&mut scratch, 2, &nulls, 1, 4);
        assert_eq!(scratch, [9, 9, 0, 1, 1, 9, 9, 9]);

        let mut scratch = [9_u8; 4];
        write_selection(&mut scratch, 0, &nulls.slice(2, 3), 0, 3);
        assert_eq!(scratch, [1, 1, 0, 9]);

        let mut scratch = [9_u8; 4];
        write_selection(&mut scratch, 1, &nulls, 3, 5);
        assert_eq!(scratch, [9, 1, 0, 9]);
    }

    #[test]
    fn int_results_of_two_chunks_become_one_array_with_nulls() {
        let mut builder = ResultBuilder::new(SqlType::Int, 5, 0);
        let mut memory = [0_u8; 64];
        for (index, value) in [7_i32, 123_456, -1].into_iter().enumerate() {
            memory[24 + index * 4..28 + index * 4].copy_from_slice(&value.to_le_bytes());
        }
        builder
            .read_chunk(&memory, 16, &layout(3, 8, SqlType::Int), |_| true)
            .expect("fixed-width results cannot fail");
        let mut memory = [0_u8; 16];
        memory[0..4].copy_from_slice(&42_i32.to_le_bytes());
        memory[4..8].copy_from_slice(&i32::MIN.to_le_bytes());
        builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::Int), |_| true)
            .expect("fixed-width results cannot fail");
        let result = builder.finish(Some(NullBuffer::from(vec![true, false, true, true, true])));
        assert_eq!(result.data_type(), &DataType::Int32);
        let ints = result.as_primitive::<Int32Type>();
        assert_eq!(
            ints.iter().collect::<Vec<_>>(),
            vec![Some(7), None, Some(-1), Some(42), Some(i32::MIN)]
        );
    }

    #[test]
    fn bigint_float_and_double_results_decode_little_endian() {
        let mut memory = [0_u8; 16];
        memory[0..8].copy_from_slice(&i64::MIN.to_le_bytes());
        memory[8..16].copy_from_slice(&5_i64.to_le_bytes());
        let mut builder = ResultBuilder::new(SqlType::BigInt, 2, 0);
        builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::BigInt), |_| true)
            .expect("fixed-width");
        let result = builder.finish(None);
        assert_eq!(result.data_type(), &DataType::Int64);
        assert_eq!(result.as_primitive::<Int64Type>().values().to_vec(), vec![i64::MIN, 5]);

        let mut memory = [0_u8; 8];
        memory[0..4].copy_from_slice(&5765.22_f32.to_le_bytes());
        memory[4..8].copy_from_slice(&f32::NEG_INFINITY.to_le_bytes());
        let mut builder = ResultBuilder::new(SqlType::Float, 2, 0);
        builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::Float), |_| true)
            .expect("fixed-width");
        let result = builder.finish(None);
        assert_eq!(result.data_type(), &DataType::Float32);
        assert_eq!(
            result.as_primitive::<Float32Type>().values().to_vec(),
            vec![5765.22_f32, f32::NEG_INFINITY]
        );

        let mut memory = [0_u8; 16];
        memory[0..8].copy_from_slice(&0.1_f64.to_le_bytes());
        memory[8..16].copy_from_slice(&f64::NAN.to_le_bytes());
        let mut builder = ResultBuilder::new(SqlType::Double, 2, 0);
        builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::Double), |_| true)
            .expect("fixed-width");
        let result = builder.finish(None);
        assert_eq!(result.data_type(), &DataType::Float64);
        let doubles = result.as_primitive::<Float64Type>();
        assert_eq!(doubles.value(0), 0.1);
        assert!(doubles.value(1).is_nan());
        assert_eq!(doubles.null_count(), 0);
    }

    #[test]
    fn boolean_results_treat_any_nonzero_byte_as_true() {
        let memory = [0_u8, 2, 1, 255];
        let mut builder = ResultBuilder::new(SqlType::Boolean, 4, 0);
        builder
            .read_chunk(&memory, 0, &layout(4, 0, SqlType::Boolean), |_| true)
            .expect("fixed-width");
        let result = builder.finish(Some(NullBuffer::from(vec![true, true, false, true])));
        assert_eq!(result.data_type(), &DataType::Boolean);
        assert_eq!(
            result.as_boolean().iter().collect::<Vec<_>>(),
            vec![Some(false), Some(true), None, Some(true)]
        );
    }

    #[test]
    fn string_results_skip_unselected_rows_and_copy_the_rest() {
        let mut memory = [0_u8; 128];
        // Pairs at base 32 + output 0; strings at 64 and 70.
        put_pair(&mut memory, 32, 64, 2);
        put_pair(&mut memory, 40, 0xFFFF_FFF0, 99); // a NULL row: never read
        put_pair(&mut memory, 48, 70, 6);
        memory[64..66].copy_from_slice(b"hi");
        memory[70..76].copy_from_slice("héllo".as_bytes());
        let mut builder = ResultBuilder::new(SqlType::String, 3, 1 << 20);
        builder
            .read_chunk(&memory, 32, &layout(3, 0, SqlType::String), |row| row != 1)
            .expect("in-bounds UTF-8");
        let result = builder.finish(Some(NullBuffer::from(vec![true, false, true])));
        assert_eq!(result.data_type(), &DataType::Utf8);
        let strings = result.as_string::<i32>();
        assert_eq!(
            strings.iter().collect::<Vec<_>>(),
            vec![Some("hi"), None, Some("héllo")]
        );
        assert_eq!(strings.value_offsets(), &[0, 2, 2, 8]);
    }

    #[test]
    fn string_results_outside_memory_are_refused_with_their_row() {
        let mut memory = [0_u8; 64];
        memory[16..18].copy_from_slice(b"ok");
        put_pair(&mut memory, 0, 16, 2);
        put_pair(&mut memory, 8, 60, 8);
        let mut builder = ResultBuilder::new(SqlType::String, 2, 1 << 20);
        let error = builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::String), |_| true)
            .unwrap_err();
        assert_eq!(
            error,
            (
                1,
                OutputProblem::OutOfBounds {
                    ptr: 60,
                    len: 8,
                    memory_bytes: 64
                }
            )
        );
    }

    #[test]
    fn string_results_with_negative_length_or_huge_pointer_are_out_of_bounds() {
        let mut memory = [0_u8; 32];
        put_pair(&mut memory, 0, 16, -1);
        let mut builder = ResultBuilder::new(SqlType::String, 1, 1 << 20);
        assert_eq!(
            builder.read_chunk(&memory, 0, &layout(1, 0, SqlType::String), |_| true),
            Err((
                0,
                OutputProblem::OutOfBounds {
                    ptr: 16,
                    len: -1,
                    memory_bytes: 32
                }
            ))
        );

        put_pair(&mut memory, 0, u32::MAX, 2);
        let mut builder = ResultBuilder::new(SqlType::String, 1, 1 << 20);
        assert_eq!(
            builder.read_chunk(&memory, 0, &layout(1, 0, SqlType::String), |_| true),
            Err((
                0,
                OutputProblem::OutOfBounds {
                    ptr: u32::MAX,
                    len: 2,
                    memory_bytes: 32
                }
            ))
        );
    }

    #[test]
    fn string_results_must_be_utf8() {
        let mut memory = [0_u8; 32];
        memory[16..19].copy_from_slice(&[b'a', 0xFF, b'b']);
        put_pair(&mut memory, 0, 16, 3);
        let mut builder = ResultBuilder::new(SqlType::String, 1, 1 << 20);
        assert_eq!(
            builder.read_chunk(&memory, 0, &layout(1, 0, SqlType::String), |_| true),
            Err((0, OutputProblem::InvalidUtf8 { valid_up_to: 1 }))
        );
    }

    #[test]
    fn string_results_past_the_byte_cap_are_refused() {
        let mut memory = [0_u8; 32];
        memory[16..19].copy_from_slice(b"abc");
        memory[20..22].copy_from_slice(b"de");
        put_pair(&mut memory, 0, 16, 3);
        put_pair(&mut memory, 8, 20, 2);
        let mut builder = ResultBuilder::new(SqlType::String, 2, 4);
        assert_eq!(
            builder.read_chunk(&memory, 0, &layout(2, 0, SqlType::String), |_| true),
            Err((1, OutputProblem::TooLarge { limit: 4 }))
        );

        // Exactly at the cap is fine.
        let mut builder = ResultBuilder::new(SqlType::String, 2, 5);
        builder
            .read_chunk(&memory, 0, &layout(2, 0, SqlType::String), |_| true)
            .expect("5 bytes fit a 5-byte cap");
        let result = builder.finish(None);
        assert_eq!(
            result.as_string::<i32>().iter().collect::<Vec<_>>(),
            vec![Some("abc"), Some("de")]
        );
    }

    #[test]
    fn describe_row_shows_values_nulls_and_shortened_strings() {
        let ints: ArrayRef = Arc::new(Int32Array::from(vec![Some(5), None]));
        let long = "a".repeat(45);
        let strings: ArrayRef = Arc::new(StringArray::from(vec!["short", long.as_str()]));
        let floats: ArrayRef = Arc::new(Float32Array::from(vec![1.5, -0.25]));
        let flags: ArrayRef = Arc::new(BooleanArray::from(vec![true, false]));
        let dates: ArrayRef = Arc::new(Date32Array::from(vec![0, 1]));
        let columns = [
            ("x", &ints),
            ("s", &strings),
            ("f", &floats),
            ("b", &flags),
            ("d", &dates),
        ];
        let pairs = |values: [&str; 5]| -> Vec<(String, String)> {
            ["x", "s", "f", "b", "d"]
                .into_iter()
                .zip(values)
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect()
        };
        assert_eq!(
            describe_row(&columns, 0),
            RowLocation::Row {
                index: 0,
                values: pairs(["5", "\"short\"", "1.5", "true", "1970-01-01"]),
            }
        );
        let shortened = format!("\"{}…\"", "a".repeat(40));
        assert_eq!(
            describe_row(&columns, 1),
            RowLocation::Row {
                index: 1,
                values: pairs(["NULL", shortened.as_str(), "-0.25", "false", "1970-01-02"]),
            }
        );
    }

    #[test]
    fn quote_counts_characters_not_bytes() {
        assert_eq!(quote(&"é".repeat(40)), format!("\"{}\"", "é".repeat(40)));
        assert_eq!(quote(&"é".repeat(41)), format!("\"{}…\"", "é".repeat(40)));
        assert_eq!(quote("tab\there"), "\"tab\\there\"");
    }
}
