import type { Diagnostic, ErrorKind } from "../types";

/** The user-facing title of each kind of execution error: a kind added to the API's `ErrorKind`
 * fails to compile here until it has one. */
const KIND_TITLES: Record<ErrorKind, string> = {
  bad_request: "Request cannot run",
  compile_error: "Compile error",
  division_by_zero: "Division by zero",
  integer_overflow: "Integer overflow",
  out_of_bounds: "Out-of-bounds memory access",
  stack_overflow: "Stack overflow",
  time_limit: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  abort: "Aborted",
  bad_conversion: "Float does not fit the integer",
  bad_indirect_call: "Bad function pointer call",
  guest_status: "Function reported a failure",
  invalid_utf8: "Invalid UTF-8 returned",
  invalid_output: "Invalid output returned",
  argument_out_of_range: "Value does not fit the parameter",
  trap: "Function failed",
  limit: "Limit reached",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
  unavailable: "Unavailable, retry later",
  execution_error: "Execution failed",
  internal: "Internal server error",
};

function isErrorKind(code: string): code is ErrorKind {
  return Object.hasOwn(KIND_TITLES, code);
}

interface Props {
  /** Overrides the title the kind gives (a refused request's `code` is not an `ErrorKind`). */
  title?: string;
  /** An execution error's `ErrorKind`, or the code of a refused request. */
  code: ErrorKind | (string & {});
  message: string;
  diagnostics?: Diagnostic[] | null;
  row?: number | null;
  /** The failing row as the dataset counts it, from 1. */
  tableRow?: number | null;
  values?: Record<string, string> | null;
  /** Shows the failing row in the dataset's grid. */
  onShowRow?: () => void;
}

/** Titles for the codes of requests refused before they ran (the rest: the code in words). */
const REFUSAL_TITLES: Record<string, string> = {
  sql_syntax_error: "The SQL does not parse",
  statement_not_allowed: "This statement is not allowed here",
  sql_too_large: "The SQL is too long",
  sql_too_deep: "The SQL nests too deep",
  unknown_column: "No such column",
  column_exists: "The result column's name is taken",
  type_mismatch: "A column does not fit the function",
  bad_type: "Unknown type",
  bad_operation: "Unknown operation",
  missing_field: "Something is missing",
  program_too_large: "The program is too long",
  compile_error: "The function does not compile",
  too_many_executions: "Too many executions at once",
  too_many_compiles: "Too many compiles in a short time",
  not_found: "Not found",
};

/** What went wrong, in the user's terms: the kind, the message, the row and its values, or the
 * compiler's diagnostics with their lines. */
/** Failures of the function itself, while it ran: their diagnostic is the line of C it failed on,
 * beside the message. Every other kind's diagnostics (a compiler's, a SQL parser's) are listed. */
const GUEST_KINDS = new Set<string>([
  "division_by_zero",
  "integer_overflow",
  "out_of_bounds",
  "stack_overflow",
  "time_limit",
  "memory_limit",
  "abort",
  "bad_conversion",
  "bad_indirect_call",
  "guest_status",
  "invalid_utf8",
  "invalid_output",
  "argument_out_of_range",
  "trap",
]);

/** Whether an error is the function's own failure while it ran (its diagnostics are lines of C). */
export function isGuestFailure(code: string): boolean {
  return GUEST_KINDS.has(code);
}

export function ErrorPanel({ title, code, message, diagnostics, row, tableRow, values, onShowRow }: Props) {
  const listed = diagnostics && diagnostics.length > 0 && !isGuestFailure(code);
  const line = isGuestFailure(code) ? diagnostics?.find((d) => d.line != null) : undefined;
  return (
    <div className="error-panel" role="alert" data-kind={code}>
      <h3>{title ?? (isErrorKind(code) ? KIND_TITLES[code] : (REFUSAL_TITLES[code] ?? code.replace(/_/g, " ")))}</h3>
      {listed ? (
        <ul className="diagnostics">
          {diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic ${d.severity}`}>
              <span className="where">{d.line != null ? `line ${d.line}${d.column != null ? `:${d.column}` : ""}` : d.severity}</span>
              <span>{d.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="message">{message}</p>
      )}
      {line && (
        <p className="failing-line" data-testid="failing-line">
          At line {line.line}
          {line.column != null ? `, column ${line.column}` : ""} of your C (marked in the editor)
        </p>
      )}
      {(tableRow != null || row != null) && (
        <div className="failing-row">
          {tableRow != null ? (
            <span data-testid="failing-row">
              Row {tableRow.toLocaleString("en-US")} of the dataset
              {onShowRow && (
                <button type="button" className="secondary small-button show-row" onClick={onShowRow}>
                  Show row {tableRow.toLocaleString("en-US")}
                </button>
              )}
            </span>
          ) : (
            <span title="Counted from 1 within the batch of rows the engine passed to the function; the values identify the row">
              Row {(row ?? 0) + 1} of its batch
            </span>
          )}
          {values && (
            <table>
              <tbody>
                {Object.entries(values).map(([name, value]) => (
                  <tr key={name}>
                    <th>{name}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
