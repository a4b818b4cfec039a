//! The execution state machine: queued → compiling → running → succeeded | failed | cancelled.
//!
//! [`supervise`] owns one execution from acceptance to its recorded end. The work runs on a
//! runtime of its own (see `executor.rs`); the supervisor only waits, and ends the work when
//! the tenant cancels, when the execution's wall-clock limit passes, or when the work panics.
//! Ending it sets the cancel flag (a running guest traps within one epoch tick, and the replay
//! that locates a trap stops), aborts the task and shuts its runtime down (every operator
//! stream is dropped). Whatever happens, the outcome is recorded and the tenant's slot freed.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use datafusion::common::{Column, SchemaError};
use datafusion::dataframe::DataFrame;
use datafusion::error::DataFusionError;
use datafusion::prelude::SessionContext;
use futures::{FutureExt, StreamExt};
use tokio::runtime::Runtime;
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::Language;
use wasmudf_datafusion::{
    Script, TableReplay, UdfBuilder, guest_failure, plan_execution, register_file, syntax_message,
};
use wasmudf_sandbox::{CancelFlag, GuestLog};
use wasmudf_spark_connect::SparkConnectError;

use super::plan::Job;
use super::result_file::ResultWriter;
use crate::datasets::open_in;
use crate::outcome::{ErrorKind, ExecutionError, ExecutionStatus};
use crate::state::AppState;
use crate::store::TenantId;

/// How often the supervisor looks at the cancel flag and the clock.
const POLL: Duration = Duration::from_millis(50);

/// How an execution's work ended.
#[derive(Debug)]
enum Ending {
    Finished(Result<Done, ExecutionError>),
    Cancelled,
    TimedOut,
    Panicked,
    /// No threads could be started for it.
    Unstarted(std::io::Error),
}

/// Runs `work` on a runtime of its own until it finishes, panics, is cancelled or passes
/// `deadline`; then tells whatever of it still runs to stop (guests at their next epoch tick,
/// every task at its next yield). Returns at once with how it ended, and the runtime, whose
/// threads may still be finishing a poll: see [`wind_down`]. Never panics itself.
async fn run_to_end<F>(work: F, cancel: &CancelFlag, deadline: Instant) -> (Ending, Option<Runtime>)
where
    F: Future<Output = Result<Done, ExecutionError>> + Send + 'static,
{
    let runtime = match crate::executor::execution_runtime() {
        Ok(runtime) => runtime,
        Err(error) => return (Ending::Unstarted(error), None),
    };
    let mut task = runtime.spawn(AssertUnwindSafe(work).catch_unwind());
    let ending = loop {
        match tokio::time::timeout(POLL, &mut task).await {
            Ok(Ok(Ok(outcome))) => break Ending::Finished(outcome),
            Ok(Ok(Err(_))) | Ok(Err(_)) => break Ending::Panicked,
            Err(_) if cancel.is_cancelled() => break Ending::Cancelled,
            Err(_) if Instant::now() >= deadline => break Ending::TimedOut,
            Err(_) => {}
        }
    };
    // A guest stopped by the tenant's cancel ends its work with an error at once, which can
    // arrive before the loop above looks at the flag: the flag decides.
    let ending = match ending {
        Ending::Finished(_) if cancel.is_cancelled() => Ending::Cancelled,
        ending => ending,
    };
    cancel.cancel();
    task.abort();
    (ending, Some(runtime))
}

/// Waits until an ended execution's threads have stopped: at once for guests (the cancel flag)
/// and streams (dropped at their next yield), but a poll cannot be interrupted (an operator
/// building one huge value runs to its end). Until then the execution counts against the
/// server-wide limit, which so bounds the threads of all executions, ending ones included.
async fn wind_down(runtime: Runtime) {
    const AT_MOST: Duration = Duration::from_secs(600);
    let stopped = tokio::task::spawn_blocking(move || runtime.shutdown_timeout(AT_MOST)).await;
    if stopped.is_err() {
        eprintln!("wasmudf-server: an execution's threads did not stop cleanly");
    }
}

/// Time kept back from a replay that locates a failing row, before the execution's deadline.
const REPLAY_MARGIN: Duration = Duration::from_secs(1);

/// Lines of a failed execution's log shown with its error.
const FAILURE_LOG_LINES: usize = 20;

