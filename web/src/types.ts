/** The API's shapes (see /api/v1/openapi.json). */

export type SqlType = "INTEGER" | "BIGINT" | "FLOAT" | "DOUBLE" | "BOOLEAN" | "STRING";
export const RETURN_TYPES: SqlType[] = ["INTEGER", "BIGINT", "FLOAT", "DOUBLE", "BOOLEAN", "STRING"];

export type Operation = "MAP" | "FILTER";

export interface Column {
  name: string;
  type: string;
}

export interface DatasetInfo {
  name: string;
  format: string;
  bytes: number;
  shared: boolean;
  owned: boolean;
}

export type Cell = string | number | boolean | null;

export interface Table {
  columns: Column[];
  rows: Cell[][];
  total_rows: number;
}

export interface Diagnostic {
  severity: "error" | "warning" | "note";
  line: number | null;
  column: number | null;
  message: string;
}

export interface ExecutionError {
  kind: string;
  message: string;
  function?: string;
  row?: number;
  values?: Record<string, string>;
  diagnostics?: Diagnostic[];
}

export type ExecutionState = "queued" | "compiling" | "running" | "succeeded" | "failed" | "cancelled";

export interface ExecutionStatus {
  id: string;
  status: ExecutionState;
  progress: { rows_in: number; rows_processed: number };
  timings: { compile_ms: number | null; run_ms: number | null };
  error: ExecutionError | null;
  created_at: string;
}

export interface ExecutionRequest {
  program: string;
  data: string;
  operation: Operation;
  function_name: string;
  input_column_names: string[];
  output_column_name?: string;
  output_column_type: SqlType;
}

export interface FunctionInfo {
  name: string;
  version: number;
  language: string;
  signature: string;
  digest: string;
  created_at: string;
  source?: string;
  warnings?: Diagnostic[];
}

export function isFinished(state: ExecutionState): boolean {
  return state === "succeeded" || state === "failed" || state === "cancelled";
}
