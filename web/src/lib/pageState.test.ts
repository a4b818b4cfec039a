import { describe, expect, it } from "vitest";
import { executionLink, readState, tenantKey, writeState } from "./pageState";

describe("page state in the URL", () => {
  it("round-trips the builder's fields, lists included", () => {
    const state = {
      dataset: "accounts",
      columns: ["balance", "rate"],
      functionName: "wavg",
      operation: "AGGREGATE",
      returns: "DECIMAL(18, 2)",
      groupBy: ["first name"],
      execution: "e-1",
    };
    const query = writeState(state);
    expect(query.startsWith("?dataset=accounts&columns=balance%2Crate")).toBe(true);
    expect(readState(query)).toEqual(state);
  });

  it("leaves out empty fields and reads an empty query as nothing", () => {
    expect(writeState({ dataset: "", columns: [], output: undefined })).toBe("");
    expect(readState("")).toEqual({});
  });

  it("links an execution to the tab that shows it", () => {
    expect(executionLink("a b", true)).toBe("/sql?execution=a%20b");
    expect(executionLink("x", false)).toBe("/?execution=x");
  });

  it("keys drafts by a stable digest of the token, not the token", () => {
    expect(tenantKey("wu_secret")).toBe(tenantKey("wu_secret"));
    expect(tenantKey("wu_secret")).not.toBe(tenantKey("wu_other"));
    expect(tenantKey("wu_secret")).not.toContain("secret");
    expect(tenantKey("wu_secret")).toHaveLength(8);
  });
});