pub(crate) async fn supervise(state: AppState, tenant: TenantId, id: String, job: Job, cancel: CancelFlag) {
    let started = Instant::now();
    let log = GuestLog::new();
    let builder = state
        .builder
        .clone()
        .with_cancel(cancel.clone())
        .with_log(log.clone())
        .with_own_budget();
    let deadline = started + state.limits.max_execution_time;
    let work = execute(
        state.clone(),
        builder,
        tenant,
        id.clone(),
        job,
        cancel.clone(),
        deadline,
    );
    let (ending, runtime) = run_to_end(work, &cancel, deadline).await;

    if let Ending::Unstarted(error) = &ending {
        eprintln!("wasmudf-server: cannot start threads for execution {id}: {error}");
    }
    let elapsed_ms = || started.elapsed().as_millis() as i64;
    let record = |status: ExecutionStatus, error: Option<ExecutionError>, rows: (i64, i64), compile_ms: Option<i64>| {
        let run_ms = Some(elapsed_ms() - compile_ms.unwrap_or(0));
        if !log.is_empty()
            && let Err(failure) = wasmudf_files::write_atomically(&state.log_file(&id), log.text().as_bytes())
        {
            eprintln!("wasmudf-server: cannot keep the log of execution {id}: {failure}");
        }
        // Every execution error passes here: no message shown to a tenant names a server path.
        let error = error.map(|mut error| {
            if !log.is_empty() && error.kind != ErrorKind::Cancelled {
                error.attach_log(log.tail(FAILURE_LOG_LINES));
            }
            let scrub = |text: &str| crate::scrub_paths(&state.data_dir, text);
            error.message = scrub(&error.message);
            for diagnostic in error.diagnostics.iter_mut().flatten() {
                diagnostic.message = scrub(&diagnostic.message);
            }
            if let Some(values) = &mut error.values {
                for value in values.values_mut() {
                    *value = scrub(value);
                }
            }
            error
        });
        if let Err(failure) = state
            .store
            .finish_execution(&id, status, error.as_ref(), rows, compile_ms, run_ms)
        {
            eprintln!("wasmudf-server: cannot record execution {id}: {failure}");
        }
    };
    if !matches!(ending, Ending::Finished(Ok(_))) {
        let _ = std::fs::remove_file(state.result_file(&id));
    }
    match ending {
        Ending::Cancelled => record(
            ExecutionStatus::Cancelled,
            Some(ExecutionError::cancelled()),
            (0, 0),
            None,
        ),
        Ending::TimedOut => record(
            ExecutionStatus::Failed,
            Some(ExecutionError::new(
                ErrorKind::Limit,
                format!(
                    "the execution ran longer than its time limit of {} s",
                    state.limits.max_execution_time.as_secs_f64()
                ),
            )),
            (0, 0),
            None,
        ),
        Ending::Unstarted(_) => record(
            ExecutionStatus::Failed,
            Some(ExecutionError::new(
                ErrorKind::Unavailable,
                "the server cannot start this execution now; retry later",
            )),
            (0, 0),
            None,
        ),
        Ending::Panicked => {
            eprintln!("wasmudf-server: execution {id} panicked; recorded as an internal error");
            record(
                ExecutionStatus::Failed,
                Some(ExecutionError::new(
                    ErrorKind::Internal,
                    "the server failed while running this execution; it has been logged",
                )),
                (0, 0),
                None,
            )
        }
        Ending::Finished(Ok(done)) => record(
            ExecutionStatus::Succeeded,
            None,
            (done.rows_in, done.rows_out),
            Some(done.compile_ms),
        ),
        Ending::Finished(Err(error)) => {
            // A compile error ends the compile phase: its time is compile time, not run time.
            let compile_ms = (error.kind == ErrorKind::CompileError).then(elapsed_ms);
            record(ExecutionStatus::Failed, Some(error), (0, 0), compile_ms)
        }
    }
    // The outcome is the tenant's to see now, and its slot free; the server's slot stays taken
    // until the work's threads have stopped.
    state.progress.end(&id);
    if let Some(runtime) = runtime {
        wind_down(runtime).await;
    }
    state.progress.finish(&id);
}

#[derive(Debug)]
struct Done {
    rows_in: i64,
    rows_out: i64,
    compile_ms: i64,
}

