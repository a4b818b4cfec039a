//! `WasmAggregateUdf`: a Wasm aggregate as a DataFusion aggregate function.
//!
//! One guest call per batch and partition updates many groups (`GroupsAccumulator`); the states
//! travel between partial and final aggregation (and between Ballista's processes) as BINARY
//! values of the module's state size, which only the same module reads back.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, BooleanArray, new_empty_array};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::utils::{AggregateOrderSensitivity, format_state_name};
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, EmitTo, GroupsAccumulator, Signature, Volatility,
};
use wasmudf_abi::UdfSignature;
use wasmudf_sandbox::{AggregateRunner, GroupStates, SandboxError};

use crate::ShippableModule;
use crate::error::sandbox_to_datafusion;
use crate::udf::{LazyRunner, coerce_arguments, lowercase_alias};

/// Makes the runner of a deferred aggregate, once.
pub type AggregateRunnerFactory = Box<dyn Fn() -> std::result::Result<AggregateRunner, SandboxError> + Send + Sync>;

/// An aggregate UDF backed by a sandboxed Wasm module. Like [`crate::WasmScalarUdf`], each value
/// owns its runner (never shared with another session), keeps the module's bytes for shipping,
/// and may be deferred: a process that only plans never compiles.
#[derive(Debug)]
pub struct WasmAggregateUdf {
    signature: UdfSignature,
    module: ShippableModule,
    runner: Arc<LazyRunner<Arc<AggregateRunner>>>,
    engine_signature: Signature,
    aliases: Vec<String>,
}

impl WasmAggregateUdf {
    /// An aggregate over a loaded runner; `wasm` are the bytes it was loaded from.
    pub fn new(runner: AggregateRunner, wasm: Arc<[u8]>) -> Self {
        let signature = runner.signature().clone();
        let module = ShippableModule {
            wasm,
            digest: runner.module().digest().to_string(),
        };
        let lazy = LazyRunner {
            function: signature.name().to_string(),
            cell: OnceLock::from(Ok(Arc::new(runner))),
            make: None,
        };
        Self::from_parts(signature, module, lazy)
    }

    /// An aggregate whose runner `make` builds on first use.
    pub fn deferred(signature: UdfSignature, module: ShippableModule, make: AggregateRunnerFactory) -> Self {
        let lazy = LazyRunner {
            function: signature.name().to_string(),
            cell: OnceLock::new(),
            make: Some(Box::new(move || make().map(Arc::new))),
        };
        Self::from_parts(signature, module, lazy)
    }

    fn from_parts(signature: UdfSignature, module: ShippableModule, runner: LazyRunner<Arc<AggregateRunner>>) -> Self {
        let aliases = lowercase_alias(signature.name());
        WasmAggregateUdf {
            signature,
            module,
            runner: Arc::new(runner),
            engine_signature: Signature::user_defined(Volatility::Immutable),
            aliases,
        }
    }

    pub fn udf_signature(&self) -> &UdfSignature {
        &self.signature
    }

    /// The module, as a codec ships it.
    pub fn module(&self) -> &ShippableModule {
        &self.module
    }

    pub fn into_aggregate_udf(self) -> AggregateUDF {
        AggregateUDF::new_from_impl(self)
    }

    fn runner(&self) -> Result<&Arc<AggregateRunner>> {
        self.runner.get()
    }

    /// DISTINCT has no meaning for a state the host cannot look into (DataFusion rewrites a lone
    /// `f(DISTINCT x)` to a GROUP BY before it gets here): refused with what to write instead.
    fn check_call(&self, args: &AccumulatorArgs) -> Result<()> {
        if args.is_distinct {
            return not_impl_err!(
                "{}(DISTINCT ...) is not supported for a C aggregate; deduplicate in a subquery \
                 (SELECT DISTINCT ...) first",
                self.signature.name()
            );
        }
        Ok(())
    }
}

impl PartialEq for WasmAggregateUdf {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.runner, &other.runner)
    }
}

impl Eq for WasmAggregateUdf {}

impl Hash for WasmAggregateUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.module.digest.hash(state);
        self.signature.hash(state);
    }
}

impl AggregateUDFImpl for WasmAggregateUdf {
    fn name(&self) -> &str {
        self.signature.name()
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }

    fn signature(&self) -> &Signature {
        &self.engine_signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.signature.returns().arrow_type())
    }

    /// An empty group, or one whose every row had a NULL argument, is NULL.
    fn is_nullable(&self) -> bool {
        true
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        coerce_arguments(&self.signature, arg_types)
    }

    /// One BINARY value per group: the state's bytes (NULL for an empty group). Its size is the
    /// module's, which a planner that never loads the module need not know.
    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        Ok(vec![Arc::new(Field::new(
            format_state_name(args.name, "wasm_state"),
            DataType::Binary,
            true,
        ))])
    }

    /// A merge is meant to be associative and commutative (docs/abi.md): the order of rows does
    /// not matter, so DataFusion need not sort for it.
    fn order_sensitivity(&self) -> AggregateOrderSensitivity {
        AggregateOrderSensitivity::Insensitive
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.check_call(&args)?;
        Ok(Box::new(WasmAccumulator {
            runner: self.runner()?.clone(),
            states: None,
        }))
    }

    fn groups_accumulator_supported(&self, args: AccumulatorArgs) -> bool {
        !args.is_distinct
    }

    fn create_groups_accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn GroupsAccumulator>> {
        self.check_call(&args)?;
        Ok(Box::new(WasmGroupsAccumulator {
            runner: self.runner()?.clone(),
            states: None,
        }))
    }
}

