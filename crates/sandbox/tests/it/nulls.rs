//! NULL rows and fixed-width types: a NULL input skips the function; numbers and BOOLEAN round-trip.

use arrow_array::{Array, Float64Array, Int32Array};
use std::sync::Arc;

use crate::support::{call, guest_runner, int32s};

#[test]
fn null_input_yields_null_output_without_calling_the_guest() {
    // Row 1 would divide by zero if the guest saw it; NULL strictness means it never does.
    let runner = guest_runner("divide");
    let result = call(
        &runner,
        vec![int32s(&[Some(8), None, Some(9)]), int32s(&[Some(2), Some(0), Some(3)])],
    )
    .unwrap();
    let result = result.as_any().downcast_ref::<Int32Array>().unwrap();
    assert_eq!(result.iter().collect::<Vec<_>>(), vec![Some(4), None, Some(3)]);
}

#[test]
fn an_all_null_batch_makes_no_guest_call() {
    let runner = guest_runner("divide");
    let result = call(&runner, vec![int32s(&[None, None]), int32s(&[Some(0), Some(0)])]).unwrap();
    assert_eq!(result.len(), 2);
    assert_eq!(result.null_count(), 2);
}

#[test]
fn an_empty_batch_yields_an_empty_result() {
    let runner = guest_runner("divide");
    let result = call(&runner, vec![int32s(&[]), int32s(&[])]).unwrap();
    assert_eq!(result.len(), 0);
}

#[test]
fn every_numeric_type_round_trips() {
    let runner = guest_runner("mix");
    let result = runner
        .call(
            &[
                int32s(&[Some(1), Some(-2)]),
                Arc::new(arrow_array::Int64Array::from(vec![10_000_000_000i64, 5])),
                Arc::new(arrow_array::Float32Array::from(vec![0.5f32, 0.25])),
                Arc::new(arrow_array::Float64Array::from(vec![0.125f64, 1.0])),
                Arc::new(arrow_array::BooleanArray::from(vec![true, false])),
            ],
            2,
        )
        .unwrap();
    let result = result.as_any().downcast_ref::<Float64Array>().unwrap();
    assert_eq!(result.values().to_vec(), vec![10_000_000_001.625, -1.0]);
}

#[test]
fn booleans_come_back_as_booleans() {
    let runner = guest_runner("even");
    let result = call(&runner, vec![int32s(&[Some(1), Some(2), None])]).unwrap();
    let result = result.as_any().downcast_ref::<arrow_array::BooleanArray>().unwrap();
    assert_eq!(result.iter().collect::<Vec<_>>(), vec![Some(false), Some(true), None]);
}
