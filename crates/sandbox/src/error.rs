//! Why loading or calling a UDF failed: traps, bad outputs and refused modules, with the row.

use std::fmt;
use std::time::Duration;

use wasmudf_abi::{SqlType, ValidationError};

/// Why a guest call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrapKind {
    DivisionByZero,
    IntegerOverflow,
    OutOfBounds,
    StackOverflow,
    /// The call ran past its deadline.
    TimeLimit(Duration),
    /// The guest tried to grow its memory past the cap (bytes).
    MemoryLimit(u64),
    /// `unreachable`: `abort()`, `__builtin_trap()`, or `wasmudf_alloc` failing.
    Abort,
    BadConversion,
    IndirectCall,
    /// `wasmudf_run` returned a nonzero status.
    GuestStatus(i32),
    /// The owner cancelled the work while the guest ran.
    Cancelled,
    Other(String),
}

impl TrapKind {
    /// Whether this is a resource limit (as opposed to a fault in the function's logic).
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            TrapKind::TimeLimit(_) | TrapKind::MemoryLimit(_) | TrapKind::StackOverflow
        )
    }

    /// A short stable name: `division_by_zero`, `time_limit`, ...
    pub fn code(&self) -> &'static str {
        match self {
            TrapKind::DivisionByZero => "division_by_zero",
            TrapKind::IntegerOverflow => "integer_overflow",
            TrapKind::OutOfBounds => "out_of_bounds",
            TrapKind::StackOverflow => "stack_overflow",
            TrapKind::TimeLimit(_) => "time_limit",
            TrapKind::MemoryLimit(_) => "memory_limit",
            TrapKind::Abort => "abort",
            TrapKind::BadConversion => "bad_conversion",
            TrapKind::IndirectCall => "bad_indirect_call",
            TrapKind::GuestStatus(_) => "guest_status",
            TrapKind::Cancelled => "cancelled",
            TrapKind::Other(_) => "trap",
        }
    }
}

impl fmt::Display for TrapKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrapKind::DivisionByZero => f.write_str("integer division by zero"),
            TrapKind::IntegerOverflow => f.write_str("integer overflow"),
            TrapKind::OutOfBounds => f.write_str("out-of-bounds memory access"),
            TrapKind::StackOverflow => f.write_str("stack overflow (recursion too deep)"),
            TrapKind::TimeLimit(limit) => write!(f, "time limit exceeded ({} ms per batch)", limit.as_millis()),
            TrapKind::MemoryLimit(limit) => {
                write!(f, "memory limit exceeded ({} MiB)", limit >> 20)
            }
            TrapKind::Abort => f.write_str("abort (unreachable code reached)"),
            TrapKind::BadConversion => f.write_str("invalid float-to-integer conversion"),
            TrapKind::IndirectCall => f.write_str("bad indirect call"),
            TrapKind::GuestStatus(status) => write!(f, "the module reported status {status}"),
            TrapKind::Cancelled => f.write_str("cancelled"),
            TrapKind::Other(message) => write!(f, "trap: {message}"),
        }
    }
}

/// Which row failed, as far as the host could tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowLocation {
    /// The exact row (index within the batch the engine passed) and its input values.
    Row {
        index: usize,
        values: Vec<(String, String)>,
    },
    /// Somewhere in these rows of the batch (the failure did not reproduce on a single row).
    Range { start: usize, end: usize },
    /// A row given on its own (a per-row host such as Spark's catalog): its input values.
    Values(Vec<(String, String)>),
    /// The row as the table counts it (from 1, in the table's own order), found by running the
    /// function again over the table in order: see [`SandboxError::in_table`].
    TableRow { number: u64, values: Vec<(String, String)> },
}

impl fmt::Display for RowLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowLocation::Row { index, values } => {
                write!(f, "at row {index} of the batch")?;
                if !values.is_empty() {
                    let listed: Vec<String> = values.iter().map(|(name, value)| format!("{name}={value}")).collect();
                    write!(f, " ({})", listed.join(", "))?;
                }
                Ok(())
            }
            RowLocation::Range { start, end } => write!(f, "in rows {start}..{end} of the batch"),
            RowLocation::TableRow { number, values } => {
                write!(f, "at row {number} of the table")?;
                if !values.is_empty() {
                    let listed: Vec<String> = values.iter().map(|(name, value)| format!("{name}={value}")).collect();
                    write!(f, " ({})", listed.join(", "))?;
                }
                Ok(())
            }
            RowLocation::Values(values) => {
                let listed: Vec<String> = values.iter().map(|(name, value)| format!("{name}={value}")).collect();
                write!(f, "at the row ({})", listed.join(", "))
            }
        }
    }
}

