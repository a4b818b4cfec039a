//! Copies Arrow columns into guest memory and results back out, per `wasmudf_abi::BatchLayout`.
//!
//! Everything read back is hostile: string results are bounds-checked against the memory's
//! current size and UTF-8-validated before they become Arrow values.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, GenericStringArray, OffsetSizeTrait, PrimitiveArray, StringArray, StringViewArray,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::DataType;
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
                write_offset_strings(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::LargeUtf8(array) => {
                write_offset_strings(array, scratch, base, values_offset, bytes_offset, start, end)
            }
            GuestColumn::Utf8View(array) => {
                let bytes_offset = bytes_offset.unwrap_or(0) as usize;
                let mut cursor = bytes_offset;
                for (index, row) in (start..end).enumerate() {
                    let value = array.value(row).as_bytes();
                    scratch[cursor..cursor + value.len()].copy_from_slice(value);
                    let pair = values_offset as usize + index * 8;
                    scratch[pair..pair + 4].copy_from_slice(&(base + cursor as u32).to_le_bytes());
                    scratch[pair + 4..pair + 8].copy_from_slice(&(value.len() as u32).to_le_bytes());
                    cursor += value.len();
                }
            }
        }
    }
}

fn offsets_span<O: OffsetSizeTrait>(offsets: &[O], start: usize, end: usize) -> u64 {
    (offsets[end].as_usize() - offsets[start].as_usize()) as u64
}

fn write_offset_strings<O: OffsetSizeTrait>(
    array: &GenericStringArray<O>,
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
    let bytes_offset = bytes_offset.unwrap_or(0) as usize;
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

/// The Arrow type of a UDF result of `sql_type`.
pub fn arrow_type(sql_type: SqlType) -> DataType {
    match sql_type {
        SqlType::Int => DataType::Int32,
        SqlType::BigInt => DataType::Int64,
        SqlType::Float => DataType::Float32,
        SqlType::Double => DataType::Float64,
        SqlType::Boolean => DataType::Boolean,
        SqlType::String => DataType::Utf8,
    }
}

/// Accumulates result chunks into one Arrow array.
pub(crate) enum ResultBuilder {
    Int(Vec<i32>),
    BigInt(Vec<i64>),
    Float(Vec<f32>),
    Double(Vec<f64>),
    Boolean(Vec<bool>),
    /// `max_bytes`: the most string bytes one batch may return (the guest's memory cap: a guest
    /// can alias one long string from every row, and the host must not copy more than it holds).
    String {
        offsets: Vec<i32>,
        bytes: Vec<u8>,
        max_bytes: u64,
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
            SqlType::String => {
                let mut offsets = Vec::with_capacity(rows + 1);
                offsets.push(0);
                ResultBuilder::String {
                    offsets,
                    bytes: Vec::new(),
                    max_bytes: max_string_bytes,
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
            ResultBuilder::String {
                offsets,
                bytes,
                max_bytes,
            } => {
                let pairs = &memory[output..output + rows * 8];
                for (row, pair) in pairs.chunks_exact(8).enumerate() {
                    if valid(row) {
                        let ptr = u32::from_le_bytes([pair[0], pair[1], pair[2], pair[3]]);
                        let len = i32::from_le_bytes([pair[4], pair[5], pair[6], pair[7]]);
                        let value = string_at(memory, ptr, len).map_err(|problem| (row, problem))?;
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
            ResultBuilder::String { offsets, bytes, .. } => {
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
fn string_at(memory: &[u8], ptr: u32, len: i32) -> Result<&[u8], OutputProblem> {
    let out_of_bounds = || OutputProblem::OutOfBounds {
        ptr,
        len,
        memory_bytes: memory.len(),
    };
    let len = usize::try_from(len).map_err(|_| out_of_bounds())?;
    let start = ptr as usize;
    let end = start.checked_add(len).ok_or_else(out_of_bounds)?;
    let bytes = memory.get(start..end).ok_or_else(out_of_bounds)?;
    std::str::from_utf8(bytes).map_err(|error| OutputProblem::InvalidUtf8 {
        valid_up_to: error.valid_up_to(),
    })?;
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
        DataType::Float32 => array.as_primitive::<Float32Type>().value(row).to_string(),
        DataType::Float64 => array.as_primitive::<Float64Type>().value(row).to_string(),
        DataType::Boolean => array.as_boolean().value(row).to_string(),
        DataType::Utf8 => quote(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => quote(array.as_string::<i64>().value(row)),
        DataType::Utf8View => quote(array.as_string_view().value(row)),
        other => format!("<{other}>"),
    }
}

fn quote(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}
