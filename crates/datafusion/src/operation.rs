//! The paper's ExecutionRequest: one UDF applied to chosen columns of a table, as MAP (add a
//! column), FILTER (keep the rows where it is true) or AGGREGATE (one row per group).

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Column, Result as DfResult, plan_err};
use datafusion::dataframe::DataFrame;
use datafusion::error::DataFusionError;
use datafusion::execution::SessionStateBuilder;
use datafusion::logical_expr::{Expr, SortExpr};
use futures::StreamExt;
use wasmudf_abi::{ArgumentConversion, SqlType, UdfSignature, refusal_hint, sql_type_name};
use wasmudf_compiler::{CFunctionShape, CompiledModule, Language, infer_c_aggregate, infer_c_function};
use wasmudf_sandbox::SandboxError;

use crate::{UdfBuilder, WasmFunction, WasmUdfError};

/// What to do with a UDF over a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// `SELECT *, f(cols) AS output FROM t`
    Map { output_column: String },
    /// `SELECT * FROM t WHERE f(cols)`
    Filter,
    /// `SELECT group_by..., f(cols) AS output FROM t GROUP BY group_by... ORDER BY group_by...`
    /// with an aggregate function; without `group_by`, one row.
    Aggregate {
        output_column: String,
        group_by: Vec<String>,
    },
}

impl Operation {
    /// Whether the operation takes an aggregate function.
    pub fn is_aggregate(&self) -> bool {
        matches!(self, Operation::Aggregate { .. })
    }
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
    /// For MAP and FILTER: how to find which row of the table a failure is.
    pub replay: Option<TableReplay>,
}

/// The function alone over the table, one partition in the table's own order: what names a
/// failing row as the table counts it, where the parallel run only knows a row of some batch.
#[derive(Debug, Clone)]
pub struct TableReplay {
    /// The table, on one partition.
    table: DataFrame,
    columns: Vec<String>,
    signature: UdfSignature,
    wasm: std::sync::Arc<[u8]>,
    /// The execution's builder without its log: the replay's output repeats what the run
    /// printed and is not kept.
    builder: UdfBuilder,
}

impl TableReplay {
    /// After the run failed with `error`: when a guest failed at a row of a batch, runs the
    /// function over the table in order until it fails again and returns that failure with
    /// its row counted in the table, from 1 (the first failing row of the table, which may
    /// come before the one the parallel run hit). `None` when the failure is not a row's or
    /// does not recur. Costs at most a run up to that row, under the caller's limits.
    pub async fn locate(self, error: &DataFusionError) -> Option<SandboxError> {
        let first = crate::guest_failure(error)?;
        if !matches!(first.location(), Some(wasmudf_sandbox::RowLocation::Row { .. })) {
            return None;
        }
        let WasmFunction::Scalar(udf) = self.builder.from_module(&self.signature, &self.wasm).ok()? else {
            return None;
        };
        let args = self
            .columns
            .iter()
            .map(|name| Expr::Column(Column::new_unqualified(name)))
            .collect();
        let frame = self.table.select(vec![udf.call(args)]).ok()?;
        let mut stream = frame.execute_stream().await.ok()?;
        let mut rows_before = 0u64;
        while let Some(batch) = stream.next().await {
            match batch {
                Ok(batch) => rows_before += batch.num_rows() as u64,
                Err(error) => {
                    let again = crate::guest_failure(&error)?;
                    return matches!(again.location(), Some(wasmudf_sandbox::RowLocation::Row { .. }))
                        .then(|| again.clone().in_table(rows_before));
                }
            }
        }
        None
    }
}

/// `frame` planned on one partition: its rows come in the table's own order (a file's rows
/// from its start), as a page of rows and a row number need.
pub fn in_table_order(frame: DataFrame) -> DataFrame {
    let (state, plan) = frame.into_parts();
    let config = state.config().clone().with_target_partitions(1);
    let state = SessionStateBuilder::new_from_existing(state)
        .with_config(config)
        .build();
    DataFrame::new(state, plan)
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
    let find = |name: &String, role: &str| {
        schema
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
                    "unknown column `{name}`{role}; the table has: {}",
                    available.join(", ")
                ))
            })
    };
    let mut column_types = Vec::with_capacity(request.input_columns.len());
    for (name, _) in &request.input_columns {
        column_types.push(find(name, "")?.data_type().clone());
    }
    if let Operation::Aggregate { group_by, .. } = &request.operation {
        for name in group_by {
            find(name, " to group by")?;
        }
    }
    let aggregate = request.operation.is_aggregate();
    let inferred = match request.language {
        Language::C if aggregate => Some(
            infer_c_aggregate(&String::from_utf8_lossy(&request.source), &request.function_name).map(|signature| {
                CFunctionShape {
                    params: signature
                        .params()
                        .iter()
                        .map(|param| (Some(param.name.clone()), param.sql_type))
                        .collect(),
                    returns: signature.returns(),
                }
            }),
        ),
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
    let columns: Vec<(String, DataType)> = params
        .iter()
        .map(|(name, _)| name.clone())
        .zip(column_types.iter().cloned())
        .collect();
    let typed_params: Vec<(Option<String>, SqlType)> = params
        .iter()
        .enumerate()
        .map(|(index, (_, sql_type))| {
            let c_name = match &inferred {
                Some(Ok(shape)) => shape.params.get(index).and_then(|(name, _)| name.clone()),
                _ => None,
            };
            (c_name, *sql_type)
        })
        .collect();
    check_columns_fit(&request.function_name, &columns, &typed_params).map_err(WasmUdfError::Definition)?;
    let mut signature = UdfSignature::from_columns(&request.function_name, &params, request.returns)?;
    if aggregate {
        signature = signature.into_aggregate();
    }
    let defined = builder.define(&signature, request.language, &request.source)?;
    let columns: Vec<String> = request.input_columns.iter().map(|(name, _)| name.clone()).collect();
    let replay = match &defined.udf {
        WasmFunction::Scalar(_) => Some(TableReplay {
            table: in_table_order(table.clone()),
            columns: columns.clone(),
            signature: signature.clone(),
            wasm: std::sync::Arc::from(defined.compiled.wasm.as_slice()),
            builder: UdfBuilder {
                log: None,
                ..builder.clone()
            },
        }),
        WasmFunction::Aggregate(_) => None,
    };
    let frame = apply(table, &defined.udf, &columns, &request.operation)
        .map_err(|error| WasmUdfError::Definition(error.to_string()))?;
    Ok(PlannedExecution {
        frame,
        signature,
        compiled: defined.compiled,
        replay,
    })
}

