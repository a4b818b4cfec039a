//! Where the host places one batch in guest memory.
//!
//! The host asks the guest for a scratch region (`wasmudf_reserve`), then lays the batch out in
//! it as computed here, writes the descriptor at its start and calls `wasmudf_run(descriptor)`:
//!
//! ```text
//! scratch + 0   descriptor: u32 rows, u32 selection, u32 output, u32 args[N], u32 log
//!               (log: 0 from the host; a guest that printed writes its log's address here)
//!               selection:  rows x u8 (1 = call the function, 0 = a NULL row, skip it); only
//!                           when some input is NULL, else the descriptor's selection is 0
//!               output:     rows x return type (a STRING result is a wasmudf_str: u32 ptr, i32 len)
//!               args[i]:    rows x argument type (a STRING or BINARY argument is a pointer and
//!                           a length: wasmudf_str, wasmudf_bytes)
//!               bytes[i]:   the bytes every STRING or BINARY argument's values point into
//! ```
//!
//! An aggregate's update call uses the same layout, its `output` region holding the group of
//! each row instead (`rows x u32`, written by the host: [`BatchLayout::for_update`]); its merge
//! call has a layout of its own ([`MergeLayout`]); its finish call is a batch of no arguments.
//!
//! Every region starts at a multiple of [`SCRATCH_ALIGN`]. All numbers are little-endian, and
//! every pointer is an absolute guest address.

use crate::SqlType;

/// Alignment of every region in the scratch area (enough for SIMD loads).
pub const SCRATCH_ALIGN: u32 = 16;
/// Bytes of the descriptor before its `args` array: rows, selection, output.
pub const DESCRIPTOR_HEADER_BYTES: u32 = 12;
/// Bytes of text a guest's log holds for one call (`printf`, `puts`, `wasmudf_log`); the guest
/// drops what does not fit and says so in the log's `truncated` word.
pub const GUEST_LOG_BYTES: u32 = 64 * 1024;
/// Bytes of text one row may print; the guest cuts the rest and marks the cut.
pub const ROW_LOG_BYTES: u32 = 1024;
/// Bytes of a guest log's header: `u32 len`, `u32 truncated`; the text follows.
pub const GUEST_LOG_HEADER_BYTES: u32 = 8;

/// The place of one argument column in the scratch region (offsets relative to its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSlot {
    pub sql_type: SqlType,
    /// `rows` values of `sql_type.guest_width()` bytes each.
    pub values: u32,
    /// For STRING and BINARY arguments: where their bytes go, and how many there are.
    pub bytes: Option<(u32, u32)>,
}

/// The layout of one batch: computed by the host, relative to the scratch region's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchLayout {
    pub rows: u32,
    pub selection: Option<u32>,
    pub output: u32,
    pub returns: SqlType,
    pub args: Vec<ColumnSlot>,
    /// Total bytes to reserve.
    pub total_bytes: u32,
}

impl BatchLayout {
    /// Lays out `rows` rows of the given argument types. `string_bytes[i]` is the number of UTF-8
    /// bytes of argument `i` (ignored for non-STRING arguments). Returns `None` when the batch
    /// does not fit in a 32-bit address space; callers split batches well before that.
    pub fn new(
        arg_types: &[SqlType],
        string_bytes: &[u64],
        returns: SqlType,
        rows: u32,
        with_selection: bool,
    ) -> Option<Self> {
        let mut cursor = Cursor(0);
        let descriptor_bytes = descriptor_bytes(arg_types.len()) as u64;
        cursor.take(descriptor_bytes)?;
        let selection = if with_selection {
            Some(cursor.take(rows as u64)?)
        } else {
            None
        };
        let output = cursor.take(rows as u64 * returns.guest_width() as u64)?;
        let mut args = Vec::with_capacity(arg_types.len());
        for &sql_type in arg_types {
            let values = cursor.take(rows as u64 * sql_type.guest_width() as u64)?;
            args.push(ColumnSlot {
                sql_type,
                values,
                bytes: None,
            });
        }
        for (slot, &byte_count) in args.iter_mut().zip(string_bytes) {
            if slot.sql_type.is_bytes() {
                let offset = cursor.take(byte_count)?;
                slot.bytes = Some((offset, u32::try_from(byte_count).ok()?));
            }
        }
        Some(BatchLayout {
            rows,
            selection,
            output,
            returns,
            args,
            total_bytes: u32::try_from(cursor.0).ok()?,
        })
    }

    /// The layout of an aggregate's update call: the `output` region holds each row's group
    /// (`u32`, an index into the state array), written by the host like an argument.
    pub fn for_update(arg_types: &[SqlType], string_bytes: &[u64], rows: u32, with_selection: bool) -> Option<Self> {
        Self::new(arg_types, string_bytes, SqlType::Int, rows, with_selection)
    }

    /// Where an update call's group indices go (its `output` region).
    pub fn groups(&self) -> u32 {
        self.output
    }

    /// The descriptor's bytes for a scratch region starting at guest address `base`.
    pub fn descriptor(&self, base: u32) -> Vec<u8> {
        let mut descriptor = vec![0; self.descriptor_bytes()];
        self.write_descriptor(base, &mut descriptor);
        descriptor
    }

    /// Bytes of the descriptor: the header, one address per argument, the log word.
    pub fn descriptor_bytes(&self) -> usize {
        descriptor_bytes(self.args.len())
    }

    /// Offset of the descriptor's log word from the scratch region's start.
    pub fn log_slot(&self) -> u32 {
        DESCRIPTOR_HEADER_BYTES + 4 * self.args.len() as u32
    }

