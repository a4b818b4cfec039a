//! Calls a UDF over Arrow columns: once per chunk of rows, never once per row.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arrow_array::{Array, ArrayRef};
use arrow_buffer::NullBuffer;
use wasmudf_abi::{BatchLayout, UdfSignature};

use crate::convert::conform;
use crate::instance::GuestInstance;
use crate::log::read_guest_log;
use crate::marshal::{GuestColumn, ResultBuilder, describe_row, write_selection};
use crate::{CancelFlag, GuestLog, LoadedModule, RowLocation, SandboxError, TrapKind};

/// Rows per guest call. Large enough that the per-call cost (two guest calls, a descriptor)
/// disappears, small enough that scratch memory stays a few MiB.
pub const MAX_ROWS_PER_CALL: usize = 16 * 1024;
/// Idle instances kept per runner (about one per engine thread).
const MAX_IDLE_INSTANCES: usize = 16;

/// Runs one UDF for one owner (a query or a session of one tenant): a pool of instances of its
/// module, reused from batch to batch and from thread to thread, never shared with another
/// runner. An instance that trapped is dropped, never returned to the pool.
pub struct UdfRunner {
    module: Arc<LoadedModule>,
    idle: Mutex<Vec<GuestInstance>>,
    cancel: Option<CancelFlag>,
    log: Option<GuestLog>,
}

impl std::fmt::Debug for UdfRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UdfRunner")
            .field("signature", &self.module.signature.to_string())
            .finish_non_exhaustive()
    }
}

impl UdfRunner {
    pub fn new(module: Arc<LoadedModule>) -> Self {
        UdfRunner {
            module,
            idle: Mutex::new(Vec::new()),
            cancel: None,
            log: None,
        }
    }

    /// Keeps what the guest prints (`printf`, `wasmudf_log`) in `log`; without one it is dropped.
    pub fn with_log(mut self, log: GuestLog) -> Self {
        self.log = Some(log);
        self
    }

    /// Stops any running guest call of this runner, within one epoch tick, once `cancel` is set.
    pub fn with_cancel(mut self, cancel: CancelFlag) -> Self {
        self.cancel = Some(cancel);
        self
    }

    pub fn signature(&self) -> &UdfSignature {
        &self.module.signature
    }

    pub fn module(&self) -> &Arc<LoadedModule> {
        &self.module
    }

    /// Applies the UDF to `rows` rows of `args` (one array of `rows` values per parameter, of the
    /// declared types or of a type the table of implicit conversions takes: see
    /// [`wasmudf_abi::ArgumentConversion`]). A row with any NULL input is NULL in the result and
    /// the function is never called on it.
    pub fn call(&self, args: &[ArrayRef], rows: usize) -> Result<ArrayRef, SandboxError> {
        let signature = &self.module.signature;
        let nulls = args.iter().fold(None, |acc: Option<NullBuffer>, array| {
            NullBuffer::union(acc.as_ref(), array.logical_nulls().as_ref())
        });
        let nulls = nulls.filter(|nulls| nulls.null_count() > 0);
        let conformed = conform(signature, args, nulls.as_ref())?;
        let columns = self.columns(&conformed);
        let mut result = ResultBuilder::new(signature.returns(), rows, self.module.limits.memory_bytes);
        if nulls.as_ref().is_none_or(|nulls| nulls.null_count() < rows) {
            let mut instance = self.checkout()?;
            let mut start = 0;
            while start < rows {
                let end = (start + MAX_ROWS_PER_CALL).min(rows);
                if let Err(error) =
                    self.call_chunk(&mut instance, &columns, nulls.as_ref(), start..end, &mut result, true)
                {
                    // The instance is dropped here: a trapped guest is never reused.
                    return Err(self.locate(error, args, &columns, nulls.as_ref(), start, end));
                }
                start = end;
            }
            self.checkin(instance);
        } else {
            // Every row is NULL: no guest call at all.
            return Ok(arrow_array::new_null_array(&signature.returns().arrow_type(), rows));
        }
        Ok(result.finish(nulls))
    }

