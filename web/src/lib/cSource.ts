/** Just enough C reading to find the functions a template's source defines. */
import type { SqlType } from "../types";

export interface CFunction {
  name: string;
  /** The return type as written, whitespace collapsed: `float`, `long long`, `wasmudf_str`. */
  returnType: string;
  /** The parameters as written, one entry each (empty for `()` and `(void)`). */
  params: string[];
  /** `static` functions are helpers: the engine cannot call them. */
  isStatic: boolean;
}

const NOT_A_NAME = new Set(["if", "for", "while", "switch", "return", "sizeof", "do", "else"]);

/** Drops comments and string/char literals, keeping line breaks. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/\/\/[^\n]*/g, "")
    .replace(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

/** The function definitions (not prototypes) at the start of a line in `source`. */
export function cFunctions(source: string): CFunction[] {
  const found: CFunction[] = [];
  const definition = /^[ \t]*((?:[A-Za-z_]\w*[ \t*]+)+?)\**[ \t]*([A-Za-z_]\w*)[ \t]*\(([^()]*)\)\s*\{/gm;
  for (const match of stripComments(source).matchAll(definition)) {
    const [, prefix, name, params] = match;
    if (NOT_A_NAME.has(name)) continue;
    const words = prefix.replace(/\*/g, " * ").trim().split(/\s+/);
    if (words.some((w) => NOT_A_NAME.has(w))) continue;
    const isStatic = words.includes("static");
    const returnType = words
      .filter((w) => !["static", "inline", "extern"].includes(w))
      .join(" ")
      .replace(/ \*/g, "*");
    const list = params.trim();
    found.push({
      name,
      returnType,
      params: list === "" || list === "void" ? [] : list.split(",").map((p) => p.trim()),
      isStatic,
    });
  }
  return found;
}

/** The one non-static function a UDF source defines, or undefined when there is not exactly one. */
export function entryFunction(source: string): CFunction | undefined {
  const exported = cFunctions(source).filter((f) => !f.isStatic);
  return exported.length === 1 ? exported[0] : undefined;
}

/**
 * The aggregate a source defines, when its non-static functions are exactly an aggregate's parts
 * (`<name>_step`, `<name>_merge`, `<name>_finish`, maybe `<name>_init`), as the server reads it:
 * its name, the step's parameters after the state, the finish's return type.
 */
export function aggregateFunction(source: string): CFunction | undefined {
  const exported = cFunctions(source).filter((f) => !f.isStatic);
  const step = exported.find((f) => f.name.endsWith("_step"));
  if (!step) return undefined;
  const name = step.name.slice(0, -"_step".length);
  const parts = ["step", "merge", "finish", "init"].map((part) => `${name}_${part}`);
  const finish = exported.find((f) => f.name === `${name}_finish`);
  if (!finish || !exported.every((f) => parts.includes(f.name))) return undefined;
  return { name, returnType: finish.returnType, params: step.params.slice(1), isStatic: false };
}

/** The SQL type of a C type, as the server's compiler maps it (`c_prototype.rs`). */
export function sqlTypeOfC(cType: string): SqlType | undefined {
  const words = cType
    .replace(/\*/g, " * ")
    .trim()
    .split(/\s+/)
    .filter((w) => !["const", "volatile", "register", "static", "inline", "extern"].includes(w))
    .join(" ");
  switch (words) {
    case "int":
    case "signed":
    case "signed int":
    case "int32_t":
      return "INTEGER";
    case "long long":
    case "long long int":
    case "signed long long":
    case "int64_t":
      return "BIGINT";
    case "float":
      return "FLOAT";
    case "double":
      return "DOUBLE";
    case "bool":
    case "_Bool":
      return "BOOLEAN";
    case "wasmudf_str":
    case "struct wasmudf_str":
      return "STRING";
    default:
      return undefined;
  }
}

/** The columns named as the parameters of a saved signature (`f(a INT, b DECIMAL(10, 2)) RETURNS
 * ...`), in parameter order, matching case-insensitively when no column has the exact name;
 * `null` unless every parameter has one. */
export function columnsForParameters(signature: string, columns: { name: string }[]): string[] | null {
  // The parameter list: from the first "(" to the ")" that closes it (a DECIMAL(p, s) return
  // type has brackets of its own after it).
  const open = signature.indexOf("(");
  const params: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of signature.slice(open + 1)) {
    if (char === "(") depth++;
    if (char === ")" && depth-- === 0) {
      const name = current.trim().split(/\s+/)[0];
      if (name) params.push(name);
      break;
    }
    if (char === "," && depth === 0) {
      const name = current.trim().split(/\s+/)[0];
      if (name) params.push(name);
      current = "";
    } else {
      current += char;
    }
  }
  const found = params.map(
    (param) => columns.find((c) => c.name === param) ?? columns.find((c) => c.name.toLowerCase() === param.toLowerCase()),
  );
  return params.length > 0 && found.every((c) => c !== undefined) ? found.map((c) => c!.name) : null;
}