/// Where in the user's C source a trap happened, read from the module's DWARF line table
/// (clang's `-gline-tables-only`): the innermost frame attributed to the user's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceSite {
    /// 1-based.
    pub line: u32,
    /// 1-based, when the line table has it.
    pub column: Option<u32>,
}

impl fmt::Display for SourceSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// What was wrong with a value the guest returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputProblem {
    /// A returned string points outside guest memory.
    OutOfBounds { ptr: u32, len: i32, memory_bytes: usize },
    /// A returned string is not UTF-8.
    InvalidUtf8 { valid_up_to: usize },
    /// The strings returned for one batch add up to more than the guest's memory cap.
    TooLarge { limit: u64 },
    /// A DECIMAL result has more digits than its type's precision.
    DecimalOutOfRange { precision: u8, scale: i8 },
}

impl fmt::Display for OutputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputProblem::OutOfBounds { ptr, len, memory_bytes } => write!(
                f,
                "returned a string (ptr={ptr}, len={len}) outside its {memory_bytes}-byte memory"
            ),
            OutputProblem::InvalidUtf8 { valid_up_to } => {
                write!(
                    f,
                    "returned a string that is not valid UTF-8 (invalid byte at offset {valid_up_to})"
                )
            }
            OutputProblem::DecimalOutOfRange { precision, scale } => write!(
                f,
                "returned a value with more digits than its type DECIMAL({precision}, {scale}) holds"
            ),
            OutputProblem::TooLarge { limit } => write!(
                f,
                "returned more than {} MiB of strings for one batch (its memory limit)",
                limit >> 20
            ),
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SandboxError {
    #[error("UDF module refused: {0}")]
    Invalid(#[from] ValidationError),
    #[error("UDF module could not be compiled to machine code: {0}")]
    Compile(String),
    #[error("UDF `{function}` could not be instantiated: {message}")]
    Instantiate { function: String, message: String },
    #[error(
        "UDF `{function}` failed: {kind}{}{}",
        location.as_ref().map(|l| format!(" {l}")).unwrap_or_default(),
        site.map(|site| format!(", at {site} of its source")).unwrap_or_default()
    )]
    Trap {
        function: String,
        kind: TrapKind,
        location: Option<RowLocation>,
        /// Where in the C source, when the module carries a line table.
        site: Option<SourceSite>,
    },
    #[error("UDF `{function}` {problem} {location}")]
    InvalidOutput {
        function: String,
        problem: OutputProblem,
        location: RowLocation,
    },
    #[error("UDF `{function}` argument {} (`{argument}`) is declared {declared} (`{}`) but gets a {data_type}: {hint}", index + 1, declared.c_name())]
    ArgumentType {
        function: String,
        /// 0-based.
        index: usize,
        argument: String,
        /// The argument's type as SQL names it.
        data_type: String,
        declared: SqlType,
        /// Why it is refused and the CAST that would pass it.
        hint: String,
    },
    #[error(
        "UDF `{function}` argument `{argument}` ({column_type}) has a value that does not fit its {declared} parameter (`{}`) {location}; {advice}",
        declared.c_name()
    )]
    ArgumentOutOfRange {
        function: String,
        argument: String,
        column_type: String,
        declared: SqlType,
        /// What the user can do.
        advice: String,
        location: RowLocation,
    },
    #[error("UDF `{function}` takes {expected} arguments, not {actual}")]
    ArgumentCount {
        function: String,
        expected: usize,
        actual: usize,
    },
    #[error("UDF `{function}`: the batch does not fit in 32-bit guest memory")]
    BatchTooLarge { function: String },
    /// An aggregate's state is not what its module says: a state size out of bounds or changed
    /// between instances, a state array outside memory, a partial state of another size.
    #[error("aggregate `{function}` {problem}")]
    BadState { function: String, problem: String },
    #[error(
        "aggregate `{function}` needs more than {max} live instances in this query (one per aggregate call, partition and stage, or per window partition); use fewer aggregate calls or window partitions"
    )]
    TooManyInstances { function: String, max: usize },
    #[error(
        "aggregate `{function}` cannot hold {groups} groups: {groups} states of {state_bytes} bytes exceed its memory limit of {} MiB; group by fewer keys, or make the state smaller",
        limit >> 20
    )]
    TooManyGroups {
        function: String,
        groups: usize,
        state_bytes: u32,
        limit: u64,
    },
}