/// The states of one partition's groups, in an instance made on the first batch (an
/// accumulator that never sees a row costs no instance).
struct WasmGroupsAccumulator {
    runner: Arc<AggregateRunner>,
    states: Option<GroupStates>,
}

impl WasmGroupsAccumulator {
    fn states(&mut self) -> Result<&mut GroupStates> {
        if self.states.is_none() {
            self.states = Some(self.runner.groups().map_err(sandbox_to_datafusion)?);
        }
        Ok(self.states.as_mut().expect("made above"))
    }

    fn emitted(&mut self, emit_to: EmitTo) -> Result<usize> {
        let len = self.states.as_ref().map_or(0, |states| states.len());
        Ok(match emit_to {
            EmitTo::All => len,
            EmitTo::First(count) => count.min(len),
        })
    }
}

impl GroupsAccumulator for WasmGroupsAccumulator {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> Result<()> {
        self.states()?
            .update(values, group_indices, opt_filter, total_num_groups)
            .map_err(sandbox_to_datafusion)
    }

    fn merge_batch(&mut self, values: &[ArrayRef], group_indices: &[usize], total_num_groups: usize) -> Result<()> {
        let states = partial_states(values)?.clone();
        self.states()?
            .merge(&states, group_indices, total_num_groups)
            .map_err(sandbox_to_datafusion)
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> Result<ArrayRef> {
        let count = self.emitted(emit_to)?;
        match &mut self.states {
            Some(states) => states.evaluate(count).map_err(sandbox_to_datafusion),
            // A partition that never saw a row has no groups and needs no instance.
            None => Ok(new_empty_array(&self.runner.signature().returns().arrow_type())),
        }
    }

    fn state(&mut self, emit_to: EmitTo) -> Result<Vec<ArrayRef>> {
        let count = self.emitted(emit_to)?;
        match &mut self.states {
            Some(states) => Ok(vec![states.state(count).map_err(sandbox_to_datafusion)?]),
            None => Ok(vec![new_empty_array(&DataType::Binary)]),
        }
    }

    /// Each row its own state: what a partial aggregation that stopped grouping (too many
    /// distinct keys) sends on instead of its groups.
    fn convert_to_state(&self, values: &[ArrayRef], opt_filter: Option<&BooleanArray>) -> Result<Vec<ArrayRef>> {
        Ok(vec![
            self.runner
                .states_per_row(values, opt_filter)
                .map_err(sandbox_to_datafusion)?,
        ])
    }

    fn size(&self) -> usize {
        self.states.as_ref().map_or(0, GroupStates::memory_size)
    }
}

/// One group's state, for aggregation without GROUP BY (and window frames).
#[derive(Debug)]
struct WasmAccumulator {
    runner: Arc<AggregateRunner>,
    states: Option<GroupStates>,
}

impl WasmAccumulator {
    fn states(&mut self) -> Result<&mut GroupStates> {
        if self.states.is_none() {
            let mut states = self.runner.groups().map_err(sandbox_to_datafusion)?;
            // The one group exists from the start, so that a table without rows evaluates to NULL.
            states.add_groups(1).map_err(sandbox_to_datafusion)?;
            self.states = Some(states);
        }
        Ok(self.states.as_mut().expect("made above"))
    }
}

impl Accumulator for WasmAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        let rows = values.first().map_or(0, |array| array.len());
        self.states()?
            .update(values, &vec![0; rows], None, 1)
            .map_err(sandbox_to_datafusion)
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let partial = partial_states(states)?.clone();
        self.states()?
            .merge(&partial, &vec![0; partial.len()], 1)
            .map_err(sandbox_to_datafusion)
    }

    /// Read without removing: DataFusion may evaluate a window's accumulator more than once.
    fn evaluate(&mut self) -> Result<ScalarValue> {
        if self.states.is_none() {
            // No row came: NULL, without an instance.
            return ScalarValue::try_from(self.runner.signature().returns().arrow_type());
        }
        let states = self.states()?;
        let result = states.evaluate_first(1).map_err(sandbox_to_datafusion)?;
        ScalarValue::try_from_array(&result, 0)
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        if self.states.is_none() {
            return Ok(vec![ScalarValue::Binary(None)]);
        }
        let states = self.states()?;
        let bytes = states.state_first(1).map_err(sandbox_to_datafusion)?;
        Ok(vec![ScalarValue::try_from_array(&bytes, 0)?])
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self) + self.states.as_ref().map_or(0, GroupStates::memory_size)
    }
}

/// The one state column a merge receives, as BINARY.
fn partial_states(values: &[ArrayRef]) -> Result<&datafusion::arrow::array::BinaryArray> {
    match values {
        [states] => states.as_binary_opt::<i32>().ok_or_else(|| {
            datafusion::common::DataFusionError::Execution(format!(
                "a C aggregate's partial states must be BINARY, not {}",
                states.data_type()
            ))
        }),
        _ => exec_err!("a C aggregate's partial states are one column, not {}", values.len()),
    }
}
