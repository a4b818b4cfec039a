//! The one validator: everything about a request that can be checked without compiling or
//! running, so that a bad request gets a 4xx before it is accepted.

use serde::{Deserialize, Serialize};
use wasmudf_abi::SqlType;
use wasmudf_compiler::{CFunctionShape, Language, infer_c_aggregate, infer_c_function};
use wasmudf_datafusion::{
    ExecutionRequest, Operation, Script, SqlLimits, SqlRefusal, TenantSql, check_columns_fit, default_output_column,
    end_of,
};

use crate::datasets::open;
use crate::error::{ApiError, ErrorCode};
use crate::outcome::{DiagnosticSeverity, DiagnosticView};
use crate::state::AppState;
use crate::store::TenantId;

/// The paper's ExecutionRequest, or `{"sql": "..."}`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionBody {
    /// The C source defining `function_name`.
    pub program: Option<String>,
    /// The dataset's name.
    pub data: Option<String>,
    /// `MAP` (add a column), `FILTER` (keep the rows where the function returns true) or
    /// `AGGREGATE` (an aggregate function: one row per group of `group_by_column_names`).
    pub operation: Option<String>,
    pub function_name: Option<String>,
    /// The columns passed to the function, in parameter order.
    pub input_column_names: Option<Vec<String>>,
    /// With AGGREGATE: the columns to group by (none: one row for the whole dataset).
    pub group_by_column_names: Option<Vec<String>>,
    /// Defaults to `<function_name>_RESULT`.
    pub output_column_name: Option<String>,
    /// INTEGER, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, DECIMAL(p, s) or BINARY
    /// (BOOLEAN for FILTER). When absent: read off the C definition (`<function_name>_finish`
    /// for AGGREGATE); when given, it must be what the definition returns.
    pub output_column_type: Option<String>,
    /// SQL over the caller's datasets (as tables) calling its saved functions; instead of the
    /// rest. Queries and CREATE/DROP FUNCTION only.
    pub sql: Option<String>,
}

/// What a validated request will run.
pub(crate) enum Job {
    Udf {
        dataset: String,
        request: ExecutionRequest,
    },
    /// The script: it parses, and every statement is of an allowed kind and shape.
    Sql(Script),
}

impl Job {
    /// How many compiles the job is charged: the UDF, or each `CREATE FUNCTION` in the SQL
    /// (saved functions the SQL names are compiled again from their stored source, normally a
    /// compile-cache hit, and not charged).
    pub(crate) fn compiles(&self) -> usize {
        match self {
            Job::Udf { .. } => 1,
            Job::Sql(script) => script.function_definitions(),
        }
    }
}

/// Longest name of a result column.
const MAX_COLUMN_NAME_CHARS: usize = 128;

fn missing(field: &str) -> ApiError {
    ApiError::new(ErrorCode::MissingField, format!("the request needs `{field}`"))
}

