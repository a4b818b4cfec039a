//! Runs an aggregate UDF over Arrow columns: its states live in the guest's memory, one
//! fixed-size record per group, and each batch of rows is folded into them with one guest call
//! per chunk, never one per row.
//!
//! ```text
//! AggregateRunner::new(module)          reads the state size once, checks it
//!   └─ runner.groups()                  one GroupStates per accumulator: its own instance
//!        ├─ update(args, groups, filter)  step each selected row into its group's state
//!        ├─ merge(states, groups)         fold partial states (bytes) into groups
//!        ├─ state(n) / evaluate(n)        the first n groups as bytes / as results; removed
//!   └─ runner.states_per_row(args)      one state per row (a partial aggregation that gave up
//!                                        grouping), from a pooled instance
//! ```
//!
//! The host trusts only what it keeps itself: the state size it read at the start (re-read and
//! compared in every instance), the number of states and the capacity it asked for; the array's
//! address the guest returns is checked to lie inside memory before the host reads or moves a byte
//! of it. A guest that scribbles over its own states corrupts only its own results.

use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arrow_array::{Array, ArrayRef, BinaryArray, BooleanArray};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer};
use wasmudf_abi::{BatchLayout, MAX_AGGREGATE_STATE_BYTES, MergeLayout, UdfSignature};

use crate::convert::conform;
use crate::instance::{AggregateCall, GuestInstance};
use crate::log::read_guest_log;
use crate::marshal::{GuestColumn, ResultBuilder, describe_row, write_selection};
use crate::runner::{MAX_ROWS_PER_CALL, place_batch};
use crate::{CancelFlag, GuestLog, LoadedModule, RowLocation, SandboxError, TrapKind};

/// Idle instances kept for [`AggregateRunner::states_per_row`].
const MAX_IDLE_INSTANCES: usize = 4;

/// Live aggregate instances one owner (a query, a session) may hold at once, unless it says
/// otherwise: each accumulator (an aggregate call x a partition x a stage, a window partition)
/// holds one for its whole life, and instances come from a pool the whole process shares.
pub const DEFAULT_LIVE_AGGREGATE_INSTANCES: usize = 32;

/// A count of live aggregate instances shared by every aggregate of one owner: taken when an
/// accumulator gets its instance, given back when it is dropped. Past its maximum, the query
/// fails with a sentence instead of taking instances other tenants need.
#[derive(Debug, Clone)]
pub struct InstanceBudget {
    live: Arc<std::sync::atomic::AtomicUsize>,
    max: usize,
}

impl InstanceBudget {
    pub fn new(max: usize) -> Self {
        InstanceBudget {
            live: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            max,
        }
    }

    /// Instances taken and not given back.
    pub fn live(&self) -> usize {
        self.live.load(std::sync::atomic::Ordering::Acquire)
    }

    fn take(&self, function: &str) -> Result<BudgetSlot, SandboxError> {
        let taken = self
            .live
            .fetch_update(
                std::sync::atomic::Ordering::AcqRel,
                std::sync::atomic::Ordering::Acquire,
                |live| (live < self.max).then_some(live + 1),
            )
            .is_ok();
        if !taken {
            return Err(SandboxError::TooManyInstances {
                function: function.to_string(),
                max: self.max,
            });
        }
        Ok(BudgetSlot { budget: self.clone() })
    }
}

impl Default for InstanceBudget {
    fn default() -> Self {
        InstanceBudget::new(DEFAULT_LIVE_AGGREGATE_INSTANCES)
    }
}

/// One taken instance of a budget, given back on drop.
#[derive(Debug)]
struct BudgetSlot {
    budget: InstanceBudget,
}

