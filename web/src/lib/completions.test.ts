import { describe, expect, it } from "vitest";
import { cCompletions, cTypeOf, sqlFunctionCompletions, sqlSchema } from "./completions";
import { columnsForParameters } from "./cSource";

describe("completions", () => {
  it("offers the dataset's columns with the C type each arrives as, then C's types and helpers", () => {
    const list = cCompletions([
      { name: "balance", type: "INT" },
      { name: "email", type: "STRING" },
    ]);
    expect(list[0]).toMatchObject({ label: "balance", detail: "int32_t (column INT)" });
    expect(list[1]).toMatchObject({ label: "email", detail: "wasmudf_str (column STRING)" });
    expect(list.map((c) => c.label)).toContain("wasmudf_str_from");
    expect(list.map((c) => c.label)).toContain("int64_t");
  });

  it("maps every SQL type to its C type", () => {
    expect(cTypeOf("DECIMAL(10, 2)")).toBe("wasmudf_decimal");
    expect(cTypeOf("DOUBLE")).toBe("double");
    expect(cTypeOf("TIMESTAMP")).toBe("wasmudf_timestamp");
  });

  it("quotes mixed-case columns for SQL and offers saved functions with their signatures", () => {
    const schema = sqlSchema({ accounts: [{ name: "firstName", type: "STRING" }, { name: "balance", type: "INT" }] });
    expect(schema.accounts.map((c) => c.label)).toEqual(['"firstName"', "balance"]);
    const functions = sqlFunctionCompletions([{ name: "adj", signature: "adj(balance INT, rate FLOAT) RETURNS FLOAT" }]);
    expect(functions[0]).toMatchObject({ label: "adj", detail: "(balance INT, rate FLOAT) RETURNS FLOAT", apply: "adj(" });
  });
});

describe("columnsForParameters", () => {
  const columns = [{ name: "balance" }, { name: "rate" }, { name: "firstName" }];
  it("picks the columns named as the parameters, in parameter order", () => {
    expect(columnsForParameters("adj(rate FLOAT, balance INT) RETURNS FLOAT", columns)).toEqual(["rate", "balance"]);
    expect(columnsForParameters("AGGREGATE n(firstname STRING) RETURNS BIGINT", columns)).toEqual(["firstName"]);
    expect(columnsForParameters("m(balance DECIMAL(10, 2), rate DOUBLE) RETURNS DOUBLE", columns)).toEqual(["balance", "rate"]);
    expect(columnsForParameters("d(balance INT) RETURNS DECIMAL(10, 2)", columns)).toEqual(["balance"]);
  });
  it("gives nothing when a parameter has no column", () => {
    expect(columnsForParameters("f(x INT) RETURNS INT", columns)).toBeNull();
  });
});
