/**
 * Starter functions: the paper's numeric MAP, a FILTER, two string functions and an aggregate. Their C is
 * the text of `examples/*.c`, imported as is, so the page, the CLI's docs and the tests share
 * one copy; the function name is read from that text.
 */
import adjustedBalance from "../../examples/calculate_adj_bal.c?raw";
import rich from "../../examples/rich.c?raw";
import domain from "../../examples/domain.c?raw";
import initials from "../../examples/initials.c?raw";
import wavg from "../../examples/wavg.c?raw";
import { aggregateFunction, entryFunction } from "./lib/cSource";
import type { Operation, SqlType } from "./types";

export interface Template {
  id: string;
  title: string;
  description: string;
  /** The one non-static function `source` defines (an aggregate: the name of its parts). */
  functionName: string;
  operation: Operation;
  returns: SqlType;
  /** Columns of the demo `accounts` dataset it is written for, in parameter order. */
  columns: string[];
  /** The example's file name under `examples/`. */
  file: string;
  source: string;
}

type Metadata = Omit<Template, "functionName">;

function template(metadata: Metadata): Template {
  const entry = metadata.operation === "AGGREGATE" ? aggregateFunction(metadata.source) : entryFunction(metadata.source);
  return { ...metadata, functionName: entry?.name ?? "" };
}

export const TEMPLATES: Template[] = [
  template({
    id: "paper-map",
    title: "Adjusted balance (MAP)",
    description: "The paper's example: balance × rate + balance / 1000, as FLOAT.",
    operation: "MAP",
    returns: "FLOAT",
    columns: ["balance", "rate"],
    file: "calculate_adj_bal.c",
    source: adjustedBalance,
  }),
  template({
    id: "filter",
    title: "Rich accounts (FILTER)",
    description: "Keeps the rows whose balance is above 90,000.",
    operation: "FILTER",
    returns: "BOOLEAN",
    columns: ["balance"],
    file: "rich.c",
    source: rich,
  }),
  template({
    id: "string",
    title: "Email domain (STRING)",
    description: "Returns the part of an email address after the @, without copying.",
    operation: "MAP",
    returns: "STRING",
    columns: ["email"],
    file: "domain.c",
    source: domain,
  }),
  template({
    id: "initials",
    title: "Initials (STRING)",
    description: "Builds new strings: first and last name to initials, “F.D.”.",
    operation: "MAP",
    returns: "STRING",
    columns: ["firstName", "lastName"],
    file: "initials.c",
    source: initials,
  }),
  template({
    id: "aggregate",
    title: "Weighted average (AGGREGATE)",
    description: "A state and step / merge / finish: Σ balance × rate / Σ rate, per group of the columns chosen to group by.",
    operation: "AGGREGATE",
    returns: "DOUBLE",
    columns: ["balance", "rate"],
    file: "wavg.c",
    source: wavg,
  }),
];
