//! The execution service: "run this job for this tenant", between HTTP and the engine.
//!
//! HTTP handlers (`executions.rs`) only translate; everything about running a tenant's work
//! lives here, in one place each:
//! - [`plan`]: the one validator (size caps before any parsing, the SQL allow-list, datasets,
//!   columns and types), so bad requests get a 4xx before they are accepted;
//! - [`submit`]: the tenant's concurrency slot and compile budget, taken atomically;
//! - [`run`]: the state machine, on a runtime of the execution's own, in a tenant session
//!   (memory pool, no file access), under a wall-clock limit, cancellable, panic-safe;
//! - [`results`]: stored results read back, streamed and charted; `result_file` writes them.

pub(crate) mod plan;
mod result_file;
pub(crate) mod results;
mod run;

pub use plan::ExecutionBody;
pub use results::{Histogram, HistogramBin, HistogramKind};

use crate::error::{ApiError, ErrorCode};
use crate::state::{AppState, Busy};
use crate::store::TenantId;

/// Validates `body`, takes a slot of the tenant's concurrent executions and its compile budget,
/// records the execution and starts it. Returns its id.
pub async fn submit(state: &AppState, tenant: TenantId, body: &ExecutionBody) -> Result<String, ApiError> {
    let job = plan::validate(state, tenant, body).await?;
    let id = crate::random_hex(16);
    let cancel = state
        .progress
        .try_start(&id, tenant, &state.limits)
        .map_err(|busy| match busy {
            Busy::Tenant => ApiError::new(
                ErrorCode::TooManyExecutions,
                format!(
                    "at most {} executions may run at once; wait for one to finish",
                    state.limits.max_concurrent_executions
                ),
            ),
            Busy::Server => {
                let mut busy = ApiError::new(
                    ErrorCode::ServerBusy,
                    "the server is running as many executions as it takes; retry in a few seconds",
                );
                busy.retry_after = Some(5);
                busy
            }
        })?;
    let accepted = state.charge_compiles(tenant, job.compiles()).and_then(|()| {
        let request_json =
            serde_json::to_string(body).map_err(|error| ApiError::internal("recording a request", error))?;
        Ok(state.store.insert_execution(&id, tenant, &request_json)?)
    });
    if let Err(error) = accepted {
        state.progress.finish(&id);
        return Err(error);
    }
    tokio::spawn(run::supervise(state.clone(), tenant, id.clone(), job, cancel));
    Ok(id)
}

/// Asks a running execution to stop; it records `cancelled` within a second.
pub fn cancel(state: &AppState, tenant: TenantId, id: &str) -> Result<(), ApiError> {
    let record = state
        .store
        .execution(tenant, id)?
        .ok_or_else(|| ApiError::not_found("execution", id))?;
    if state.progress.cancel(id, tenant) {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::NotRunning,
            format!("execution `{id}` already {}", record.status),
        ))
    }
}
