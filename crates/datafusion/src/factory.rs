//! `CREATE FUNCTION name(args) RETURNS type LANGUAGE c|wat|wasm AS '...'`: a scalar function,
//! or an aggregate when the C source defines `<name>_step` and `<name>_finish` (DataFusion's SQL
//! has no `CREATE AGGREGATE`).

use async_trait::async_trait;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue, plan_datafusion_err, plan_err};
use datafusion::execution::context::{FunctionFactory, RegisterFunction, SessionState};
use datafusion::logical_expr::{CreateFunction, Expr};
use wasmudf_abi::{SqlType, UdfParam, UdfSignature, sql_type_name};
use wasmudf_compiler::{Language, defines_aggregate, defines_function};

use crate::UdfBuilder;
use crate::error::definition_to_datafusion;

/// Turns `CREATE FUNCTION` statements into Wasm UDFs.
///
/// The body is the source for `LANGUAGE c` and `LANGUAGE wat`; for `LANGUAGE wasm` it is a path
/// to a module file, allowed only when `allow_module_paths` is set (the CLI sets it; a shared
/// server must not, or SQL could read the server's files).
#[derive(Debug)]
pub struct WasmFunctionFactory {
    builder: UdfBuilder,
    allow_module_paths: bool,
}

impl WasmFunctionFactory {
    pub fn new(builder: UdfBuilder, allow_module_paths: bool) -> Self {
        WasmFunctionFactory {
            builder,
            allow_module_paths,
        }
    }
}

#[async_trait]
impl FunctionFactory for WasmFunctionFactory {
    async fn create(&self, state: &SessionState, statement: CreateFunction) -> Result<RegisterFunction> {
        let name = statement.name.clone();
        let scalar_exists = state.scalar_functions().contains_key(&name);
        let aggregate_exists = state.aggregate_functions().contains_key(&name);
        if !statement.or_replace && (scalar_exists || aggregate_exists) {
            return plan_err!("function `{name}` already exists; use CREATE OR REPLACE FUNCTION to replace it");
        }
        let language_name = statement
            .params
            .language
            .as_ref()
            .map(|ident| ident.value.clone())
            .ok_or_else(|| plan_datafusion_err!("CREATE FUNCTION {name}: missing LANGUAGE (c, wat or wasm)"))?;
        let language = Language::parse(&language_name).ok_or_else(|| {
            plan_datafusion_err!("CREATE FUNCTION {name}: unsupported LANGUAGE {language_name}; use c, wat or wasm")
        })?;
        let body = match &statement.params.function_body {
            Some(Expr::Literal(
                ScalarValue::Utf8(Some(text)) | ScalarValue::Utf8View(Some(text)) | ScalarValue::LargeUtf8(Some(text)),
                _,
            )) => text.clone(),
            Some(_) => {
                return plan_err!("CREATE FUNCTION {name}: the body must be a string literal (AS '...' or AS $$...$$)");
            }
            None => return plan_err!("CREATE FUNCTION {name}: missing AS '<source>'"),
        };
        let mut signature = signature_of(&statement)?;
        let source = match language {
            Language::Wasm if !self.allow_module_paths => {
                return plan_err!("CREATE FUNCTION {name}: LANGUAGE wasm with a file path is disabled here");
            }
            Language::Wasm => std::fs::read(&body).map_err(|error| {
                plan_datafusion_err!("CREATE FUNCTION {name}: cannot read module `{body}`: {error}")
            })?,
            Language::C | Language::Wat => body.clone().into_bytes(),
        };
        if is_aggregate_source(language, &name, &source) {
            signature = signature.into_aggregate();
        }
        // SQL resolves a scalar before an aggregate of the same name, and the factory cannot
        // remove the other kind: replacing across kinds would leave the old one answering.
        let (exists, other) = if signature.is_aggregate() {
            (scalar_exists, "scalar")
        } else {
            (aggregate_exists, "aggregate")
        };
        if exists {
            return plan_err!(
                "`{name}` is already a {other} function; DROP FUNCTION {name} first, then create it again"
            );
        }
        let builder = self.builder.clone();
        let defined = tokio::task::spawn_blocking(move || builder.define(&signature, language, &source))
            .await
            .map_err(|error| plan_datafusion_err!("CREATE FUNCTION {name}: compile task failed: {error}"))?
            .map_err(|error| definition_to_datafusion(error, &body))?;
        Ok(defined.udf.into_register_function())
    }
}

/// Whether a `CREATE FUNCTION` body is an aggregate: C that defines `<name>_step` and
/// `<name>_finish` (and no function `<name>`), or a module that exports the aggregate ABI.
fn is_aggregate_source(language: Language, name: &str, source: &[u8]) -> bool {
    match language {
        Language::C => {
            let text = String::from_utf8_lossy(source);
            defines_aggregate(&text, name) && !defines_function(&text, name)
        }
        // The export's quoted name; validation confirms the kind against the real exports.
        Language::Wat => {
            let quoted = format!("\"{}\"", wasmudf_abi::exports::AGG_UPDATE);
            source.windows(quoted.len()).any(|window| window == quoted.as_bytes())
        }
        Language::Wasm => wasmudf_abi::validate_module(source, &wasmudf_abi::ModuleLimits::default(), None)
            .is_ok_and(|report| report.kind == wasmudf_abi::FunctionKind::Aggregate),
    }
}

/// The types a `CREATE FUNCTION` may declare, for its messages.
const TYPE_LIST: &str = "INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, DECIMAL(p, s) or BINARY";

/// The UDF type of a type DataFusion's SQL parser produced: its exact type, and TIMESTAMP for
/// DataFusion's own TIMESTAMP (nanoseconds; a UDF sees microseconds).
fn declared_type(data_type: &DataType) -> Option<SqlType> {
    match data_type {
        DataType::Timestamp(_, _) => Some(SqlType::Timestamp),
        other => SqlType::from_arrow(other),
    }
}

/// The UDF signature a `CREATE FUNCTION` statement declares.
fn signature_of(statement: &CreateFunction) -> Result<UdfSignature> {
    let name = &statement.name;
    let returns = match &statement.return_type {
        Some(data_type) => declared_type(data_type).ok_or_else(|| {
            plan_datafusion_err!(
                "CREATE FUNCTION {name}: unsupported return type {}; use {TYPE_LIST}",
                sql_type_name(data_type)
            )
        })?,
        None => return plan_err!("CREATE FUNCTION {name}: missing RETURNS <type>"),
    };
    let mut params = Vec::new();
    for (index, arg) in statement.args.iter().flatten().enumerate() {
        let sql_type = declared_type(&arg.data_type).ok_or_else(|| {
            plan_datafusion_err!(
                "CREATE FUNCTION {name}: parameter {} has unsupported type {}; use {TYPE_LIST}",
                index + 1,
                sql_type_name(&arg.data_type)
            )
        })?;
        let param_name = arg
            .name
            .as_ref()
            .map_or_else(|| UdfParam::default_name(index), |ident| ident.value.clone());
        params.push(UdfParam {
            name: param_name,
            sql_type,
        });
    }
    UdfSignature::new(name.clone(), params, returns)
        .map_err(|error| plan_datafusion_err!("CREATE FUNCTION {name}: {error}"))
}
