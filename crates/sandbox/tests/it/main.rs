//! Sandbox integration tests: one binary, one module per behaviour.

mod support;

mod limits;
mod nulls;
mod outputs;
mod strings;
mod traps;
