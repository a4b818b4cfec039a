import { useCallback, useEffect, useState } from "react";
import { Api, type ResultOrder } from "../api";
import type { Column, Histogram } from "../types";
import type { ExecutionTracker } from "../useExecution";
import { formatCount, formatDuration, rowsPerSecond } from "../lib/format";
import { ResultsGrid } from "./ResultsGrid";
import { HistogramChart } from "./HistogramChart";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  api: Api;
  /** The execution to show, as `useExecution` follows it. */
  execution: ExecutionTracker;
  /** The column the function produced (MAP), highlighted and charted. */
  resultColumn?: string;
  /** FILTER: rows_processed counts kept rows, so progress against the input is unknown. */
  filter?: boolean;
  /** Shows the row a function failed on in the dataset's grid (when the server named it). */
  onShowRow?: () => void;
}

/** Progress while an execution runs; then its statistics, results, downloads and histogram. */
export function ExecutionView({ api, execution, resultColumn, filter, onShowRow }: Props) {
  const { status, refused, busy, cancel: onCancel } = execution;
  // Time since the page started waiting, shown while it runs.
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const started = performance.now();
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed((performance.now() - started) / 1000), 100);
    return () => window.clearInterval(timer);
  }, [busy]);
  const [columns, setColumns] = useState<Column[]>([]);
  const [totalRows, setTotalRows] = useState(0);
  const [chart, setChart] = useState<Histogram | null>(null);
  const succeeded = status?.status === "succeeded" ? status.id : null;
  const [log, setLog] = useState("");
  const ended =
    status && (status.status === "succeeded" || status.status === "failed" || status.status === "cancelled")
      ? status.id
      : null;

  useEffect(() => {
    setLog("");
    if (!ended) return;
    api.log(ended).then(setLog, () => setLog(""));
  }, [api, ended]);

  useEffect(() => {
    setColumns([]);
    setTotalRows(0);
    setChart(null);
    if (!succeeded) return;
    api.results(succeeded, 0, 1).then((page) => {
      setColumns(page.columns);
      setTotalRows(page.total_rows);
    });
  }, [api, succeeded]);

  // Charted over the whole result by the server: the result column, else the last one.
  const chartColumn = columns.some((c) => c.name === resultColumn) ? resultColumn : columns[columns.length - 1]?.name;
  useEffect(() => {
    if (!succeeded || !chartColumn) return;
    let live = true;
    api.histogram(succeeded, chartColumn).then(
      (histogram) => live && setChart(histogram),
      () => live && setChart(null),
    );
    return () => {
      live = false;
    };
  }, [api, succeeded, chartColumn]);

  // A header click sorts the whole result on the server: ascending, descending, unsorted.
  const [order, setOrder] = useState<ResultOrder | null>(null);
  useEffect(() => setOrder(null), [succeeded]);
  const sortBy = useCallback(
    (column: string) =>
      setOrder((old) => (old?.column !== column ? { column, desc: false } : old.desc ? null : { column, desc: true })),
    [],
  );
  const loadRows = useCallback(
    async (offset: number, limit: number) =>
      succeeded ? (await api.results(succeeded, offset, limit, order ?? undefined)).rows : [],
    [api, succeeded, order],
  );

  const download = async (format: "csv" | "parquet") => {
    if (!succeeded) return;
    const blob = await api.download(succeeded, format);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `result-${succeeded.slice(0, 8)}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  if (refused) return <ErrorPanel code={refused.code} message={refused.message} diagnostics={refused.diagnostics} />;
  if (!status && !busy) return null;

  const state = status?.status ?? "queued";
  const running = state === "queued" || state === "compiling" || state === "running";
  const rowsIn = status?.progress.rows_in ?? 0;
  const processed = status?.progress.rows_processed ?? 0;
  const fraction = !filter && state === "running" && rowsIn > 0 ? Math.min(1, processed / rowsIn) : null;
  const speed = rowsPerSecond(rowsIn || processed, status?.timings.run_ms ?? null);

  return (
    <section className="execution" aria-live="polite">
      {running && (
        <div className="progress-block">
          <div className="progress-label">
            <span>{state === "running" ? "Running" : state === "compiling" ? "Compiling to WebAssembly" : "Queued"}…</span>
            {state === "running" && <span>{formatCount(processed)} rows</span>}
            <span className="muted" data-testid="elapsed">
              {elapsed.toFixed(1)} s
            </span>
            <button type="button" className="secondary small-button" onClick={onCancel}>
              Cancel
            </button>
          </div>
          <div
            className={`progress${fraction === null ? " indeterminate" : ""}`}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
          >
            <div className="progress-fill" style={{ width: fraction === null ? undefined : `${fraction * 100}%` }} />
          </div>
        </div>
      )}
      {status && !running && (
        <dl className="stats" data-testid="stats">
          <div>
            <dt>Status</dt>
            <dd className={`status status-${state}`}>{state}</dd>
          </div>
          <div>
            <dt>Compile</dt>
            <dd>{formatDuration(status.timings.compile_ms)}</dd>
          </div>
          <div>
            <dt>Run</dt>
            <dd>{formatDuration(status.timings.run_ms)}</dd>
          </div>
          <div>
            <dt>Rows in</dt>
            <dd>{formatCount(status.progress.rows_in || null)}</dd>
          </div>
          <div>
            <dt>Rows out</dt>
            <dd>{formatCount(status.progress.rows_processed)}</dd>
          </div>
          <div>
            <dt>Rows/s</dt>
            <dd>{speed === null ? "–" : formatCount(speed)}</dd>
          </div>
        </dl>
      )}
      {status?.error && state !== "succeeded" && (
        <ErrorPanel
          title={state === "cancelled" ? "Cancelled" : undefined}
          code={status.error.kind}
          message={status.error.message}
          diagnostics={status.error.diagnostics}
          row={status.error.row}
          tableRow={status.error.table_row}
          values={status.error.values}
          onShowRow={status.error.table_row != null ? onShowRow : undefined}
        />
      )}
      {log && (
        <details className="guest-log" open>
          <summary>
            Output of <code>printf</code> ({formatCount(log.split("\n").filter((line) => line !== "").length)} lines)
          </summary>
          <pre data-testid="guest-log">{log}</pre>
        </details>
      )}
      {succeeded && columns.length > 0 && (
        <>
          <div className="result-actions">
            <h3>Result</h3>
            <button type="button" onClick={() => download("csv")}>
              Download CSV
            </button>
            <button type="button" onClick={() => download("parquet")}>
              Download Parquet
            </button>
          </div>
          <div className="result-body">
            <ResultsGrid
              columns={columns}
              totalRows={totalRows}
              loadRows={loadRows}
              highlight={resultColumn}
              order={order}
              onSort={sortBy}
            />
            {chart && <HistogramChart histogram={chart} />}
          </div>
        </>
      )}
    </section>
  );
}
