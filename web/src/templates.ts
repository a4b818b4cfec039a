/**
 * Starter functions: the paper's numeric MAP, a FILTER and two string functions. Their C is
 * the text of `examples/*.c`, imported as is, so the page, the CLI's docs and the tests share
 * one copy; the function name is read from that text.
 */
import adjustedBalance from "../../examples/calculate_adj_bal.c?raw";
import rich from "../../examples/rich.c?raw";
import domain from "../../examples/domain.c?raw";
import initials from "../../examples/initials.c?raw";
import { entryFunction } from "./lib/cSource";
import type { Operation, SqlType } from "./types";

export interface Template {
  id: string;
  title: string;
  description: string;
  /** The one non-static function `source` defines. */
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
  return { ...metadata, functionName: entryFunction(metadata.source)?.name ?? "" };
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
];
