//! Sandbox integration tests: one binary, one module per behaviour.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

mod aggregates;
mod limits;
mod nulls;
mod outputs;
mod rows;
mod strings;
mod traps;
