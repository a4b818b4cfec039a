import { describe, expect, it } from "vitest";
import { TEMPLATES } from "./templates";
import { aggregateFunction, cFunctions, entryFunction, sqlTypeOfC } from "./lib/cSource";

// Every example, as text: the templates must be exactly these files.
const EXAMPLES = import.meta.glob("../../examples/*.c", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;
const exampleText = (file: string) => EXAMPLES[`../../examples/${file}`];

describe("TEMPLATES", () => {
  it("covers every example in examples/, once", () => {
    const files = Object.keys(EXAMPLES).map((path) => path.replace("../../examples/", ""));
    expect(files.length).toBeGreaterThan(0);
    expect(TEMPLATES.map((t) => t.file).sort()).toEqual(files.sort());
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  it("keeps the first template the paper's calculate_adj_bal", () => {
    expect(TEMPLATES[0].functionName).toBe("calculate_adj_bal");
    expect(TEMPLATES[0].columns).toEqual(["balance", "rate"]);
  });

  it.each(TEMPLATES.map((t) => [t.file, t] as const))("%s: is the example's text, and its metadata matches the C", (file, t) => {
    expect(t.source).toBe(exampleText(file));
    const aggregate = t.operation === "AGGREGATE";
    const entry = aggregate ? aggregateFunction(t.source) : entryFunction(t.source);
    expect(entry, "exactly one non-static function definition, or an aggregate's parts").toBeDefined();
    expect(t.functionName).toBe(entry!.name);
    const defined = aggregate ? `${t.functionName}_step` : t.functionName;
    expect(t.source).toMatch(new RegExp(`^[\\w \\t*]*\\b${defined}\\s*\\([^)]*\\)\\s*\\{`, "m"));
    expect(t.file).toBe(`${t.functionName}.c`);
    expect(sqlTypeOfC(entry!.returnType)).toBe(t.returns);
    expect(entry!.params).toHaveLength(t.columns.length);
    if (t.operation === "FILTER") expect(t.returns).toBe("BOOLEAN");
  });

  it("uses the examples' own names", () => {
    expect(TEMPLATES.map((t) => t.functionName)).toEqual(["calculate_adj_bal", "rich", "domain", "initials", "wavg"]);
  });
});

describe("cFunctions", () => {
  it("reads definitions, skipping prototypes, calls, comments and control flow", () => {
    const source = `// int fake(int x) {
static int32_t helper(wasmudf_str s) {
    if (s.len > 0) {
        return 1;
    }
    return 0;
}
int proto(int x);
long long  big(long long a, double b) { return helper(x); }
const char *name(void) {
    return "f(int y) {";
}
`;
    expect(cFunctions(source)).toEqual([
      { name: "helper", returnType: "int32_t", params: ["wasmudf_str s"], isStatic: true },
      { name: "big", returnType: "long long", params: ["long long a", "double b"], isStatic: false },
      { name: "name", returnType: "const char*", params: [], isStatic: false },
    ]);
    expect(entryFunction(source)).toBeUndefined();
  });

  it("maps C return types to SQL types as the server does", () => {
    expect(sqlTypeOfC("float")).toBe("FLOAT");
    expect(sqlTypeOfC("int")).toBe("INTEGER");
    expect(sqlTypeOfC("int32_t")).toBe("INTEGER");
    expect(sqlTypeOfC("bool")).toBe("BOOLEAN");
    expect(sqlTypeOfC("int64_t")).toBe("BIGINT");
    expect(sqlTypeOfC("long long")).toBe("BIGINT");
    expect(sqlTypeOfC("double")).toBe("DOUBLE");
    expect(sqlTypeOfC("wasmudf_str")).toBe("STRING");
    expect(sqlTypeOfC("const char*")).toBeUndefined();
  });
});
