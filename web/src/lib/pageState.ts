/**
 * The page's state in its URL (what to show: tab, dataset, columns, function, operation, the
 * selected execution) and, per tenant, drafts of code in the browser's storage: a reload keeps
 * both, and a link opens the same execution for the same tenant.
 */

/** The builder's fields kept in the URL's query. */
export interface BuilderState {
  dataset?: string;
  columns?: string[];
  functionName?: string;
  operation?: string;
  returns?: string;
  output?: string;
  groupBy?: string[];
  execution?: string;
}

const KEYS: Record<keyof BuilderState, string> = {
  dataset: "dataset",
  columns: "columns",
  functionName: "function",
  operation: "operation",
  returns: "returns",
  output: "output",
  groupBy: "group_by",
  execution: "execution",
};

const LISTS = new Set<keyof BuilderState>(["columns", "groupBy"]);

/** The builder's state as the URL's query `search` holds it. */
export function readState(search: string): BuilderState {
  const params = new URLSearchParams(search);
  const state: BuilderState = {};
  for (const [field, key] of Object.entries(KEYS) as [keyof BuilderState, string][]) {
    const value = params.get(key);
    if (value === null) continue;
    if (LISTS.has(field)) (state[field] as string[]) = value === "" ? [] : value.split(",");
    else (state[field] as string) = value;
  }
  return state;
}

/** `state` as a query string (`?dataset=accounts&columns=balance,rate...`), empty fields left out. */
export function writeState(state: BuilderState): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(KEYS) as [keyof BuilderState, string][]) {
    const value = state[field];
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Replaces the current URL's query, keeping its path (no new history entry per keystroke). */
export function replaceQuery(query: string) {
  const url = `${window.location.pathname}${query}`;
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", url);
}

/** The link that reopens an execution: on the SQL tab for SQL, on the function tab otherwise. */
export function executionLink(id: string, sql: boolean): string {
  return `${sql ? "/sql" : "/"}?execution=${encodeURIComponent(id)}`;
}

/** A short, stable, non-secret name for a tenant's token, to key its drafts (FNV-1a). */
export function tenantKey(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** A draft (the C or SQL being written) kept per tenant in the browser. */
export function loadDraft(tenant: string, kind: "c" | "sql"): string | null {
  try {
    return localStorage.getItem(`wasmudf.draft.${tenant}.${kind}`);
  } catch {
    return null;
  }
}

export function saveDraft(tenant: string, kind: "c" | "sql", text: string) {
  try {
    localStorage.setItem(`wasmudf.draft.${tenant}.${kind}`, text);
  } catch {
    // A full or disabled storage loses the draft, not the page.
  }
}

/** Forgets a tenant's drafts (on sign-out: the next person at this browser does not see them). */
export function forgetDrafts(tenant: string) {
  try {
    for (const kind of ["c", "sql"]) localStorage.removeItem(`wasmudf.draft.${tenant}.${kind}`);
  } catch {
    // Nothing stored.
  }
}
