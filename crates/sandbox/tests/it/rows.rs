//! `RowCaller`: one row per call, as Spark's function catalog calls: every type, strings longer
//! than the first scratch region, the guest's arena released, traps named by their input values,
//! and a fresh instance after a trap.

use wasmudf_sandbox::{LoadedModule, RowArg, RowCaller, RowLocation, RowValue, SandboxError, TrapKind};

use crate::support::limits;

fn caller(name: &str) -> RowCaller {
    let guest = wasmudf_test_support::guest(name);
    RowCaller::new(LoadedModule::load(&guest.wasm(), &guest.signature(), limits()).unwrap())
}

#[test]
fn every_numeric_type_crosses_in_one_row() {
    let mut mix = caller("mix");
    let args = [
        RowArg::Int(1),
        RowArg::BigInt(1 << 40),
        RowArg::Float(0.5),
        RowArg::Double(0.25),
        RowArg::Boolean(true),
    ];
    assert_eq!(
        mix.call(&args).unwrap(),
        RowValue::Double(1.0 + (1u64 << 40) as f64 + 0.75)
    );
    let args = [args[0], args[1], args[2], args[3], RowArg::Boolean(false)];
    assert_eq!(mix.call(&args).unwrap(), RowValue::Double(-1.0));
    let mut even = caller("even");
    assert_eq!(even.call(&[RowArg::Int(4)]).unwrap(), RowValue::Boolean(true));
    assert_eq!(even.call(&[RowArg::Int(-3)]).unwrap(), RowValue::Boolean(false));
}

#[test]
fn strings_of_any_length_and_the_arena_across_many_calls() {
    let mut twice = caller("twice");
    assert_eq!(
        twice.call(&[RowArg::String("ab€".as_bytes())]).unwrap(),
        RowValue::String("ab€ab€".to_string())
    );
    // Longer than the first string region: the caller reserves a larger one.
    let long = "x".repeat(100_000);
    assert_eq!(
        twice.call(&[RowArg::String(long.as_bytes())]).unwrap(),
        RowValue::String(long.repeat(2))
    );
    // 40,000 calls each allocating 2 KiB: 80 MB if the arena were never released, past the
    // test's 64 MiB limit; released every ROWS_PER_ARENA rows, it stays small.
    let row = "y".repeat(1024);
    for _ in 0..40_000 {
        assert_eq!(
            twice.call(&[RowArg::String(row.as_bytes())]).unwrap(),
            RowValue::String(row.repeat(2))
        );
    }
    let mut count_a = caller("count_a");
    assert_eq!(count_a.call(&[RowArg::String(b"banana")]).unwrap(), RowValue::Int(3));
    assert_eq!(count_a.call(&[RowArg::String(b"")]).unwrap(), RowValue::Int(0));
}

#[test]
fn a_trap_names_the_function_the_kind_and_the_input_values_then_the_caller_goes_on() {
    let mut divide = caller("divide");
    assert_eq!(
        divide.call(&[RowArg::Int(7), RowArg::Int(2)]).unwrap(),
        RowValue::Int(3)
    );
    let error = divide.call(&[RowArg::Int(7), RowArg::Int(0)]).unwrap_err();
    let SandboxError::Trap { kind, location, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(*kind, TrapKind::DivisionByZero);
    assert_eq!(
        *location,
        Some(RowLocation::Values(vec![
            ("a".to_string(), "7".to_string()),
            ("b".to_string(), "0".to_string())
        ]))
    );
    assert_eq!(
        error.to_string(),
        "UDF `divide` failed: integer division by zero at the row (a=7, b=0)"
    );
    assert_eq!(
        divide.call(&[RowArg::Int(9), RowArg::Int(3)]).unwrap(),
        RowValue::Int(3)
    );
}

#[test]
fn limits_hold_per_call() {
    let mut spin = caller("spin");
    let error = spin.call(&[RowArg::Int(1)]).unwrap_err();
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
    let mut grow = caller("grow");
    let error = grow.call(&[RowArg::Int(1 << 10)]).unwrap_err();
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
    assert_eq!(grow.call(&[RowArg::Int(1)]).unwrap(), RowValue::String("x".to_string()));
}

#[test]
fn arguments_that_do_not_match_the_signature_are_refused_before_the_guest_runs() {
    let mut divide = caller("divide");
    let error = divide.call(&[RowArg::Int(1)]).unwrap_err();
    assert_eq!(error.to_string(), "UDF `divide` takes 2 arguments, not 1");
    let error = divide.call(&[RowArg::Int(1), RowArg::Double(2.0)]).unwrap_err();
    assert!(matches!(error, SandboxError::ArgumentType { index: 1, .. }), "{error}");
}

#[test]
fn a_string_result_outside_memory_is_refused_with_the_row() {
    let wat = r#"(module
      (memory (export "memory") 1 1)
      (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
      (func (export "wasmudf_run") (param $d i32) (result i32)
        ;; output slot: ptr = 65000, len = 1000 (past the one page)
        (i32.store (i32.load offset=8 (local.get $d)) (i32.const 65000))
        (i32.store offset=4 (i32.load offset=8 (local.get $d)) (i32.const 1000))
        i32.const 0))"#;
    let signature = "bad(x INT) RETURNS STRING".parse().unwrap();
    let module = LoadedModule::load(&wat::parse_str(wat).unwrap(), &signature, limits()).unwrap();
    let error = RowCaller::new(module).call(&[RowArg::Int(5)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "UDF `bad` returned a string (ptr=65000, len=1000) outside its 65536-byte memory at the row (x=5)"
    );
}
