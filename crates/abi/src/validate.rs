//! The checks every module passes before wasmtime is allowed to compile it.
//!
//! Guest modules are hostile input. wasmtime validates Wasm itself, but it does not know our ABI
//! and it does not bound compile cost (compile-time DoS is outside its threat model), so this
//! module checks, with wasmparser's validator and then one more pass over the binary:
//!
//! - the Wasm features are exactly [`allowed_features`] (MVP, mutable globals, sign extension,
//!   saturating float-to-int, multi-value, bulk memory, SIMD128): no threads, no reference types,
//!   no memory64, no GC, no exceptions;
//! - no imports at all: the ABI defines no host functions, so a module can reach nothing;
//! - no start function (no code runs at instantiation; C constructors go through `_initialize`);
//! - exactly one defined, unshared 32-bit memory, exported as `memory`, whose maximum is declared
//!   and within the cap;
//! - the ABI exports exist with their exact signatures: `wasmudf_run` for a scalar function, the
//!   `wasmudf_agg_*` set for an aggregate;
//! - size caps on the module, on function count and on each function body;
//! - a `wasmudf.signature` custom section, when present, names the expected signature.

use wasmparser::{CompositeInnerType, ExternalKind, FuncType, Parser, Payload, ValType, Validator, WasmFeatures};

use crate::{FunctionKind, UdfSignature, exports};

/// Bounds on module shape, chosen so that Cranelift's compile time and memory stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleLimits {
    pub max_module_bytes: usize,
    pub max_functions: u32,
    pub max_function_body_bytes: usize,
    /// The largest memory maximum a module may declare, in bytes.
    pub max_memory_bytes: u64,
}

impl Default for ModuleLimits {
    fn default() -> Self {
        ModuleLimits {
            max_module_bytes: 8 << 20,
            max_functions: 10_000,
            max_function_body_bytes: 512 << 10,
            max_memory_bytes: 4 << 30,
        }
    }
}

/// What validation learned about an accepted module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleReport {
    /// The memory maximum the module declares, in bytes.
    pub memory_maximum_bytes: u64,
    pub has_initialize: bool,
    /// A scalar module exports `wasmudf_run`; an aggregate's, `wasmudf_agg_update` and kin.
    pub kind: FunctionKind,
    /// The signature recorded in the module's custom section, if it has one.
    pub embedded_signature: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("the module is {actual} bytes; the limit is {limit} bytes")]
    TooLarge { actual: usize, limit: usize },
    #[error("the module is not valid WebAssembly for this sandbox: {0}")]
    Malformed(String),
    #[error(
        "the module imports `{module}.{name}`; UDF modules may not import anything (I/O such as \
         printf or fopen, clocks, randomness and environment access are not available)"
    )]
    Import { module: String, name: String },
    #[error("the module has a start function; UDF modules may not run code at instantiation")]
    StartFunction,
    #[error("the module must define exactly one memory; it has {0}")]
    MemoryCount(usize),
    #[error("the module's memory must be a 32-bit, unshared memory with 64 KiB pages")]
    MemoryKind,
    #[error("the module's memory must declare a maximum size (link with --max-memory)")]
    UnboundedMemory,
    #[error("the module's memory maximum is {actual} bytes; the limit is {limit} bytes")]
    MemoryTooLarge { actual: u64, limit: u64 },
    #[error("the module has {actual} functions; the limit is {limit}")]
    TooManyFunctions { actual: u32, limit: u32 },
    #[error("function {index} of the module has a {actual}-byte body; the limit is {limit} bytes")]
    FunctionTooLarge { index: u32, actual: usize, limit: usize },
    #[error("the module does not export `{name}` ({expected}) as the wasmudf batch ABI requires")]
    MissingExport { name: &'static str, expected: &'static str },
    #[error("the module's export `{name}` has type {actual}; the ABI requires {expected}")]
    ExportType {
        name: &'static str,
        expected: &'static str,
        actual: String,
    },
    #[error("the module implements {} function, but `{expected}` is {}", article(*.actual), article(*.wanted))]
    KindMismatch {
        actual: FunctionKind,
        wanted: FunctionKind,
        expected: String,
    },
    #[error("the module was built for `{embedded}`, not for `{expected}`")]
    SignatureMismatch { embedded: String, expected: String },
}

