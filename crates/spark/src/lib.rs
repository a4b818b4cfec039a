//! The native half of `io.wasmudf.spark`: the sandbox, called from the JVM one row at a time.
//!
//! Spark's function catalog calls a function's `invoke` once per row from generated code
//! (`spark/`); each call lands here, in a [`RowCaller`] of the calling thread (one instance per
//! module per thread: never re-instantiated per row, never shared between threads). A module is
//! loaded once per JVM (`load` returns a handle the Java side caches by digest) and its digest
//! is checked against the one the catalog was given: executors run only the bytes the driver saw.
//!
//! Arguments cross as 64-bit words (an INT's value, a FLOAT's or DOUBLE's bits, a BOOLEAN as
//! one or zero) so that one native method serves every numeric signature; a STRING crosses as
//! the `UTF8String`'s base object (a `byte[]`, or null for off-heap memory), offset and length.
//! Failures throw `io.wasmudf.spark.WasmUdfException(kind, message)`: the message names the
//! function, the kind and the row's input values, and never a host path.
//!
//! The JVM and Spark are trusted (their off-heap addresses are read as given); guest code is not.

mod jvm;

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jobject, jobjectArray, jstring};
use wasmudf_abi::{ModuleLimits, SqlType, UdfSignature};
use wasmudf_sandbox::{LoadedModule, ROW_TYPES, RowArg, RowCaller, RowValue, RuntimeLimits, SandboxError};

use crate::jvm::{Jvm, StringRef};

/// Modules one thread keeps an instance of (it drops the oldest past this).
const CALLERS_PER_THREAD: usize = 8;

/// Functions a call may take through the fixed-arity entry points (more go through arrays).
const FIXED_ARITY: usize = 3;

thread_local! {
    /// This thread's callers, one per module it has called: a handful, so a scan beats a map.
    static CALLERS: RefCell<Vec<(usize, RowCaller)>> = const { RefCell::new(Vec::new()) };
}

/// What a Java `long` handle points to: a module loaded for the life of the JVM.
fn module_of(handle: jlong) -> &'static Arc<LoadedModule> {
    // SAFETY: handles come only from `load` below, which leaks a `Box<Arc<LoadedModule>>`; they are
    // never freed (the Java side caches one per digest and limits, so they are few).
    unsafe { &*(handle as usize as *const Arc<LoadedModule>) }
}

/// Calls the module behind `handle` with one row, in this thread's caller for it.
fn call_row(handle: jlong, args: &[RowArg<'_>]) -> Result<RowValue, SandboxError> {
    let key = handle as usize;
    CALLERS.with_borrow_mut(|callers| {
        let index = match callers.iter().position(|(known, _)| *known == key) {
            Some(index) => index,
            None => {
                // Each caller holds a pooled instance and its memory: a thread keeps only its
                // most recent few (the pool is shared by every thread of the JVM).
                if callers.len() >= CALLERS_PER_THREAD {
                    callers.remove(0);
                }
                callers.push((key, RowCaller::new(module_of(handle).clone())));
                callers.len() - 1
            }
        };
        callers[index].1.call(args)
    })
}

/// Runs an entry point's body. A panic (a bug here: nothing a guest does panics) becomes a Java
/// exception, never an unwind into the JVM, which would abort the executor.
fn guarded<T>(env: *mut JNIEnv, failed: T, body: impl FnOnce() -> T) -> T {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(_) => {
            Jvm::new(env).throw_udf_error("internal", "wasmudf's native library failed (a bug: please report it)");
            failed
        }
    }
}

/// The value of a numeric result as the word the Java side decodes by the return type.
fn result_word(value: RowValue) -> jlong {
    match value {
        RowValue::Int(value) => value as jlong,
        RowValue::BigInt(value) => value,
        RowValue::Float(value) => value.to_bits() as jlong,
        RowValue::Double(value) => value.to_bits() as jlong,
        RowValue::Boolean(value) => value as jlong,
        // The Java side calls the string entry points for STRING results.
        RowValue::String(_) => 0,
    }
}