impl Drop for BudgetSlot {
    fn drop(&mut self) {
        self.budget.live.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

/// Runs one aggregate UDF for one owner (a query or a session of one tenant).
pub struct AggregateRunner {
    module: Arc<LoadedModule>,
    state_bytes: u32,
    cancel: Option<CancelFlag>,
    log: Option<GuestLog>,
    budget: InstanceBudget,
    idle: Mutex<Vec<(GuestInstance, BudgetSlot)>>,
}

impl std::fmt::Debug for AggregateRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AggregateRunner")
            .field("signature", &self.module.signature.to_string())
            .field("state_bytes", &self.state_bytes)
            .finish_non_exhaustive()
    }
}

impl AggregateRunner {
    /// Instantiates the module once to read its state size, which must be 1 to
    /// [`MAX_AGGREGATE_STATE_BYTES`] bytes. Its accumulators' instances count against `budget`.
    pub fn new(
        module: Arc<LoadedModule>,
        cancel: Option<CancelFlag>,
        log: Option<GuestLog>,
        budget: InstanceBudget,
    ) -> Result<Self, SandboxError> {
        // DataFusion tells an accumulator its rows only through its argument columns.
        if module.signature.params().is_empty() {
            return Err(SandboxError::BadState {
                function: module.signature.name().to_string(),
                problem: "takes no argument; an aggregate takes at least one (to count rows, count(*) does)"
                    .to_string(),
            });
        }
        let mut instance = GuestInstance::new(module.clone(), cancel.clone())?;
        let declared = instance.state_size()?;
        let state_bytes = u32::try_from(declared)
            .ok()
            .filter(|bytes| (1..=MAX_AGGREGATE_STATE_BYTES).contains(bytes))
            .ok_or_else(|| SandboxError::BadState {
                function: module.signature.name().to_string(),
                problem: format!(
                    "declares a state of {declared} bytes; a state must have 1 to {MAX_AGGREGATE_STATE_BYTES} bytes"
                ),
            })?;
        Ok(AggregateRunner {
            module,
            state_bytes,
            cancel,
            log,
            budget,
            idle: Mutex::new(Vec::new()),
        })
    }

    pub fn signature(&self) -> &UdfSignature {
        &self.module.signature
    }

    pub fn module(&self) -> &Arc<LoadedModule> {
        &self.module
    }

    /// The bytes of one state.
    pub fn state_bytes(&self) -> u32 {
        self.state_bytes
    }

    /// Empty states for a new accumulator, in an instance of its own.
    pub fn groups(self: &Arc<Self>) -> Result<GroupStates, SandboxError> {
        let slot = self.budget.take(self.module.signature.name())?;
        let instance = self.instance()?;
        Ok(GroupStates {
            runner: self.clone(),
            slot: Some(slot),
            instance: Some(instance),
            base: 0,
            len: 0,
            capacity: 0,
            seen: Vec::new(),
        })
    }

    /// One state per row, as if each row were its own group: `rows x state bytes` as a BINARY
    /// array, NULL where `filter` is not true or an argument is NULL (no row was folded in).
    pub fn states_per_row(
        self: &Arc<Self>,
        args: &[ArrayRef],
        filter: Option<&BooleanArray>,
    ) -> Result<ArrayRef, SandboxError> {
        let rows = args.first().map_or(0, |array| array.len());
        let (instance, slot) = self.checkout()?;
        let mut states = GroupStates {
            runner: self.clone(),
            slot: Some(slot),
            instance: Some(instance),
            base: 0,
            len: 0,
            capacity: 0,
            seen: Vec::new(),
        };
        let identity: Vec<usize> = (0..rows).collect();
        states.update(args, &identity, filter, rows)?;
        let array = states.state(rows)?;
        if let (Some(instance), Some(slot)) = (states.instance.take(), states.slot.take()) {
            self.checkin(instance, slot);
        }
        Ok(array)
    }

    /// A fresh instance whose state size is the one this runner read.
    fn instance(&self) -> Result<GuestInstance, SandboxError> {
        let mut instance = GuestInstance::new(self.module.clone(), self.cancel.clone())?;
        let declared = instance.state_size()?;
        if declared != self.state_bytes as i32 {
            return Err(self.bad_state(format!(
                "declared a state of {} bytes, then of {declared} bytes",
                self.state_bytes
            )));
        }
        Ok(instance)
    }

