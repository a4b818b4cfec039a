//! Wasm UDFs on an Apache DataFusion Ballista cluster.
//!
//! - `shipping.rs`: how a function travels in a plan (signature, digest, and the module inline,
//!   or only the digest, the module then read from the shared module store).
//! - `codec.rs`: Ballista's logical and physical codecs, extended with that payload.
//! - `keys.rs`: an optimizer rule keeping Wasm UDFs out of shuffle keys.
//! - `auth.rs`: the cluster secret, checked on every gRPC call into a scheduler or an executor.
//! - `processes.rs`: the scheduler and executor, embedded with our codecs.
//! - `client.rs`: a session whose queries run on the cluster ([`ClusterSessions`], a
//!   `SessionFactory`).
//!
//! **Architecture invariant:** the only crate that depends on Ballista. It uses axum only to
//! serve Ballista's scheduler gRPC router (tonic's axum router) behind the secret, with its
//! `/healthz` and `/readyz` routes.

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