/// Decodes one argument from its word, or from the string bytes already fetched for it.
fn decode<'a>(sql_type: SqlType, word: jlong, bytes: Option<&'a [u8]>) -> RowArg<'a> {
    match sql_type {
        SqlType::Int => RowArg::Int(word as i32),
        SqlType::BigInt => RowArg::BigInt(word),
        SqlType::Float => RowArg::Float(f32::from_bits(word as u32)),
        SqlType::Double => RowArg::Double(f64::from_bits(word as u64)),
        SqlType::Boolean => RowArg::Boolean(word != 0),
        SqlType::String => RowArg::String(bytes.unwrap_or_default()),
        // Refused when the module was loaded (ROW_TYPES).
        SqlType::Date | SqlType::Timestamp | SqlType::Decimal { .. } | SqlType::Binary => RowArg::Int(0),
    }
}

/// Runs one row whose arguments are words and (for STRING parameters) string references, and
/// hands the result to `finish`. Throws in the JVM and returns `failed` on any failure.
fn with_row<T>(
    jvm: &Jvm,
    handle: jlong,
    words: &[jlong],
    strings: &[StringRef],
    finish: impl FnOnce(&Jvm, RowValue) -> T,
    failed: T,
) -> T {
    let module = module_of(handle);
    // The signature's own parameter list: nothing collected per row but the string bytes.
    let params = module.signature().params();
    if words.len() < params.len() || strings.len() < params.len() {
        jvm.throw_udf_error(
            "bad_request",
            &format!("`{}` takes {} arguments", module.signature().name(), params.len()),
        );
        return failed;
    }
    // The bytes of every STRING argument, copied out of the JVM first (JNI checks the bounds).
    let mut buffers: Vec<Option<Vec<u8>>> = Vec::with_capacity(params.len());
    for (index, param) in params.iter().enumerate() {
        if param.sql_type != SqlType::String {
            buffers.push(None);
            continue;
        }
        let (base, offset, len) = strings[index];
        match jvm.string_bytes(base, offset, len) {
            Some(bytes) => buffers.push(Some(bytes)),
            None => return failed,
        }
    }
    let args: Vec<RowArg<'_>> = params
        .iter()
        .enumerate()
        .map(|(index, param)| decode(param.sql_type, words[index], buffers[index].as_deref()))
        .collect();
    match call_row(handle, &args) {
        Ok(value) => finish(jvm, value),
        Err(error) => {
            jvm.throw_udf_error(error.kind_name(), &error.to_string());
            failed
        }
    }
}

/// `static native String[] describe(byte[] wasm)`: the signature a module carries, as
/// {canonical text, name, return type, parameter names..., parameter types...}; null when it
/// carries none. Throws when the bytes are not a valid wasmudf module.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_describe(
    env: *mut JNIEnv,
    _class: jclass,
    wasm: jbyteArray,
) -> jobjectArray {
    guarded(env, std::ptr::null_mut(), || {
        let jvm = Jvm::new(env);
        let Some(wasm) = jvm.byte_array(wasm) else {
            return std::ptr::null_mut();
        };
        let report = match wasmudf_abi::validate_module(&wasm, &ModuleLimits::default(), None) {
            Ok(report) => report,
            Err(error) => {
                jvm.throw_udf_error("bad_request", &SandboxError::from(error).to_string());
                return std::ptr::null_mut();
            }
        };
        if report.kind == wasmudf_abi::FunctionKind::Aggregate {
            jvm.throw_udf_error(
                "bad_request",
                "the module is an aggregate; Spark's catalog serves scalar functions (run aggregates with \
                 SQL on wasmudf's server, its CLI or its cluster)",
            );
            return std::ptr::null_mut();
        }
        let Some(text) = report.embedded_signature else {
            return std::ptr::null_mut();
        };
        let signature: UdfSignature = match text.parse() {
            Ok(signature) => signature,
            Err(error) => {
                jvm.throw_udf_error(
                    "bad_request",
                    &format!("the module's signature `{text}` is invalid: {error}"),
                );
                return std::ptr::null_mut();
            }
        };
        let mut items = vec![
            signature.to_string(),
            signature.name().to_string(),
            signature.returns().sql_name().to_string(),
        ];
        items.extend(signature.params().iter().map(|param| param.name.clone()));
        items.extend(signature.param_types().map(|sql_type| sql_type.sql_name().to_string()));
        jvm.new_string_array(&items)
    })
}

