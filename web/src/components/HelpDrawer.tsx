interface Props {
  onClose: () => void;
}

const TYPES: [string, string, string][] = [
  ["INT", "int32_t", ""],
  ["BIGINT", "int64_t", ""],
  ["FLOAT", "float", ""],
  ["DOUBLE", "double", ""],
  ["BOOLEAN", "bool", ""],
  ["STRING", "wasmudf_str", "{ const char *ptr; int32_t len; } — not NUL-terminated"],
  ["BINARY", "wasmudf_bytes", "{ const uint8_t *ptr; int32_t len; }"],
  ["DATE", "wasmudf_date", "int32_t days since 1970-01-01"],
  ["TIMESTAMP", "wasmudf_timestamp", "int64_t microseconds since the epoch, UTC"],
  ["DECIMAL(p, s)", "wasmudf_decimal", "__int128, the value × 10^s"],
];

/** What a newcomer needs beside the editor: types, NULLs, strings, aggregates, limits, keys. */
export function HelpDrawer({ onClose }: Props) {
  return (
    <aside className="help-drawer" role="dialog" aria-label="Help">
      <div className="help-head">
        <h2>Writing a function</h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <h3>Types</h3>
      <table className="reference-fields">
        <thead>
          <tr>
            <th>SQL</th>
            <th>C</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {TYPES.map(([sql, c, note]) => (
            <tr key={sql}>
              <td className="mono">{sql}</td>
              <td className="mono">{c}</td>
              <td className="muted">{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Parameter types are read off your C definition, in order, and matched to the columns you click. A BIGINT
        column reaches an <code>int32_t</code> checked value by value; a DOUBLE never reaches an integer silently.
      </p>
      <h3>NULLs</h3>
      <p className="small">
        A row with a NULL in any input is NULL in a MAP and dropped by a FILTER; your function is not called for it.
      </p>
      <h3>Strings</h3>
      <p className="small">
        Return <code>wasmudf_str_from(ptr, len)</code> pointing into an input or into memory from{" "}
        <code>wasmudf_alloc(n)</code>, which lives until the batch ends. Results must be UTF-8.
      </p>
      <h3>Aggregates</h3>
      <p className="small">
        Define <code>f_state</code> and <code>f_step(state, args…)</code>, <code>f_merge(state, other)</code>,{" "}
        <code>f_finish(state)</code>; choose AGGREGATE and the columns to group by. An empty group is NULL.
      </p>
      <h3>Debugging and limits</h3>
      <p className="small">
        <code>printf</code> writes to the execution's log, shown beside the results (1 KiB per row, 64 KiB per run).
        Each call of your function has a time and a memory limit. A function that fails (division by zero, an
        out-of-bounds access, <code>abort()</code>, ...) names the dataset's row, which the page shows in the dataset's
        grid, with its input values, and marks the line of C it failed on. No files, network, clock or randomness
        exist inside a function.
      </p>
      <h3>Keys</h3>
      <p className="small">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs; <kbd>Ctrl</kbd>+<kbd>Space</kbd> completes: in C the dataset's columns
        with their C types, the types and wasmudf's helpers; in SQL tables, columns (mixed case quoted) and your saved
        functions. Click a result column's header to sort the whole result; the histogram beside it covers every row.
      </p>
    </aside>
  );
}
