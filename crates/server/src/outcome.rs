//! How an execution ends, as the store keeps it and the API reports it: one typed value from
//! the guest's trap (or the engine's refusal) to the JSON the page shows.
//!
//! The guest's failure reaches this module as the sandbox's own [`SandboxError`] (carried
//! inside the engine's error, see `wasmudf_datafusion::guest_failure`): kind, function, row and
//! input values are read off it, never recovered from a message.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use wasmudf_compiler::{CompileError, Diagnostic, Severity};
use wasmudf_datafusion::WasmUdfError;
use wasmudf_sandbox::{RowLocation, SandboxError};

/// Where an execution is in its life: queued → compiling → running → succeeded | failed |
/// cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionStatus {
    Queued,
    Compiling,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl ExecutionStatus {
    pub const ALL: [ExecutionStatus; 6] = [
        ExecutionStatus::Queued,
        ExecutionStatus::Compiling,
        ExecutionStatus::Running,
        ExecutionStatus::Succeeded,
        ExecutionStatus::Failed,
        ExecutionStatus::Cancelled,
    ];

    /// The name the API and the store use.
    pub const fn as_str(self) -> &'static str {
        match self {
            ExecutionStatus::Queued => "queued",
            ExecutionStatus::Compiling => "compiling",
            ExecutionStatus::Running => "running",
            ExecutionStatus::Succeeded => "succeeded",
            ExecutionStatus::Failed => "failed",
            ExecutionStatus::Cancelled => "cancelled",
        }
    }

    /// The statuses of executions that have not ended.
    pub const LIVE: [ExecutionStatus; 3] = [
        ExecutionStatus::Queued,
        ExecutionStatus::Compiling,
        ExecutionStatus::Running,
    ];
}

impl fmt::Display for ExecutionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status name the store does not know: its file was written by something else.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown execution status `{0}`")]
pub struct UnknownStatus(pub String);

impl FromStr for ExecutionStatus {
    type Err = UnknownStatus;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ExecutionStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| UnknownStatus(text.to_string()))
    }
}

/// What ended an execution that failed (or was cancelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request cannot run: an unknown column, a type the function cannot take, bad SQL.
    BadRequest,
    /// The function does not compile; `diagnostics` say where.
    CompileError,
    /// The guest divided an integer by zero.
    DivisionByZero,
    /// The guest overflowed an integer operation that traps (`INT_MIN / -1`).
    IntegerOverflow,
    /// The guest read or wrote outside its memory.
    OutOfBounds,
    /// The guest recursed too deep.
    StackOverflow,
    /// A guest call ran past its time limit.
    TimeLimit,
    /// The guest asked for more memory than its limit, or returned more strings than fit in it.
    MemoryLimit,
    /// The guest reached `abort()` or `__builtin_trap()`.
    Abort,
    /// The guest converted a float that does not fit an integer.
    BadConversion,
    /// The guest called through a bad function pointer.
    BadIndirectCall,
    /// The module reported a nonzero status.
    GuestStatus,
    /// The guest returned a string that is not UTF-8.
    InvalidUtf8,
    /// The guest returned a value that points outside its memory.
    InvalidOutput,
    /// A column's value does not fit the parameter it is passed to (a BIGINT into an `int32_t`).
    ArgumentOutOfRange,
    /// The guest failed in another way (its module could not be loaded or started).
    Trap,
    /// The execution passed one of its limits: time, memory, result size.
    Limit,
    /// The tenant cancelled it.
    Cancelled,
    /// The server stopped while it ran.
    Interrupted,
    /// The server could not run it now (no compiler, no threads); retry later.
    Unavailable,
    /// The engine failed while running it.
    ExecutionError,
    /// The server failed; the details are in its log.
    Internal,
}