/// `static native long[] defaultLimits()`: {time limit in ms, memory limit in MiB}.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_defaultLimits(env: *mut JNIEnv, _class: jclass) -> jlongArray {
    guarded(env, std::ptr::null_mut(), || {
        let limits = RuntimeLimits::DEFAULT;
        Jvm::new(env).new_long_array(&[
            limits.batch_timeout.as_millis() as jlong,
            (limits.memory_bytes >> 20) as jlong,
        ])
    })
}

/// `static native long load(byte[] wasm, String signature, String digest, long timeLimitMs,
/// long memoryLimitMb)`: validates and compiles the module once for this JVM; refuses bytes
/// whose SHA-256 is not `digest`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_load(
    env: *mut JNIEnv,
    _class: jclass,
    wasm: jbyteArray,
    signature: jstring,
    digest: jstring,
    time_limit_ms: jlong,
    memory_limit_mb: jlong,
) -> jlong {
    guarded(env, 0, || {
        let jvm = Jvm::new(env);
        let (Some(wasm), Some(signature), Some(digest)) =
            (jvm.byte_array(wasm), jvm.string(signature), jvm.string(digest))
        else {
            return 0;
        };
        let signature: UdfSignature = match signature.parse() {
            Ok(signature) => signature,
            Err(error) => {
                jvm.throw_udf_error("bad_request", &format!("invalid signature `{signature}`: {error}"));
                return 0;
            }
        };
        if let Some(unsupported) = std::iter::once(signature.returns())
            .chain(signature.param_types())
            .find(|sql_type| !ROW_TYPES.contains(sql_type))
        {
            jvm.throw_udf_error(
                "bad_request",
                &format!(
                    "`{}` uses {unsupported}; Spark's catalog takes INT, BIGINT, FLOAT, DOUBLE, BOOLEAN and STRING",
                    signature.name()
                ),
            );
            return 0;
        }
        let limits = RuntimeLimits {
            batch_timeout: Duration::from_millis(time_limit_ms.max(1) as u64),
            memory_bytes: (memory_limit_mb.max(1) as u64) << 20,
        };
        match LoadedModule::load(&wasm, &signature, limits) {
            Ok(module) if module.digest() == digest => Box::into_raw(Box::new(module)) as usize as jlong,
            Ok(module) => {
                jvm.throw_udf_error(
                    "bad_request",
                    &format!(
                        "the module of `{}` is not the one the catalog listed (sha256 {}, expected {digest})",
                        signature.name(),
                        module.digest()
                    ),
                );
                0
            }
            Err(error) => {
                jvm.throw_udf_error(error.kind_name(), &error.to_string());
                0
            }
        }
    })
}

/// `static native long call(long module, long a0, long a1, long a2)`: a row of numbers.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_call(
    env: *mut JNIEnv,
    _class: jclass,
    handle: jlong,
    a0: jlong,
    a1: jlong,
    a2: jlong,
) -> jlong {
    guarded(env, 0, || {
        let module = module_of(handle);
        let words = [a0, a1, a2];
        let mut args = [RowArg::Int(0); FIXED_ARITY];
        let mut arity = 0;
        for (slot, (sql_type, word)) in args.iter_mut().zip(module.signature().param_types().zip(words)) {
            if sql_type == SqlType::String {
                Jvm::new(env).throw_udf_error("bad_request", "a STRING argument passed as a number");
                return 0;
            }
            *slot = decode(sql_type, word, None);
            arity += 1;
        }
        match call_row(handle, &args[..arity]) {
            Ok(value) => result_word(value),
            Err(error) => {
                Jvm::new(env).throw_udf_error(error.kind_name(), &error.to_string());
                0
            }
        }
    })
}

