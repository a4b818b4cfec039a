/** What the editors offer as you type: C's types and wasmudf's helpers, the dataset's columns,
 * SQL's tables with their columns and the tenant's saved functions. */
import type { Completion } from "@codemirror/autocomplete";
import type { Column } from "../types";

/** The C type a column's values arrive as (the Help drawer's table). */
export function cTypeOf(sqlType: string): string {
  const upper = sqlType.toUpperCase();
  if (upper.startsWith("DECIMAL")) return "wasmudf_decimal";
  const types: Record<string, string> = {
    INT: "int32_t",
    INTEGER: "int32_t",
    BIGINT: "int64_t",
    FLOAT: "float",
    DOUBLE: "double",
    BOOLEAN: "bool",
    STRING: "wasmudf_str",
    BINARY: "wasmudf_bytes",
    DATE: "wasmudf_date",
    TIMESTAMP: "wasmudf_timestamp",
  };
  return types[upper] ?? "int64_t";
}

const C_TYPES: Completion[] = [
  ["int32_t", "INT"],
  ["int64_t", "BIGINT"],
  ["float", "FLOAT"],
  ["double", "DOUBLE"],
  ["bool", "BOOLEAN"],
  ["wasmudf_str", "STRING: { const char *ptr; int32_t len; }"],
  ["wasmudf_bytes", "BINARY: { const uint8_t *ptr; int32_t len; }"],
  ["wasmudf_date", "DATE: days since 1970-01-01"],
  ["wasmudf_timestamp", "TIMESTAMP: microseconds since the epoch"],
  ["wasmudf_decimal", "DECIMAL(p, s): the value × 10^s"],
].map(([label, detail]) => ({ label, detail, type: "type" }));

const C_HELPERS: Completion[] = [
  ["wasmudf_str_from", "(const char *ptr, int32_t len) → wasmudf_str"],
  ["wasmudf_str_lit", "(const char *cstr) → wasmudf_str"],
  ["wasmudf_alloc", "(size_t n) → void*, freed when the batch ends"],
  ["wasmudf_decimal_to_double", "(wasmudf_decimal value, int scale) → double"],
  ["wasmudf_decimal_from_double", "(double value, int scale) → wasmudf_decimal"],
  ["wasmudf_decimal_rescale", "(wasmudf_decimal value, int from, int to)"],
  ["wasmudf_date_from_ymd", "(int32_t year, int32_t month, int32_t day) → wasmudf_date"],
  ["wasmudf_date_to_ymd", "(wasmudf_date date, int32_t *year, int32_t *month, int32_t *day)"],
  ["wasmudf_timestamp_date", "(wasmudf_timestamp t) → wasmudf_date"],
  ["printf", "(const char *format, ...): to the execution's log"],
  ["strlen", "(const char *s)"],
  ["memcpy", "(void *to, const void *from, size_t n)"],
  ["memcmp", "(const void *a, const void *b, size_t n)"],
  ["sqrt", "(double x), with #include <math.h>"],
  ["fabs", "(double x), with #include <math.h>"],
  ["round", "(double x), with #include <math.h>"],
].map(([label, detail]) => ({ label, detail, type: "function" }));

/** C completions: the types, the helpers, and each column as a parameter of its C type. */
export function cCompletions(columns: Column[]): Completion[] {
  const parameters = columns.map((column) => ({
    label: column.name,
    detail: `${cTypeOf(column.type)} (column ${column.type})`,
    type: "variable",
    boost: 1,
  }));
  return [...parameters, ...C_TYPES, ...C_HELPERS];
}

export interface SavedFunctionName {
  name: string;
  signature: string;
}

/** SQL completions beyond tables and columns: the tenant's saved functions, called by name. */
export function sqlFunctionCompletions(functions: SavedFunctionName[]): Completion[] {
  return functions.map((f) => ({
    label: f.name,
    detail: f.signature.replace(/^(AGGREGATE\s+)?[^(]*/, "$1"),
    type: "function",
    apply: `${f.name}(`,
  }));
}

/** SQL's schema for completion: each table with its columns, mixed-case names quoted as SQL
 * needs them (an unquoted name is folded to lower case). */
export function sqlSchema(tables: Record<string, Column[]>): Record<string, Completion[]> {
  const quoted = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
  return Object.fromEntries(
    Object.entries(tables).map(([table, columns]) => [
      table,
      columns.map((column) => ({ label: quoted(column.name), detail: column.type, type: "property" })),
    ]),
  );
}