/// The Wasm features guest modules may use. The sandbox switches most others off in wasmtime, but
/// not reference types (without wasmtime's `gc` feature there is no `wasm_reference_types` switch),
/// so this validation, which every module passes before wasmtime compiles it, is what refuses them.
pub fn allowed_features() -> WasmFeatures {
    WasmFeatures::WASM1
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::SIMD
}

const WASM_PAGE_BYTES: u64 = 64 << 10;

/// Checks `bytes` against the batch ABI, the allowed features and `limits`. When `expected` is
/// given and the module embeds a signature, they must be equal.
pub fn validate_module(
    bytes: &[u8],
    limits: &ModuleLimits,
    expected: Option<&UdfSignature>,
) -> Result<ModuleReport, ValidationError> {
    if bytes.len() > limits.max_module_bytes {
        return Err(ValidationError::TooLarge {
            actual: bytes.len(),
            limit: limits.max_module_bytes,
        });
    }
    // Said here in words: wasmparser's message for a wrong header is a debug dump of both arrays.
    if !bytes.starts_with(b"\0asm") {
        return Err(ValidationError::Malformed(
            "this is not a WebAssembly module (it does not start with the bytes \\0asm)".to_string(),
        ));
    }
    if bytes.get(4..8) != Some(&[1, 0, 0, 0]) {
        return Err(ValidationError::Malformed(
            "this is not a WebAssembly core module of version 1 (a component, or a newer binary format)".to_string(),
        ));
    }
    Validator::new_with_features(allowed_features())
        .validate_all(bytes)
        .map_err(|error| ValidationError::Malformed(error.message().to_string()))?;

    let mut func_types: Vec<Option<FuncType>> = Vec::new();
    let mut function_type_indices: Vec<u32> = Vec::new();
    let mut memories = Vec::new();
    let mut exported: Vec<(String, ExternalKind, u32)> = Vec::new();
    let mut embedded_signature = None;
    let mut body_index = 0u32;

    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|error| ValidationError::Malformed(error.message().to_string()))?;
        match payload {
            Payload::TypeSection(reader) => {
                for rec_group in reader {
                    let rec_group = rec_group.map_err(malformed)?;
                    for sub_type in rec_group.into_types() {
                        func_types.push(match sub_type.composite_type.inner {
                            CompositeInnerType::Func(func_type) => Some(func_type),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                // Any import at all is refused: name the first one.
                for imports in reader {
                    if let Some(import) = imports.map_err(malformed)?.into_iter().next() {
                        let (_, import) = import.map_err(malformed)?;
                        return Err(ValidationError::Import {
                            module: import.module.to_string(),
                            name: import.name.to_string(),
                        });
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for type_index in reader {
                    function_type_indices.push(type_index.map_err(malformed)?);
                }
                let count = function_type_indices.len() as u32;
                if count > limits.max_functions {
                    return Err(ValidationError::TooManyFunctions {
                        actual: count,
                        limit: limits.max_functions,
                    });
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    memories.push(memory.map_err(malformed)?);
                }
            }
            Payload::StartSection { .. } => return Err(ValidationError::StartFunction),
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(malformed)?;
                    exported.push((export.name.to_string(), export.kind, export.index));
                }
            }
            Payload::CodeSectionEntry(body) => {
                let size = body.range().len();
                if size > limits.max_function_body_bytes {
                    return Err(ValidationError::FunctionTooLarge {
                        index: body_index,
                        actual: size,
                        limit: limits.max_function_body_bytes,
                    });
                }
                body_index += 1;
            }
            Payload::CustomSection(section) if section.name() == crate::SIGNATURE_SECTION => {
                embedded_signature = Some(String::from_utf8_lossy(section.data()).into_owned());
            }
            _ => {}
        }
    }

    let [memory] = memories.as_slice() else {
        return Err(ValidationError::MemoryCount(memories.len()));
    };
    if memory.memory64 || memory.shared || memory.page_size_log2.is_some() {
        return Err(ValidationError::MemoryKind);
    }
    let memory_maximum_bytes = memory.maximum.ok_or(ValidationError::UnboundedMemory)? * WASM_PAGE_BYTES;
    if memory_maximum_bytes > limits.max_memory_bytes {
        return Err(ValidationError::MemoryTooLarge {
            actual: memory_maximum_bytes,
            limit: limits.max_memory_bytes,
        });
    }

    let find_export = |name: &'static str, kind: ExternalKind, expected: &'static str| {
        exported
            .iter()
            .find(|(export_name, export_kind, _)| export_name == name && *export_kind == kind)
            .map(|(_, _, index)| *index)
            .ok_or(ValidationError::MissingExport { name, expected })
    };
    find_export(exports::MEMORY, ExternalKind::Memory, "a memory")?;
    // No imports, so function index i is the i-th defined function.
    let function_type = |function_index: u32| -> Option<&FuncType> {
        let type_index = *function_type_indices.get(function_index as usize)?;
        func_types.get(type_index as usize)?.as_ref()
    };
    let check_function = |name: &'static str, params: &[ValType], results: &[ValType], expected: &'static str| {
        let index = find_export(name, ExternalKind::Func, expected)?;
        let actual = function_type(index);
        match actual {
            Some(func_type) if func_type.params() == params && func_type.results() == results => Ok(()),
            _ => Err(ValidationError::ExportType {
                name,
                expected,
                actual: actual.map_or_else(|| "unknown".to_string(), |t| t.to_string()),
            }),
        }
    };
    check_function(
        exports::RESERVE,
        &[ValType::I32],
        &[ValType::I32],
        "a function (i32) -> i32",
    )?;
    let is_aggregate = exported
        .iter()
        .any(|(name, kind, _)| name == exports::AGG_UPDATE && *kind == ExternalKind::Func);
    let kind = if is_aggregate {
        check_function(exports::AGG_STATE_SIZE, &[], &[ValType::I32], "a function () -> i32")?;
        check_function(
            exports::AGG_GROW,
            &[ValType::I32],
            &[ValType::I32],
            "a function (i32) -> i32",
        )?;
        for name in [
            exports::AGG_INIT,
            exports::AGG_UPDATE,
            exports::AGG_MERGE,
            exports::AGG_FINISH,
        ] {
            check_function(
                name,
                &[ValType::I32, ValType::I32],
                &[ValType::I32],
                "a function (i32, i32) -> i32",
            )?;
        }
        FunctionKind::Aggregate
    } else {
        check_function(
            exports::RUN,
            &[ValType::I32],
            &[ValType::I32],
            "a function (i32) -> i32",
        )?;
        FunctionKind::Scalar
    };
    if let Some(expected) = expected
        && expected.kind() != kind
    {
        return Err(ValidationError::KindMismatch {
            actual: kind,
            wanted: expected.kind(),
            expected: expected.to_string(),
        });
    }
    let has_initialize = exported
        .iter()
        .any(|(name, kind, _)| name == exports::INITIALIZE && *kind == ExternalKind::Func);
    if has_initialize {
        check_function(exports::INITIALIZE, &[], &[], "a function () -> ()")?;
    }

    if let (Some(embedded), Some(expected)) = (&embedded_signature, expected) {
        let expected_text = expected.to_string();
        if *embedded != expected_text {
            return Err(ValidationError::SignatureMismatch {
                embedded: embedded.clone(),
                expected: expected_text,
            });
        }
    }

    Ok(ModuleReport {
        memory_maximum_bytes,
        has_initialize,
        kind,
        embedded_signature,
    })
}

fn article(kind: FunctionKind) -> &'static str {
    match kind {
        FunctionKind::Scalar => "a scalar",
        FunctionKind::Aggregate => "an aggregate",
    }
}

fn malformed(error: wasmparser::BinaryReaderError) -> ValidationError {
    ValidationError::Malformed(error.message().to_string())
}

/// Overwrites, in place, the directories of absolute paths in a module's DWARF string tables
/// (`.debug_str`, `.debug_line_str`) with `_`, keeping each file's own name: the libraries a C
/// module links carry the paths they were built at, and the module is served back to tenants.
/// The length stays, so every offset into the tables stays valid. Paths starting with one of
/// `keep` stay whole. A module that does not parse is left as it is (validation refuses it).
pub fn scrub_debug_paths(module: &mut [u8], keep: &[&str]) {
    let mut tables = Vec::new();
    let mut line_programs = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        let Ok(payload) = payload else { return };
        if let Payload::CustomSection(section) = payload {
            let range = section.data_offset()..section.data_offset() + section.data().len();
            match section.name() {
                ".debug_str" | ".debug_line_str" => tables.push(range),
                ".debug_line" => line_programs.push(range),
                _ => {}
            }
        }
    }
    let kept = |string: &[u8]| {
        keep.iter().any(|prefix| {
            string
                .strip_prefix(prefix.as_bytes())
                .is_some_and(|rest| rest.is_empty() || rest.first() == Some(&b'/'))
        })
    };
    let scrub = |string: &mut [u8]| {
        if string.first() != Some(&b'/') || kept(string) {
            return;
        }
        let file_name = string.iter().rposition(|&byte| byte == b'/').unwrap_or(0);
        if file_name > 1 {
            string[1..file_name].fill(b'_');
        }
    };
    for table in tables {
        module[table].split_mut(|&byte| byte == 0).for_each(scrub);
    }
    for section in line_programs {
        scrub_line_program_headers(&mut module[section], &scrub);
    }
}

