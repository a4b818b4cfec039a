//! Aggregates: states per group in guest memory, partial states as bytes, and guests that lie
//! about them (a state size out of bounds or changing, a state array outside memory, a merge that
//! loops, a state that grows without end, partial states of another size, too many groups).

use std::sync::Arc;
use std::time::{Duration, Instant};

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, ArrayRef, BinaryArray, BooleanArray};
use wasmudf_sandbox::{
    AggregateRunner, InstanceBudget, LoadedModule, RowLocation, RuntimeLimits, SandboxError, TrapKind,
};

use crate::support::{int32s, limits};

const SIGNATURE: &str = "AGGREGATE n(x INT) RETURNS BIGINT";

/// A hand-written aggregate: per group an i64 that counts rows and adds up `x`s
/// (count * 1_000_000 + sum). States are 8 bytes at 65536; scratch at 1024; memory starts at
/// 1 MiB and may grow to the sandbox's cap.
const COUNTER: &str = r#"(module
  (memory (export "memory") 16 65536)
  (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
  (func (export "wasmudf_agg_state_size") (result i32) i32.const 8)
  (func (export "wasmudf_agg_grow") (param $capacity i32) (result i32) GROW)
  (func (export "wasmudf_agg_init") (param $states i32) (param $count i32) (result i32)
    (memory.fill (local.get $states) (i32.const 0) (i32.mul (local.get $count) (i32.const 8)))
    i32.const 0)
  (func (export "wasmudf_agg_update") (param $d i32) (param $states i32) (result i32)
    (local $i i32) (local $rows i32) (local $sel i32) (local $groups i32) (local $x i32) (local $at i32)
    STEP_EXTRA
    (local.set $rows (i32.load (local.get $d)))
    (local.set $sel (i32.load offset=4 (local.get $d)))
    (local.set $groups (i32.load offset=8 (local.get $d)))
    (local.set $x (i32.load offset=12 (local.get $d)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
      (if (i32.or (i32.eqz (local.get $sel)) (i32.load8_u (i32.add (local.get $sel) (local.get $i))))
        (then
          (local.set $at (i32.add (local.get $states)
            (i32.mul (i32.load (i32.add (local.get $groups) (i32.mul (local.get $i) (i32.const 4)))) (i32.const 8))))
          (i64.store (local.get $at) (i64.add (i64.load (local.get $at))
            (i64.add (i64.const 1000000)
              (i64.extend_i32_s (i32.load (i32.add (local.get $x) (i32.mul (local.get $i) (i32.const 4))))))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    i32.const 0)
  (func (export "wasmudf_agg_merge") (param $d i32) (param $states i32) (result i32)
    (local $i i32) (local $rows i32) (local $sel i32) (local $groups i32) (local $in i32) (local $at i32)
    MERGE_EXTRA
    (local.set $rows (i32.load (local.get $d)))
    (local.set $sel (i32.load offset=4 (local.get $d)))
    (local.set $groups (i32.load offset=8 (local.get $d)))
    (local.set $in (i32.load offset=12 (local.get $d)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
      (if (i32.or (i32.eqz (local.get $sel)) (i32.load8_u (i32.add (local.get $sel) (local.get $i))))
        (then
          (local.set $at (i32.add (local.get $states)
            (i32.mul (i32.load (i32.add (local.get $groups) (i32.mul (local.get $i) (i32.const 4)))) (i32.const 8))))
          (i64.store (local.get $at) (i64.add (i64.load (local.get $at))
            (i64.load (i32.add (local.get $in) (i32.mul (local.get $i) (i32.const 8))))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    i32.const 0)
  (func (export "wasmudf_agg_finish") (param $d i32) (param $states i32) (result i32)
    (local $i i32) (local $rows i32) (local $out i32)
    (local.set $rows (i32.load (local.get $d)))
    (local.set $out (i32.load offset=8 (local.get $d)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
      (i64.store (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 8)))
        (i64.load (i32.add (local.get $states) (i32.mul (local.get $i) (i32.const 8)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    i32.const 0))"#;

const HONEST_GROW: &str = "i32.const 65536";

/// [`COUNTER`] with its placeholders filled: honest unless `replacements` say otherwise.
fn counter(replacements: &[(&str, &str)], limits: RuntimeLimits) -> Result<Arc<AggregateRunner>, SandboxError> {
    let part = |placeholder: &str, honest: &'static str| {
        replacements
            .iter()
            .find(|(name, _)| *name == placeholder)
            .map_or(honest.to_string(), |(_, text)| text.to_string())
    };
    let wat = COUNTER
        .replace("GROW", &part("GROW", HONEST_GROW))
        .replace("STEP_EXTRA", &part("STEP_EXTRA", ""))
        .replace("MERGE_EXTRA", &part("MERGE_EXTRA", ""));
    let wasm = wat::parse_str(&wat).unwrap();
    let module = LoadedModule::load(&wasm, &SIGNATURE.parse().unwrap(), limits)?;
    Ok(Arc::new(AggregateRunner::new(
        module,
        None,
        None,
        InstanceBudget::default(),
    )?))
}

fn values(array: &ArrayRef) -> Vec<Option<i64>> {
    array.as_primitive::<Int64Type>().iter().collect()
}

#[test]
fn rows_fold_into_their_groups_and_empty_groups_are_null() {
    let runner = counter(&[], limits()).unwrap();
    let mut states = runner.groups().unwrap();
    let x = int32s(&[Some(1), Some(2), None, Some(4), Some(8)]);
    // Row 2 is NULL: skipped. Row 3 is filtered out. Group 2 gets no row.
    let filter = BooleanArray::from(vec![true, true, true, false, true]);
    states.update(&[x], &[0, 1, 0, 1, 0], Some(&filter), 3).unwrap();
    assert_eq!(
        values(&states.evaluate_first(3).unwrap()),
        [Some(2_000_009), Some(1_000_002), None]
    );
    // EmitTo::First(1): group 0 goes, the others move down.
    assert_eq!(values(&states.evaluate(1).unwrap()), [Some(2_000_009)]);
    assert_eq!(states.len(), 2);
    assert_eq!(values(&states.evaluate(2).unwrap()), [Some(1_000_002), None]);
}

#[test]
fn partial_states_travel_as_bytes_and_merge() {
    let runner = counter(&[], limits()).unwrap();
    let mut partial = runner.groups().unwrap();
    partial
        .update(&[int32s(&[Some(5), Some(7)])], &[0, 1], None, 2)
        .unwrap();
    let bytes = partial.state(2).unwrap();
    let bytes = bytes.as_binary::<i32>();
    assert_eq!(bytes.value(0), 1_000_005i64.to_le_bytes());
    // Into another accumulator (another instance), crossed, twice, with a NULL state skipped.
    let incoming = BinaryArray::from(vec![
        Some(bytes.value(1)),
        Some(bytes.value(0)),
        None,
        Some(bytes.value(0)),
    ]);
    let mut merged = runner.groups().unwrap();
    merged.merge(&incoming, &[0, 1, 2, 1], 3).unwrap();
    assert_eq!(
        values(&merged.evaluate(3).unwrap()),
        [Some(1_000_007), Some(2_000_010), None]
    );
    // One state per row, as a partial aggregation that gave up grouping sends them.
    let per_row = runner.states_per_row(&[int32s(&[Some(3), None])], None).unwrap();
    let per_row = per_row.as_binary::<i32>();
    assert_eq!(per_row.value(0), 1_000_003i64.to_le_bytes());
    assert!(per_row.is_null(1));
}

#[test]
fn a_state_size_out_of_bounds_is_refused_with_its_size() {
    for (size, shown) in [("0", "0"), ("-8", "-8"), ("1000000", "1000000")] {
        let wat = COUNTER.replace(
            "(func (export \"wasmudf_agg_state_size\") (result i32) i32.const 8)",
            &format!("(func (export \"wasmudf_agg_state_size\") (result i32) i32.const {size})"),
        );
        let wat = wat
            .replace("GROW", HONEST_GROW)
            .replace("STEP_EXTRA", "")
            .replace("MERGE_EXTRA", "");
        let wasm = wat::parse_str(&wat).unwrap();
        let module = LoadedModule::load(&wasm, &SIGNATURE.parse().unwrap(), limits()).unwrap();
        let error = AggregateRunner::new(module, None, None, InstanceBudget::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("aggregate `n` declares a state of {shown} bytes; a state must have 1 to 4096 bytes")
        );
        assert_eq!(error.kind_name(), "invalid_output");
    }
}

#[test]
fn a_state_array_outside_memory_is_refused_before_the_host_reads_it() {
    // Memory is 1 MiB: an array at 16 MiB lies past it.
    let runner = counter(&[("GROW", "i32.const 0x00fffff0")], limits()).unwrap();
    let mut states = runner.groups().unwrap();
    let error = states.update(&[int32s(&[Some(1)])], &[0], None, 1).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("aggregate `n` placed its 16 states at address 16777200, outside its"),
        "{error}"
    );
    // The accumulator is done: its states cannot be trusted.
    let again = states.evaluate(0).unwrap_err();
    assert!(again.to_string().contains("its states were lost"), "{again}");
    // A guest that cannot allocate is out of memory.
    let runner = counter(&[("GROW", "i32.const 0")], limits()).unwrap();
    let error = runner.groups().unwrap().add_groups(1).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::MemoryLimit(_),
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_merge_that_loops_stops_at_the_time_limit() {
    let limits = RuntimeLimits {
        batch_timeout: Duration::from_millis(200),
        ..limits()
    };
    let runner = counter(&[("MERGE_EXTRA", "(loop $spin (br $spin))")], limits).unwrap();
    let started = Instant::now();
    let incoming = BinaryArray::from(vec![Some(&[0u8; 8][..])]);
    let error = runner.groups().unwrap().merge(&incoming, &[0], 1).unwrap_err();
    assert!(
        matches!(&error, SandboxError::Trap { kind: TrapKind::TimeLimit(limit), .. } if *limit == Duration::from_millis(200)),
        "{error}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_state_that_grows_without_end_hits_the_memory_limit_naming_its_rows() {
    // Every update call asks for 4 MiB more: the 64 MiB cap ends it.
    let runner = counter(&[("STEP_EXTRA", "(drop (memory.grow (i32.const 64)))")], limits()).unwrap();
    let mut states = runner.groups().unwrap();
    let mut failure = None;
    for _ in 0..40 {
        if let Err(error) = states.update(&[int32s(&[Some(1), Some(2)])], &[0, 0], None, 1) {
            failure = Some(error);
            break;
        }
    }
    let error = failure.expect("the memory cap ends the growth");
    let SandboxError::Trap { kind, location, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(*kind, TrapKind::MemoryLimit(64 << 20));
    // Replayed on a fresh state, a single row does not exhaust memory: the chunk is named.
    assert_eq!(*location, Some(RowLocation::Range { start: 0, end: 2 }));
}

#[test]
fn partial_states_of_another_size_are_refused_naming_both_sizes() {
    let runner = counter(&[], limits()).unwrap();
    let incoming = BinaryArray::from(vec![Some(&[1u8, 2, 3][..])]);
    let error = runner.groups().unwrap().merge(&incoming, &[0], 1).unwrap_err();
    assert_eq!(
        error.to_string(),
        "aggregate `n` received a partial state of 3 bytes; its states have 8 bytes"
    );
}

#[test]
fn more_groups_than_memory_holds_fail_before_the_guest_is_asked() {
    let runner = counter(&[], limits()).unwrap();
    let mut states = runner.groups().unwrap();
    let error = states.add_groups(10_000_000).unwrap_err();
    assert_eq!(
        error.to_string(),
        "aggregate `n` cannot hold 10000000 groups: 10000000 states of 8 bytes exceed its memory limit of 64 MiB; group by fewer keys, or make the state smaller"
    );
    assert!(error.is_limit());
}

#[test]
fn live_instances_are_bounded_per_owner_and_given_back() {
    let wasm = wat::parse_str(
        COUNTER
            .replace("GROW", HONEST_GROW)
            .replace("STEP_EXTRA", "")
            .replace("MERGE_EXTRA", ""),
    )
    .unwrap();
    let module = LoadedModule::load(&wasm, &SIGNATURE.parse().unwrap(), limits()).unwrap();
    let budget = InstanceBudget::new(2);
    let runner = Arc::new(AggregateRunner::new(module, None, None, budget.clone()).unwrap());
    let first = runner.groups().unwrap();
    let second = runner.groups().unwrap();
    let error = runner.groups().unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("aggregate `n` needs more than 2 live instances in this query"),
        "{error}"
    );
    assert!(error.is_limit());
    drop(first);
    assert_eq!(budget.live(), 1);
    let _third = runner.groups().unwrap();
    drop(second);
    assert_eq!(budget.live(), 1);
}

#[test]
fn an_aggregate_without_arguments_is_refused() {
    let wasm = wat::parse_str(
        COUNTER
            .replace("GROW", HONEST_GROW)
            .replace("STEP_EXTRA", "")
            .replace("MERGE_EXTRA", ""),
    )
    .unwrap();
    let signature = "AGGREGATE n() RETURNS BIGINT".parse().unwrap();
    let module = LoadedModule::load(&wasm, &signature, limits()).unwrap();
    let error = AggregateRunner::new(module, None, None, InstanceBudget::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "aggregate `n` takes no argument; an aggregate takes at least one (to count rows, count(*) does)"
    );
}
