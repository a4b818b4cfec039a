/**
 * The API's shapes, taken from `api.gen.ts`: the types openapi-typescript generates from
 * `web/openapi.json`, the server's OpenAPI document (`npm run gen:api` regenerates them; `npm test`
 * fails when they are stale). Only what the document leaves loose is written here.
 */
import type { components } from "./api.gen";

type Schemas = components["schemas"];

/** A column of a dataset or result: its name and SQL type. */
export type Column = Schemas["ColumnInfo"];
export type DatasetInfo = Schemas["DatasetInfo"];
export type DatasetList = Schemas["DatasetList"];
/** `GET /datasets/{name}/schema`. */
export type DatasetSchema = Schemas["Schema"];
export type UploadedDataset = Schemas["UploadedDataset"];

/** One value of a row: the document says only "object", the server sends JSON scalars. */
export type Cell = string | number | boolean | null;

/** A page of rows, with its cells typed (`Table.rows` is `object[][]` in the document). */
export type Table = Omit<Schemas["Table"], "rows"> & { rows: Cell[][] };

/** A compiler message: line and column count from 1. */
export type Diagnostic = Schemas["DiagnosticView"];
export type DiagnosticSeverity = Schemas["DiagnosticSeverity"];

/** The body of every error response. */
export type ErrorBody = Schemas["ErrorBody"];

/** What ended a failed (or cancelled) execution. */
export type ErrorKind = Schemas["ErrorKind"];
export type ExecutionError = Schemas["ExecutionError"];
/** Where an execution is in its life: queued → compiling → running → succeeded | failed | cancelled. */
export type ExecutionStatus = Schemas["ExecutionStatus"];
/** An execution as `GET /executions/{id}` shows it. */
export type Execution = Schemas["Execution"];
export type ExecutionCreated = Schemas["ExecutionCreated"];
/** `GET /executions`: a page of the tenant's history, newest first. */
export type ExecutionList = Schemas["ExecutionList"];
export type ExecutionSummary = Schemas["ExecutionSummary"];

/** `GET /executions/{id}/histogram`: a result column's spread over the whole result. */
export type Histogram = Schemas["Histogram"];
export type HistogramBin = Schemas["HistogramBin"];

export type FunctionInfo = Schemas["FunctionInfo"];
export type FunctionList = Schemas["FunctionList"];
export type FunctionBody = Schemas["FunctionBody"];

/** The body of `POST /executions`: a MAP/FILTER/AGGREGATE request or `{sql}`, every field optional. */
export type ExecutionBody = Schemas["ExecutionBody"];

/** The SQL types a UDF returns; the document has them only as a free string. */
export type SqlType =
  | "INTEGER"
  | "BIGINT"
  | "FLOAT"
  | "DOUBLE"
  | "BOOLEAN"
  | "STRING"
  | "DATE"
  | "TIMESTAMP"
  | `DECIMAL(${number}, ${number})`
  | "BINARY";
export const RETURN_TYPES: SqlType[] = [
  "INTEGER",
  "BIGINT",
  "FLOAT",
  "DOUBLE",
  "BOOLEAN",
  "STRING",
  "DATE",
  "TIMESTAMP",
  "DECIMAL(18, 2)",
  "DECIMAL(38, 10)",
  "BINARY",
];

/** The operations of a request; the document has them only as a free string. */
export type Operation = "MAP" | "FILTER" | "AGGREGATE";

/** The fields of `ExecutionBody` a MAP/FILTER request must carry. */
type RequestField = "program" | "data" | "operation" | "function_name" | "input_column_names" | "output_column_type";

/**
 * A MAP/FILTER request as the page sends it: `ExecutionBody` without `sql`, with the fields it
 * needs required (indexing `ExecutionBody` fails to compile when the document drops one) and its
 * free strings narrowed to what the page offers.
 */
export type ExecutionRequest = Omit<ExecutionBody, "sql" | RequestField> & {
  [K in RequestField]: NonNullable<ExecutionBody[K]>;
} & { operation: Operation; output_column_type: SqlType };

/** An SQL request. */
export type SqlRequest = { sql: NonNullable<ExecutionBody["sql"]> };

/** Whether each status is final: a status added to the document fails to compile here. */
const FINISHED: Record<ExecutionStatus, boolean> = {
  queued: false,
  compiling: false,
  running: false,
  succeeded: true,
  failed: true,
  cancelled: true,
};

export function isFinished(status: ExecutionStatus): boolean {
  return FINISHED[status];
}