/// The directories and file names written inline in DWARF 2-4 line program headers (DWARF 5
/// keeps them in `.debug_line_str`), each passed to `scrub`. Stops at anything it does not
/// expect: the rest is left as it is.
fn scrub_line_program_headers(section: &mut [u8], scrub: &dyn Fn(&mut [u8])) {
    fn uleb(bytes: &[u8], at: &mut usize) -> Option<()> {
        loop {
            let byte = *bytes.get(*at)?;
            *at += 1;
            if byte & 0x80 == 0 {
                return Some(());
            }
        }
    }
    /// The NUL-terminated string at `at`: its range, and `at` moved past its NUL.
    fn string(bytes: &[u8], at: &mut usize) -> Option<std::ops::Range<usize>> {
        let length = bytes.get(*at..)?.iter().position(|&byte| byte == 0)?;
        let range = *at..*at + length;
        *at += length + 1;
        Some(range)
    }
    let mut unit = 0usize;
    while unit + 4 <= section.len() {
        let length = u32::from_le_bytes(section[unit..unit + 4].try_into().unwrap_or_default()) as usize;
        // 64-bit DWARF (0xffffffff) and empty units are not what clang emits for wasm32.
        let Some(end) = unit
            .checked_add(4 + length)
            .filter(|&end| length > 0 && end <= section.len())
        else {
            return;
        };
        let version = u16::from_le_bytes([section[unit + 4], section.get(unit + 5).copied().unwrap_or(0)]);
        if (2..=4).contains(&version) {
            let mut strings = Vec::new();
            let header = &section[unit..end];
            // unit_length, version, header_length, minimum_instruction_length, [v4:
            // maximum_operations_per_instruction], default_is_stmt, line_base, line_range.
            let mut at = 4 + 2 + 4 + 1 + usize::from(version >= 4) + 3;
            let Some(&opcode_base) = header.get(at) else { return };
            at += usize::from(opcode_base.max(1));
            let mut walk = || -> Option<()> {
                loop {
                    let directory = string(header, &mut at)?;
                    if directory.is_empty() {
                        break;
                    }
                    strings.push(directory);
                }
                loop {
                    let file = string(header, &mut at)?;
                    if file.is_empty() {
                        break;
                    }
                    strings.push(file);
                    for _ in 0..3 {
                        uleb(header, &mut at)?;
                    }
                }
                Some(())
            };
            let _ = walk();
            for range in strings {
                scrub(&mut section[unit + range.start..unit + range.end]);
            }
        }
        unit = end;
    }
}

