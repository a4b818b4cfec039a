import { useCallback, useEffect, useMemo, useState } from "react";
import { Api, ApiError } from "./api";
import type { DatasetInfo, FunctionInfo } from "./types";
import { TOKEN_KEY, TokenGate } from "./components/TokenGate";
import { BuilderTab } from "./components/BuilderTab";
import { SqlTab } from "./components/SqlTab";
import { forgetDrafts, tenantKey } from "./lib/pageState";
import { ApiReference } from "./components/ApiReference";
import { HelpDrawer } from "./components/HelpDrawer";

type Tab = "function" | "sql" | "reference";

function tabOf(path: string): Tab {
  if (path.startsWith("/reference")) return "reference";
  return path.startsWith("/sql") ? "sql" : "function";
}

const PATHS: Record<Tab, string> = { function: "/", sql: "/sql", reference: "/reference" };

export function App() {
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const [tab, setTab] = useState<Tab>(() => tabOf(window.location.pathname));
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [functions, setFunctions] = useState<FunctionInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const api = useMemo(() => (token ? new Api(token) : null), [token]);

  const signOut = useCallback(() => {
    const current = localStorage.getItem(TOKEN_KEY);
    if (current) forgetDrafts(tenantKey(current));
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, []);

  const onError = useCallback(
    (error: Error) => {
      if (error instanceof ApiError && error.status === 401) signOut();
      else setProblem(error.message);
    },
    [signOut],
  );

  const refreshDatasets = useCallback(() => {
    api?.datasets().then(setDatasets, onError);
  }, [api, onError]);
  const refreshFunctions = useCallback(() => {
    api?.functions().then((list) => setFunctions(list.functions), onError);
  }, [api, onError]);

  useEffect(() => {
    refreshDatasets();
    refreshFunctions();
  }, [refreshDatasets, refreshFunctions]);

  useEffect(() => {
    const onPop = () => setTab(tabOf(window.location.pathname));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const go = (next: Tab) => {
    if (next === tab) return;
    setTab(next);
    window.history.pushState(null, "", PATHS[next]);
  };

  if (!api) return <TokenGate onToken={setToken} />;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          wasm<span>udf</span>
        </div>
        <nav className="tabs" aria-label="Views">
          <button type="button" className={tab === "function" ? "active" : undefined} onClick={() => go("function")}>
            Function
          </button>
          <button type="button" className={tab === "sql" ? "active" : undefined} onClick={() => go("sql")}>
            SQL
          </button>
        </nav>
        <div className="topbar-right">
          <button type="button" className="link" onClick={() => setHelp((open) => !open)} aria-expanded={help}>
            Help
          </button>
          <button type="button" className={`link${tab === "reference" ? " active" : ""}`} onClick={() => go("reference")}>
            API reference
          </button>
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      {problem && (
        <div className="banner error-text" role="alert">
          {problem}{" "}
          <button type="button" className="link" onClick={() => setProblem(null)}>
            dismiss
          </button>
        </div>
      )}
      {/* Both tabs stay mounted, so switching keeps each one's work. */}
      <div hidden={tab !== "function"}>
        <BuilderTab
          api={api}
          tenant={tenantKey(token ?? "")}
          datasets={datasets}
          functions={functions}
          refreshDatasets={refreshDatasets}
          refreshFunctions={refreshFunctions}
        />
      </div>
      {help && <HelpDrawer onClose={() => setHelp(false)} />}
      {tab === "reference" && <ApiReference />}
      <div hidden={tab !== "sql"}>
        <SqlTab api={api} tenant={tenantKey(token ?? "")} datasets={datasets} functions={functions} />
      </div>
    </div>
  );
}
