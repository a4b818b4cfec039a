import { useEffect, useMemo, useRef, useState } from "react";
import { Api, ApiError } from "../api";
import type { Column, DatasetInfo, Diagnostic, FunctionInfo, Operation, SqlType } from "../types";
import { RETURN_TYPES } from "../types";
import { TEMPLATES, type Template } from "../templates";
import { useExecution } from "../useExecution";
import { CodeEditor } from "./CodeEditor";
import { ColumnPicker } from "./ColumnPicker";
import { DatasetPanel } from "./DatasetPanel";
import { DatasetPreview } from "./DatasetPreview";
import { ExecutionView } from "./ExecutionView";
import { FunctionsPanel } from "./FunctionsPanel";
import { HistoryPanel } from "./HistoryPanel";
import { loadDraft, readState, replaceQuery, saveDraft, writeState } from "../lib/pageState";
import { aggregateFunction, cFunctions, columnsForParameters, sqlTypeOfC } from "../lib/cSource";
import { cCompletions } from "../lib/completions";

interface Props {
  api: Api;
  /** Keys this tenant's drafts in the browser. */
  tenant: string;
  datasets: DatasetInfo[];
  functions: FunctionInfo[];
  refreshDatasets: (select?: string) => void;
  refreshFunctions: () => void;
}

const FIRST = TEMPLATES[0];