impl SandboxError {
    /// The stable name of what went wrong, the same on every surface (the server's `kind`, a
    /// host library's error): a trap's [`TrapKind::code`]; `invalid_utf8` or `invalid_output`
    /// for a bad returned string, `memory_limit` for too many; `bad_request` for a module or an
    /// argument refused; `argument_out_of_range` for a value that does not fit its parameter; `limit` for a batch too large; `trap` for a guest that did not start;
    /// `invalid_output` for an aggregate state that is not what its module says, `memory_limit`
    /// for more groups than its memory holds.
    pub fn kind_name(&self) -> &'static str {
        match self {
            SandboxError::Trap { kind, .. } => kind.code(),
            SandboxError::InvalidOutput { problem, .. } => match problem {
                OutputProblem::InvalidUtf8 { .. } => "invalid_utf8",
                OutputProblem::OutOfBounds { .. } | OutputProblem::DecimalOutOfRange { .. } => "invalid_output",
                OutputProblem::TooLarge { .. } => "memory_limit",
            },
            SandboxError::Instantiate { .. } => "trap",
            SandboxError::ArgumentOutOfRange { .. } => "argument_out_of_range",
            SandboxError::Invalid(_)
            | SandboxError::Compile(_)
            | SandboxError::ArgumentType { .. }
            | SandboxError::ArgumentCount { .. } => "bad_request",
            SandboxError::BatchTooLarge { .. } => "limit",
            SandboxError::BadState { .. } => "invalid_output",
            SandboxError::TooManyGroups { .. } => "memory_limit",
            SandboxError::TooManyInstances { .. } => "limit",
        }
    }

    /// The UDF that failed, where the failure belongs to one.
    pub fn function(&self) -> Option<&str> {
        match self {
            SandboxError::Trap { function, .. }
            | SandboxError::InvalidOutput { function, .. }
            | SandboxError::Instantiate { function, .. }
            | SandboxError::ArgumentType { function, .. }
            | SandboxError::ArgumentCount { function, .. }
            | SandboxError::ArgumentOutOfRange { function, .. }
            | SandboxError::BadState { function, .. }
            | SandboxError::TooManyGroups { function, .. }
            | SandboxError::TooManyInstances { function, .. }
            | SandboxError::BatchTooLarge { function } => Some(function),
            SandboxError::Invalid(_) | SandboxError::Compile(_) => None,
        }
    }

    /// Which row failed, as far as the host could tell.
    pub fn location(&self) -> Option<&RowLocation> {
        match self {
            SandboxError::Trap { location, .. } => location.as_ref(),
            SandboxError::InvalidOutput { location, .. } | SandboxError::ArgumentOutOfRange { location, .. } => {
                Some(location)
            }
            _ => None,
        }
    }

    /// Where in the user's source a trap happened, when the module's line table says.
    pub fn site(&self) -> Option<SourceSite> {
        match self {
            SandboxError::Trap { site, .. } => *site,
            _ => None,
        }
    }

    /// The same failure with its row counted in the table: `rows_before` rows of the table came
    /// before the batch the row was found in (the caller ran the function over the table in
    /// order, one batch after another). Other locations are kept.
    pub fn in_table(self, rows_before: u64) -> SandboxError {
        self.map_location(|location| match location {
            RowLocation::Row { index, values } => RowLocation::TableRow {
                number: rows_before + index as u64 + 1,
                values,
            },
            other => other,
        })
    }

    /// The same failure with its row's location passed through `change`; failures without one
    /// as they are.
    pub fn map_location(self, change: impl Fn(RowLocation) -> RowLocation) -> SandboxError {
        match self {
            SandboxError::Trap {
                function,
                kind,
                location,
                site,
            } => SandboxError::Trap {
                function,
                kind,
                location: location.map(change),
                site,
            },
            SandboxError::InvalidOutput {
                function,
                problem,
                location,
            } => SandboxError::InvalidOutput {
                function,
                problem,
                location: change(location),
            },
            SandboxError::ArgumentOutOfRange {
                function,
                argument,
                column_type,
                declared,
                advice,
                location,
            } => SandboxError::ArgumentOutOfRange {
                function,
                argument,
                column_type,
                declared,
                advice,
                location: change(location),
            },
            other => other,
        }
    }

    /// Whether the failure is a resource limit (time, memory, stack).
    pub fn is_limit(&self) -> bool {
        match self {
            SandboxError::Trap { kind, .. } => kind.is_limit(),
            SandboxError::BatchTooLarge { .. }
            | SandboxError::TooManyGroups { .. }
            | SandboxError::TooManyInstances { .. } => true,
            _ => false,
        }
    }
}
