//! Guest traps: classified by kind, located at their row (with its values), and survived by the runner.

use arrow_array::{Array, Int32Array};
use wasmudf_sandbox::{RowLocation, SandboxError, TrapKind};

use crate::support::{call, guest_runner, int32s};

#[test]
fn division_by_zero_names_the_function_the_row_and_its_values() {
    let runner = guest_runner("divide");
    let error = call(
        &runner,
        vec![
            int32s(&[Some(10), Some(7), Some(3)]),
            int32s(&[Some(2), Some(0), Some(1)]),
        ],
    )
    .unwrap_err();
    let SandboxError::Trap {
        function,
        kind,
        location,
        site,
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!(function, "divide");
    // A WAT module has no line table.
    assert_eq!(*site, None);
    assert_eq!(*kind, TrapKind::DivisionByZero);
    assert_eq!(
        *location,
        Some(RowLocation::Row {
            index: 1,
            values: vec![("a".to_string(), "7".to_string()), ("b".to_string(), "0".to_string())]
        })
    );
    assert_eq!(
        error.to_string(),
        "UDF `divide` failed: integer division by zero at row 1 of the batch (a=7, b=0)"
    );
}

#[test]
fn a_runner_keeps_working_after_a_trap() {
    let runner = guest_runner("divide");
    let error = call(&runner, vec![int32s(&[Some(1)]), int32s(&[Some(0)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::DivisionByZero,
                ..
            }
        ),
        "{error}"
    );
    let result = call(&runner, vec![int32s(&[Some(9), Some(8)]), int32s(&[Some(3), Some(2)])]).unwrap();
    let result = result.as_any().downcast_ref::<Int32Array>().unwrap();
    assert_eq!(result.values().to_vec(), vec![3, 4]);
}

#[test]
fn signed_overflow_in_division_is_an_integer_overflow() {
    let runner = guest_runner("divide");
    let error = call(&runner, vec![int32s(&[Some(i32::MIN)]), int32s(&[Some(-1)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::IntegerOverflow,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn out_of_bounds_access_is_reported() {
    let runner = guest_runner("peek");
    let error = call(&runner, vec![int32s(&[Some(3)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::OutOfBounds,
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("out-of-bounds memory access at row 0 of the batch (a=3)"),
        "{error}"
    );
}

#[test]
fn abort_is_reported_as_abort() {
    let runner = guest_runner("check");
    let error = call(&runner, vec![int32s(&[Some(1), Some(-5)])]).unwrap_err();
    assert!(
        matches!(
            &error,
            SandboxError::Trap {
                kind: TrapKind::Abort,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("row 1 of the batch (a=-5)"), "{error}");
}

#[test]
fn traps_in_a_later_chunk_report_the_row_within_the_whole_batch() {
    let runner = guest_runner("divide");
    let rows = wasmudf_sandbox::MAX_ROWS_PER_CALL + 10;
    let a: Vec<Option<i32>> = (0..rows as i32).map(Some).collect();
    let mut b = vec![Some(1); rows];
    b[rows - 3] = Some(0);
    let error = call(&runner, vec![int32s(&a), int32s(&b)]).unwrap_err();
    let SandboxError::Trap {
        location: Some(RowLocation::Row { index, .. }),
        ..
    } = error
    else {
        panic!("{error}")
    };
    assert_eq!(index, rows - 3);
}
