/*
 * wasmudf.h — the C guest API of wasmudf.
 *
 * Included implicitly in every C UDF (an explicit `#include <wasmudf.h>` also works).
 * You write ONE scalar function; wasmudf generates the per-batch loop that calls it, so
 * clang can inline and vectorize it. See docs/abi.md for the full contract.
 *
 *   SQL type   C type
 *   INT        int32_t
 *   BIGINT     int64_t
 *   FLOAT      float
 *   DOUBLE     double
 *   BOOLEAN    bool
 *   STRING     wasmudf_str   (NOT NUL-terminated: use .len)
 */
#ifndef WASMUDF_H
#define WASMUDF_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* A UTF-8 string slice. Input strings point into the batch's input buffers; a returned
 * string must point into an input string or into memory from wasmudf_alloc(), and stays
 * valid until the batch ends. Returned bytes must be valid UTF-8, or the query fails. */
typedef struct wasmudf_str {
    const char *ptr;
    int32_t len;
} wasmudf_str;

/* Allocates n bytes that live until the end of the current batch (then all are freed at
 * once). Never returns NULL: running out of memory ends the query with a memory-limit error. */
void *wasmudf_alloc(size_t n);

/* Writes one line to the execution's log (printf's format; a newline is added when missing).
 * printf, puts and fprintf from <stdio.h> write there too. The log keeps 1 KiB per row and
 * 64 KiB per execution, marking what it cuts; it costs nothing when nothing prints. */
void wasmudf_log(const char *format, ...) __attribute__((__format__(__printf__, 1, 2)));

/* Builds a wasmudf_str from a pointer and a length. */
static inline wasmudf_str wasmudf_str_from(const char *ptr, int32_t len) {
    wasmudf_str s = { ptr, len };
    return s;
}

/* Builds a wasmudf_str from a NUL-terminated string (e.g. a literal); the NUL is not included. */
static inline wasmudf_str wasmudf_str_lit(const char *cstr) {
    int32_t len = 0;
    while (cstr[len] != '\0') len++;
    return wasmudf_str_from(cstr, len);
}

#endif /* WASMUDF_H */
