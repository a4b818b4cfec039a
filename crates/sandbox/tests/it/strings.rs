//! STRING arguments and results: every Arrow string layout in; results that point into an input or
//! into `wasmudf_alloc` memory out.

use std::sync::Arc;

use arrow_array::{Array, ArrayRef, LargeStringArray, StringArray, StringViewArray};

use crate::support::{call, guest_runner, strings};

fn as_strings(array: &ArrayRef) -> Vec<Option<String>> {
    let array = array.as_any().downcast_ref::<StringArray>().unwrap();
    array.iter().map(|value| value.map(str::to_string)).collect()
}

#[test]
fn a_string_result_can_point_into_its_input() {
    let runner = guest_runner("domain");
    let result = call(
        &runner,
        vec![strings(&[
            Some("fdumphy0@mtv.com"),
            Some("nobody"),
            None,
            Some(""),
            Some("ü@bücher.de"),
        ])],
    )
    .unwrap();
    assert_eq!(
        as_strings(&result),
        vec![
            Some("mtv.com".into()),
            Some("".into()),
            None,
            Some("".into()),
            Some("bücher.de".into())
        ]
    );
}

#[test]
fn every_arrow_string_layout_is_accepted() {
    let runner = guest_runner("domain");
    let values = vec![
        Some("a@b.org"),
        None,
        Some("a-much-longer-address-than-twelve-bytes@example.com"),
    ];
    let layouts: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(values.clone())),
        Arc::new(LargeStringArray::from(values.clone())),
        Arc::new(StringViewArray::from(values.clone())),
        // A sliced array: offsets that do not start at zero.
        Arc::new(
            StringArray::from(vec![Some("skip@me.com"), Some("a@b.org"), None, Some("x@example.com")]).slice(1, 3),
        ),
    ];
    // The sliced array's third row is "x@example.com": the same domain as the long address.
    let expected = vec![Some("b.org".to_string()), None, Some("example.com".to_string())];
    for layout in layouts {
        let result = call(&runner, vec![layout]).unwrap();
        assert_eq!(as_strings(&result), expected);
    }
}

#[test]
fn allocated_strings_survive_many_batches() {
    let runner = guest_runner("twice");
    // Enough rows for several guest calls, each allocating ~2 MiB in the arena.
    let rows = wasmudf_sandbox::MAX_ROWS_PER_CALL * 3 + 7;
    let inputs: Vec<String> = (0..rows).map(|i| format!("row{i}-ß-{}", "x".repeat(i % 61))).collect();
    let input: ArrayRef = Arc::new(StringArray::from(inputs.clone()));
    for _ in 0..3 {
        let result = call(&runner, vec![input.clone()]).unwrap();
        let result = result.as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(result.len(), rows);
        for (row, input) in inputs.iter().enumerate().step_by(997) {
            assert_eq!(result.value(row), format!("{input}{input}"));
        }
    }
}

#[test]
fn long_and_empty_strings() {
    let runner = guest_runner("count_a");
    let long = "a".repeat(3 << 20);
    let result = call(&runner, vec![strings(&[Some(&long), Some(""), Some("banana")])]).unwrap();
    let result = result.as_any().downcast_ref::<arrow_array::Int32Array>().unwrap();
    assert_eq!(result.values().to_vec(), vec![3 << 20, 0, 3]);
}
