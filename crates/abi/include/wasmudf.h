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
 *   STRING     wasmudf_str        (NOT NUL-terminated: use .len)
 *   DATE       wasmudf_date       (int32_t: days since 1970-01-01)
 *   TIMESTAMP  wasmudf_timestamp  (int64_t: microseconds since 1970-01-01 00:00:00 UTC)
 *   DECIMAL    wasmudf_decimal    (__int128: the value times 10^scale, e.g. 12.34 in
 *                                  DECIMAL(10, 2) is 1234)
 *   BINARY     wasmudf_bytes      (bytes: a pointer and a length, any values)
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

/* Bytes: like wasmudf_str, without the UTF-8 rule. A returned value must point into an input
 * or into memory from wasmudf_alloc(). */
typedef struct wasmudf_bytes {
    const uint8_t *ptr;
    int32_t len;
} wasmudf_bytes;

/* Days since 1970-01-01 (negative before it). */
typedef int32_t wasmudf_date;
/* Microseconds since 1970-01-01 00:00:00 UTC. */
typedef int64_t wasmudf_timestamp;
/* A DECIMAL(p, s) value times 10^s. */
typedef __int128 wasmudf_decimal;

#define WASMUDF_MICROS_PER_DAY ((int64_t)86400000000)

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

/* 10^n for 0 <= n <= 38 (a DECIMAL's scale factor). */
static inline wasmudf_decimal wasmudf_pow10(int n) {
    wasmudf_decimal result = 1;
    while (n-- > 0) result *= 10;
    return result;
}

/* A DECIMAL value of scale `scale` as a double (rounded to the nearest double). */
static inline double wasmudf_decimal_to_double(wasmudf_decimal value, int scale) {
    return (double)value / (double)wasmudf_pow10(scale);
}

/* A double as a DECIMAL value of scale `scale`, rounded half away from zero. */
static inline wasmudf_decimal wasmudf_decimal_from_double(double value, int scale) {
    double scaled = value * (double)wasmudf_pow10(scale);
    return (wasmudf_decimal)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

/* `value` from scale `from` to scale `to`; a smaller scale rounds half away from zero. */
static inline wasmudf_decimal wasmudf_decimal_rescale(wasmudf_decimal value, int from, int to) {
    if (to >= from) return value * wasmudf_pow10(to - from);
    wasmudf_decimal factor = wasmudf_pow10(from - to);
    wasmudf_decimal half = factor / 2;
    return (value < 0 ? value - half : value + half) / factor;
}

/* The date of a (proleptic Gregorian) year, month (1-12) and day (1-31). */
static inline wasmudf_date wasmudf_date_from_ymd(int32_t year, int32_t month, int32_t day) {
    /* Howard Hinnant's days_from_civil. */
    year -= month <= 2;
    const int32_t era = (year >= 0 ? year : year - 399) / 400;
    const int32_t yoe = year - era * 400;
    const int32_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The year, month (1-12) and day (1-31) of a date. */
static inline void wasmudf_date_to_ymd(wasmudf_date date, int32_t *year, int32_t *month, int32_t *day) {
    /* Howard Hinnant's civil_from_days. */
    const int32_t z = date + 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (*month <= 2);
}

/* The date a timestamp falls on (UTC). */
static inline wasmudf_date wasmudf_timestamp_date(wasmudf_timestamp timestamp) {
    int64_t days = timestamp / WASMUDF_MICROS_PER_DAY;
    if (timestamp % WASMUDF_MICROS_PER_DAY < 0) days -= 1;
    return (wasmudf_date)days;
}

#endif /* WASMUDF_H */