/// The module without its DWARF (`.debug_*` custom sections); anything that does not parse as
/// sections is returned as it is (validation refuses it). For modules whose debug information
/// the host did not write (uploaded Wasm, WAT): symbolizing a trap against it would spend host
/// time on the tenant's DWARF, and it could hold anything.
pub fn strip_debug_sections(module: &[u8]) -> Vec<u8> {
    fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let walk = || -> Option<Vec<u8>> {
        let mut kept = module.get(..8)?.to_vec();
        let mut at = 8;
        while at < module.len() {
            let start = at;
            let id = module[at];
            at += 1;
            let size = leb(module, &mut at)?;
            let end = at.checked_add(size).filter(|&end| end <= module.len())?;
            let debug = id == 0 && {
                let mut name_at = at;
                let length = leb(module, &mut name_at)?;
                module
                    .get(name_at..name_at.checked_add(length)?)
                    .is_some_and(|name| name.starts_with(b".debug_"))
            };
            if !debug {
                kept.extend_from_slice(&module[start..end]);
            }
            at = end;
        }
        Some(kept)
    };
    walk().unwrap_or_else(|| module.to_vec())
}

/// Appends a custom section to a module (valid anywhere after the header).
pub fn append_custom_section(module: &mut Vec<u8>, name: &str, data: &[u8]) {
    let mut payload = Vec::new();
    write_leb128(&mut payload, name.len() as u64);
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(data);
    module.push(0);
    write_leb128(module, payload.len() as u64);
    module.extend_from_slice(&payload);
}

