import { useEffect, useMemo, useState } from "react";
import { Api } from "../api";
import type { Column, DatasetInfo, FunctionInfo } from "../types";
import { sqlFunctionCompletions, sqlSchema } from "../lib/completions";
import { useExecution } from "../useExecution";
import { CodeEditor } from "./CodeEditor";
import { ExecutionView } from "./ExecutionView";
import { HistoryPanel } from "./HistoryPanel";
import { isGuestFailure } from "./ErrorPanel";
import { loadDraft, readState, replaceQuery, saveDraft, writeState } from "../lib/pageState";

interface Props {
  api: Api;
  /** Keys this tenant's drafts in the browser. */
  tenant: string;
  datasets: DatasetInfo[];
  functions: FunctionInfo[];
}

export const STARTER = `-- Every dataset is a table; every saved function can be called by name.
-- Names are case-sensitive: quote mixed-case ones, as "firstName".
-- Functions can also be defined inline:
--   CREATE FUNCTION twice(x BIGINT) RETURNS BIGINT LANGUAGE c AS 'int64_t twice(int64_t x) { return 2 * x; }';
SELECT id, "firstName", balance, rate
FROM accounts
ORDER BY balance DESC
LIMIT 100
`;

/** SQL over the tenant's datasets, calling its saved functions. */
export function SqlTab({ api, tenant, datasets, functions }: Props) {
  const [sql, setSql] = useState(() => loadDraft(tenant, "sql") ?? STARTER);
  const execution = useExecution(api);
  const executionId = execution.status?.id ?? null;

  // `/sql?execution=ID` reopens a SQL execution: its text and its result.
  useEffect(() => {
    if (!window.location.pathname.startsWith("/sql")) return;
    const id = readState(window.location.search).execution;
    if (!id) return;
    api.status(id).then(
      (opened) => {
        if (opened.request?.sql) setSql(opened.request.sql);
        void execution.follow(id);
      },
      () => undefined,
    );
    // Once, on load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => saveDraft(tenant, "sql", sql), [tenant, sql]);
  useEffect(() => {
    if (window.location.pathname.startsWith("/sql") && executionId) replaceQuery(writeState({ execution: executionId }));
  }, [executionId]);
  // Every table with its columns, for completion: each dataset's schema, fetched again only when
  // the set of names changes (the list is refreshed after every upload and run).
  const [tables, setTables] = useState<Record<string, Column[]>>({});
  const names = datasets.map((d) => d.name).join("\n");
  useEffect(() => {
    let live = true;
    const list = names === "" ? [] : names.split("\n");
    Promise.all(
      list.map((name) =>
        api.schema(name).then(
          (columns) => [name, columns] as const,
          () => [name, [] as Column[]] as const,
        ),
      ),
    ).then((entries) => live && setTables(Object.fromEntries(entries)));
    return () => {
      live = false;
    };
  }, [api, names]);
  const schema = useMemo(() => sqlSchema(tables), [tables]);
  const functionNames = useMemo(() => sqlFunctionCompletions(functions), [functions]);
  const run = () => {
    if (!execution.busy && sql.trim()) void execution.start({ sql });
  };
  // A syntax error (refused) or an engine error with a position, marked in the editor.
  // A function's failure carries a line of its C, not of the SQL: not marked here.
  const failure = execution.status?.error;
  const diagnostics =
    execution.refused?.diagnostics ?? (failure && !isGuestFailure(failure.kind) ? failure.diagnostics : null) ?? [];
  return (
    <div className="workspace">
      <aside className="sidebar">
        <section className="panel" aria-label="Tables">
          <h2>Tables</h2>
          <ul className="plain mono">
            {datasets.map((d) => (
              <li key={d.name}>{d.name}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-label="Functions">
          <h2>Your functions</h2>
          {functions.length === 0 ? (
            <p className="muted small">Save functions on the Function tab to call them here.</p>
          ) : (
            <ul className="plain mono small">
              {functions.map((f) => (
                <li key={f.name}>{f.signature}</li>
              ))}
            </ul>
          )}
        </section>
        <HistoryPanel api={api} refreshKey={`${executionId}:${execution.status?.status ?? ""}`} />
      </aside>
      <main className="main">
        <section className="card">
          <CodeEditor
            language="sql"
            label="SQL"
            value={sql}
            onChange={setSql}
            onRun={run}
            sqlSchema={schema}
            completions={functionNames}
            diagnostics={diagnostics}
          />
          <div className="actions">
            <button type="button" className="primary" onClick={run} disabled={execution.busy}>
              {execution.busy ? "Running…" : "Run SQL"}
            </button>
            <span className="muted small">Ctrl+Enter runs. The last statement's result is shown.</span>
          </div>
        </section>
        <ExecutionView
          api={api}
          execution={execution}
        />
      </main>
    </div>
  );
}
