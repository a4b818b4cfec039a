import { describe, expect, it } from "vitest";
import { histogram, MAX_CATEGORIES } from "./histogram";

describe("histogram", () => {
  it("puts numbers in equal-width bins, the maximum in the last, and counts NULLs apart", () => {
    const chart = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, null, null], 5);
    expect(chart.kind).toBe("numeric");
    expect(chart.nulls).toBe(2);
    expect(chart.values).toBe(10);
    expect(chart.bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
    expect(chart.bins[0].label).toBe("0 – 2");
  });

  it("makes one bin when every value is equal", () => {
    expect(histogram([3.5, 3.5, 3.5]).bins).toEqual([{ label: "3.5", count: 3 }]);
  });

  it("counts strings and booleans by value, most frequent first, the tail as other", () => {
    expect(histogram([true, false, true]).bins).toEqual([
      { label: "true", count: 2 },
      { label: "false", count: 1 },
    ]);
    const many = Array.from({ length: MAX_CATEGORIES + 3 }, (_, i) => `v${i}`);
    const chart = histogram([...many, "v0"]);
    expect(chart.kind).toBe("categorical");
    expect(chart.bins[0]).toEqual({ label: "v0", count: 2 });
    expect(chart.bins.at(-1)).toEqual({ label: "other", count: 3 });
  });

  it("has no bins when every value is NULL", () => {
    expect(histogram([null, null])).toEqual({ kind: "categorical", bins: [], nulls: 2, values: 0 });
  });
});
