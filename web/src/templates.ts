/** Starter functions: the paper's numeric MAP, a FILTER and a string function. */
import type { Operation, SqlType } from "./types";

export interface Template {
  id: string;
  title: string;
  description: string;
  functionName: string;
  operation: Operation;
  returns: SqlType;
  /** Columns of the demo `accounts` dataset it is written for. */
  columns: string[];
  source: string;
}

export const TEMPLATES: Template[] = [
  {
    id: "paper-map",
    title: "Adjusted balance (MAP)",
    description: "The paper's example: balance × rate + balance / 1000, as FLOAT.",
    functionName: "calculate_adj_bal",
    operation: "MAP",
    returns: "FLOAT",
    columns: ["balance", "rate"],
    source: `float calculate_adj_bal(int balance, float rate) {
    return (balance * rate) + balance / 1000;
}
`,
  },
  {
    id: "filter",
    title: "Rich accounts (FILTER)",
    description: "Keeps the rows whose balance is above 90,000.",
    functionName: "is_rich",
    operation: "FILTER",
    returns: "BOOLEAN",
    columns: ["balance"],
    source: `bool is_rich(int64_t balance) {
    return balance > 90000;
}
`,
  },
  {
    id: "string",
    title: "Email domain (STRING)",
    description: "Returns the part of an email address after the @.",
    functionName: "email_domain",
    operation: "MAP",
    returns: "STRING",
    columns: ["email"],
    source: `// A STRING is a wasmudf_str {ptr, len}, not NUL-terminated.
// The result may point into the input: nothing is copied.
#include <string.h>

wasmudf_str email_domain(wasmudf_str email) {
    const char *at = memchr(email.ptr, '@', (size_t)email.len);
    if (!at) return wasmudf_str_from(email.ptr, 0);
    return wasmudf_str_from(at + 1, (int32_t)(email.ptr + email.len - (at + 1)));
}
`,
  },
];
