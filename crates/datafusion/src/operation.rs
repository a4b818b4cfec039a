//! The paper's ExecutionRequest: one UDF applied to chosen columns of a table, as MAP (add a
//! column) or FILTER (keep the rows where it is true).

use datafusion::common::{Column, Result as DfResult};
use datafusion::dataframe::DataFrame;
use datafusion::logical_expr::{Expr, ScalarUDF};
use wasmudf_abi::{SqlType, UdfSignature};
use wasmudf_compiler::{CompiledModule, Language, infer_c_function};

use crate::{UdfBuilder, WasmUdfError};

/// What to do with a UDF over a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// `SELECT *, f(cols) AS output FROM t`
    Map { output_column: String },
    /// `SELECT * FROM t WHERE f(cols)`
    Filter,
}

/// The paper's default name for a MAP result column.
pub fn default_output_column(function_name: &str) -> String {
    format!("{function_name}_RESULT")
}

/// One UDF over one table.
#[derive(Debug, Clone)]
pub struct ExecutionRequest {
    pub language: Language,
    pub source: Vec<u8>,
    pub function_name: String,
    /// Columns passed to the function, in order; each with an optional explicit SQL type.
    pub input_columns: Vec<(String, Option<SqlType>)>,
    pub returns: SqlType,
    pub operation: Operation,
}

/// A planned execution: the frame to run and what compiling the function produced.
#[derive(Debug)]
pub struct PlannedExecution {
    pub frame: DataFrame,
    pub signature: UdfSignature,
    pub compiled: CompiledModule,
}

/// Resolves the function's signature, compiles it and plans it over `table`.
///
/// Parameter types come, in order of preference, from the request, from the C function's own
/// definition (`float f(int balance, float rate)` declares INT and FLOAT), and from the columns'
/// types. Numeric columns are cast to the declared widths, so a CSV's BIGINT `balance` feeds an
/// `int` parameter (an out-of-range value fails the query, naming it).
pub fn plan_execution(
    builder: &UdfBuilder,
    table: DataFrame,
    request: &ExecutionRequest,
) -> Result<PlannedExecution, WasmUdfError> {
    let schema = table.schema().clone();
    let mut column_types = Vec::with_capacity(request.input_columns.len());
    for (name, _) in &request.input_columns {
        let field = schema
            .fields()
            .iter()
            .find(|field| field.name() == name)
            .ok_or_else(|| {
                let available: Vec<String> = schema
                    .fields()
                    .iter()
                    .map(|f| format!("{} ({})", f.name(), f.data_type()))
                    .collect();
                WasmUdfError::Definition(format!(
                    "unknown column `{name}`; the table has: {}",
                    available.join(", ")
                ))
            })?;
        column_types.push(field.data_type().clone());
    }
    let inferred = match request.language {
        Language::C => Some(infer_c_function(
            &String::from_utf8_lossy(&request.source),
            &request.function_name,
        )),
        _ => None,
    };
    let mut params = Vec::with_capacity(request.input_columns.len());
    for (index, ((name, explicit), column_type)) in request.input_columns.iter().zip(&column_types).enumerate() {
        let from_source = match &inferred {
            Some(Ok(shape)) if shape.params.len() == request.input_columns.len() => Some(shape.params[index].1),
            _ => None,
        };
        let sql_type = explicit
            .or(from_source)
            .or_else(|| SqlType::for_column(column_type))
            .ok_or_else(|| {
                WasmUdfError::Definition(format!(
                    "column `{name}` has type {column_type}, which no UDF parameter type accepts (INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING)"
                ))
            })?;
        params.push((name.clone(), sql_type));
    }
    if let Some(Ok(shape)) = &inferred
        && shape.params.len() != request.input_columns.len()
    {
        return Err(WasmUdfError::Definition(format!(
            "`{}` takes {} parameter(s) but {} column(s) were chosen",
            request.function_name,
            shape.params.len(),
            request.input_columns.len()
        )));
    }
    let signature = UdfSignature::from_columns(&request.function_name, &params, request.returns)?;
    let defined = builder.define(&signature, request.language, &request.source)?;
    let columns: Vec<String> = request.input_columns.iter().map(|(name, _)| name.clone()).collect();
    let frame = apply(table, &defined.udf, &columns, &request.operation)
        .map_err(|error| WasmUdfError::Definition(error.to_string()))?;
    Ok(PlannedExecution {
        frame,
        signature,
        compiled: defined.compiled,
    })
}

/// Applies `udf` to `columns` of `table` as `operation`. Column names are taken literally
/// (case-sensitive, no SQL parsing), as a user picks them from a schema.
pub fn apply(table: DataFrame, udf: &ScalarUDF, columns: &[String], operation: &Operation) -> DfResult<DataFrame> {
    let args: Vec<Expr> = columns
        .iter()
        .map(|name| Expr::Column(Column::new_unqualified(name)))
        .collect();
    let call = udf.call(args);
    match operation {
        Operation::Map { output_column } => {
            let mut projection: Vec<Expr> = table.schema().columns().into_iter().map(Expr::Column).collect();
            projection.push(call.alias(output_column));
            table.select(projection)
        }
        Operation::Filter => table.filter(call),
    }
}