    /// An idle instance (with the budget it holds), or a new one.
    fn checkout(&self) -> Result<(GuestInstance, BudgetSlot), SandboxError> {
        let idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        match idle {
            Some(idle) => Ok(idle),
            None => {
                let slot = self.budget.take(self.module.signature.name())?;
                Ok((self.instance()?, slot))
            }
        }
    }

    fn checkin(&self, instance: GuestInstance, slot: BudgetSlot) {
        let mut idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if idle.len() < MAX_IDLE_INSTANCES {
            idle.push((instance, slot));
        }
    }

    fn bad_state(&self, problem: String) -> SandboxError {
        SandboxError::BadState {
            function: self.module.signature.name().to_string(),
            problem,
        }
    }
}

/// The states of one accumulator's groups, in the guest memory of its own instance. Group `g`'s
/// state is the `g`-th record of the array; `seen[g]` says whether any row or partial state was
/// folded into it (an empty group is NULL, as in SQL). After a trap the instance is gone and
/// every later call fails: a trapped guest's states cannot be trusted.
pub struct GroupStates {
    runner: Arc<AggregateRunner>,
    /// The budget this accumulator's instance holds; given back when it is dropped.
    slot: Option<BudgetSlot>,
    instance: Option<GuestInstance>,
    /// The state array's guest address (checked), its length and capacity in states.
    base: u32,
    len: usize,
    capacity: usize,
    seen: Vec<bool>,
}

impl std::fmt::Debug for GroupStates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupStates")
            .field("groups", &self.len)
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

impl GroupStates {
    /// Folds the rows of `args` into their groups: row `r` into `groups[r]` (< `total_groups`).
    /// A row whose `filter` is not true, or with a NULL argument, is skipped (strict NULLs).
    pub fn update(
        &mut self,
        args: &[ArrayRef],
        groups: &[usize],
        filter: Option<&BooleanArray>,
        total_groups: usize,
    ) -> Result<(), SandboxError> {
        self.ensure_groups(total_groups)?;
        let rows = groups.len();
        let skipped = args
            .iter()
            .fold(filter.map(filter_to_nulls), |acc: Option<NullBuffer>, array| {
                NullBuffer::union(acc.as_ref(), array.logical_nulls().as_ref())
            })
            .filter(|nulls| nulls.null_count() > 0);
        if skipped.as_ref().is_some_and(|nulls| nulls.null_count() == rows) {
            return Ok(());
        }
        let signature = self.runner.module.signature.clone();
        let conformed = conform(&signature, args, skipped.as_ref())?;
        let columns: Vec<GuestColumn<'_>> = conformed
            .iter()
            .zip(signature.params())
            .map(|(array, param)| {
                GuestColumn::new(array, param.sql_type).expect("conform() gives every argument its parameter's type")
            })
            .collect();
        let mut start = 0;
        while start < rows {
            let end = (start + MAX_ROWS_PER_CALL).min(rows);
            let called = self.update_chunk(&columns, groups, skipped.as_ref(), start..end, true);
            if let Err(error) = called {
                self.instance = None;
                return Err(self.locate(error, args, &columns, skipped.as_ref(), start..end));
            }
            start = end;
        }
        for (row, &group) in groups.iter().enumerate() {
            if skipped.as_ref().is_none_or(|nulls| nulls.is_valid(row)) {
                self.seen[group] = true;
            }
        }
        Ok(())
    }