    /// Writes the descriptor for a scratch region at guest address `base` into the start of
    /// `scratch` (at least [`Self::descriptor_bytes`] long), without allocating: the per-row
    /// path writes it on every call.
    pub fn write_descriptor(&self, base: u32, scratch: &mut [u8]) {
        let mut put = |at: usize, value: u32| scratch[at..at + 4].copy_from_slice(&value.to_le_bytes());
        put(0, self.rows);
        put(4, self.selection.map_or(0, |offset| base + offset));
        put(8, base + self.output);
        for (index, slot) in self.args.iter().enumerate() {
            put(DESCRIPTOR_HEADER_BYTES as usize + 4 * index, base + slot.values);
        }
        put(self.log_slot() as usize, 0);
    }
}

/// The layout of an aggregate's merge call:
///
/// ```text
/// scratch + 0   descriptor: u32 rows, u32 selection, u32 groups, u32 incoming, u32 log
///               selection:  rows x u8 (0 = no state in this row: skip it), or 0 for none
///               groups:     rows x u32, the group each incoming state merges into
///               incoming:   rows x state bytes, the partial states
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeLayout {
    pub rows: u32,
    pub selection: Option<u32>,
    pub groups: u32,
    pub incoming: u32,
    pub total_bytes: u32,
}

impl MergeLayout {
    /// Bytes of the descriptor.
    pub const DESCRIPTOR_BYTES: u32 = 20;
    /// Offset of the descriptor's log word.
    pub const LOG_SLOT: u32 = 16;

    pub fn new(rows: u32, state_bytes: u32, with_selection: bool) -> Option<Self> {
        let mut cursor = Cursor(0);
        cursor.take(Self::DESCRIPTOR_BYTES as u64)?;
        let selection = if with_selection {
            Some(cursor.take(rows as u64)?)
        } else {
            None
        };
        let groups = cursor.take(rows as u64 * 4)?;
        let incoming = cursor.take(rows as u64 * state_bytes as u64)?;
        Some(MergeLayout {
            rows,
            selection,
            groups,
            incoming,
            total_bytes: u32::try_from(cursor.0).ok()?,
        })
    }

    /// Writes the descriptor for a scratch region at guest address `base` into `scratch`.
    pub fn write_descriptor(&self, base: u32, scratch: &mut [u8]) {
        let mut put = |at: usize, value: u32| scratch[at..at + 4].copy_from_slice(&value.to_le_bytes());
        put(0, self.rows);
        put(4, self.selection.map_or(0, |offset| base + offset));
        put(8, base + self.groups);
        put(12, base + self.incoming);
        put(Self::LOG_SLOT as usize, 0);
    }
}

fn descriptor_bytes(args: usize) -> usize {
    DESCRIPTOR_HEADER_BYTES as usize + 4 * args + 4
}

/// Hands out aligned regions, failing past 4 GiB.
struct Cursor(u64);

impl Cursor {
    fn take(&mut self, bytes: u64) -> Option<u32> {
        let start = self.0;
        let end = start.checked_add(bytes)?;
        self.0 = end.div_ceil(SCRATCH_ALIGN as u64) * SCRATCH_ALIGN as u64;
        (self.0 <= u32::MAX as u64).then_some(start as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_aligned_and_do_not_overlap() {
        let layout = BatchLayout::new(
            &[SqlType::Int, SqlType::String, SqlType::Boolean],
            &[0, 1000, 0],
            SqlType::String,
            100,
            true,
        )
        .unwrap();
        let mut regions = vec![
            (0, layout.descriptor_bytes() as u32),
            (layout.selection.unwrap(), 100),
            (layout.output, 800),
        ];
        regions.push((layout.args[0].values, 400));
        regions.push((layout.args[1].values, 800));
        regions.push((layout.args[2].values, 100));
        regions.push(layout.args[1].bytes.unwrap());
        regions.sort();
        for pair in regions.windows(2) {
            assert_eq!(pair[1].0 % SCRATCH_ALIGN, 0);
            assert!(pair[0].0 + pair[0].1 <= pair[1].0, "{pair:?} overlap");
        }
        let last = regions.last().unwrap();
        assert!(last.0 + last.1 <= layout.total_bytes);
        assert_eq!(layout.args[0].bytes, None);
    }

    #[test]
    fn descriptor_holds_absolute_addresses() {
        let layout = BatchLayout::new(&[SqlType::Double], &[0], SqlType::Double, 8, false).unwrap();
        let descriptor = layout.descriptor(0x1_0000);
        let words: Vec<u32> = descriptor
            .chunks(4)
            .map(|word| u32::from_le_bytes(word.try_into().unwrap()))
            .collect();
        assert_eq!(
            words,
            vec![8, 0, 0x1_0000 + layout.output, 0x1_0000 + layout.args[0].values, 0]
        );
    }

    #[test]
    fn merge_regions_follow_the_descriptor_aligned() {
        let layout = MergeLayout::new(10, 24, true).unwrap();
        assert_eq!(layout.selection, Some(32));
        assert_eq!(layout.groups, 48);
        assert_eq!(layout.incoming, 96);
        assert_eq!(layout.total_bytes, 96 + 240);
        let mut descriptor = vec![0u8; MergeLayout::DESCRIPTOR_BYTES as usize];
        layout.write_descriptor(0x100, &mut descriptor);
        let words: Vec<u32> = descriptor
            .chunks(4)
            .map(|word| u32::from_le_bytes(word.try_into().unwrap()))
            .collect();
        assert_eq!(words, vec![10, 0x120, 0x130, 0x160, 0]);
        assert!(MergeLayout::new(u32::MAX, 4096, false).is_none());
    }

    #[test]
    fn batches_beyond_four_gib_are_refused() {
        assert!(BatchLayout::new(&[SqlType::String], &[u32::MAX as u64], SqlType::Int, 10, false).is_none());
    }
}
