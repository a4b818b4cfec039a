//! `RowCaller`: one row at a time, for hosts that hand a UDF one row per call (Spark's function
//! catalog calls its functions once per row, from generated code).
//!
//! It speaks the same batch ABI as [`UdfRunner`](crate::UdfRunner), with batches of one row, so
//! every module runs unchanged (C, WAT, modules compiled long ago). What a per-row call must not
//! pay for is paid once: the instance lives as long as the caller (one per thread), and the
//! scratch region is reserved once and reused, so a call is a few stores into guest memory, one
//! `wasmudf_run` and one load. The guest's per-batch arena (`wasmudf_alloc`) is released every
//! [`ROWS_PER_ARENA`] rows by a new `wasmudf_reserve`: results are copied out at once, so a row's
//! allocations need not outlive it, and a function allocating per row stays small.
//!
//! NULLs never reach it: a host with a NULL input returns NULL without calling (strict NULLs).

use std::sync::Arc;

use wasmudf_abi::{BatchLayout, SqlType};

use crate::instance::GuestInstance;
use crate::marshal::{quote, string_at};
use crate::{LoadedModule, RowLocation, SandboxError, TrapKind};

/// One argument of a one-row call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RowArg<'a> {
    Int(i32),
    BigInt(i64),
    Float(f32),
    Double(f64),
    Boolean(bool),
    /// UTF-8 bytes. The host vouches for them (Spark's `UTF8String`): they are copied as they are.
    String(&'a [u8]),
}

impl RowArg<'_> {
    fn sql_type(&self) -> SqlType {
        match self {
            RowArg::Int(_) => SqlType::Int,
            RowArg::BigInt(_) => SqlType::BigInt,
            RowArg::Float(_) => SqlType::Float,
            RowArg::Double(_) => SqlType::Double,
            RowArg::Boolean(_) => SqlType::Boolean,
            RowArg::String(_) => SqlType::String,
        }
    }

    /// As error messages show an input value.
    fn describe(&self) -> String {
        match self {
            RowArg::Int(value) => value.to_string(),
            RowArg::BigInt(value) => value.to_string(),
            RowArg::Float(value) => value.to_string(),
            RowArg::Double(value) => value.to_string(),
            RowArg::Boolean(value) => value.to_string(),
            RowArg::String(bytes) => quote(&String::from_utf8_lossy(bytes)),
        }
    }
}

/// The types a per-row host passes and receives (a [`RowArg`] or [`RowValue`] of each): a host
/// refuses a module whose signature has another when it loads it.
pub const ROW_TYPES: [SqlType; 6] = [
    SqlType::Int,
    SqlType::BigInt,
    SqlType::Float,
    SqlType::Double,
    SqlType::Boolean,
    SqlType::String,
];

/// The result of a one-row call.
#[derive(Debug, Clone, PartialEq)]
pub enum RowValue {
    Int(i32),
    BigInt(i64),
    Float(f32),
    Double(f64),
    Boolean(bool),
    String(String),
}

/// Rows between two releases of the guest's arena: a `wasmudf_reserve` call costs about as much
/// as a row, so this keeps it under 1% of the calls.
pub const ROWS_PER_ARENA: usize = 256;

/// Bytes reserved for each STRING argument until a longer one arrives.
const INITIAL_STRING_BYTES: u64 = 4096;

/// Where the current scratch region is and what it holds.
struct Scratch {
    base: u32,
    layout: BatchLayout,
    /// Calls left before the guest's arena is released by a new reserve.
    calls_left: usize,
}

/// Calls one module one row at a time, in an instance of its own. Not `Sync`: one per thread.
pub struct RowCaller {
    module: Arc<LoadedModule>,
    instance: Option<GuestInstance>,
    scratch: Option<Scratch>,
    /// Bytes each STRING argument's region holds in the current layout.
    string_capacity: u64,
}

impl std::fmt::Debug for RowCaller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowCaller")
            .field("function", &self.module.signature.name())
            .field("instantiated", &self.instance.is_some())
            .finish()
    }
}