    /// Folds partial states (a BINARY array of state-sized values, NULL for none) into groups:
    /// state `r` into `groups[r]`.
    pub fn merge(&mut self, states: &BinaryArray, groups: &[usize], total_groups: usize) -> Result<(), SandboxError> {
        self.ensure_groups(total_groups)?;
        let state_bytes = self.runner.state_bytes as usize;
        let nulls = states.logical_nulls().filter(|nulls| nulls.null_count() > 0);
        if let Some(row) = (0..states.len()).find(|&row| {
            nulls.as_ref().is_none_or(|nulls| nulls.is_valid(row)) && states.value(row).len() != state_bytes
        }) {
            return Err(self.runner.bad_state(format!(
                "received a partial state of {} bytes; its states have {state_bytes} bytes",
                states.value(row).len()
            )));
        }
        // Up to 4 MiB of incoming states per call, whatever their size.
        let rows_per_call = MAX_ROWS_PER_CALL.min((4 << 20) / state_bytes).max(1);
        let mut start = 0;
        while start < groups.len() {
            let end = (start + rows_per_call).min(groups.len());
            let rows = end - start;
            let layout = MergeLayout::new(rows as u32, state_bytes as u32, nulls.is_some()).ok_or_else(|| {
                SandboxError::BatchTooLarge {
                    function: self.runner.module.signature.name().to_string(),
                }
            })?;
            let instance = self.live_instance()?;
            let scratch_base = instance.reserve(layout.total_bytes)?;
            {
                let memory = instance.memory_mut();
                let scratch = &mut memory[scratch_base as usize..scratch_base as usize + layout.total_bytes as usize];
                layout.write_descriptor(scratch_base, scratch);
                if let (Some(offset), Some(nulls)) = (layout.selection, &nulls) {
                    write_selection(scratch, offset, nulls, start, end);
                }
                write_groups(scratch, layout.groups, &groups[start..end]);
                let incoming = &mut scratch[layout.incoming as usize..layout.incoming as usize + rows * state_bytes];
                for row in start..end {
                    let target = &mut incoming[(row - start) * state_bytes..(row - start + 1) * state_bytes];
                    if nulls.as_ref().is_some_and(|nulls| nulls.is_null(row)) {
                        target.fill(0);
                        continue;
                    }
                    target.copy_from_slice(states.value(row));
                }
            }
            let states_base = self.base;
            let called = self.call(
                AggregateCall::Merge,
                scratch_base,
                states_base,
                scratch_base + MergeLayout::LOG_SLOT,
                true,
            );
            if let Err(error) = called {
                self.instance = None;
                return Err(error);
            }
            start = end;
        }
        for (row, &group) in groups.iter().enumerate() {
            if nulls.as_ref().is_none_or(|nulls| nulls.is_valid(row)) {
                self.seen[group] = true;
            }
        }
        Ok(())
    }

