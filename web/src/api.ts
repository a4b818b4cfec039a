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
  Histogram,
  Table,
  UploadedDataset,
  ExecutionList,
} from "./types";

/** A result's sort: by one column, largest first when `desc`. */
export interface ResultOrder {
  column: string;
  desc: boolean;
}

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

  /** Uploads a file as a dataset; `onProgress` hears the fraction sent (0 to 1). */
  upload(file: File, name?: string, onProgress?: (fraction: number) => void): Promise<UploadedDataset> {
    const form = new FormData();
    form.append("file", file);
    if (name) form.append("name", name);
    if (!onProgress) return this.request("POST", "/datasets", form, false);
    // fetch cannot report an upload's progress; XMLHttpRequest can.
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", `${this.base}/datasets`);
      request.setRequestHeader("Authorization", `Bearer ${this.token}`);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onerror = () => reject(new ApiError(0, "network", "the server cannot be reached"));
      request.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(request.responseText);
        } catch {
          // Not JSON: keep the status line.
        }
        if (request.status >= 200 && request.status < 300) {
          resolve(body as UploadedDataset);
          return;
        }
        const error = (body ?? {}) as Partial<ErrorBody>;
        reject(
          new ApiError(
            request.status,
            error.code ?? `http_${request.status}`,
            error.message ?? (request.statusText || `HTTP ${request.status}`),
            error.diagnostics ?? [],
          ),
        );
      };
      request.send(form);
    });
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
    return this.request("DELETE", `/executions/${encodeURIComponent(id)}`);
  }

  /** A page of a result; `order` sorts the whole result by a column first. */
  results(id: string, offset: number, limit: number, order?: ResultOrder): Promise<Table> {
    const sort = order ? `&order_by=${encodeURIComponent(order.column)}&desc=${order.desc}` : "";
    return this.request("GET", `/executions/${encodeURIComponent(id)}/results?offset=${offset}&limit=${limit}${sort}`);
  }

  functions(): Promise<FunctionList> {
    return this.request("GET", "/functions");
  }

  function(name: string): Promise<FunctionInfo> {
    return this.request("GET", `/functions/${encodeURIComponent(name)}`);
  }

  /** Every version of a saved function, newest first, with their sources. */
  async functionVersions(name: string): Promise<FunctionInfo[]> {
    return (await this.request<FunctionList>("GET", `/functions/${encodeURIComponent(name)}/versions`)).functions;
  }

  saveFunction(body: FunctionBody): Promise<FunctionInfo> {
    return this.request("POST", "/functions", JSON.stringify(body));
  }

  deleteFunction(name: string): Promise<void> {
    return this.request("DELETE", `/functions/${encodeURIComponent(name)}`);
  }

  /** How a result column spreads over the whole result; its last column when none is named. */
  histogram(id: string, column?: string, bins = 20): Promise<Histogram> {
    const named = column ? `&column=${encodeURIComponent(column)}` : "";
    return this.request("GET", `/executions/${encodeURIComponent(id)}/histogram?bins=${bins}${named}`);
  }

  /** What the execution's functions printed (printf, puts, wasmudf_log); "" if nothing. */
  async log(id: string): Promise<string> {
    const response = await fetch(`${this.base}/executions/${encodeURIComponent(id)}/log`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new ApiError(response.status, "log", `the log cannot be read (HTTP ${response.status})`);
    return response.text();
  }

  /** A download link for a result file; the token travels in the fetch, not the URL. */
  async download(id: string, format: "csv" | "parquet"): Promise<Blob> {
    const response = await fetch(`${this.base}/executions/${encodeURIComponent(id)}/results.${format}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new ApiError(response.status, "download", `download failed (HTTP ${response.status})`);
    return response.blob();
  }
}
