//! Hostile modules: every value they hand back is checked.

use wasmudf_abi::ValidationError;
use wasmudf_sandbox::{OutputProblem, RowLocation, SandboxError, TrapKind};

use crate::support::{call, int32s, wat_runner};

/// A module whose `wasmudf_run` writes the same (ptr, len) string result for every row.
fn string_result_module(ptr: i64, len: i64) -> String {
    format!(
        r#"(module
            (memory (export "memory") 2 2)
            (data (i32.const 100) "\ff\fe ok")
            (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
            (func (export "wasmudf_run") (param $d i32) (result i32)
                (local $i i32) (local $rows i32) (local $out i32) (local $slot i32)
                (local.set $rows (i32.load (local.get $d)))
                (local.set $out (i32.load offset=8 (local.get $d)))
                (block $done (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
                    (local.set $slot (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
                    (i32.store (local.get $slot) (i32.const {ptr}))
                    (i32.store offset=4 (local.get $slot) (i32.const {len}))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                i32.const 0))"#
    )
}

fn invalid_output(ptr: i64, len: i64) -> (OutputProblem, RowLocation) {
    let runner = wat_runner("f(a INT) RETURNS STRING", &string_result_module(ptr, len)).unwrap();
    match call(&runner, vec![int32s(&[Some(42)])]).unwrap_err() {
        SandboxError::InvalidOutput { problem, location, .. } => (problem, location),
        other => panic!("{other}"),
    }
}

#[test]
fn a_string_result_outside_memory_is_refused() {
    let (problem, location) = invalid_output(131_000, 1000);
    assert_eq!(
        problem,
        OutputProblem::OutOfBounds {
            ptr: 131_000,
            len: 1000,
            memory_bytes: 131_072
        }
    );
    assert_eq!(
        location,
        RowLocation::Row {
            index: 0,
            values: vec![("a".to_string(), "42".to_string())]
        }
    );
}

#[test]
fn a_negative_length_is_refused() {
    let (problem, _) = invalid_output(100, -1);
    assert!(matches!(problem, OutputProblem::OutOfBounds { len: -1, .. }));
}

#[test]
fn a_pointer_that_wraps_around_is_refused() {
    let (problem, _) = invalid_output(-8, 16);
    assert!(matches!(problem, OutputProblem::OutOfBounds { .. }));
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let (problem, _) = invalid_output(100, 5);
    assert_eq!(problem, OutputProblem::InvalidUtf8 { valid_up_to: 0 });
}

#[test]
fn valid_bytes_from_guest_memory_are_accepted() {
    let runner = wat_runner("f(a INT) RETURNS STRING", &string_result_module(103, 2)).unwrap();
    let result = call(&runner, vec![int32s(&[Some(1)])]).unwrap();
    let result = result.as_any().downcast_ref::<arrow_array::StringArray>().unwrap();
    assert_eq!(result.value(0), "ok");
}

#[test]
fn a_lying_reserve_is_caught_before_any_write() {
    let wat = r#"(module (memory (export "memory") 1 1)
        (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 65530)
        (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#;
    let runner = wat_runner("f(a INT) RETURNS INT", wat).unwrap();
    let error = call(&runner, vec![int32s(&[Some(1), Some(2), Some(3)])]).unwrap_err();
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
fn a_nonzero_status_fails_the_batch() {
    let wat = r#"(module (memory (export "memory") 1 1)
        (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
        (func (export "wasmudf_run") (param i32) (result i32) i32.const 7))"#;
    let runner = wat_runner("f(a INT) RETURNS INT", wat).unwrap();
    let error = call(&runner, vec![int32s(&[Some(1)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::GuestStatus(7),
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn modules_with_imports_never_load() {
    let wat = r#"(module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
        (memory (export "memory") 1 1)
        (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
        (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#;
    let error = wat_runner("f(a INT) RETURNS INT", wat).unwrap_err();
    assert!(
        matches!(error, SandboxError::Invalid(ValidationError::Import { .. })),
        "{error}"
    );
}

#[test]
fn constructors_run_under_the_deadline() {
    let wat = r#"(module (memory (export "memory") 1 1)
        (func (export "_initialize") (loop $forever (br $forever)))
        (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
        (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#;
    let runner = wat_runner("f(a INT) RETURNS INT", wat).unwrap();
    let error = call(&runner, vec![int32s(&[Some(1)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::TimeLimit(_),
                ..
            }
        ),
        "{error}"
    );
}
