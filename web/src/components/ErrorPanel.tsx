import type { Diagnostic } from "../types";

const TITLES: Record<string, string> = {
  compile_error: "Compile error",
  division_by_zero: "Division by zero",
  time_limit: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  stack_overflow: "Stack overflow",
  out_of_bounds: "Out-of-bounds memory access",
  invalid_utf8: "Invalid UTF-8 returned",
  invalid_output: "Invalid output returned",
  limit: "Limit reached",
  interrupted: "Interrupted",
  cancelled: "Cancelled",
  too_many_compiles: "Too many compiles",
  too_many_executions: "Too many executions",
  unknown_column: "Unknown column",
  type_mismatch: "Type mismatch",
  not_found: "Not found",
};

interface Props {
  title?: string;
  code: string;
  message: string;
  diagnostics?: Diagnostic[];
  row?: number;
  values?: Record<string, string>;
}

/** What went wrong, in the user's terms: the kind, the message, the row and its values, or the
 * compiler's diagnostics with their lines. */
export function ErrorPanel({ title, code, message, diagnostics = [], row, values }: Props) {
  return (
    <div className="error-panel" role="alert" data-kind={code}>
      <h3>{title ?? TITLES[code] ?? code.replace(/_/g, " ")}</h3>
      {diagnostics.length > 0 ? (
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
      {row !== undefined && (
        <div className="failing-row">
          <span>At row {row}</span>
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
