//! The C translation unit wrapped around a user's scalar function.
//!
//! The user's source is kept in its own file (`udf.c`) and `#include`d, so an unterminated
//! comment or `#if` in it cannot swallow the generated code, and every diagnostic inside it keeps
//! the user's own line numbers. Before it comes a `static` prototype built from the declared
//! signature: a function whose C types differ from the signature is a "conflicting types" error
//! at the user's line, and a missing definition is an error rather than a silent link failure.
//! After it comes the batch loop (see `docs/abi.md`), which calls the function directly so that
//! clang inlines it and, where it can, vectorizes the loop.

use wasmudf_abi::{GUEST_LOG_BYTES, ROW_LOG_BYTES, SqlType, UdfSignature};

/// The user's source file name inside the compile job; diagnostics in it are the user's.
pub const USER_FILE: &str = wasmudf_abi::USER_SOURCE_FILE;
/// The wrapper's file name; diagnostics in it are rewritten to speak about the signature.
pub const WRAPPER_FILE: &str = "wasmudf_main.c";
/// The presumed file name of the generated code after the user's source.
pub const GENERATED_FILE: &str = "wasmudf_batch_loop.c";

/// Returns the wrapper translation unit for `signature`. `defines_init`: an aggregate's source
/// defines `<name>_init` (else new states start as zero bytes).
pub fn wrapper_source(signature: &UdfSignature, defines_init: bool) -> String {
    if signature.is_aggregate() {
        return aggregate_wrapper_source(signature, defines_init);
    }
    let name = signature.name();
    let arity = signature.params().len();
    let mut source = String::new();
    source.push_str("#include <wasmudf.h>\n#include <stdio.h>\n");
    source.push_str(&format!("static {};\n", signature.c_prototype()));
    source.push_str(&format!("#include \"{USER_FILE}\"\n"));
    source.push_str(&runtime_source());

    let out_type = signature.returns().c_name();
    // The descriptor's layout is `BatchLayout`'s: the argument addresses, then the log word.
    let args = if arity == 0 {
        String::new()
    } else {
        format!(" const void *args[{arity}];")
    };
    source.push_str(&format!(
        "struct wasmudf__batch {{ uint32_t rows; const uint8_t *selection; {out_type} *output;{args} uint32_t log; }};\n"
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
    // `wasmudf__row_logged` is reset per row only for the log's per-row cap: a function that
    // never prints never reads it, and clang deletes the store.
    source.push_str(&format!(
        r#"__attribute__((export_name("wasmudf_run")))
int32_t wasmudf_run(struct wasmudf__batch *batch) {{
    const uint32_t rows = batch->rows;
    {out_type} *restrict out = batch->output;
{loads}    const uint8_t *selection = batch->selection;
    wasmudf__log_slot = &batch->log;
    wasmudf__log_fresh = 1;
    if (selection == 0) {{
        for (uint32_t i = 0; i < rows; i++) {{ wasmudf__row_logged = 0; {store}; }}
    }} else {{
        for (uint32_t i = 0; i < rows; i++) if (selection[i]) {{ wasmudf__row_logged = 0; {store}; }}
    }}
    return 0;
}}
"#
    ));
    source
}

/// The prologue both kinds share after the user's file: the runtime, the log and the division
/// checks.
fn runtime_source() -> String {
    let mut source = format!("#line 1 \"{GENERATED_FILE}\"\n");
    source.push_str(&format!(
        "#define WASMUDF__LOG_BYTES {GUEST_LOG_BYTES}u\n#define WASMUDF__ROW_LOG_BYTES {ROW_LOG_BYTES}u\n"
    ));
    source.push_str(RUNTIME);
    source.push_str(LOG_RUNTIME);
    source.push_str(DIVISION_CHECKS);
    source
}

/// An aggregate's translation unit. The user's file comes first, since it defines the state type
/// the prototypes after it name: a part whose C types differ from them is a "conflicting types"
/// error. The exports are the `wasmudf_agg_*` set of `docs/abi.md`; each batch function calls the
/// user's part directly in its loop, so clang inlines it.
fn aggregate_wrapper_source(signature: &UdfSignature, defines_init: bool) -> String {
    let arity = signature.params().len();
    let [step_prototype, merge_prototype, finish_prototype] = signature.aggregate_prototypes();
    let (state, step, merge, finish, init) = (
        signature.part_name("state"),
        signature.part_name("step"),
        signature.part_name("merge"),
        signature.part_name("finish"),
        signature.part_name("init"),
    );
    let mut source = String::new();
    source.push_str("#include <wasmudf.h>\n#include <stdio.h>\n");
    source.push_str(&format!("#include \"{USER_FILE}\"\n"));
    source.push_str(&runtime_source());
    source.push_str(&format!(
        "{step_prototype};\n{merge_prototype};\n{finish_prototype};\ntypedef {state} wasmudf__state;\n"
    ));
    let init_call = if defines_init {
        source.push_str(&format!("void {init}({state} *state);\n"));
        format!("{init}(&states[i]);")
    } else {
        String::new()
    };
    let out_type = signature.returns().c_name();
    let args = if arity == 0 {
        String::new()
    } else {
        format!(" const void *args[{arity}];")
    };
    let mut loads = String::new();
    let mut call_args = vec!["&states[groups[i]]".to_string()];
    for (index, param) in signature.params().iter().enumerate() {
        let c_type = param.sql_type.c_name();
        loads.push_str(&format!(
            "    const {c_type} *restrict a{index} = (const {c_type} *)batch->args[{index}];\n"
        ));
        call_args.push(format!("a{index}[i]"));
    }
    let step_call = format!("{step}({})", call_args.join(", "));
    let finish_store = match signature.returns() {
        SqlType::Boolean => format!("out[i] = {finish}(&states[i]) ? 1 : 0"),
        _ => format!("out[i] = {finish}(&states[i])"),
    };
    source.push_str(&format!(
        r#"void *realloc(void *pointer, size_t size);
static wasmudf__state *wasmudf__states;

__attribute__((export_name("wasmudf_agg_state_size")))
int32_t wasmudf_agg_state_size(void) {{ return (int32_t)sizeof(wasmudf__state); }}

__attribute__((export_name("wasmudf_agg_grow")))
uint32_t wasmudf_agg_grow(uint32_t capacity) {{
    if (capacity == 0 || capacity > 0x7fffffffu / sizeof(wasmudf__state)) return 0;
    void *grown = realloc(wasmudf__states, (size_t)capacity * sizeof(wasmudf__state));
    if (!grown) return 0;
    wasmudf__states = grown;
    return (uint32_t)(uintptr_t)grown;
}}

__attribute__((export_name("wasmudf_agg_init")))
int32_t wasmudf_agg_init(wasmudf__state *states, uint32_t count) {{
    for (uint32_t i = 0; i < count; i++) {{ __builtin_memset(&states[i], 0, sizeof(wasmudf__state)); {init_call} }}
    return 0;
}}

struct wasmudf__update {{ uint32_t rows; const uint8_t *selection; const uint32_t *groups;{args} uint32_t log; }};
__attribute__((export_name("wasmudf_agg_update")))
int32_t wasmudf_agg_update(struct wasmudf__update *batch, wasmudf__state *states) {{
    const uint32_t rows = batch->rows;
    const uint32_t *restrict groups = batch->groups;
{loads}    const uint8_t *selection = batch->selection;
    wasmudf__log_slot = &batch->log;
    wasmudf__log_fresh = 1;
    if (selection == 0) {{
        for (uint32_t i = 0; i < rows; i++) {{ wasmudf__row_logged = 0; {step_call}; }}
    }} else {{
        for (uint32_t i = 0; i < rows; i++) if (selection[i]) {{ wasmudf__row_logged = 0; {step_call}; }}
    }}
    return 0;
}}

struct wasmudf__merge {{ uint32_t rows; const uint8_t *selection; const uint32_t *groups; const wasmudf__state *incoming; uint32_t log; }};
__attribute__((export_name("wasmudf_agg_merge")))
int32_t wasmudf_agg_merge(struct wasmudf__merge *batch, wasmudf__state *states) {{
    const uint32_t rows = batch->rows;
    const uint32_t *restrict groups = batch->groups;
    const wasmudf__state *restrict incoming = batch->incoming;
    const uint8_t *selection = batch->selection;
    wasmudf__log_slot = &batch->log;
    wasmudf__log_fresh = 1;
    for (uint32_t i = 0; i < rows; i++) {{
        if (selection && !selection[i]) continue;
        wasmudf__row_logged = 0;
        {merge}(&states[groups[i]], &incoming[i]);
    }}
    return 0;
}}

struct wasmudf__finish {{ uint32_t rows; const uint8_t *selection; {out_type} *output; uint32_t log; }};
__attribute__((export_name("wasmudf_agg_finish")))
int32_t wasmudf_agg_finish(struct wasmudf__finish *batch, const wasmudf__state *states) {{
    const uint32_t rows = batch->rows;
    {out_type} *restrict out = batch->output;
    const uint8_t *selection = batch->selection;
    wasmudf__log_slot = &batch->log;
    wasmudf__log_fresh = 1;
    for (uint32_t i = 0; i < rows; i++) {{
        if (selection && !selection[i]) continue;
        wasmudf__row_logged = 0;
        {finish_store};
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

/// The log behind `printf` and kin (see `stdio.h`): a buffer in the guest's own memory whose
/// address the guest writes into the descriptor's log word on its first line of a call; the host
/// reads it after the call, trapped or not. No host function is involved.
const LOG_RUNTIME: &str = r#"
int vsnprintf(char *__restrict buffer, size_t size, const char *__restrict format, va_list args);
struct wasmudf__log { uint32_t len; uint32_t truncated; char text[WASMUDF__LOG_BYTES]; };
static struct wasmudf__log wasmudf__log_buffer;
static uint32_t *wasmudf__log_slot;
static int wasmudf__log_fresh;
/* Bytes the current row wrote; past WASMUDF__ROW_LOG_BYTES once its cut is marked. */
static uint32_t wasmudf__row_logged;

/* Appends n bytes of text (of `wanted`: more were meant when wanted > n). */
static void wasmudf__log_bytes(const char *text, size_t n, size_t wanted) {
    struct wasmudf__log *log = &wasmudf__log_buffer;
    if (wasmudf__log_fresh) {
        wasmudf__log_fresh = 0;
        log->len = 0;
        log->truncated = 0;
        if (wasmudf__log_slot) *wasmudf__log_slot = (uint32_t)(uintptr_t)log;
    }
    if (wasmudf__row_logged > WASMUDF__ROW_LOG_BYTES) return;
    size_t row_room = WASMUDF__ROW_LOG_BYTES - wasmudf__row_logged;
    int cut = wanted > row_room;
    if (n > row_room) n = row_room;
    if (n > WASMUDF__LOG_BYTES - log->len) { n = WASMUDF__LOG_BYTES - log->len; log->truncated = 1; }
    __builtin_memcpy(log->text + log->len, text, n);
    log->len += n;
    wasmudf__row_logged += n;
    if (cut) {
        static const char mark[] = " [cut: 1 KiB per row]\n";
        if (sizeof mark - 1 <= WASMUDF__LOG_BYTES - log->len) {
            __builtin_memcpy(log->text + log->len, mark, sizeof mark - 1);
            log->len += sizeof mark - 1;
        } else {
            log->truncated = 1;
        }
        wasmudf__row_logged = WASMUDF__ROW_LOG_BYTES + 1;
    }
}

static int wasmudf__log_format(const char *__restrict format, va_list args, int newline) {
    char line[WASMUDF__ROW_LOG_BYTES + 2];
    int n = vsnprintf(line, WASMUDF__ROW_LOG_BYTES + 1, format, args);
    if (n < 0) return n;
    size_t kept = (size_t)n <= WASMUDF__ROW_LOG_BYTES ? (size_t)n : WASMUDF__ROW_LOG_BYTES;
    size_t wanted = (size_t)n;
    if (newline && (kept == 0 || line[kept - 1] != '\n')) { line[kept++] = '\n'; wanted++; }
    wasmudf__log_bytes(line, kept, wanted);
    return n;
}

int vprintf(const char *__restrict format, va_list args) { return wasmudf__log_format(format, args, 0); }
int printf(const char *__restrict format, ...) {
    va_list args; va_start(args, format); int n = wasmudf__log_format(format, args, 0); va_end(args); return n;
}
int fprintf(FILE *__restrict stream, const char *__restrict format, ...) {
    (void)stream;
    va_list args; va_start(args, format); int n = wasmudf__log_format(format, args, 0); va_end(args); return n;
}
void wasmudf_log(const char *format, ...) {
    va_list args; va_start(args, format); wasmudf__log_format(format, args, 1); va_end(args);
}
int fputs(const char *__restrict text, FILE *__restrict stream) {
    (void)stream;
    size_t n = __builtin_strlen(text);
    wasmudf__log_bytes(text, n, n);
    return 0;
}
int puts(const char *text) { fputs(text, stdout); wasmudf__log_bytes("\n", 1, 1); return 0; }
int putchar(int c) { char byte = (char)c; wasmudf__log_bytes(&byte, 1, 1); return (unsigned char)c; }
int fputc(int c, FILE *stream) { (void)stream; return putchar(c); }
int putc(int c, FILE *stream) { (void)stream; return putchar(c); }
int fflush(FILE *stream) { (void)stream; return 0; }
"#;

/// Integer division that C leaves undefined (by zero, `INT_MIN / -1`) traps as the hardware
/// division would, in every spelling. The module is compiled with
/// `-fsanitize=integer-divide-by-zero,signed-integer-overflow` in recover mode, which checks every
/// `/` and `%` before clang can fold or rewrite it and calls the handlers below. The division
/// handler logs the line and traps with Wasm's own division trap, so the host reports it as
/// `division_by_zero` or `integer_overflow`; the other overflow handlers do nothing (signed
/// `+ - *` keep wrapping as before), and being empty, clang deletes their checks.
const DIVISION_CHECKS: &str = r#"
struct wasmudf__ubsan_type { uint16_t kind; uint16_t info; char name[]; };
struct wasmudf__ubsan_overflow { const char *file; uint32_t line; uint32_t column; const struct wasmudf__ubsan_type *type; };
#define WASMUDF__UNCHECKED __attribute__((no_sanitize("integer-divide-by-zero", "signed-integer-overflow")))

WASMUDF__UNCHECKED static void wasmudf__log_number(uint32_t value) {
    char digits[10];
    int n = 0;
    do { digits[9 - n++] = (char)('0' + value % 10); value /= 10; } while (value);
    wasmudf__log_bytes(digits + 10 - n, (size_t)n, (size_t)n);
}

WASMUDF__UNCHECKED __attribute__((noinline))
void __ubsan_handle_divrem_overflow(const struct wasmudf__ubsan_overflow *data, uintptr_t lhs, uintptr_t rhs) {
    (void)lhs;
    uint32_t bits = 1u << (data->type->info >> 1);
    int by_zero = 1;
    if (bits <= 32) {
        by_zero = (uint32_t)rhs == 0;
    } else {
        const unsigned char *bytes = (const unsigned char *)rhs;
        for (uint32_t i = 0; i < bits / 8; i++) if (bytes[i]) by_zero = 0;
    }
    static const char zero[] = "integer division by zero at line ";
    static const char overflow[] = "integer overflow (the minimum divided by -1) at line ";
    if (by_zero) wasmudf__log_bytes(zero, sizeof zero - 1, sizeof zero - 1);
    else wasmudf__log_bytes(overflow, sizeof overflow - 1, sizeof overflow - 1);
    wasmudf__log_number(data->line);
    wasmudf__log_bytes(", column ", 9, 9);
    wasmudf__log_number(data->column);
    wasmudf__log_bytes("\n", 1, 1);
    /* The quotient is stored, so the division cannot be deleted: it traps here. */
    volatile int32_t divisor = by_zero ? 0 : -1;
    volatile int32_t dividend = INT32_MIN;
    volatile int32_t quotient = dividend / divisor;
    (void)quotient;
    __builtin_trap();
}
WASMUDF__UNCHECKED void __ubsan_handle_add_overflow(const void *data, uintptr_t a, uintptr_t b) { (void)data; (void)a; (void)b; }
WASMUDF__UNCHECKED void __ubsan_handle_sub_overflow(const void *data, uintptr_t a, uintptr_t b) { (void)data; (void)a; (void)b; }
WASMUDF__UNCHECKED void __ubsan_handle_mul_overflow(const void *data, uintptr_t a, uintptr_t b) { (void)data; (void)a; (void)b; }
WASMUDF__UNCHECKED void __ubsan_handle_negate_overflow(const void *data, uintptr_t a) { (void)data; (void)a; }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_declares_the_signature_before_the_users_file() {
        let signature: UdfSignature = "calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT"
            .parse()
            .unwrap();
        let source = wrapper_source(&signature, false);
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
        assert!(wrapper_source(&signature, false).contains("out[i] = keep(a0[i]) ? 1 : 0"));
    }

    #[test]
    fn an_aggregate_wrapper_declares_its_parts_after_the_users_file() {
        let signature: UdfSignature = "AGGREGATE wavg(x DOUBLE, w DOUBLE) RETURNS DOUBLE".parse().unwrap();
        let source = wrapper_source(&signature, false);
        let include = source.find("#include \"udf.c\"").unwrap();
        let step = source
            .find("void wavg_step(wavg_state *state, double x, double w);")
            .unwrap();
        assert!(include < step);
        assert!(source.contains("wavg_step(&states[groups[i]], a0[i], a1[i])"));
        assert!(source.contains("wavg_merge(&states[groups[i]], &incoming[i])"));
        assert!(source.contains("out[i] = wavg_finish(&states[i])"));
        assert!(!source.contains("wasmudf_run"));
        assert!(!source.contains("wavg_init"));
        assert!(wrapper_source(&signature, true).contains("wavg_init(&states[i]);"));
    }
}
