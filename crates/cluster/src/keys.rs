//! Keeps Wasm UDFs out of shuffle keys.
//!
//! Ballista 55 serializes the hash keys of its shuffle writers and readers with DataFusion's
//! default codec, not ours, so a Wasm UDF inside a repartition key would arrive at an executor
//! without its module (and fail, or worse, hash with another function of the same name). This
//! rule computes such join keys in a projection below the join, so that the shuffle hashes a
//! plain column; a projection above restores the join's original columns. `GROUP BY f(x)` needs
//! nothing: the partial aggregate computes `f(x)` into a column before the shuffle.

use std::sync::Arc;

use datafusion::common::tree_node::{Transformed, TreeNode, TreeNodeRecursion};
use datafusion::common::{Column, Result};
use datafusion::logical_expr::{Expr, Join, LogicalPlan, LogicalPlanBuilder};
use datafusion::optimizer::{ApplyOrder, OptimizerConfig, OptimizerRule};
use wasmudf_datafusion::WasmScalarUdf;

/// The optimizer rule; the scheduler's sessions run it (see `run_scheduler` in `processes.rs`).
#[derive(Debug, Default)]
pub struct ProjectWasmJoinKeys;

/// Whether `expr` calls a Wasm UDF anywhere.
pub fn calls_wasm_udf(expr: &Expr) -> bool {
    let mut found = false;
    let _ = expr.apply(|node| {
        if let Expr::ScalarFunction(call) = node {
            let inner: &dyn std::any::Any = call.func.inner().as_ref();
            if inner.is::<WasmScalarUdf>() {
                found = true;
                return Ok(TreeNodeRecursion::Stop);
            }
        }
        Ok(TreeNodeRecursion::Continue)
    });
    found
}

impl OptimizerRule for ProjectWasmJoinKeys {
    fn name(&self) -> &str {
        "wasmudf_project_wasm_join_keys"
    }

    fn apply_order(&self) -> Option<ApplyOrder> {
        Some(ApplyOrder::BottomUp)
    }

    fn rewrite(&self, plan: LogicalPlan, _config: &dyn OptimizerConfig) -> Result<Transformed<LogicalPlan>> {
        let LogicalPlan::Join(join) = plan else {
            return Ok(Transformed::no(plan));
        };
        if !join
            .on
            .iter()
            .any(|(left, right)| calls_wasm_udf(left) || calls_wasm_udf(right))
        {
            return Ok(Transformed::no(LogicalPlan::Join(join)));
        }
        let original_columns: Vec<Expr> = join.schema.columns().into_iter().map(Expr::Column).collect();
        let (left, left_keys) = project_keys(&join.left, join.on.iter().map(|(l, _)| l), "l")?;
        let (right, right_keys) = project_keys(&join.right, join.on.iter().map(|(_, r)| r), "r")?;
        let rewritten = Join::try_new(
            Arc::new(left),
            Arc::new(right),
            left_keys.into_iter().zip(right_keys).collect(),
            join.filter.clone(),
            join.join_type,
            join.join_constraint,
            join.null_equality,
            join.null_aware,
        )?;
        let restored = LogicalPlanBuilder::from(LogicalPlan::Join(rewritten))
            .project(original_columns)?
            .build()?;
        Ok(Transformed::yes(restored))
    }
}

/// `input` with every Wasm-calling key computed as a column `__wasmudf_{side}{i}`; returns the
/// new input and the keys to join on.
fn project_keys<'a>(
    input: &LogicalPlan,
    keys: impl Iterator<Item = &'a Expr>,
    side: &str,
) -> Result<(LogicalPlan, Vec<Expr>)> {
    let mut projection: Vec<Expr> = input.schema().columns().into_iter().map(Expr::Column).collect();
    let mut new_keys = Vec::new();
    for (index, key) in keys.enumerate() {
        if calls_wasm_udf(key) {
            let name = format!("__wasmudf_{side}{index}");
            projection.push(key.clone().alias(&name));
            new_keys.push(Expr::Column(Column::from_name(name)));
        } else {
            new_keys.push(key.clone());
        }
    }
    let plan = LogicalPlanBuilder::from(input.clone()).project(projection)?.build()?;
    Ok((plan, new_keys))
}