impl ErrorKind {
    /// The kind the API calls `name` (its JSON spelling), if there is one.
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

/// A compiler message in the user's source: lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DiagnosticView {
    pub severity: DiagnosticSeverity,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticSeverity {
    Error,
    Warning,
    Note,
}

impl From<&Diagnostic> for DiagnosticView {
    fn from(diagnostic: &Diagnostic) -> Self {
        DiagnosticView {
            severity: match diagnostic.severity {
                Severity::Error => DiagnosticSeverity::Error,
                Severity::Warning => DiagnosticSeverity::Warning,
                Severity::Note => DiagnosticSeverity::Note,
            },
            line: diagnostic.line,
            column: diagnostic.column,
            message: diagnostic.message.clone(),
        }
    }
}

/// Diagnostics as the API shows them.
pub fn diagnostic_views(diagnostics: &[Diagnostic]) -> Vec<DiagnosticView> {
    diagnostics.iter().map(DiagnosticView::from).collect()
}

/// Why an execution failed: the kind, a message written for the user, and where known the
/// function, the row (counted from 0 within the batch the engine passed) and its input values
/// by column, or the compiler's diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExecutionError {
    pub kind: ErrorKind,
    pub message: String,
    /// The UDF that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The row that failed, within its batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The row that failed as the dataset counts it, from 1 in the dataset's own order (the
    /// numbers of `GET /datasets/{name}/rows`): the first row of the dataset the function fails
    /// on. Set for MAP and FILTER on the embedded engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_row: Option<u64>,
    /// `[start, end)`: the rows of the batch the failure lies in, when no single row reproduced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<[u64; 2]>,
    /// The failing row's input values, by column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<BTreeMap<String, String>>,
    /// With `compile_error`: where the source is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnostics: Option<Vec<DiagnosticView>>,
    /// The last lines the function printed (`printf`) before it failed; all of them at
    /// `GET /executions/{id}/log`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
}

impl ExecutionError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ExecutionError {
            kind,
            message: message.into(),
            function: None,
            row: None,
            table_row: None,
            rows: None,
            values: None,
            diagnostics: None,
            log: None,
        }
    }

    pub fn cancelled() -> Self {
        ExecutionError::new(ErrorKind::Cancelled, "cancelled by the user")
    }

    pub fn interrupted() -> Self {
        ExecutionError::new(
            ErrorKind::Interrupted,
            "the server stopped while this execution was running",
        )
    }

    /// A server-side failure: the details go to the log, the tenant gets a generic message.
    pub fn internal(context: &str, error: impl fmt::Display) -> Self {
        eprintln!("wasmudf-server: internal error while {context}: {error}");
        ExecutionError::new(ErrorKind::Internal, format!("internal error while {context}"))
    }

    /// Adds the last lines the function printed. A division trap's handler printed where it
    /// happened (`integer division by zero at line L, column C`): that becomes a diagnostic, so the
    /// page marks the line in the editor as it does a compile error's.
    pub fn attach_log(&mut self, tail: String) {
        if matches!(self.kind, ErrorKind::DivisionByZero | ErrorKind::IntegerOverflow)
            && self.diagnostics.is_none()
            && let Some(diagnostic) = tail.lines().rev().find_map(division_site)
        {
            self.diagnostics = Some(vec![diagnostic]);
        }
        self.log = Some(tail);
    }

    /// The guest's own account of its failure: the kind (named by the sandbox), the function,
    /// and the row with its input values where the host found them.
    pub fn from_guest(error: &SandboxError) -> Self {
        let kind = ErrorKind::from_name(error.kind_name()).unwrap_or(ErrorKind::Trap);
        let mut value = ExecutionError::new(kind, error.to_string());
        value.function = error.function().map(str::to_string);
        match error.location() {
            Some(RowLocation::Row { index, values }) => {
                value.row = Some(*index as u64);
                value.values = Some(values.iter().cloned().collect());
            }
            Some(RowLocation::Range { start, end }) => value.rows = Some([*start as u64, *end as u64]),
            Some(RowLocation::Values(values)) => value.values = Some(values.iter().cloned().collect()),
            Some(RowLocation::TableRow { number, values }) => {
                value.table_row = Some(*number);
                value.values = Some(values.iter().cloned().collect());
            }
            None => {}
        }
        // The line of C it happened on, marked in the editor as a compile error's line is.
        if let Some(site) = error.site() {
            value.diagnostics = Some(vec![DiagnosticView {
                severity: DiagnosticSeverity::Error,
                line: Some(site.line),
                column: site.column,
                message: match error {
                    SandboxError::Trap { kind, .. } => kind.to_string(),
                    other => other.kind_name().replace('_', " "),
                },
            }]);
        }
        value
    }

    /// A function that could not be defined: it does not compile (an outcome with the
    /// compiler's diagnostics), the compiler is missing, or the definition is wrong.
    pub fn from_definition(error: &WasmUdfError) -> Self {
        match error {
            WasmUdfError::Compile(CompileError::Diagnostics(diagnostics)) => {
                let mut value = ExecutionError::new(ErrorKind::CompileError, error.to_string());
                value.diagnostics = Some(diagnostic_views(diagnostics));
                value
            }
            WasmUdfError::Compile(compile) if compile.is_user_error() => {
                let mut value = ExecutionError::new(ErrorKind::CompileError, error.to_string());
                value.diagnostics = Some(Vec::new());
                value
            }
            // The installation's fault, whose message names host paths: logged, not shown.
            WasmUdfError::Compile(_) => {
                eprintln!("wasmudf-server: cannot compile: {error}");
                ExecutionError::new(
                    ErrorKind::Unavailable,
                    "the server cannot compile C functions right now; try again later, or tell its operator",
                )
            }
            WasmUdfError::Sandbox(sandbox) => ExecutionError::from_guest(sandbox),
            WasmUdfError::Signature(_) | WasmUdfError::Definition(_) => {
                ExecutionError::new(ErrorKind::BadRequest, error.to_string())
            }
        }
    }
}