async fn execute(
    state: AppState,
    builder: UdfBuilder,
    tenant: TenantId,
    id: String,
    job: Job,
    cancel: CancelFlag,
    deadline: Instant,
) -> Result<Done, ExecutionError> {
    let _ = state.store.set_status(&id, ExecutionStatus::Compiling);
    let compile_started = Instant::now();
    // On Spark, the rows are computed before `write_results`: the compile ends before that.
    let mut compiled_after = None;
    let mut replay = None;
    let (frame, rows_in) = match job {
        Job::Udf { dataset, request } => {
            let context = state
                .execution_session(&builder)
                .await
                .map_err(|error| engine_error(&state, &error))?;
            let (_, table) = open_in(context, &state, tenant, &dataset)
                .await
                .map_err(|error| ExecutionError::new(ErrorKind::BadRequest, error.message))?;
            let rows_in = table
                .clone()
                .count()
                .await
                .map_err(|error| engine_error(&state, &error))? as i64;
            state.progress.set_rows_in(&id, rows_in as u64);
            let builder = builder.clone();
            // Spark's catalog serves scalar functions: an aggregate runs on the embedded engine.
            let spark_request = (state.spark.is_some() && !request.operation.is_aggregate()).then(|| request.clone());
            let planned = tokio::task::spawn_blocking(move || plan_execution(&builder, table, &request))
                .await
                .map_err(|error| ExecutionError::internal("planning", error))?
                .map_err(|error| ExecutionError::from_definition(&error))?;
            match (&state.spark, spark_request) {
                (Some(spark), Some(request)) => {
                    compiled_after = Some(compile_started.elapsed());
                    let _ = state.store.set_status(&id, ExecutionStatus::Running);
                    (
                        on_spark(&state, spark, tenant, &dataset, &planned, &request).await?,
                        rows_in,
                    )
                }
                _ => {
                    replay = planned.replay;
                    (planned.frame, rows_in)
                }
            }
        }
        Job::Sql(script) => (run_sql(&state, &builder, tenant, script).await?, 0),
    };
    let compile_ms = compiled_after.unwrap_or_else(|| compile_started.elapsed()).as_millis() as i64;
    let _ = state.store.set_status(&id, ExecutionStatus::Running);
    let rows_out = write_results(&state, &id, frame, replay, &cancel, deadline).await?;
    Ok(Done {
        rows_in,
        rows_out,
        compile_ms,
    })
}

/// Runs a planned execution's UDF on the Spark cluster and returns Spark's rows as a frame for
/// `write_results`.
async fn on_spark(
    state: &AppState,
    spark: &crate::spark::SparkCluster,
    tenant: TenantId,
    dataset: &str,
    planned: &wasmudf_datafusion::PlannedExecution,
    request: &wasmudf_datafusion::ExecutionRequest,
) -> Result<DataFrame, ExecutionError> {
    let record = state
        .store
        .readable_dataset(tenant, dataset)
        .map_err(|error| ExecutionError::internal("finding the dataset", error))?
        .ok_or_else(|| ExecutionError::new(ErrorKind::BadRequest, format!("no dataset `{dataset}`")))?;
    let path = state.dataset_path(record.owner, &record.file);
    let batches = spark
        .run(
            &format!("tenant-{tenant}"),
            &path,
            &planned.signature,
            &planned.compiled.wasm,
            &planned.compiled.digest,
            request,
            (state.limits.max_result_rows, state.limits.max_result_bytes),
        )
        .await
        .map_err(|error| match error {
            SparkConnectError::Spark { message, .. } => crate::spark::failure(&message),
            SparkConnectError::TooLarge { limit } => ExecutionError::new(
                ErrorKind::Limit,
                format!("the result is larger than {} MiB", limit >> 20),
            ),
            SparkConnectError::Url(_) | SparkConnectError::Unreachable { .. } | SparkConnectError::Protocol(_) => {
                eprintln!("wasmudf-server: Spark: {error}");
                ExecutionError::new(ErrorKind::Unavailable, "the Spark cluster did not answer; retry later")
            }
        })?;
    SessionContext::new()
        .read_batches(batches)
        .map_err(|error| ExecutionError::internal("reading Spark's rows", error))
}

/// Runs every statement of `script` in a tenant session holding the tenant's readable datasets
/// as tables and the saved functions it names; returns the last statement's frame.
async fn run_sql(
    state: &AppState,
    builder: &UdfBuilder,
    tenant: TenantId,
    script: Script,
) -> Result<DataFrame, ExecutionError> {
    let context: SessionContext = state
        .execution_session(builder)
        .await
        .map_err(|error| engine_error(state, &error))?;
    let internal = |error: rusqlite::Error| ExecutionError::internal("reading metadata", error);
    for record in state.store.list_datasets(tenant).map_err(internal)? {
        let path = state.dataset_path(record.owner, &record.file);
        register_file(&context, &record.name, &path)
            .await
            .map_err(|error| engine_error(state, &error))?;
    }
    // Define only the saved functions the script names, compiling their stored source again
    // (normally a compile-cache hit, and not charged to the compile budget).
    let saved = state.store.list_functions(tenant).map_err(internal)?;
    for function in saved.into_iter().filter(|f| script.mentions(&f.name)) {
        let signature = function
            .signature
            .parse::<UdfSignature>()
            .map_err(|error| ExecutionError::internal("reading a saved signature", error))?;
        let language = function
            .language
            .parse::<Language>()
            .map_err(|error| ExecutionError::internal("reading a saved function's language", error))?;
        let defined = crate::functions::define(builder, signature, language, function.source)
            .await
            .map_err(|error| ExecutionError::from_definition(&error))?;
        defined.udf.register(&context);
    }
    script
        .run(&context)
        .await
        .map_err(|failure| engine_error(state, &failure.error))?
        .ok_or_else(|| ExecutionError::new(ErrorKind::BadRequest, "no SQL statement to run"))
}

