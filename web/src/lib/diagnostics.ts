/** Compiler diagnostics (1-based line and column in the user's source) as editor ranges. */
import type { Diagnostic } from "../types";

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: "error" | "warning" | "info";
  message: string;
}

/**
 * Maps diagnostics onto `source`: a diagnostic with a line and column marks from that column to
 * the end of its word; one with only a line marks the whole line; one without a line marks the
 * first line, so that it is never lost.
 */
export function toEditorDiagnostics(source: string, diagnostics: Diagnostic[]): EditorDiagnostic[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const lineEnd = (index: number) =>
    index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : source.length;
  return diagnostics.map((d) => {
    const lineIndex = Math.min(Math.max((d.line ?? 1) - 1, 0), lineStarts.length - 1);
    const start = lineStarts[lineIndex];
    const end = lineEnd(lineIndex);
    let from = start;
    let to = end;
    if (d.line != null && d.column != null) {
      from = Math.min(start + Math.max(d.column - 1, 0), end);
      to = from;
      while (to < end && /[\w.]/.test(source[to])) to++;
      if (to === from) to = Math.min(from + 1, end);
    }
    const severity = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info";
    const where = d.line != null ? `line ${d.line}${d.column != null ? `:${d.column}` : ""}: ` : "";
    return { from, to, severity, message: where + d.message };
  });
}