pub(crate) async fn validate(state: &AppState, tenant: TenantId, body: &ExecutionBody) -> Result<Job, ApiError> {
    if let Some(sql) = &body.sql {
        if body.program.is_some() || body.data.is_some() {
            return Err(ApiError::new(
                ErrorCode::AmbiguousRequest,
                "send either `sql` or an ExecutionRequest, not both",
            ));
        }
        return parse_sql(state, sql.clone()).await.map(Job::Sql);
    }
    let program = body.program.clone().ok_or_else(|| missing("program"))?;
    check_program_size(state, &program)?;
    let dataset = body.data.clone().ok_or_else(|| missing("data"))?;
    let function_name = body.function_name.clone().ok_or_else(|| missing("function_name"))?;
    let column_names = body
        .input_column_names
        .clone()
        .ok_or_else(|| missing("input_column_names"))?;
    let operation = match body.operation.as_deref().map(str::to_ascii_uppercase).as_deref() {
        Some("MAP") => Operation::Map {
            output_column: body
                .output_column_name
                .clone()
                .unwrap_or_else(|| default_output_column(&function_name)),
        },
        Some("FILTER") => Operation::Filter,
        Some("AGGREGATE") => Operation::Aggregate {
            output_column: body
                .output_column_name
                .clone()
                .unwrap_or_else(|| default_output_column(&function_name)),
            group_by: body.group_by_column_names.clone().unwrap_or_default(),
        },
        Some(other) => {
            return Err(ApiError::new(
                ErrorCode::BadOperation,
                format!("operation `{other}` is not MAP, FILTER or AGGREGATE"),
            ));
        }
        None => return Err(missing("operation")),
    };
    if let Some(name) = &body.output_column_name
        && (name.is_empty() || name.chars().count() > MAX_COLUMN_NAME_CHARS)
    {
        return Err(ApiError::new(
            ErrorCode::BadName,
            format!("`output_column_name` must have 1 to {MAX_COLUMN_NAME_CHARS} characters"),
        ));
    }
    if body.group_by_column_names.is_some() && !operation.is_aggregate() {
        return Err(ApiError::new(
            ErrorCode::BadOperation,
            "`group_by_column_names` goes with the AGGREGATE operation",
        ));
    }
    // Reading the prototype is linear, but it is still CPU work a tenant controls: off the API.
    let shape = {
        let (program, function_name, aggregate) = (program.clone(), function_name.clone(), operation.is_aggregate());
        crate::executor::parsing()
            .spawn_blocking(move || c_shape(&program, &function_name, aggregate))
            .await
            .map_err(|error| ApiError::internal("reading a C prototype", error))?
    };
    // The result type: as given, else as the C definition returns it (`finish` for an aggregate).
    let returns = match &body.output_column_type {
        Some(text) => {
            let returns = text
                .parse::<SqlType>()
                .map_err(|message| ApiError::new(ErrorCode::BadType, message))?;
            if let Some(shape) = &shape
                && shape.returns != returns
            {
                let what = if operation.is_aggregate() {
                    format!("`{function_name}_finish`")
                } else {
                    format!("`{function_name}`")
                };
                return Err(ApiError::new(
                    ErrorCode::TypeMismatch,
                    format!(
                        "{what} returns `{}` ({}) but `output_column_type` is {returns}: leave the type out to use \
                         the function's own, or change the C return type to `{}`",
                        shape.returns.c_name(),
                        shape.returns,
                        returns.c_name()
                    ),
                ));
            }
            returns
        }
        None if operation == Operation::Filter => SqlType::Boolean,
        None => match &shape {
            Some(shape) => shape.returns,
            None => return Err(missing("output_column_type")),
        },
    };
    if operation == Operation::Filter && returns != SqlType::Boolean {
        return Err(ApiError::new(
            ErrorCode::BadType,
            format!("a FILTER function must return BOOLEAN, not {returns}"),
        ));
    }
    let (_, frame) = open(state, tenant, &dataset).await?;
    let schema = frame.schema().as_arrow().clone();
    let unknown = |name: &str, role: &str| {
        let available: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        ApiError::new(
            ErrorCode::UnknownColumn,
            format!(
                "dataset `{dataset}` has no column `{name}`{role}; it has {}",
                available.join(", ")
            ),
        )
    };
    if let Operation::Aggregate { group_by, .. } = &operation {
        for name in group_by {
            schema
                .field_with_name(name)
                .map_err(|_| unknown(name, " to group by"))?;
        }
    }
    // The result column joins the dataset's (MAP) or the group columns (AGGREGATE): its name
    // must be new there, or the engine would refuse it after compiling, in its own words.
    let taken: Option<(&String, &str)> = match &operation {
        Operation::Map { output_column } if schema.field_with_name(output_column).is_ok() => {
            Some((output_column, "the dataset already has a column"))
        }
        Operation::Aggregate {
            output_column,
            group_by,
        } if group_by.contains(output_column) => Some((output_column, "a group column is already named")),
        _ => None,
    };
    if let Some((name, why)) = taken {
        return Err(ApiError::new(
            ErrorCode::ColumnExists,
            format!("{why} `{name}`: choose another name for the result column (`output_column_name`)"),
        ));
    }
    let mut columns = Vec::with_capacity(column_names.len());
    for name in &column_names {
        let field = schema.field_with_name(name).map_err(|_| unknown(name, ""))?;
        columns.push((name.clone(), field.data_type().clone()));
    }
    if let Some(shape) = &shape {
        if shape.params.len() != column_names.len() {
            return Err(ApiError::new(
                ErrorCode::TypeMismatch,
                format!(
                    "`{function_name}` takes {} parameter(s) but {} column(s) were chosen",
                    shape.params.len(),
                    column_names.len()
                ),
            ));
        }
        check_columns_fit(&function_name, &columns, &shape.params)
            .map_err(|message| ApiError::new(ErrorCode::TypeMismatch, message))?;
    }
    let request = ExecutionRequest {
        language: Language::C,
        source: program.into_bytes(),
        function_name,
        input_columns: column_names.into_iter().map(|name| (name, None)).collect(),
        returns,
        operation,
    };
    Ok(Job::Udf { dataset, request })
}

