/** A small typed client of /api/v1. Every call carries the tenant's token. */
import type {
  Column,
  DatasetInfo,
  DatasetList,
  DatasetSchema,
  Diagnostic,
  ErrorBody,
  Execution,
  ExecutionBody,
  ExecutionCreated,
  FunctionBody,
  FunctionInfo,
  FunctionList,
  Table,
  UploadedDataset,
  ExecutionList,
} from "./types";

/** An error answered by the API: `{code, message}`, plus compiler diagnostics when it has them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

export class Api {
  constructor(
    private readonly token: string,
    private readonly base = "/api/v1",
  ) {}

  private async request<T>(method: string, path: string, body?: BodyInit, json = true): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (json && body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body });
    } catch {
      throw new ApiError(0, "network", "the server cannot be reached");
    }
    if (!response.ok) {
      let code = "http_" + response.status;
      let message = response.statusText || `HTTP ${response.status}`;
      let diagnostics: Diagnostic[] = [];
      try {
        const error = (await response.json()) as Partial<ErrorBody>;
        code = error.code ?? code;
        message = error.message ?? message;
        diagnostics = error.diagnostics ?? [];
      } catch {
        // Not JSON: keep the status line.
      }
      throw new ApiError(response.status, code, message, diagnostics);
    }
    if (response.status === 204 || response.status === 202 && method === "DELETE") return undefined as T;
    return (await response.json()) as T;
  }

  async datasets(): Promise<DatasetInfo[]> {
    return (await this.request<DatasetList>("GET", "/datasets")).datasets;
  }

  async schema(name: string): Promise<Column[]> {
    return (await this.request<DatasetSchema>("GET", `/datasets/${encodeURIComponent(name)}/schema`)).columns;
  }

  rows(name: string, offset: number, limit: number): Promise<Table> {
    return this.request("GET", `/datasets/${encodeURIComponent(name)}/rows?offset=${offset}&limit=${limit}`);
  }

  upload(file: File, name?: string): Promise<UploadedDataset> {
    const form = new FormData();
    form.append("file", file);
    if (name) form.append("name", name);
    return this.request("POST", "/datasets", form, false);
  }

  deleteDataset(name: string): Promise<void> {
    return this.request("DELETE", `/datasets/${encodeURIComponent(name)}`);
  }

  execute(request: ExecutionBody): Promise<ExecutionCreated> {
    return this.request("POST", "/executions", JSON.stringify(request));
  }

  status(id: string): Promise<Execution> {
    return this.request("GET", `/executions/${encodeURIComponent(id)}`);
  }

  /** The tenant's executions, newest first; `before` is the previous page's `next`. */
  history(before?: string, limit = 20): Promise<ExecutionList> {
    const older = before ? `&before=${encodeURIComponent(before)}` : "";
    return this.request("GET", `/executions?limit=${limit}${older}`);
  }

  cancel(id: string): Promise<void> {
    return this.request("DELETE", `/executions/${id}`);
  }

  results(id: string, offset: number, limit: number): Promise<Table> {
    return this.request("GET", `/executions/${id}/results?offset=${offset}&limit=${limit}`);
  }

  functions(): Promise<FunctionList> {
    return this.request("GET", "/functions");
  }

  function(name: string): Promise<FunctionInfo> {
    return this.request("GET", `/functions/${encodeURIComponent(name)}`);
  }

  saveFunction(body: FunctionBody): Promise<FunctionInfo> {
    return this.request("POST", "/functions", JSON.stringify(body));
  }

  deleteFunction(name: string): Promise<void> {
    return this.request("DELETE", `/functions/${encodeURIComponent(name)}`);
  }

  /** What the execution's functions printed (printf, puts, wasmudf_log); "" if nothing. */
  async log(id: string): Promise<string> {
    const response = await fetch(`${this.base}/executions/${id}/log`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new ApiError(response.status, "log", `the log cannot be read (HTTP ${response.status})`);
    return response.text();
  }

  /** A download link for a result file; the token travels in the fetch, not the URL. */
  async download(id: string, format: "csv" | "parquet"): Promise<Blob> {
    const response = await fetch(`${this.base}/executions/${id}/results.${format}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new ApiError(response.status, "download", `download failed (HTTP ${response.status})`);
    return response.blob();
  }
}