    fn columns<'a>(&self, args: &'a [Cow<'a, ArrayRef>]) -> Vec<GuestColumn<'a>> {
        args.iter()
            .zip(self.module.signature.params())
            .map(|(array, param)| {
                GuestColumn::new(array, param.sql_type).expect("conform() gives every argument its parameter's type")
            })
            .collect()
    }

    fn call_chunk(
        &self,
        instance: &mut GuestInstance,
        columns: &[GuestColumn<'_>],
        nulls: Option<&NullBuffer>,
        rows: Range<usize>,
        result: &mut ResultBuilder,
        keep_log: bool,
    ) -> Result<(), SandboxError> {
        let Range { start, end } = rows;
        let signature = &self.module.signature;
        let arg_types: Vec<_> = signature.param_types().collect();
        let string_bytes: Vec<u64> = columns.iter().map(|column| column.string_bytes(start, end)).collect();
        let layout = BatchLayout::new(
            &arg_types,
            &string_bytes,
            signature.returns(),
            (end - start) as u32,
            nulls.is_some(),
        )
        .ok_or_else(|| SandboxError::BatchTooLarge {
            function: signature.name().to_string(),
        })?;
        let base = place_batch(instance, &layout, columns, nulls, start..end)?;
        let ran = instance.run(base);
        if let (true, Some(log)) = (keep_log, &self.log)
            && let Some((text, dropped)) = read_guest_log(instance.memory(), base as usize + layout.log_slot() as usize)
        {
            log.append(text, dropped);
        }
        ran?;
        let valid = |row: usize| nulls.is_none_or(|nulls| nulls.is_valid(start + row));
        result
            .read_chunk(instance.memory(), base, &layout, valid)
            .map_err(|(row, problem)| SandboxError::InvalidOutput {
                function: signature.name().to_string(),
                problem,
                location: self.row_location(start + row),
            })
    }

    /// Adds the failing row to a trap. The batch is replayed one row at a time in a fresh
    /// instance until the same kind of trap recurs: zero cost on the hot path, and exact for
    /// deterministic functions. Time limits (which would take as long again) and cancellations
    /// are not replayed, and the whole replay shares one call's deadline: rows that each spin just
    /// under the limit cannot turn one batch into rows x deadline. Past it, the trap names the range.
    fn locate(
        &self,
        error: SandboxError,
        args: &[ArrayRef],
        columns: &[GuestColumn<'_>],
        nulls: Option<&NullBuffer>,
        start: usize,
        end: usize,
    ) -> SandboxError {
        let SandboxError::Trap {
            function,
            kind,
            location: None,
            site,
        } = error
        else {
            return self.with_values(error, args);
        };
        if matches!(kind, TrapKind::TimeLimit(_) | TrapKind::Cancelled) {
            return SandboxError::Trap {
                function,
                kind,
                location: Some(RowLocation::Range { start, end }),
                site,
            };
        }
        let mut location = Some(RowLocation::Range { start, end });
        let replay_deadline = Instant::now() + self.module.limits.batch_timeout;
        let returns = self.module.signature.returns();
        let max_string_bytes = self.module.limits.memory_bytes;
        if let Ok(mut instance) = GuestInstance::new(self.module.clone(), self.cancel.clone()) {
            instance.cap_deadline(replay_deadline);
            let mut scratch = ResultBuilder::new(returns, 1, max_string_bytes);
            for row in start..end {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    continue;
                }
                // A replay's output repeats what the failed call printed: it is not kept.
                match self.call_chunk(&mut instance, columns, None, row..row + 1, &mut scratch, false) {
                    Ok(()) => scratch = ResultBuilder::new(returns, 1, max_string_bytes),
                    Err(SandboxError::Trap { kind: replayed, .. }) if replayed == kind => {
                        location = Some(RowLocation::Row {
                            index: row,
                            values: Vec::new(),
                        });
                        break;
                    }
                    Err(_) => break,
                }
            }
        }
        self.with_values(
            SandboxError::Trap {
                function,
                kind,
                location,
                site,
            },
            args,
        )
    }

    /// Fills in the input values of a located row.
    fn with_values(&self, error: SandboxError, args: &[ArrayRef]) -> SandboxError {
        let named: Vec<(&str, &ArrayRef)> = self
            .module
            .signature
            .params()
            .iter()
            .map(|param| param.name.as_str())
            .zip(args)
            .collect();
        // An argument out of range names its own values already.
        if matches!(error, SandboxError::ArgumentOutOfRange { .. }) {
            return error;
        }
        error.map_location(|location| match location {
            RowLocation::Row { index, .. } => describe_row(&named, index),
            range => range,
        })
    }

    fn row_location(&self, row: usize) -> RowLocation {
        RowLocation::Row {
            index: row,
            values: Vec::new(),
        }
    }

    fn checkout(&self) -> Result<GuestInstance, SandboxError> {
        let idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        match idle {
            Some(instance) => Ok(instance),
            None => GuestInstance::new(self.module.clone(), self.cancel.clone()),
        }
    }

    fn checkin(&self, instance: GuestInstance) {
        let mut idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if idle.len() < MAX_IDLE_INSTANCES {
            idle.push(instance);
        }
    }
}

/// Reserves the scratch region for `layout` and writes the batch into it: the descriptor, the
/// selection (rows `nulls` marks are skipped) and rows `rows` of every argument column. Returns
/// the region's guest address. Shared by scalar calls and an aggregate's update calls.
pub(crate) fn place_batch(
    instance: &mut GuestInstance,
    layout: &BatchLayout,
    columns: &[GuestColumn<'_>],
    nulls: Option<&NullBuffer>,
    rows: Range<usize>,
) -> Result<u32, SandboxError> {
    let base = instance.reserve(layout.total_bytes)?;
    let memory = instance.memory_mut();
    // (In usize: a region may end exactly at 4 GiB.)
    let scratch = &mut memory[base as usize..base as usize + layout.total_bytes as usize];
    layout.write_descriptor(base, scratch);
    if let (Some(offset), Some(nulls)) = (layout.selection, nulls) {
        write_selection(scratch, offset, nulls, rows.start, rows.end);
    }
    for (column, slot) in columns.iter().zip(&layout.args) {
        column.write(scratch, base, slot, rows.start, rows.end);
    }
    Ok(base)
}