/// Streams the result into `results/<id>.parquet` (written next to it, renamed when complete).
async fn write_results(
    state: &AppState,
    id: &str,
    frame: DataFrame,
    replay: Option<TableReplay>,
    cancel: &CancelFlag,
    deadline: Instant,
) -> Result<i64, ExecutionError> {
    let io = |error: &dyn std::fmt::Display| ExecutionError::internal("storing results", error);
    let target = state.result_file(id);
    let staging = wasmudf_files::StagedFile::beside(&target).map_err(|error| io(&error))?;
    let schema = std::sync::Arc::new(frame.schema().as_arrow().clone());
    let file = staging.reopen().map_err(|error| io(&error))?;
    let mut writer = ResultWriter::start(file, schema, crate::parquet_properties()).map_err(|error| io(&error))?;
    let mut stream = frame
        .execute_stream()
        .await
        .map_err(|error| engine_error(state, &error))?;
    let mut rows = 0usize;
    while let Some(batch) = stream.next().await {
        if cancel.is_cancelled() {
            return Err(ExecutionError::cancelled());
        }
        let batch = match batch {
            Ok(batch) => batch,
            Err(error) => {
                // Named as the dataset counts its rows, which the page's preview shows. The
                // replay gets what is left of the execution's time, less a margin: a timeout is
                // seen only between polls, and one poll can run a guest batch and the search for
                // its row, each up to the batch timeout. Cut short, it leaves the run's own error
                // to report, not a time limit.
                drop(stream);
                let margin = 2 * state.builder.limits.batch_timeout + REPLAY_MARGIN;
                let budget = deadline
                    .saturating_duration_since(Instant::now())
                    .saturating_sub(margin);
                if let Some(replay) = replay
                    && !budget.is_zero()
                    && let Ok(Some(located)) = tokio::time::timeout(budget, replay.locate(&error)).await
                {
                    return Err(ExecutionError::from_guest(&located));
                }
                return Err(engine_error(state, &error));
            }
        };
        rows += batch.num_rows();
        if rows > state.limits.max_result_rows {
            return Err(ExecutionError::new(
                ErrorKind::Limit,
                format!("the result has more than {} rows", state.limits.max_result_rows),
            ));
        }
        writer.write(batch).await.map_err(|error| io(&error))?;
        // The encoders' estimate trails the stream by the batches queued: the file's size is
        // checked again once it is complete.
        if writer.bytes() > state.limits.max_result_bytes {
            return Err(too_large(state));
        }
        state.progress.advance(id, rows as u64);
    }
    writer.finish().await.map_err(|error| io(&error))?;
    let size = std::fs::metadata(staging.path()).map_err(|error| io(&error))?.len();
    if size > state.limits.max_result_bytes as u64 {
        return Err(too_large(state));
    }
    staging.commit(&target).map_err(|error| io(&error))?;
    Ok(rows as i64)
}

fn too_large(state: &AppState) -> ExecutionError {
    ExecutionError::new(
        ErrorKind::Limit,
        format!(
            "the result is larger than {} MiB; select fewer columns or rows",
            state.limits.max_result_bytes >> 20
        ),
    )
}

/// An engine error as the tenant sees it: a guest's failure as the guest reported it (carried
/// typed inside the engine's error), the execution's memory pool, or the engine's own message.
fn engine_error(state: &AppState, error: &DataFusionError) -> ExecutionError {
    if let Some(failure) = guest_failure(error) {
        return ExecutionError::from_guest(failure);
    }
    let root = error.find_root();
    match root {
        // A guest's limits carry their failure (above): what is left is the memory pool.
        DataFusionError::ResourcesExhausted(_) => ExecutionError::new(
            ErrorKind::Limit,
            format!(
                "the execution needed more memory than its limit of {} MiB",
                state.limits.max_execution_memory_bytes >> 20
            ),
        ),
        DataFusionError::SQL(..) => ExecutionError::new(ErrorKind::BadRequest, syntax_message(root)),
        DataFusionError::SchemaError(schema_error, _)
            if let SchemaError::FieldNotFound { field, valid_fields } = schema_error.as_ref() =>
        {
            ExecutionError::new(ErrorKind::BadRequest, unknown_column(field, valid_fields))
        }
        DataFusionError::Plan(_) | DataFusionError::SchemaError(..) => {
            ExecutionError::new(ErrorKind::BadRequest, root.to_string())
        }
        _ => ExecutionError::new(ErrorKind::ExecutionError, root.to_string()),
    }
}