fn write_leb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal module that satisfies the ABI; `extra` is spliced into the module body.
    fn module(extra: &str, memory: &str) -> Vec<u8> {
        wat::parse_str(format!(
            r#"(module
                {extra}
                (memory (export "memory") {memory})
                (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
                (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#
        ))
        .unwrap()
    }

    fn check(bytes: &[u8]) -> Result<ModuleReport, ValidationError> {
        validate_module(bytes, &ModuleLimits::default(), None)
    }

    fn custom_section_names(bytes: &[u8]) -> Vec<String> {
        Parser::new(0)
            .parse_all(bytes)
            .filter_map(|payload| match payload.unwrap() {
                Payload::CustomSection(section) => Some(section.name().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn debug_sections_are_stripped_and_the_rest_kept() {
        let mut bytes = module("", "1 1");
        append_custom_section(&mut bytes, ".debug_line", b"/home/someone/src/udf.c\0");
        append_custom_section(&mut bytes, "wasmudf.signature", b"f() RETURNS INT");
        append_custom_section(&mut bytes, ".debug_str", b"/tmp/job\0");
        let stripped = strip_debug_sections(&bytes);
        assert_eq!(custom_section_names(&stripped), ["wasmudf.signature"]);
        check(&stripped).unwrap();
        // Not a module: left as it is.
        assert_eq!(
            strip_debug_sections(b"\0asm\x01\0\0\0\x00\xff"),
            b"\0asm\x01\0\0\0\x00\xff"
        );
    }

    #[test]
    fn absolute_paths_in_dwarf_strings_lose_their_directories_but_kept_roots_stay() {
        let mut bytes = module("", "1 1");
        append_custom_section(
            &mut bytes,
            ".debug_str",
            b"/home/me/build/lib.c\0/udf\0/udfX/a.c\0/sysroot/include/stdio.h\0./rel.c\0",
        );
        scrub_debug_paths(&mut bytes, &["/udf", "/sysroot"]);
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("/_____________/lib.c\0/udf\0/____/a.c\0/sysroot/include/stdio.h\0./rel.c"),
            "{text}"
        );
    }

    #[test]
    fn a_minimal_abi_module_is_accepted() {
        let report = check(&module("", "1 16")).unwrap();
        assert_eq!(report.memory_maximum_bytes, 16 * 65536);
        assert!(!report.has_initialize);
    }

    #[test]
    fn any_import_is_refused_and_named() {
        let bytes = module(
            r#"(import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))"#,
            "1 16",
        );
        let error = check(&bytes).unwrap_err();
        assert!(
            error.to_string().contains("`wasi_snapshot_preview1.fd_write`"),
            "{error}"
        );
    }

    #[test]
    fn an_aggregate_module_needs_every_aggregate_export_and_its_kind() {
        let aggregate = |skip: &str| {
            let mut functions = String::new();
            for (name, params) in [
                ("wasmudf_agg_state_size", ""),
                ("wasmudf_agg_grow", "(param i32)"),
                ("wasmudf_agg_init", "(param i32 i32)"),
                ("wasmudf_agg_update", "(param i32 i32)"),
                ("wasmudf_agg_merge", "(param i32 i32)"),
                ("wasmudf_agg_finish", "(param i32 i32)"),
            ] {
                if name != skip {
                    functions.push_str(&format!(
                        r#"(func (export "{name}") {params} (result i32) i32.const 0)"#
                    ));
                }
            }
            wat::parse_str(format!(
                r#"(module (memory (export "memory") 1 16)
                    (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024) {functions})"#
            ))
            .unwrap()
        };
        assert_eq!(check(&aggregate("")).unwrap().kind, FunctionKind::Aggregate);
        assert_eq!(check(&module("", "1 16")).unwrap().kind, FunctionKind::Scalar);
        assert!(matches!(
            check(&aggregate("wasmudf_agg_merge")).unwrap_err(),
            ValidationError::MissingExport {
                name: "wasmudf_agg_merge",
                ..
            }
        ));
        let wavg: UdfSignature = "AGGREGATE wavg(x DOUBLE) RETURNS DOUBLE".parse().unwrap();
        let error = validate_module(&module("", "1 16"), &ModuleLimits::default(), Some(&wavg)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the module implements a scalar function, but `AGGREGATE wavg(x DOUBLE) RETURNS DOUBLE` is an aggregate"
        );
    }

    #[test]
    fn a_start_function_is_refused() {
        let bytes = module("(func $boot) (start $boot)", "1 16");
        assert_eq!(check(&bytes).unwrap_err(), ValidationError::StartFunction);
    }

    #[test]
    fn memory_must_be_bounded_and_capped() {
        assert_eq!(check(&module("", "1")).unwrap_err(), ValidationError::UnboundedMemory);
        let limits = ModuleLimits {
            max_memory_bytes: 1 << 20,
            ..ModuleLimits::default()
        };
        let error = validate_module(&module("", "1 32"), &limits, None).unwrap_err();
        assert!(matches!(error, ValidationError::MemoryTooLarge { actual, .. } if actual == 32 * 65536));
    }

    #[test]
    fn wrong_export_signature_is_named() {
        let bytes = wat::parse_str(
            r#"(module (memory (export "memory") 1 1)
                (func (export "wasmudf_reserve") (param i64) (result i32) i32.const 0)
                (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#,
        )
        .unwrap();
        let error = check(&bytes).unwrap_err();
        assert!(
            matches!(
                error,
                ValidationError::ExportType {
                    name: "wasmudf_reserve",
                    ..
                }
            ),
            "{error}"
        );
    }

    #[test]
    fn missing_run_export_is_named() {
        let bytes = wat::parse_str(
            r#"(module (memory (export "memory") 1 1)
                (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 0))"#,
        )
        .unwrap();
        assert!(matches!(
            check(&bytes).unwrap_err(),
            ValidationError::MissingExport {
                name: "wasmudf_run",
                ..
            }
        ));
    }

    #[test]
    fn disabled_proposals_are_refused() {
        let threads = module("", "1 16 shared");
        assert!(matches!(check(&threads).unwrap_err(), ValidationError::Malformed(_)));
        let memory64 = module("", "i64 1 16");
        assert!(matches!(check(&memory64).unwrap_err(), ValidationError::Malformed(_)));
    }

    #[test]
    fn size_caps_apply_before_parsing() {
        let limits = ModuleLimits {
            max_module_bytes: 16,
            ..ModuleLimits::default()
        };
        let error = validate_module(&module("", "1 16"), &limits, None).unwrap_err();
        assert!(matches!(error, ValidationError::TooLarge { limit: 16, .. }));
    }

    #[test]
    fn a_wrong_header_is_named_in_words() {
        let limits = ModuleLimits::default();
        assert_eq!(
            validate_module(b"PK\x03\x04 not wasm", &limits, None)
                .unwrap_err()
                .to_string(),
            "the module is not valid WebAssembly for this sandbox: this is not a WebAssembly module (it does not start with the bytes \\0asm)"
        );
        assert_eq!(
            validate_module(b"\0asm\x0d\0\x01\0", &limits, None)
                .unwrap_err()
                .to_string(),
            "the module is not valid WebAssembly for this sandbox: this is not a WebAssembly core module of version 1 (a component, or a newer binary format)"
        );
    }

    #[test]
    fn embedded_signature_must_match() {
        let mut bytes = module("", "1 16");
        append_custom_section(&mut bytes, crate::SIGNATURE_SECTION, b"f(a INT) RETURNS INT");
        let same: UdfSignature = "f(a INT) RETURNS INT".parse().unwrap();
        let other: UdfSignature = "f(a STRING) RETURNS INT".parse().unwrap();
        let limits = ModuleLimits::default();
        let report = validate_module(&bytes, &limits, Some(&same)).unwrap();
        assert_eq!(report.embedded_signature.as_deref(), Some("f(a INT) RETURNS INT"));
        assert!(matches!(
            validate_module(&bytes, &limits, Some(&other)).unwrap_err(),
            ValidationError::SignatureMismatch { .. }
        ));
    }
}
