import { describe, expect, it } from "vitest";
import { toEditorDiagnostics } from "./diagnostics";

const SOURCE = "int broken(int x) {\n  int y = x * 2;\n  return y +;\n}\n";

describe("toEditorDiagnostics", () => {
  it("marks from the diagnostic's column to the end of its word, on its line", () => {
    const [mark] = toEditorDiagnostics(SOURCE, [
      { severity: "error", line: 2, column: 7, message: "unused variable" },
    ]);
    expect(SOURCE.slice(mark.from, mark.to)).toBe("y");
    expect(mark.message).toBe("line 2:7: unused variable");
    expect(mark.severity).toBe("error");
  });

  it("marks the whole line when there is no column, and a line past the end marks the last line", () => {
    const [whole, past] = toEditorDiagnostics(SOURCE, [
      { severity: "warning", line: 3, column: null, message: "w" },
      { severity: "note", line: 99, column: 1, message: "n" },
    ]);
    expect(SOURCE.slice(whole.from, whole.to)).toBe("  return y +;");
    expect(whole.severity).toBe("warning");
    expect(past.severity).toBe("info");
    expect(past.from).toBeLessThanOrEqual(SOURCE.length);
  });

  it("keeps a diagnostic without a line on the first line", () => {
    const [mark] = toEditorDiagnostics(SOURCE, [{ severity: "error", line: null, column: null, message: "limit" }]);
    expect(SOURCE.slice(mark.from, mark.to)).toBe("int broken(int x) {");
    expect(mark.message).toBe("limit");
  });
});
