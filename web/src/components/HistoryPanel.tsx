import { useCallback, useEffect, useState } from "react";
import { Api } from "../api";
import type { ExecutionSummary } from "../types";
import { executionLink } from "../lib/pageState";

interface Props {
  api: Api;
  /** Changes when the caller starts an execution, so the list shows it. */
  refreshKey?: string | null;
}

/** What an execution was, in a few words: `MAP calculate_adj_bal on accounts`, or its SQL. */
function describe(execution: ExecutionSummary): string {
  if (execution.operation === "SQL") return execution.sql || "SQL";
  const on = execution.data ? ` on ${execution.data}` : "";
  return `${execution.operation} ${execution.function_name ?? ""}${on}`;
}

/**
 * The tenant's executions, newest first, a page at a time. Each is a link that reopens it with
 * its code and results (the same link can be shared with anyone who has this tenant's token).
 */
export function HistoryPanel({ api, refreshKey }: Props) {
  const [executions, setExecutions] = useState<ExecutionSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    (before?: string) => {
      api.history(before).then(
        (page) => {
          setExecutions((old) => (before ? [...old, ...page.executions] : page.executions));
          setNext(page.next ?? null);
          setProblem(null);
        },
        (error: Error) => setProblem(error.message),
      );
    },
    [api],
  );

  useEffect(() => load(), [load, refreshKey]);

  return (
    <section className="panel" aria-label="History">
      <h2>History</h2>
      {problem && <p className="error-text small">{problem}</p>}
      {executions.length === 0 && !problem ? (
        <p className="muted small">Your executions appear here; open one to see its code and results again.</p>
      ) : (
        <ul className="list history">
          {executions.map((execution) => (
            <li key={execution.id}>
              <a className="list-item" href={executionLink(execution.id, execution.operation === "SQL")} data-execution={execution.id}>
                <span className="item-title">
                  <span className={`status-dot ${execution.status}`} aria-label={execution.status} title={execution.status} />
                  {describe(execution)}
                </span>
                <span className="item-meta">
                  {execution.created_at} · {execution.status}
                  {execution.status === "succeeded" ? ` · ${execution.rows_out.toLocaleString()} rows` : ""}
                  {execution.error_kind ? ` · ${execution.error_kind.replace(/_/g, " ")}` : ""}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" className="link small" onClick={() => load(next)}>
          Older executions
        </button>
      )}
    </section>
  );
}