/// `static native long callWithStrings(long module, long a0, long a1, long a2, Object b0,
/// Object b1, Object b2, long o0, long o1, long o2, int n0, int n1, int n2)`: a row with STRING
/// arguments (argument i's bytes: `n_i` bytes at offset `o_i` of the `byte[]` `b_i`, or at
/// address `o_i` when `b_i` is null); a numeric result.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_callWithStrings(
    env: *mut JNIEnv,
    _class: jclass,
    handle: jlong,
    a0: jlong,
    a1: jlong,
    a2: jlong,
    b0: jobject,
    b1: jobject,
    b2: jobject,
    o0: jlong,
    o1: jlong,
    o2: jlong,
    n0: jint,
    n1: jint,
    n2: jint,
) -> jlong {
    guarded(env, 0, || {
        let jvm = Jvm::new(env);
        let strings = [(b0, o0, n0), (b1, o1, n1), (b2, o2, n2)];
        with_row(&jvm, handle, &[a0, a1, a2], &strings, |_, value| result_word(value), 0)
    })
}

/// Like `callWithStrings`, for a STRING result: its UTF-8 bytes (checked by the sandbox).
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_callReturningString(
    env: *mut JNIEnv,
    _class: jclass,
    handle: jlong,
    a0: jlong,
    a1: jlong,
    a2: jlong,
    b0: jobject,
    b1: jobject,
    b2: jobject,
    o0: jlong,
    o1: jlong,
    o2: jlong,
    n0: jint,
    n1: jint,
    n2: jint,
) -> jbyteArray {
    guarded(env, std::ptr::null_mut(), || {
        let jvm = Jvm::new(env);
        let strings = [(b0, o0, n0), (b1, o1, n1), (b2, o2, n2)];
        with_row(
            &jvm,
            handle,
            &[a0, a1, a2],
            &strings,
            string_result,
            std::ptr::null_mut(),
        )
    })
}

/// `static native long callRow(long module, long[] words, Object[] bases, long[] offsets,
/// int[] lengths)`: any arity (functions of more than three parameters).
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_callRow(
    env: *mut JNIEnv,
    _class: jclass,
    handle: jlong,
    words: jlongArray,
    bases: jobjectArray,
    offsets: jlongArray,
    lengths: jintArray,
) -> jlong {
    guarded(env, 0, || {
        let jvm = Jvm::new(env);
        let Some((words, strings)) = jvm.row_arrays(words, bases, offsets, lengths) else {
            return 0;
        };
        with_row(&jvm, handle, &words, &strings, |_, value| result_word(value), 0)
    })
}

/// Like `callRow`, for a STRING result.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_wasmudf_spark_WasmNative_callRowReturningString(
    env: *mut JNIEnv,
    _class: jclass,
    handle: jlong,
    words: jlongArray,
    bases: jobjectArray,
    offsets: jlongArray,
    lengths: jintArray,
) -> jbyteArray {
    guarded(env, std::ptr::null_mut(), || {
        let jvm = Jvm::new(env);
        let Some((words, strings)) = jvm.row_arrays(words, bases, offsets, lengths) else {
            return std::ptr::null_mut();
        };
        with_row(&jvm, handle, &words, &strings, string_result, std::ptr::null_mut())
    })
}

fn string_result(jvm: &Jvm, value: RowValue) -> jbyteArray {
    match value {
        RowValue::String(text) => jvm.new_byte_array(text.as_bytes()),
        other => {
            jvm.throw_udf_error("bad_request", &format!("expected a STRING result, got {other:?}"));
            std::ptr::null_mut()
        }
    }
}