/// Refuses, before anything compiles, a column the parameter it is passed to cannot take
/// implicitly ([`ArgumentConversion`]): the message names both, the C prototype, the CAST to
/// write, and — when the chosen columns would all fit in another order — that the order is the
/// likely mistake. `columns` are (name, type) in the order chosen; `params` the function's
/// (C name if known, type), as many.
pub fn check_columns_fit(
    function: &str,
    columns: &[(String, DataType)],
    params: &[(Option<String>, SqlType)],
) -> Result<(), String> {
    let count = columns.len().min(params.len());
    let fits = |column: usize, param: usize| ArgumentConversion::of(&columns[column].1, params[param].1).is_implicit();
    let Some(refused) = (0..count).find(|&index| !fits(index, index)) else {
        return Ok(());
    };
    let (column, column_type) = &columns[refused];
    let (param_name, sql_type) = &params[refused];
    let c_param = |name: &Option<String>, sql_type: SqlType| match name {
        Some(name) => format!("{} {name}", sql_type.c_name()),
        None => sql_type.c_name().to_string(),
    };
    let prototype: Vec<String> = params.iter().map(|(name, sql_type)| c_param(name, *sql_type)).collect();
    let mut message = format!(
        "column `{column}` is {} but parameter {} (`{}`) of `{function}({})` is {sql_type}: {}",
        sql_type_name(column_type),
        refused + 1,
        c_param(param_name, *sql_type),
        prototype.join(", "),
        refusal_hint(column_type, *sql_type, column)
    );
    // A request that picks columns has no place for a CAST: the C side can change instead.
    if let Some(natural) = SqlType::for_column(column_type) {
        let name = param_name.clone().unwrap_or_else(|| column.clone());
        message.push_str(&format!(
            " in SQL, or declare the parameter `{} {name}`",
            natural.c_name()
        ));
    }
    if count == columns.len()
        && count == params.len()
        && let Some(order) = fitting_order(count, &fits)
    {
        let names: Vec<&str> = order.iter().map(|&column| columns[column].0.as_str()).collect();
        message.push_str(&format!(
            ". The columns may be in the wrong order: in the order {} every column fits its parameter",
            names.join(", ")
        ));
    }
    Err(message)
}

/// An order of the chosen columns in which each fits its parameter (`fits(column, param)`), if
/// there is one other than the order given; searched exhaustively for up to 6 columns.
fn fitting_order(count: usize, fits: &dyn Fn(usize, usize) -> bool) -> Option<Vec<usize>> {
    fn extend(order: &mut Vec<usize>, count: usize, fits: &dyn Fn(usize, usize) -> bool) -> bool {
        if order.len() == count {
            return true;
        }
        for column in 0..count {
            if !order.contains(&column) && fits(column, order.len()) {
                order.push(column);
                if extend(order, count, fits) {
                    return true;
                }
                order.pop();
            }
        }
        false
    }
    if count > 6 {
        return None;
    }
    let mut order = Vec::with_capacity(count);
    extend(&mut order, count, fits).then_some(order)
}

/// Applies `function` to `columns` of `table` as `operation`. Column names are taken literally
/// (case-sensitive, no SQL parsing), as a user picks them from a schema.
pub fn apply(
    table: DataFrame,
    function: &WasmFunction,
    columns: &[String],
    operation: &Operation,
) -> DfResult<DataFrame> {
    let column = |name: &String| Expr::Column(Column::new_unqualified(name));
    let args: Vec<Expr> = columns.iter().map(column).collect();
    match (function, operation) {
        (WasmFunction::Scalar(udf), Operation::Map { output_column }) => {
            let mut projection: Vec<Expr> = table.schema().columns().into_iter().map(Expr::Column).collect();
            projection.push(udf.call(args).alias(output_column));
            table.select(projection)
        }
        (WasmFunction::Scalar(udf), Operation::Filter) => table.filter(udf.call(args)),
        (
            WasmFunction::Aggregate(udaf),
            Operation::Aggregate {
                output_column,
                group_by,
            },
        ) => {
            let keys: Vec<Expr> = group_by.iter().map(column).collect();
            let order: Vec<SortExpr> = keys.iter().map(|key| key.clone().sort(true, false)).collect();
            let grouped = table.aggregate(keys, vec![udaf.call(args).alias(output_column)])?;
            if order.is_empty() {
                Ok(grouped)
            } else {
                grouped.sort(order)
            }
        }
        (WasmFunction::Aggregate(udaf), _) => plan_err!(
            "`{}` is an aggregate function: run it with the AGGREGATE operation",
            udaf.name()
        ),
        (WasmFunction::Scalar(udf), Operation::Aggregate { .. }) => plan_err!(
            "`{}` is a scalar function; an aggregate defines `{0}_step`, `{0}_merge` and `{0}_finish`",
            udf.name()
        ),
    }
}