impl RowCaller {
    pub fn new(module: Arc<LoadedModule>) -> Self {
        RowCaller {
            module,
            instance: None,
            scratch: None,
            string_capacity: INITIAL_STRING_BYTES,
        }
    }

    pub fn module(&self) -> &Arc<LoadedModule> {
        &self.module
    }

    /// Applies the function to one row. After a trap the instance is dropped (a trapped guest's
    /// memory may be inconsistent) and the next call starts a fresh one; the error names the
    /// function, the kind and the row's input values.
    pub fn call(&mut self, args: &[RowArg<'_>]) -> Result<RowValue, SandboxError> {
        self.check_arguments(args)?;
        match self.call_checked(args) {
            Ok(value) => Ok(value),
            Err(error) => {
                // A fresh instance, and string regions sized for ordinary rows again: one huge
                // value must not leave every later row of this thread failing.
                self.instance = None;
                self.scratch = None;
                self.string_capacity = INITIAL_STRING_BYTES;
                Err(self.with_values(error, args))
            }
        }
    }

    fn call_checked(&mut self, args: &[RowArg<'_>]) -> Result<RowValue, SandboxError> {
        let longest = args
            .iter()
            .map(|arg| match arg {
                RowArg::String(bytes) => bytes.len() as u64,
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        if longest > self.string_capacity {
            self.string_capacity = longest.next_power_of_two();
            self.scratch = None;
        }
        if self.instance.is_none() {
            self.instance = Some(GuestInstance::new(self.module.clone(), None)?);
            self.scratch = None;
        }
        let instance = self.instance.as_mut().expect("instantiated above");
        let scratch =
            match &mut self.scratch {
                Some(scratch) if scratch.calls_left > 0 => scratch,
                _ => {
                    let signature = &self.module.signature;
                    let arg_types: Vec<SqlType> = signature.param_types().collect();
                    let string_bytes = vec![self.string_capacity; arg_types.len()];
                    let layout = BatchLayout::new(&arg_types, &string_bytes, signature.returns(), 1, false)
                        .ok_or_else(|| SandboxError::BatchTooLarge {
                            function: signature.name().to_string(),
                        })?;
                    let base = instance.reserve(layout.total_bytes)?;
                    self.scratch.insert(Scratch {
                        base,
                        layout,
                        calls_left: ROWS_PER_ARENA,
                    })
                }
            };
        scratch.calls_left -= 1;
        let (base, layout) = (scratch.base, &scratch.layout);
        {
            // `reserve` checked that [base, base + total_bytes) lies inside memory, and memory
            // never shrinks: every write below is in bounds.
            let memory = instance.memory_mut();
            // (In usize: a region may end exactly at 4 GiB.)
            let region = &mut memory[base as usize..base as usize + layout.total_bytes as usize];
            // Written every call: the guest may have scribbled on it.
            layout.write_descriptor(base, region);
            for (arg, slot) in args.iter().zip(&layout.args) {
                let at = slot.values as usize;
                match *arg {
                    RowArg::Int(value) => region[at..at + 4].copy_from_slice(&value.to_le_bytes()),
                    RowArg::BigInt(value) => region[at..at + 8].copy_from_slice(&value.to_le_bytes()),
                    RowArg::Float(value) => region[at..at + 4].copy_from_slice(&value.to_le_bytes()),
                    RowArg::Double(value) => region[at..at + 8].copy_from_slice(&value.to_le_bytes()),
                    RowArg::Boolean(value) => region[at] = value as u8,
                    RowArg::String(bytes) => {
                        let (offset, _) = slot.bytes.expect("STRING slots have a byte region");
                        let start = offset as usize;
                        region[start..start + bytes.len()].copy_from_slice(bytes);
                        region[at..at + 4].copy_from_slice(&(base + offset).to_le_bytes());
                        region[at + 4..at + 8].copy_from_slice(&(bytes.len() as i32).to_le_bytes());
                    }
                }
            }
        }
        instance.run(base)?;
        let memory = instance.memory();
        let at = (base + layout.output) as usize;
        let word = |width: usize| -> [u8; 8] {
            let mut bytes = [0u8; 8];
            bytes[..width].copy_from_slice(&memory[at..at + width]);
            bytes
        };
        let value = match self.module.signature.returns() {
            SqlType::Int => RowValue::Int(i32::from_le_bytes(word(4)[..4].try_into().expect("4 bytes"))),
            SqlType::BigInt => RowValue::BigInt(i64::from_le_bytes(word(8))),
            SqlType::Float => RowValue::Float(f32::from_le_bytes(word(4)[..4].try_into().expect("4 bytes"))),
            SqlType::Double => RowValue::Double(f64::from_le_bytes(word(8))),
            SqlType::Boolean => RowValue::Boolean(memory[at] != 0),
            SqlType::String => {
                let pair = word(8);
                let ptr = u32::from_le_bytes(pair[..4].try_into().expect("4 bytes"));
                let len = i32::from_le_bytes(pair[4..].try_into().expect("4 bytes"));
                let bytes = string_at(memory, ptr, len).map_err(|problem| SandboxError::InvalidOutput {
                    function: self.module.signature.name().to_string(),
                    problem,
                    location: RowLocation::Values(Vec::new()),
                })?;
                // `string_at` checked the bytes are UTF-8.
                RowValue::String(String::from_utf8_lossy(bytes).into_owned())
            }
            // A per-row host takes the six types above only: `check_arguments` refused the rest.
            unsupported @ (SqlType::Date | SqlType::Timestamp | SqlType::Decimal { .. } | SqlType::Binary) => {
                return Err(self.unsupported(unsupported));
            }
        };
        Ok(value)
    }

    /// A result of a type outside [`ROW_TYPES`] (hosts refuse such modules when they load them).
    fn unsupported(&self, sql_type: SqlType) -> SandboxError {
        SandboxError::ArgumentType {
            function: self.module.signature.name().to_string(),
            index: 0,
            argument: String::new(),
            data_type: sql_type.to_string(),
            declared: sql_type,
            hint: "one row at a time, a function takes and returns INT, BIGINT, FLOAT, DOUBLE, BOOLEAN and STRING only"
                .to_string(),
        }
    }

    /// The host's arguments must match the signature: a mismatch is the host's bug, reported
    /// rather than written into guest memory at the wrong width.
    fn check_arguments(&self, args: &[RowArg<'_>]) -> Result<(), SandboxError> {
        let signature = &self.module.signature;
        // A parameter of a type outside ROW_TYPES never matches a RowArg: refused below, per
        // argument, without a scan of the signature on every row.
        let params = signature.params();
        if args.len() != params.len() {
            return Err(SandboxError::ArgumentCount {
                function: signature.name().to_string(),
                expected: params.len(),
                actual: args.len(),
            });
        }
        for (index, (arg, param)) in args.iter().zip(params).enumerate() {
            if arg.sql_type() != param.sql_type {
                return Err(SandboxError::ArgumentType {
                    function: signature.name().to_string(),
                    index,
                    argument: param.name.clone(),
                    data_type: arg.sql_type().sql_name().to_string(),
                    declared: param.sql_type,
                    hint: "the host passed a value of the wrong type".to_string(),
                });
            }
        }
        Ok(())
    }

    /// Names the row by its input values.
    fn with_values(&self, error: SandboxError, args: &[RowArg<'_>]) -> SandboxError {
        let values = || {
            let named = self
                .module
                .signature
                .params()
                .iter()
                .zip(args)
                .map(|(param, arg)| (param.name.clone(), arg.describe()))
                .collect();
            RowLocation::Values(named)
        };
        match error {
            SandboxError::Trap {
                function,
                kind,
                location: _,
                site,
            } => SandboxError::Trap {
                function,
                location: (!matches!(kind, TrapKind::Cancelled)).then(values),
                kind,
                site,
            },
            SandboxError::InvalidOutput { function, problem, .. } => SandboxError::InvalidOutput {
                function,
                problem,
                location: values(),
            },
            other => other,
        }
    }
}