    /// Makes sure groups `0..total` exist (new ones initialized, and NULL until a row comes).
    pub fn add_groups(&mut self, total: usize) -> Result<(), SandboxError> {
        self.ensure_groups(total)
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first `count` groups' states as a BINARY array (NULL for an empty group), removed:
    /// the groups after them move down by `count`.
    pub fn state(&mut self, count: usize) -> Result<ArrayRef, SandboxError> {
        let array = self.state_first(count)?;
        self.remove_first(count)?;
        Ok(array)
    }

    /// The results of the first `count` groups (NULL for an empty group: its finish is never
    /// called), removed like [`Self::state`].
    pub fn evaluate(&mut self, count: usize) -> Result<ArrayRef, SandboxError> {
        let array = self.evaluate_first(count)?;
        self.remove_first(count)?;
        Ok(array)
    }

    /// [`Self::state`], keeping the groups.
    pub fn state_first(&mut self, count: usize) -> Result<ArrayRef, SandboxError> {
        let state_bytes = self.runner.state_bytes as usize;
        let region = self.states_region(count)?;
        let bytes = self.live_instance_ref()?.memory()[region].to_vec();
        let nulls = seen_nulls(&self.seen[..count]);
        let offsets = OffsetBuffer::from_lengths(std::iter::repeat_n(state_bytes, count));
        Ok(Arc::new(BinaryArray::new(offsets, Buffer::from_vec(bytes), nulls)))
    }

    /// [`Self::evaluate`], keeping the groups.
    pub fn evaluate_first(&mut self, count: usize) -> Result<ArrayRef, SandboxError> {
        let returns = self.runner.module.signature.returns();
        let state_bytes = self.runner.state_bytes;
        let limits = self.runner.module.limits;
        self.states_region(count)?;
        let mut result = ResultBuilder::new(returns, count, limits.memory_bytes);
        let mut start = 0;
        while start < count {
            let end = (start + MAX_ROWS_PER_CALL).min(count);
            let unseen = self.seen[start..end].iter().any(|seen| !seen);
            let layout = BatchLayout::new(&[], &[], returns, (end - start) as u32, unseen).ok_or_else(|| {
                SandboxError::BatchTooLarge {
                    function: self.runner.module.signature.name().to_string(),
                }
            })?;
            let selection: Vec<u8> = self.seen[start..end].iter().map(|&seen| seen as u8).collect();
            let instance = self.live_instance()?;
            let scratch_base = instance.reserve(layout.total_bytes)?;
            {
                let memory = instance.memory_mut();
                let scratch = &mut memory[scratch_base as usize..scratch_base as usize + layout.total_bytes as usize];
                layout.write_descriptor(scratch_base, scratch);
                if let Some(offset) = layout.selection {
                    scratch[offset as usize..offset as usize + selection.len()].copy_from_slice(&selection);
                }
            }
            let states_at = self.base + start as u32 * state_bytes;
            let called = self.call(
                AggregateCall::Finish,
                scratch_base,
                states_at,
                scratch_base + layout.log_slot(),
                true,
            );
            if let Err(error) = called {
                self.instance = None;
                return Err(error);
            }
            let seen = &self.seen;
            let memory = self.live_instance_ref()?.memory();
            result
                .read_chunk(memory, scratch_base, &layout, |row| seen[start + row])
                .map_err(|(_, problem)| SandboxError::InvalidOutput {
                    function: self.runner.module.signature.name().to_string(),
                    problem,
                    location: RowLocation::Range { start, end },
                })?;
            start = end;
        }
        Ok(result.finish(seen_nulls(&self.seen[..count])))
    }

    /// Bytes this accumulator holds: its instance's memory and its bookkeeping.
    pub fn memory_size(&self) -> usize {
        self.instance.as_ref().map_or(0, |instance| instance.memory().len()) + self.seen.capacity()
    }

    /// Grows the state array to hold `total` groups, the new ones initialized.
    fn ensure_groups(&mut self, total: usize) -> Result<(), SandboxError> {
        if total <= self.len {
            return Ok(());
        }
        let state_bytes = self.runner.state_bytes as u64;
        if total > self.capacity {
            // realloc needs the old and the new array at once, and the batches their scratch:
            // the array may take a third of the memory cap.
            let limit = self.runner.module.limits.memory_bytes;
            let most = (limit / 3 / state_bytes).min(u32::MAX as u64) as usize;
            let capacity = total.max(self.capacity.saturating_mul(2)).max(16).min(most);
            if total > most {
                self.instance = None;
                return Err(SandboxError::TooManyGroups {
                    function: self.runner.module.signature.name().to_string(),
                    groups: total,
                    state_bytes: state_bytes as u32,
                    limit,
                });
            }
            let instance = self.live_instance()?;
            let grown = instance.grow_states(capacity as u32);
            let memory_bytes = instance.memory().len() as u64;
            let base = match grown {
                Ok(base) => base,
                Err(error) => {
                    self.instance = None;
                    return Err(error);
                }
            };
            if base == 0 {
                self.instance = None;
                return Err(SandboxError::Trap {
                    function: self.runner.module.signature.name().to_string(),
                    kind: TrapKind::MemoryLimit(self.runner.module.limits.memory_bytes),
                    location: None,
                    site: None,
                });
            }
            if base as u64 + capacity as u64 * state_bytes > memory_bytes {
                self.instance = None;
                return Err(self.runner.bad_state(format!(
                    "placed its {capacity} states at address {base}, outside its {memory_bytes}-byte memory"
                )));
            }
            self.base = base;
            self.capacity = capacity;
        }
        let new_states = (total - self.len) as u32;
        let at = self.base + self.len as u32 * state_bytes as u32;
        let log_slot = None;
        if let Err(error) = self.call_with_log(AggregateCall::Init, at, new_states, log_slot) {
            self.instance = None;
            return Err(error);
        }
        self.len = total;
        self.seen.resize(total, false);
        Ok(())
    }

    fn update_chunk(
        &mut self,
        columns: &[GuestColumn<'_>],
        groups: &[usize],
        skipped: Option<&NullBuffer>,
        rows: Range<usize>,
        keep_log: bool,
    ) -> Result<(), SandboxError> {
        let Range { start, end } = rows;
        let runner = self.runner.clone();
        let signature = &runner.module.signature;
        let arg_types: Vec<_> = signature.param_types().collect();
        let string_bytes: Vec<u64> = columns.iter().map(|column| column.string_bytes(start, end)).collect();
        let layout = BatchLayout::for_update(&arg_types, &string_bytes, (end - start) as u32, skipped.is_some())
            .ok_or_else(|| SandboxError::BatchTooLarge {
                function: signature.name().to_string(),
            })?;
        let instance = self.live_instance()?;
        let scratch_base = place_batch(instance, &layout, columns, skipped, start..end)?;
        let scratch = &mut instance.memory_mut()[scratch_base as usize..];
        write_groups(scratch, layout.groups(), &groups[start..end]);
        let states_base = self.base;
        self.call(
            AggregateCall::Update,
            scratch_base,
            states_base,
            scratch_base + layout.log_slot(),
            keep_log,
        )
    }

    /// Calls a batch function and keeps what it printed (when `keep_log`).
    fn call(
        &mut self,
        call: AggregateCall,
        descriptor: u32,
        states: u32,
        log_slot: u32,
        keep_log: bool,
    ) -> Result<(), SandboxError> {
        self.call_with_log(call, descriptor, states, keep_log.then_some(log_slot))
    }

    fn call_with_log(
        &mut self,
        call: AggregateCall,
        first: u32,
        second: u32,
        log_slot: Option<u32>,
    ) -> Result<(), SandboxError> {
        let log = self.runner.log.clone();
        let instance = self.live_instance()?;
        let called = instance.call_aggregate(call, first, second);
        if let (Some(slot), Some(log)) = (log_slot, log)
            && let Some((text, dropped)) = read_guest_log(instance.memory(), slot as usize)
        {
            log.append(text, dropped);
        }
        called
    }

    /// Names the row of a trap in an update: the chunk is replayed one row at a time, each row
    /// into a fresh state of a fresh instance, until the same kind of trap recurs. A fault that
    /// needs the accumulated state does not recur, and the trap names the chunk's rows instead.
    fn locate(
        &self,
        error: SandboxError,
        args: &[ArrayRef],
        columns: &[GuestColumn<'_>],
        skipped: Option<&NullBuffer>,
        rows: Range<usize>,
    ) -> SandboxError {
        let SandboxError::Trap {
            function,
            kind,
            location: None,
            site,
        } = error
        else {
            return error;
        };
        let range = Some(RowLocation::Range {
            start: rows.start,
            end: rows.end,
        });
        if matches!(kind, TrapKind::TimeLimit(_) | TrapKind::Cancelled) {
            return SandboxError::Trap {
                function,
                kind,
                location: range,
                site,
            };
        }
        let mut location = range;
        let replay_deadline = Instant::now() + self.runner.module.limits.batch_timeout;
        if let Ok(mut instance) = self.runner.instance() {
            instance.cap_deadline(replay_deadline);
            // A replay's instance is short-lived and replaces the failed one: not counted.
            let mut replay = GroupStates {
                runner: self.runner.clone(),
                slot: None,
                instance: Some(instance),
                base: 0,
                len: 0,
                capacity: 0,
                seen: Vec::new(),
            };
            let zeros = vec![0usize; rows.end];
            for row in rows {
                if skipped.is_some_and(|nulls| nulls.is_null(row)) {
                    continue;
                }
                // Each row into group 0, re-initialized: the replay's output is not kept.
                replay.len = 0;
                let replayed = replay
                    .ensure_groups(1)
                    .and_then(|()| replay.update_chunk(columns, &zeros, None, row..row + 1, false));
                match replayed {
                    Ok(()) => {}
                    Err(SandboxError::Trap { kind: again, .. }) if again == kind => {
                        let named: Vec<(&str, &ArrayRef)> = self
                            .runner
                            .module
                            .signature
                            .params()
                            .iter()
                            .map(|param| param.name.as_str())
                            .zip(args)
                            .collect();
                        location = Some(describe_row(&named, row));
                        break;
                    }
                    Err(_) => break,
                }
                if replay.instance.is_none() {
                    break;
                }
            }
        }
        SandboxError::Trap {
            function,
            kind,
            location,
            site,
        }
    }

    /// The byte range of the first `count` states in guest memory, checked.
    fn states_region(&self, count: usize) -> Result<Range<usize>, SandboxError> {
        let state_bytes = self.runner.state_bytes as usize;
        assert!(count <= self.len, "emitting {count} of {} groups", self.len);
        let memory = self.live_instance_ref()?.memory().len();
        let start = self.base as usize;
        let end = start + count * state_bytes;
        if count > 0 && end > memory {
            return Err(self.runner.bad_state("has states outside its memory".to_string()));
        }
        Ok(start..end)
    }

    /// Drops the first `count` groups; the rest move down (`EmitTo::First`).
    fn remove_first(&mut self, count: usize) -> Result<(), SandboxError> {
        if count == self.len {
            self.len = 0;
            self.seen.clear();
            return Ok(());
        }
        let state_bytes = self.runner.state_bytes as usize;
        let all = self.states_region(self.len)?;
        let keep_from = all.start + count * state_bytes;
        self.live_instance()?
            .memory_mut()
            .copy_within(keep_from..all.end, all.start);
        self.seen.drain(..count);
        self.len -= count;
        Ok(())
    }

    fn live_instance(&mut self) -> Result<&mut GuestInstance, SandboxError> {
        let function = self.runner.module.signature.name();
        self.instance.as_mut().ok_or_else(|| SandboxError::Instantiate {
            function: function.to_string(),
            message: "its states were lost when it failed earlier in this query".to_string(),
        })
    }

    fn live_instance_ref(&self) -> Result<&GuestInstance, SandboxError> {
        self.instance.as_ref().ok_or_else(|| SandboxError::Instantiate {
            function: self.runner.module.signature.name().to_string(),
            message: "its states were lost when it failed earlier in this query".to_string(),
        })
    }
}

/// `groups` as little-endian u32 at `offset` of `scratch` (each < the state count, which fits u32).
fn write_groups(scratch: &mut [u8], offset: u32, groups: &[usize]) {
    let target = &mut scratch[offset as usize..offset as usize + groups.len() * 4];
    for (slot, &group) in target.chunks_exact_mut(4).zip(groups) {
        slot.copy_from_slice(&(group as u32).to_le_bytes());
    }
}

/// A filter's rows that pass: true and not NULL.
fn filter_to_nulls(filter: &BooleanArray) -> NullBuffer {
    let passes = match filter.nulls() {
        Some(nulls) => filter.values() & nulls.inner(),
        None => filter.values().clone(),
    };
    NullBuffer::new(passes)
}

fn seen_nulls(seen: &[bool]) -> Option<NullBuffer> {
    seen.iter().any(|seen| !seen).then(|| NullBuffer::from(seen.to_vec()))
}