/// An unknown column in the user's words: SQL folds unquoted names to lower case, so the usual
/// cause is a mixed-case name written without double quotes (the engine's own hint names a
/// setting tenants cannot change).
fn unknown_column(field: &Column, valid: &[Column]) -> String {
    let name = &field.name;
    if let Some(cased) = valid
        .iter()
        .find(|column| column.name.eq_ignore_ascii_case(name) && column.name != *name)
    {
        return format!(
            "no column `{name}`; names are case-sensitive and SQL lower-cases unquoted ones: write \"{}\" in double quotes",
            cased.name
        );
    }
    let mut names: Vec<&str> = valid.iter().map(|column| column.name.as_str()).collect();
    names.dedup();
    let shown: Vec<&str> = names.iter().take(20).copied().collect();
    let more = if names.len() > shown.len() { ", ..." } else { "" };
    format!("no column `{name}`; the columns are {}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn done() -> Done {
        Done {
            rows_in: 1,
            rows_out: 1,
            compile_ms: 0,
        }
    }

    fn later(seconds: u64) -> Instant {
        Instant::now() + Duration::from_secs(seconds)
    }

    /// How `work` ends, after its threads have stopped (a runtime may not be dropped in async
    /// code, so every test winds down).
    async fn ending_of<F>(work: F, cancel: &CancelFlag, deadline: Instant) -> Ending
    where
        F: Future<Output = Result<Done, ExecutionError>> + Send + 'static,
    {
        let (ending, runtime) = run_to_end(work, cancel, deadline).await;
        if let Some(runtime) = runtime {
            wind_down(runtime).await;
        }
        ending
    }

    #[tokio::test]
    async fn a_panic_in_the_work_is_an_ending_not_a_crash() {
        fn operator_bug() -> Result<Done, ExecutionError> {
            panic!("a bug in an operator")
        }
        let cancel = CancelFlag::new();
        let ending = ending_of(async { operator_bug() }, &cancel, later(10)).await;
        assert!(matches!(ending, Ending::Panicked), "{ending:?}");
        // The work's guests are told to stop too.
        assert!(cancel.is_cancelled());
    }

    #[tokio::test]
    async fn work_that_never_ends_is_stopped_at_the_deadline() {
        let started = Instant::now();
        let deadline = Instant::now() + Duration::from_millis(200);
        let ending = ending_of(std::future::pending(), &CancelFlag::new(), deadline).await;
        assert!(matches!(ending, Ending::TimedOut), "{ending:?}");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    }

    #[tokio::test]
    async fn a_cancel_wins_over_the_error_it_causes() {
        let cancel = CancelFlag::new();
        let flag = cancel.clone();
        let work = async move {
            flag.cancel();
            Err(ExecutionError::cancelled())
        };
        assert!(matches!(ending_of(work, &cancel, later(10)).await, Ending::Cancelled));
        let finished = ending_of(async { Ok(done()) }, &CancelFlag::new(), later(10)).await;
        assert!(matches!(finished, Ending::Finished(Ok(Done { rows_out: 1, .. }))));
    }

    #[tokio::test]
    async fn work_stuck_in_a_poll_ends_at_once_and_holds_its_slot_until_it_stops() {
        // Work stuck inside a poll (as an operator building one huge value is) cannot be
        // aborted: the execution ends within a poll interval of the cancel, and winding down
        // (which frees the slot) waits for the poll to return.
        let cancel = CancelFlag::new();
        let work = async {
            std::thread::sleep(Duration::from_secs(3));
            Ok(done())
        };
        let flag = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            flag.cancel();
        });
        let started = Instant::now();
        let (ending, runtime) = run_to_end(work, &cancel, later(10)).await;
        assert!(matches!(ending, Ending::Cancelled), "{ending:?}");
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
        wind_down(runtime.unwrap()).await;
        assert!(
            started.elapsed() >= Duration::from_millis(2900),
            "{:?}",
            started.elapsed()
        );
    }
}