/// `integer division by zero at line 4, column 14` (as the generated C handler prints it) as a
/// diagnostic at that place.
fn division_site(line: &str) -> Option<DiagnosticView> {
    let (what, place) = line.rsplit_once(" at line ")?;
    if !what.starts_with("integer division by zero") && !what.starts_with("integer overflow") {
        return None;
    }
    let (line_number, column) = place.split_once(", column ")?;
    Some(DiagnosticView {
        severity: DiagnosticSeverity::Error,
        line: Some(line_number.parse().ok()?),
        column: Some(column.trim().parse().ok()?),
        message: what.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use serde_json::json;
    use wasmudf_sandbox::{OutputProblem, TrapKind};

    use super::*;

    #[test]
    fn a_division_trap_points_at_the_line_its_handler_printed() {
        let mut error = ExecutionError::new(ErrorKind::DivisionByZero, "UDF `f` failed");
        error.attach_log("x=1\ninteger division by zero at line 4, column 14".into());
        let diagnostics = error.diagnostics.expect("a diagnostic");
        assert_eq!(
            (
                diagnostics[0].line,
                diagnostics[0].column,
                diagnostics[0].message.as_str()
            ),
            (Some(4), Some(14), "integer division by zero")
        );
        let mut other = ExecutionError::new(ErrorKind::OutOfBounds, "UDF `f` failed");
        other.attach_log("integer division by zero at line 4, column 14".into());
        assert_eq!(other.diagnostics, None, "only a division trap");
        let mut printed = ExecutionError::new(ErrorKind::DivisionByZero, "UDF `f` failed");
        printed.attach_log("at line x, column y".into());
        assert_eq!(printed.diagnostics, None);
    }

    #[test]
    fn a_trap_is_reported_with_its_function_row_and_values() {
        let trap = SandboxError::Trap {
            function: "divide".into(),
            kind: TrapKind::DivisionByZero,
            location: Some(RowLocation::Row {
                index: 1,
                values: vec![("b".into(), "0".into()), ("a".into(), "5".into())],
            }),
            site: None,
        };
        let value = serde_json::to_value(ExecutionError::from_guest(&trap)).expect("serializes");
        assert_eq!(
            value,
            json!({
                "kind": "division_by_zero",
                "message": "UDF `divide` failed: integer division by zero at row 1 of the batch (b=0, a=5)",
                "function": "divide",
                "row": 1,
                "values": {"a": "5", "b": "0"},
            })
        );
    }

    #[test]
    fn a_failure_in_a_range_of_rows_names_the_range() {
        let trap = SandboxError::Trap {
            function: "spin".into(),
            kind: TrapKind::TimeLimit(Duration::from_millis(500)),
            location: Some(RowLocation::Range { start: 0, end: 8192 }),
            site: None,
        };
        let value = serde_json::to_value(ExecutionError::from_guest(&trap)).expect("serializes");
        assert_eq!(value["kind"], "time_limit");
        assert_eq!(value["rows"], json!([0, 8192]));
        assert!(value.get("row").is_none(), "{value}");
    }

    /// Located in the table and in the source: the row as the dataset counts it, and the line of
    /// C as a diagnostic the page marks in the editor.
    #[test]
    fn a_trap_located_in_the_table_and_the_source_names_both() {
        let trap = SandboxError::Trap {
            function: "divide".into(),
            kind: TrapKind::DivisionByZero,
            location: Some(RowLocation::Row {
                index: 4,
                values: vec![("b".into(), "0".into())],
            }),
            site: Some(wasmudf_sandbox::SourceSite {
                line: 3,
                column: Some(12),
            }),
        }
        .in_table(8192);
        let value = serde_json::to_value(ExecutionError::from_guest(&trap)).expect("serializes");
        assert_eq!(
            value,
            json!({
                "kind": "division_by_zero",
                "message": "UDF `divide` failed: integer division by zero at row 8197 of the table (b=0), at line 3, column 12 of its source",
                "function": "divide",
                "table_row": 8197,
                "values": {"b": "0"},
                "diagnostics": [{"severity": "error", "line": 3, "column": 12, "message": "integer division by zero"}],
            })
        );
    }

    /// The sandbox names its failures (for every host); each name is an API kind.
    #[test]
    fn every_failure_the_sandbox_names_is_an_api_kind() {
        let kinds = [
            TrapKind::DivisionByZero,
            TrapKind::IntegerOverflow,
            TrapKind::OutOfBounds,
            TrapKind::StackOverflow,
            TrapKind::TimeLimit(Duration::from_secs(1)),
            TrapKind::MemoryLimit(1 << 20),
            TrapKind::Abort,
            TrapKind::BadConversion,
            TrapKind::IndirectCall,
            TrapKind::GuestStatus(3),
            TrapKind::Cancelled,
            TrapKind::Other("x".into()),
        ];
        let traps = kinds.into_iter().map(|kind| SandboxError::Trap {
            function: "f".into(),
            kind,
            location: None,
            site: None,
        });
        let others = [
            SandboxError::InvalidOutput {
                function: "f".into(),
                problem: OutputProblem::InvalidUtf8 { valid_up_to: 0 },
                location: RowLocation::Range { start: 0, end: 1 },
            },
            SandboxError::InvalidOutput {
                function: "f".into(),
                problem: OutputProblem::OutOfBounds {
                    ptr: 0,
                    len: 1,
                    memory_bytes: 0,
                },
                location: RowLocation::Range { start: 0, end: 1 },
            },
            SandboxError::Instantiate {
                function: "f".into(),
                message: "x".into(),
            },
            SandboxError::Compile("x".into()),
            SandboxError::BatchTooLarge { function: "f".into() },
        ];
        for error in traps.chain(others) {
            let kind = ErrorKind::from_name(error.kind_name());
            assert!(kind.is_some(), "{}", error.kind_name());
            assert_eq!(
                serde_json::to_value(kind).expect("serializes"),
                json!(error.kind_name())
            );
        }
        assert_eq!(ErrorKind::from_name("no_such_kind"), None);
    }

    #[test]
    fn a_stored_error_reads_back_as_it_was() {
        let mut error = ExecutionError::new(ErrorKind::CompileError, "compilation failed");
        error.diagnostics = Some(vec![DiagnosticView {
            severity: DiagnosticSeverity::Error,
            line: Some(3),
            column: Some(12),
            message: "use of undeclared identifier 'nope'".into(),
        }]);
        let text = serde_json::to_string(&error).expect("serializes");
        assert_eq!(serde_json::from_str::<ExecutionError>(&text).expect("parses"), error);
        assert_eq!(
            serde_json::to_value(&error).expect("serializes")["diagnostics"][0]["severity"],
            "error"
        );
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in ExecutionStatus::ALL {
            assert_eq!(status.as_str().parse::<ExecutionStatus>(), Ok(status));
            assert_eq!(
                serde_json::to_value(status).expect("serializes"),
                json!(status.as_str())
            );
        }
        assert_eq!("done".parse::<ExecutionStatus>(), Err(UnknownStatus("done".into())));
    }
}