/// The parameter and result types a C source declares for `function_name`: the function's own,
/// or an aggregate's (`<name>_step` after its state, `<name>_finish`).
fn c_shape(program: &str, function_name: &str, aggregate: bool) -> Option<CFunctionShape> {
    if !aggregate {
        return infer_c_function(program, function_name).ok();
    }
    let signature = infer_c_aggregate(program, function_name).ok()?;
    Some(CFunctionShape {
        params: signature
            .params()
            .iter()
            .map(|param| (Some(param.name.clone()), param.sql_type))
            .collect(),
        returns: signature.returns(),
    })
}

/// A program (C or WAT) over the size cap is refused before anything reads it.
pub(crate) fn check_program_size(state: &AppState, program: &str) -> Result<(), ApiError> {
    let limit = state.limits.max_program_bytes;
    if program.len() > limit {
        return Err(ApiError::new(
            ErrorCode::ProgramTooLarge,
            format!(
                "the program is {} bytes; the limit is {limit} bytes ({} KiB)",
                program.len(),
                limit >> 10
            ),
        ));
    }
    Ok(())
}

/// Parses a tenant's SQL off the API runtime: size first, then statement kinds and depth.
async fn parse_sql(state: &AppState, sql: String) -> Result<Script, ApiError> {
    let limits = SqlLimits {
        max_sql_bytes: state.limits.max_sql_bytes,
        ..SqlLimits::default()
    };
    if sql.len() > limits.max_sql_bytes {
        // Refused before a thread is even asked.
        return Err(sql_refusal(SqlRefusal::TooLarge {
            bytes: sql.len(),
            limit: limits.max_sql_bytes,
        }));
    }
    let parsed = crate::executor::parsing()
        .spawn_blocking(move || {
            TenantSql::parse(&sql, &limits).map_err(|refusal| {
                // "found: EOF" has no place from the parser: the end of the text is it.
                let at_end = refusal.to_string().contains("found: EOF").then(|| end_of(&sql));
                (refusal, at_end)
            })
        })
        .await
        .map_err(|error| ApiError::internal("parsing SQL", error))?;
    parsed.map_err(|(refusal, at_end)| {
        let location = refusal.location().or(at_end);
        let mut error = sql_refusal(refusal);
        if let Some((line, column)) = location {
            // The page marks it in its SQL editor, as it marks a compile error in C.
            error.diagnostics = Some(vec![DiagnosticView {
                severity: DiagnosticSeverity::Error,
                line: Some(line),
                column: Some(column),
                message: error.message.clone(),
            }]);
        }
        error
    })
}

fn sql_refusal(refusal: SqlRefusal) -> ApiError {
    let code = match &refusal {
        SqlRefusal::TooLarge { .. } => ErrorCode::SqlTooLarge,
        SqlRefusal::NotAllowed { .. } => ErrorCode::StatementNotAllowed,
        SqlRefusal::TooDeep { .. } => ErrorCode::SqlTooDeep,
        SqlRefusal::Syntax(_) => ErrorCode::SqlSyntaxError,
    };
    ApiError::new(code, refusal.to_string())
}
