//! Resource limits: time, memory, stack and cancellation end a call with the right trap.

use std::time::{Duration, Instant};

use wasmudf_sandbox::{RowLocation, RuntimeLimits, SandboxError, TrapKind};

use crate::support::{call, guest_runner, guest_runner_with, int32s};

#[test]
fn an_infinite_loop_hits_the_time_limit() {
    let runner = guest_runner_with(
        "spin",
        RuntimeLimits {
            batch_timeout: Duration::from_millis(200),
            memory_bytes: 16 << 20,
        },
    );
    let started = Instant::now();
    let error = call(&runner, vec![int32s(&[Some(1), Some(2)])]).unwrap_err();
    let elapsed = started.elapsed();
    let SandboxError::Trap { kind, location, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(*kind, TrapKind::TimeLimit(Duration::from_millis(200)));
    // Time limits are not replayed row by row; the range is reported instead.
    assert_eq!(*location, Some(RowLocation::Range { start: 0, end: 2 }));
    assert!(error.is_limit());
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn a_memory_bomb_hits_the_memory_limit() {
    let runner = guest_runner_with(
        "bomb",
        RuntimeLimits {
            batch_timeout: Duration::from_secs(5),
            memory_bytes: 32 << 20,
        },
    );
    let error = call(&runner, vec![int32s(&[Some(1)])]).unwrap_err();
    assert!(
        matches!(error, SandboxError::Trap { kind: TrapKind::MemoryLimit(cap), .. } if cap == 32 << 20),
        "{error}"
    );
    assert!(error.to_string().contains("memory limit exceeded (32 MiB)"), "{error}");
}

#[test]
fn wasmudf_alloc_past_the_limit_is_a_memory_limit() {
    let runner = guest_runner_with(
        "grow",
        RuntimeLimits {
            batch_timeout: Duration::from_secs(5),
            memory_bytes: 16 << 20,
        },
    );
    assert!(call(&runner, vec![int32s(&[Some(1)])]).is_ok());
    let error = call(&runner, vec![int32s(&[Some(64)])]).unwrap_err();
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
fn deep_recursion_is_a_stack_overflow() {
    let runner = guest_runner("depth");
    let error = call(&runner, vec![int32s(&[Some(100_000_000)])]).unwrap_err();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::StackOverflow,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.is_limit());
    // Shallow recursion on the same runner still works.
    assert!(call(&runner, vec![int32s(&[Some(10)])]).is_ok());
}

#[test]
fn cancelling_stops_a_running_guest_within_a_tick() {
    let cancel = wasmudf_sandbox::CancelFlag::new();
    let runner = guest_runner_with(
        "spin",
        RuntimeLimits {
            batch_timeout: Duration::from_secs(30),
            memory_bytes: 16 << 20,
        },
    )
    .with_cancel(cancel.clone());
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        cancel.cancel();
    });
    let started = Instant::now();
    let error = call(&runner, vec![int32s(&[Some(1)])]).unwrap_err();
    canceller.join().unwrap();
    assert!(
        matches!(
            error,
            SandboxError::Trap {
                kind: TrapKind::Cancelled,
                ..
            }
        ),
        "{error}"
    );
    assert!(!error.is_limit());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}
