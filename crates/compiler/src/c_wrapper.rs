//! The C translation unit wrapped around a user's scalar function.
//!
//! The user's source is kept in its own file (`udf.c`) and `#include`d, so an unterminated
//! comment or `#if` in it cannot swallow the generated code, and every diagnostic inside it keeps
//! the user's own line numbers. Before it comes a `static` prototype built from the declared
//! signature: a function whose C types differ from the signature is a "conflicting types" error
//! at the user's line, and a missing definition is an error rather than a silent link failure.
//! After it comes the batch loop (see `docs/abi.md`), which calls the function directly so that
//! clang inlines it and, where it can, vectorizes the loop.

use wasmudf_abi::{SqlType, UdfSignature};

/// The user's source file name inside the compile job; diagnostics in it are the user's.
pub const USER_FILE: &str = "udf.c";
/// The wrapper's file name; diagnostics in it are rewritten to speak about the signature.
pub const WRAPPER_FILE: &str = "wasmudf_main.c";
/// The presumed file name of the generated code after the user's source.
pub const GENERATED_FILE: &str = "wasmudf_batch_loop.c";

/// Returns the wrapper translation unit for `signature`.
pub fn wrapper_source(signature: &UdfSignature) -> String {
    let name = signature.name();
    let arity = signature.params().len();
    let mut source = String::new();
    source.push_str("#include <wasmudf.h>\n");
    source.push_str(&format!("static {};\n", signature.c_prototype()));
    source.push_str(&format!("#include \"{USER_FILE}\"\n"));
    source.push_str(&format!("#line 1 \"{GENERATED_FILE}\"\n"));
    source.push_str(RUNTIME);

    let out_type = signature.returns().c_name();
    let arg_count = arity.max(1);
    source.push_str(&format!(
        "struct wasmudf__batch {{ uint32_t rows; const uint8_t *selection; {out_type} *output; const void *args[{arg_count}]; }};\n"
    ));
    let mut loads = String::new();
    let mut call_args = Vec::with_capacity(arity);
    for (index, param) in signature.params().iter().enumerate() {
        let c_type = param.sql_type.c_name();
        loads.push_str(&format!(
            "    const {c_type} *restrict a{index} = (const {c_type} *)batch->args[{index}];\n"
        ));
        call_args.push(format!("a{index}[i]"));
    }
    let call = format!("{name}({})", call_args.join(", "));
    let store = match signature.returns() {
        // C's bool conversion already yields 0 or 1; the host reads any nonzero byte as true.
        SqlType::Boolean => format!("out[i] = {call} ? 1 : 0"),
        _ => format!("out[i] = {call}"),
    };
    source.push_str(&format!(
        r#"__attribute__((export_name("wasmudf_run")))
int32_t wasmudf_run(const struct wasmudf__batch *batch) {{
    const uint32_t rows = batch->rows;
    {out_type} *restrict out = batch->output;
{loads}    const uint8_t *selection = batch->selection;
    if (selection == 0) {{
        for (uint32_t i = 0; i < rows; i++) {store};
    }} else {{
        for (uint32_t i = 0; i < rows; i++) if (selection[i]) {store};
    }}
    return 0;
}}
"#
    ));
    source
}

/// The guest runtime: the scratch region and the per-batch arena behind `wasmudf_alloc`.
/// It lives in the same translation unit so the module needs no separate object file.
const RUNTIME: &str = r#"void *malloc(size_t size);
void *aligned_alloc(size_t alignment, size_t size);
void free(void *pointer);

/* One arena chunk; `data` is 16-byte aligned because the header is 16 bytes. */
struct wasmudf__chunk { struct wasmudf__chunk *next; size_t used; size_t capacity; size_t pad; };
static struct wasmudf__chunk *wasmudf__arena;
static unsigned char *wasmudf__scratch;
static size_t wasmudf__scratch_capacity;

__attribute__((export_name("wasmudf_reserve")))
uint32_t wasmudf_reserve(uint32_t bytes) {
    /* A new batch: everything wasmudf_alloc handed out for the last one is released. The head
       chunk is kept (emptied) so steady-state batches do not call malloc at all. */
    if (wasmudf__arena) {
        struct wasmudf__chunk *chunk = wasmudf__arena->next;
        while (chunk) { struct wasmudf__chunk *next = chunk->next; free(chunk); chunk = next; }
        wasmudf__arena->next = 0;
        wasmudf__arena->used = 0;
    }
    if (bytes > wasmudf__scratch_capacity) {
        free(wasmudf__scratch);
        wasmudf__scratch_capacity = 0;
        wasmudf__scratch = aligned_alloc(16, ((size_t)bytes + 15) & ~(size_t)15);
        if (!wasmudf__scratch) return 0;
        wasmudf__scratch_capacity = bytes;
    }
    return (uint32_t)(uintptr_t)wasmudf__scratch;
}

void *wasmudf_alloc(size_t size) {
    if (size > (size_t)0x7fffffff) __builtin_trap();
    size = (size + 15) & ~(size_t)15;
    struct wasmudf__chunk *chunk = wasmudf__arena;
    if (!chunk || chunk->capacity - chunk->used < size) {
        /* The newest chunk is the head and the largest; reserve() keeps only it. */
        size_t capacity = chunk ? chunk->capacity * 2 : 65536;
        if (capacity < size) capacity = size;
        chunk = malloc(sizeof(struct wasmudf__chunk) + capacity);
        if (!chunk) __builtin_trap();
        chunk->used = 0;
        chunk->capacity = capacity;
        chunk->next = wasmudf__arena;
        wasmudf__arena = chunk;
    }
    void *pointer = (unsigned char *)(chunk + 1) + chunk->used;
    chunk->used += size;
    return pointer;
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_declares_the_signature_before_the_users_file() {
        let signature: UdfSignature = "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
            .parse()
            .unwrap();
        let source = wrapper_source(&signature);
        let prototype = source
            .find("static float calculate_adj_bal(int32_t balance, float rate);")
            .unwrap();
        let include = source.find("#include \"udf.c\"").unwrap();
        let run = source.find("int32_t wasmudf_run(").unwrap();
        assert!(prototype < include && include < run);
        assert!(source.contains("out[i] = calculate_adj_bal(a0[i], a1[i])"));
    }

    #[test]
    fn boolean_results_are_normalized_to_zero_or_one() {
        let signature: UdfSignature = "keep(s STRING) RETURNS BOOLEAN".parse().unwrap();
        assert!(wrapper_source(&signature).contains("out[i] = keep(a0[i]) ? 1 : 0"));
    }
}