/** The paper's page: dataset, columns, C function, MAP, FILTER or AGGREGATE, return type, Execute. */
export function BuilderTab({ api, tenant, datasets, functions, refreshDatasets, refreshFunctions }: Props) {
  // What the URL says (a reload, a shared link), else the first template; the code is this
  // tenant's draft.
  const [initial] = useState(() => (window.location.pathname.startsWith("/sql") ? {} : readState(window.location.search)));
  const [dataset, setDataset] = useState<string | null>(initial.dataset ?? null);
  const [columns, setColumns] = useState<Column[]>([]);
  const [schemaError, setSchemaError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>(initial.columns ?? []);
  const [groupBy, setGroupBy] = useState<string[]>(initial.groupBy ?? []);
  const [functionName, setFunctionName] = useState(initial.functionName ?? FIRST.functionName);
  const [operation, setOperation] = useState<Operation>(
    (["MAP", "FILTER", "AGGREGATE"] as Operation[]).find((op) => op === initial.operation) ?? FIRST.operation,
  );
  const [returns, setReturns] = useState<SqlType>((initial.returns as SqlType | undefined) ?? FIRST.returns);
  const [outputName, setOutputName] = useState(initial.output ?? "");
  const [source, setSource] = useState(() => loadDraft(tenant, "c") ?? FIRST.source);
  /** The code as last loaded, saved or run: replacing anything else asks first. */
  const kept = useRef(source);
  const [saveDiagnostics, setSaveDiagnostics] = useState<Diagnostic[]>([]);
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const execution = useExecution(api);
  const executionId = execution.status?.id ?? null;

  // A link to an execution reopens it: its request fills the form, its results show.
  useEffect(() => {
    const id = initial.execution;
    if (!id) return;
    api.status(id).then((opened) => {
      const request = opened.request;
      if (request && !request.sql) {
        if (request.data) setDataset(request.data);
        setSelected(request.input_column_names ?? []);
        setGroupBy(request.group_by_column_names ?? []);
        if (request.function_name) setFunctionName(request.function_name);
        const op = (request.operation ?? "MAP").toUpperCase() as Operation;
        if (["MAP", "FILTER", "AGGREGATE"].includes(op)) setOperation(op);
        if (request.output_column_type) setReturns(request.output_column_type as SqlType);
        setOutputName(request.output_column_name ?? "");
        if (request.program !== undefined && request.program !== null) {
          setSource(request.program);
          kept.current = request.program;
        }
      }
      void execution.follow(id);
    }, (error: Error) => setNotice({ kind: "error", text: `Cannot open execution ${id}: ${error.message}` }));
    // Once, on load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The URL follows the form, so a reload or a copied link shows the same thing.
  useEffect(() => {
    if (window.location.pathname.startsWith("/sql")) return;
    replaceQuery(
      writeState({
        dataset: dataset ?? undefined,
        columns: selected,
        functionName,
        operation,
        returns: operation === "FILTER" ? undefined : returns,
        output: outputName,
        groupBy: operation === "AGGREGATE" ? groupBy : [],
        execution: executionId ?? undefined,
      }),
    );
  }, [dataset, selected, functionName, operation, returns, outputName, groupBy, executionId]);

  useEffect(() => saveDraft(tenant, "c", source), [tenant, source]);

  /** A dataset just uploaded: selected as soon as the list has it. */
  const arriving = useRef<string | null>(null);
  useEffect(() => {
    if (arriving.current) {
      if (!datasets.some((d) => d.name === arriving.current)) return;
      setDataset(arriving.current);
      arriving.current = null;
      return;
    }
    if (!dataset && datasets.length > 0) setDataset(datasets.find((d) => d.name === "accounts")?.name ?? datasets[0].name);
    if (dataset && datasets.length > 0 && !datasets.some((d) => d.name === dataset)) setDataset(datasets[0].name);
  }, [datasets, dataset]);

  useEffect(() => {
    setColumns([]);
    setSchemaError(null);
    if (!dataset) return;
    let live = true;
    api.schema(dataset).then(
      (cols) => {
        if (!live) return;
        setColumns(cols);
        setSelected((old) => old.filter((name) => cols.some((c) => c.name === name)));
        setGroupBy((old) => old.filter((name) => cols.some((c) => c.name === name)));
      },
      (error: Error) => live && setSchemaError(error.message),
    );
    return () => {
      live = false;
    };
  }, [api, dataset]);

  const diagnostics = useMemo(() => {
    const fromRun = execution.status?.error?.diagnostics ?? execution.refused?.diagnostics ?? [];
    return saveDiagnostics.length > 0 ? saveDiagnostics : fromRun;
  }, [execution.status, execution.refused, saveDiagnostics]);

  const cNames = useMemo(() => cCompletions(columns), [columns]);
  /** Counts "Show row" clicks: each scrolls the dataset's grid back to the failing row. */
  const [showRowTick, setShowRowTick] = useState(0);

  // Before a run the dataset's rows show; after a failure at a row of it, that row, marked.
  const showPreview = !execution.status && !execution.busy && !execution.refused;
  const failed = execution.status?.status === "failed" ? execution.status : null;
  const failedRow = failed?.error?.table_row != null && failed.request?.data === dataset ? failed.error.table_row : null;

  const effectiveReturns: SqlType = operation === "FILTER" ? "BOOLEAN" : returns;
  const namesColumn = operation === "MAP" || operation === "AGGREGATE";
  const resultColumn = namesColumn ? outputName.trim() || `${functionName}_RESULT` : undefined;
  // Why Execute cannot run yet, said beside it.
  const whyNot = !dataset
    ? "Choose a dataset first."
    : selected.length === 0
      ? "Click the columns to pass to the function, in parameter order."
      : functionName.trim() === ""
        ? "Name the function to call."
        : null;
  const canRun = whyNot === null && !execution.busy;

  // The return type follows the C definition as it is typed (the server reads it the same way).
  const declaredReturn = useMemo(() => {
    const name = functionName.trim();
    const entry =
      operation === "AGGREGATE"
        ? aggregateFunction(source)
        : cFunctions(source).find((f) => f.name === name && !f.isStatic);
    return entry && (operation !== "AGGREGATE" || entry.name === name) ? sqlTypeOfC(entry.returnType) : undefined;
  }, [source, functionName, operation]);
  useEffect(() => {
    if (declaredReturn && operation !== "FILTER") setReturns(declaredReturn);
  }, [declaredReturn, operation]);

  // Columns named like the parameters but picked in another order: likely swapped.
  const orderWarning = useMemo(() => {
    const name = functionName.trim();
    const entry =
      operation === "AGGREGATE" ? aggregateFunction(source) : cFunctions(source).find((f) => f.name === name);
    const params = (entry?.params ?? []).map((p) => p.split(/[\s*]+/).pop() ?? "");
    if (params.length !== selected.length || params.length < 2) return null;
    const same = [...params].sort().join(",") === [...selected].sort().join(",");
    if (!same || params.every((p, i) => p === selected[i])) return null;
    return `The function takes (${params.join(", ")}) but the columns are picked as (${selected.join(", ")}): click them in the parameter order.`;
  }, [source, functionName, operation, selected]);

  const run = () => {
    if (!canRun || !dataset) return;
    setSaveDiagnostics([]);
    setNotice(null);
    kept.current = source;
    void execution.start({
      program: source,
      data: dataset,
      operation,
      function_name: functionName.trim(),
      input_column_names: selected,
      output_column_type: effectiveReturns,
      ...(namesColumn && outputName.trim() ? { output_column_name: outputName.trim() } : {}),
      ...(operation === "AGGREGATE" ? { group_by_column_names: groupBy } : {}),
    });
  };

  const save = async () => {
    setNotice(null);
    setSaveDiagnostics([]);
    try {
      const saved = await api.saveFunction({ name: functionName.trim(), source, returns: effectiveReturns });
      kept.current = source;
      setNotice({ kind: "ok", text: `Saved ${saved.name} v${saved.version}: ${saved.signature}` });
      refreshFunctions();
    } catch (error) {
      if (error instanceof ApiError && error.diagnostics.length > 0) setSaveDiagnostics(error.diagnostics);
      setNotice({ kind: "error", text: (error as Error).message });
    }
  };

  /** Whether replacing the code loses nothing, or the user says it may. */
  const mayReplace = (what: string) =>
    source === kept.current ||
    TEMPLATES.some((t) => t.source === source) ||
    window.confirm(`Replace your unsaved code with ${what}? Your current code is not saved.`);

  const loadTemplate = (template: Template) => {
    if (!mayReplace(`the template “${template.title}”`)) return;
    kept.current = template.source;
    setFunctionName(template.functionName);
    setOperation(template.operation);
    setReturns(template.returns);
    setSource(template.source);
    setOutputName("");
    setSaveDiagnostics([]);
    if (columns.length > 0) setSelected(template.columns.filter((name) => columns.some((c) => c.name === name)));
  };

  const openFunction = async (name: string, version?: FunctionInfo) => {
    try {
      const saved = version ?? (await api.function(name));
      if (!mayReplace(`the saved function ${saved.name} v${saved.version}`)) return;
      kept.current = saved.source ?? "";
      setFunctionName(saved.name);
      setSource(saved.source ?? "");
      const declared = saved.signature.split(" RETURNS ").pop() as SqlType;
      if (RETURN_TYPES.includes(declared)) setReturns(declared);
      if (saved.signature.startsWith("AGGREGATE ")) setOperation("AGGREGATE");
      else setOperation(declared === "BOOLEAN" ? "FILTER" : "MAP");
      setSaveDiagnostics([]);
      // Its columns: the dataset's columns named as its parameters, in parameter order.
      const matched = columnsForParameters(saved.signature, columns);
      if (matched) setSelected(matched);
      setNotice({
        kind: "ok",
        text: `Opened ${saved.name} v${saved.version}${matched ? ` with columns ${matched.join(", ")}` : "; pick its columns"}.`,
      });
    } catch (error) {
      setNotice({ kind: "error", text: (error as Error).message });
    }
  };

  const deleteFunction = async (name: string) => {
    if (!window.confirm(`Delete ${name} and all its versions?`)) return;
    await api.deleteFunction(name).catch((error: Error) => setNotice({ kind: "error", text: error.message }));
    refreshFunctions();
  };

  return (
    <div className="workspace">
      <aside className="sidebar">
        <DatasetPanel
          api={api}
          datasets={datasets}
          selected={dataset}
          onSelect={(name) => setDataset(name)}
          onChanged={(select) => {
            if (select) arriving.current = select;
            refreshDatasets(select);
          }}
        />
        <FunctionsPanel
          api={api}
          functions={functions}
          onOpen={openFunction}
          onDelete={deleteFunction}
          onTemplate={loadTemplate}
        />
        <HistoryPanel api={api} refreshKey={`${executionId}:${execution.status?.status ?? ""}`} />
      </aside>
      <main className="main">
        <section className="card">
          <div className="card-title">
            <h2>{dataset ?? "No dataset"}</h2>
            <span className="muted small">Click columns in the order your function takes them.</span>
          </div>
          {schemaError ? <p className="error-text">{schemaError}</p> : <ColumnPicker columns={columns} selected={selected} onChange={setSelected} />}
          {orderWarning && (
            <p className="warning-text small" role="note">
              {orderWarning}
            </p>
          )}
          {operation === "AGGREGATE" && columns.length > 0 && (
            <div className="group-by">
              <span className="muted small">
                Group by (one result row per group; none: one row for the whole dataset). The aggregate defines{" "}
                <code>{functionName || "f"}_step</code>, <code>_merge</code> and <code>_finish</code>.
              </span>
              <ColumnPicker columns={columns} selected={groupBy} onChange={setGroupBy} label="Group by columns" />
            </div>
          )}
        </section>
        <section className="card">
          <div className="form-row">
            <label>
              Function name
              <input
                name="function_name"
                value={functionName}
                spellCheck={false}
                onChange={(e) => setFunctionName(e.target.value)}
              />
            </label>
            <fieldset className="segmented" aria-label="Operation">
              <legend>Operation</legend>
              {(["MAP", "FILTER", "AGGREGATE"] as Operation[]).map((op) => (
                <label key={op} className={operation === op ? "active" : undefined}>
                  <input
                    type="radio"
                    name="operation"
                    value={op}
                    checked={operation === op}
                    onChange={() => setOperation(op)}
                  />
                  {op}
                </label>
              ))}
            </fieldset>
            <label>
              Return type
              <select
                name="output_column_type"
                value={effectiveReturns}
                disabled={operation === "FILTER"}
                onChange={(e) => setReturns(e.target.value as SqlType)}
              >
                {RETURN_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            {namesColumn && (
              <label>
                Output column
                <input
                  name="output_column_name"
                  value={outputName}
                  placeholder={`${functionName || "f"}_RESULT`}
                  spellCheck={false}
                  onChange={(e) => setOutputName(e.target.value)}
                />
              </label>
            )}
          </div>
          <CodeEditor
            language="c"
            label="C source"
            value={source}
            onChange={setSource}
            diagnostics={diagnostics}
            onRun={run}
            completions={cNames}
          />
          <div className="actions">
            <button type="button" className="primary" onClick={run} disabled={!canRun} title={whyNot ?? undefined}>
              {execution.busy ? "Executing…" : "Execute Function"}
            </button>
            <button type="button" onClick={save} disabled={!functionName.trim()}>
              Save function
            </button>
            {whyNot ? (
              <span className="disabled-why" role="note">
                {whyNot}
              </span>
            ) : (
              <span className="muted small">Ctrl+Enter runs. The function is called once per batch of rows, in a sandbox.</span>
            )}
          </div>
          {notice && (
            <p className={notice.kind === "ok" ? "ok-text" : "error-text"} role="status">
              {notice.text}
            </p>
          )}
        </section>
        <ExecutionView
          api={api}
          execution={execution}
          resultColumn={resultColumn}
          filter={operation === "FILTER"}
          onShowRow={() => {
            setShowRowTick((tick) => tick + 1);
            document.getElementById("dataset-preview")?.scrollIntoView({ block: "start" });
          }}
        />
        {dataset && (showPreview || failedRow != null) && (
          <DatasetPreview api={api} dataset={dataset} columns={columns} focusRow={failedRow} focusKey={showRowTick} />
        )}
      </main>
    </div>
  );
}
