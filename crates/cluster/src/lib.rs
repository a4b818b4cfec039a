//! Wasm UDFs on an Apache DataFusion Ballista cluster.
//!
//! - `shipping.rs`: how a function travels in a plan (signature, digest, module or location).
//! - `codec.rs`: Ballista's logical and physical codecs, extended with that payload.
//! - `keys.rs`: an optimizer rule keeping Wasm UDFs out of shuffle keys.
//! - `processes.rs`: the scheduler and executor, embedded with our codecs.
//! - `client.rs`: a session whose queries run on the cluster.
//!
//! **Architecture invariant:** the only crate that depends on Ballista.

pub mod auth;
pub mod client;
pub mod codec;
pub mod keys;
pub mod processes;
pub mod shipping;

pub use auth::ClusterSecret;
pub use client::{ClusterSessions, remote_session};
pub use processes::{ClusterError, ExecutorOptions, SchedulerOptions, run_executor, run_scheduler};
pub use shipping::{INLINE_LIMIT, Shipping};
